/**
 * Everything from the shared chart layer that pulls in Observable Plot, gathered into one module
 * the explorer imports lazily (in parallel with the data), so the first script stays small.
 */
export { renderChart } from '../../lib/charts/render.ts';
export { tableModel } from '../../lib/charts/model.ts';
export { tableCsv } from '../../lib/charts/csv.ts';
