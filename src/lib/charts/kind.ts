/**
 * Which chart form suits a table. Multi answers → sorted horizontal bars (grouped when a banner
 * is shown); single answers → 100% stacked bars, diverging when the scale is a Likert scale
 * (scores below and above a neutral point); banded → histogram with mean and median marks;
 * grids → heat table; trends → lines (a slope chart for two waves).
 * A single answer with many unordered options is clearer as bars than as a 12-part stack.
 */
import { keyword } from '../stats/options.ts';
import type { CrossTab } from '../stats/types.ts';
import { CHART_KINDS, isGrid, isTrend, type ChartKind, type ChartTable, type ChartVariable } from './types.ts';

/** Unordered single answers with more substantive options than this are drawn as bars. */
export const MAX_STACK_OPTIONS = 7;

/** Parses a chart kind given by an editor: `invalid kind: pie (expected bars, stacked, …)`. */
export function parseKind(input: string): ChartKind {
  return keyword(input, 'kind', CHART_KINDS);
}

/** True when the options carry scores on both sides of the neutral point (a Likert scale). */
export function isLikert(variable: ChartVariable | undefined): boolean {
  if (!variable) return false;
  const scored = variable.options.filter((o) => !o.nonSubstantive && o.score !== undefined);
  if (scored.length < 2) return false;
  const mid = likertMidpoint(variable);
  return scored.some((o) => (o.score as number) < mid) && scored.some((o) => (o.score as number) > mid);
}

/** The neutral score: the neutral options' score, else the middle of the score range. */
export function likertMidpoint(variable: ChartVariable): number {
  const neutral = variable.options.find((o) => variable.neutral.includes(o.code) && o.score !== undefined);
  if (neutral) return neutral.score as number;
  const scores = variable.options.filter((o) => !o.nonSubstantive && o.score !== undefined).map((o) => o.score as number);
  return (Math.min(...scores) + Math.max(...scores)) / 2;
}

function hasBanner(t: CrossTab): boolean {
  return t.columns.length > 1;
}

/** The chart form for a table (and the variable's options, when known). */
export function chooseKind(table: ChartTable, variable?: ChartVariable): ChartKind {
  if (isGrid(table)) return 'heat';
  if (isTrend(table)) return table.waves.length === 2 ? 'slope' : 'lines';
  switch (table.type) {
    case 'multi':
      return hasBanner(table) ? 'grouped' : 'bars';
    case 'banded':
      return 'histogram';
    case 'numeric':
      return 'histogram';
    case 'ordinal':
    case 'grid-row':
      return isLikert(variable) ? 'diverging' : 'stacked';
    default: {
      const substantive = table.rows.filter((r) => r.kind === 'option' && !r.nonSubstantive).length;
      if (substantive <= MAX_STACK_OPTIONS) return 'stacked';
      return hasBanner(table) ? 'grouped' : 'bars';
    }
  }
}
