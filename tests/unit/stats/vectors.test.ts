/** The test vectors of STATS.md (R survey 4.1, scipy 1.10, statsmodels 0.13), each to its printed precision. */
import { beforeEach, describe, expect, it } from 'vitest';
import { wilson, clopperPearson, agrestiCoull, chiSquareTest, twoProportionZ, adjustPValues, summarizeBanded, nps, zFor } from '../../../src/lib/stats/index.ts';
import type { Option } from '../../../src/lib/dataset/codebook.ts';

describe('confidence intervals for 12/40', () => {
  it('Wilson 95% is [0.1807484523, 0.4543001882]', () => {
    const ci = wilson(12 / 40, 40)!;
    expect(ci.low).toBeCloseTo(0.1807484523, 10);
    expect(ci.high).toBeCloseTo(0.4543001882, 10);
  });
  it('Clopper–Pearson 95% is [0.1656272044, 0.4653162853]', () => {
    const ci = clopperPearson(12 / 40, 40)!;
    expect(ci.low).toBeCloseTo(0.1656272044, 10);
    expect(ci.high).toBeCloseTo(0.4653162853, 10);
  });
  it('Agresti–Coull 95% is [0.1797279810, 0.4553206594]', () => {
    const ci = agrestiCoull(12 / 40, 40)!;
    expect(ci.low).toBeCloseTo(0.179727981, 10);
    expect(ci.high).toBeCloseTo(0.4553206594, 10);
  });
  it('uses z = 1.959963984540054 at 95%', () => {
    expect(zFor(0.95)).toBeCloseTo(1.959963984540054, 14);
  });
  it('Wilson has width at x = 0 and starts at exactly 0', () => {
    const ci = wilson(0, 25)!;
    expect(ci.low).toBe(0);
    expect(ci.high).toBeGreaterThan(0.1);
  });
  it('gives no interval for an empty base', () => {
    expect(wilson(NaN, 0)).toBeNull();
    expect(clopperPearson(0, 0)).toBeNull();
  });
});

describe('χ² for rows (30,45,25) / (20,30,50)', () => {
  // Built before each test (not in the describe body) so that mutation testing can trace coverage to a test.
  let result: NonNullable<ReturnType<typeof chiSquareTest>>;
  beforeEach(() => {
    result = chiSquareTest([
      [30, 45, 25],
      [20, 30, 50],
    ])!;
  });
  it('is X² = 13.333333 with df = 2 and p = 0.001272634', () => {
    expect(result.statistic).toBeCloseTo(13.333333, 6);
    expect(result.df).toBe(2);
    expect(result.p).toBeCloseTo(0.001272634, 9);
    expect(result.lowExpected).toBe(false);
  });
  it('has adjusted residuals 1.633, 2.191, −3.651 in row 1', () => {
    expect(result.residuals[0].map((z) => Number(z.toFixed(3)))).toEqual([1.633, 2.191, -3.651]);
  });
  it('warns when an expected count is below 5', () => {
    expect(chiSquareTest([[3, 1], [1, 3]])!.lowExpected).toBe(true);
  });
  it('leaves out empty rows and columns from df', () => {
    expect(chiSquareTest([[30, 45, 0], [20, 30, 0], [0, 0, 0]])!.df).toBe(1);
  });
});

describe('column-proportions z-test', () => {
  it('A 30/50 vs C 25/75: z = 2.942449432, p = 0.003256269628', () => {
    const t = twoProportionZ({ p: 30 / 50, n: 50 }, { p: 25 / 75, n: 75 })!;
    expect(t.z).toBeCloseTo(2.942449432, 9);
    expect(t.p).toBeCloseTo(0.003256269628, 12);
  });
  it('B 45/75 vs C 25/75: z = 3.273268354, p = 0.001063114917', () => {
    const t = twoProportionZ({ p: 45 / 75, n: 75 }, { p: 25 / 75, n: 75 })!;
    expect(t.z).toBeCloseTo(3.273268354, 9);
    expect(t.p).toBeCloseTo(0.001063114917, 12);
  });
  it('has nothing to test when both proportions are 0', () => {
    expect(twoProportionZ({ p: 0, n: 40 }, { p: 0, n: 50 })).toBeNull();
  });
});

