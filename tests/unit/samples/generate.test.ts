/**
 * The sample generator is deterministic and the committed data is what it generates; every
 * wave validates through the real loader; synthetic waves say so and cite their source; the
 * designed relationships documented in the codebook notes hold in the data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { generateAll, ROOT, WAVES } from '../../../scripts/generate-samples.ts';
import { mulberry32 } from '../../../scripts/samples/prng.ts';
import { readCatalog } from '../../../src/server/catalog.ts';
import { crosstab } from '../../../src/lib/stats/crosstab.ts';
import type { TableSpec } from '../../../src/lib/stats/types.ts';
import { trend, type Trend, type TrendWave } from '../../../src/lib/stats/trend.ts';

describe('generate-samples', () => {
  const first = generateAll();

  it('writes byte-identical files on every run (seeded PRNG)', () => {
    const second = generateAll();
    expect([...second.files.keys()]).toEqual([...first.files.keys()]);
    for (const [path, content] of first.files) expect(second.files.get(path) === content, path).toBe(true);
  });

  it('matches the committed responses.csv files (run `npx node scripts/generate-samples.ts` after changes)', () => {
    for (const [path, content] of first.files) expect(readFileSync(join(ROOT, path), 'utf8') === content, `${path} is stale`).toBe(true);
  });

  it('writes UTF-8 CSV with LF line ends and one header line', () => {
    for (const content of first.files.values()) {
      expect(content.includes('\r')).toBe(false);
      expect(content.startsWith('id,')).toBe(true);
      expect(content.endsWith('\n')).toBe(true);
    }
  });

  it('gives a different sample for a different seed, so the seed really drives the draws', () => {
    const jcsa = WAVES.find((w) => w.survey === 'jcsa')!;
    const a = jcsa.build(mulberry32(jcsa.seed)).sample.columns.get('cs_effect');
    const b = jcsa.build(mulberry32(jcsa.seed + 1)).sample.columns.get('cs_effect');
    expect(a).not.toEqual(b);
  });
});

describe('sample datasets validate and are labelled', () => {
  // Built before each test (not in the describe body) so that mutation testing can trace coverage to a test.
  let result: ReturnType<typeof readCatalog>;
  beforeEach(() => {
    result = readCatalog(join(ROOT, 'data'));
  });

  it('loads every wave under data/ without a problem', () => {
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('marks every wave synthetic, cited and licensed', () => {
    const waves = result.ok ? result.value.waves : [];
    expect(waves.length).toBeGreaterThan(0);
    for (const w of waves) {
      const s = w.codebook.survey;
      const id = `${w.survey}/${w.wave}`;
      expect(s.synthetic, id).toBe(true);
      expect(s.citation.length, id).toBeGreaterThan(10);
      expect(s.licence, id).toMatch(/合成サンプルデータ|公表値の転記/);
      if (w.dataset) expect(w.dataset.n, id).toBe(s.n);
    }
  });

  it('follows the publisher\'s required attribution for Fullstar ("Fullstar調べ")', () => {
    const fullstar = result.ok ? result.value.get('fullstar', '2023') : undefined;
    expect(fullstar?.codebook.survey.citation.startsWith('Fullstar調べ')).toBe(true);
  });

  it('keeps free-text questions restricted', () => {
    const waves = result.ok ? result.value.waves : [];
    expect(waves.length).toBeGreaterThan(0);
    for (const w of waves) for (const q of w.codebook.questions) if (q.type === 'text') expect(q.publication, q.id).toBe('restricted');
  });
});

describe('designed relationships hold (documented in the codebook notes)', () => {
  // Built before each test (not in the describe body) so that mutation testing can trace coverage to a test.
  let data: Extract<ReturnType<typeof readCatalog>, { ok: true }>;
  beforeEach(() => {
    const r = readCatalog(join(ROOT, 'data'));
    if (!r.ok) throw new Error('data does not load');
    data = r;
  });
  const ds = (survey: string, wave: string) => data.value.get(survey, wave)!.dataset!;
  const share = (survey: string, wave: string, spec: TableSpec, key: string) => {
    const t = crosstab(ds(survey, wave), spec);
    return t.rows.find((r) => r.key === key)!.cells[0].proportion;
  };

  it('jcsa: SNS respondents are mostly SaaS, panel respondents mostly not', () => {
    expect(share('jcsa', '2025', { question: 'industry', universe: 'channel_sns' }, '1')).toBeGreaterThan(0.7);
    expect(share('jcsa', '2025', { question: 'industry', universe: 'channel_panel' }, '1')).toBeLessThan(0.15);
  });

  it('jcsa: CS-tool users report 90–100% retention more often', () => {
    const users = share('jcsa', '2025', { question: 'retention_rate_annual', filters: [{ q: 'cs_tools_used', includesAny: [3] }] }, '5');
    const others = share('jcsa', '2025', { question: 'retention_rate_annual', filters: [{ not: { q: 'cs_tools_used', includesAny: [3] } }] }, '5');
    expect(users).toBeGreaterThan(others + 0.15);
  });

  it('jcsa: larger companies have larger CS departments', () => {
    const large = share('jcsa', '2025', { question: 'cs_support_department_headcount', filters: [{ q: 'employee_size', in: [4, 5] }] }, '5');
    const small = share('jcsa', '2025', { question: 'cs_support_department_headcount', filters: [{ q: 'employee_size', in: [1, 2] }] }, '5');
    expect(large).toBeGreaterThan(small + 0.2);
  });

  it('jcsa: income rises with CS tenure', () => {
    const t = crosstab(ds('jcsa', '2025'), { question: 'annual_income', banner: 'respondent_cs_tenure' });
    const means = t.summaries!.slice(1).map((s) => s.mean);
    for (let k = 1; k < means.length; k++) expect(means[k]).toBeGreaterThan(means[k - 1]);
  });

  it('virtualex: touch model and phase operation go with feeling CS is effective', () => {
    expect(share('virtualex', '2023', { question: 'cs_effect_felt', universe: 'touch_yes' }, '1')).toBeGreaterThan(0.85);
    expect(share('virtualex', '2023', { question: 'cs_effect_felt', universe: 'touch_no' }, '1')).toBeLessThan(0.45);
    expect(share('virtualex', '2023', { question: 'cs_effect_felt', universe: 'phase_yes' }, '1')).toBeGreaterThan(0.8);
    expect(share('virtualex', '2023', { question: 'cs_effect_felt', universe: 'phase_no' }, '1')).toBeLessThan(0.25);
  });

  it('fullstar: CS-tool adopters report lower monthly churn', () => {
    const t = crosstab(ds('fullstar', '2023'), { question: 'monthly_churn', banner: 'cs_tool_adoption' });
    const byKey = new Map(t.columns.map((c, k) => [c.key, t.summaries![k].mean]));
    expect(byKey.get('1')!).toBeLessThan(byKey.get('2')!);
  });
});

describe('virtualex waves are crosswalked so trends work', () => {
  // Built before each test (not in the describe body) so that mutation testing can trace coverage to a test.
  let data: Extract<ReturnType<typeof readCatalog>, { ok: true }>;
  beforeEach(() => {
    const r = readCatalog(join(ROOT, 'data'));
    if (!r.ok) throw new Error('data does not load');
    data = r;
  });
  const wave = (w: string) => data.value.get('virtualex', w)!;
  const point = (t: Trend, w: string, option: number) => t.points.find((p) => p.wave === w && p.option === option);

  it('touch model among the effect-felt: 2022 published 38.1% → 2023 microdata 120/276', () => {
    const t = trend([wave('2022'), wave('2023')] as TrendWave[], 'touch_model', { universe: 'effect_felt' });
    expect(point(t, '2022', 1)?.proportion).toBeCloseTo(0.381, 10);
    expect(point(t, '2022', 1)?.source).toBe('published');
    expect(point(t, '2023', 1)?.proportion).toBeCloseTo(120 / 276, 10);
  });

  it('effect felt among CS doers: 2023 microdata 276/500 → 2024 published 61.0%', () => {
    const t = trend([wave('2023'), wave('2024')] as TrendWave[], 'cs_effect_felt', { universe: 'doing_cs' });
    expect(point(t, '2023', 1)?.proportion).toBeCloseTo(0.552, 10);
    expect(point(t, '2024', 1)?.proportion).toBeCloseTo(0.61, 10);
  });
});
