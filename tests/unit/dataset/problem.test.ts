import { describe, expect, it } from 'vitest';
import { formatProblem, formatProblems, ProblemList, ProblemsError, KEPT_PER_GROUP } from '../../../src/lib/dataset/problem.ts';
import type { Problem } from '../../../src/lib/dataset/types.ts';

const file = 'data/jcsa/2025/responses.csv';
const bad = (row: number, value: string): Problem => ({ file, row, column: 'cs_effect', value, rule: 'unknown-code', message: 'is not an option', expected: '1–5' });

describe('formatProblem', () => {
  it('names file, Excel row, column, value and expectation', () => {
    expect(formatProblem(bad(214, '9'))).toBe('data/jcsa/2025/responses.csv row 214, column cs_effect: "9" is not an option (expected 1–5)');
  });
  it('uses the YAML line and path for codebook problems, and omits what is absent', () => {
    expect(formatProblem({ file: 'data/x/codebook.yaml', line: 12, column: 'questions[3].type', value: 'singel', rule: 'codebook-value', message: 'is not a known type' })).toBe(
      'data/x/codebook.yaml line 12, questions[3].type: "singel" is not a known type',
    );
    expect(formatProblem({ file, rule: 'empty-file', message: 'is empty' })).toBe(`${file}: is empty`);
  });
});

describe('formatProblems', () => {
  it('groups repeats of one rule in one column into one line with the count and first rows', () => {
    const lines = formatProblems([bad(3, '9'), bad(8, '7'), bad(9, '0'), bad(10, '6'), bad(11, '9'), bad(12, '9'), bad(20, '9')]);
    expect(lines).toEqual([`${file} column cs_effect, 7 rows: is not an option (expected 1–5) — row 3 "9", row 8 "7", row 9 "0", row 10 "6", row 11 "9" and 2 more`]);
  });
  it('keeps different rules and columns apart', () => {
    const other = { ...bad(5, 'x'), column: 'sector' };
    expect(formatProblems([bad(3, '9'), other])).toHaveLength(2);
  });
});

describe('ProblemList', () => {
  it('keeps the first problems of a group and counts the rest, so counts stay exact', () => {
    const list = new ProblemList();
    for (let row = 2; row < 1002; row++) list.add(bad(row, '9'));
    expect(list.size).toBe(KEPT_PER_GROUP);
    expect(formatProblems(list.problems)[0]).toMatch(/, 1000 rows: .* and 995 more$/);
  });
});

describe('ProblemsError', () => {
  it('carries every formatted line in its message', () => {
    const error = new ProblemsError([bad(214, '9')], 'Survey data under data/ has problems');
    expect(error.message).toBe('Survey data under data/ has problems (1 problem):\n  data/jcsa/2025/responses.csv row 214, column cs_effect: "9" is not an option (expected 1–5)');
  });
});
