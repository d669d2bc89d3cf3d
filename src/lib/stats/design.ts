/**
 * Design-based estimation for weighted waves (docs/statistics.md, §Weights): Taylor linearisation
 * for one-stage sampling with replacement and weights — R survey's
 * `svydesign(ids = ~1, weights = ~w)`. Every banner column is a domain of the whole wave's design
 * (R: `subset()` of one design), so every variance carries the wave's n/(n − 1), however few
 * respondents the domain holds.
 *
 * A share p̂ = Σw·y / Σw·x over a domain (x = 1 for a share of respondents; x = the respondent's
 * number of answers for a share of responses) has the influence values z_i = w_i(y_i − p̂·x_i)/X,
 * X = Σw·x. They sum to 0 over the wave, so
 *
 *   Var(p̂) = n/(n − 1) · Σ z_i² = n/(n − 1) · (Σw²y − 2p̂·Σw²xy + p̂²·Σw²x²) / X²   (y is 0 or 1)
 *
 * and the covariance of two shares is the same sum over the respondents their domains share
 * (zero for disjoint domains). Pure functions over sums: the layout's Σw² per cell is Σw²y, and
 * for a share of respondents Σw²xy = Σw²y and Σw²x² is the base's Σw².
 */
import type { ChiSquare } from './types.ts';
import type { Sums } from './tally.ts';
import type { ZTest } from './significance.ts';
import { chiSquareTest } from './significance.ts';
import { fUpper, twoSidedP } from './distributions.ts';

/** Second-moment sums of a share over a domain, or over the respondents two domains share. */
export interface Moments {
  /** Σw²·y (y = 1 in the row). */
  yy: number;
  /** Σw²·x·y. */
  xy: number;
  /** Σw²·x². */
  xx: number;
}

/** A share p̂ = Y/X with its denominator X = Σw·x (the weighted percent base). */
export interface Share {
  p: number;
  x: number;
}

/** The moments of a share of respondents: its cell's and its base's Σw² (x = 1). */
export function proportionMoments(cell: Sums, base: Sums): Moments {
  return { yy: cell.w2, xy: cell.w2, xx: base.w2 };
}

export function subtractMoments(a: Moments, b: Moments): Moments {
  return { yy: a.yy - b.yy, xy: a.xy - b.xy, xx: a.xx - b.xx };
}

/** n/(n − 1): with-replacement sampling of the wave's n respondents (1 for a wave of one). */
export function replacementFactor(n: number): number {
  return n > 1 ? n / (n - 1) : 1;
}

/**
 * Linearised covariance of two shares whose domains share the respondents summed in `shared`
 * (for the variance of one share, `a = b` and `shared` its own moments).
 */
export function shareCovariance(n: number, a: Share, b: Share, shared: Moments): number {
  const sum = shared.yy - (a.p + b.p) * shared.xy + a.p * b.p * shared.xx;
  return (replacementFactor(n) * sum) / (a.x * b.x);
}

export function shareVariance(n: number, share: Share, moments: Moments): number {
  return shareCovariance(n, share, share, moments);
}

/**
 * Effective base of a share: p̂(1 − p̂)/Var(p̂), the simple random sample as precise (Korn and
 * Graubard 1998, as in R's `svyciprop(method = "beta")`). A share of 0 or 1 has no design
 * variance: `fallback` (the column's Kish base) is used.
 */
export function effectiveBase(p: number, variance: number, fallback: number): number {
  return p > 0 && p < 1 && variance > 0 ? (p * (1 - p)) / variance : fallback;
}

/**
 * Design-based Wald test of two shares: z = (p̂_a − p̂_b)/√(Var_a + Var_b − 2·Cov), two-sided
 * normal p (R: `svycontrast` of the two estimates). Null when the shares are equal (nothing to
 * test). A difference without variance (0 % against 100 %) has z = ±∞ and p = 0, as R computes it.
 */
export function waldTest(a: Share, b: Share, varianceA: number, varianceB: number, covariance: number): ZTest | null {
  const difference = a.p - b.p;
  if (difference === 0 || !Number.isFinite(difference)) return null;
  const variance = varianceA + varianceB - 2 * covariance;
  const z = variance > 0 ? difference / Math.sqrt(variance) : Math.sign(difference) * Infinity;
  return { z, p: twoSidedP(z) };
}

/**
 * Mean of a score over a domain (NPS: +1 promoters, 0 passives, −1 detractors) and its linearised
 * variance n/(n − 1)·Σw²(s − m)²/W², from each score value's Σw and Σw² (R: `svymean`).
 */
export function scoreMean(n: number, groups: Array<{ value: number; w: number; w2: number }>): { mean: number; variance: number } {
  const total = groups.reduce((s, g) => s + g.w, 0);
  const mean = groups.reduce((s, g) => s + g.value * g.w, 0) / total;
  const sum = groups.reduce((s, g) => s + g.w2 * (g.value - mean) ** 2, 0);
  return { mean, variance: (replacementFactor(n) * sum) / (total * total) };
}

export interface RaoScott extends ChiSquare {
  method: 'rao-scott';
  /** Denominator degrees of freedom of F: df·(m − 1), m the tested respondents. */
  ddf: number;
  /** Pearson's X² of the weighted table scaled to the tested respondents (before the correction). */
  pearson: number;
  /** Mean generalised design effect δ̄ = tr(Δ)/((r − 1)(c − 1)). */
  meanDeff: number;
  /** Adjusted residuals of the scaled table divided by √δ̄ (NaN for empty rows and columns). */
  residuals: number[][];
}

