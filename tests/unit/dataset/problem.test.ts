import { describe, expect, it } from 'vitest';
import { columnLetters, formatProblem, formatProblems, printable, ProblemList, ProblemsError, KEPT_PER_GROUP, quote } from '../../../src/lib/dataset/problem.ts';
import type { Problem } from '../../../src/lib/dataset/types.ts';

const file = 'data/jcsa/2025/responses.csv';
const bad = (row: number, value: string): Problem => ({ file, row, column: 'cs_effect', value, rule: 'unknown-code', message: 'is not an option', expected: '1–5' });

describe('formatProblem', () => {
  it('names file, Excel row, column, value and expectation', () => {
    expect(formatProblem(bad(214, '9'), 'en')).toBe('data/jcsa/2025/responses.csv row 214, column cs_effect: "9" is not an option (expected 1–5)');
  });
  it('uses the YAML line and path for codebook problems, and omits what is absent', () => {
    expect(formatProblem({ file: 'data/x/codebook.yaml', line: 12, column: 'questions[3].type', value: 'singel', rule: 'codebook-value', message: 'is not a known type' }, 'en')).toBe(
      'data/x/codebook.yaml line 12, questions[3].type: "singel" is not a known type',
    );
    expect(formatProblem({ file, rule: 'empty-file', message: 'is empty' }, 'en')).toBe(`${file}: is empty`);
  });
});

describe('formatProblems', () => {
  it('groups repeats of one rule in one column into one line with the count and first rows', () => {
    const lines = formatProblems([bad(3, '9'), bad(8, '7'), bad(9, '0'), bad(10, '6'), bad(11, '9'), bad(12, '9'), bad(20, '9')], 'en');
    expect(lines).toEqual([`${file} column cs_effect, 7 rows: is not an option (expected 1–5) — row 3 "9", row 8 "7", row 9 "0", row 10 "6", row 11 "9" and 2 more`]);
  });
  it('keeps different rules and columns apart', () => {
    const other = { ...bad(5, 'x'), column: 'sector' };
    expect(formatProblems([bad(3, '9'), other], 'en')).toHaveLength(2);
  });
});

describe('ProblemList', () => {
  it('keeps the first problems of a group and counts the rest, so counts stay exact', () => {
    const list = new ProblemList();
    for (let row = 2; row < 1002; row++) list.add(bad(row, '9'));
    expect(list.size).toBe(KEPT_PER_GROUP);
    expect(formatProblems(list.problems, 'en')[0]).toMatch(/, 1000 rows: .* and 995 more$/);
  });
});

describe('ProblemsError', () => {
  it('carries every formatted line in its message', () => {
    const error = new ProblemsError([bad(214, '9')], 'Survey data under data/ has problems', 'en');
    expect(error.message).toBe('Survey data under data/ has problems (1 problem):\n  data/jcsa/2025/responses.csv row 214, column cs_effect: "9" is not an option (expected 1–5)');
  });
});

