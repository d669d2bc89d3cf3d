/**
 * Significance tests (docs/statistics.md, "Significance letters", "χ² test of independence"): column-proportions z-test, multiple-comparison adjustment,
 * χ² test of independence with adjusted residuals. Pure functions over plain numbers; with
 * weights the caller passes weighted proportions and Kish effective bases.
 */
import padjust from '@stdlib/stats-padjust';
import type { ChiSquare } from './types.ts';
import { chisquareUpper, twoSidedP } from './distributions.ts';

/** One side of a two-proportion comparison. */
export interface ProportionSample {
  /** Proportion p̂ (weighted p̂_w when weighted). */
  p: number;
  /** Base n (the Kish effective base e when weighted). */
  n: number;
  /** Weight of the sample in the pooled proportion (W when weighted; defaults to n). */
  w?: number;
}

export interface ZTest {
  z: number;
  p: number;
}

/**
 * Pooled two-proportion z-test: p̄ = (w_a p_a + w_b p_b)/(w_a + w_b),
 * z = (p_a − p_b) / √(p̄(1−p̄)(1/n_a + 1/n_b)). Null when a base is 0 or p̄ is 0 or 1
 * (both proportions 0 or both 1: nothing to test).
 */
export function twoProportionZ(a: ProportionSample, b: ProportionSample): ZTest | null {
  if (!(a.n > 0 && b.n > 0)) return null;
  const wa = a.w ?? a.n;
  const wb = b.w ?? b.n;
  const pooled = (wa * a.p + wb * b.p) / (wa + wb);
  const variance = pooled * (1 - pooled) * (1 / a.n + 1 / b.n);
  if (!(variance > 0)) return null;
  const z = (a.p - b.p) / Math.sqrt(variance);
  return { z, p: twoSidedP(z) };
}

/** Adjusted p-values: Bonferroni (p × m, capped at 1), Benjamini–Hochberg, or none. */
export function adjustPValues(p: number[], method: 'bonferroni' | 'bh' | 'none'): number[] {
  if (p.length === 0 || method === 'none') return p.slice();
  return padjust(p.slice(), method); // padjust sorts its input in place
}

/** Kish effective base (Σw)² / Σw²; 0 for an empty set. */
export function kish(sumW: number, sumW2: number): number {
  return sumW2 > 0 ? (sumW * sumW) / sumW2 : 0;
}

export interface ChiSquareResult extends ChiSquare {
  /** Expected counts, same shape as the observed table. */
  expected: number[][];
  /** Adjusted residuals (O−E)/√(E(1−r/N)(1−c/N)), same shape. */
  residuals: number[][];
}

/**
 * Pearson χ² test of independence of an r × c table of (possibly weighted) counts. Rows and
 * columns whose total is 0 are left out of df (their residuals are NaN). Null with fewer than
 * two non-empty rows or columns.
 */
export function chiSquareTest(observed: number[][]): ChiSquareResult | null {
  const rowsTotal = observed.map((row) => row.reduce((s, x) => s + x, 0));
  const colsTotal = observed[0]?.map((_, j) => observed.reduce((s, row) => s + row[j], 0)) ?? [];
  const total = rowsTotal.reduce((s, x) => s + x, 0);
  const liveRows = rowsTotal.filter((x) => x > 0).length;
  const liveCols = colsTotal.filter((x) => x > 0).length;
  if (liveRows < 2 || liveCols < 2) return null;
  let statistic = 0;
  let lowExpected = false;
  const expected = observed.map((row, i) => row.map((_, j) => (rowsTotal[i] * colsTotal[j]) / total));
  const residuals = observed.map((row, i) =>
    row.map((o, j) => {
      const e = expected[i][j];
      if (!(e > 0)) return NaN;
      statistic += ((o - e) * (o - e)) / e;
      if (e < 5) lowExpected = true;
      return (o - e) / Math.sqrt(e * (1 - rowsTotal[i] / total) * (1 - colsTotal[j] / total));
    }),
  );
  const df = (liveRows - 1) * (liveCols - 1);
  return { statistic, df, p: chisquareUpper(statistic, df), lowExpected, expected, residuals };
}
