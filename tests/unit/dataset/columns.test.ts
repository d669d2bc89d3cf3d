/**
 * The column sinks of responses.csv, one by one: what each stores for valid, blank and missing
 * (null) rows, the exact problem for an invalid cell, and growth that keeps what was stored.
 */
import { describe, expect, it } from 'vitest';
import { CodedSink, IdSink, MultiSink, NumericSink, parseNumber, TextSink, WeightSink } from '../../../src/lib/dataset/columns.ts';
import { ProblemList, formatProblems } from '../../../src/lib/dataset/problem.ts';
import { GrowingBitset } from '../../../src/lib/dataset/bitset.ts';

function context(column = 'c') {
  const problems = new ProblemList();
  const invalid = new GrowingBitset();
  return { file: 'r.csv', column, problems, invalid, lines: () => formatProblems(problems.problems, 'en') };
}
const col = (...cells: (string | null)[]) => cells.map((c) => (c === null ? null : ['x', c]));
const invalidOf = (invalid: GrowingBitset, n: number) => Array.from({ length: n }, (_, i) => i).filter((i) => invalid.has(i));

describe('CodedSink', () => {
  it('stores option positions, -1 for blank and missing rows, and reports other cells with the codes', () => {
    const ctx = context();
    const sink = new CodedSink([{ code: 2, label: 'b' }, { code: 0, label: 'z' }, { code: 9, label: 'n' }, { code: 10, label: 't' }], 8, ctx);
    sink.fill(col('2', '', null, '0', '9', '10', '1', '02'), 1, 0, 2);
    expect([...sink.index]).toEqual([0, -1, -1, 1, 2, 3, -1, -1]);
    expect(ctx.lines()).toEqual(['r.csv column c (column B), 2 rows: is not an option (expected 0, 2, 9, 10) — row 8 "1", row 9 "02"']);
    expect(invalidOf(ctx.invalid, 8)).toEqual([6, 7]);
  });
  it('one-character cells outside ASCII are not read as digits (² is not 2, ° is not 0)', () => {
    const ctx = context();
    const sink = new CodedSink([{ code: 0, label: 'z' }, { code: 2, label: 'b' }], 3, ctx);
    sink.fill(col('²', '°', ':'), 1, 0, 2);
    expect([...sink.index]).toEqual([-1, -1, -1]);
    expect(ctx.problems.problems.map((p) => p.value)).toEqual(['²', '°', ':']);
  });
  it('a code above 9 is never a one-character cell', () => {
    const ctx = context();
    const sink = new CodedSink([{ code: 10, label: 't' }], 1, ctx);
    sink.fill(col(':'), 1, 0, 2);
    expect([...sink.index]).toEqual([-1]);
    expect(ctx.problems.size).toBe(1);
  });
  it('fills from the record `first`, reports Excel rows from `row0`, and grows keeping -1 for new records', () => {
    const ctx = context();
    const sink = new CodedSink([{ code: 1, label: 'a' }], 2, ctx);
    sink.fill(col('1'), 1, 0, 2);
    sink.grow(4);
    sink.grow(1);
    expect([...sink.index]).toEqual([0, -1, -1, -1]);
    sink.fill(col('1', '7'), 1, 2, 10);
    expect([...sink.index]).toEqual([0, -1, 0, -1]);
    expect(formatProblems(ctx.problems.problems, 'en')).toEqual(['r.csv row 11, column c (column B): "7" is not an option (expected 1)']);
    expect(invalidOf(ctx.invalid, 4)).toEqual([3]);
  });
});

