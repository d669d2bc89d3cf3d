/**
 * <Stat> and <Chart> props are checked against the data: a name that does not exist throws an
 * error naming the prop and listing the valid choices (so `astro build` fails). Uses the repo's
 * JCSA 2025 sample data.
 */
import { describe, it, expect } from 'vitest';
import { statValue } from '../../../src/components/stat.ts';
import { resolveChart, segmentsFor, getWave, trendsFor } from '../../../src/components/figure-data.ts';

const base = { survey: 'jcsa', wave: '2025' };

describe('statValue', () => {
  it('computes a percentage, a count, a base and a banded median from the data', () => {
    expect(statValue({ ...base, q: 'response_channel', option: 1 }).text).toMatch(/^\d+\.\d%$/);
    const count = Number(statValue({ ...base, q: 'industry', option: 1, kind: 'count' }).text);
    const n = Number(statValue({ ...base, q: 'industry', kind: 'base' }).text);
    expect(n).toBe(781);
    expect(statValue({ ...base, q: 'industry', option: 1 }).text).toBe(`${((count / n) * 100).toFixed(1)}%`);
    expect(statValue({ ...base, q: 'retention_rate_annual', kind: 'median' }).text).toMatch(/^\d+\.\d%$/);
  });
  it('accepts an option by label and a banner column by code or label', () => {
    const byCode = statValue({ ...base, q: 'department', option: 1, by: 'sector', segment: 1 });
    expect(statValue({ ...base, q: 'department', option: 'カスタマーサクセス部門', by: 'sector', segment: 'SaaS' })).toEqual(byCode);
  });
  it('fails on an unknown question, naming the prop and the valid ids', () => {
    expect(() => statValue({ ...base, q: 'cs_efect', option: 1 })).toThrow(/<Stat> q="cs_efect": no such public question in jcsa\/2025\. Valid: response_channel, industry, /);
  });
  it('fails on an unknown option, listing the valid options', () => {
    expect(() => statValue({ ...base, q: 'response_channel', option: 3 })).toThrow('<Stat q="response_channel" option="3"> option="3": no such option. Valid: 1 (SNS経由), 2 (調査会社経由)');
  });
  it('fails on an unknown net, banner column, universe or kind', () => {
    expect(() => statValue({ ...base, q: 'response_channel', net: 'top2' })).toThrow(/net="top2": no such net/);
    expect(() => statValue({ ...base, q: 'department', option: 1, by: 'sector', segment: 3 })).toThrow('segment="3": no such column of by="sector". Valid: 1 (SaaS), 2 (非SaaS)');
    expect(() => statValue({ ...base, q: 'department', option: 1, universe: 'saas_doin' })).toThrow(/universe="saas_doin": unknown universe\. Valid: all, /);
    expect(() => statValue({ ...base, q: 'department', option: 1, kind: 'share' as never })).toThrow(/kind="share": expected percent, count, mean, median, medianClass, base/);
  });
  it('refuses to print a percentage whose base is below the suppression threshold', () => {
    expect(() => statValue({ ...base, q: 'would_start_if_solved', option: 1 })).toThrow(/below the suppression threshold/);
  });
  it('reads a grid row as a single-answer question (percent, by a banner, in a universe)', () => {
    const vx = { survey: 'virtualex', wave: '2023' };
    const felt = statValue({ ...vx, q: 'metric_change_pre_post__sales', option: 1, universe: 'effect_felt' });
    expect(felt.text).toMatch(/^\d+\.\d%$/);
    // The same share as the count reading it replaces: respondents who say sales rose / effect-felt base.
    const rose = Number(statValue({ ...vx, q: 'effect_group', option: 1, kind: 'count', by: 'metric_change_pre_post__sales', segment: 1 }).text);
    const n = Number(statValue({ ...vx, q: 'metric_change_pre_post__sales', kind: 'base', universe: 'effect_felt' }).text);
    expect(felt.text).toBe(`${((rose / n) * 100).toFixed(1)}%`);
    expect(statValue({ survey: 'fullstar', wave: '2023', q: 'cs_initiatives_effect__onboarding', option: 1, by: 'cs_tool_adoption', segment: 2 }).text).toMatch(/^\d+\.\d%$/);
    expect(() => statValue({ ...vx, q: 'metric_change_pre_post', option: 1 })).toThrow(/is a grid; name one of its rows/);
  });
  it('prints a true zero as 0% in running text (tables keep –)', () => {
    expect(statValue({ ...base, q: 'cs_awareness_change_1y', option: 1, kind: 'count' }).text).toBe('0');
    expect(statValue({ ...base, q: 'cs_awareness_change_1y', option: 1 }).text).toBe('0%');
    expect(statValue({ ...base, q: 'cs_awareness_change_1y', option: 1, digits: 0 }).text).toBe('0%');
  });
  it('names the class holding the median of a banded question, "≥ L" for an open top band', () => {
    expect(statValue({ ...base, q: 'annual_income', kind: 'medianClass' }).text).toBe('600〜700万円未満');
    expect(statValue({ ...base, q: 'revenue_size', kind: 'medianClass' }).text).toBe('≥ 100億円');
    expect(() => statValue({ ...base, q: 'department', kind: 'medianClass' })).toThrow(/only banded and numeric questions have a medianClass/);
  });
  it('reads another wave with wave=: a published-tables wave as printed, listing the valid choices otherwise', () => {
    const vx = { survey: 'virtualex', wave: '2022' };
    expect(statValue({ ...vx, q: 'touch_model', option: 1 }).text).toBe('38.1%');
    expect(statValue({ ...vx, q: 'metric_change_pre_post__sales', option: 1, universe: 'effect_felt' }).text).toBe('74.6%');
    expect(statValue({ ...vx, q: 'kpis_defined', option: '解約率／数／額' }).text).toBe('40.5%');
    expect(statValue({ ...vx, q: 'kpis_defined', kind: 'base' }).text).toBe('276');
    expect(statValue({ survey: 'virtualex', wave: '2024', q: 'cs_effect_felt', option: 1 }).text).toBe('61.0%');
    expect(() => statValue({ ...vx, q: 'kpis_defined', option: 4 })).toThrow('option="4": not published for q="kpis_defined" universe="effect_felt". Valid: 1 (継続率／数／額), 2 (解約率／数／額), 3 (アップセル率／数／額)');
    expect(() => statValue({ ...vx, q: 'kpis_defined', option: 1, universe: 'doing_cs' })).toThrow(/no published table of q="kpis_defined" in virtualex\/2022\. Valid: q="touch_model" universe="effect_felt"; /);
    expect(() => statValue({ ...vx, q: 'touch_model', option: 1, kind: 'count' })).toThrow(/published only a percentage/);
    expect(() => statValue({ ...vx, q: 'touch_model', option: 1, kind: 'mean' })).toThrow(/expected percent, count or base/);
    expect(() => statValue({ ...vx, q: 'touch_model', option: 1, by: 'effect_group', segment: 1 })).toThrow(/only the total is available/);
  });
  it('marks a 参考値 base', () => {
    expect(statValue({ ...base, q: 'cs_start_timing', option: 1 }).caution).toBe(true);
  });
});

