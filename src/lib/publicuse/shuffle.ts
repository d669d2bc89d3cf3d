/**
 * Row shuffling for public-use files: a seeded PRNG, a permutation, and helpers that apply the
 * permutation to typed arrays and bitsets. `permutation[j]` is the original row placed at row j.
 */
import type { Bitset } from '../dataset/types.ts';

/** FNV-1a 32-bit hash of a string: turns text (ids, names) into a PRNG seed. */
export function fnv1a(text: string, hash = 0x811c9dc5): number {
  let h = hash >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a small, fast, well-distributed 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

/** Words needed for a bitset of n respondents. */
export function bitsetWords(n: number): number {
  return (n + 31) >>> 5;
}

/** Whether bit i is set. */
export function hasBit(bits: Bitset, i: number): boolean {
  return (bits[i >>> 5] & (1 << (i & 31))) !== 0;
}

/** Sets bit i. */
export function setBit(bits: Bitset, i: number): void {
  bits[i >>> 5] |= 1 << (i & 31);
}

/** The bitset with row j holding what row permutation[j] held. */
export function permuteBitset(bits: Bitset, perm: Uint32Array): Bitset {
  const out = new Uint32Array(bitsetWords(perm.length));
  for (let j = 0; j < perm.length; j++) if (hasBit(bits, perm[j])) setBit(out, j);
  return out;
}

/** Any typed array with row j holding what row permutation[j] held. */
export function permuteValues<T extends Int16Array | Float64Array>(values: T, perm: Uint32Array): T {
  const out = new (values.constructor as new (n: number) => T)(perm.length);
  for (let j = 0; j < perm.length; j++) out[j] = values[perm[j]];
  return out;
}
