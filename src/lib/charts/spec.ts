/**
 * Question type + CrossTab → Observable Plot options. Pure: marks are built here, the document
 * is supplied by the caller (`render.ts`), so the same spec is drawn at build time and in the
 * browser. Each form lives in its own module; this one picks and dispatches.
 */
import type { PlotOptions } from '@observablehq/plot';
import { chooseKind } from './kind.ts';
import { barsSpec, groupedSpec } from './spec-bars.ts';
import { stackedSpec, divergingSpec } from './spec-stacked.ts';
import { histogramSpec } from './spec-histogram.ts';
import { heatSpec } from './spec-heat.ts';
import { trendSpec } from './spec-trend.ts';
import { withoutEmptyColumns } from './columns.ts';
import { isGrid, isTrend, type ChartKind, type ChartTable, type ChartVariable } from './types.ts';
import type { Lang } from '../i18n/lang.ts';

/** One legend entry (drawn into the SVG by `render.ts`, so downloads carry it). */
export interface LegendItem {
  label: string;
  colour: string;
}

export interface ChartSpec {
  kind: ChartKind;
  /** Plot options without `document`. */
  plot: PlotOptions;
  legend: LegendItem[];
  /** Notes the chart form adds (e.g. "わからない・無回答は図から除外"). */
  notes: string[];
}

export interface SpecOptions {
  /** Force a form (`<Chart kind>`); default chosen from the question type. */
  kind?: ChartKind;
  /** Options with scores/bounds; needed for diverging and histogram forms. */
  variable?: ChartVariable;
  /** Drawing width, px (default 640). */
  width?: number;
  /** Language of the chart's own words (tooltips, notes); labels arrive in it already. */
  lang?: Lang;
}

/** Kinds each table shape can be drawn as. */
const ALLOWED: Record<'grid' | 'trend' | 'table', ChartKind[]> = {
  grid: ['heat'],
  trend: ['lines', 'slope'],
  table: ['bars', 'stacked', 'diverging', 'grouped', 'histogram'],
};

/** The kinds a table can be drawn as, and its shape as messages name it (`single`, `grid`, `trend` …). */
export function allowedKinds(table: ChartTable): { kinds: ChartKind[]; shape: string } {
  if (isGrid(table)) return { kinds: ALLOWED.grid, shape: 'grid' };
  if (isTrend(table)) return { kinds: ALLOWED.trend, shape: 'trend' };
  return { kinds: ALLOWED.table, shape: table.type };
}

/** The Plot options (and legend) for a table. */
export function chartSpec(chartTable: ChartTable, options: SpecOptions = {}): ChartSpec {
  // Banner columns nobody falls into are left out of the drawing.
  const table = isGrid(chartTable) || isTrend(chartTable) ? chartTable : withoutEmptyColumns(chartTable);
  const width = options.width ?? 640;
  const kind = options.kind ?? chooseKind(table, options.variable);
  const allowed = allowedKinds(table);
  if (!allowed.kinds.includes(kind)) {
    throw new Error(`invalid kind: "${kind}" for a ${allowed.shape} table (expected ${allowed.kinds.join(', ')})`);
  }
  const lang = options.lang ?? 'ja';
  if (isGrid(table)) return heatSpec(table, width, lang);
  if (isTrend(table)) return trendSpec(table, width, kind, options.variable, lang);
  switch (kind) {
    case 'bars':
      return barsSpec(table, width, lang);
    case 'grouped':
      return groupedSpec(table, width, lang);
    case 'stacked':
      return stackedSpec(table, width, options.variable, lang);
    case 'diverging':
      if (!options.variable) throw new Error('invalid kind: "diverging" needs the variable\'s option scores');
      return divergingSpec(table, width, options.variable, lang);
    default:
      return histogramSpec(table, width, options.variable, lang);
  }
}
