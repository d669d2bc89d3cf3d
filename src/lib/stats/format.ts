/**
 * Display formatting, kept apart from computation: nothing in the engine reads these strings.
 * Rounding is half-up (四捨五入, half away from zero for negatives) on the decimal value, after
 * removing binary noise (0.1235 × 100 is 12.350000000000001 in binary; it rounds to 12.4).
 */
import type { Interval } from './types.ts';

export interface FormatOptions {
  /** Decimal places (default 1 for percentages, 0 for counts). */
  digits?: number;
  /** Text for a hidden (suppressed) value (default "*"). */
  suppressedText?: string;
  /** The value is suppressed (small base): show `suppressedText`. */
  suppressed?: boolean;
}

/** Text for a true zero and for a missing value (base 0). */
export const DASH = '–';

/** x rounded half-up to `digits` decimals. */
export function roundHalfUp(x: number, digits = 0): number {
  if (!Number.isFinite(x)) return x;
  const clean = Number(x.toPrecision(12));
  const factor = 10 ** digits;
  const scaled = Number((Math.abs(clean) * factor).toPrecision(12));
  return (Math.sign(clean) * Math.floor(scaled + 0.5)) / factor;
}

/** A p-value as printed next to a test: "p = 0.061", or "p < 0.001". */
export function formatP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/**
 * One formatter per count of decimals: building an `Intl.NumberFormat` per call (what
 * `toLocaleString` with options does) took 31 % of a 16-wave build (issue 12).
 */
const formatters = new Map<number, Intl.NumberFormat>();

function formatter(digits: number): Intl.NumberFormat {
  let f = formatters.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(digits, f);
  }
  return f;
}

/** A number with fixed decimals, thousands separated, half-up; "–" for NaN. */
export function formatNumber(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return DASH;
  const r = roundHalfUp(x, digits);
  return formatter(digits).format(r === 0 ? 0 : r);
}

/**
 * A proportion (0–1) as a percentage without the sign: "12.3"; "–" for a true zero or no base;
 * "0.0" for a non-zero value that rounds to zero; `suppressedText` when suppressed.
 */
export function formatPercent(p: number, opts: FormatOptions = {}): string {
  if (opts.suppressed) return opts.suppressedText ?? '*';
  if (!Number.isFinite(p) || p === 0) return DASH;
  return formatNumber(p * 100, opts.digits ?? 1);
}

/** A count (weighted counts may take `digits`): "1,234"; "–" for zero. */
export function formatCount(n: number, opts: FormatOptions = {}): string {
  if (!Number.isFinite(n) || n === 0) return DASH;
  return formatNumber(n, opts.digits ?? 0);
}

/** A base as labelled on every table and chart: "n=221". */
export function formatBase(n: number): string {
  return `n=${formatNumber(n, 0)}`;
}

/** A confidence interval of a proportion in percent: "18.1–45.4". */
export function formatInterval(ci: Interval | null, opts: FormatOptions = {}): string {
  if (!ci) return DASH;
  const digits = opts.digits ?? 1;
  return `${formatNumber(ci.low * 100, digits)}–${formatNumber(ci.high * 100, digits)}`;
}
