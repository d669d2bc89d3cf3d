/**
 * The self-benchmark's metrics (/benchmark/, /data/benchmark.json): which question of which wave
 * each reader input is compared with. Every number comes from the tables the site already
 * publishes for those questions (`tableFor(…, 'protected')`: the protected cube of an aggregates
 * wave, the public rows of a microdata wave), built once per build.
 */
import { allWaves, getWave, tableFor } from '../components/figure-data.ts';
import { buildBenchmark, type BenchmarkWave, type MetricSpec } from '../lib/benchmark/build.ts';
import type { BenchmarkData } from '../lib/benchmark/types.ts';
import { defaultStatsOptions } from '../lib/stats/options.ts';

/** The metrics, in the order the page asks for them. Each comes from the survey that asked it. */
export const BENCHMARK_METRICS: readonly MetricSpec[] = [
  { id: 'churn', survey: 'fullstar', wave: '2023', question: 'monthly_churn', input: 'number' },
  { id: 'accounts', survey: 'fullstar', wave: '2023', question: 'csm_accounts_per_person', input: 'number' },
  { id: 'team', survey: 'jcsa', wave: '2025', question: 'cs_support_department_headcount', input: 'number' },
  { id: 'retention', survey: 'jcsa', wave: '2025', question: 'retention_rate_annual', input: 'number' },
  { id: 'nrr', survey: 'jcsa', wave: '2025', question: 'nrr_annual', input: 'choice' },
  { id: 'touch', survey: 'virtualex', wave: '2023', question: 'touch_model', input: 'choice', effect: { question: 'cs_effect_felt', option: 1 } },
];

/** A wave of the catalog as the builder reads it: the tables its question pages publish. */
export function benchmarkWave(survey: string, wave: string): BenchmarkWave {
  const w = getWave(survey, wave, 'benchmark');
  if (!w.dataset) throw new Error(`benchmark: ${survey}/${wave} has published tables only; a benchmark metric needs a microdata wave`);
  return {
    codebook: w.codebook,
    table: (request) => tableFor(w, request, 'protected'),
    protected: w.codebook.survey.publish === 'aggregates',
  };
}

/**
 * The metrics whose wave the data folder has (a site built from other data — `$HAKUSHO_DATA` —
 * offers the metrics of the waves it has, possibly none). A wave that is there but lacks the
 * question fails the build (build.ts, BenchmarkError).
 */
export function availableMetrics(specs: readonly MetricSpec[] = BENCHMARK_METRICS): MetricSpec[] {
  const waves = new Set(allWaves().filter((w) => w.dataset).map((w) => `${w.survey}/${w.wave}`));
  return specs.filter((s) => waves.has(`${s.survey}/${s.wave}`));
}

let memo: { data: BenchmarkData; root: unknown } | undefined;
/** The benchmark's data (computed once per build). */
export function benchmarkData(): BenchmarkData {
  const root = allWaves();
  if (memo?.root !== root) memo = { root, data: buildBenchmark(availableMetrics(), benchmarkWave, { suppressBase: defaultStatsOptions.suppressBase, cautionBase: defaultStatsOptions.cautionBase }) };
  return memo.data;
}
