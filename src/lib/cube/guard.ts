/**
 * The differencing guard (docs/statistics.md, "Protected cube"). The cell key method gives the
 * same cell the same noise, so two published columns whose populations differ by exactly one
 * respondent share every cell except the one holding that respondent's answer: the one cell that
 * changes names the answer. The cube's query space is finite, so the build enumerates every
 * population a column can have — question universe ∩ restriction ∩ banner column — finds every
 * pair that differs by one respondent (Zobrist hashing: the hash of P \ {i} is hash(P) xor z_i),
 * and withholds one population of each pair (greedy vertex cover, keeping the more widely used
 * population). Identical populations are one vertex: they are published or withheld together.
 */
import type { Bitset } from '../dataset/types.ts';
import { count, createBitset, forEachBit } from '../dataset/bitset.ts';
import { mulberry32 } from '../random.ts';

/** Where the populations come from: masks (universe ∩ restriction) × column sets (total = null). */
export interface GuardInput {
  n: number;
  /** masks[m]: one per (question universe, restriction). */
  masks: Bitset[];
  /** columnSets[c]: one per banner column over all banners; null = the total column (no narrowing). */
  columnSets: (Bitset | null)[];
  /** Columns whose true base is below this are withheld anyway (not guarded). */
  threshold: number;
}

export interface GuardResult {
  /** withheld[m * columns + c]: the population of mask m × column c is withheld. */
  withheld: Uint8Array;
  /** Distinct populations (of at least `threshold` respondents) and one-respondent pairs found. */
  populations: number;
  pairs: number;
  /** Distinct populations withheld by the guard. */
  withheldPopulations: number;
}

/** Runs the guard over every mask × column population. */
export function differencingGuard(input: GuardInput): GuardResult {
  const { n, masks, columnSets, threshold } = input;
  const C = columnSets.length;
  const total = masks.length * C;
  const random = mulberry32(0x5eed1e55);
  const z1 = new Uint32Array(n);
  const z2 = new Uint32Array(n);
  for (let i = 0; i < n; i++) ((z1[i] = (random() * 2 ** 32) >>> 0), (z2[i] = (random() * 2 ** 32) >>> 0));
  const key = (h1: number, h2: number) => (h1 >>> 0) * 2 ** 21 + ((h2 >>> 0) >>> 11);

  // A population's bits, written into a scratch bitset (a build has hundreds of thousands of them).
  const scratch = createBitset(n);
  const other = createBitset(n);
  const population = (t: number, into: Bitset = scratch): Bitset => {
    const m = masks[Math.floor(t / C)];
    const set = columnSets[t % C];
    if (!set) return m;
    for (let w = 0; w < into.length; w++) into[w] = m[w] & set[w];
    return into;
  };
  // Distinct populations by hash: vertex id per tuple, members hashed once per vertex.
  const vertexOf = new Int32Array(total).fill(-1);
  const byHash = new Map<number, number>();
  const vertexTuple: number[] = [];
  const vertexSize: number[] = [];
  const vertexUse: number[] = [];
  const vertexH1: number[] = [];
  const vertexH2: number[] = [];
  for (let t = 0; t < total; t++) {
    const bits = population(t);
    const size = count(bits);
    if (size < threshold) continue;
    let h1 = 0;
    let h2 = 0;
    for (let word = 0; word < bits.length; word++) {
      let x = bits[word];
      while (x !== 0) {
        const low = x & -x;
        const i = (word << 5) | (31 - Math.clz32(low));
        x ^= low;
        h1 ^= z1[i];
        h2 ^= z2[i];
      }
    }
    const k = key(h1, h2);
    let v = byHash.get(k);
    if (v === undefined) {
      v = vertexTuple.length;
      byHash.set(k, v);
      vertexTuple.push(t);
      vertexSize.push(size);
      vertexUse.push(0);
      vertexH1.push(h1);
      vertexH2.push(h2);
    }
    vertexOf[t] = v;
    vertexUse[v]++;
  }
  // Edges: P and P \ {i}, both published candidates.
  const edges: [number, number][] = [];
  for (let v = 0; v < vertexTuple.length; v++) {
    if (vertexSize[v] - 1 < threshold) continue;
    const bits = population(vertexTuple[v]);
    forEachBit(bits, (i) => {
      const u = byHash.get(key(vertexH1[v] ^ z1[i], vertexH2[v] ^ z2[i]));
      if (u === undefined || vertexSize[u] !== vertexSize[v] - 1) return;
      // Verify exactly: Q ⊂ P (sizes then say P \ Q = {i}).
      const q = population(vertexTuple[u], other);
      if (q.every((word, x) => (word & ~bits[x]) === 0)) edges.push([v, u]);
    });
  }
  // Greedy cover: withhold the less used endpoint (then the smaller) of each uncovered pair.
  const out = new Uint8Array(vertexTuple.length);
  for (const [a, b] of edges) {
    if (out[a] || out[b]) continue;
    const pick = vertexUse[a] !== vertexUse[b] ? (vertexUse[a] < vertexUse[b] ? a : b) : vertexSize[a] <= vertexSize[b] ? a : b;
    out[pick] = 1;
  }
  const withheld = new Uint8Array(total);
  for (let t = 0; t < total; t++) if (vertexOf[t] >= 0 && out[vertexOf[t]]) withheld[t] = 1;
  return { withheld, populations: vertexTuple.length, pairs: edges.length, withheldPopulations: out.reduce((s, x) => s + x, 0) };
}
