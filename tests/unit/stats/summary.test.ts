/** Banded, ordinal and numeric summaries, quantiles and NPS classes (src/lib/stats/summary.ts), on hand-computed values. */
import { describe, expect, it } from 'vitest';
import { nps, npsClass, quantileSorted, summarizeBanded, summarizeNumeric, summarizeScores, zFor } from '../../../src/lib/stats/index.ts';
import type { Option } from '../../../src/lib/dataset/codebook.ts';

describe('quantileSorted (type 2: smallest x with F(x) ≥ q, averaged with the next at F(x) = q)', () => {
  it('gives NaN for no values', () => {
    expect(quantileSorted([], null, 0.5)).toBeNaN();
  });
  it('averages the two middle values of an even count and takes the middle of an odd one', () => {
    // [1,2,3,4]: F = 1/4, 2/4 … at 0.5 F(2) = 0.5 exactly → (2 + 3)/2.
    expect(quantileSorted([1, 2, 3, 4], null, 0.5)).toBe(2.5);
    // [1,2,3]: target 1.5, first cumulative ≥ 1.5 is 2 at value 2, not equal → 2.
    expect(quantileSorted([1, 2, 3], null, 0.5)).toBe(2);
    // Quartiles of [1,2,3,4]: targets 1 and 3, both hit exactly → (1+2)/2, (3+4)/2.
    expect(quantileSorted([1, 2, 3, 4], null, 0.25)).toBe(1.5);
    expect(quantileSorted([1, 2, 3, 4], null, 0.75)).toBe(3.5);
  });
  it('uses weights as frequencies', () => {
    // weights 1,1,2 (total 4): q = 0.5 → target 2 reached exactly at value 2 → (2 + 3)/2.
    expect(quantileSorted([1, 2, 3], [1, 1, 2], 0.5)).toBe(2.5);
    // q = 0.6 → target 2.4: cumulative 1, 2, 4 → value 3.
    expect(quantileSorted([1, 2, 3], [1, 1, 2], 0.6)).toBe(3);
    // weights 3,1 (total 4): q = 0.5 → target 2, cumulative 3 at value 10 → 10.
    expect(quantileSorted([10, 20], [3, 1], 0.5)).toBe(10);
  });
  it('takes the last value at q = 1 (nothing after it to average with) and beyond', () => {
    expect(quantileSorted([1, 2, 3], null, 1)).toBe(3);
    expect(quantileSorted([1, 2, 3], [1, 1, 1], 1.5)).toBe(3);
    expect(quantileSorted([1, 2, 3], null, 1.2)).toBe(3);
    expect(quantileSorted([1, 2, 3], null, 0)).toBe(1);
  });
  it('treats a cumulative weight within binary noise of the target as equal', () => {
    // 0.1 + 0.2 = 0.30000000000000004 while 0.5 × 0.6000000000000001 (the total) = 0.30000000000000004
    // only by luck; with weights 0.7, 0.1, 0.2 the cumulative 0.7 + 0.1 = 0.7999999999999999 falls just
    // short of 0.8 × 1 = 0.8: it still counts as F = q, so the value is averaged with the next.
    expect(0.7 + 0.1 < 0.8).toBe(true);
    expect(quantileSorted([1, 2, 3], [0.7, 0.1, 0.2], 0.8)).toBe(2.5);
    // A real gap (0.79 against 0.8) is not noise.
    expect(quantileSorted([1, 2, 3], [0.7, 0.09, 0.21], 0.8)).toBe(3);
  });
});

describe('summarizeNumeric', () => {
  it('ignores NaN and infinite values and sorts the rest', () => {
    // Finite values sorted: 1, 2, 3, 5 → mean 11/4, median (2+3)/2, q1 (1+2)/2, q3 (3+5)/2.
    expect(summarizeNumeric([5, NaN, 1, Infinity, 3, 2])).toEqual({ mean: 2.75, median: 2.5, q1: 1.5, q3: 4, n: 4 });
  });
  it('carries each weight with its value through the sort', () => {
    // Values 30, 10, 20 with weights 1, 3, 1: mean (30 + 30 + 20)/5 = 16; sorted 10 (3), 20 (1), 30 (1),
    // total 5: median target 2.5 → 10; q1 target 1.25 → 10; q3 target 3.75 → cumulative 4 at 20.
    expect(summarizeNumeric([30, 10, 20], [1, 3, 1])).toEqual({ mean: 16, median: 10, q1: 10, q3: 20, n: 3 });
    // A NaN value drops its weight too: 10 (w 5) is left out, leaving 20 (1) and 40 (3): mean 140/4.
    expect(summarizeNumeric([20, NaN, 40], [1, 5, 3]).mean).toBe(35);
  });
  it('gives NaN statistics and n = 0 without values', () => {
    const s = summarizeNumeric([NaN]);
    expect(s.n).toBe(0);
    expect(s.mean).toBeNaN();
    expect(s.median).toBeNaN();
    expect(s.q1).toBeNaN();
    expect(s.q3).toBeNaN();
  });
  it('gives NaN for a mean and quantiles whose weights sum to 0', () => {
    const s = summarizeNumeric([1, 2], [0, 0]);
    expect(s.mean).toBeNaN();
    expect(s.median).toBeNaN();
    expect(s.q1).toBeNaN();
    expect(quantileSorted([1, 2], [0, 0], 0.5)).toBeNaN();
  });
});

