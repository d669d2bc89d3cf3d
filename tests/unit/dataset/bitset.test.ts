import { describe, expect, it } from 'vitest';
import { and, andNot, bitsetWords, count, countAnd, createBitset, forEachBit, fullBitset, getBit, GrowingBitset, isEmpty, not, or, popcount32, setBit, clearBit, toIndices } from '../../../src/lib/dataset/bitset.ts';

const of = (n: number, members: number[]) => {
  const bits = createBitset(n);
  members.forEach((i) => setBit(bits, i));
  return bits;
};

describe('bitset', () => {
  it('createBitset(n) holds n respondents in ceil(n / 32) words, all clear', () => {
    expect(createBitset(0).length).toBe(0);
    expect(createBitset(32).length).toBe(1);
    expect(createBitset(33).length).toBe(2);
    expect(isEmpty(createBitset(100))).toBe(true);
  });
  it('setBit / getBit / clearBit address single respondents, including bit 31 and word boundaries', () => {
    const bits = of(70, [0, 31, 32, 69]);
    expect([0, 1, 31, 32, 33, 69].map((i) => getBit(bits, i))).toEqual([true, false, true, true, false, true]);
    clearBit(bits, 31);
    expect(getBit(bits, 31)).toBe(false);
  });
  it('fullBitset(n) sets exactly n bits (the tail stays clear)', () => {
    for (const n of [0, 1, 31, 32, 33, 100]) expect(count(fullBitset(n))).toBe(n);
  });
  it('and / or / andNot / not combine sets without touching their inputs', () => {
    const a = of(40, [1, 2, 3, 35]);
    const b = of(40, [2, 3, 4, 39]);
    expect(toIndices(and(a, b))).toEqual([2, 3]);
    expect(toIndices(or(a, b))).toEqual([1, 2, 3, 4, 35, 39]);
    expect(toIndices(andNot(a, b))).toEqual([1, 35]);
    expect(count(not(a, 40))).toBe(36);
    expect(toIndices(a)).toEqual([1, 2, 3, 35]);
  });
  it('count and countAnd agree with a naive count', () => {
    const members = Array.from({ length: 500 }, (_, i) => i).filter((i) => (i * 7919) % 3 === 0);
    const a = of(500, members);
    const b = of(500, members.filter((i) => i % 2 === 0));
    expect(count(a)).toBe(members.length);
    expect(countAnd(a, b)).toBe(members.filter((i) => i % 2 === 0).length);
  });
  it('popcount32 counts bits of unsigned words', () => {
    expect([0, 1, 0xff, 0xffffffff, 0x80000000].map(popcount32)).toEqual([0, 1, 8, 32, 1]);
  });
  it('forEachBit visits members in ascending order', () => {
    const seen: number[] = [];
    forEachBit(of(100, [99, 0, 64, 31]), (i) => seen.push(i));
    expect(seen).toEqual([0, 31, 64, 99]);
  });
});

describe('bitset: growing, emptiness, word boundaries', () => {
  it('GrowingBitset grows to hold any index and answers has() for indices it never reached', () => {
    const g = new GrowingBitset();
    expect(g.has(0)).toBe(false);
    g.add(5);
    g.add(31);
    g.add(2047);
    g.add(2048);
    g.add(100_000);
    expect([0, 5, 6, 31, 32, 2047, 2048, 2049, 100_000, 100_001, 1e7].map((i) => g.has(i))).toEqual([false, true, false, true, false, true, true, false, true, false, false]);
  });
  it('isEmpty sees a member in any word', () => {
    expect(isEmpty(of(100, [99]))).toBe(false);
    expect(isEmpty(of(100, [0]))).toBe(false);
    expect(isEmpty(createBitset(0))).toBe(true);
  });
  it('not leaves the tail beyond n clear, and the combinators work on every word', () => {
    expect(toIndices(not(of(35, [0, 33]), 35))).toEqual([...Array.from({ length: 32 }, (_, i) => i + 1), 34]);
    const a = of(100, [5, 40, 70, 99]);
    const b = of(100, [40, 99]);
    expect(toIndices(and(a, b))).toEqual([40, 99]);
    expect(toIndices(andNot(a, b))).toEqual([5, 70]);
    expect(toIndices(or(b, of(100, [70])))).toEqual([40, 70, 99]);
    expect(countAnd(a, b)).toBe(2);
    expect(bitsetWords(64)).toBe(2);
    expect(bitsetWords(65)).toBe(3);
    expect(getBit(fullBitset(33), 32)).toBe(true);
    expect(fullBitset(33)[1]).toBe(1);
  });
});
