/**
 * Banded questions: how much a mean rests on the value assumed for the open top class
 * (docs/statistics.md, "Banded and numeric summaries"). When more than OPEN_CLASS_MAX_SHARE of a
 * column's banded answers fall in the open class, charts, tables and descriptions show the median
 * class instead of the mean (issue 11: 「平均 3,541.7名」 rested on 31.8 % of answers placed at an
 * assumed 7,000).
 */
import type { Option } from '../dataset/codebook.ts';
import type { CrossTab } from '../stats/types.ts';

/** Above this share of answers in the open top class, a banded mean is not shown. */
export const OPEN_CLASS_MAX_SHARE = 0.2;

/** The open top class of a banded scale (a lower bound and no upper), if it has one. */
export function openClass(options: readonly Option[]): Option | undefined {
  return options.find((o) => !o.nonSubstantive && o.lower !== undefined && o.upper === undefined);
}

/** Share of a column's banded answers (classes with bounds, weighted) in the open top class; 0 without one. */
export function openClassShare(table: CrossTab, column: number, options: readonly Option[]): number {
  const open = openClass(options);
  if (!open) return 0;
  const banded = new Set(options.filter((o) => !o.nonSubstantive && o.lower !== undefined).map((o) => String(o.code)));
  let total = 0;
  let inOpen = 0;
  for (const row of table.rows) {
    if (row.kind !== 'option' || !banded.has(row.key)) continue;
    const w = row.cells[column]?.weightedCount ?? 0;
    total += w;
    if (row.key === String(open.code)) inOpen += w;
  }
  return total > 0 ? inOpen / total : 0;
}

/** Whether a banded column's mean may be shown (its open class holds at most OPEN_CLASS_MAX_SHARE). */
export function meanShown(table: CrossTab, column: number, options: readonly Option[]): boolean {
  return table.type !== 'banded' || openClassShare(table, column, options) <= OPEN_CLASS_MAX_SHARE;
}

/**
 * Whether a banded median falls in the open top class: the engine then reports the class's lower
 * bound as the median and 「≥ L」 as its class (src/lib/stats/summary.ts), a boundary, not a
 * median; charts, tables and text show the class instead (issue 11: 「中央値 100.0億円」).
 */
export function medianInOpenClass(s: { medianClass?: string }): boolean {
  return s.medianClass?.startsWith('≥') ?? false;
}

/** The median class as readers see it: the open class's own label instead of 「≥ L」. */
export function medianClassLabel(s: { medianClass?: string }, options: readonly Option[]): string {
  return medianInOpenClass(s) ? (openClass(options)?.label ?? s.medianClass ?? '') : (s.medianClass ?? '');
}
