/**
 * Engine options: the defaults (docs/statistics.md, "Defaults") in one place, and one validator for option strings
 * (Plot's `keyword()` pattern) so MDX props and explorer URLs get the same short errors.
 */
import type { StatsOptions } from './types.ts';

export class StatsOptionError extends Error {
  override name = 'StatsOptionError';
}

/** Every default of the engine (docs/statistics.md, "Defaults"). Frozen: copy with `resolveStatsOptions`. */
export const defaultStatsOptions: Readonly<StatsOptions> = Object.freeze({
  level: 0.95,
  interval: 'wilson',
  alpha: 0.05,
  alpha2: null,
  adjust: 'bonferroni',
  cautionBase: 30,
  suppressBase: 10,
  percentBase: 'question',
  multiPercent: 'respondents',
  variance: 'design',
});

/** The entry of `allowed` that `input` names (case-insensitively), else `invalid <name>: <input>`. */
export function keyword<T extends string>(input: unknown, name: string, allowed: readonly T[]): T {
  const wanted = typeof input === 'string' ? input.toLowerCase() : null;
  const found = allowed.find((a) => a.toLowerCase() === wanted);
  if (found === undefined) throw new StatsOptionError(`invalid ${name}: ${String(input)} (expected ${allowed.join(', ')})`);
  return found;
}

function fraction(input: unknown, name: string): number {
  if (typeof input !== 'number' || !(input > 0 && input < 1)) throw new StatsOptionError(`invalid ${name}: ${String(input)} (expected a number between 0 and 1)`);
  return input;
}

function nonNegative(input: unknown, name: string): number {
  if (typeof input !== 'number' || !(input >= 0) || !Number.isFinite(input)) throw new StatsOptionError(`invalid ${name}: ${String(input)} (expected a number ≥ 0)`);
  return input;
}

/** Defaults overlaid with `options`, every field checked. */
export function resolveStatsOptions(options: Partial<StatsOptions> = {}): StatsOptions {
  const o = { ...defaultStatsOptions, ...options };
  return {
    level: fraction(o.level, 'level'),
    interval: keyword(o.interval, 'interval', ['wilson', 'clopper-pearson'] as const),
    alpha: fraction(o.alpha, 'alpha'),
    alpha2: o.alpha2 === null ? null : fraction(o.alpha2, 'alpha2'),
    adjust: keyword(o.adjust, 'adjust', ['bonferroni', 'bh', 'none'] as const),
    cautionBase: nonNegative(o.cautionBase, 'cautionBase'),
    suppressBase: nonNegative(o.suppressBase, 'suppressBase'),
    percentBase: keyword(o.percentBase, 'percentBase', ['question', 'valid', 'substantive'] as const),
    multiPercent: keyword(o.multiPercent, 'multiPercent', ['respondents', 'responses'] as const),
    variance: keyword(o.variance, 'variance', ['design', 'kish'] as const),
  };
}

/**
 * `options` with a wave's declared variance method (codebook `survey.variance`, docs/statistics.md,
 * §Weights) unless the caller chose one.
 */
export function withWaveVariance(options: Partial<StatsOptions>, declared: StatsOptions['variance'] | undefined): Partial<StatsOptions> {
  return declared !== undefined && options.variance === undefined ? { ...options, variance: declared } : options;
}
