/**
 * The self-benchmark's comparison (/benchmark/): which class a reader's value falls in, and the
 * share of a segment's respondents in lower classes, in the same class and in higher classes.
 * Pure: runs in the browser on `/data/benchmark.json` and in the unit tests.
 *
 * Classes are half-open, [lower, upper): a value on a boundary belongs to the class it starts
 * (1.0 % is in 「1〜2%未満」, not 「1%未満」). The top class of a closed scale (an upper bound on
 * the last class, 「90〜100%」) holds its upper bound too: the scale's maximum is in it. A class
 * without a lower bound is open below, the last class without an upper bound open above. A value
 * below the first class, above the last or between two classes is outside every class and is not
 * compared.
 */
import { formatNumber, formatPercent } from '../stats/format.ts';
import type { BenchmarkClass, BenchmarkMetric, BenchmarkSegment } from './types.ts';

/** Where a value falls among the classes. */
export type Placement = { kind: 'class'; index: number } | { kind: 'outside'; side: 'below' | 'above' | 'between' };

/** The class a value falls in, or which side of the classes it lies on; null for a value that is not a finite number. */
export function placeValue(classes: readonly BenchmarkClass[], value: number): Placement | null {
  if (!Number.isFinite(value) || classes.length === 0) return null;
  const last = classes.length - 1;
  for (let k = 0; k <= last; k++) {
    const { lower = -Infinity, upper = Infinity } = classes[k];
    if (value >= lower && (value < upper || (k === last && value === upper))) return { kind: 'class', index: k };
  }
  if (value < (classes[0].lower ?? -Infinity)) return { kind: 'outside', side: 'below' };
  if (value > (classes[last].upper ?? Infinity)) return { kind: 'outside', side: 'above' };
  return { kind: 'outside', side: 'between' };
}

/** The class of an answer code (a reader's choice), or null when the code is not one of the classes. */
export function placeCode(classes: readonly BenchmarkClass[], code: number): Placement | null {
  const index = classes.findIndex((c) => c.code === code);
  return index < 0 ? null : { kind: 'class', index };
}

/** Shares of lower classes, the same class and higher classes (fractions of the segment's base). */
export interface Split {
  below: number;
  same: number;
  above: number;
}

/** Splits a segment's class shares around class `index`. */
export function splitAt(shares: readonly number[], index: number): Split {
  if (!Number.isInteger(index) || index < 0 || index >= shares.length) throw new RangeError(`class ${index} of ${shares.length}`);
  let below = 0;
  let above = 0;
  for (let k = 0; k < shares.length; k++) {
    if (k < index) below += shares[k];
    else if (k > index) above += shares[k];
  }
  return { below, same: shares[index], above };
}

/** Whether a metric's classes are ordered, so that "below" and "above" mean something. */
export function isOrdered(metric: Pick<BenchmarkMetric, 'scale'>): boolean {
  return metric.scale !== 'nominal';
}

/** What the reader gave for one metric: a value typed, or a class chosen. */
export type BenchmarkAnswer = { value: number } | { code: number };

/** The segment a reader asked for. */
export type SegmentChoice = 'all' | 'saas' | 'size';

/** Why the segment compared differs from the one asked for, or what to know about it. */
export type SegmentNote = 'no-saas' | 'saas-is-all' | 'no-size' | 'no-employees' | 'employees-outside';

/** The segment a metric is compared with, and a note when it is not quite the one asked for. */
export interface ChosenSegment {
  segment: BenchmarkSegment;
  note: SegmentNote | null;
}

/**
 * The segment of a metric for a reader's choice. A survey without the segment falls back to 全体,
 * with a note saying why; so does a company-size choice without a usable employee count.
 */
export function chooseSegment(metric: Pick<BenchmarkMetric, 'all' | 'saas' | 'size'>, choice: SegmentChoice, employees: number | null): ChosenSegment {
  if (choice === 'saas') {
    if (!metric.saas) return { segment: metric.all, note: 'no-saas' };
    return { segment: metric.saas, note: metric.saas.sameAsAll ? 'saas-is-all' : null };
  }
  if (choice === 'size') {
    if (!metric.size) return { segment: metric.all, note: 'no-size' };
    if (employees === null) return { segment: metric.all, note: 'no-employees' };
    const placed = placeValue(metric.size.classes, employees);
    if (placed?.kind !== 'class') return { segment: metric.all, note: 'employees-outside' };
    return { segment: metric.size.segments[placed.index], note: null };
  }
  return { segment: metric.all, note: null };
}

/** The comparison of one answer with one segment. */
export type Comparison =
  | {
      status: 'compared';
      /** Index of the reader's class in the metric's classes. */
      index: number;
      cls: BenchmarkClass;
      /** Shares of lower / higher classes; null for unordered answers. */
      below: number | null;
      same: number;
      above: number | null;
      base: number;
      caution: boolean;
    }
  | { status: 'outside'; side: 'below' | 'above' | 'between' }
  | { status: 'unknown' }
  | { status: 'suppressed' };

/** Compares an answer with a segment of a metric. */
export function compare(metric: Pick<BenchmarkMetric, 'classes' | 'scale'>, segment: BenchmarkSegment, answer: BenchmarkAnswer): Comparison {
  const placed = 'value' in answer ? placeValue(metric.classes, answer.value) : placeCode(metric.classes, answer.code);
  if (placed === null) return { status: 'unknown' };
  if (placed.kind === 'outside') return { status: 'outside', side: placed.side };
  if (segment.suppressed || segment.shares === null || segment.base === null) return { status: 'suppressed' };
  const split = splitAt(segment.shares, placed.index);
  const ordered = isOrdered(metric);
  return {
    status: 'compared',
    index: placed.index,
    cls: metric.classes[placed.index],
    below: ordered ? split.below : null,
    same: split.same,
    above: ordered ? split.above : null,
    base: segment.base,
    caution: segment.caution,
  };
}

/** A share as readers see it: "12.3" (percent, one decimal, half-up), "0" for none. */
export function shareText(p: number): string {
  return p === 0 ? '0' : formatPercent(p);
}

/** A bound or a reader's value as written: thousands separated, no trailing zeros, at most 4 decimals. */
export function valueText(x: number): string {
  const digits = Math.min(4, (String(Number(x.toPrecision(12))).split('.')[1] ?? '').length);
  return formatNumber(x, digits);
}

/**
 * A class's range in words (「1%以上2%未満」, 「10%以上」, 「90%以上100%以下」): what a banded answer
 * says about a value, for the caveat that its position inside the class is unknown. `top` is true
 * for the metric's last class (a closed top class holds its upper bound).
 */
export function boundsText(cls: BenchmarkClass, unit: string, top: boolean): string {
  const lo = cls.lower === undefined ? '' : `${valueText(cls.lower)}${unit}以上`;
  const hi = cls.upper === undefined ? '' : `${valueText(cls.upper)}${unit}${top ? '以下' : '未満'}`;
  return lo + hi;
}
