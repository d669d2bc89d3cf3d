/**
 * 100% stacked bars for single answers (one bar per column: total and banner columns), and the
 * diverging variant for Likert scales: negative answers to the left of zero, the neutral answer
 * centred on it, positive answers to the right.
 */
import * as Plot from '@observablehq/plot';
import type { CrossTab, TableRow } from '../stats/types.ts';
import { columnAxisLabel, datums, isChartRow, type Datum } from './datum.ts';
import type { Lang } from '../i18n/lang.ts';
import { isLikert, likertMidpoint } from './kind.ts';
import { FONT_SIZE, labelColumn, labelEm, rowHeight } from './layout.ts';
import { NON_SUBSTANTIVE_COLOUR, optionColours, scaleColours, seriesColour, textOn } from './palette.ts';
import { baseOptions, opacity, percentTick } from './spec-common.ts';
import type { ChartSpec } from './spec.ts';
import type { ChartVariable } from './types.ts';

/** A stacked segment: a datum with its extent. */
interface Segment extends Datum {
  x1: number;
  x2: number;
  colour: string;
}

const tail = (r: TableRow) => r.nonSubstantive || r.kind === 'noAnswer';

/**
 * Colour per row. With the question's options: each option's own colour (palette.ts,
 * optionColours — a Likert scale diverging, as in its trend and diverging chart); otherwise
 * ordered scales in blues (or diverging), unordered in the series colours.
 */
function rowColours(table: CrossTab, rows: TableRow[], diverging: boolean, variable?: ChartVariable): Map<string, string> {
  if (variable) {
    const byCode = optionColours(variable.options, diverging || isLikert(variable));
    const out = new Map<string, string>();
    for (const r of rows) {
      const colour = r.kind === 'option' ? byCode.get(Number(r.key)) : undefined;
      if (colour) out.set(r.key, colour);
    }
    // Rows without an option colour (無回答) are light grey, after the non-substantive options.
    rows.filter((r) => !out.has(r.key)).forEach((r) => out.set(r.key, '#DDDDDD'));
    return out;
  }
  const substantive = rows.filter((r) => !tail(r));
  const ordered = table.type === 'ordinal' || table.type === 'banded' || table.type === 'grid-row';
  const colours = ordered || diverging ? scaleColours(substantive.length, diverging) : substantive.map((_, i) => seriesColour(i));
  const out = new Map(substantive.map((r, i) => [r.key, colours[i]]));
  rows.filter(tail).forEach((r, i) => out.set(r.key, i === 0 ? NON_SUBSTANTIVE_COLOUR : '#DDDDDD'));
  return out;
}

/** Segments laid end to end from `start`, in the given row order. */
function lay(data: Datum[], order: string[], start: number, colours: Map<string, string>, direction: 1 | -1): Segment[] {
  let cur = start;
  const out: Segment[] = [];
  for (const key of order) {
    const d = data.find((x) => x.rowKey === key);
    if (!d || !Number.isFinite(d.percent)) continue;
    const next = cur + direction * d.percent;
    out.push({ ...d, x1: Math.min(cur, next), x2: Math.max(cur, next), colour: colours.get(key) as string });
    cur = next;
  }
  return out;
}

/** Column axis (one bar per column) with "全体 (n=781)" labels. */
function columnAxis(table: CrossTab, width: number, lang: Lang = 'ja') {
  const labels = table.columns.map((c) => `${c.letter ? `${c.letter}: ` : ''}${columnAxisLabel(c, lang)}`);
  const col = labelColumn(labels, labelEm(width, 0.3));
  const byKey = new Map(table.columns.map((c, i) => [c.key, col.lines.get(labels[i]) ?? labels[i]]));
  return { byKey, margin: col.margin, band: rowHeight(col.maxLines, 34) };
}

/** Labels inside segments wide enough to hold them, in a colour readable on the fill. */
function segmentLabels(segments: Segment[], width: number, span: number): Plot.Markish[] {
  const pxPerPoint = width / span;
  const fits = (s: Segment) => (s.x2 - s.x1) * pxPerPoint >= FONT_SIZE * 2.6;
  const label = (s: Segment) => `${s.text}${s.caution ? '*' : ''}${s.letters ? ` ${s.letters}` : ''}`;
  const group = (c: string) => segments.filter((s) => fits(s) && !s.caution && textOn(s.colour) === c);
  // A faded (参考値) segment's colour depends on the page behind it (light or dark): its label is
  // dark text on a white halo, readable on any fill (issue 11: white on a faded bar was 2.75:1).
  const faded = segments.filter((s) => fits(s) && s.caution);
  return [
    ...['#111111', '#FFFFFF'].map((c) => Plot.text(group(c), { x: (s: Segment) => (s.x1 + s.x2) / 2, y: 'columnKey', text: label, fill: c, fontSize: 11 })),
    Plot.text(faded, { x: (s: Segment) => (s.x1 + s.x2) / 2, y: 'columnKey', text: label, fill: '#111111', stroke: '#FFFFFF', strokeWidth: 3, paintOrder: 'stroke', fontSize: 11 }),
  ];
}

/** A note in place of the bar of each suppressed column. */
function suppressedNotes(table: CrossTab, x: number, lang: Lang = 'ja'): Plot.Markish {
  const hidden = table.columns.filter((c) => c.suppressed);
  return Plot.text(hidden, { x, y: (c: { key: string }) => c.key, text: () => (lang === 'en' ? '× hidden: base too small' : '× 基数が小さいため非表示'), textAnchor: 'start', dx: 4, fill: 'currentColor', fontSize: 11 });
}

