/** The self-benchmark's comparison logic (src/lib/benchmark/compare.ts): classes, splits, segments. */
import { describe, expect, it } from 'vitest';
import { boundsText, chooseSegment, compare, isOrdered, placeCode, placeValue, shareText, splitAt, valueText } from '../../../src/lib/benchmark/compare.ts';
import type { BenchmarkClass, BenchmarkMetric, BenchmarkSegment } from '../../../src/lib/benchmark/types.ts';

/** monthly_churn's bands: [0,1) [1,2) [2,3) [3,5) [5,10) [10,∞). */
const churn = (): BenchmarkClass[] => [
  { code: 1, label: '1%未満', lower: 0, upper: 1 },
  { code: 2, label: '1〜2%未満', lower: 1, upper: 2 },
  { code: 3, label: '2〜3%未満', lower: 2, upper: 3 },
  { code: 4, label: '3〜5%未満', lower: 3, upper: 5 },
  { code: 5, label: '5〜10%未満', lower: 5, upper: 10 },
  { code: 6, label: '10%以上', lower: 10 },
];
/** retention_rate_annual's bands: a closed top class 「90〜100%」. */
const retention = (): BenchmarkClass[] => [
  { code: 1, label: '60%未満', lower: 0, upper: 60 },
  { code: 4, label: '60〜90%未満', lower: 60, upper: 90 },
  { code: 5, label: '90〜100%', lower: 90, upper: 100 },
];

const segment = (over: Partial<BenchmarkSegment> = {}): BenchmarkSegment => ({ id: 'all', label: '全体', suppressed: false, base: 100, caution: false, shares: [0.1, 0.2, 0.3, 0.2, 0.15, 0.05], excluded: [], ...over });

describe('placeValue', () => {
  it('puts a value on a boundary in the class it starts (classes are [lower, upper))', () => {
    const c = churn();
    expect(placeValue(c, 0)).toEqual({ kind: 'class', index: 0 });
    expect(placeValue(c, 0.999)).toEqual({ kind: 'class', index: 0 });
    expect(placeValue(c, 1)).toEqual({ kind: 'class', index: 1 });
    expect(placeValue(c, 1.5)).toEqual({ kind: 'class', index: 1 });
    expect(placeValue(c, 2)).toEqual({ kind: 'class', index: 2 });
    expect(placeValue(c, 4.99)).toEqual({ kind: 'class', index: 3 });
    expect(placeValue(c, 5)).toEqual({ kind: 'class', index: 4 });
    expect(placeValue(c, 9.9999)).toEqual({ kind: 'class', index: 4 });
  });

  it('puts every value from the open top class up in it', () => {
    expect(placeValue(churn(), 10)).toEqual({ kind: 'class', index: 5 });
    expect(placeValue(churn(), 99.5)).toEqual({ kind: 'class', index: 5 });
    expect(placeValue(churn(), 1e12)).toEqual({ kind: 'class', index: 5 });
  });

  it('keeps the upper bound of a closed top class in it, and puts anything beyond outside', () => {
    const c = retention();
    expect(placeValue(c, 100)).toEqual({ kind: 'class', index: 2 });
    expect(placeValue(c, 90)).toEqual({ kind: 'class', index: 2 });
    expect(placeValue(c, 89.99)).toEqual({ kind: 'class', index: 1 });
    expect(placeValue(c, 100.01)).toEqual({ kind: 'outside', side: 'above' });
    expect(placeValue(c, 150)).toEqual({ kind: 'outside', side: 'above' });
  });

  it('reports values below the first class and between two classes as outside', () => {
    expect(placeValue(churn(), -0.1)).toEqual({ kind: 'outside', side: 'below' });
    const gap: BenchmarkClass[] = [{ code: 1, label: 'a', lower: 0, upper: 1 }, { code: 2, label: 'b', lower: 2, upper: 3 }];
    expect(placeValue(gap, 1)).toEqual({ kind: 'outside', side: 'between' });
    expect(placeValue(gap, 1.5)).toEqual({ kind: 'outside', side: 'between' });
    expect(placeValue(gap, 3)).toEqual({ kind: 'class', index: 1 });
    expect(placeValue(gap, 3.01)).toEqual({ kind: 'outside', side: 'above' });
  });

  it('takes a class without a lower bound as open below', () => {
    const open: BenchmarkClass[] = [{ code: 1, label: '39社以下', upper: 40 }, { code: 2, label: '40社以上', lower: 40 }];
    expect(placeValue(open, -1e9)).toEqual({ kind: 'class', index: 0 });
    expect(placeValue(open, 39.9)).toEqual({ kind: 'class', index: 0 });
    expect(placeValue(open, 40)).toEqual({ kind: 'class', index: 1 });
  });

  it('places nothing for a value that is not a finite number, or without classes', () => {
    expect(placeValue(churn(), Number.NaN)).toBeNull();
    expect(placeValue(churn(), Infinity)).toBeNull();
    expect(placeValue(churn(), -Infinity)).toBeNull();
    expect(placeValue([], 1)).toBeNull();
  });
});

describe('placeCode', () => {
  it('finds a chosen class by its code, and nothing for a code that is not a class', () => {
    expect(placeCode(churn(), 4)).toEqual({ kind: 'class', index: 3 });
    expect(placeCode(churn(), 99)).toBeNull();
  });
});

