/**
 * The built self-benchmark (/data/benchmark.json) on the sample waves: every figure equals the
 * engine's cross-tab of the same question and segment — on the rows for a `publish: microdata`
 * wave, on the question's cube file as the browser decodes it for a `publish: aggregates` wave
 * (so the numbers are those of the question pages and the explorer); nothing respondent-level.
 */
import { describe, expect, it } from 'vitest';
import { availableMetrics, benchmarkData, BENCHMARK_METRICS } from '../../../src/server/benchmark.ts';
import { loadCatalog } from '../../../src/server/catalog.ts';
import { cubeFiles } from '../../../src/server/cube.ts';
import { crosstab } from '../../../src/lib/stats/crosstab.ts';
import { cubeCrosstab } from '../../../src/lib/cube/query.ts';
import { decodeCube } from '../../../src/lib/cube/format.ts';
import { NO_RESTRICTION, universeRestrictionId } from '../../../src/lib/cube/plan.ts';
import type { Dataset } from '../../../src/lib/dataset/types.ts';
import type { BenchmarkMetric, BenchmarkSegment } from '../../../src/lib/benchmark/types.ts';
import type { CrossTab } from '../../../src/lib/stats/types.ts';

type Microdata = ReturnType<ReturnType<typeof loadCatalog>['get']> & { dataset: Dataset };

/** The engine's table of a segment, from the same source the site publishes for the wave. */
function engineTable(metric: BenchmarkMetric, request: { question: string; banner?: string; universe?: string }): CrossTab {
  const wave = loadCatalog().get(metric.survey, metric.wave) as Microdata;
  if (wave.codebook.survey.publish !== 'aggregates') return crosstab(wave.dataset, request, { percentBase: 'substantive' });
  // The cube file the explorer fetches for the question, decoded as the browser decodes it.
  const cube = decodeCube(cubeFiles(wave).files.get(request.question)!);
  return cubeCrosstab(cube, { banner: request.banner ?? null, restriction: request.universe ? universeRestrictionId(request.universe) : NO_RESTRICTION }, {}, request.universe ? { universe: request.universe } : {});
}

/** Shares of the classes in a column, on the substantive base: the engine's own (rows) or the published counts over their sum (cube). */
function engineShares(table: CrossTab, column: number, metric: BenchmarkMetric, fromCube: boolean): { base: number; shares: number[] } {
  const cells = metric.classes.map((c) => table.rows.find((r) => r.kind === 'option' && r.key === String(c.code))!.cells[column]);
  const base = cells.reduce((a, c) => a + c.count, 0);
  if (!fromCube) return { base: table.columns[column].baseN!, shares: cells.map((c) => c.proportion) };
  return { base, shares: cells.map((c) => c.weightedCount / base) };
}

function expectSegment(segment: BenchmarkSegment, table: CrossTab, column: number, metric: BenchmarkMetric): void {
  const col = table.columns[column];
  if (col.withheld || col.suppressed) {
    expect(segment.suppressed).toBe(true);
    return;
  }
  const { base, shares } = engineShares(table, column, metric, metric.protected);
  if (base < 10) {
    expect(segment).toMatchObject({ suppressed: true, base: null, shares: null });
    return;
  }
  expect(segment.base).toBe(base);
  expect(segment.caution).toBe(base < 30);
  segment.shares!.forEach((s, k) => expect(s).toBeCloseTo(shares[k], 12));
}

