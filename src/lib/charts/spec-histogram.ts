/**
 * Banded answers as a histogram: one bar per class (equal widths, classes in order), with the
 * midpoint mean and the grouped median marked at their interpolated position inside a class.
 * A banner draws one row of bars per column. Numeric answers (no classes) are drawn as
 * quartile boxes with mean and median marks.
 */
import * as Plot from '@observablehq/plot';
import type { Option } from '../dataset/codebook.ts';
import type { CrossTab, Summary } from '../stats/types.ts';
import { columnAxisLabel, datums, type Datum } from './datum.ts';
import type { Lang } from '../i18n/lang.ts';
import { excludedNote } from './spec-stacked.ts';
import { numberText } from './fmt.ts';
import { labelColumn, labelEm, percentCeiling } from './layout.ts';
import { columnColour } from './palette.ts';
import { baseOptions, opacity, pos, valueLabel } from './spec-common.ts';
import type { ChartSpec } from './spec.ts';
import type { ChartVariable } from './types.ts';
import { meanShown, medianClassLabel, medianInOpenClass, openClass, openClassShare, OPEN_CLASS_MAX_SHARE } from './banded.ts';

/** A class on the index axis: class k spans [k, k + 1]. */
interface Band {
  key: string;
  label: string;
  lower: number | null;
  upper: number | null;
}

function bandsOf(table: CrossTab, variable?: ChartVariable): Band[] {
  const byCode = new Map<string, Option>((variable?.options ?? []).map((o) => [String(o.code), o]));
  return table.rows
    .filter((r) => r.kind === 'option' && !r.nonSubstantive)
    .map((r) => ({ key: r.key, label: r.label, lower: byCode.get(r.key)?.lower ?? null, upper: byCode.get(r.key)?.upper ?? null }));
}

/** Position of a value on the index axis (interpolated within its class); null when unknown. */
export function bandPosition(bands: Band[], value: number): number | null {
  if (!Number.isFinite(value)) return null;
  for (let k = 0; k < bands.length; k++) {
    const { lower, upper } = bands[k];
    if (lower === null) return null;
    const prev = k > 0 ? bands[k - 1] : null;
    const width = upper !== null ? upper - lower : prev && prev.lower !== null && prev.upper !== null ? prev.upper - prev.lower : 1;
    const top = upper ?? lower + 2 * width;
    if (value < top || k === bands.length - 1) return k + Math.min(1, Math.max(0, (value - lower) / (top - lower)));
  }
  return null;
}

interface Mark {
  columnKey: string;
  at: number;
  median: boolean;
}

/**
 * Mean (solid) and median (dashed) positions per column, and a header text per column. A column
 * whose open top class holds too many answers shows its median class instead of a mean (banded.ts).
 */
function summaryMarks(table: CrossTab, bands: Band[], unit: string, options: readonly Option[], lang: Lang = 'ja'): { marks: Mark[]; header: Map<string, string> } {
  const en = lang === 'en';
  const u = en && unit && unit !== '%' ? ` ${unit}` : unit;
  const marks: Mark[] = [];
  const header = new Map<string, string>();
  table.columns.forEach((column, i) => {
    const s: Summary | undefined = table.summaries?.[i];
    const label = `${column.letter ? `${column.letter}: ` : ''}${columnAxisLabel(column, lang)}`;
    header.set(column.key, label);
    if (!s || column.suppressed || s.n === 0) return;
    const showMean = meanShown(table, i, options);
    const showMedian = !medianInOpenClass(s);
    const mean = showMean ? bandPosition(bands, s.mean) : null;
    const median = showMedian ? bandPosition(bands, s.median) : null;
    if (mean !== null) marks.push({ columnKey: column.key, at: mean, median: false });
    if (median !== null) marks.push({ columnKey: column.key, at: median, median: true });
    header.set(
      column.key,
      en
        ? !showMedian
          ? `${label}  median class “${medianClassLabel(s, options)}” (an open class: no median value is given)`
          : showMean
            ? `${label}  mean ${numberText(s.mean)}${u} (solid), median ${numberText(s.median)}${u} (dashed)`
            : `${label}  median class “${s.medianClass ?? ''}” (median ${numberText(s.median)}${u}, dashed)`
        : !showMedian
          ? `${label}　中央値の階級「${medianClassLabel(s, options)}」（上限のない階級のため中央値の値は示しません）`
          : showMean
            ? `${label}　平均 ${numberText(s.mean)}${unit}（実線）・中央値 ${numberText(s.median)}${unit}（破線）`
            : `${label}　中央値の階級「${s.medianClass ?? ''}」（中央値 ${numberText(s.median)}${unit}、破線）`,
    );
  });
  return { marks, header };
}

