/**
 * Row shuffling for public-use files: a seeded permutation, and helpers that apply it to typed
 * arrays and bitsets. `permutation[j]` is the original row placed at row j.
 */
import type { Bitset } from '../dataset/types.ts';
import { createBitset, getBit, setBit } from '../dataset/bitset.ts';
import { mulberry32 } from '../random.ts';

/** A uniformly random permutation of 0..n-1 (Fisher–Yates) drawn from the seeded PRNG. */
export function permutation(n: number, seed: number): Uint32Array {
  const random = mulberry32(seed);
  const p = new Uint32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

/** The bitset with row j holding what row permutation[j] held. */
export function permuteBitset(bits: Bitset, perm: Uint32Array): Bitset {
  const out = createBitset(perm.length);
  for (let j = 0; j < perm.length; j++) if (getBit(bits, perm[j])) setBit(out, j);
  return out;
}

/** Any typed array with row j holding what row permutation[j] held. */
export function permuteValues<T extends Int16Array | Float64Array>(values: T, perm: Uint32Array): T {
  const out = new (values.constructor as new (n: number) => T)(perm.length);
  for (let j = 0; j < perm.length; j++) out[j] = values[perm[j]];
  return out;
}
