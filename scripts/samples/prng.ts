/**
 * A tiny seeded pseudo-random generator (mulberry32) and the few draws the sample generator
 * needs. Same seed → same sequence on every platform (32-bit integer arithmetic only), so the
 * generated CSV files are byte-identical from run to run.
 */

import { fnv1a, mulberry32 as uniform } from '../../src/lib/random.ts';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A new generator whose stream depends only on this seed and `label` (stable sub-streams). */
  fork(label: string): Rng;
}

/** FNV-1a hash of a string to 32 bits, used to derive sub-stream seeds from labels. */
export const hash32 = (text: string): number => fnv1a(text);

/** mulberry32 (Tommy Ettinger): a 32-bit state generator, good enough for synthetic samples. */
export function mulberry32(seed: number): Rng {
  const next = uniform(seed);
  const rng: Rng = {
    next,
    normal() {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(p) {
      return next() < p;
    },
    pick(items) {
      return items[Math.floor(next() * items.length)];
    },
    fork(label) {
      return mulberry32((hash32(label) ^ seed) >>> 0);
    },
  };
  return rng;
}