describe('resolveChart', () => {
  it('fails on unknown props with the valid choices', () => {
    expect(() => resolveChart({ ...base, q: 'nope' })).toThrow(/<Chart> q="nope": no such public question/);
    expect(() => resolveChart({ ...base, q: 'department', by: 'industry' })).toThrow(/<Chart> by="industry": not a single-answer variable of jcsa\/2025\. Valid: .*sector/);
    expect(() => resolveChart({ ...base, q: 'department', kind: 'pie' })).toThrow('<Chart> kind: invalid kind: pie (expected bars, stacked, diverging, grouped, histogram, heat, lines, slope)');
    expect(() => resolveChart({ survey: 'jcsa', wave: '2030', q: 'department' })).toThrow(/wave "2030" does not exist \(known: .*jcsa\/2025/);
  });
  it('never exposes restricted questions', () => {
    expect(() => resolveChart({ ...base, q: 'cs_comment' })).toThrow(/no such public question/);
  });
  it('publishes segments: own universe first, narrower universes, and banners that split it', () => {
    const segs = segmentsFor(getWave('jcsa', '2025'), 'department');
    expect(segs[0]).toEqual({ universe: 'all', by: null, slug: 'all' });
    expect(segs.map((s) => s.slug)).toContain('all--by-sector');
    expect(segs.map((s) => s.slug)).toContain('saas');
    expect(new Set(segs.map((s) => s.slug)).size).toBe(segs.length);
  });
});

describe('trendsFor', () => {
  it('joins a microdata wave to the published figures of the earlier wave, in the universe they were printed for', () => {
    const [t] = trendsFor(getWave('virtualex', '2023'), 'touch_model');
    expect(t.universe).toBe('effect_felt');
    expect(t.waves).toEqual(['2022', '2023']);
    const p2022 = t.points.find((p) => p.wave === '2022');
    expect(p2022?.source).toBe('published');
    expect(p2022?.proportion).toBeCloseTo(0.381, 9);
    expect(new Set(t.points.map((p) => p.option))).toEqual(new Set([1]));
  });
  it('follows the chain forward to a later aggregate-only wave', () => {
    const [t] = trendsFor(getWave('virtualex', '2023'), 'cs_effect_felt');
    expect(t.waves).toEqual(['2023', '2024']);
  });
  it('has no trend for a wave without a crosswalk', () => {
    expect(trendsFor(getWave('jcsa', '2025'), 'department')).toEqual([]);
  });
});

describe('<Chart kind="trend">', () => {
  const vx = { survey: 'virtualex', wave: '2023' };
  it('draws a grid row across waves through the crosswalk, in the universe asked for', () => {
    const felt = resolveChart({ ...vx, q: 'metric_change_pre_post__sales', kind: 'trend', universe: 'effect_felt' });
    expect(felt.table).toMatchObject({ type: 'trend', universe: 'effect_felt', waves: ['2022', '2023'] });
    expect(['lines', 'slope']).toContain(felt.kind);
    expect(felt.slug).toBe('trend-effect_felt');
    const doing = resolveChart({ ...vx, q: 'metric_change_pre_post__sales', kind: 'trend' });
    expect(doing.table).toMatchObject({ universe: 'doing_cs', waves: ['2023', '2024'] });
    const p2024 = (doing.table as { points: { wave: string; proportion: number }[] }).points.find((p) => p.wave === '2024');
    expect(p2024?.proportion).toBeCloseTo(0.574, 9);
  });
  it('fails with the universes that have a trend, or when no other wave has the question', () => {
    expect(() => resolveChart({ ...vx, q: 'touch_model', kind: 'trend', universe: 'doing_cs' })).toThrow('<Chart> q="touch_model" kind="trend" universe="doing_cs": no trend in this universe. Valid: effect_felt');
    expect(() => resolveChart({ ...vx, q: 'cs_engagement', kind: 'trend' })).toThrow(/no other wave of virtualex has figures/);
    expect(() => resolveChart({ ...vx, q: 'touch_model', kind: 'trend', by: 'effect_group' })).toThrow(/a trend has no banner/);
  });
});