describe('summarizeScores', () => {
  it('uses option scores in score order, leaving out non-substantive and unscored options', () => {
    const options: Option[] = [
      { code: 1, label: 'とても満足', score: 5 },
      { code: 2, label: '満足', score: 4 },
      { code: 3, label: '不満', score: 1 },
      { code: 4, label: 'その他' },
      { code: 9, label: 'わからない', score: 0, nonSubstantive: true },
    ];
    // Used: score 1 (f 1), 4 (f 1), 5 (f 2); total 4 → mean (1 + 4 + 10)/4 = 3.75; median target 2
    // reached exactly at score 4 → (4 + 5)/2 = 4.5.
    expect(summarizeScores(options, [2, 1, 1, 7, 10])).toEqual({ mean: 3.75, median: 4.5, n: 4 });
    // A class with frequency 0 is left out of the median: scores 1 (f 1) and 5 (f 2) → target 1.5 → 5.
    expect(summarizeScores(options, [2, 0, 1, 0, 0])).toEqual({ mean: 11 / 3, median: 5, n: 3 });
  });
  it('sorts by score, not by option order, and leaves empty classes out of the median', () => {
    const options: Option[] = [
      { code: 1, label: 'b', score: 4 },
      { code: 2, label: 'a', score: 1 },
      { code: 3, label: 'c', score: 5 },
    ];
    // Scores 1, 4, 5 once each: median 4 (in option order 4, 1, 5 it would be 1).
    expect(summarizeScores(options, [1, 1, 1])).toEqual({ mean: 10 / 3, median: 4, n: 3 });
    // Score 4 empty: 1 and 5 once each, target 1 reached exactly at 1 → (1 + 5)/2 = 3 (not (1 + 4)/2).
    expect(summarizeScores(options, [0, 1, 1])).toEqual({ mean: 3, median: 3, n: 2 });
  });
  it('gives NaN without substantive answers', () => {
    const s = summarizeScores([{ code: 1, label: 'a', score: 1 }, { code: 9, label: 'dk', score: 0, nonSubstantive: true }], [0, 5]);
    expect(s.n).toBe(0);
    expect(s.mean).toBeNaN();
    expect(s.median).toBeNaN();
  });
});

