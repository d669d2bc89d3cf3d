/**
 * Significance letters and column-vs-rest marks of one row (src/lib/stats/letters.ts) on the
 * R-checked vector of vectors.test.ts: A 30/50, B 45/75, C 25/75 (unweighted). Raw two-sided
 * p-values of the pooled z-test (vectors.test.ts; recomputed with erfc in Python):
 *   A–B 1 (both 60 %), A–C 0.003256269628, B–C 0.001063114917;
 *   vs the rest of a total of 100/200: A (70/150) 0.1024704349, B (55/125) 0.0284597369,
 *   C (75/125) 0.0002607296 (C below).
 */
import { describe, expect, it } from 'vitest';
import { columnLetter, rowLetters, rowVsTotal, sample } from '../../../src/lib/stats/letters.ts';
import { resolveStatsOptions, twoProportionZ } from '../../../src/lib/stats/index.ts';
import type { StatsOptions } from '../../../src/lib/stats/index.ts';
import type { TestCell } from '../../../src/lib/stats/letters.ts';

/** An unweighted cell x/n. */
const cell = (x: number, n: number): TestCell => ({ cell: { n: x, w: x, w2: x }, base: { n, w: n, w2: n } });
const opts = (o: Partial<StatsOptions> = {}) => resolveStatsOptions(o);

