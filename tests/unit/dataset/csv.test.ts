import { describe, expect, it } from 'vitest';
import { readCsv, readCsvCounted } from '../../../src/lib/dataset/csv.ts';
import { ProblemList, formatProblem, formatProblems } from '../../../src/lib/dataset/problem.ts';

function read(text: string) {
  const problems = new ProblemList();
  let header: string[] = [];
  const records: { row: number; cells: string[] | null }[] = [];
  const n = readCsv(text, 'f.csv', { header: (h) => ((header = h), true), records: (rows, first) => rows.forEach((cells, j) => records.push({ row: first + j, cells })) }, problems);
  return { n, header, records, problems: formatProblems(problems.problems) };
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
    return { ...r, seen, problems: problems.problems.map(formatProblem) };
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