/** Histogram of a banded question (per column when a banner is shown). */
export function histogramSpec(table: CrossTab, width: number, variable?: ChartVariable, lang: Lang = 'ja'): ChartSpec {
  const en = lang === 'en';
  const bands = bandsOf(table, variable);
  if (bands.length === 0) return numericSpec(table, width, variable, lang);
  const unit = variable?.unit ?? '';
  const index = new Map(bands.map((b, k) => [b.key, k]));
  const data = datums(table, (r) => index.has(r.key), lang);
  const columns = table.columns;
  const colEm = Math.max(3, Math.floor((width - 60) / bands.length / 12));
  const tick = labelColumn(bands.map((b) => b.label), colEm);
  const panel = 130;
  const max = percentCeiling(Math.max(0, ...data.map(pos)), 1.2);
  const options = variable?.options ?? [];
  const { marks, header } = summaryMarks(table, bands, unit, options, lang);
  const excluded = table.rows.filter((r) => (r.nonSubstantive || r.kind === 'noAnswer') && r.cells.some((c) => c.count > 0));
  const notes = excluded.length > 0 ? [excludedNote(excluded.map((r) => r.label), lang)] : [];
  const summaries = table.summaries ?? [];
  if (summaries.some((s) => s.openBandAssumed !== undefined)) {
    const s = summaries.find((x) => x.openBandAssumed !== undefined) as Summary;
    const open = openClass(options);
    // State the assumption where the mean is shown, with how many answers it concerns (issue 11).
    const share = open ? `、全体の回答の${numberText(openClassShare(table, 0, options) * 100)}%` : '';
    if (en) {
      notes.push(`Means are computed from the middle of each class; the open top class${open ? ` “${open.label}” (${numberText(openClassShare(table, 0, options) * 100)}% of all answers)` : ''} is taken as ${numberText(s.openBandAssumed as number)}${unit && unit !== '%' ? ` ${unit}` : unit}.`);
      if (table.columns.some((c, i) => !c.suppressed && summaries[i]?.n && !meanShown(table, i, options))) notes.push(`Where more than ${Math.round(OPEN_CLASS_MAX_SHARE * 100)}% of a column's answers are in the top class, the mean depends too much on that assumption: the median class is shown instead.`);
    } else notes.push(`平均は各階級の中央の値から計算し、上限のない最上位の階級${open ? `「${open.label}」（${share.slice(1)}）` : ''}は${numberText(s.openBandAssumed as number)}${unit}とみなしています。`);
    if (!en && table.columns.some((c, i) => !c.suppressed && summaries[i]?.n && !meanShown(table, i, options))) {
      notes.push(`最上位の階級の回答が${Math.round(OPEN_CLASS_MAX_SHARE * 100)}%を超える列は、平均がこの仮定に大きく左右されるため、平均の代わりに中央値の階級を示しています。`);
    }
  }
  const fy = { fy: 'columnKey' };
  return {
    kind: 'histogram',
    legend: [],
    notes,
    plot: {
      ...baseOptions(width, columns.length * (panel + 30) + tick.maxLines * 15 + 14, { left: 16, right: 16, top: 30, bottom: tick.maxLines * 15 + 14 }),
      x: { domain: [0, bands.length], label: null, ticks: bands.map((_, k) => k + 0.5), tickFormat: (x: number) => tick.lines.get(bands[Math.floor(x)]?.label ?? '') ?? '', tickSize: 0 },
      y: { domain: [0, max], label: null, axis: null },
      fy: { domain: columns.map((c) => c.key), label: null, axis: null, padding: 0.22 },
      marks: [
        Plot.rectY(data, { x1: (d: Datum) => (index.get(d.rowKey) as number) + 0.08, x2: (d: Datum) => (index.get(d.rowKey) as number) + 0.92, y1: 0, y2: pos, ...fy, fill: (d: Datum) => columnColour(d.columnIndex), fillOpacity: opacity, title: 'title' }),
        Plot.text(data, { x: (d: Datum) => (index.get(d.rowKey) as number) + 0.5, y: pos, ...fy, text: (d: Datum) => valueLabel(d), dy: -7, fill: 'currentColor', fontSize: 11 }),
        Plot.ruleX(marks.filter((m) => !m.median), { x: 'at', ...fy, stroke: 'currentColor', strokeWidth: 1.5 }),
        Plot.ruleX(marks.filter((m) => m.median), { x: 'at', ...fy, stroke: 'currentColor', strokeDasharray: '4,3', strokeWidth: 1.5 }),
        Plot.ruleY([0]),
        Plot.text(columns, { fy: (c: { key: string }) => c.key, frameAnchor: 'top-left', lineAnchor: 'bottom', dy: -8, text: (c: { key: string }) => header.get(c.key) ?? c.key, fill: 'currentColor', fontSize: 11, lineWidth: Math.floor((width - 24) / 11) }),
      ],
    },
  };
}

