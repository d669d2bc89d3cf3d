/**
 * Sets of respondents as bitsets: bit `i & 31` of word `i >>> 5` is respondent i. Bits past `n`
 * are always zero, so `count` never needs to know n. Binary operations return new bitsets; the
 * `…Into` variants overwrite their first argument (for tight loops that combine many sets).
 */
import type { Bitset } from './types.ts';

/** Words needed for a bitset of n respondents. */
export function bitsetWords(n: number): number {
  return (n + 31) >>> 5;
}

/** An empty set able to hold n respondents. */
export function createBitset(n: number): Bitset {
  return new Uint32Array(bitsetWords(n));
}

/** The set of all n respondents. */
export function fullBitset(n: number): Bitset {
  const bits = createBitset(n);
  bits.fill(0xffffffff);
  const tail = n & 31;
  if (tail !== 0) bits[bits.length - 1] = (1 << tail) - 1;
  return bits;
}

export function setBit(bits: Bitset, i: number): void {
  bits[i >>> 5] |= 1 << (i & 31);
}

export function clearBit(bits: Bitset, i: number): void {
  bits[i >>> 5] &= ~(1 << (i & 31));
}

export function getBit(bits: Bitset, i: number): boolean {
  return (bits[i >>> 5] & (1 << (i & 31))) !== 0;
}

/** a ∩ b. */
export function and(a: Bitset, b: Bitset): Bitset {
  return andInto(a.slice(), b);
}

/** a ∪ b. */
export function or(a: Bitset, b: Bitset): Bitset {
  return orInto(a.slice(), b);
}

/** a \ b (in a, not in b). */
export function andNot(a: Bitset, b: Bitset): Bitset {
  return andNotInto(a.slice(), b);
}

/** Everyone of the n respondents not in a. */
export function not(a: Bitset, n: number): Bitset {
  return andNotInto(fullBitset(n), a);
}

export function andInto(target: Bitset, b: Bitset): Bitset {
  for (let w = 0; w < target.length; w++) target[w] &= b[w];
  return target;
}

export function orInto(target: Bitset, b: Bitset): Bitset {
  for (let w = 0; w < target.length; w++) target[w] |= b[w];
  return target;
}

export function andNotInto(target: Bitset, b: Bitset): Bitset {
  for (let w = 0; w < target.length; w++) target[w] &= ~b[w];
  return target;
}

/** Number of set bits in one 32-bit word (SWAR popcount). */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Number of respondents in the set. */
export function count(bits: Bitset): number {
  let total = 0;
  for (let w = 0; w < bits.length; w++) if (bits[w] !== 0) total += popcount32(bits[w]);
  return total;
}

/** |a ∩ b| without allocating. */
export function countAnd(a: Bitset, b: Bitset): number {
  let total = 0;
  for (let w = 0; w < a.length; w++) {
    const x = a[w] & b[w];
    if (x !== 0) total += popcount32(x);
  }
  return total;
}

/** Calls `visit(i)` for every respondent i in the set, in ascending order. */
export function forEachBit(bits: Bitset, visit: (i: number) => void): void {
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w];
    while (word !== 0) {
      const low = word & -word;
      visit((w << 5) + (31 - Math.clz32(low)));
      word ^= low;
    }
  }
}

/** The members of the set in ascending order. */
export function toIndices(bits: Bitset): number[] {
  const out: number[] = [];
  forEachBit(bits, (i) => out.push(i));
  return out;
}

/**
 * A set of respondents whose size is not known in advance (rows marked while a file is read):
 * a bitset that grows on demand, allocated only once something is marked.
 */
export class GrowingBitset {
  private bits = new Uint32Array(0);
  add(i: number): void {
    const word = i >>> 5;
    if (word >= this.bits.length) {
      const next = new Uint32Array(Math.max(word + 1, this.bits.length * 2, 64));
      next.set(this.bits);
      this.bits = next;
    }
    this.bits[word] |= 1 << (i & 31);
  }
  has(i: number): boolean {
    const word = i >>> 5;
    return word < this.bits.length && (this.bits[word] & (1 << (i & 31))) !== 0;
  }
}

/** True when the set is empty. */
export function isEmpty(bits: Bitset): boolean {
  for (let w = 0; w < bits.length; w++) if (bits[w] !== 0) return false;
  return true;
}
