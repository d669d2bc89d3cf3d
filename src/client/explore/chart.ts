/**
 * The explorer's chart: the site's shared chart code (lib/charts/render.ts, the same that draws
 * the report pages at build time), imported lazily with the table model and CSV writer
 * (charting.ts) because they carry Observable Plot — most of the explorer's weight. The real
 * browser `document` is passed in.
 */
import type { ChartTable, ChartVariable } from '../../lib/charts/types.ts';

export type ChartLibrary = typeof import('./charting.ts');

let pending: Promise<ChartLibrary> | null = null;

/** The chart renderer (and Plot), imported on first use. */
export function loadChartLibrary(): Promise<ChartLibrary> {
  pending ??= import('./charting.ts');
  return pending;
}

/** An SVG chart of the table, `width` px wide. */
export function drawChart(library: ChartLibrary, table: ChartTable, variable: ChartVariable | undefined, label: string, width: number): SVGSVGElement {
  const { svg } = library.renderChart(table, { document, variable, width, ariaLabel: label });
  return svg as SVGSVGElement;
}
