/**
 * Display strings for the chart layer, on top of the engine's `format.ts` (half-up rounding,
 * "0.0" for a non-zero value that rounds to zero, "–" for a true zero). Charts show "×" for a
 * percentage whose column base is below the suppression threshold.
 */
import { formatBase, formatCount, formatNumber, formatPercent, roundHalfUp } from '../stats/format.ts';
import type { TableCell, TableColumn } from '../stats/types.ts';

export { roundHalfUp };

/** Shown instead of a percentage whose column base is too small to publish. */
export const SUPPRESSED = '×';
/** A true zero (nobody chose it). */
export const ZERO = '–';
/** Not asked in that wave, or not in its published tables. */
export const NOT_ASKED = '…';

/** The legend of the three symbols that stand in for a number (issue 11: one symbol, one meaning). */
export const SYMBOL_LEGEND: Record<string, string> = {
  [ZERO]: `${ZERO}：該当する回答がない（0%）`,
  [SUPPRESSED]: `${SUPPRESSED}：基数が小さい、または秘匿のため非表示`,
  [NOT_ASKED]: `${NOT_ASKED}：その調査回では聞いていない、または公表されていない`,
};

/**
 * Legend lines for the symbols that appear among `texts` (cell texts of a table), in a fixed
 * order; `except` leaves out symbols another note already explains (× with its threshold).
 */
export function symbolLegend(texts: Iterable<string>, except: readonly string[] = []): string[] {
  const seen = new Set(texts);
  return [ZERO, SUPPRESSED, NOT_ASKED].filter((s) => seen.has(s) && !except.includes(s)).map((s) => SYMBOL_LEGEND[s]);
}

/** A cell's percent with one decimal ("35.7", "0.0", "–", "×"). */
export function percentText(cell: TableCell, column: TableColumn): string {
  if (column.withheld) return SUPPRESSED;
  return formatPercent(column.n === 0 ? Number.NaN : cell.proportion, { suppressed: column.suppressed && column.n > 0, suppressedText: SUPPRESSED });
}

/** Count with thousands separators ("0" stays "0": bases and counts are printed as counted). */
export function countText(n: number): string {
  return n === 0 ? '0' : formatCount(n);
}

/** "n=221" ("n=非公開" for a column a protected cube withholds; "n=withheld" in English). */
export function baseText(column: TableColumn, lang: 'ja' | 'en' = 'ja'): string {
  return column.withheld ? (lang === 'ja' ? 'n=非公開' : 'n=withheld') : formatBase(column.n);
}

/** A number with `digits` decimals ("2.84"), "–" when not finite. */
export function numberText(x: number, digits = 1): string {
  return formatNumber(x, digits);
}
