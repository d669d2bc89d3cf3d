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
