/**
 * A CrossTab flattened into one datum per (row, column): what marks, tooltips, descriptions and
 * the CSV all read, so every view shows the same numbers.
 */
import type { CrossTab, TableColumn, TableRow } from '../stats/types.ts';
import { baseText, countText, numberText, percentText } from './fmt.ts';
import type { Lang } from '../i18n/lang.ts';

export interface Datum {
  rowKey: string;
  rowLabel: string;
  rowKind: TableRow['kind'];
  nonSubstantive: boolean;
  /** Position of the row in the table. */
  rowIndex: number;
  columnKey: string;
  columnLabel: string;
  columnIndex: number;
  letter: string;
  /** Percent 0–100 (unrounded); NaN when suppressed or the base is 0. */
  percent: number;
  /** Display text of the percent ("35.7", "–", "×"). */
  text: string;
  count: number;
  n: number;
  caution: boolean;
  suppressed: boolean;
  /** Letters of columns this cell is significantly higher than. */
  letters: string;
  ciLow: number | null;
  ciHigh: number | null;
  /** Tooltip / <title> text: label, value, count/base, CI. */
  title: string;
}

/** "42.1%（93/221）95%CI 35.8–48.6%". */
function tooltip(row: TableRow, column: TableColumn, text: string, d: { count: number; ciLow: number | null; ciHigh: number | null }, lang: Lang): string {
  const head = column.key === 'total' ? row.label : `${row.label} — ${column.label}`;
  const en = lang === 'en';
  if (column.suppressed) return `${head}\n${baseText(column, lang)}${en ? ' (hidden: base too small)' : '（基数が小さいため非表示）'}`;
  const ci = d.ciLow !== null && d.ciHigh !== null ? `\n${en ? '95% CI' : '95%信頼区間'} ${numberText(d.ciLow)}–${numberText(d.ciHigh)}%` : '';
  const caution = column.caution ? (en ? '\nIndicative (base under 30)' : '\n参考値（基数30未満）') : '';
  const counts = en ? ` (${countText(d.count)}/${countText(column.n)})` : `（${countText(d.count)}/${countText(column.n)}）`;
  return `${head}\n${text}${text === '–' ? '' : '%'}${counts}${ci}${caution}`;
}

/** One datum per cell, rows in table order, columns in table order. */
export function datums(table: CrossTab, rowFilter: (r: TableRow) => boolean = () => true, lang: Lang = 'ja'): Datum[] {
  const out: Datum[] = [];
  table.rows.forEach((row, rowIndex) => {
    if (!rowFilter(row)) return;
    row.cells.forEach((cell, columnIndex) => {
      const column = table.columns[columnIndex];
      const text = percentText(cell, column);
      const hidden = column.suppressed || column.n === 0;
      const ciLow = cell.ci && !hidden ? cell.ci.low * 100 : null;
      const ciHigh = cell.ci && !hidden ? cell.ci.high * 100 : null;
      out.push({
        rowKey: row.key,
        rowLabel: row.label,
        rowKind: row.kind,
        nonSubstantive: row.nonSubstantive,
        rowIndex,
        columnKey: column.key,
        columnLabel: column.label,
        columnIndex,
        letter: column.letter,
        percent: hidden ? Number.NaN : cell.proportion * 100,
        text,
        count: cell.count,
        n: column.n,
        caution: column.caution,
        suppressed: column.suppressed,
        letters: column.caution ? '' : cell.letters,
        ciLow,
        ciHigh,
        title: tooltip(row, column, text, { count: cell.count, ciLow, ciHigh }, lang),
      });
    });
  });
  return out;
}

/** Rows drawn as categories: options (and 無回答 when anyone is in it), not nets. */
export function isChartRow(row: TableRow): boolean {
  if (row.kind === 'net') return false;
  if (row.kind === 'noAnswer') return row.cells.some((c) => c.count > 0);
  return true;
}

/** Column label with its base for axis ticks: "SaaS (n=257)", caution marked with "*". */
export function columnAxisLabel(column: TableColumn, lang: Lang = 'ja'): string {
  return `${column.label}${column.caution ? '*' : ''} (${baseText(column, lang)})`;
}
