/**
 * The tight passes over typed arrays: every count of a table comes from here. A tally holds,
 * per slot (banner position + 1; slot 0 = no banner answer) and per row, the unweighted count,
 * the weighted count Σw and Σw² (for Kish bases). Weighted sums are absent when unweighted.
 */
import type { Bitset } from '../dataset/types.ts';

export interface Tally {
  rows: number;
  slots: number;
  count: Float64Array;
  sumW: Float64Array | null;
  sumW2: Float64Array | null;
}

export function createTally(rows: number, slots: number, weighted: boolean): Tally {
  const size = rows * slots;
  return { rows, slots, count: new Float64Array(size), sumW: weighted ? new Float64Array(size) : null, sumW2: weighted ? new Float64Array(size) : null };
}

/**
 * For every respondent i in `mask`: row = `rowIndex[i]` (−1 → row `rows − 1`, the 無回答 row),
 * slot = `slotIndex[i] + 1` (or `fixedSlot` when `slotIndex` is null).
 */
export function tallyCoded(tally: Tally, mask: Bitset, rowIndex: Int16Array, slotIndex: Int16Array | null, weights: Float64Array | null, fixedSlot = 0): Tally {
  const { rows, count, sumW, sumW2 } = tally;
  const last = rows - 1;
  for (let word = 0; word < mask.length; word++) {
    let bits = mask[word];
    while (bits !== 0) {
      const low = bits & -bits;
      const i = (word << 5) | (31 - Math.clz32(low));
      bits ^= low;
      const k = rowIndex[i];
      const cell = (slotIndex === null ? fixedSlot : slotIndex[i] + 1) * rows + (k < 0 ? last : k);
      count[cell] += 1;
      if (weights !== null) {
        const w = weights[i];
        sumW![cell] += w;
        sumW2![cell] += w * w;
      }
    }
  }
  return tally;
}

/** Like `tallyCoded` for a set membership: row `row` for every respondent in `mask ∩ set`. */
export function tallySet(tally: Tally, mask: Bitset, set: Bitset, row: number, slotIndex: Int16Array | null, weights: Float64Array | null, fixedSlot = 0): Tally {
  const { rows, count, sumW, sumW2 } = tally;
  if (weights === null && slotIndex !== null) return countSetBySlot(tally, mask, set, row, slotIndex);
  for (let word = 0; word < mask.length; word++) {
    let bits = mask[word] & set[word];
    while (bits !== 0) {
      const low = bits & -bits;
      const i = (word << 5) | (31 - Math.clz32(low));
      bits ^= low;
      const cell = (slotIndex === null ? fixedSlot : slotIndex[i] + 1) * rows + row;
      count[cell] += 1;
      if (weights !== null) {
        const w = weights[i];
        sumW![cell] += w;
        sumW2![cell] += w * w;
      }
    }
  }
  return tally;
}

/** The unweighted, single-answer-banner case of `tallySet`: the multi-answer hot loop. */
function countSetBySlot(tally: Tally, mask: Bitset, set: Bitset, row: number, slotIndex: Int16Array): Tally {
  const { rows, count } = tally;
  const offset = rows + row;
  for (let word = 0; word < mask.length; word++) {
    let bits = mask[word] & set[word];
    while (bits !== 0) {
      const low = bits & -bits;
      count[slotIndex[(word << 5) | (31 - Math.clz32(low))] * rows + offset] += 1;
      bits ^= low;
    }
  }
  return tally;
}

/** Per-column sums for one row: count, Σw, Σw² (Σw = count when unweighted). */
export interface Sums {
  n: number;
  w: number;
  w2: number;
}

export function sumsAt(tally: Tally, slot: number, row: number): Sums {
  const cell = slot * tally.rows + row;
  const n = tally.count[cell];
  return { n, w: tally.sumW ? tally.sumW[cell] : n, w2: tally.sumW2 ? tally.sumW2[cell] : n };
}

/** Sums of `row` over every slot (the total column of a non-overlapping banner). */
export function sumsOverSlots(tally: Tally, row: number): Sums {
  const out = { n: 0, w: 0, w2: 0 };
  for (let s = 0; s < tally.slots; s++) {
    const x = sumsAt(tally, s, row);
    out.n += x.n;
    out.w += x.w;
    out.w2 += x.w2;
  }
  return out;
}

export function addSums(a: Sums, b: Sums): Sums {
  return { n: a.n + b.n, w: a.w + b.w, w2: a.w2 + b.w2 };
}

export function subtractSums(a: Sums, b: Sums): Sums {
  return { n: a.n - b.n, w: a.w - b.w, w2: a.w2 - b.w2 };
}

export const zeroSums: Sums = Object.freeze({ n: 0, w: 0, w2: 0 });
