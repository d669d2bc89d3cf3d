/**
 * What the chart layer takes in and gives out. Charts are drawn from a `CrossTab` (one variable ×
 * one banner) or from several of them: a grid question (one table per grid row) or a trend (one
 * table per wave). Everything here is plain data, usable at build time and in the browser.
 */
import type { Option } from '../dataset/codebook.ts';
import type { CrossTab } from '../stats/types.ts';
import type { TrendPoint, TrendWaveInfo } from '../stats/trend.ts';

/** The chart forms Hakusho draws; `chooseKind` picks one from the question type. */
export const CHART_KINDS = ['bars', 'stacked', 'diverging', 'grouped', 'histogram', 'heat', 'lines', 'slope'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** What the chart needs to know about the tabulated variable beyond the CrossTab itself. */
export interface ChartVariable {
  /** Options in display order, with `score` (ordinal) and `lower`/`upper` (banded). */
  options: Option[];
  /** Ordinal: codes at the middle of a Likert scale (drawn centred in a diverging chart). */
  neutral: number[];
  /** Banded / numeric: unit of the bounds ("%", "社"). */
  unit: string | null;
}

/** A grid question: one CrossTab (total column) per grid row, all on the same scale. */
export interface GridTable {
  type: 'grid';
  question: string;
  /** Grid row labels, same order as `tables`. */
  rowLabels: string[];
  tables: CrossTab[];
}

/** A trend: the same question in several waves (crosswalked), from the engine's `trend()`. */
export interface TrendTable {
  type: 'trend';
  question: string;
  /** Universe id (when known) and the label shown with the chart. */
  universe?: string;
  universeLabel: string;
  /** Wave ids, oldest first. */
  waves: string[];
  /** One point per wave and option (option codes of the latest wave). */
  points: TrendPoint[];
  /** Each wave's own report, citation and answer type (downloads title and cite each wave by its own report). */
  waveInfo?: TrendWaveInfo[];
}

/** Anything a chart can be drawn from. */
export type ChartTable = CrossTab | GridTable | TrendTable;

export function isGrid(t: ChartTable): t is GridTable {
  return t.type === 'grid';
}
export function isTrend(t: ChartTable): t is TrendTable {
  return t.type === 'trend';
}