describe('MultiSink', () => {
  it('one bitset per option, the count of filled cells per respondent, problems named by option column', () => {
    const ctx = context();
    const sink = new MultiSink(['m__1', 'm__2', 'm__3'], 5, ctx);
    sink.cols[0] = 0;
    sink.cols[2] = 2;
    // Column 1 of the CSV belongs to another question; option 2 is missing from the header.
    sink.fill([['1', 'zz', '0'], ['0', 'zz', ''], null, ['', 'zz', 'y'], ['1', '', '1']], -1, 0, 2);
    expect(sink.chosen.map((bits) => [...bits])).toEqual([[0b10001], [0], [0b10000]]);
    expect([...sink.nonBlank]).toEqual([2, 1, 0, 1, 2]);
    expect(ctx.lines()).toEqual(['r.csv row 5, column m__3 (column C): "y" is not 0 or 1 (expected 1 (chosen), 0 (not chosen) or blank (not asked))']);
    expect(invalidOf(ctx.invalid, 5)).toEqual([3]);
  });
  it('grows bitsets and counts keeping what they hold', () => {
    const ctx = context();
    const sink = new MultiSink(['m__1'], 1, ctx);
    sink.cols[0] = 0;
    sink.fill([['1']], 0, 0, 2);
    sink.grow(70);
    expect(sink.chosen[0].length).toBe(3);
    expect(sink.nonBlank.length).toBe(70);
    sink.fill([['1'], ['0']], 0, 64, 66);
    expect([...sink.chosen[0]]).toEqual([1, 0, 1]);
    expect([...sink.nonBlank].filter((x) => x > 0).length).toBe(3);
    sink.grow(10);
    expect(sink.chosen[0].length).toBe(3);
  });
});

describe('parseNumber', () => {
  it('reads plain decimal numbers only', () => {
    expect(['1', '-2', '+3', '4.', '.5', '.25', '6.25', '7e2', '8E-1', '9e+1', '010'].map(parseNumber)).toEqual([1, -2, 3, 4, 0.5, 0.25, 6.25, 700, 0.8, 90, 10]);
    for (const bad of ['', ' 1', '1 ', '1,000', '0x10', 'Infinity', '1e', 'e1', '.', '1.2.3', '--1', '１', '5円']) expect(parseNumber(bad), bad).toBeNaN();
  });
});

describe('NumericSink', () => {
  const fill = (limits: { min?: number; max?: number; integer: boolean }, ...cells: (string | null)[]) => {
    const ctx = context('v');
    const sink = new NumericSink(limits, cells.length, ctx);
    sink.fill(col(...cells), 1, 0, 2);
    return { values: [...sink.values], lines: ctx.problems.problems.map((p) => formatProblems([p], 'en')[0]), invalid: invalidOf(ctx.invalid, cells.length) };
  };
  it('stores numbers within the bounds (inclusive), NaN for blank and missing rows', () => {
    expect(fill({ min: 1, max: 3, integer: false }, '1', '3', '2.5', '', null)).toEqual({ values: [1, 3, 2.5, NaN, NaN], lines: [], invalid: [] });
  });
  it('names what is wrong and what is expected, by the bounds given', () => {
    expect(fill({ min: 1, max: 3, integer: true }, '0', '4', '2.5', 'abc', '1e999').lines).toEqual([
      'r.csv row 2, column v (column B): "0" is out of range (expected a whole number from 1 to 3)',
      'r.csv row 3, column v (column B): "4" is out of range (expected a whole number from 1 to 3)',
      'r.csv row 4, column v (column B): "2.5" is not a whole number (expected a whole number from 1 to 3)',
      'r.csv row 5, column v (column B): "abc" is not a number (expected a whole number from 1 to 3)',
      'r.csv row 6, column v (column B): "1e999" is not a number (expected a whole number from 1 to 3)',
    ]);
    expect(fill({ min: 0, integer: false }, '-1').lines).toEqual(['r.csv row 2, column v (column B): "-1" is out of range (expected a number ≥ 0)']);
    expect(fill({ max: 0, integer: false }, '1').lines).toEqual(['r.csv row 2, column v (column B): "1" is out of range (expected a number ≤ 0)']);
    expect(fill({ integer: false }, 'x').lines).toEqual(['r.csv row 2, column v (column B): "x" is not a number (expected a number)']);
    expect(fill({ integer: false }, '2.5', '-1e300')).toEqual({ values: [2.5, -1e300], lines: [], invalid: [] });
    expect(fill({ integer: true }, 'x', '1').invalid).toEqual([0]);
  });
  it('grows with NaN for new records', () => {
    const ctx = context();
    const sink = new NumericSink({ integer: false }, 1, ctx);
    sink.fill(col('5'), 1, 0, 2);
    sink.grow(3);
    expect([...sink.values]).toEqual([5, NaN, NaN]);
  });
});

describe('TextSink', () => {
  it('keeps text with line breaks as \\n, null for blank and missing rows', () => {
    const sink = new TextSink();
    sink.grow();
    sink.fill(col('a\r\nb\rc\nd', '', null, ' '), 1, 0);
    sink.fill(col('e'), 1, 4);
    expect(sink.values).toEqual(['a\nb\nc\nd', null, null, ' ', 'e']);
  });
});