describe('values, columns and control characters as shown', () => {
  it('quote shortens values over 40 characters and makes blanks visible', () => {
    expect(quote('x'.repeat(40))).toBe(`"${'x'.repeat(40)}"`);
    expect(quote('x'.repeat(41))).toBe(`"${'x'.repeat(37)}…"`);
    expect(quote(' a"b ')).toBe('" a\\"b "');
  });
  it('printable writes control, bidirectional and line-separator characters as escapes, and nothing else', () => {
    expect(printable('a\u0000b\u001bc\u001fd\u007fe\u009ff\u200eg\u200fh\u2028i\u2029j\u202ak\u202el\u2066m\u2069n')).toBe(
      'a\\u0000b\\u001bc\\u001fd\\u007fe\\u009ff\\u200eg\\u200fh\\u2028i\\u2029j\\u202ak\\u202el\\u2066m\\u2069n',
    );
    expect(printable(' ~\u00a0\u200d\u202f\u2065\u206a日本')).toBe(' ~\u00a0\u200d\u202f\u2065\u206a日本');
  });
  it('a formatted problem is printable and shortens a column name over 120 characters', () => {
    const column = `c${'x'.repeat(119)}`;
    expect(formatProblem({ file, row: 1, column, rule: 'unknown-column', message: 'is unknown' }, 'en')).toBe(`${file} row 1, column ${column}: is unknown`);
    expect(formatProblem({ file, row: 1, column: `${column}y`, rule: 'unknown-column', value: 'a\nb', message: 'is\u001b unknown' }, 'en')).toBe(`${file} row 1, column ${column.slice(0, 117)}…: "a\\nb" is\\u001b unknown`);
  });
  it('a problem with both row and line, and a codebook path that is not a CSV column', () => {
    expect(formatProblem({ file: 'a/b.CSV', row: 2, line: 3, column: 'x', rule: 'r', message: 'm', expected: '' }, 'en')).toBe('a/b.CSV row 2 line 3, column x: m (expected )');
    expect(formatProblem({ file: 'a/codebook.yaml', column: 'survey.n', rule: 'r', value: '', message: 'm' }, 'en')).toBe('a/codebook.yaml, survey.n: m');
  });
});

describe('formatProblems: groups', () => {
  const yaml = 'data/x/codebook.yaml';
  it('groups codebook problems by line, without values when there are none, naming no column', () => {
    const p = (line: number): Problem => ({ file: yaml, line, rule: 'yaml-syntax', message: 'is not valid YAML', expected: 'YAML' });
    expect(formatProblems([p(3), p(5)], 'en')).toEqual([`${yaml}, 2 lines: is not valid YAML (expected YAML) — line 3, line 5`]);
    expect(formatProblems([{ ...p(3), column: 'survey.n' }, { ...p(4), column: 'survey.n', expected: undefined }], 'en')).toEqual([`${yaml} survey.n, 2 lines: is not valid YAML (expected YAML) — line 3, line 4`]);
    const bare = (line: number): Problem => ({ file: yaml, line, rule: 'yaml-syntax', message: 'is not valid YAML' });
    expect(formatProblems([bare(3), bare(5)], 'en')).toEqual([`${yaml}, 2 lines: is not valid YAML — line 3, line 5`]);
  });
  it('lists exactly five rows, and says nothing more when there is nothing more', () => {
    const five = [2, 3, 4, 5, 6].map((row) => bad(row, String(row)));
    expect(formatProblems(five, 'en')).toEqual([`${file} column cs_effect, 5 rows: is not an option (expected 1–5) — row 2 "2", row 3 "3", row 4 "4", row 5 "5", row 6 "6"`]);
  });
  it('counts repeats carried by a problem; a repeated problem without row or line is written out in full', () => {
    expect(formatProblems([{ ...bad(2, '9'), repeats: 3 }], 'en')).toEqual([`${file} column cs_effect, 4 rows: is not an option (expected 1–5) — row 2 "9" and 3 more`]);
    const unlocated: Problem = { file, rule: 'weight', message: 'is missing' };
    expect(formatProblems([unlocated, unlocated], 'en')).toEqual([`${file}: is missing`, `${file}: is missing`]);
    expect(formatProblems([{ ...unlocated, repeats: 1 }], 'en')).toEqual([`${file}: is missing`]);
  });
  it('keeps groups in order of first appearance, even when interleaved', () => {
    const other = (row: number): Problem => ({ ...bad(row, 'x'), column: 'sector' });
    expect(formatProblems([bad(2, '9'), other(2), bad(3, '8'), other(3)], 'en')).toEqual([
      `${file} column cs_effect, 2 rows: is not an option (expected 1–5) — row 2 "9", row 3 "8"`,
      `${file} column sector, 2 rows: is not an option (expected 1–5) — row 2 "x", row 3 "x"`,
    ]);
    expect(formatProblems([bad(2, '9'), { ...bad(3, '9'), file: 'other.csv' }, { ...bad(4, '9'), rule: 'other' }], 'en')).toHaveLength(3);
  });
});

