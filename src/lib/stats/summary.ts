/**
 * Summaries of banded and numeric answers and the Net Promoter Score. Non-substantive options
 * and options without bounds are excluded from banded means and medians; NaN values are
 * excluded from numeric summaries (d3-array style: "ignores NaN").
 */
import type { Option } from '../dataset/codebook.ts';
import type { Nps, Summary } from './types.ts';
import { zFor } from './distributions.ts';

/** Value a band stands for: its `value`, else its midpoint, else (open top band) L + previous width / 2. */
function bandValues(options: Option[]): { value: number[]; openAssumed: number | undefined } {
  const value: number[] = [];
  let openAssumed: number | undefined;
  let previousWidth = NaN;
  for (const o of options) {
    if (o.nonSubstantive || o.lower === undefined) {
      value.push(NaN);
      continue;
    }
    if (o.value !== undefined) value.push(o.value);
    else if (o.upper !== undefined) value.push((o.lower + o.upper) / 2);
    else {
      const assumed = o.lower + (Number.isFinite(previousWidth) ? previousWidth : 0) / 2;
      openAssumed = assumed;
      value.push(assumed);
    }
    if (o.upper !== undefined) previousWidth = o.upper - o.lower;
  }
  return { value, openAssumed };
}

/**
 * Banded summary from per-option frequencies (counts or weighted counts, aligned with `options`,
 * classes in ascending order). Midpoint mean, grouped (interpolated) median
 * L + ((N/2 − F)/f_m)·h and the class holding the N/2-th case; an open top band as median
 * class gives median = L and medianClass "≥ L<unit>".
 */
export function summarizeBanded(options: Option[], frequencies: ArrayLike<number>, unit = ''): Summary {
  const { value, openAssumed } = bandValues(options);
  let total = 0;
  let sum = 0;
  let n = 0;
  let usedOpen = false;
  options.forEach((o, k) => {
    if (!Number.isFinite(value[k]) || !(frequencies[k] > 0)) return;
    total += frequencies[k];
    sum += frequencies[k] * value[k];
    n += frequencies[k];
    if (o.upper === undefined && o.value === undefined) usedOpen = true;
  });
  if (!(total > 0)) return { mean: NaN, median: NaN, n: 0 };
  const half = total / 2;
  let cumulative = 0;
  let median = NaN;
  let medianClass: string | undefined;
  for (let k = 0; k < options.length; k++) {
    const o = options[k];
    if (!Number.isFinite(value[k])) continue;
    const f = frequencies[k];
    if (f > 0 && cumulative + f >= half) {
      if (o.upper === undefined) {
        median = o.lower!;
        medianClass = `≥ ${o.lower}${unit}`;
      } else {
        median = o.lower! + ((half - cumulative) / f) * (o.upper - o.lower!);
        medianClass = o.label;
      }
      break;
    }
    cumulative += f;
  }
  const summary: Summary = { mean: sum / total, median, medianClass, n };
  if (usedOpen && openAssumed !== undefined) summary.openBandAssumed = openAssumed;
  return summary;
}

/**
 * Weighted quantile by the averaged inverse CDF (Hyndman–Fan type 2, R survey qrule "school"):
 * the smallest x with F(x) ≥ q, averaged with the next value when F(x) = q exactly. With equal
 * weights it is the textbook median (mean of the two middle values for even n).
 */
export function quantileSorted(values: ArrayLike<number>, weights: ArrayLike<number> | null, q: number): number {
  const m = values.length;
  let total = 0;
  for (let i = 0; i < m; i++) total += weights ? weights[i] : 1;
  // No values, or weights that sum to 0: no distribution to take a quantile of (the mean is NaN too).
  if (!(total > 0)) return NaN;
  const target = q * total;
  const tolerance = total * 1e-12;
  let cumulative = 0;
  for (let i = 0; i < m; i++) {
    cumulative += weights ? weights[i] : 1;
    if (cumulative >= target - tolerance) {
      if (Math.abs(cumulative - target) <= tolerance && i + 1 < m) return (values[i] + values[i + 1]) / 2;
      return values[i];
    }
  }
  return values[m - 1];
}

/**
 * Ordinal (Likert) summary from per-option frequencies: mean and median of the option scores.
 * Non-substantive options and options without a score are left out. Median by the same rule as
 * `quantileSorted` (type 2), so with equal weights it is the textbook median of the scores.
 */
export function summarizeScores(options: Option[], frequencies: ArrayLike<number>): Summary {
  const used = options
    .map((o, k) => ({ score: o.score, f: frequencies[k], skip: o.nonSubstantive === true || o.score === undefined }))
    .filter((x) => !x.skip && x.f > 0)
    .sort((a, b) => a.score! - b.score!);
  const total = used.reduce((s, x) => s + x.f, 0);
  if (!(total > 0)) return { mean: NaN, median: NaN, n: 0 };
  return {
    mean: used.reduce((s, x) => s + x.f * x.score!, 0) / total,
    median: quantileSorted(used.map((x) => x.score!), used.map((x) => x.f), 0.5),
    n: total,
  };
}

/** Mean, median and quartiles of numeric answers (NaN ignored), optionally weighted. */
export function summarizeNumeric(values: ArrayLike<number>, weights: ArrayLike<number> | null = null): Summary {
  const order: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) order.push(i);
  order.sort((a, b) => values[a] - values[b]);
  const sorted = Float64Array.from(order, (i) => values[i]);
  const w = weights ? Float64Array.from(order, (i) => weights[i]) : null;
  let sumW = 0;
  let sum = 0;
  for (let k = 0; k < sorted.length; k++) {
    const wk = w ? w[k] : 1;
    sumW += wk;
    sum += wk * sorted[k];
  }
  return {
    mean: sumW > 0 ? sum / sumW : NaN,
    median: quantileSorted(sorted, w, 0.5),
    q1: quantileSorted(sorted, w, 0.25),
    q3: quantileSorted(sorted, w, 0.75),
    n: sorted.length,
  };
}

/**
 * NPS = 100(p_P − p_D), SE = 100√((p_P + p_D − (p_P − p_D)²)/n), CI = NPS ± z·SE. Counts may be
 * weighted; `n` (default P + passives + D) is the base for the SE, e.g. the Kish effective base.
 */
export function nps(counts: { promoters: number; passives: number; detractors: number; n?: number }, level = 0.95): Nps {
  const total = counts.promoters + counts.passives + counts.detractors;
  const n = counts.n ?? total;
  const pP = counts.promoters / total;
  const pD = counts.detractors / total;
  const score = 100 * (pP - pD);
  const se = 100 * Math.sqrt((pP + pD - (pP - pD) ** 2) / n);
  const z = zFor(level);
  return { score, se, ci: { low: score - z * se, high: score + z * se }, promoters: counts.promoters, passives: counts.passives, detractors: counts.detractors, n };
}

/** Promoter (9–10) / passive (7–8) / detractor (0–6) class of an option, by `score` else code; null outside 0–10. */
export function npsClass(option: Option): 'promoters' | 'passives' | 'detractors' | null {
  if (option.nonSubstantive) return null;
  const v = option.score ?? option.code;
  if (v > 10 || v < 0) return null;
  if (v >= 9) return 'promoters';
  return v >= 7 ? 'passives' : 'detractors';
}
