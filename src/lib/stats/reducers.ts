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
import { scoreMean } from './design.ts';

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
 * The standard error rests on the NPS respondents themselves — their count, or when weighted their
 * design-based effective base (the score's linearised variance, `variance: 'design'`) or Kish
 * effective base (Σw)²/Σw² (docs/statistics.md, "Net Promoter Score") — never on the column's
 * base, so it does not depend on the percent base (issue 11).
 */
export function npsByColumn(dataset: Dataset, table: CrossTab): Nps[] {
  const variable = dataset.variables.get(table.spec.question);
  if (!variable || variable.kind !== 'coded') throw new CrossTabError(`NPS needs a single-answer 0–10 question; "${table.spec.question}" is not one`);
  const classOf = new Map(variable.options.map((o) => [String(o.code), npsClass(o)]));
  // The respondents' own sums (n, Σw, Σw²) per column and option, from the table's population.
  const tabulated = resolveVariable(dataset, table.spec.question);
  const weights = table.weighted ? dataset.weights : null;
  const lines = layout(dataset, tabulated, table.spec.banner, population(dataset, table.spec, tabulated), weights).lines;
  const design = table.weighted && table.options.variance === 'design';
  return table.columns.map((column, c) => {
    const sums = { promoters: 0, passives: 0, detractors: 0 };
    const squares = { promoters: 0, passives: 0, detractors: 0 };
    let w = 0;
    let w2 = 0;
    for (const line of lines) {
      const k = line.kind === 'option' ? classOf.get(line.key) : null;
      const at = line.sums[c];
      if (!k || !at) continue;
      sums[k] += at.w;
      squares[k] += at.w2;
      w += at.w;
      w2 += at.w2;
    }
    const n = w2 > 0 ? kish(w, w2) : 0;
    return nps({ ...sums, n: design ? npsEffectiveBase(dataset.n, sums, squares, n) : n }, table.options.level);
  });
}

type NpsSums = { promoters: number; passives: number; detractors: number };

/**
 * The design-based effective base of an NPS: the variance per respondent p_P + p_D − (p_P − p_D)²
 * over the linearised variance of the score (+1/0/−1) in the whole wave's design
 * (docs/statistics.md, "Net Promoter Score"); `fallback` (Kish) when everyone is in one class.
 */
function npsEffectiveBase(waveN: number, sums: NpsSums, squares: NpsSums, fallback: number): number {
  const classes = (['promoters', 'passives', 'detractors'] as const).filter((k) => sums[k] > 0);
  if (classes.length < 2) return fallback;
  const value = { promoters: 1, passives: 0, detractors: -1 };
  const { mean, variance } = scoreMean(waveN, classes.map((k) => ({ value: value[k], w: sums[k], w2: squares[k] })));
  const total = sums.promoters + sums.passives + sums.detractors;
  const perRespondent = (sums.promoters + sums.detractors) / total - mean * mean;
  return variance > 0 ? perRespondent / variance : fallback;
}