describe('splitAt', () => {
  it('sums the shares of lower and higher classes around the reader\'s class', () => {
    const shares = [0.1, 0.2, 0.3, 0.4];
    expect(splitAt(shares, 0)).toEqual({ below: 0, same: 0.1, above: 0.2 + 0.3 + 0.4 });
    expect(splitAt(shares, 2)).toEqual({ below: 0.1 + 0.2, same: 0.3, above: 0.4 });
    expect(splitAt(shares, 3)).toEqual({ below: 0.1 + 0.2 + 0.3, same: 0.4, above: 0 });
    const s = splitAt(shares, 1);
    expect(s.below + s.same + s.above).toBeCloseTo(1, 12);
  });

  it('refuses a class that does not exist', () => {
    expect(() => splitAt([0.5, 0.5], 2)).toThrow(RangeError);
    expect(() => splitAt([0.5, 0.5], -1)).toThrow(RangeError);
    expect(() => splitAt([0.5, 0.5], 0.5)).toThrow(RangeError);
  });
});

describe('compare', () => {
  const metric = { classes: churn(), scale: 'banded' as const };

  it('gives the reader\'s class and the shares below, in and above it', () => {
    const r = compare(metric, segment(), { value: 1.5 });
    expect(r).toMatchObject({ status: 'compared', index: 1, cls: { label: '1〜2%未満' }, same: 0.2, base: 100, caution: false });
    if (r.status !== 'compared') throw new Error('not compared');
    expect(r.below).toBeCloseTo(0.1, 12);
    expect(r.above).toBeCloseTo(0.7, 12);
  });

  it('compares a chosen class the same way', () => {
    expect(compare(metric, segment(), { code: 6 })).toMatchObject({ status: 'compared', index: 5, same: 0.05, above: 0 });
    expect(compare(metric, segment(), { code: 7 })).toEqual({ status: 'unknown' });
  });

  it('gives no below/above for unordered answers', () => {
    const nominal = { classes: [{ code: 1, label: '構築している' }, { code: 3, label: '構築していない' }], scale: 'nominal' as const };
    expect(isOrdered(nominal)).toBe(false);
    expect(compare(nominal, segment({ shares: [0.3, 0.7] }), { code: 3 })).toMatchObject({ status: 'compared', index: 1, below: null, same: 0.7, above: null });
  });

  it('does not compare a value outside every class, nor with a suppressed segment', () => {
    expect(compare(metric, segment(), { value: -1 })).toEqual({ status: 'outside', side: 'below' });
    expect(compare(metric, segment({ suppressed: true, base: null, shares: null }), { value: 1 })).toEqual({ status: 'suppressed' });
    expect(compare(metric, segment(), { value: Number.NaN })).toEqual({ status: 'unknown' });
  });

  it('passes the 参考値 flag on', () => {
    expect(compare(metric, segment({ caution: true, base: 21 }), { value: 0.5 })).toMatchObject({ caution: true, base: 21 });
  });
});

describe('chooseSegment', () => {
  const all = segment();
  const saas = segment({ id: 'saas', label: 'SaaS' });
  const small = segment({ id: 'size:1', label: '従業員規模 1〜99名' });
  const big = segment({ id: 'size:2', label: '従業員規模 100名以上', suppressed: true, base: null, shares: null });
  const size = { question: 'employee_size', label: '従業員規模', unit: '名', classes: [{ code: 1, label: '1〜99名', lower: 1, upper: 100 }, { code: 2, label: '100名以上', lower: 100 }], segments: [small, big] };
  const metric: Pick<BenchmarkMetric, 'all' | 'saas' | 'size'> = { all, saas, size };

  it('gives 全体, SaaS, or the size class the employee count falls in', () => {
    expect(chooseSegment(metric, 'all', null)).toEqual({ segment: all, note: null });
    expect(chooseSegment(metric, 'saas', null)).toEqual({ segment: saas, note: null });
    expect(chooseSegment(metric, 'size', 99)).toEqual({ segment: small, note: null });
    expect(chooseSegment(metric, 'size', 100)).toEqual({ segment: big, note: null });
  });

  it('falls back to 全体 with a note when the survey lacks the segment or the employee count does not fit', () => {
    expect(chooseSegment({ all, saas: null, size: null }, 'saas', null)).toEqual({ segment: all, note: 'no-saas' });
    expect(chooseSegment({ all, saas: null, size: null }, 'size', 50)).toEqual({ segment: all, note: 'no-size' });
    expect(chooseSegment(metric, 'size', null)).toEqual({ segment: all, note: 'no-employees' });
    expect(chooseSegment(metric, 'size', 0)).toEqual({ segment: all, note: 'employees-outside' });
  });

  it('says when the SaaS segment is everyone the question was asked of', () => {
    const same = { ...saas, sameAsAll: true };
    expect(chooseSegment({ all, saas: same, size: null }, 'saas', null)).toEqual({ segment: same, note: 'saas-is-all' });
  });
});

describe('texts', () => {
  it('writes shares with one decimal, 0 for none and 0.0 for a sliver', () => {
    expect(shareText(0.2655)).toBe('26.6');
    expect(shareText(0)).toBe('0');
    expect(shareText(0.0001)).toBe('0.0');
    expect(shareText(1)).toBe('100.0');
  });

  it('writes values without trailing zeros, and class bounds in words', () => {
    expect(valueText(1.5)).toBe('1.5');
    expect(valueText(1200)).toBe('1,200');
    expect(valueText(62.125)).toBe('62.125');
    expect(boundsText({ code: 2, label: '1〜2%未満', lower: 1, upper: 2 }, '%', false)).toBe('1%以上2%未満');
    expect(boundsText({ code: 6, label: '10%以上', lower: 10 }, '%', true)).toBe('10%以上');
    expect(boundsText({ code: 5, label: '90〜100%', lower: 90, upper: 100 }, '%', true)).toBe('90%以上100%以下');
  });
});
