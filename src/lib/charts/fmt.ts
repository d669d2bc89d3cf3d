/**
 * Display strings for the chart layer. Rounding rules follow STATS.md: half-up to 0.1 for
 * display only, "0.0" for a non-zero count that rounds to zero, "–" for a true zero,
 * "×" for a cell whose base is below the suppression threshold.
 */
import type { TableCell, TableColumn } from '../stats/types.ts';

/** Shown instead of a percentage whose column base is too small to publish. */
export const SUPPRESSED = '×';
/** Shown for a true zero or an empty base. */
export const DASH = '–';

/** Half-up rounding to `digits` decimals (no float surprises on .x5). */
export function roundHalfUp(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9) / f;
}

/** A proportion in [0, 1] as a percent string with one decimal ("35.7"). */
export function percentText(cell: TableCell, column: TableColumn): string {
  if (column.suppressed) return SUPPRESSED;
  if (column.n === 0 || Number.isNaN(cell.proportion)) return DASH;
  if (cell.count === 0) return DASH;
  return roundHalfUp(cell.proportion * 100).toFixed(1);
}

/** Count with thousands separators. */
export function countText(n: number): string {
  return n.toLocaleString('en-US');
}

/** "n=221". */
export function baseText(column: TableColumn): string {
  return `n=${countText(column.n)}`;
}

/** A plain number with up to `digits` decimals, trailing zeros kept ("2.84"). */
export function numberText(x: number, digits = 1): string {
  return Number.isFinite(x) ? roundHalfUp(x, digits).toFixed(digits) : DASH;
}
