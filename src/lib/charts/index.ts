/** The chart layer: CrossTab → chart form, Plot options, SVG, description, table model, CSV. */
export * from './types.ts';
export { chooseKind, parseKind, isLikert } from './kind.ts';
export { allowedKinds, chartSpec, type ChartSpec, type LegendItem, type SpecOptions } from './spec.ts';
export { renderChart, renderChartSvg, svgMarkup, withAriaLabel, type RenderOptions } from './render.ts';
export { describe, answerType, scoreNote } from './describe.ts';
export { tableModel, type TableModel, type HeadCell, type BodyRow, type BodyCell } from './model.ts';
export { tableCsv, BOM, type CsvMeta } from './csv.ts';
export { emptyColumns, withoutEmptyColumns } from './columns.ts';
export { chartVariable } from './variable.ts';
export { OKABE_ITO, TOTAL_COLOUR, columnColour, seriesColour } from './palette.ts';
export { wrapLabel, wrapLines } from './wrap.ts';
