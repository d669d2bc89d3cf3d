import { describe, expect, it } from 'vitest';
import { quoteCounter, readCsv, readCsvCounted } from '../../../src/lib/dataset/csv.ts';
import { ProblemList, formatProblem, formatProblems } from '../../../src/lib/dataset/problem.ts';

function read(text: string) {
  const problems = new ProblemList();
  let header: string[] = [];
  const records: { row: number; cells: string[] | null }[] = [];
  const n = readCsv(text, 'f.csv', { header: (h) => ((header = h), true), records: (rows, first) => rows.forEach((cells, j) => records.push({ row: first + j, cells })) }, problems);
  return { n, header, records, problems: formatProblems(problems.problems, 'en') };
}

describe('readCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, with LF, CRLF or CR line ends', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const r = read(['id,text', 'a,"x, ""y"""', 'b,"line 1', 'line 2"', 'c,plain', ''].join(nl));
      expect(r.header).toEqual(['id', 'text']);
      expect(r.records.map((x) => [x.row, x.cells])).toEqual([
        [2, ['a', 'x, "y"']],
        [3, ['b', `line 1${nl}line 2`]],
        [4, ['c', 'plain']],
      ]);
      expect(r.n).toBe(3);
    }
  });
  it('numbers rows as Excel does across pieces, even when quoted line breaks straddle a piece boundary', () => {
    const lines = ['id,text'];
    for (let i = 0; i < 40_000; i++) lines.push(i % 7 === 0 ? `r${i},"multi ""q""\nline, ${i}"` : `r${i},plain ${i}`);
    const r = read(`${lines.join('\n')}\n`);
    expect(r.n).toBe(40_000);
    expect(r.problems).toEqual([]);
    expect(r.records.filter((x, i) => !(x.row === i + 2 && x.cells?.[0] === `r${i}`)).slice(0, 3)).toEqual([]);
    expect(r.records[39_998].cells![1]).toBe('multi "q"\nline, 39998');
  });
  it('reports ragged rows, blank rows between records and unclosed quotes by row; trailing blank lines are fine', () => {
    const r = read('id,a\n1,2\n3\n\n4,5\n6,"7\n\n');
    expect(r.problems.sort()).toEqual([
      'f.csv row 3: "1 fields" has the wrong number of fields (expected 2 fields, as in the header)',
      'f.csv row 4: is empty (expected one respondent per row, no blank rows in between)',
      'f.csv row 6: has a quoted field that is never closed (expected quotes around a whole field, with "" for a quote inside it)',
    ]);
  });
  it('reports an empty file once', () => {
    expect(read(' \n').problems).toEqual(['f.csv: is empty (expected a header row and one row per respondent)']);
  });
});

describe('readCsvCounted', () => {
  const counted = (text: string, go = true) => {
    const problems = new ProblemList();
    const seen: (string[] | null)[] = [];
    const r = readCsvCounted(text, 'f.csv', { header: () => go, records: (rows) => seen.push(...rows) }, problems);
    return { ...r, seen, problems: problems.problems.map((p) => formatProblem(p, 'en')) };
  };
  it('counts records and the blank rows between them; trailing blank lines are neither', () => {
    expect(counted('id\n1\n\n\n2\n\n\n')).toMatchObject({ records: 4, blankRows: 2, header: true, seen: [['1'], null, null, ['2'], null, null] });
    expect(counted('id\n1\n2')).toMatchObject({ records: 2, blankRows: 0, header: true, problems: [] });
    expect(counted('id')).toMatchObject({ records: 0, blankRows: 0, header: true, seen: [] });
    expect(counted('\n\n')).toMatchObject({ records: 0, blankRows: 0, header: false });
  });
  it('a consumer that refuses the header stops the reading', () => {
    expect(counted('id\n1\n2\n', false)).toEqual({ records: 0, blankRows: 0, header: true, seen: [], problems: [] });
  });
  it('a malformed quoted field is reported once for its row', () => {
    expect(counted('id,a\n1,x"y"z\n2,"a"b""\n').problems).toEqual([
      'f.csv row 3: has a malformed quoted field (expected quotes around a whole field, with "" for a quote inside it)',
    ]);
  });
  it('pieces of a CR-only file with quoted CRs near the piece size keep every record', () => {
    const rows = ['id,t'];
    for (let i = 0; i < 30_000; i++) rows.push(i % 5 === 0 ? `r${i},"a\rb"` : `r${i},x`);
    const r = counted(rows.join('\r'));
    expect(r.records).toBe(30_000);
    expect(r.problems).toEqual([]);
    expect(r.seen[29_995]).toEqual(['r29995', 'a\rb']);
    expect(r.seen.every((cells, i) => cells?.[0] === `r${i}`)).toBe(true);
  });
});

