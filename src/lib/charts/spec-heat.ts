/** Grid questions as a heat table: grid rows × scale options, shaded by the row percentage. */
import * as Plot from '@observablehq/plot';
import { datums, isChartRow, type Datum } from './datum.ts';
import { labelColumn, labelEm, rowHeight } from './layout.ts';
import { baseOptions, valueLabel } from './spec-common.ts';
import type { ChartSpec } from './spec.ts';
import type { GridTable } from './types.ts';
import type { Lang } from '../i18n/lang.ts';

interface Cell extends Datum {
  gridRow: string;
}

/** Heat table of a grid question (total column of each grid row). */
export function heatSpec(grid: GridTable, width: number, lang: Lang = 'ja'): ChartSpec {
  const options = grid.tables[0].rows.filter(isChartRow);
  const rowNames = grid.tables.map((t, i) => `${grid.rowLabels[i]}${t.columns[0].caution ? '*' : ''} (n=${t.columns[0].n})`);
  const left = labelColumn(rowNames, labelEm(width, 0.32));
  const cellWidth = (width - left.margin - 10) / Math.max(1, options.length);
  const top = labelColumn(options.map((o) => o.label), Math.max(3, Math.floor(cellWidth / 12) - 1));
  const cells: Cell[] = grid.tables.flatMap((t, i) =>
    datums(t, isChartRow, lang)
      .filter((d) => d.columnIndex === 0)
      .map((d) => ({ ...d, gridRow: String(i) })),
  );
  const max = Math.max(1, ...cells.map((c) => (Number.isFinite(c.percent) ? c.percent : 0)));
  const dark = (c: Cell) => Number.isFinite(c.percent) && c.percent > max * 0.55;
  const band = rowHeight(left.maxLines, 30);
  return {
    kind: 'heat',
    legend: [],
    notes: [lang === 'en' ? 'The darker the cell, the larger its share within the row.' : '色の濃さは各行の中での割合を表します。'],
    plot: {
      ...baseOptions(width, grid.tables.length * band + top.maxLines * 15 + 16, { left: left.margin, right: 10, top: top.maxLines * 15 + 12, bottom: 4 }),
      x: { domain: options.map((o) => o.key), axis: 'top', label: null, tickFormat: (k: string) => top.lines.get(options.find((o) => o.key === k)?.label ?? '') ?? k, tickSize: 0, padding: 0.04 },
      y: { domain: grid.tables.map((_, i) => String(i)), label: null, tickFormat: (k: string) => left.lines.get(rowNames[Number(k)]) ?? k, tickSize: 0, padding: 0.06 },
      color: { type: 'linear', domain: [0, max], range: ['#EFF3FF', '#08519C'], unknown: '#CCCCCC' },
      marks: [
        Plot.cell(cells, { x: 'rowKey', y: 'gridRow', fill: (c: Cell) => (Number.isFinite(c.percent) ? c.percent : Number.NaN), title: 'title' }),
        Plot.text(cells.filter(dark), { x: 'rowKey', y: 'gridRow', text: (c: Cell) => valueLabel(c), fill: '#FFFFFF', fontSize: 11 }),
        Plot.text(cells.filter((c) => !dark(c)), { x: 'rowKey', y: 'gridRow', text: (c: Cell) => valueLabel(c), fill: '#111111', fontSize: 11 }),
      ],
    },
  };
}

