/**
 * Cell statistics by name (Plot's reducer registry, STYLE example 5): what a chart or an MDX
 * `<Stat stat="…">` reads from a cell. Add an entry here to make a new statistic nameable.
 */
import type { Dataset } from '../dataset/types.ts';
import type { CrossTab, Nps, TableCell, TableColumn } from './types.ts';
import { keyword } from './options.ts';
import { nps, npsClass } from './summary.ts';
import { CrossTabError } from './population.ts';

export type CellStatistic = (cell: TableCell, column: TableColumn) => number;

export const cellStatistics = {
  /** Proportion 0–1 on the column's percent base. */
  proportion: (cell) => cell.proportion,
  /** Percentage 0–100. */
  percent: (cell) => cell.proportion * 100,
  count: (cell) => cell.count,
  weightedCount: (cell) => cell.weightedCount,
  ciLow: (cell) => cell.ci?.low ?? NaN,
  ciHigh: (cell) => cell.ci?.high ?? NaN,
  residual: (cell) => cell.residual ?? NaN,
  base: (_cell, column) => column.baseN ?? column.n,
  weightedBase: (_cell, column) => column.weightedBase,
  effectiveBase: (_cell, column) => column.effectiveBase,
} satisfies Record<string, CellStatistic>;

export type CellStatisticName = keyof typeof cellStatistics;

/** The statistic named `name`, or `invalid stat: <name>`. */
export function cellStatistic(name: string): CellStatistic {
  return cellStatistics[keyword(name, 'stat', Object.keys(cellStatistics) as CellStatisticName[])];
}

/** NPS per column of a cross-tab of a 0–10 recommend question (options classed by score, else code). */
export function npsByColumn(dataset: Dataset, table: CrossTab): Nps[] {
  const variable = dataset.variables.get(table.spec.question);
  if (!variable || variable.kind !== 'coded') throw new CrossTabError(`NPS needs a single-answer 0–10 question; "${table.spec.question}" is not one`);
  const classOf = new Map(variable.options.map((o) => [String(o.code), npsClass(o)]));
  return table.columns.map((column, c) => {
    const sums = { promoters: 0, passives: 0, detractors: 0 };
    for (const row of table.rows) {
      const k = row.kind === 'option' ? classOf.get(row.key) : null;
      if (k) sums[k] += row.cells[c].weightedCount;
    }
    const share = sums.promoters + sums.passives + sums.detractors;
    return nps({ ...sums, n: column.weightedBase > 0 ? (column.effectiveBase * share) / column.weightedBase : 0 }, table.options.level);
  });
}
