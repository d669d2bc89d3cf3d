/** The seeded row shuffle of public-use files. */
import { describe, expect, it } from 'vitest';
import { permutation, permuteBitset, permuteValues } from '../../../src/lib/publicuse/shuffle.ts';

describe('permutation', () => {
  it('is a permutation of 0..n-1, the same for the same seed', () => {
    for (const n of [0, 1, 2, 7, 100]) {
      const p = permutation(n, 123);
      expect(p).toBeInstanceOf(Uint32Array);
      expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      expect(permutation(n, 123)).toEqual(p);
    }
  });

  it('draws each of the 6 orders of 3 rows about equally often over seeds (Fisher–Yates)', () => {
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 6000; seed++) {
      const key = permutation(3, seed).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['012', '021', '102', '120', '201', '210']);
    // Expected 1000 each; a binomial standard deviation is about 29.
    for (const c of counts.values()) expect(Math.abs(c - 1000)).toBeLessThan(150);
  });

  it('leaves a row in place about 1/n of the time', () => {
    let fixed = 0;
    for (let seed = 0; seed < 2000; seed++) if (permutation(4, seed)[3] === 3) fixed++;
    expect(Math.abs(fixed - 500)).toBeLessThan(80);
  });
});

describe('permuting rows', () => {
  it('puts original row perm[j] at row j of a bitset, and nothing past n', () => {
    const perm = Uint32Array.from([2, 0, 4, 1, 3]);
    // Rows 0 and 4 set: they land at rows 1 (perm[1] = 0) and 2 (perm[2] = 4).
    expect([...permuteBitset(Uint32Array.from([0b10001]), perm)]).toEqual([0b00110]);
    // Every row set: every row set, and no bit past row 4.
    expect([...permuteBitset(Uint32Array.from([0b11111]), perm)]).toEqual([0b11111]);
    expect([...permuteBitset(Uint32Array.from([0]), perm)]).toEqual([0]);
  });

  it('spans words: row 40 of 64 moves to row 0', () => {
    const perm = Uint32Array.from({ length: 64 }, (_, j) => (j === 0 ? 40 : j === 40 ? 0 : j));
    const bits = new Uint32Array(2);
    bits[1] = 1 << 8; // row 40
    expect([...permuteBitset(bits, perm)]).toEqual([1, 0]);
  });

  it('puts original value perm[j] at row j of a typed array of the same type', () => {
    const perm = Uint32Array.from([2, 0, 1]);
    const ints = permuteValues(Int16Array.from([10, -1, 30]), perm);
    expect(ints).toBeInstanceOf(Int16Array);
    expect([...ints]).toEqual([30, 10, -1]);
    const floats = permuteValues(Float64Array.from([0.5, NaN, 2]), perm);
    expect(floats).toBeInstanceOf(Float64Array);
    expect([...floats]).toEqual([2, 0.5, NaN]);
  });
});