describe('summarizeBanded', () => {
  it('assumes an open first band stands at its lower bound (no previous width)', () => {
    const s = summarizeBanded([{ code: 1, label: '10人以上', lower: 10 }], [4], '人');
    expect(s).toEqual({ mean: 10, median: 10, medianClass: '≥ 10人', n: 4, openBandAssumed: 10 });
  });
  it('takes the previous width from the last closed band, skipping bands without bounds', () => {
    const bands: Option[] = [
      { code: 1, label: '0〜1', lower: 0, upper: 1 },
      { code: 2, label: '1〜3', lower: 1, upper: 3 },
      { code: 8, label: 'その他' },
      { code: 9, label: 'わからない', lower: 50, upper: 60, nonSubstantive: true },
      { code: 5, label: '10以上', lower: 10 },
    ];
    // Values 0.5, 2, –, –, 10 + 2/2 = 11. f = 1, 1, 5, 5, 2 → mean (0.5 + 2 + 22)/4 = 6.125.
    // Half = 2: cumulative 1 after 0〜1, then 1 + 1 ≥ 2 in 1〜3 → 1 + (2 − 1)/1 × 2 = 3.
    expect(summarizeBanded(bands, [1, 1, 5, 5, 2])).toEqual({ mean: 6.125, median: 3, medianClass: '1〜3', n: 4, openBandAssumed: 11 });
  });
  it('reports no assumed value when nobody is in the open band', () => {
    const bands: Option[] = [
      { code: 1, label: '0〜2', lower: 0, upper: 2 },
      { code: 2, label: '2以上', lower: 2 },
    ];
    // Only 0〜2 (f 4): mean 1; half 2 → 0 + (2/4) × 2 = 1.
    expect(summarizeBanded(bands, [4, 0])).toEqual({ mean: 1, median: 1, medianClass: '0〜2', n: 4 });
  });
  it('gives NaN without answers in a band, and no median class', () => {
    const s = summarizeBanded([{ code: 1, label: '0〜2', lower: 0, upper: 2 }, { code: 9, label: 'dk', nonSubstantive: true }], [0, 3]);
    expect(s).toEqual({ mean: NaN, median: NaN, n: 0 });
    expect('medianClass' in s).toBe(false);
  });
  it('leaves a band without a lower bound out even when it has a value', () => {
    const bands: Option[] = [
      { code: 1, label: '0〜2', lower: 0, upper: 2 },
      { code: 8, label: 'その他', value: 50 },
    ];
    expect(summarizeBanded(bands, [2, 2])).toEqual({ mean: 1, median: 1, medianClass: '0〜2', n: 2 });
  });
  it('counts non-substantive answers nowhere in the median, wherever the option stands', () => {
    const bands: Option[] = [
      { code: 9, label: 'わからない', nonSubstantive: true },
      { code: 1, label: '0〜2', lower: 0, upper: 2 },
      { code: 2, label: '2〜4', lower: 2, upper: 4 },
    ];
    // Half of 4 = 2, reached at the top of 0〜2: median 0 + (2/2) · 2 = 2.
    expect(summarizeBanded(bands, [10, 2, 2])).toEqual({ mean: 2, median: 2, medianClass: '0〜2', n: 4 });
  });
  it('prints an open median class without a unit when none is given', () => {
    expect(summarizeBanded([{ code: 1, label: '0〜10', lower: 0, upper: 10 }, { code: 2, label: '10以上', lower: 10 }], [1, 3]).medianClass).toBe('≥ 10');
  });
  it('takes an open band’s width from the last closed band, and flags only an open band without a value', () => {
    const bands: Option[] = [
      { code: 1, label: '0〜2', lower: 0, upper: 2 },
      { code: 2, label: '2以上（値あり）', lower: 2, value: 4 },
      { code: 3, label: '10以上', lower: 10 },
    ];
    // Values 1, 4 (given), 10 + 2/2 = 11. Nobody in the open band without a value: no flag.
    expect(summarizeBanded(bands, [1, 1, 0])).toEqual({ mean: 2.5, median: 2, medianClass: '0〜2', n: 2 });
    // With someone in it: mean (1 + 4 + 11)/3, flag 11.
    expect(summarizeBanded(bands, [1, 1, 1])).toEqual({ mean: 16 / 3, median: 2, medianClass: '≥ 2', n: 3, openBandAssumed: 11 });
  });
  it('interpolates with weighted (fractional) frequencies', () => {
    // f = 1.5, 0.5 in 0〜2 and 2〜6: total 2, half 1 → in 0〜2: 0 + (1/1.5) × 2 = 4/3; mean (1.5 + 2)/2 = 1.75.
    const s = summarizeBanded([{ code: 1, label: '0〜2', lower: 0, upper: 2 }, { code: 2, label: '2〜6', lower: 2, upper: 6 }], [1.5, 0.5]);
    expect(s.mean).toBe(1.75);
    expect(s.median).toBeCloseTo(4 / 3, 15);
    expect(s.n).toBe(2);
  });
});

describe('nps', () => {
  it('takes n from the counts unless given, and the level from its argument', () => {
    // P 3, passives 1, D 1 of 5: score 100(0.6 − 0.2) = 40; SE = 100√((0.8 − 0.16)/n).
    const a = nps({ promoters: 3, passives: 1, detractors: 1 });
    expect(a.n).toBe(5);
    expect(a.score).toBeCloseTo(40, 12);
    expect(a.se).toBeCloseTo(100 * Math.sqrt(0.64 / 5), 12);
    expect(a.ci.low).toBeCloseTo(40 - zFor(0.95) * a.se, 12);
    expect(a.ci.high).toBeCloseTo(40 + zFor(0.95) * a.se, 12);
    expect([a.promoters, a.passives, a.detractors]).toEqual([3, 1, 1]);
    const b = nps({ promoters: 3, passives: 1, detractors: 1, n: 2.5 }, 0.9);
    expect(b.n).toBe(2.5);
    expect(b.se).toBeCloseTo(100 * Math.sqrt(0.64 / 2.5), 12);
    // z at 90 % = 1.6448536269514722.
    expect(b.ci.high - b.score).toBeCloseTo(1.6448536269514722 * b.se, 12);
  });
});

describe('npsClass', () => {
  it('classes 9–10 as promoters, 7–8 as passives, 0–6 as detractors, by score else code', () => {
    const cls = (code: number, extra: Partial<Option> = {}) => npsClass({ code, label: String(code), ...extra });
    expect([10, 9, 8, 7, 6, 0].map((c) => cls(c))).toEqual(['promoters', 'promoters', 'passives', 'passives', 'detractors', 'detractors']);
    expect(cls(1, { score: 10 })).toBe('promoters');
    expect(cls(10, { score: 3 })).toBe('detractors');
    expect(cls(10, { nonSubstantive: true })).toBeNull();
    expect(cls(-1)).toBeNull();
  });
  it('classes nothing outside 0–10 (a code 11 or 99 is not a passive)', () => {
    expect(npsClass({ code: 11, label: '11' })).toBeNull();
    expect(npsClass({ code: 99, label: '無回答' })).toBeNull();
    expect(npsClass({ code: 1, label: 'x', score: 10.5 })).toBeNull();
  });
});