function legendOf(rows: TableRow[], colours: Map<string, string>) {
  return rows.map((r) => ({ label: r.label, colour: colours.get(r.key) as string }));
}

/** 100% stacked bars, one per column. */
export function stackedSpec(table: CrossTab, width: number, variable?: ChartVariable, lang: Lang = 'ja'): ChartSpec {
  const rows = table.rows.filter(isChartRow);
  const order = [...rows.filter((r) => !tail(r)), ...rows.filter(tail)];
  const colours = rowColours(table, order, false, variable);
  const data = datums(table, isChartRow, lang);
  const segments = table.columns.flatMap((c) => lay(data.filter((d) => d.columnKey === c.key), order.map((r) => r.key), 0, colours, 1));
  const axis = columnAxis(table, width, lang);
  const plotWidth = width - axis.margin - 20;
  return {
    kind: 'stacked',
    legend: legendOf(order, colours),
    notes: [],
    plot: {
      ...baseOptions(width, table.columns.length * axis.band + 40, { left: axis.margin, top: 4 }),
      x: { domain: [0, 100], label: null, tickFormat: percentTick, ticks: 5 },
      y: { domain: table.columns.map((c) => c.key), label: null, tickFormat: (k: string) => axis.byKey.get(k) ?? k, tickSize: 0, padding: 0.2 },
      color: { domain: order.map((r) => r.key), range: order.map((r) => colours.get(r.key) as string) },
      marks: [
        Plot.barX(segments, { x1: 'x1', x2: 'x2', y: 'columnKey', fill: 'rowKey', fillOpacity: opacity, title: 'title', stroke: 'var(--plot-background, white)', strokeWidth: 0.5 }),
        ...segmentLabels(segments, plotWidth, 100),
        suppressedNotes(table, 0, lang),
      ],
    },
  };
}

/** Diverging stacked bars for a Likert scale. */
export function divergingSpec(table: CrossTab, width: number, variable: ChartVariable, lang: Lang = 'ja'): ChartSpec {
  const mid = likertMidpoint(variable);
  const score = new Map(variable.options.map((o) => [String(o.code), o.score]));
  const rows = table.rows.filter((r) => r.kind === 'option' && !r.nonSubstantive && score.get(r.key) !== undefined);
  const s = (r: TableRow) => score.get(r.key) as number;
  const sorted = [...rows].sort((a, b) => s(a) - s(b));
  const colours = rowColours(table, sorted, true, variable);
  const data = datums(table, (r) => rows.includes(r), lang);
  const segments: Segment[] = [];
  for (const c of table.columns) {
    const col = data.filter((d) => d.columnKey === c.key);
    const neutral = sorted.filter((r) => s(r) === mid).map((r) => r.key);
    const neutralTotal = col.filter((d) => neutral.includes(d.rowKey)).reduce((a, d) => a + (Number.isFinite(d.percent) ? d.percent : 0), 0);
    segments.push(...lay(col, neutral, -neutralTotal / 2, colours, 1));
    segments.push(...lay(col, sorted.filter((r) => s(r) < mid).map((r) => r.key).reverse(), -neutralTotal / 2, colours, -1));
    segments.push(...lay(col, sorted.filter((r) => s(r) > mid).map((r) => r.key), neutralTotal / 2, colours, 1));
  }
  const round10 = (x: number) => Math.min(100, Math.max(10, Math.ceil(x / 10) * 10));
  const left = round10(Math.max(0, ...segments.map((x) => -x.x1)));
  const right = round10(Math.max(0, ...segments.map((x) => x.x2)));
  const axis = columnAxis(table, width, lang);
  const excluded = table.rows.filter((r) => isChartRow(r) && !rows.includes(r));
  return {
    kind: 'diverging',
    legend: legendOf(sorted, colours),
    notes: excluded.length > 0 ? [excludedNote(excluded.map((r) => r.label), lang)] : [],
    plot: {
      ...baseOptions(width, table.columns.length * axis.band + 40, { left: axis.margin, top: 4 }),
      x: { domain: [-left, right], label: null, tickFormat: percentTick, ticks: 6 },
      y: { domain: table.columns.map((c) => c.key), label: null, tickFormat: (k: string) => axis.byKey.get(k) ?? k, tickSize: 0, padding: 0.2 },
      color: { domain: sorted.map((r) => r.key), range: sorted.map((r) => colours.get(r.key) as string) },
      marks: [
        Plot.barX(segments, { x1: 'x1', x2: 'x2', y: 'columnKey', fill: 'rowKey', fillOpacity: opacity, title: 'title', stroke: 'var(--plot-background, white)', strokeWidth: 0.5 }),
        Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.6 }),
        ...segmentLabels(segments, width - axis.margin - 20, left + right),
        suppressedNotes(table, -left, lang),
      ],
    },
  };
}

/** 「わからない」「無回答」は図から除き… : options drawn only in the table. */
export function excludedNote(labels: string[], lang: Lang = 'ja'): string {
  return lang === 'en' ? `${labels.map((l) => `“${l}”`).join(', ')} ${labels.length > 1 ? 'are' : 'is'} left out of the chart and shown in the table.` : `「${labels.join('」「')}」は図から除き、表に掲載しています。`;
}
