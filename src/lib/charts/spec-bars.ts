/**
 * Horizontal bars: one bar per option, sorted by the total (multi answers); grouped bars when a
 * banner is shown (one group per option, one bar per column).
 */
import * as Plot from '@observablehq/plot';
import type { CrossTab, TableRow } from '../stats/types.ts';
import { columnAxisLabel, datums, isChartRow, type Datum } from './datum.ts';
import type { Lang } from '../i18n/lang.ts';
import { labelColumn, labelEm, percentCeiling, rowHeight } from './layout.ts';
import { columnColour, NON_SUBSTANTIVE_COLOUR, TOTAL_COLOUR } from './palette.ts';
import { baseOptions, opacity, percentTick, pos, valueLabel } from './spec-common.ts';
import type { ChartSpec } from './spec.ts';

/** Row order: multi answers by the total's share (descending), non-substantive rows last. */
export function rowOrder(table: CrossTab): TableRow[] {
  const rows = table.rows.filter(isChartRow);
  const tail = (r: TableRow) => r.nonSubstantive || r.kind === 'noAnswer';
  if (table.type !== 'multi') return [...rows.filter((r) => !tail(r)), ...rows.filter(tail)];
  const share = (r: TableRow) => (Number.isFinite(r.cells[0].proportion) ? r.cells[0].proportion : 0);
  const sorted = rows.filter((r) => !tail(r)).sort((a, b) => share(b) - share(a));
  return [...sorted, ...rows.filter(tail)];
}

/** Wrapped label per row key. */
function rowLabels(rows: TableRow[], width: number) {
  const col = labelColumn(rows.map((r) => r.label), labelEm(width));
  const byKey = new Map(rows.map((r) => [r.key, col.lines.get(r.label) ?? r.label]));
  return { byKey, margin: col.margin, maxLines: col.maxLines };
}

/** Sorted horizontal bars of the total column. */
export function barsSpec(table: CrossTab, width: number, lang: Lang = 'ja'): ChartSpec {
  const rows = rowOrder(table);
  const labels = rowLabels(rows, width);
  const data = datums(table, isChartRow, lang).filter((d) => d.columnIndex === 0);
  const band = rowHeight(labels.maxLines);
  const max = percentCeiling(Math.max(0, ...data.map(pos)));
  const fill = (d: Datum) => (d.nonSubstantive || d.rowKind === 'noAnswer' ? NON_SUBSTANTIVE_COLOUR : TOTAL_COLOUR);
  return {
    kind: 'bars',
    legend: [],
    notes: [],
    plot: {
      ...baseOptions(width, rows.length * band + 40, { left: labels.margin, right: 56, top: 4 }),
      x: { domain: [0, max], label: null, tickFormat: percentTick, ticks: 5, grid: true },
      y: { domain: rows.map((r) => r.key), label: null, tickFormat: (k: string) => labels.byKey.get(k) ?? k, tickSize: 0, padding: 0.25 },
      marks: [
        Plot.barX(data, { x: pos, y: 'rowKey', fill, fillOpacity: opacity, title: 'title' }),
        Plot.text(data, { x: pos, y: 'rowKey', text: (d: Datum) => valueLabel(d), dx: 4, textAnchor: 'start', fill: 'currentColor' }),
        Plot.ruleX([0]),
      ],
    },
  };
}

/** Grouped horizontal bars: one group per option (sorted by the total), one bar per column. */
export function groupedSpec(table: CrossTab, width: number, lang: Lang = 'ja'): ChartSpec {
  const rows = rowOrder(table);
  const labels = rowLabels(rows, width);
  const data = datums(table, isChartRow, lang);
  const columns = table.columns;
  const barHeight = 13;
  const group = Math.max(rowHeight(labels.maxLines), columns.length * (barHeight + 3) + 12);
  const max = percentCeiling(Math.max(0, ...data.map(pos)));
  const colour = new Map(columns.map((c, i) => [c.key, columnColour(i)]));
  return {
    kind: 'grouped',
    legend: columns.map((c, i) => ({ label: `${c.letter ? `${c.letter}: ` : ''}${columnAxisLabel(c, lang)}`, colour: columnColour(i) })),
    notes: [],
    plot: {
      ...baseOptions(width, rows.length * group + 40, { left: labels.margin, right: 70, top: 4 }),
      x: { domain: [0, max], label: null, tickFormat: percentTick, ticks: 5, grid: true },
      fy: { domain: rows.map((r) => r.key), label: null, tickFormat: (k: string) => labels.byKey.get(k) ?? k, padding: 0.12 },
      y: { domain: columns.map((c) => c.key), axis: null, padding: 0.12 },
      color: { domain: columns.map((c) => c.key), range: columns.map((c) => colour.get(c.key) as string) },
      marks: [
        Plot.barX(data, { x: pos, y: 'columnKey', fy: 'rowKey', fill: 'columnKey', fillOpacity: opacity, title: 'title' }),
        Plot.text(data, { x: pos, y: 'columnKey', fy: 'rowKey', text: (d: Datum) => valueLabel(d), dx: 4, textAnchor: 'start', fill: 'currentColor', fontSize: 11 }),
        Plot.ruleX([0]),
      ],
    },
  };
}
