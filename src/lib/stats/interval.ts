/**
 * Confidence intervals for a proportion x/n. `n` may be fractional: with weights the engine
 * passes p̂_w and the Kish effective base (docs/statistics.md, "Weights"). All return null when n ≤ 0.
 */
import type { Interval } from './types.ts';
import { qbeta, zFor } from './distributions.ts';

/** Wilson score interval (the default): stays in [0, 1] and has width at p̂ = 0. */
export function wilson(p: number, n: number, level = 0.95): Interval | null {
  if (!(n > 0) || !Number.isFinite(p)) return null;
  const z = zFor(level);
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: p <= 0 ? 0 : Math.max(0, centre - half), high: p >= 1 ? 1 : Math.min(1, centre + half) };
}

/** Clopper–Pearson ("exact") interval from Beta quantiles, with x = p̂·n. */
export function clopperPearson(p: number, n: number, level = 0.95): Interval | null {
  if (!(n > 0) || !Number.isFinite(p)) return null;
  const x = p * n;
  const tail = (1 - level) / 2;
  const low = x <= 0 ? 0 : qbeta(tail, x, n - x + 1);
  const high = x >= n ? 1 : qbeta(1 - tail, x + 1, n - x);
  return { low, high };
}

/** Agresti–Coull interval (kept for comparison with published tables). */
export function agrestiCoull(p: number, n: number, level = 0.95): Interval | null {
  if (!(n > 0) || !Number.isFinite(p)) return null;
  const z = zFor(level);
  const nt = n + z * z;
  const pt = (p * n + (z * z) / 2) / nt;
  const half = z * Math.sqrt((pt * (1 - pt)) / nt);
  return { low: Math.max(0, pt - half), high: Math.min(1, pt + half) };
}

/** The interval named by `method`. */
export function proportionInterval(method: 'wilson' | 'clopper-pearson', p: number, n: number, level: number): Interval | null {
  return method === 'wilson' ? wilson(p, n, level) : clopperPearson(p, n, level);
}
