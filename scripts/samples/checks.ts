/**
 * The generator's own tally: every published target is asserted on the generated rows, and the
 * run fails listing every miss at once. This keeps the generator honest even before the engine
 * recomputes the figures in tests/unit/samples/figures.test.ts.
 */
export interface Checks {
  /** An exact integer (count or base). */
  equal(label: string, actual: number, expected: number): void;
  /** A condition described in words (ranking claims, medians, approximate shares). */
  holds(label: string, ok: boolean, detail?: string): void;
  /** Throws with every failure, or returns the number of checks passed. */
  finish(survey: string): number;
}

export function makeChecks(): Checks {
  const failures: string[] = [];
  let passed = 0;
  return {
    equal(label, actual, expected) {
      if (actual === expected) passed++;
      else failures.push(`${label}: got ${actual}, expected ${expected}`);
    },
    holds(label, ok, detail = '') {
      if (ok) passed++;
      else failures.push(`${label}${detail ? `: ${detail}` : ''}`);
    },
    finish(survey) {
      if (failures.length > 0) throw new Error(`${survey}: ${failures.length} generation check(s) failed:\n  ${failures.join('\n  ')}`);
      return passed;
    },
  };
}

/** Grouped median class of coded answers: index in `orderLowToHigh` of the class holding the N/2-th case. */
export function medianClass(values: number[], orderLowToHigh: number[]): number {
  const valid = values.filter((v) => orderLowToHigh.includes(v));
  const half = valid.length / 2;
  let cumulative = 0;
  for (let k = 0; k < orderLowToHigh.length; k++) {
    cumulative += valid.filter((v) => v === orderLowToHigh[k]).length;
    if (cumulative >= half) return orderLowToHigh[k];
  }
  return Number.NaN;
}

/** Round half up to `digits` decimals, on the exact ratio (as the reports print). */
export function roundHalfUp(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.floor(value * f + 0.5 + 1e-9) / f;
}