describe('IdSink', () => {
  it('keeps ids ("" for missing rows), reports blank and repeated ones with the first row', () => {
    const ctx = context('id');
    const sink = new IdSink(ctx);
    sink.grow();
    sink.fill(col('a', ' ', null, 'b', 'a', 'a'), 1, 0, 2);
    sink.fill(col('b'), 1, 6, 20);
    expect(sink.ids).toEqual(['a', ' ', '', 'b', 'a', 'a', 'b']);
    expect(ctx.lines()).toEqual([
      'r.csv row 3, column id (column B): " " is blank (expected a respondent id on every row)',
      'r.csv column id (column B), 3 rows: repeats the id of row 2 (expected a unique respondent id) — row 6 "a", row 7 "a", row 20 "b"',
    ]);
    expect(ctx.problems.problems.map((p) => p.message)).toEqual(['is blank', 'repeats the id of row 2', 'repeats the id of row 2', 'repeats the id of row 5']);
  });
});

describe('WeightSink', () => {
  it('stores positive finite weights; blank, zero, negative, infinite and text weights are reported', () => {
    const ctx = context('w');
    const sink = new WeightSink(6, ctx);
    sink.fill(col('1.5', '', '0', '-1', '1e999', 'x', null), 1, 0, 2);
    sink.grow(8);
    expect([...sink.values]).toEqual([1.5, NaN, NaN, NaN, NaN, NaN, NaN, NaN]);
    expect(ctx.problems.problems.map((p) => `${p.row} ${p.value} ${p.message}`)).toEqual(['3  is blank', '4 0 is not a positive number', '5 -1 is not a positive number', '6 1e999 is not a positive number', '7 x is not a positive number']);
    expect(ctx.problems.problems[0]).toMatchObject({ file: 'r.csv', column: 'w', rule: 'weight', expected: 'a positive, finite weight on every row' });
    sink.fill(col('0.001'), 1, 7, 9);
    expect(sink.values[7]).toBe(0.001);
  });
});

describe('codes as Excel writes them (full-width digits, "5.0")', () => {
  it('a coded cell is read after normalising, noted once per cell with the first three as examples; one still not an option is reported as written', () => {
    const ctx = { ...context('q'), normalised: { count: 0, examples: [] as string[] } };
    const sink = new CodedSink([{ code: 1, label: 'a' }, { code: 2, label: 'b' }, { code: 3, label: 'c' }], 6, ctx);
    sink.fill(col('１', '2.0', '３', ' 1 ', '９', '2'), 1, 0, 2);
    expect([...sink.index]).toEqual([0, 1, 2, 0, -1, 1]);
    expect(ctx.normalised).toEqual({ count: 4, examples: ['q 行2「１」', 'q 行3「2.0」', 'q 行4「３」'] });
    expect(ctx.lines()).toEqual(['r.csv row 6, column q (column B): "９" is not an option (expected 1–3)']);
  });
  it('without a collector for the notice, normalised codes are still read', () => {
    const ctx = context('q');
    const sink = new CodedSink([{ code: 1, label: 'a' }], 1, ctx);
    sink.fill(col('１'), 1, 0, 2);
    expect([...sink.index]).toEqual([0]);
    expect(ctx.problems.size).toBe(0);
  });
  it('a multi cell "１" or "0.0" is chosen or not chosen, noted under its option column; other normalised values stay problems', () => {
    const ctx = { ...context('m'), normalised: { count: 0, examples: [] as string[] } };
    const sink = new MultiSink(['m__1', 'm__2'], 3, ctx);
    sink.cols[0] = 0;
    sink.cols[1] = 1;
    sink.fill([['１', '0.0'], ['0', '1'], ['２', '']], -1, 0, 5);
    expect(sink.chosen.map((bits) => [...bits])).toEqual([[0b001], [0b010]]);
    expect([...sink.nonBlank]).toEqual([2, 2, 1]);
    expect(ctx.normalised).toEqual({ count: 2, examples: ['m__1 行5「１」', 'm__2 行5「0.0」'] });
    expect(ctx.lines()).toEqual(['r.csv row 7, column m__1 (column A): "２" is not 0 or 1 (expected 1 (chosen), 0 (not chosen) or blank (not asked))']);
  });
});
