/**
 * Cell statistics by name (Plot's reducer registry, STYLE example 5): what a chart or an MDX
 * `<Stat stat="…">` reads from a cell. Add an entry here to make a new statistic nameable.
 */
import type { Dataset } from '../dataset/types.ts';
import type { CrossTab, Nps, TableCell, TableColumn } from './types.ts';
import { keyword } from './options.ts';
import { nps, npsClass } from './summary.ts';
import { CrossTabError, population, resolveVariable } from './population.ts';
import { layout } from './layout.ts';
import { kish } from './significance.ts';

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

/**
 * NPS per column of a cross-tab of a 0–10 recommend question (options classed by score, else code).
 * The standard error rests on the NPS respondents themselves — their count, or their Kish
 * effective base (Σw)²/Σw² when weighted (docs/statistics.md, "Net Promoter Score") — never on
 * the column's base, so it does not depend on the percent base (issue 11).
 */
export function npsByColumn(dataset: Dataset, table: CrossTab): Nps[] {
  const variable = dataset.variables.get(table.spec.question);
  if (!variable || variable.kind !== 'coded') throw new CrossTabError(`NPS needs a single-answer 0–10 question; "${table.spec.question}" is not one`);
  const classOf = new Map(variable.options.map((o) => [String(o.code), npsClass(o)]));
  // The respondents' own sums (n, Σw, Σw²) per column and option, from the table's population.
  const tabulated = resolveVariable(dataset, table.spec.question);
  const weights = table.weighted ? dataset.weights : null;
  const lines = layout(dataset, tabulated, table.spec.banner, population(dataset, table.spec, tabulated), weights).lines;
  return table.columns.map((column, c) => {
    const sums = { promoters: 0, passives: 0, detractors: 0 };
    let w = 0;
    let w2 = 0;
    for (const line of lines) {
      const k = line.kind === 'option' ? classOf.get(line.key) : null;
      const at = line.sums[c];
      if (!k || !at) continue;
      sums[k] += at.w;
      w += at.w;
      w2 += at.w2;
    }
    return nps({ ...sums, n: w2 > 0 ? kish(w, w2) : 0 }, table.options.level);
  });
}
