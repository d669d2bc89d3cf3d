import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/lib/dataset/csv.ts';
import { ProblemList, formatProblems } from '../../../src/lib/dataset/problem.ts';

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