describe('benchmark.json on the sample waves', () => {
  it('has the metrics of BENCHMARK_METRICS, each from the survey that asked it', () => {
    const data = benchmarkData();
    expect(data.metrics.map((m) => [m.id, m.survey, m.wave, m.question])).toEqual(BENCHMARK_METRICS.map((s) => [s.id, s.survey, s.wave, s.question]));
    expect(data.metrics.map((m) => m.protected)).toEqual([false, false, true, true, true, true]);
    expect(data.metrics.every((m) => m.synthetic)).toBe(true);
  });

  it('offers only the metrics whose wave the data folder has (a site built from other data)', () => {
    expect(availableMetrics()).toEqual([...BENCHMARK_METRICS]);
    expect(availableMetrics([...BENCHMARK_METRICS, { id: 'x', survey: 'nosuch', wave: '2025', question: 'q', input: 'number' }, { id: 'y', survey: 'virtualex', wave: '2022', question: 'touch_model', input: 'choice' }])).toEqual([...BENCHMARK_METRICS]);
  });

  it('equals the engine for every banded and nominal metric and segment (cube files for aggregates waves)', () => {
    const data = benchmarkData();
    let checked = 0;
    for (const metric of data.metrics.filter((m) => m.scale !== 'quartiles')) {
      expectSegment(metric.all, engineTable(metric, { question: metric.question }), 0, metric);
      if (metric.saas) expectSegment(metric.saas, engineTable(metric, { question: metric.question, universe: 'saas' }), 0, metric);
      if (metric.size) {
        const bySize = engineTable(metric, { question: metric.question, banner: metric.size.question });
        metric.size.segments.forEach((s, k) => expectSegment(s, bySize, bySize.columns.findIndex((c) => c.key === String(metric.size!.classes[k].code)), metric));
        checked += metric.size.segments.length;
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('leaves わからない out of the base: the NRR base is the answers in its five classes', () => {
    const nrr = benchmarkData().metrics.find((m) => m.id === 'nrr')!;
    expect(nrr.classes.map((c) => c.label)).toEqual(['80%未満', '80〜90%未満', '90〜100%未満', '100〜110%未満', '110%以上']);
    expect(nrr.all.excluded!.map((x) => x.label)).toEqual(['わからない']);
    const t = engineTable(nrr, { question: 'nrr_annual' });
    // The engine's banded summary rests on the same base (non-substantive answers excluded).
    expect(nrr.all.base).toBe(t.summaries![0].n);
  });

  it('jcsa asks its questions of SaaS respondents only: its SaaS segment is 全体; the other surveys have none', () => {
    for (const m of benchmarkData().metrics) {
      if (m.survey === 'jcsa') expect(m.saas?.sameAsAll).toBe(true);
      else expect(m.saas).toBeNull();
      expect(m.size?.question).toBe('employee_size');
    }
  });

  it('counts the accounts-per-CSM quartile classes from the rows (fullstar publishes its rows)', () => {
    const m = benchmarkData().metrics.find((x) => x.id === 'accounts')!;
    const wave = loadCatalog().get('fullstar', '2023') as Microdata;
    const s = crosstab(wave.dataset, { question: 'csm_accounts_per_person' }).summaries![0];
    expect(m.classes.map((c) => [c.lower, c.upper])).toEqual([[1, s.q1], [s.q1, s.median], [s.median, s.q3], [s.q3, undefined]]);
    const v = wave.dataset.variables.get('csm_accounts_per_person')!;
    const values = v.kind === 'numeric' ? [...v.values].filter(Number.isFinite) : [];
    expect(m.all.base).toBe(values.length);
    m.all.shares!.forEach((x, k) => expect(x).toBeCloseTo(values.filter((y) => y >= (m.classes[k].lower ?? -Infinity) && y < (m.classes[k].upper ?? Infinity)).length / values.length, 12));
  });

  it('gives touch model the effect share by answer as the explorer computes it from the cube file', () => {
    const m = benchmarkData().metrics.find((x) => x.id === 'touch')!;
    const t = engineTable(m, { question: 'cs_effect_felt', banner: 'touch_model' });
    const row = t.rows.find((r) => r.key === '1')!;
    m.effect!.byClass.forEach((c) => {
      const k = t.columns.findIndex((x) => x.key === String(c.code));
      expect(c.share).toBe(row.cells[k].proportion);
      expect(c.base).toBe(t.columns[k].n);
    });
  });

  it('holds no respondent id and no respondent-level values', () => {
    const text = JSON.stringify(benchmarkData());
    const ids = new Set(loadCatalog().waves.flatMap((w) => w.dataset?.ids ?? []));
    expect(ids.size).toBeGreaterThan(100);
    expect((text.match(/[A-Za-z0-9_-]+/g) ?? []).filter((t) => ids.has(t))).toEqual([]);
    expect(text.length).toBeLessThan(60_000);
  });
});
