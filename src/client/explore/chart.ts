/**
 * The explorer's chart: Observable Plot, loaded lazily (it is most of the explorer's weight),
 * drawn from the shared chart datums (lib/charts/datum.ts) so chart, tooltip and table agree.
 */
import type { CrossTab } from '../../lib/stats/types.ts';
import type { Comparison } from '../../lib/explore/compute.ts';
import { datums, type Datum } from '../../lib/charts/datum.ts';
import { SERIES, TOTAL_COLOUR } from '../../lib/charts/palette.ts';

export type ChartLibrary = typeof import('@observablehq/plot');

let pending: Promise<ChartLibrary> | null = null;

/** Observable Plot, imported on first use. */
export function loadChartLibrary(): Promise<ChartLibrary> {
  pending ??= import('@observablehq/plot');
  return pending;
}

interface Bar {
  row: string;
  series: string;
  value: number;
  text: string;
  title: string;
}

function bars(list: Datum[], show: 'percent' | 'count', series: (d: Datum) => string): Bar[] {
  return list.map((d) => ({
    row: d.rowLabel,
    series: series(d),
    value: show === 'count' ? d.count : Number.isNaN(d.percent) ? 0 : d.percent,
    text: show === 'count' ? String(d.count) : `${d.text}${d.letters ? ` ${d.letters}` : ''}`,
    title: d.title,
  }));
}

/** The bars to draw: total only, every banner column, or this wave against the earlier one. */
function chartData(table: CrossTab, comparison: Comparison | null, show: 'percent' | 'count'): Bar[] {
  if (comparison) {
    return [
      ...bars(datums(comparison.previous).filter((d) => d.columnKey === 'total'), show, () => comparison.previousLabel),
      ...bars(datums(table).filter((d) => d.columnKey === 'total'), show, () => comparison.currentLabel),
    ];
  }
  const banner = table.columns.length > 1;
  return bars(datums(table).filter((d) => (banner ? d.columnKey !== 'total' : true)), show, (d) => (banner ? `${d.letter} ${d.columnLabel}` : d.columnLabel));
}

const shorten = (t: string) => (t.length > 16 ? `${t.slice(0, 15)}…` : t);

/** An SVG chart of the table (class `x-plot`), sized to the container. */
export function drawChart(Plot: ChartLibrary, table: CrossTab, comparison: Comparison | null, show: 'percent' | 'count', label: string, width = 640): SVGSVGElement {
  const data = chartData(table, comparison, show);
  const rows = [...new Set(data.map((d) => d.row))];
  const series = [...new Set(data.map((d) => d.series))];
  const grouped = series.length > 1;
  const barHeight = 18;
  const height = 40 + rows.length * (grouped ? series.length * barHeight + 12 : barHeight + 8);
  const top = Math.max(1, ...data.map((d) => d.value));
  const max = show === 'percent' ? Math.min(100, top * 1.25 + 5) : top * 1.25;
  const svg = Plot.plot({
    width,
    height,
    marginLeft: Math.min(220, Math.max(80, width * 0.32)),
    marginRight: grouped ? 96 : 56,
    style: { fontSize: '12px', fontFamily: 'system-ui, sans-serif' },
    ariaLabel: `${label}の棒グラフ`,
    x: { domain: [0, max], label: show === 'count' ? '人数' : '%', grid: true, axis: 'top' },
    y: grouped ? { domain: series, axis: 'right', label: null, tickFormat: (t: string) => t.split(' ')[0], tickSize: 0, padding: 0.1 } : { domain: rows, label: null, tickFormat: shorten },
    fy: grouped ? { domain: rows, axis: 'left', label: null, tickFormat: shorten, padding: 0.15 } : undefined,
    color: { domain: series, range: grouped ? SERIES : [TOTAL_COLOUR], legend: false },
    marks: [
      Plot.barX(data, { x: 'value', y: grouped ? 'series' : 'row', fy: grouped ? 'row' : undefined, fill: 'series', title: 'title' }),
      Plot.text(data, { x: 'value', y: grouped ? 'series' : 'row', fy: grouped ? 'row' : undefined, text: 'text', textAnchor: 'start', dx: 4, fill: 'currentColor' }),
      Plot.ruleX([0]),
    ],
  }) as unknown as SVGSVGElement;
  svg.classList.add('x-plot');
  return svg;
}

/** The legend for grouped charts, as HTML (text only). */
export function legendItems(table: CrossTab, comparison: Comparison | null): { label: string; colour: string }[] {
  if (comparison) return [comparison.previousLabel, comparison.currentLabel].map((label, k) => ({ label, colour: SERIES[k] }));
  if (table.columns.length <= 1) return [];
  return table.columns.slice(1).map((c, k) => ({ label: `${c.letter} ${c.label}（n=${c.n}）`, colour: SERIES[k % SERIES.length] }));
}
