/**
 * The perturbation table ("p-table") of the cell key method (docs/statistics.md, "Protected
 * cube"; the construction follows the R package `ptable`: for every original count i, a noise
 * distribution on the integers −D..D with
 *   - zero mean (the perturbed count is unbiased),
 *   - no perturbed count in 1..js (small counts never appear),
 *   - no negative perturbed count, and 0 stays 0 (no phantom respondents),
 *   - the variance V where the constraints above allow it, else the attainable variance nearest V,
 *   - maximum entropy among the distributions meeting these constraints.
 * Counts above js + D are far from every constraint and share the last row's distribution.
 *
 * A cell's noise is read from its row by the cell key k ∈ [0, 1): the noise v whose cumulative
 * interval holds k. The same count and key always give the same noise.
 */
import type { Perturbation } from '../dataset/codebook.ts';

export interface PTableRow {
  /** Original count this row applies to (the last row: this count and every larger one). */
  count: number;
  /** Possible noise values, ascending. */
  noise: number[];
  /** Their probabilities (sum 1). */
  p: number[];
  /** Upper ends of the cumulative intervals: noise[j] is drawn for keys in [upper[j−1], upper[j]). */
  upper: number[];
}

export interface PTable {
  params: Perturbation;
  rows: PTableRow[];
}

/** Noise values allowed for original count i. */
function allowedNoise(i: number, { D, js }: Perturbation): number[] {
  if (i === 0) return [0];
  const out: number[] = [];
  for (let v = -D; v <= D; v++) {
    const t = i + v;
    if (t < 0 || (t >= 1 && t <= js)) continue;
    out.push(v);
  }
  return out;
}

/** Maximum-entropy distribution p(v) ∝ exp(a·v + b·v²) with E[v] = 0 and E[v²] = target. */
function maxEntropy(values: number[], target: number): number[] {
  // Newton's method on the convex dual  f(a, b) = log Σ exp(a·v + b·(v² − target)).
  let a = 0;
  let b = 0;
  const weights = (aa: number, bb: number) => {
    const e = values.map((v) => aa * v + bb * (v * v - target));
    const m = Math.max(...e);
    const w = e.map((x) => Math.exp(x - m));
    const s = w.reduce((x, y) => x + y, 0);
    return w.map((x) => x / s);
  };
  const dual = (aa: number, bb: number) => {
    const e = values.map((v) => aa * v + bb * (v * v - target));
    const m = Math.max(...e);
    return m + Math.log(e.reduce((s, x) => s + Math.exp(x - m), 0));
  };
  for (let iter = 0; iter < 200; iter++) {
    const p = weights(a, b);
    const m1 = values.reduce((s, v, k) => s + p[k] * v, 0);
    const m2 = values.reduce((s, v, k) => s + p[k] * (v * v - target), 0);
    if (Math.abs(m1) < 1e-13 && Math.abs(m2) < 1e-13) break;
    const c11 = values.reduce((s, v, k) => s + p[k] * (v - m1) ** 2, 0);
    const c22 = values.reduce((s, v, k) => s + p[k] * (v * v - target - m2) ** 2, 0);
    const c12 = values.reduce((s, v, k) => s + p[k] * (v - m1) * (v * v - target - m2), 0);
    const det = c11 * c22 - c12 * c12;
    if (!(det > 1e-300)) break;
    const da = -(c22 * m1 - c12 * m2) / det;
    const db = -(-c12 * m1 + c11 * m2) / det;
    let step = 1;
    const f0 = dual(a, b);
    while (step > 1e-12 && dual(a + step * da, b + step * db) > f0 - 1e-4 * step * (da * m1 + db * m2) * -1) step /= 2;
    a += step * da;
    b += step * db;
  }
  return weights(a, b);
}

/** Zero-mean distribution on two values u < 0 < w: p(w) = −u / (w − u). */
function twoPoint(values: number[], u: number, w: number): number[] {
  const pw = -u / (w - u);
  return values.map((v) => (v === u ? 1 - pw : v === w ? pw : 0));
}

/** The noise distribution of one row (see the module comment). */
function rowDistribution(values: number[], V: number): number[] {
  if (values.length === 1) return [1];
  const neg = values.filter((v) => v < 0);
  const pos = values.filter((v) => v > 0);
  // Only one side reachable (e.g. count js + 1, which may not fall into 1..js): zero mean forces 0.
  if (neg.length === 0 || pos.length === 0) return values.map((v) => (v === 0 ? 1 : 0));
  // Zero-mean distributions are mixtures of {0} and two-point {u, w}; their variances span [min, max].
  const pairs = neg.flatMap((u) => pos.map((w) => ({ u, w, variance: -u * w })));
  const max = pairs.reduce((best, x) => (x.variance > best.variance ? x : best));
  const min = pairs.reduce((best, x) => (x.variance < best.variance ? x : best));
  const floor = values.includes(0) ? 0 : min.variance;
  if (V >= max.variance) return twoPoint(values, max.u, max.w);
  if (V <= floor) return floor === 0 ? values.map((v) => (v === 0 ? 1 : 0)) : twoPoint(values, min.u, min.w);
  return maxEntropy(values, V);
}

/** Builds the p-table for the parameters (rows 0 .. js + D + 1). */
export function buildPTable(params: Perturbation): PTable {
  const rows: PTableRow[] = [];
  for (let i = 0; i <= params.js + params.D + 1; i++) {
    const noise = allowedNoise(i, params);
    const p = rowDistribution(noise, params.V);
    // Probabilities are rounded to 1e-12 so the build and any re-computation agree exactly.
    const rounded = p.map((x) => Math.round(x * 1e12) / 1e12);
    const upper: number[] = [];
    let acc = 0;
    for (const x of rounded) upper.push((acc += x));
    upper[upper.length - 1] = 1;
    const keep = rounded.map((x) => x > 0);
    rows.push({ count: i, noise: noise.filter((_, k) => keep[k]), p: rounded.filter((_, k) => keep[k]), upper: upper.filter((_, k) => keep[k]) });
  }
  return { params, rows };
}

/** Resolution of record and cell keys: keys are integers in [0, 2^KEY_BITS). */
export const KEY_BITS = 24;
export const KEY_RANGE = 2 ** KEY_BITS;

/** The noise for a cell with original `count` and cell key `key` (an integer in [0, 2^24), or the exact key sum). */
export function noiseFor(table: PTable, count: number, keySum: number): number {
  const row = table.rows[Math.min(count, table.rows.length - 1)];
  const key = (keySum % KEY_RANGE) / KEY_RANGE;
  for (let j = 0; j < row.upper.length; j++) if (key < row.upper[j]) return row.noise[j];
  return row.noise[row.noise.length - 1];
}

/** The perturbed count of a cell. */
export function perturb(table: PTable, count: number, keySum: number): number {
  return count + noiseFor(table, count, keySum);
}