describe('multiple comparisons of p = (1, 0.003256270, 0.001063115)', () => {
  const p = [1, 0.003256269628, 0.001063114917];
  it('leaves its input untouched', () => {
    adjustPValues(p, 'bonferroni');
    adjustPValues(p, 'bh');
    expect(p).toEqual([1, 0.003256269628, 0.001063114917]);
  });
  it('Bonferroni gives (1, 0.009768809, 0.003189345)', () => {
    const a = adjustPValues(p, 'bonferroni');
    expect(a[0]).toBe(1);
    expect(a[1]).toBeCloseTo(0.009768809, 9);
    expect(a[2]).toBeCloseTo(0.003189345, 9);
  });
  it('Benjamini–Hochberg gives (1, 0.004884404, 0.003189345)', () => {
    const a = adjustPValues(p, 'bh');
    expect(a[0]).toBe(1);
    expect(a[1]).toBeCloseTo(0.004884404, 8);
    expect(a[2]).toBeCloseTo(0.003189345, 9);
  });
});

describe('banded churn 0–1/1–3/3–5/5–10/10+ with f = 40/70/45/30/15', () => {
  const bands: Option[] = [
    { code: 1, label: '0〜1%', lower: 0, upper: 1 },
    { code: 2, label: '1〜3%', lower: 1, upper: 3 },
    { code: 3, label: '3〜5%', lower: 3, upper: 5 },
    { code: 4, label: '5〜10%', lower: 5, upper: 10 },
    { code: 5, label: '10%以上', lower: 10 },
  ];
  const s = summarizeBanded(bands, [40, 70, 45, 30, 15], '%');
  it('has midpoint mean 3.7625 with the open top band at 12.5', () => {
    expect(s.mean).toBeCloseTo(3.7625, 12);
    expect(s.openBandAssumed).toBe(12.5);
  });
  it('has grouped median 2.714286 in class 1〜3%', () => {
    expect(s.median).toBeCloseTo(2.714286, 6);
    expect(s.medianClass).toBe('1〜3%');
  });
  it('reports "≥ L" when the median class is the open top band', () => {
    const top = summarizeBanded(bands, [1, 1, 1, 1, 10], '%');
    expect(top.medianClass).toBe('≥ 10%');
    expect(top.median).toBe(10);
  });
  it('leaves non-substantive answers out and uses a given value for the open band', () => {
    const withDk: Option[] = [...bands.slice(0, 4), { ...bands[4], value: 15 }, { code: 9, label: 'わからない', nonSubstantive: true }];
    const t = summarizeBanded(withDk, [40, 70, 45, 30, 15, 500]);
    expect(t.mean).toBeCloseTo((40 * 0.5 + 70 * 2 + 45 * 4 + 30 * 7.5 + 15 * 15) / 200, 12);
    expect(t.openBandAssumed).toBeUndefined();
    expect(t.n).toBe(200);
  });
});

describe('NPS with 90 promoters, 60 passives, 50 detractors', () => {
  // Built before each test (not in the describe body) so that mutation testing can trace coverage to a test.
  let r: ReturnType<typeof nps>;
  beforeEach(() => {
    r = nps({ promoters: 90, passives: 60, detractors: 50 });
  });
  it('is 20 with SE 5.7446 and 95% CI [8.741, 31.259]', () => {
    expect(r.score).toBeCloseTo(20, 12);
    expect(r.se).toBeCloseTo(5.7446, 4);
    expect(r.ci.low).toBeCloseTo(8.741, 3);
    expect(r.ci.high).toBeCloseTo(31.259, 3);
  });
});