describe('ProblemList: groups', () => {
  it('counts the rest of a group on its last kept problem, also when groups interleave, with repeats carried', () => {
    const list = new ProblemList();
    const other = (row: number): Problem => ({ ...bad(row, 'x'), column: 'sector' });
    for (let row = 2; row < 2 + KEPT_PER_GROUP; row++) {
      list.add(bad(row, '9'));
      list.add(other(row));
    }
    expect(list.size).toBe(2 * KEPT_PER_GROUP);
    list.addAll([bad(100, '9'), other(100), { ...bad(101, '9'), repeats: 4 }, { ...bad(102, '9'), file: 'b.csv' }, { ...bad(103, '9'), rule: 'r' }]);
    expect(list.size).toBe(2 * KEPT_PER_GROUP + 2);
    expect(list.problems.filter((p) => p.column === 'cs_effect' && p.file === file && p.rule === 'unknown-code').map((p) => p.repeats ?? 0)).toEqual([...Array(KEPT_PER_GROUP - 1).fill(0), 6]);
    expect(list.problems.filter((p) => p.column === 'sector').map((p) => p.repeats ?? 0)).toEqual([...Array(KEPT_PER_GROUP - 1).fill(0), 1]);
  });
  it('keeps 20 per group', () => {
    expect(KEPT_PER_GROUP).toBe(20);
  });
});

describe('ProblemsError: heading and count', () => {
  it('counts problem lines, not problems, when there is more than one, under the default heading', () => {
    const error = new ProblemsError([bad(2, '9'), bad(3, '9'), { ...bad(4, '9'), column: 'sector' }], undefined, 'en');
    expect(error.name).toBe('ProblemsError');
    expect(error.problems).toHaveLength(3);
    expect(error.message).toBe(
      `The survey data has problems (2 problem lines):\n  ${file} column cs_effect, 2 rows: is not an option (expected 1–5) — row 2 "9", row 3 "9"\n  ${file} row 4, column sector: "9" is not an option (expected 1–5)`,
    );
  });
});

describe('Excel column letters', () => {
  it('numbers columns from 1 as Excel does, through the last column XFD', () => {
    expect([1, 2, 26, 27, 52, 53, 181, 702, 703, 16384].map(columnLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'BA', 'FY', 'ZZ', 'AAA', 'XFD']);
  });
  it('names a CSV column by its header and its letters, an unnamed one by its letters alone', () => {
    expect(formatProblem({ ...bad(214, '9'), columnIndex: 180 }, 'en')).toBe('data/jcsa/2025/responses.csv row 214, column cs_effect (column FY): "9" is not an option (expected 1–5)');
    expect(formatProblem({ file, row: 4, column: '(column 15)', columnIndex: 14, value: 'メモ', rule: 'unnamed-column', message: 'is a value in the last column, which has no header' }, 'en')).toBe(`${file} row 4, unnamed column O: "メモ" is a value in the last column, which has no header`);
    expect(formatProblems([2, 3].map((row) => ({ ...bad(row, '9'), columnIndex: 8 })), 'en')).toEqual([`${file} column cs_effect (column I), 2 rows: is not an option (expected 1–5) — row 2 "9", row 3 "9"`]);
  });
});

