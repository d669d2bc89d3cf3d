/** Intervals, tests, distributions, formatting and tallies at their edges, against closed forms. */
import { describe, expect, it } from 'vitest';
import { agrestiCoull, adjustPValues, chiSquareTest, chisquareUpper, clopperPearson, formatCount, formatPercent, formatInterval, formatNumber, kish, pnorm, proportionInterval, qbeta, qnorm, roundHalfUp, twoProportionZ, twoSidedP, wilson, zFor } from '../../../src/lib/stats/index.ts';
import { formatP } from '../../../src/lib/stats/format.ts';
import { addSums, createTally, subtractSums, sumsAt, sumsOverSlots, tallyCoded, tallySet, zeroSums } from '../../../src/lib/stats/tally.ts';

describe('intervals at the edges', () => {
  it('Clopper–Pearson at x = 0 and x = n has the closed form 1 − (α/2)^(1/n) and (α/2)^(1/n)', () => {
    // n = 10, 95 %: (0.025)^(1/10) = 0.6915029825.
    const zero = clopperPearson(0, 10)!;
    expect(zero.low).toBe(0);
    expect(zero.high).toBeCloseTo(1 - 0.025 ** 0.1, 12);
    const all = clopperPearson(1, 10)!;
    expect(all.low).toBeCloseTo(0.025 ** 0.1, 12);
    expect(all.high).toBe(1);
    // 90 %: (0.05)^(1/10).
    expect(clopperPearson(0, 10, 0.9)!.high).toBeCloseTo(1 - 0.05 ** 0.1, 12);
  });
  it('Wilson at p̂ = 0 and 1 ends exactly at 0 and 1 where the formula misses by a rounding error', () => {
    // At n = 2 (95 %) centre − half is a hair above 0, and at n = 5 centre + half a hair below 1.
    expect(wilson(0, 2)!.low).toBe(0);
    expect(wilson(1, 5)!.high).toBe(1);
  });
  it('Wilson at p̂ = 1 ends at exactly 1 and is the mirror of p̂ = 0', () => {
    const one = wilson(1, 25)!;
    const zero = wilson(0, 25)!;
    expect(one.high).toBe(1);
    expect(one.low).toBeCloseTo(1 - zero.high, 14);
    // Upper end at p̂ = 0: z²/(n + z²) = 3.841459/(28.841459) = 0.1331923.
    const z2 = zFor(0.95) ** 2;
    expect(zero.high).toBeCloseTo(z2 / (25 + z2), 14);
    expect(wilson(0.5, 10, 0.9)!.high - 0.5).toBeLessThan(wilson(0.5, 10)!.high - 0.5);
  });
  it('gives no interval for a non-finite proportion or a base ≤ 0', () => {
    for (const f of [wilson, clopperPearson, agrestiCoull]) {
      expect(f(NaN, 10)).toBeNull();
      expect(f(0.5, 0)).toBeNull();
      expect(f(0.5, -1)).toBeNull();
    }
  });
  it('Agresti–Coull is clamped to [0, 1]', () => {
    // p̂ = 0, n = 5: ñ = 5 + z², p̃ = (z²/2)/ñ = 0.21726; half = z√(p̃(1 − p̃)/ñ) = 0.30318 > p̃.
    const ci = agrestiCoull(0, 5)!;
    const z = zFor(0.95);
    const nt = 5 + z * z;
    const pt = (z * z) / 2 / nt;
    expect(ci.low).toBe(0);
    expect(ci.high).toBeCloseTo(pt + z * Math.sqrt((pt * (1 - pt)) / nt), 14);
    expect(agrestiCoull(1, 5)!.high).toBe(1);
  });
  it('proportionInterval dispatches on the method', () => {
    expect(proportionInterval('wilson', 0.3, 40, 0.9)).toEqual(wilson(0.3, 40, 0.9));
    expect(proportionInterval('clopper-pearson', 0.3, 40, 0.9)).toEqual(clopperPearson(0.3, 40, 0.9));
  });
});

