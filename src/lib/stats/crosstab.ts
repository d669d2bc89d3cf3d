/**
 * `crosstab(dataset, spec, options)`: one question by one banner within a universe and filters,
 * with every number docs/statistics.md describes. Counting happens in `layout.ts` (typed-array passes);
 * this module turns the sums into proportions, intervals, letters, χ² and summaries.
 */
import type { Dataset } from '../dataset/types.ts';
import type { CrossTab, StatsOptions, TableCell, TableColumn, TableRow, TableSpec, ChiSquare } from './types.ts';
import { resolveStatsOptions, withWaveVariance } from './options.ts';
import { CrossTabError, population, resolveVariable, universeLabel } from './population.ts';
import type { Tabulated } from './population.ts';
import type { Option } from '../dataset/codebook.ts';
import { layout } from './layout.ts';
import type { Layout, LayoutLine } from './layout.ts';
import { subtractSums, type Sums } from './tally.ts';
import { proportionInterval } from './interval.ts';
import { kish } from './significance.ts';
import { columnLetter, rowLetters, rowVsTotal } from './letters.ts';
import type { CellTest, TestCell } from './letters.ts';
import { estimator } from './estimator.ts';
import type { DesignContext, Estimator, TableChiSquare } from './estimator.ts';
import { designContext } from './design-context.ts';
import { summarizeBanded, summarizeNumeric, summarizeScores } from './summary.ts';

export { CrossTabError } from './population.ts';

const OVERLAP_NOTE = 'バナーが複数回答のため列間の有意差検定は行っていません（列が回答者を共有するため）';
const RESPONSES_NOTE = '回答数に対する割合のため、有意差検定と信頼区間は示していません（1人の回答が複数含まれ、回答どうしが独立ではないため）';

/** The respondents a column's percentages are taken on (docs/statistics.md, "Bases and percentages"). */
function respondentBases(table: Layout, options: StatsOptions): Sums[] {
  if (options.percentBase === 'substantive') return table.substantive;
  return options.percentBase === 'valid' ? table.valid : table.base;
}

/**
 * The sums a column's percentages are taken on: its respondents, or — multi answers by
 * responses — its responses, the non-substantive ones left out with the substantive base
 * (docs/statistics.md, "Percent of responses").
 */
function percentBases(table: Layout, options: StatsOptions, byResponses: boolean): Sums[] {
  if (!byResponses) return respondentBases(table, options);
  if (options.percentBase !== 'substantive') return table.responses!;
  const dropped = table.lines.filter((l) => l.kind === 'option' && l.nonSubstantive);
  return table.responses!.map((s, c) => dropped.reduce((acc, l) => subtractSums(acc, l.sums[c]), s));
}

/** Columns with their bases; 参考値 and suppression always count respondents (`people`), never responses. */
function makeColumns(table: Layout, bases: Sums[], people: Sums[], options: StatsOptions): TableColumn[] {
  return table.columns.map((col, c) => ({
    key: col.key,
    label: col.label,
    letter: c === 0 ? '' : columnLetter(c - 1),
    n: table.base[c].n,
    validN: table.valid[c].n,
    baseN: bases[c].n,
    weightedBase: bases[c].w,
    effectiveBase: kish(bases[c].w, bases[c].w2),
    caution: people[c].n < options.cautionBase,
    suppressed: people[c].n < options.suppressBase,
  }));
}

/**
 * A cell; its interval rests on `effectiveBase` (docs/statistics.md, §Confidence intervals, §Weights).
 * `withInterval` false: percent of responses, which gives no interval (§Percent of responses).
 */
function makeCell(sums: Sums, base: Sums, options: StatsOptions, effectiveBase: number, withInterval: boolean): TableCell {
  const proportion = base.w > 0 ? sums.w / base.w : NaN;
  const ci = withInterval && base.w > 0 ? proportionInterval(options.interval, proportion, effectiveBase, options.level) : null;
  return { count: sums.n, weightedCount: sums.w, proportion, effectiveBase, ci, letters: '', vsTotal: 0, residual: null };
}

/** Letters and column-vs-total marks of one row, written into its cells. */
function testRow(row: TableRow, line: LayoutLine, bases: Sums[], columns: TableColumn[], options: StatsOptions, lettersAllowed: boolean, test: CellTest): void {
  const cells: TestCell[] = bases.slice(1).map((base, k) => ({ cell: line.sums[k + 1], base }));
  const testable = bases.slice(1).map((base, k) => !columns[k + 1].caution && base.n > 0);
  const vs = rowVsTotal(cells, { cell: line.sums[0], base: bases[0] }, testable, options.cautionBase, options, test);
  vs.forEach((v, k) => (row.cells[k + 1].vsTotal = v));
  if (!lettersAllowed) return;
  const letters = rowLetters(cells, testable, columns.slice(1).map((c) => c.letter), options, test);
  letters.forEach((l, k) => (row.cells[k + 1].letters = l));
}