describe('quoteCounter', () => {
  it('counts the quotes of each range, ranges moving forward, with or without gaps between them', () => {
    const text = 'a"b""c"\n"d"e';
    const between = quoteCounter(text);
    expect(between(0, 1)).toBe(0);
    expect(between(1, 2)).toBe(1); // the quote at 1
    expect(between(2, 5)).toBe(2); // 3 and 4, not 6
    expect(between(8, 13)).toBe(2); // skips the quote at 6 in the gap [5, 8)
    expect(between(13, 13)).toBe(0);
    // A range starting on a quote counts it; a range ending on one does not.
    const at = quoteCounter('""x"');
    expect(at(0, 0)).toBe(0);
    expect(at(0, 1)).toBe(1);
    expect(at(1, 3)).toBe(1);
    expect(at(3, 4)).toBe(1);
    expect(at(4, 4)).toBe(0);
    // Without any quote, every range counts none.
    const none = quoteCounter('abc');
    expect([none(0, 1), none(1, 3), none(3, 3)]).toEqual([0, 0, 0]);
    // A later range after the last quote: none, however often asked.
    const late = quoteCounter('"a"bcdef');
    expect(late(0, 3)).toBe(2);
    expect(late(3, 5)).toBe(0);
    expect(late(6, 8)).toBe(0);
    // A quote at 1 left behind by a gap.
    const one = quoteCounter('a"b');
    expect(one(0, 1)).toBe(0);
    expect(one(2, 3)).toBe(0);
  });
});

describe('pieces of a large file (256 K characters each)', () => {
  const PIECE = 1 << 18;
  const counted = (text: string) => {
    const problems = new ProblemList();
    const seen: (string[] | null)[] = [];
    const r = readCsvCounted(text, 'f.csv', { header: () => true, records: (rows) => seen.push(...rows) }, problems);
    return { ...r, seen, problems: problems.problems.map((p) => formatProblem(p, 'en')) };
  };
  /** The header and rows `r<i>,x` up to about `length` characters; how many rows. */
  const filler = (length: number, nl: string) => {
    const rows = ['id,t'];
    let size = 4 + nl.length;
    for (let i = 0; size + `r${i},x${nl}`.length <= length; i++) {
      rows.push(`r${i},x`);
      size += `r${i},x${nl}`.length;
    }
    return { text: rows.join(nl) + nl, rows: rows.length - 1 };
  };
  it('a piece never ends at a line break inside a quoted field, even when it is the first one after the piece size', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      // The quoted field opens a few characters before the piece size; its line break comes after it.
      const { text: head, rows } = filler(PIECE - 14, nl);
      const cell = `"a""b${'z'.repeat(20)}${nl}line 2 ""q"" , ${nl}line 3"`;
      const r = counted(`${head}q,${cell}${nl}last,"${'w'.repeat(10)}"${nl}`);
      expect(r.problems).toEqual([]);
      expect(r.records).toBe(rows + 2);
      expect(r.seen.at(-2)).toEqual(['q', `a"b${'z'.repeat(20)}${nl}line 2 "q" , ${nl}line 3`]);
      expect(r.seen.at(-1)).toEqual(['last', 'w'.repeat(10)]);
    }
  });
  it('quotes before the piece size are counted: an even number of them leaves the next line break free', () => {
    // Every filler row holds two quotes, and the piece size falls inside a quoted field.
    const rows = ['id,t'];
    let size = 5;
    for (let i = 0; size < PIECE - 40; i++) {
      const row = `r${i},"x"`;
      rows.push(row);
      size += row.length + 1;
    }
    rows.push(`open,"${'a'.repeat(60)}\nstill open"`, 'after,"b"');
    const r = counted(`${rows.join('\n')}\n`);
    expect(r.problems).toEqual([]);
    expect(r.records).toBe(rows.length - 1);
    expect(r.seen.at(-2)).toEqual(['open', `${'a'.repeat(60)}\nstill open`]);
    expect(r.seen.at(-1)).toEqual(['after', 'b']);
    expect(r.seen.every((cells) => cells !== null && cells.length === 2)).toBe(true);
  });
  it('a last record longer than the rest of the piece, without a line break after the piece size', () => {
    const long = 'v'.repeat(PIECE + 100);
    const r = counted(`id,t\nr0,x\nr1,${long}`);
    expect(r.problems).toEqual([]);
    expect(r.records).toBe(2);
    expect(r.seen).toEqual([['r0', 'x'], ['r1', long]]);
    const quoted = counted(`id,t\nr0,"${long}\n${long}"`);
    expect(quoted.problems).toEqual([]);
    expect(quoted.seen).toEqual([['r0', `${long}\n${long}`]]);
  });
});
