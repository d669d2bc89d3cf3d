/**
 * The explorer's computations: an explorer state → the engine's CrossTab, and the trend across
 * crosswalked waves (the engine's `trend`). The same functions run in the browser (on public-use
 * data) and in tests (on the original microdata), so what the reader sees is what the engine says.
 */
import type { Dataset } from '../dataset/types.ts';
import type { CrossTab, StatsOptions } from '../stats/types.ts';
import type { TrendTable } from '../charts/types.ts';
import { crosstab } from '../stats/crosstab.ts';
import { trend, type TrendWave } from '../stats/trend.ts';
import { toTableSpec, type ExploreState } from './state.ts';

/** Engine options implied by the state (everything else: the engine's defaults). */
export function statsOptionsFor(state: ExploreState): Partial<StatsOptions> {
  return { multiPercent: state.multiPercent };
}

/** The cross-tab an explorer state asks for. */
export function computeTable(dataset: Dataset, state: ExploreState): CrossTab {
  return crosstab(dataset, toTableSpec(state), statsOptionsFor(state));
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