describe('codebook paths with the name of their entry', () => {
  const yaml = 'data/jcsa/2025/codebook.yaml';
  it('names the question, headline or crosswalk link a YAML path lies in', () => {
    expect(formatProblem({ file: yaml, line: 48, column: 'questions[30].options[2].code', entry: 'cs_effect', value: '1', rule: 'duplicate-id', message: 'repeats the option code of options[0]' }, 'en')).toBe(
      `${yaml} line 48, questions[30] (id: cs_effect).options[2].code: "1" repeats the option code of options[0]`,
    );
    expect(formatProblem({ file: yaml, line: 9, column: 'headlines[1].kind', entry: 'cs_team', rule: 'headline-kind', message: 'm' }, 'en')).toBe(`${yaml} line 9, headlines[1] (q: cs_team).kind: m`);
    expect(formatProblem({ file: yaml, column: 'crosswalk.questions[2].options.5', entry: 'cs_effect', rule: 'crosswalk-target', message: 'm' }, 'en')).toBe(`${yaml}, crosswalk.questions[2] (question: cs_effect).options.5: m`);
    expect(formatProblems([3, 4].map((line) => ({ file: yaml, line, column: 'universes[0].filter', entry: 'doing_cs', rule: 'r', message: 'm' })), 'en')).toEqual([`${yaml} universes[0] (id: doing_cs).filter, 2 lines: m — line 3, line 4`]);
  });
  it('shows the path alone when it starts in no named list', () => {
    expect(formatProblem({ file: yaml, column: 'survey.n', entry: 'x', rule: 'r', message: 'm' }, 'en')).toBe(`${yaml}, survey.n: m`);
  });
});

