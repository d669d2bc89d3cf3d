/**
 * Banner columns with no respondents (n = 0) carry no information: charts and tables leave them
 * out instead of drawing a row of suppression marks. The total column always stays.
 */
import type { CrossTab } from '../stats/types.ts';

/** A banner column nobody is in (a column withheld by a protected cube is not empty: it is unknown). */
function isEmpty(c: CrossTab['columns'][number]): boolean {
  return c.n === 0 && !c.withheld;
}

/** Labels of the banner columns with n = 0. */
export function emptyColumns(table: CrossTab): string[] {
  return table.columns.filter((c, i) => i > 0 && isEmpty(c)).map((c) => c.label);
}

/** The table without its empty banner columns (the same object when none is empty). */
export function withoutEmptyColumns(table: CrossTab): CrossTab {
  const keep = table.columns.map((c, i) => i === 0 || !isEmpty(c));
  if (keep.every(Boolean)) return table;
  const pick = <T>(xs: T[]): T[] => xs.filter((_, i) => keep[i]);
  return {
    ...table,
    columns: pick(table.columns),
    rows: table.rows.map((r) => ({ ...r, cells: pick(r.cells) })),
    ...(table.responses ? { responses: pick(table.responses) } : {}),
    ...(table.summaries ? { summaries: pick(table.summaries) } : {}),
  };
}
