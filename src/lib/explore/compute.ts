/**
 * The explorer's computations: an explorer state → the engine's CrossTab, and the trend across
 * crosswalked waves (the engine's `trend`). The same functions run in the browser and in tests,
 * on public-use rows (`publish: microdata`) or on a protected cube (`publish: aggregates`), so what
 * the reader sees is what the engine says.
 */
import type { Dataset } from '../dataset/types.ts';
import type { CrossTab, StatsOptions } from '../stats/types.ts';
import type { ChartVariable, TrendTable } from '../charts/types.ts';
import { crosstab } from '../stats/crosstab.ts';
import { trend, type TrendWave } from '../stats/trend.ts';
import { chartVariable } from '../charts/variable.ts';
import { cubeCrosstab } from '../cube/query.ts';
import type { QuestionCube } from '../cube/types.ts';
import type { CatalogWave } from './catalog.ts';
import { stateRestriction } from './restriction.ts';
import { toTableSpec, type ExploreState } from './state.ts';

/** Where a table's numbers come from: public-use rows, or one question's protected cube. */
export type ExploreSource = { kind: 'rows'; dataset: Dataset } | { kind: 'cube'; cube: QuestionCube };

/** Engine options implied by the state (everything else: the engine's defaults). */
export function statsOptionsFor(state: ExploreState): Partial<StatsOptions> {
  return { multiPercent: state.multiPercent };
}

/** The cross-tab an explorer state asks for. */
export function computeTable(source: ExploreSource | Dataset, state: ExploreState, wave?: CatalogWave): CrossTab {
  const s: ExploreSource = 'kind' in source ? source : { kind: 'rows', dataset: source };
  if (s.kind === 'rows') return crosstab(s.dataset, toTableSpec(state), statsOptionsFor(state));
  if (!wave) throw new Error('computeTable: a cube needs its catalog wave');
  return cubeCrosstab(s.cube, { banner: state.banner, restriction: stateRestriction(state, wave) }, statsOptionsFor(state), toTableSpec(state));
}

/** The chart variable (options with scores, neutral codes, unit) of the state's question. */
export function sourceVariable(source: ExploreSource, id: string): ChartVariable | undefined {
  if (source.kind === 'rows') return chartVariable(source.dataset, id);
  const m = source.cube.meta;
  if (m.kind === 'numeric') return { options: [], neutral: [], unit: m.unit || null };
  return { options: m.options, neutral: m.neutral, unit: m.type === 'banded' ? m.unit : null };
}

/**
 * The state's question across waves (oldest first, the current wave last), in the state's
 * universe. Ad-hoc filters do not apply: earlier waves may lack the variables, and published
 * tables cannot be filtered (the explorer says so next to the chart).
 */
export function computeTrend(waves: TrendWave[], state: ExploreState, universeLabel: string): TrendTable {
  const t = trend(waves, state.question, { ...(state.universe !== 'all' ? { universe: state.universe } : {}), stats: statsOptionsFor(state) });
  const ids = [...new Set(t.points.map((p) => p.wave))];
  return { type: 'trend', question: state.question, universeLabel, waves: waves.map((w) => w.codebook.survey.wave).filter((w) => ids.includes(w)), points: t.points };
}
