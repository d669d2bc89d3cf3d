/**
 * How a table's precision is estimated (docs/statistics.md, §Weights): an unweighted table rests
 * on its bases; a weighted one on each column's Kish effective base (`variance: 'kish'`) or on
 * the design (`variance: 'design'`, the default: Taylor linearisation, Wald tests and the
 * Rao–Scott test of src/lib/stats/design.ts). `tabulate` asks the estimator for every interval
 * base, every column test and every test of independence.
 */
import type { ChiSquare, StatsOptions } from './types.ts';
import type { Layout } from './layout.ts';
import type { Sums } from './tally.ts';
import { chiSquareTest, kish } from './significance.ts';
import { pooledTest } from './letters.ts';
import type { CellTest, TestCell } from './letters.ts';
import { effectiveBase, proportionMoments, raoScott, shareCovariance, shareVariance, subtractMoments, waldTest } from './design.ts';
import type { Moments, Share } from './design.ts';

/**
 * The table's respondents again, weighted w·√r and w·r (r: the respondent's number of answers to
 * a multi-answer question): their Σw² give Σw²·r·y per line and Σw²·r² per column, the moments of
 * a share of responses (a ratio Σw·y / Σw·r).
 */
export interface ResponseLayouts {
  rootR: Layout;
  r: Layout;
}

/** What the design-based estimator needs besides the table's own sums. */
export interface DesignContext {
  /** Respondents in the whole wave: the design's n (every variance carries n/(n − 1)). */
  n: number;
  /** % of responses: the table's response moments. Absent: such a table falls back to Kish. */
  responses?: ResponseLayouts;
  /**
   * Overlapping (multi-answer) banner: the respondents banner columns a and b (layout positions
   * ≥ 1) share, as a total-only layout (same weights and percent bases). Absent: no letters
   * between overlapping columns.
   */
  shared?: (a: number, b: number) => { table: Layout; responses?: ResponseLayouts };
}

export type TableChiSquare = ChiSquare & { residuals: number[][] };

export interface Estimator {
  /** The method used (an unweighted table reports `kish`: its Kish base is its base). */
  variance: StatsOptions['variance'];
  /** The n the interval of line `line` (an index of `table.lines`) in column `column` rests on. */
  cellBase(line: number, column: number): number;
  /** The test behind one line's letters and column-vs-rest marks. */
  rowTest(line: number): CellTest;
  /** Letters may compare overlapping banner columns (the design knows their covariance). */
  overlapTests: boolean;
  /** Test of independence of a rows × banner-columns table of sums (each respondent in one cell). */
  chiSquare(cells: Sums[][]): TableChiSquare | null;
}

/** Pearson's χ² on weighted counts scaled to the Kish effective base of the tested cells. */
function kishEstimator(bases: Sums[], weighted: boolean): Estimator {
  return {
    variance: 'kish',
    cellBase: (_line, c) => kish(bases[c].w, bases[c].w2),
    rowTest: () => pooledTest,
    overlapTests: false,
    chiSquare(cells) {
      let sumW = 0;
      let sumW2 = 0;
      for (const row of cells) for (const s of row) ((sumW += s.w), (sumW2 += s.w2));
      const scale = weighted && sumW > 0 ? kish(sumW, sumW2) / sumW : 1;
      return chiSquareTest(cells.map((row) => row.map((s) => s.w * scale)));
    },
  };
}

function designEstimator(table: Layout, bases: Sums[], design: DesignContext, percentBases: (t: Layout) => Sums[]): Estimator {
  const { n } = design;
  const moments = (t: Layout, responses: ResponseLayouts | undefined, line: number, c: number, base: Sums): Moments => {
    const cell = t.lines[line].sums[c];
    return responses ? { yy: cell.w2, xy: responses.rootR.lines[line].sums[c].w2, xx: responses.r.base[c].w2 } : proportionMoments(cell, base);
  };
  const own = (line: number, c: number) => moments(table, design.responses, line, c, bases[c]);
  const share = ({ cell, base }: TestCell): Share => ({ p: cell.w / base.w, x: base.w });
  const shared = new Map<string, { table: Layout; responses?: ResponseLayouts }>();
  const sharedMoments = (line: number, a: number, b: number): Moments | null => {
    if (!design.shared) return null;
    const key = `${a},${b}`;
    if (!shared.has(key)) shared.set(key, design.shared(a, b));
    const s = shared.get(key)!;
    return moments(s.table, s.responses, line, 0, percentBases(s.table)[0]);
  };
  return {
    variance: 'design',
    cellBase(line, c) {
      const base = bases[c];
      const fallback = kish(base.w, base.w2);
      if (!(base.w > 0)) return fallback;
      const s = { p: table.lines[line].sums[c].w / base.w, x: base.w };
      return effectiveBase(s.p, shareVariance(n, s, own(line, c)), fallback);
    },
    rowTest: (line) => (a, b, k, l) => {
      const sa = share(a);
      const sb = share(b);
      const ma = own(line, k + 1);
      // Everyone outside column k: the total's moments less the column's; the two are disjoint.
      if (l < 0) return waldTest(sa, sb, shareVariance(n, sa, ma), shareVariance(n, sb, subtractMoments(own(line, 0), ma)), 0);
      let covariance = 0;
      if (table.overlapping) {
        const m = sharedMoments(line, k + 1, l + 1);
        if (!m) return null;
        covariance = shareCovariance(n, sa, sb, m);
      }
      return waldTest(sa, sb, shareVariance(n, sa, ma), shareVariance(n, sb, own(line, l + 1)), covariance);
    },
    overlapTests: table.overlapping && design.shared !== undefined,
    chiSquare: (cells) => raoScott(n, cells),
  };
}

/**
 * The estimator of a table: design-based when the table is weighted, `variance` is `design` and
 * the design is known (`design`; a share of responses also needs its response moments), else Kish.
 * `percentBases` picks the percent bases of a layout, as `bases` were picked from `table`.
 */
export function estimator(table: Layout, bases: Sums[], weighted: boolean, options: StatsOptions, responses: boolean, percentBases: (t: Layout) => Sums[], design?: DesignContext): Estimator {
  if (weighted && options.variance === 'design' && design && (!responses || design.responses)) return designEstimator(table, bases, design, percentBases);
  return kishEstimator(bases, weighted);
}