describe('tests at the edges', () => {
  it('pools by the weights W when given, else by the bases', () => {
    // p̄ = (30·0.5 + 10·0.2)/40 = 0.425; var = 0.425·0.575·(1/10 + 1/10) = 0.048875; z = 0.3/√var.
    const t = twoProportionZ({ p: 0.5, n: 10, w: 30 }, { p: 0.2, n: 10, w: 10 })!;
    expect(t.z).toBeCloseTo(0.3 / Math.sqrt(0.048875), 12);
    // Without W: p̄ = 0.35; var = 0.35·0.65·0.2 = 0.0455.
    expect(twoProportionZ({ p: 0.5, n: 10 }, { p: 0.2, n: 10 })!.z).toBeCloseTo(0.3 / Math.sqrt(0.0455), 12);
    expect(twoProportionZ({ p: 0.5, n: 10 }, { p: 0.2, n: 10, w: 30 })!.z).toBeCloseTo(0.3 / Math.sqrt(0.275 * 0.725 * 0.2), 12);
  });
  it('has nothing to test on an empty base or when both are 100 %', () => {
    expect(twoProportionZ({ p: 0.5, n: 0 }, { p: 0.2, n: 10 })).toBeNull();
    expect(twoProportionZ({ p: 0.5, n: 10 }, { p: 0.2, n: 0 })).toBeNull();
    expect(twoProportionZ({ p: 1, n: 10 }, { p: 1, n: 20 })).toBeNull();
  });
  it('adjusts nothing for none, returning a copy; nothing to adjust in an empty family', () => {
    const p = [0.01, 0.04];
    const none = adjustPValues(p, 'none');
    expect(none).toEqual([0.01, 0.04]);
    expect(none).not.toBe(p);
    expect(adjustPValues([], 'bonferroni')).toEqual([]);
    expect(adjustPValues([0.01, 0.04], 'bonferroni')).toEqual([0.02, 0.08]);
    expect(adjustPValues([0.3, 0.4], 'bonferroni')).toEqual([0.6, 0.8]);
  });
  it('Kish base is (Σw)²/Σw², 0 for an empty set', () => {
    expect(kish(3, 5)).toBe(9 / 5);
    expect(kish(0, 0)).toBe(0);
  });
  it('χ² needs two live rows and two live columns', () => {
    expect(chiSquareTest([])).toBeNull();
    expect(chiSquareTest([[3, 4]])).toBeNull();
    expect(chiSquareTest([[3], [4]])).toBeNull();
    expect(chiSquareTest([[3, 4], [0, 0]])).toBeNull();
  });
  it('χ² flags expected counts under 5, not of exactly 5', () => {
    // [[6, 4], [4, 6]]: every E = 5; χ² = 4 · 1/5 = 0.8, df 1.
    const r = chiSquareTest([[6, 4], [4, 6]])!;
    expect(r.lowExpected).toBe(false);
    expect(r.statistic).toBeCloseTo(0.8, 14);
    expect(r.expected).toEqual([[5, 5], [5, 5]]);
    expect(r.p).toBeCloseTo(chisquareUpper(0.8, 1), 15);
    // Adjusted residual of a 2 × 2 cell: (6 − 5)/√(5 · 0.5 · 0.5) = 0.894427.
    expect(r.residuals[0][0]).toBeCloseTo(1 / Math.sqrt(1.25), 14);
    expect(chiSquareTest([[5, 4], [4, 6]])!.lowExpected).toBe(true);
  });
  it('χ² gives NaN residuals and expected 0 in an empty row', () => {
    const r = chiSquareTest([[6, 4], [0, 0], [4, 6]])!;
    expect(r.df).toBe(1);
    expect(r.expected[1]).toEqual([0, 0]);
    expect(r.residuals[1].every(Number.isNaN)).toBe(true);
    expect(r.statistic).toBeCloseTo(0.8, 14);
  });
});

