/**
 * The explorer's computations: an explorer state → the engine's CrossTab, and the comparison with
 * the crosswalked earlier wave. The same functions run in the browser (on a public-use dataset)
 * and in tests (on the original dataset), so what the reader sees is what the engine says.
 */
import type { Dataset } from '../dataset/types.ts';
import type { CrossTab, StatsOptions } from '../stats/types.ts';
import { crosstab } from '../stats/crosstab.ts';
import { toTableSpec, type ExploreState } from './state.ts';

/** Engine options implied by the state (everything else: the engine's defaults). */
export function statsOptionsFor(state: ExploreState): Partial<StatsOptions> {
  return { multiPercent: state.multiPercent };
}

/** The cross-tab an explorer state asks for. */
export function computeTable(dataset: Dataset, state: ExploreState): CrossTab {
  return crosstab(dataset, toTableSpec(state), statsOptionsFor(state));
}

/** This wave's table next to the earlier wave's, rows aligned through the crosswalk. */
export interface Comparison {
  previous: CrossTab;
  currentLabel: string;
  previousLabel: string;
}

/**
 * The earlier wave's total-only table for the crosswalked question, with its rows relabelled and
 * ordered like this wave's (option codes mapped by the crosswalk). Filters and universe apply
 * where the earlier wave has the same variable / universe; the others are left out.
 */
export function computeComparison(current: CrossTab, currentData: Dataset, previousData: Dataset, state: ExploreState, previousQuestion: string, currentLabel: string, previousLabel: string): Comparison {
  const mapping = currentData.codebook.crosswalk?.questions.find((c) => c.question === state.question)?.options ?? {};
  const previousState: ExploreState = {
    ...state,
    question: previousQuestion,
    banner: null,
    universe: previousData.universes.has(state.universe) ? state.universe : 'all',
    filters: state.filters.filter((f) => previousData.variables.has(f.variable)),
  };
  const table = computeTable(previousData, previousState);
  const byKey = new Map(table.rows.map((r) => [r.key, r]));
  const rows = current.rows.flatMap((r) => {
    const key = r.kind === 'option' ? String(mapping[r.key] ?? r.key) : r.key;
    const found = byKey.get(key);
    return found ? [{ ...found, key: r.key, label: r.label }] : [];
  });
  return { previous: { ...table, rows }, currentLabel, previousLabel };
}
