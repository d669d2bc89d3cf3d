/**
 * <Change>: the wording of a change between waves follows the test (issue 11, finding 1: the
 * virtualex chapters said 「上がりました」 for differences with p ≈ 0.06 and 0.55).
 */
import { describe, expect, it } from 'vitest';
import { changeValue } from '../../../src/components/change.ts';
import { formatP } from '../../../src/lib/stats/format.ts';
import { testChange, type TrendPoint } from '../../../src/lib/stats/trend.ts';
import { twoProportionZ } from '../../../src/lib/stats/significance.ts';

const point = (wave: string, proportion: number, base: number, source: TrendPoint['source'] = 'microdata'): TrendPoint => ({
  wave, option: 1, label: 'はい', question: 'q', code: 1, proportion, ci: null, base, effectiveBase: base, weightedBase: base, source,
});

describe('testChange', () => {
  it('says up or down only when the pooled two-proportion z-test is significant at α', () => {
    const up = testChange(point('2022', 0.4, 1000), point('2023', 0.5, 1000))!;
    expect(up.direction).toBe('up');
    expect(up.significant).toBe(true);
    expect(up.p).toBeCloseTo(twoProportionZ({ p: 0.4, n: 1000 }, { p: 0.5, n: 1000 })!.p, 12);
    expect(up.z).toBeGreaterThan(0);
    expect(testChange(point('2022', 0.5, 1000), point('2023', 0.4, 1000))!.direction).toBe('down');
    const flat = testChange(point('2022', 0.4, 100), point('2023', 0.45, 100))!;
    expect(flat.significant).toBe(false);
    expect(flat.direction).toBe('none');
    // The same difference is significant at α = 0.5 and not at 0.01.
    expect(testChange(point('2022', 0.4, 100), point('2023', 0.45, 100), 0.5)!.direction).toBe('up');
    expect(testChange(point('2022', 0.4, 1000), point('2023', 0.45, 1000), 0.01)!.direction).toBe('none');
  });

  it('gives the difference of the shares as printed, and names printed-table waves', () => {
    const c = testChange(point('2022', 0.5104, 500, 'published'), point('2023', 0.5296, 520))!;
    expect(c.points).toBe(2); // 53.0 − 51.0, not 1.92
    expect(c.printed).toEqual(['2022']);
    expect(testChange(point('2022', 0, 10), point('2023', 0, 10))).toBeNull();
    expect(testChange(point('2022', 0.5, 0), point('2023', 0.5, 10))).toBeNull();
  });
});

describe('changeValue (virtualex sample data)', () => {
  const base = { survey: 'virtualex', wave: '2023' };

  it('words every change the chapters state by its test: none of them is significant', () => {
    const claims = [
      { q: 'kpis_defined', option: 1, universe: 'effect_felt', from: '2022' },
      { q: 'kpis_defined', option: 3, universe: 'effect_felt', from: '2022' },
      { q: 'kpis_defined', option: 2, universe: 'effect_felt', from: '2022' },
      { q: 'cs_effect_felt', option: 1, universe: 'doing_cs', from: '2023', to: '2024' },
      { q: 'metric_change_pre_post__sales', option: 1, universe: 'doing_cs', from: '2023', to: '2024' },
      { q: 'metric_change_pre_post__profit_margin', option: 1, universe: 'doing_cs', from: '2023', to: '2024' },
    ];
    for (const claim of claims) {
      const v = changeValue({ ...base, ...claim });
      expect(v.change.p, claim.q).toBeGreaterThan(0.05);
      expect(v.text, claim.q).toMatch(/^\d{4}年の\d+\.\d%と\d{4}年の\d+\.\d%で、有意な差はみられません$/);
      expect(v.text).not.toMatch(/上昇|低下/);
      expect(v.note).toContain('2標本の比率の z 検定');
      expect(v.note).toContain(formatP(v.change.p));
    }
    const felt = changeValue({ ...base, q: 'cs_effect_felt', option: 1, universe: 'doing_cs', from: '2023', to: '2024' });
    expect(felt.change.printed).toEqual(['2024']);
    expect(felt.note).toContain('2024年は公表された割合と回答者数で検定');
    expect(felt.change.p).toBeGreaterThan(0.05);
    expect(felt.change.p).toBeLessThan(0.1); // p ≈ 0.06, as the issue found
  });

  it('fails on an unknown option, wave or universe, naming the valid choices', () => {
    expect(() => changeValue({ ...base, q: 'kpis_defined', option: 99, universe: 'effect_felt', from: '2022' })).toThrow(/no such option in the trend\. Valid: 1 \(/);
    expect(() => changeValue({ ...base, q: 'kpis_defined', option: 1, universe: 'effect_felt', from: '2019' })).toThrow(/wave 2019 has no figure for this option\. Valid waves: 2022, 2023/);
    expect(() => changeValue({ ...base, q: 'kpis_defined', option: 1, universe: 'nobody', from: '2022' })).toThrow(/universe="nobody": no trend in this universe\. Valid: /);
    expect(() => changeValue({ ...base, q: 'kpis_defined', option: 1, universe: 'effect_felt', from: '2023' })).toThrow(/same wave/);
  });
});
