/**
 * The explorer's chart: the site's shared chart code (lib/charts/render.ts, the same that draws
 * the report pages at build time), with the real browser `document`.
 *
 * Imported statically, not lazily: the first view needs it anyway, every chunk is fetched in
 * parallel with the page (modulepreload, src/server/fastload.ts), and a static import lets the
 * browser evaluate Observable Plot while the view's data file is still on its way (a dynamic
 * import started that work only after the explorer had run, on the first chart's critical path).
 */
import { renderChart } from '../../lib/charts/render.ts';
import type { ChartTable, ChartVariable } from '../../lib/charts/types.ts';
import type { Lang } from '../../lib/i18n/lang.ts';

export { tableModel } from '../../lib/charts/model.ts';
export { tableCsv } from '../../lib/charts/csv.ts';

/** An SVG chart of the table, `width` px wide. */
export function drawChart(table: ChartTable, variable: ChartVariable | undefined, label: string, width: number, lang: Lang = 'ja'): SVGSVGElement {
  const { svg } = renderChart(table, { document, variable, width, ariaLabel: label, lang });
  return svg as SVGSVGElement;
}