describe('distributions', () => {
  it('match their closed forms and tables', () => {
    expect(pnorm(0)).toBe(0.5);
    expect(pnorm(1.959963984540054)).toBeCloseTo(0.975, 15);
    expect(qnorm(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 15);
    expect(twoSidedP(-1.959963984540054)).toBeCloseTo(0.05, 15);
    // χ²(1) upper tail at 3.841458820694124 is 0.05; χ²(2) upper tail is e^(−x/2).
    expect(chisquareUpper(3.841458820694124, 1)).toBeCloseTo(0.05, 14);
    expect(chisquareUpper(3, 2)).toBeCloseTo(Math.exp(-1.5), 14);
    // Beta(1, b) quantile: 1 − (1 − p)^(1/b).
    expect(qbeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 0.25, 14);
    expect(zFor(0.9)).toBeCloseTo(1.6448536269514722, 14);
  });
});

describe('formatting edges', () => {
  it('prints p-values to three decimals, and p < 0.001 below that', () => {
    expect(formatP(0.0612)).toBe('p = 0.061');
    expect(formatP(0.001)).toBe('p = 0.001');
    expect(formatP(0.000999)).toBe('p < 0.001');
  });
  it('passes non-finite values through rounding and prints them as –', () => {
    expect(roundHalfUp(Infinity, 1)).toBe(Infinity);
    expect(roundHalfUp(NaN)).toBeNaN();
    expect(formatNumber(NaN)).toBe('–');
    expect(formatNumber(Infinity)).toBe('–');
    expect(formatCount(NaN)).toBe('–');
    expect(formatNumber(1234.56)).toBe('1,234.6');
    expect(roundHalfUp(2.5)).toBe(3);
    expect(roundHalfUp(1234.5678, 2)).toBe(1234.57);
  });
  it('prints percentages with the given digits', () => {
    expect(formatPercent(0.12345, { digits: 2 })).toBe('12.35');
  });
  it('prints intervals with the given digits', () => {
    expect(formatInterval({ low: 0.18075, high: 0.4543 }, { digits: 2 })).toBe('18.08–45.43');
    expect(formatInterval({ low: 0.18075, high: 0.4543 }, { digits: 0 })).toBe('18–45');
  });
});

describe('tallies', () => {
  it('count, weigh and square-weigh each respondent into its row and slot', () => {
    // Respondents 0, 1, 2, 33 in the mask (two words); rows: 0, 1, −1 (無回答 → last row 2), 1.
    const mask = new Uint32Array([0b111, 0b10]);
    const rowIndex = new Int16Array(64).fill(0);
    rowIndex[1] = 1;
    rowIndex[2] = -1;
    rowIndex[33] = 1;
    const slotIndex = new Int16Array(64).fill(-1);
    slotIndex[0] = 0;
    slotIndex[1] = 1;
    slotIndex[33] = 1;
    const weights = new Float64Array(64).fill(1);
    weights[1] = 2;
    weights[33] = 3;
    const t = tallyCoded(createTally(3, 3, true), mask, rowIndex, slotIndex, weights);
    // Slot = banner position + 1; respondent 2 has no banner answer (slot 0).
    expect(sumsAt(t, 1, 0)).toEqual({ n: 1, w: 1, w2: 1 });
    expect(sumsAt(t, 2, 1)).toEqual({ n: 2, w: 5, w2: 13 });
    expect(sumsAt(t, 0, 2)).toEqual({ n: 1, w: 1, w2: 1 });
    expect(sumsOverSlots(t, 1)).toEqual({ n: 2, w: 5, w2: 13 });
    // Unweighted: w = w2 = n; fixed slot when no banner.
    const u = tallyCoded(createTally(3, 2, false), mask, rowIndex, null, null, 1);
    expect(u.sumW).toBeNull();
    expect(sumsAt(u, 1, 1)).toEqual({ n: 2, w: 2, w2: 2 });
    expect(sumsAt(u, 0, 1)).toEqual({ n: 0, w: 0, w2: 0 });
  });
  it('count set members in the mask the same way, weighted or not', () => {
    const mask = new Uint32Array([0b1111, 0b10]);
    const set = new Uint32Array([0b1010, 0b10]);
    const slotIndex = new Int16Array(64).fill(-1);
    slotIndex[1] = 0;
    slotIndex[3] = 1;
    slotIndex[33] = 1;
    const weights = new Float64Array(64).fill(1);
    weights[3] = 0.5;
    const w = tallySet(createTally(2, 3, true), mask, set, 1, slotIndex, weights);
    expect([sumsAt(w, 1, 1), sumsAt(w, 2, 1), sumsAt(w, 2, 0)]).toEqual([{ n: 1, w: 1, w2: 1 }, { n: 2, w: 1.5, w2: 1.25 }, { n: 0, w: 0, w2: 0 }]);
    const u = tallySet(createTally(2, 3, false), mask, set, 1, slotIndex, null);
    expect([sumsAt(u, 1, 1), sumsAt(u, 2, 1), sumsAt(u, 0, 1)]).toEqual([{ n: 1, w: 1, w2: 1 }, { n: 2, w: 2, w2: 2 }, { n: 0, w: 0, w2: 0 }]);
    const fixed = tallySet(createTally(2, 3, false), mask, set, 0, null, null, 2);
    expect(sumsAt(fixed, 2, 0)).toEqual({ n: 3, w: 3, w2: 3 });
  });
  it('add and subtract sums; zero is frozen', () => {
    expect(addSums({ n: 1, w: 2, w2: 3 }, { n: 4, w: 5, w2: 6 })).toEqual({ n: 5, w: 7, w2: 9 });
    expect(subtractSums({ n: 4, w: 5, w2: 6 }, { n: 1, w: 2, w2: 3 })).toEqual({ n: 3, w: 3, w2: 3 });
    expect(Object.isFrozen(zeroSums)).toBe(true);
    expect(zeroSums).toEqual({ n: 0, w: 0, w2: 0 });
  });
});
