/**
 * Sizes shared by every chart form: font, row heights, label margins. Charts are drawn at a
 * given width (wide for desktop, narrow for phones) so text stays legible without scaling.
 */
import { textWidthEm, wrapLines } from './wrap.ts';

/** Font size of chart text, px. */
export const FONT_SIZE = 12;
/** Line height of wrapped labels, px. */
export const LINE_HEIGHT = 15;
export const FONT_FAMILY = 'Hiragino Sans, Hiragino Kaku Gothic ProN, Noto Sans JP, Noto Sans CJK JP, Meiryo, sans-serif';

/** Label column width in ems for a chart of `width` px: about a third of it, within bounds. */
export function labelEm(width: number, share = 0.36): number {
  return Math.max(6, Math.min(18, Math.floor((width * share) / FONT_SIZE)));
}

/** Wrapped lines of each label and the margin (px) they need. */
export function labelColumn(labels: string[], maxEm: number): { lines: Map<string, string>; margin: number; maxLines: number } {
  const lines = new Map<string, string>();
  let widest = 0;
  let maxLines = 1;
  for (const label of labels) {
    const ls = wrapLines(label, maxEm);
    lines.set(label, ls.join('\n'));
    maxLines = Math.max(maxLines, ls.length);
    for (const l of ls) widest = Math.max(widest, textWidthEm(l));
  }
  return { lines, margin: Math.ceil(widest * FONT_SIZE) + 14, maxLines };
}

/** Band height for rows of `maxLines` lines each. */
export function rowHeight(maxLines: number, minimum = 26): number {
  return Math.max(minimum, maxLines * LINE_HEIGHT + 10);
}

/** A round upper bound for a percent axis (10, 20 … 100). */
export function percentCeiling(max: number, headroom = 1.18): number {
  if (!Number.isFinite(max) || max <= 0) return 10;
  return Math.min(100, Math.max(10, Math.ceil((max * headroom) / 10) * 10));
}

/**
 * Positions for labels at `values` (one axis) so that no two are closer than `gap`, each moved
 * as little as possible and kept in order and within [min, max] when there is room: direct labels
 * of up to a dozen series never overlap (issue 11). Returns positions in the input's order.
 */
export function dodge(values: readonly number[], gap: number, min = -Infinity, max = Infinity): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v || a.i - b.i);
  const at = order.map((o) => o.v);
  for (let k = 1; k < at.length; k++) at[k] = Math.max(at[k], at[k - 1] + gap);
  // Pushed past the top: slide the stack down, keeping the gaps, but not below the bottom.
  if (at.length > 0 && at[at.length - 1] > max) {
    at[at.length - 1] = max;
    for (let k = at.length - 2; k >= 0; k--) at[k] = Math.min(at[k], at[k + 1] - gap);
    if (at[0] < min) {
      at[0] = min;
      for (let k = 1; k < at.length; k++) at[k] = Math.max(at[k], at[k - 1] + gap);
    }
  }
  const out = new Array<number>(values.length);
  order.forEach((o, k) => (out[o.i] = at[k]));
  return out;
}