/** Solves A·X = B (A m×m, B m×m) by Gaussian elimination with partial pivoting; null if singular. */
function solve(a: number[][], b: number[][]): number[][] | null {
  const m = a.length;
  const A = a.map((row) => row.slice());
  const B = b.map((row) => row.slice());
  for (let k = 0; k < m; k++) {
    let pivot = k;
    for (let i = k + 1; i < m; i++) if (Math.abs(A[i][k]) > Math.abs(A[pivot][k])) pivot = i;
    if (!(Math.abs(A[pivot][k]) > 1e-300)) return null;
    [A[k], A[pivot]] = [A[pivot], A[k]];
    [B[k], B[pivot]] = [B[pivot], B[k]];
    for (let i = k + 1; i < m; i++) {
      const f = A[i][k] / A[k][k];
      if (f === 0) continue;
      for (let j = k; j < m; j++) A[i][j] -= f * A[k][j];
      for (let j = 0; j < m; j++) B[i][j] -= f * B[k][j];
    }
  }
  for (let k = m - 1; k >= 0; k--) {
    for (let j = 0; j < m; j++) {
      let x = B[k][j];
      for (let i = k + 1; i < m; i++) x -= A[k][i] * B[i][j];
      B[k][j] = x / A[k][k];
    }
  }
  return B;
}

/**
 * Rao–Scott second-order test of independence of an r × c table of respondent sums (rows ×
 * banner columns; each respondent in one cell), as R's `svychisq(~row + col, subset(design,
 * tested), statistic = "F")`: Pearson's X² of the weighted table scaled to the m tested
 * respondents, the generalised design effects Δ = (C′D⁻¹C/m)⁻¹ C′D⁻¹VD⁻¹C of the
 * interaction contrasts C (V the linearised covariance of the cell shares, D their diagonal),
 * F = X²/tr(Δ) on d = tr(Δ)²/tr(Δ²) and d·(m − 1) degrees of freedom (docs/statistics.md,
 * §χ² test of independence). Empty rows and columns are left out. Null with fewer than two
 * non-empty rows or columns.
 */
export function raoScott(n: number, table: Sums[][]): RaoScott | null {
  let m = 0;
  let W = 0;
  let S2 = 0;
  for (const row of table) for (const s of row) ((m += s.n), (W += s.w), (S2 += s.w2));
  if (!(W > 0)) return null;
  const pearson = chiSquareTest(table.map((row) => row.map((s) => (s.w * m) / W)));
  if (!pearson) return null;
  const rows = table.map((_, i) => i).filter((i) => table[i].reduce((s, x) => s + x.w, 0) > 0);
  const cols = table[0].map((_, j) => j).filter((j) => table.reduce((s, row) => s + row[j].w, 0) > 0);
  const r = rows.length;
  const c = cols.length;
  // Live cells u = a·c + b: share p_u, Σw² s_u and 1/p_u (0 for an empty cell, as R's iDmat).
  const p: number[] = [];
  const s2: number[] = [];
  for (const i of rows) for (const j of cols) (p.push(table[i][j].w / W), s2.push(table[i][j].w2));
  const inv = p.map((x) => (x > 0 ? 1 / x : 0));
  const K = p.length;
  const f = replacementFactor(n) / (W * W);
  // M = D⁻¹ V D⁻¹ with V_uv = f·(δ_uv·s_u − p_v·s_u − p_u·s_v + p_u·p_v·S2).
  const M: number[][] = [];
  for (let u = 0; u < K; u++) {
    const row = new Array<number>(K);
    for (let v = 0; v < K; v++) row[v] = f * ((u === v ? s2[u] : 0) - p[v] * s2[u] - p[u] * s2[v] + p[u] * p[v] * S2) * inv[u] * inv[v];
    M.push(row);
  }
  // Interaction contrasts, one per (a, b) with a < r − 1, b < c − 1: +1 at (a, b) and (r−1, c−1), −1 at (a, c−1) and (r−1, b).
  // They span the complement of the main effects, as R's qr.resid(X1, X12); Δ's traces do not depend on the basis.
  const contrasts: Array<Array<[number, number]>> = [];
  for (let a = 0; a < r - 1; a++) {
    for (let b = 0; b < c - 1; b++) {
      contrasts.push([
        [a * c + b, 1],
        [a * c + c - 1, -1],
        [(r - 1) * c + b, -1],
        [(r - 1) * c + c - 1, 1],
      ]);
    }
  }
  const q = contrasts.length;
  const denom: number[][] = [];
  const numer: number[][] = [];
  for (let k = 0; k < q; k++) {
    const dk = new Array<number>(q).fill(0);
    const nk = new Array<number>(q).fill(0);
    for (let l = 0; l < q; l++) {
      for (const [u, cu] of contrasts[k]) {
        for (const [v, cv] of contrasts[l]) {
          if (u === v) dk[l] += (cu * cv * inv[u]) / m;
          nk[l] += cu * cv * M[u][v];
        }
      }
    }
    denom.push(dk);
    numer.push(nk);
  }
  const delta = solve(denom, numer);
  if (!delta) return null;
  let trace = 0;
  let trace2 = 0;
  for (let k = 0; k < q; k++) {
    trace += delta[k][k];
    for (let l = 0; l < q; l++) trace2 += delta[k][l] * delta[l][k];
  }
  if (!(trace > 0 && trace2 > 0)) return null;
  const df = (trace * trace) / trace2;
  const ddf = df * (m - 1);
  const statistic = pearson.statistic / trace;
  const meanDeff = trace / q;
  const scale = 1 / Math.sqrt(meanDeff);
  return {
    method: 'rao-scott',
    statistic,
    df,
    ddf,
    p: fUpper(statistic, df, ddf),
    lowExpected: pearson.lowExpected,
    pearson: pearson.statistic,
    meanDeff,
    residuals: pearson.residuals.map((row) => row.map((z) => z * scale)),
  };
}
