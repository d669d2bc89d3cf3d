/**
 * The English text description of a chart (describe.ts is the Japanese one): the same facts in
 * the same order — base, largest shares, banner columns, significant differences, mean/median.
 */
import { withoutEmptyColumns } from './columns.ts';
import type { CrossTab, TableRow } from '../stats/types.ts';
import { rowOrder } from './spec-bars.ts';
import { baseText, numberText, percentText } from './fmt.ts';
import { isGrid, isTrend, type ChartTable, type ChartVariable } from './types.ts';
import { columnAxisLabel, isChartRow } from './datum.ts';
import { isLikert, likertMidpoint } from './kind.ts';
import { trendLabel } from './spec-trend.ts';
import { meanShown, medianClassLabel, medianInOpenClass } from './banded.ts';

function pct(table: CrossTab, row: TableRow, col = 0): string {
  const t = percentText(row.cells[col], table.columns[col]);
  return /^[0-9]/.test(t) ? `${t}%` : t === '×' ? 'hidden' : '0%';
}

const quote = (s: string) => `“${s}”`;
const unitText = (unit: string) => (unit && unit !== '%' ? ` ${unit}` : unit);

function preamble(table: CrossTab): string {
  const total = table.columns[0];
  const kind = table.type === 'multi' ? 'multiple answers' : table.type === 'numeric' ? 'numeric answers' : 'single answer';
  return `Base: ${table.universeLabel} (${baseText(total, 'en')}, ${kind}). `;
}

function topList(table: CrossTab, rows: TableRow[], count: number): string {
  return rows
    .slice(0, count)
    .map((r) => `${quote(r.label)} ${pct(table, r)}`)
    .join(', ');
}

function significantDifferences(table: CrossTab, rows: TableRow[]): string {
  if (table.columns.length < 2) return '';
  const parts: string[] = [];
  for (const row of rows) {
    row.cells.forEach((cell, i) => {
      if (i === 0 || !cell.letters || table.columns[i].caution) return;
      const lower = [...cell.letters].filter((l) => l >= 'A' && l <= 'Z').map((l) => table.columns.find((c) => c.letter === l)?.label).filter(Boolean);
      if (lower.length > 0) parts.push(`${quote(row.label)} is significantly higher among ${table.columns[i].label} (${pct(table, row, i)}) than among ${lower.join(' and ')}`);
    });
  }
  if (parts.length === 0) return ' No significant differences between the columns.';
  return ` ${parts.slice(0, 4).join('. ')}${parts.length > 4 ? `. ${parts.length - 4} more significant differences` : ''}.`;
}

function columnsSummary(table: CrossTab, rows: TableRow[]): string {
  if (table.columns.length < 2) return '';
  const top = rows[0];
  if (!top) return '';
  const cols = table.columns.slice(1).map((c, i) => `${pct(table, top, i + 1)} among ${columnAxisLabel(c, 'en')}`);
  return ` ${quote(top.label)}: ${cols.join(', ')}.`;
}

function describeTable(table: CrossTab, variable?: ChartVariable): string {
  const rows = rowOrder(table).filter((r) => r.kind === 'option' && !r.nonSubstantive);
  if (table.columns[0].suppressed) return `${preamble(table)}The base is too small to show shares.`;
  const caution = table.columns[0].caution ? 'Indicative only: the base is under 30. ' : '';
  const byShare = [...rows].sort((a, b) => (b.cells[0].proportion || 0) - (a.cells[0].proportion || 0));
  let body: string;
  if (table.type === 'banded' || table.type === 'numeric') {
    const s = table.summaries?.[0];
    const unit = unitText(variable?.unit ?? '');
    const mode = byShare[0] ? `The most common class is ${quote(byShare[0].label)} (${pct(table, byShare[0])}). ` : '';
    const median = !s ? '' : medianInOpenClass(s) ? `the median falls in the open class ${quote(medianClassLabel(s, variable?.options ?? []))}` : `the median is ${numberText(s.median)}${unit}${s.medianClass ? ` (in the class ${quote(s.medianClass)})` : ''}`;
    const mean = s && meanShown(table, 0, variable?.options ?? []) ? `The mean is ${numberText(s.mean)}${unit}; ` : '';
    const stats = s && s.n > 0 ? `${mean || 'The '}${mean ? median : median.replace(/^the /, '')}.` : '';
    body = mode + stats;
  } else if (isLikert(variable) && variable) {
    const mid = likertMidpoint(variable);
    const score = new Map(variable.options.map((o) => [String(o.code), o.score]));
    const sum = (pred: (s: number) => boolean) =>
      rows.filter((r) => pred(score.get(r.key) ?? mid)).reduce((a, r) => a + (Number.isFinite(r.cells[0].proportion) ? r.cells[0].proportion : 0), 0);
    body = `Positive answers total ${numberText(sum((s) => s > mid) * 100)}%, negative answers ${numberText(sum((s) => s < mid) * 100)}%. In detail: ${topList(table, rows, rows.length)}.`;
  } else if (table.type === 'multi') {
    body = `Most chosen: ${topList(table, byShare, 3)}.`;
  } else {
    body = `The largest share is ${topList(table, byShare, 1)}, followed by ${topList(table, byShare.slice(1), 2) || 'none'}.`;
  }
  return `${preamble(table)}${caution}${body}${columnsSummary(table, byShare)}${significantDifferences(table, byShare)}`;
}

/** The English description of any chart table. */
export function describeEn(table: ChartTable, variable?: ChartVariable): string {
  if (isGrid(table)) {
    const parts = table.tables.map((t, i) => {
      const rows = t.rows.filter((r) => isChartRow(r) && r.kind === 'option');
      const top = [...rows].sort((a, b) => (b.cells[0].proportion || 0) - (a.cells[0].proportion || 0))[0];
      return t.columns[0].suppressed || !top ? `${quote(table.rowLabels[i])}: hidden (base too small)` : `${quote(table.rowLabels[i])} (${baseText(t.columns[0], 'en')}): ${quote(top.label)} is the most common answer at ${pct(t, top)}`;
    });
    return `Answers to each of ${table.tables.length} items. ${parts.join('. ')}.`;
  }
  if (isTrend(table)) {
    const [first, last] = [table.waves[0], table.waves[table.waves.length - 1]];
    const at = (wave: string, option: number) => table.points.find((p) => p.wave === wave && p.option === option);
    const changes = table.points
      .filter((p) => p.wave === last)
      .slice(0, 6)
      .map((p) => {
        const before = at(first, p.option);
        return `${quote(p.label)} from ${before ? trendLabel(before) : '–'} to ${trendLabel(p)}`;
      });
    return `${table.universeLabel}, ${first} to ${last}: ${changes.join(', ')}.`;
  }
  return describeTable(withoutEmptyColumns(table), variable);
}

/** The scores behind an ordinal question's mean and median, in English. */
export function scoreNoteEn(variable: ChartVariable): string | null {
  const scored = variable.options.filter((o) => o.score !== undefined && !o.nonSubstantive);
  if (scored.length === 0) return null;
  const left = variable.options.filter((o) => o.score === undefined || o.nonSubstantive).map((o) => quote(o.label));
  return `Means and medians use these scores: ${scored.map((o) => `${o.label} = ${o.score}`).join(', ')}${left.length ? ` (${left.join(', ')} left out)` : ''}.`;
}