function toChiSquare(result: TableChiSquare): ChiSquare {
  const out: ChiSquare = { statistic: result.statistic, df: result.df, p: result.p, lowExpected: result.lowExpected };
  if (result.method) Object.assign(out, { method: result.method, ddf: result.ddf });
  return out;
}

/**
 * Single answer × single-answer banner: one test over option rows (無回答 left out) — Pearson's χ²
 * (weighted: on counts scaled to the Kish base) or Rao–Scott's F, as the estimator says.
 */
function singleChiSquare(table: Layout, rows: TableRow[], est: Estimator): ChiSquare | null {
  const used = table.lines.map((line, r) => ({ line, row: rows[r] })).filter(({ line }) => line.kind === 'option');
  const result = est.chiSquare(used.map(({ line }) => line.sums.slice(1)));
  if (!result) return null;
  used.forEach(({ row }, i) => result.residuals[i].forEach((z, j) => (row.cells[j + 1].residual = Number.isFinite(z) ? z : null)));
  return toChiSquare(result);
}

/**
 * Multi answer × single-answer banner: each option as its own 2 × c table (chosen / not chosen)
 * among those who answered the question: 無回答 is left out, as in the single-answer test
 * (docs/statistics.md, "χ² test of independence"), whatever the percent base.
 */
function multiChiSquare(table: Layout, rows: TableRow[], bases: Sums[], est: Estimator): void {
  const none = table.lines.find((l) => l.kind === 'noAnswer');
  const banner = bases.slice(1).map((b, j) => (none ? subtractSums(b, none.sums[j + 1]) : b));
  table.lines.forEach((line, r) => {
    if (line.kind === 'noAnswer') return;
    const chosen = line.sums.slice(1);
    const result = est.chiSquare([chosen, banner.map((b, j) => subtractSums(b, chosen[j]))]);
    rows[r].chiSquare = result ? toChiSquare(result) : null;
    if (result) result.residuals[0].forEach((z, j) => (rows[r].cells[j + 1].residual = Number.isFinite(z) ? z : null));
  });
}

/**
 * What `tabulate` needs to know besides the sums: the tabulated variable, the spec, weighting and
 * the universe label. The cube (src/lib/cube/query.ts) builds one from its own metadata.
 */
export interface TabulationContext {
  spec: TableSpec;
  tabulated: Pick<Tabulated, 'type' | 'unit'> & { variable: { kind: Tabulated['variable']['kind']; options?: Option[] } };
  universeLabel: string;
  weighted: boolean;
  /** Numeric questions: the values and weights behind `table.members` (absent in the cube). */
  numeric?: { values: Float64Array; weights: Float64Array | null };
  /** Weighted tables: the wave's design, for design-based variances (absent: Kish). */
  design?: DesignContext;
}

/**
 * Cross-tab of `spec.question` by `spec.banner` (see TableSpec) with the engine's options: the
 * respondents are counted (`layout`) and the sums turned into the table (`tabulate`).
 */
export function crosstab(dataset: Dataset, spec: TableSpec, options: Partial<StatsOptions> = {}): CrossTab {
  const opts = resolveStatsOptions(withWaveVariance(options, dataset.codebook.survey.variance));
  const tabulated = resolveVariable(dataset, spec.question);
  const weighted = spec.weighted ?? dataset.weights !== null;
  if (weighted && dataset.weights === null) throw new CrossTabError(`weighted table asked for, but the dataset "${dataset.codebook.survey.id}/${dataset.codebook.survey.wave}" has no weights`);
  const weights = weighted ? dataset.weights : null;
  const mask = population(dataset, spec, tabulated);
  const table = layout(dataset, tabulated, spec.banner, mask, weights, opts.percentBase === 'substantive');
  const variable = tabulated.variable;
  const numeric = variable.kind === 'numeric' ? { values: variable.values, weights } : undefined;
  const design = weights && opts.variance === 'design' ? designContext(dataset, tabulated, spec.banner, mask, weights, opts) : undefined;
  return tabulate(table, { spec, tabulated, universeLabel: universeLabel(dataset, spec.universe ?? tabulated.universe), weighted, ...(numeric ? { numeric } : {}), ...(design ? { design } : {}) }, opts);
}