describe('columnLetter', () => {
  it('runs A … Z, then AA … AZ, BA …, ZZ, AAA', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('sample', () => {
  it('is p̂_w = Σw·x/Σw on the Kish base, NaN on an empty base', () => {
    // Weighted: cell Σw 3, base Σw 4, Σw² 6 → p 0.75, n 16/6, w 4.
    const s = sample({ cell: { n: 2, w: 3, w2: 5 }, base: { n: 3, w: 4, w2: 6 } });
    expect(s.p).toBe(0.75);
    expect(s.n).toBeCloseTo(16 / 6, 15);
    expect(s.w).toBe(4);
    const empty = sample({ cell: { n: 0, w: 0, w2: 0 }, base: { n: 0, w: 0, w2: 0 } });
    expect(empty.p).toBeNaN();
    expect(empty.n).toBe(0);
  });
});

describe('rowLetters', () => {
  const abc = () => [cell(30, 50), cell(45, 75), cell(25, 75)];
  it('gives the higher column the letter of the lower one (Bonferroni over the three pairs)', () => {
    // Bonferroni: A–C 0.009768809, B–C 0.003189345 < 0.05; A–B has no difference.
    expect(rowLetters(abc(), [true, true, true], ['A', 'B', 'C'], opts())).toEqual(['C', 'C', '']);
  });
  it('puts the letter on whichever column is higher, whatever the order', () => {
    const [a, b, c] = abc();
    expect(rowLetters([c, a, b], [true, true, true], ['A', 'B', 'C'], opts())).toEqual(['', 'A', 'A']);
  });
  it('adds lower-case letters for alpha2 after the upper-case ones', () => {
    // alpha 0.005: B–C (0.00319) upper-case; A–C (0.00977) only under alpha2 0.01: lower-case.
    expect(rowLetters(abc(), [true, true, true], ['A', 'B', 'C'], opts({ alpha: 0.005, alpha2: 0.01 }))).toEqual(['c', 'C', '']);
    expect(rowLetters(abc(), [true, true, true], ['A', 'B', 'C'], opts({ alpha: 0.005 }))).toEqual(['', 'C', '']);
    // Several letters: upper first, then lower. D 10/75 is below all three. Raw p (Python erfc):
    // A–D 4.3e-8, B–D 3.0e-9, C–D 0.003783; Bonferroni × 6: A–C 0.01954, B–C 0.00638, C–D 0.0227.
    const four = [...abc(), cell(10, 75)];
    expect(rowLetters(four, [true, true, true, true], ['A', 'B', 'C', 'D'], opts({ alpha: 0.01, alpha2: 0.1 }))).toEqual(['Dc', 'CD', 'd', '']);
  });
  it('joins several lower-case letters in column order', () => {
    // alpha 1e-12: nothing upper-case. Under alpha2 0.1 (Bonferroni × 6): A over C (0.0195) and D
    // (2.6e-7), B over C (0.00638) and D (1.8e-8), C over D (0.0227).
    const four = [...abc(), cell(10, 75)];
    expect(rowLetters(four, [true, true, true, true], ['A', 'B', 'C', 'D'], opts({ alpha: 1e-12, alpha2: 0.1 }))).toEqual(['cd', 'cd', 'd', '']);
  });
  it('needs p strictly below alpha (and alpha2)', () => {
    // With no adjustment and alpha set to A–C's own p-value, A–C is not significant; B–C (smaller) is.
    const pAC = twoProportionZ({ p: 30 / 50, n: 50 }, { p: 25 / 75, n: 75 })!.p;
    expect(rowLetters(abc(), [true, true, true], ['A', 'B', 'C'], opts({ adjust: 'none', alpha: pAC }))).toEqual(['', 'C', '']);
    expect(rowLetters(abc(), [true, true, true], ['A', 'B', 'C'], opts({ adjust: 'none', alpha: 0.001, alpha2: pAC }))).toEqual(['', 'c', '']);
  });
  it('counts every pair of testable columns in the family, and only those', () => {
    // A fourth column D 30/50 like A: six pairs, Bonferroni × 6: A–C and C–D 0.0195, B–C 0.00638.
    const four = [...abc(), cell(30, 50)];
    const letters = ['A', 'B', 'C', 'D'];
    expect(rowLetters(four, [true, true, true, true], letters, opts({ alpha: 0.01 }))).toEqual(['', 'C', '', '']);
    // D not testable: three pairs again, A–C 0.00977 < 0.01.
    expect(rowLetters(four, [true, true, true, false], letters, opts({ alpha: 0.01 }))).toEqual(['C', 'C', '', '']);
    // C not testable: nothing left to differ.
    expect(rowLetters(four, [true, true, false, true], letters, opts())).toEqual(['', '', '', '']);
    expect(rowLetters(four, [false, false, false, false], letters, opts())).toEqual(['', '', '', '']);
  });
  it('counts a pair with nothing to test (both 0 %) as p = 1', () => {
    // A 0/40, B 0/40, C 10/40: A–C and B–C raw p = 0.000723 (z = 3.3806); with A–B as p = 1 BH gives
    // both 0.000723 × 3/2 = 0.001085, above alpha 0.001 (with A–B dropped it would be 0.000723).
    const row = [cell(0, 40), cell(0, 40), cell(10, 40)];
    expect(rowLetters(row, [true, true, true], ['A', 'B', 'C'], opts({ adjust: 'bh', alpha: 0.001 }))).toEqual(['', '', '']);
    expect(rowLetters(row, [true, true, true], ['A', 'B', 'C'], opts({ adjust: 'bh', alpha: 0.0011 }))).toEqual(['', '', 'AB']);
  });
  it('adjusts with the chosen method', () => {
    // No adjustment: A–C 0.00326 < 0.005; Bonferroni 0.00977 is not.
    expect(rowLetters(abc(), [true, true, true], ['A', 'B', 'C'], opts({ adjust: 'none', alpha: 0.005 }))).toEqual(['C', 'C', '']);
    // BH: A–C 0.003256 × 3/2 = 0.004884 < 0.005.
    expect(rowLetters(abc(), [true, true, true], ['A', 'B', 'C'], opts({ adjust: 'bh', alpha: 0.005 }))).toEqual(['C', 'C', '']);
    expect(rowLetters(abc(), [true, true, true], ['A', 'B', 'C'], opts({ adjust: 'bh', alpha: 0.0048 }))).toEqual(['', 'C', '']);
  });
});

describe('rowVsTotal', () => {
  const abc = () => [cell(30, 50), cell(45, 75), cell(25, 75)];
  const total = () => cell(100, 200);
  it('marks a column above (+1) or below (−1) the rest, adjusted across the row', () => {
    // Bonferroni × 3: A 0.307, B 0.0854, C 0.00078.
    expect(rowVsTotal(abc(), total(), [true, true, true], 30, opts())).toEqual([0, 0, -1]);
    expect(rowVsTotal(abc(), total(), [true, true, true], 30, opts({ alpha: 0.1 }))).toEqual([0, 1, -1]);
    // None: B 0.0285 < 0.05. BH: B 0.0285 × 3/2 = 0.0427 < 0.05, A 0.102.
    expect(rowVsTotal(abc(), total(), [true, true, true], 30, opts({ adjust: 'none' }))).toEqual([0, 1, -1]);
    expect(rowVsTotal(abc(), total(), [true, true, true], 30, opts({ adjust: 'bh' }))).toEqual([0, 1, -1]);
  });
  it('skips untestable columns and columns whose rest is under the caution base', () => {
    expect(rowVsTotal(abc(), total(), [true, true, false], 30, opts({ alpha: 0.1 }))).toEqual([0, 1, 0]);
    // Rests: A 150, B 125, C 125. With caution base 125 all are tested; with 126 only A, alone in its
    // family: raw 0.102 < 0.2 → +1 (Bonferroni × 3 would give 0.307).
    expect(rowVsTotal(abc(), total(), [true, true, true], 125, opts())).toEqual([0, 0, -1]);
    expect(rowVsTotal(abc(), total(), [true, true, true], 126, opts({ alpha: 0.2 }))).toEqual([1, 0, 0]);
    expect(rowVsTotal(abc(), total(), [true, true, true], 30, opts({ alpha: 0.2 }))).toEqual([0, 1, -1]);
  });
  it('does not test a column that is the whole total (an empty rest), even with caution base 0', () => {
    // A holds everyone (rest base 0); B and C alone in the family: Bonferroni × 2: B 0.0569, C 0.00052.
    const cells = [cell(100, 200), cell(45, 75), cell(25, 75)];
    expect(rowVsTotal(cells, total(), [true, true, true], 0, opts({ alpha: 0.06 }))).toEqual([0, 1, -1]);
  });
  it('needs p strictly below alpha', () => {
    // No adjustment, alpha = B's own p against its rest: only C (p 0.00026) is marked.
    const pB = twoProportionZ({ p: 45 / 75, n: 75 }, { p: 55 / 125, n: 125 })!.p;
    expect(rowVsTotal(abc(), total(), [true, true, true], 30, opts({ adjust: 'none', alpha: pB }))).toEqual([0, 0, -1]);
  });
  it('gives 0 for a column equal to its rest', () => {
    expect(rowVsTotal([cell(25, 50), cell(25, 50)], cell(50, 100), [true, true], 0, opts({ adjust: 'none', alpha: 0.999 }))).toEqual([0, 0]);
  });
});
