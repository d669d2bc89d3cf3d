/**
 * Distribution functions, all from @stdlib (they match R to ~1e-15). Thin named wrappers so the
 * rest of the engine reads like the formulas in docs/statistics.md.
 */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import betainc from '@stdlib/math-base-special-betainc';

/** Standard normal quantile Φ⁻¹(p). */
export function qnorm(p: number): number {
  return normalQuantile(p, 0, 1);
}

/** Standard normal CDF Φ(x). */
export function pnorm(x: number): number {
  return normalCdf(x, 0, 1);
}

/** Two-sided p-value of a standard normal statistic: 2(1 − Φ(|z|)), computed as 2Φ(−|z|). */
export function twoSidedP(z: number): number {
  return 2 * normalCdf(-Math.abs(z), 0, 1);
}

/** Upper tail of χ² with df degrees of freedom: P(X ≥ x). */
export function chisquareUpper(x: number, df: number): number {
  return 1 - chisquareCdf(x, df);
}

/**
 * Upper tail of the F distribution with (possibly non-integer) df1, df2: P(X ≥ x), as R's
 * `pf(x, df1, df2, lower.tail = FALSE)` — the upper regularised incomplete beta at df1·x/(df1·x + df2).
 */
export function fUpper(x: number, df1: number, df2: number): number {
  if (!(x > 0)) return 1;
  return betainc((df1 * x) / (df1 * x + df2), df1 / 2, df2 / 2, true, true);
}

/** Quantile of Beta(a, b). */
export function qbeta(p: number, a: number, b: number): number {
  return betaQuantile(p, a, b);
}

/** z for a two-sided interval at `level` (0.95 → 1.959963984540054). */
export function zFor(level: number): number {
  return qnorm(1 - (1 - level) / 2);
}
