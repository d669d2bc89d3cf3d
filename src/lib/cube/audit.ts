/**
 * A disclosure audit of a protected cube, played as an attacker with every cube file would
 * (docs/statistics.md, "Protected cube"), checked against the true microdata: the true
 * population of every cube query, every pair of queries one respondent apart, the differencing
 * attack on such pairs and the averaging attack that combines several pairs isolating the same
 * respondent. Used by the attack tests and `npm run bench cube`; never shipped to readers.
 */
import type { Bitset, Dataset } from '../dataset/types.ts';
import type { Codebook } from '../dataset/codebook.ts';
import { and, fullBitset, toIndices } from '../dataset/bitset.ts';
import { evaluateFilter } from '../dataset/filter.ts';
import { resolveVariable } from '../stats/population.ts';
import { mulberry32 } from '../random.ts';
import { cubePlan } from './plan.ts';
import type { QuestionCube } from './types.ts';

/** True populations of every cube query: (question universe, restriction, banner column). */
export function populations(ds: Dataset, codebook: Codebook) {
  const plan = cubePlan(codebook);
  const restrictionMasks = plan.restrictions.map((r) => (r.kind === 'universe' ? ds.universes.get(r.universe!)! : r.filter ? evaluateFilter(ds, r.filter) : fullBitset(ds.n)));
  const columnSets = new Map<string, Bitset | null>();
  for (const b of plan.banners) {
    if (b === null) continue;
    const v = resolveVariable(ds, b, 'banner').variable;
    if (v.kind === 'coded') for (const o of v.options) columnSets.set(`${b}=${o.code}`, evaluateFilter(ds, { q: b, in: [o.code] }));
  }
  const masks = new Map<string, Bitset>();
  const population = (universe: string, r: number, banner: string | null, key: string): Bitset => {
    const mk = `${universe}|${r}`;
    let m = masks.get(mk);
    if (!m) masks.set(mk, (m = and(ds.universes.get(universe)!, restrictionMasks[r])));
    return key === 'total' ? m : and(m, columnSets.get(`${banner}=${key}`)!);
  };
  return { population };
}

const answerCache = new Map<string, string[] | null>();
/** Each respondent's answer to a single-answer question as the cube's line key ('na' when unanswered). */
export function answers(ds: Dataset, question: string): string[] | null {
  const key = `${ds.codebook.survey.id}/${ds.codebook.survey.wave}/${question}`;
  if (!answerCache.has(key)) {
    const v = ds.variables.get(question);
    answerCache.set(key, !v || v.kind !== 'coded' ? null : Array.from(v.index, (k) => (k < 0 ? 'na' : String(v.options[k].code))));
  }
  return answerCache.get(key)!;
}

/**
 * Every pair of queries of the same question whose true populations differ by exactly one
 * respondent (independent of the build's guard: Zobrist hashes of every query's population,
 * P \ {i} looked up for every member i, candidates verified exactly).
 */
export function oneApartPairs(ds: Dataset, codebook: Codebook, cubes: Map<string, QuestionCube>) {
  const { population } = populations(ds, codebook);
  const random = mulberry32(99);
  const z = Array.from({ length: ds.n }, () => [(random() * 2 ** 32) >>> 0, (random() * 2 ** 32) >>> 0]);
  type Query = { b: number; r: number; c: number; size: number; bits: Bitset; h1: number; h2: number };
  const cube0 = cubes.values().next().value!;
  const byUniverse = new Map<string, { big: Query; small: Query; respondent: number }[]>();
  for (const universe of new Set([...cubes.values()].map((c) => c.meta.universe))) {
    const byHash = new Map<string, Query>();
    const queries: Query[] = [];
    cube0.banners.forEach((b, bi) =>
      cube0.restrictions.forEach((_, ri) =>
        b.columns.forEach((col, c) => {
          const bits = population(universe, ri, b.id, col.key);
          const who = toIndices(bits);
          if (who.length === 0) return;
          let h1 = 0;
          let h2 = 0;
          for (const i of who) ((h1 ^= z[i][0]), (h2 ^= z[i][1]));
          const q = { b: bi, r: ri, c, size: who.length, bits, h1: h1 >>> 0, h2: h2 >>> 0 };
          queries.push(q);
          if (!byHash.has(`${q.h1}:${q.h2}`)) byHash.set(`${q.h1}:${q.h2}`, q);
        }),
      ),
    );
    const found: { big: Query; small: Query; respondent: number }[] = [];
    for (const big of queries) {
      if (big.size < 2) continue;
      for (const i of toIndices(big.bits)) {
        const small = byHash.get(`${(big.h1 ^ z[i][0]) >>> 0}:${(big.h2 ^ z[i][1]) >>> 0}`);
        if (small && small.size === big.size - 1 && small.bits.every((w, k) => (w & ~big.bits[k]) === 0)) found.push({ big, small, respondent: i });
      }
    }
    byUniverse.set(universe, found);
  }
  const pairs: { question: string; big: Query; small: Query; respondent: number }[] = [];
  for (const [id, cube] of cubes) if (answers(ds, id)) for (const p of byUniverse.get(cube.meta.universe)!) pairs.push({ question: id, ...p });
  return pairs;
}

