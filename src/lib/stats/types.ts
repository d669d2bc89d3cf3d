/**
 * The cross-tab engine's contract: what a table asks for and what it returns. Every number on
 * the site is a field of a `CrossTab`. Proportions are fractions in [0, 1] (never rounded);
 * rounding and "–" / "0.0" belong to `format.ts`.
 */
import type { Filter } from '../dataset/codebook.ts';

export interface TableSpec {
  /** Question id, grid row id (`q__row`) or derived variable id. */
  question: string;
  /** Banner: a coded variable (single/ordinal/banded question, grid row or derived); null/absent = total only. */
  banner?: string | null;
  /** Named universe (default: the question's own universe). Intersected with the question's universe. */
  universe?: string;
  /** Ad-hoc filters, combined with AND. */
  filters?: Filter[];
  /** Use the dataset's weights (default true when the dataset has them). */
  weighted?: boolean;
}

export interface StatsOptions {
  /** Confidence level (default 0.95). */
  level: number;
  /** Interval method (default wilson). */
  interval: 'wilson' | 'clopper-pearson';
  /** Significance level for uppercase letters (default 0.05). */
  alpha: number;
  /** Optional second level for lowercase letters (e.g. 0.10); null = off. */
  alpha2: number | null;
  /** Multiple-comparison adjustment within a row (default bonferroni). */
  adjust: 'bonferroni' | 'bh' | 'none';
  /** Unweighted base below which a cell is 参考値 and gets no letters (default 30). */
  cautionBase: number;
  /** Unweighted base below which percentages are suppressed (default 10). */
  suppressBase: number;
  /**
   * Percent base: the question base including 無回答 (default), the valid base (無回答 left out),
   * or the substantive base (無回答 and non-substantive answers such as わからない left out, for
   * top-box shares; the non-substantive rows are then not shown).
   */
  percentBase: 'question' | 'valid' | 'substantive';
  /** Multi answers: percent of respondents (default) or of responses. */
  multiPercent: 'respondents' | 'responses';
  /**
   * Weighted tables: the precision of intervals, letters and χ² — design-based (default; Taylor
   * linearisation, Rao–Scott χ²) or the column's Kish effective base (docs/statistics.md,
   * §Weights). Unweighted tables ignore it. A codebook may declare it (`survey.variance`).
   */
  variance: 'design' | 'kish';
}

export interface Interval {
  low: number;
  high: number;
}

/** One banner column. Column 0 is always the total (letter ''). */
export interface TableColumn {
  /** `total` or the banner option code as a string. */
  key: string;
  label: string;
  /** Significance letter: A, B, C … for banner columns, '' for the total. */
  letter: string;
  /** Unweighted question base in this column (respondents routed here, incl. 無回答). */
  n: number;
  /** Unweighted valid base (excluding 無回答 / non-substantive where relevant). */
  validN: number;
  /**
   * Unweighted n of the percent base actually used (n, validN, or the number of responses for MA
   * percent of responses); drives caution/suppressed. Always set by `crosstab` (optional only so
   * hand-made fixtures without it still type-check).
   */
  baseN?: number;
  /** Weighted base W (equals n when unweighted). */
  weightedBase: number;
  /**
   * Kish effective base (Σw)² / Σw² (equals n when unweighted), whatever the variance method;
   * each cell carries the base its own interval rests on (`TableCell.effectiveBase`).
   */
  effectiveBase: number;
  /** n < cautionBase: show as 参考値, no letters. */
  caution: boolean;
  /** n < suppressBase: percentages hidden. */
  suppressed: boolean;
  /**
   * Withheld by a protected cube: nothing about this column is published (its counts, base and
   * percentages are unknown to the reader; `n` is 0 and `suppressed` is true).
   */
  withheld?: boolean;
}

export interface TableCell {
  /** Unweighted count. */
  count: number;
  /** Weighted count (equals count when unweighted). */
  weightedCount: number;
  /** Proportion in [0, 1] on the column's percent base; NaN when the base is 0. */
  proportion: number;
  /**
   * The n the interval rests on: the base n (unweighted), the column's Kish effective base, or
   * the design-based p̂(1 − p̂)/Var(p̂) (docs/statistics.md, §Weights). Set by `tabulate`.
   */
  effectiveBase?: number;
  /** Confidence interval of the proportion; null when the base is 0. */
  ci: Interval | null;
  /** Letters of the columns this cell is significantly higher than (uppercase: alpha, lowercase: alpha2). */
  letters: string;
  /** Significantly above (+1) / below (-1) everyone outside this column; 0 = not significant / not tested. */
  vsTotal: -1 | 0 | 1;
  /** Adjusted residual (χ² table of a single-answer question), when computed. */
  residual: number | null;
}

export interface TableRow {
  /** Option code as a string, `net:<id>`, or `na` for 無回答. */
  key: string;
  label: string;
  kind: 'option' | 'net' | 'noAnswer';
  nonSubstantive: boolean;
  /** One cell per column, same order as `columns`. */
  cells: TableCell[];
  /** Multi answers by a banner: this option's own 2 × c χ² test (chosen / not chosen); null when untestable. */
  chiSquare?: ChiSquare | null;
}

export interface ChiSquare {
  /** Pearson's χ², or F for the Rao–Scott test. */
  statistic: number;
  /** Degrees of freedom (Rao–Scott: of F's numerator, not an integer). */
  df: number;
  p: number;
  /** Some expected count is below 5. */
  lowExpected: boolean;
  /**
   * `rao-scott`: the design-based second-order Rao–Scott test of a weighted table — `statistic`
   * is F on `df` and `ddf` degrees of freedom (docs/statistics.md, §χ² test of independence).
   * Absent: Pearson's χ².
   */
  method?: 'rao-scott';
  /** Rao–Scott: denominator degrees of freedom of F. */
  ddf?: number;
}

/** Summary statistics of a banded, numeric or scored ordinal question (or grid row), per column. */
export interface Summary {
  /** Banded: midpoint mean; numeric: arithmetic mean; ordinal: mean score. NaN when no valid answers. */
  mean: number;
  /** Banded: grouped (interpolated) median; numeric: median; ordinal: median score. */
  median: number;
  /** Banded: label of the class holding the N/2-th case ("≥ L" for an open top band). */
  medianClass?: string;
  /** Numeric: quartiles. */
  q1?: number;
  q3?: number;
  /** Valid answers used (unweighted). */
  n: number;
  /** Banded: the open top band's assumed value was used (footnote it). */
  openBandAssumed?: number;
}

export interface Nps {
  score: number;
  se: number;
  ci: Interval;
  promoters: number;
  passives: number;
  detractors: number;
  n: number;
}

export interface CrossTab {
  spec: Required<Pick<TableSpec, 'question'>> & TableSpec;
  /** Question type of the tabulated variable. */
  type: 'single' | 'ordinal' | 'banded' | 'multi' | 'numeric' | 'grid-row' | 'derived';
  /** Label of the universe actually used. */
  universeLabel: string;
  weighted: boolean;
  columns: TableColumn[];
  rows: TableRow[];
  /** Single-answer questions with a banner: χ² test of independence (無回答 and empty rows/columns left out). */
  chiSquare: ChiSquare | null;
  /** Multi-answer: total number of responses per column (for percent of responses). */
  responses?: number[];
  /** Banded / numeric: one summary per column. */
  summaries?: Summary[];
  /** Letters were refused (e.g. overlapping banner) — the reason, shown to readers. */
  lettersNote?: string;
  options: StatsOptions;
}
