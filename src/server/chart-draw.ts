/**
 * Drawing a chart to SVG markup at build time: Observable Plot on a linkedom document (one per
 * thread). Used by the pages (figure-data.ts `chartSvg`) and by the drawing worker
 * (chart-worker.ts), so both draw with the same code.
 */
import { parseHTML } from 'linkedom';
import { renderChart, svgMarkup, type ChartKind, type ChartTable, type ChartVariable } from '../lib/charts/index.ts';
import type { Lang } from '../lib/i18n/lang.ts';

/** A chart to draw at one width. */
export interface DrawSpec {
  table: ChartTable;
  variable: ChartVariable | undefined;
  kind: ChartKind;
  width: number;
  /** Language of the chart's own words (default Japanese). */
  lang?: Lang;
}

/** A chart to draw at several widths, and the key each drawing is filed under. */
export interface DrawJob extends Omit<DrawSpec, 'width'> {
  widths: number[];
  keys: string[];
}

/** A drawing without an accessible name (`withAriaLabel` gives it one): markup, the notes its form adds, its height. */
export interface Drawing {
  svg: string;
  notes: string[];
  height: number;
}

let doc: Document | undefined;
/** A server-side DOM for Plot (one per thread). */
function document(): Document {
  doc ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  return doc;
}

/** Draws a chart (without a label); `height` is NaN when the SVG has none (the caller says which chart). */
export function drawChart(job: DrawSpec): Drawing {
  const { spec, svg } = renderChart(job.table, { document: document(), variable: job.variable, kind: job.kind, width: job.width, lang: job.lang ?? 'ja' });
  const markup = svgMarkup(svg);
  return { svg: markup, notes: spec.notes, height: Number(/^<svg\b[^>]*?\sheight="([\d.]+)"/.exec(markup)?.[1]) };
}