/** Plays the differencing attack on a cube; returns attack and marginal-guess success rates. */
export function playDifferencing(ds: Dataset, cubes: Map<string, QuestionCube>, pairs: ReturnType<typeof oneApartPairs>) {
  let attack = 0;
  let guess = 0;
  let played = 0;
  let attackPlayed = 0;
  let guessPlayed = 0;
  for (const { question, big, small, respondent } of pairs) {
    const cube = cubes.get(question)!;
    const truth = answers(ds, question)![respondent];
    const lines = cube.lines.map((l, j) => ({ key: l.key, j })).filter((l) => cube.lines[l.j].kind !== 'net');
    // The marginal guess: the most common answer in the published total of the question.
    const total = cube.cells[0][0][0];
    const mode = total ? lines.reduce((best, l) => (total.counts[2 + l.j] > total.counts[2 + best.j] ? l : best)).key : lines[0].key;
    const a = cube.cells[big.b][big.r][big.c];
    const b = cube.cells[small.b][small.r][small.c];
    let pick = mode;
    if (a && b) {
      played++;
      const diffs = lines.map((l) => ({ key: l.key, d: a.counts[2 + l.j] - b.counts[2 + l.j] }));
      const best = diffs.reduce((x, y) => (y.d > x.d ? y : x));
      if (best.d > 0) pick = best.key;
    }
    if (pick === truth) attack++;
    if (mode === truth) guess++;
    if (a && b && pick === truth) attackPlayed++;
    if (a && b && mode === truth) guessPlayed++;
  }
  return {
    attack: attack / pairs.length,
    guess: guess / pairs.length,
    played,
    pairs: pairs.length,
    /** On the pairs whose two columns are both published. */
    attackPlayed: played ? attackPlayed / played : 0,
    guessPlayed: played ? guessPlayed / played : 0,
  };
}


/**
 * The averaging attack: every pair that isolates the same respondent in the same question votes
 * (the line whose count rose); the majority names the answer, the marginal mode when no pair can
 * be played. Reported by number of playable pairs per respondent and question.
 */
export function averagingAttack(ds: Dataset, cubes: Map<string, QuestionCube>, pairs: ReturnType<typeof oneApartPairs>) {
  const groups = new Map<string, ReturnType<typeof oneApartPairs>>();
  for (const p of pairs) {
    const key = `${p.question}|${p.respondent}`;
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  const buckets = new Map<string, { targets: number; recovered: number; guessed: number }>();
  let recovered = 0;
  let guessed = 0;
  for (const list of groups.values()) {
    const { question, respondent } = list[0];
    const cube = cubes.get(question)!;
    const truth = answers(ds, question)![respondent];
    const lines = cube.lines.map((l, j) => ({ key: l.key, j })).filter((l) => cube.lines[l.j].kind !== 'net');
    const total = cube.cells[0][0][0];
    const mode = total ? lines.reduce((best, l) => (total.counts[2 + l.j] > total.counts[2 + best.j] ? l : best)).key : lines[0].key;
    const votes = new Map<string, number>();
    let playable = 0;
    for (const { big, small } of list) {
      const a = cube.cells[big.b][big.r][big.c];
      const b = cube.cells[small.b][small.r][small.c];
      if (!a || !b) continue;
      playable++;
      const best = lines.map((l) => ({ key: l.key, d: a.counts[2 + l.j] - b.counts[2 + l.j] })).reduce((x, y) => (y.d > x.d ? y : x));
      if (best.d > 0) votes.set(best.key, (votes.get(best.key) ?? 0) + 1);
    }
    const pick = votes.size > 0 ? [...votes].reduce((x, y) => (y[1] > x[1] ? y : x))[0] : mode;
    const bucket = playable === 0 ? '0' : playable === 1 ? '1' : playable <= 4 ? '2–4' : '5+';
    const b = buckets.get(bucket) ?? { targets: 0, recovered: 0, guessed: 0 };
    b.targets++;
    if (pick === truth) (b.recovered++, recovered++);
    if (mode === truth) (b.guessed++, guessed++);
    buckets.set(bucket, b);
  }
  return { targets: groups.size, recovered: recovered / Math.max(1, groups.size), guessed: guessed / Math.max(1, groups.size), buckets };
}