/** Numeric answers: box from Q1 to Q3 per column, median tick and mean dot. */
function numericSpec(table: CrossTab, width: number, variable?: ChartVariable, lang: Lang = 'ja'): ChartSpec {
  const en = lang === 'en';
  const unit = en && variable?.unit && variable.unit !== '%' ? ` ${variable.unit}` : (variable?.unit ?? '');
  const w = en ? { mean: 'Mean', median: 'Median', quartiles: 'Quartiles' } : { mean: '平均', median: '中央値', quartiles: '四分位' };
  const rows = table.columns
    .map((c, i) => ({ column: c, s: table.summaries?.[i], i }))
    .filter((r) => r.s && r.s.n > 0 && !r.column.suppressed);
  const labels = labelColumn(rows.map((r) => columnAxisLabel(r.column, lang)), labelEm(width, 0.3));
  const label = new Map(rows.map((r) => [r.column.key, labels.lines.get(columnAxisLabel(r.column, lang)) ?? '']));
  const hi = Math.max(1, ...rows.map((r) => Math.max(r.s?.q3 ?? r.s?.mean ?? 0, r.s?.mean ?? 0)));
  const title = (r: (typeof rows)[number]) =>
    `${columnAxisLabel(r.column, lang)}\n${w.mean} ${numberText(r.s?.mean ?? Number.NaN)}${unit}\n${w.median} ${numberText(r.s?.median ?? Number.NaN)}${unit}` +
    (r.s?.q1 !== undefined ? `\n${w.quartiles} ${numberText(r.s.q1)}–${numberText(r.s.q3 ?? Number.NaN)}${unit}` : '');
  return {
    kind: 'histogram',
    legend: [],
    notes: [en ? 'Boxes run from the first to the third quartile; the tick is the median, the dot the mean.' : '箱は第1〜第3四分位、縦線は中央値、点は平均です。'],
    plot: {
      ...baseOptions(width, rows.length * 44 + 40, { left: labels.margin, right: 110, top: 4 }),
      x: { domain: [0, hi * 1.1], label: unit || null, ticks: 5, grid: true },
      y: { domain: rows.map((r) => r.column.key), label: null, tickFormat: (k: string) => label.get(k) ?? k, tickSize: 0, padding: 0.35 },
      marks: [
        Plot.barX(rows, { x1: (r) => r.s?.q1 ?? r.s?.median, x2: (r) => r.s?.q3 ?? r.s?.median, y: (r) => r.column.key, fill: (r) => columnColour(r.i), fillOpacity: 0.35, title }),
        Plot.tickX(rows, { x: (r) => r.s?.median, y: (r) => r.column.key, stroke: 'currentColor', strokeWidth: 2 }),
        Plot.dot(rows, { x: (r) => r.s?.mean, y: (r) => r.column.key, fill: (r) => columnColour(r.i), stroke: 'currentColor', r: 5, title }),
        Plot.text(rows, { x: hi * 1.1, y: (r) => r.column.key, text: (r) => `${w.mean} ${numberText(r.s?.mean ?? Number.NaN)}${unit}`, textAnchor: 'start', dx: 6, fill: 'currentColor' }),
      ],
    },
  };
}