/**
 * From per-column sums to the table: proportions, intervals, letters, χ² and summaries. The
 * sums come from the respondents (`crosstab`) or from a protected cube's perturbed counts
 * (docs/statistics.md, "Protected cube"): either way the same code computes every number.
 */
export function tabulate(table: Layout, context: TabulationContext, opts: StatsOptions): CrossTab {
  const { spec, tabulated, weighted } = context;
  const multi = tabulated.variable.kind === 'multi';
  // Percent of responses: one respondent's responses are not independent, so nothing is tested
  // and no interval is given; a net (respondents choosing any of its options) and 無回答 (respondents
  // with no response) are not shares of responses.
  const byResponses = multi && opts.multiPercent === 'responses';
  const bases = percentBases(table, opts, byResponses);
  const columns = makeColumns(table, bases, respondentBases(table, opts), opts);
  // A column a protected cube withholds has no published base: nothing about it is shown.
  if (table.withheld) table.withheld.forEach((w, c) => w && Object.assign(columns[c], { n: 0, validN: 0, baseN: 0, weightedBase: 0, effectiveBase: 0, caution: false, suppressed: true, withheld: true }));
  const hasBanner = columns.length > 1;
  const est = estimator(table, bases, weighted, opts, byResponses, (t) => percentBases(t, opts, byResponses), context.design);
  // Overlapping columns share respondents: only the design knows their covariance (docs/statistics.md,
  // §Significance letters). Percent of responses is never tested (§Percent of responses).
  const lettersAllowed = hasBanner && (!table.overlapping || est.overlapTests) && !byResponses;
  const rows: TableRow[] = [];
  const kept: LayoutLine[] = [];
  for (const [r, line] of table.lines.entries()) {
    if (line.kind === 'noAnswer' && (opts.percentBase !== 'question' || line.sums[0].n === 0)) continue;
    if (line.nonSubstantive && line.kind === 'option' && opts.percentBase === 'substantive') continue;
    if (byResponses && line.kind !== 'option') continue;
    const row: TableRow = { key: line.key, label: line.label, kind: line.kind, nonSubstantive: line.nonSubstantive, cells: line.sums.map((s, c) => makeCell(s, bases[c], opts, est.cellBase(r, c), !byResponses)) };
    if (hasBanner && line.kind !== 'noAnswer' && !byResponses) testRow(row, line, bases, columns, opts, lettersAllowed, est.rowTest(r));
    rows.push(row);
    kept.push(line);
  }
  const keptTable = { ...table, lines: kept };
  let chiSquare: ChiSquare | null = null;
  if (hasBanner && !table.overlapping && tabulated.variable.kind === 'coded') chiSquare = singleChiSquare(keptTable, rows, est);
  if (hasBanner && !table.overlapping && multi && !byResponses) multiChiSquare(keptTable, rows, bases, est);
  const out: CrossTab = {
    spec: { ...spec },
    type: tabulated.type,
    universeLabel: context.universeLabel,
    weighted,
    columns,
    rows,
    chiSquare,
    // Weighted tables report the variance method they used (design falls back to Kish without a design).
    options: weighted ? { ...opts, variance: est.variance } : opts,
  };
  if (multi) out.responses = table.responses!.map((s) => s.w);
  const options = tabulated.variable.options ?? [];
  const scoredOrdinal = (tabulated.type === 'ordinal' || tabulated.type === 'grid-row') && options.some((o) => o.score !== undefined);
  if (tabulated.variable.kind === 'coded' && (tabulated.type === 'banded' || scoredOrdinal)) {
    const banded = tabulated.type === 'banded';
    const counted = (k: number) => !options[k].nonSubstantive && (banded ? options[k].lower !== undefined : options[k].score !== undefined);
    out.summaries = columns.map((_, c) => {
      const sums = table.lines.slice(0, options.length).map((l) => l.sums[c].w);
      const summary = banded ? summarizeBanded(options, sums, tabulated.unit) : summarizeScores(options, sums);
      summary.n = table.lines.slice(0, options.length).reduce((s, l, k) => s + (counted(k) ? l.sums[c].n : 0), 0);
      return summary;
    });
  }
  if (context.numeric && table.members) {
    const { values, weights } = context.numeric;
    out.summaries = table.members.map((members) => summarizeNumeric(members.map((i) => values[i]), weights ? members.map((i) => weights[i]) : null));
  }
  if (hasBanner && byResponses) out.lettersNote = RESPONSES_NOTE;
  else if (hasBanner && !lettersAllowed) out.lettersNote = OVERLAP_NOTE;
  return out;
}