describe('where a problem is, in an Excel delivery and in codebook paths (mutation-found gaps)', () => {
  const xlsx = 'data/jcsa/2026/responses.xlsx';
  const option = { file: xlsx, rule: 'unknown-code', message: 'is not an option', expected: '1–5' };
  const both = (p: Problem) => [formatProblem(p, 'ja'), formatProblem(p, 'en')];

  it('names the cell when the sheet, row and column are known, else the sheet with what is known', () => {
    expect(both({ ...option, sheet: '回答データ', row: 10, column: 'cs_effect', columnIndex: 14, value: '9' })).toEqual([
      'data/jcsa/2026/responses.xlsx 回答データ!O10・列 cs_effect: "9" は選択肢にありません（想定: 1–5）',
      'data/jcsa/2026/responses.xlsx 回答データ!O10, column cs_effect: "9" is not an option (expected 1–5)',
    ]);
    expect(both({ ...option, sheet: '回答データ', row: 10, column: 'cs_effect', value: '9' })).toEqual([
      'data/jcsa/2026/responses.xlsx シート 回答データ 10行目・列 cs_effect: "9" は選択肢にありません（想定: 1–5）',
      'data/jcsa/2026/responses.xlsx sheet 回答データ row 10, column cs_effect: "9" is not an option (expected 1–5)',
    ]);
    expect(both({ ...option, sheet: '回答データ', column: 'cs_effect', columnIndex: 14 })).toEqual([
      'data/jcsa/2026/responses.xlsx シート 回答データ・列 cs_effect (O列): 選択肢にありません（想定: 1–5）',
      'data/jcsa/2026/responses.xlsx sheet 回答データ, column cs_effect (column O): is not an option (expected 1–5)',
    ]);
    expect(both({ ...option, sheet: '回答データ', row: 10 })).toEqual([
      'data/jcsa/2026/responses.xlsx シート 回答データ 10行目: 選択肢にありません（想定: 1–5）',
      'data/jcsa/2026/responses.xlsx sheet 回答データ row 10: is not an option (expected 1–5)',
    ]);
    expect(both({ ...option, sheet: '回答データ' })).toEqual([
      'data/jcsa/2026/responses.xlsx シート 回答データ: 選択肢にありません（想定: 1–5）',
      'data/jcsa/2026/responses.xlsx sheet 回答データ: is not an option (expected 1–5)',
    ]);
  });

  it('groups repeats on a sheet by cell, or by row when the column has no letters', () => {
    const cells = [10, 11, 12].map((row): Problem => ({ ...option, sheet: '回答データ', row, column: 'cs_effect', columnIndex: 14, value: String(row) }));
    expect(formatProblems(cells, 'ja')).toEqual(['data/jcsa/2026/responses.xlsx シート 回答データ 列 cs_effect (O列)、3行: 選択肢にありません（想定: 1–5） — O10 "10"、O11 "11"、O12 "12"']);
    expect(formatProblems(cells, 'en')).toEqual(['data/jcsa/2026/responses.xlsx sheet 回答データ column cs_effect (column O), 3 rows: is not an option (expected 1–5) — O10 "10", O11 "11", O12 "12"']);
    const rows = [10, 11].map((row): Problem => ({ ...option, sheet: '回答データ', row, column: 'cs_effect', value: String(row) }));
    expect(formatProblems(rows, 'ja')).toEqual(['data/jcsa/2026/responses.xlsx シート 回答データ 列 cs_effect、2行: 選択肢にありません（想定: 1–5） — 10行目 "10"、11行目 "11"']);
    expect(formatProblems(rows, 'en')).toEqual(['data/jcsa/2026/responses.xlsx sheet 回答データ column cs_effect, 2 rows: is not an option (expected 1–5) — row 10 "10", row 11 "11"']);
  });

  it('calls a column without a header by its letters, and only such a column', () => {
    const csv = 'data/jcsa/2026/responses.csv';
    const column = (name: string): Problem => ({ file: csv, row: 4, column: name, columnIndex: 14, value: 'x', rule: 'r', message: 'has no header' });
    expect(both(column('(column 15)'))).toEqual(['data/jcsa/2026/responses.csv 4行目・見出しのない列 (O列): "x" has no header', 'data/jcsa/2026/responses.csv row 4, unnamed column O: "x" has no header']);
    expect(formatProblem(column('memo (column 15)'), 'ja')).toBe('data/jcsa/2026/responses.csv 4行目・列 memo (column 15) (O列): "x" has no header');
    expect(formatProblem(column('(column 15) memo'), 'en')).toBe('data/jcsa/2026/responses.csv row 4, column (column 15) memo (column O): "x" has no header');
  });

  it('names the entry of a codebook path by its id, for every kind of list, and only at the start of the path', () => {
    const at = (file: string, column: string, entry: string): Problem => ({ file, line: 7, column, entry, rule: 'r', message: 'is too long' });
    // A folder whose name contains ".csv" does not make a codebook a table.
    expect(both(at('data/x.csv.d/codebook.yaml', 'questions[3].label', 'cs_effect'))).toEqual([
      'data/x.csv.d/codebook.yaml 7行目・設問 cs_effect（questions[3]）の label: is too long',
      'data/x.csv.d/codebook.yaml line 7, questions[3] (id: cs_effect).label: is too long',
    ]);
    expect(formatProblem(at('data/x/codebook.yaml', 'chapters[1].title', 'ch2'), 'ja')).toBe('data/x/codebook.yaml 7行目・章 ch2（chapters[1]）の title: is too long');
    expect(formatProblem(at('data/x/codebook.yaml', 'headlines[0].value', 'h1'), 'ja')).toBe('data/x/codebook.yaml 7行目・見出しの数値（headlines[0]、q: h1）の value: is too long');
    expect(formatProblem(at('data/x/codebook.yaml', 'crosswalk.questions[2].previous', 'cs_effect'), 'ja')).toBe('data/x/codebook.yaml 7行目・対応づけ（crosswalk.questions[2]、question: cs_effect）の previous: is too long');
    expect(formatProblem(at('data/x/codebook.yaml', 'survey.title', 'cs_effect'), 'ja')).toBe('data/x/codebook.yaml 7行目・survey.title: is too long');
    expect(formatProblem(at('data/x/codebook.yaml', 'survey.questions[1]', 'cs_effect'), 'en')).toBe('data/x/codebook.yaml line 7, survey.questions[1]: is too long');
    expect(formatProblem(at('data/x/codebook.yaml', 'rows[1].label', 'cs_effect'), 'ja')).toBe('data/x/codebook.yaml 7行目・rows[1].label: is too long');
  });
});
