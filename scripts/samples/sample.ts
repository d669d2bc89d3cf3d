/**
 * The respondent table the generator fills in, column by column, and the allocation helpers that
 * hit published counts exactly while letting latent traits shape who gets which answer.
 *
 * Allocation is always "exact counts, ordered by a score": respondents in a group are sorted by
 * score + noise and handed out the planned codes in order. The counts reproduce the published
 * marginals; the score carries the designed relationships (documented in each codebook's notes).
 */
import type { Rng } from './prng.ts';

/** A cell: option code or number, free text, or null (blank: not asked). */
export type Cell = number | string | null;

export interface Sample {
  n: number;
  /** Column name → one cell per respondent (row order = id order). */
  columns: Map<string, Cell[]>;
}

/** A plan of exact counts: `[code, count]` in the order codes are handed out (highest score first). */
export type Plan = Array<[code: number, count: number]>;

export function createSample(n: number): Sample {
  return { n, columns: new Map() };
}

/** Column cells, created blank on first use. */
export function column(sample: Sample, name: string): Cell[] {
  let cells = sample.columns.get(name);
  if (!cells) {
    cells = new Array<Cell>(sample.n).fill(null);
    sample.columns.set(name, cells);
  }
  return cells;
}

/** Value of one cell (null when blank or never written). */
export function cell(sample: Sample, name: string, i: number): Cell {
  return sample.columns.get(name)?.[i] ?? null;
}

/** Respondent indices 0..n-1. */
export function everyone(sample: Sample): number[] {
  return Array.from({ length: sample.n }, (_, i) => i);
}

/** Indices whose column equals one of the codes. */
export function where(sample: Sample, name: string, codes: number[], among: number[] = everyone(sample)): number[] {
  const cells = column(sample, name);
  return among.filter((i) => codes.includes(cells[i] as number));
}

/** Sort indices by score + noise, highest first (ties broken by the generator's own draws). */
export function rank(indices: number[], score: (i: number) => number, rng: Rng, noise: number): number[] {
  const keyed = indices.map((i) => ({ i, key: score(i) + noise * rng.normal() }));
  keyed.sort((a, b) => b.key - a.key || a.i - b.i);
  return keyed.map((k) => k.i);
}

function checkPlan(what: string, plan: Plan, size: number): void {
  const total = plan.reduce((s, [, c]) => s + c, 0);
  if (total !== size || plan.some(([, c]) => c < 0 || !Number.isInteger(c))) {
    throw new Error(`${what}: plan ${JSON.stringify(plan)} sums to ${total}, group has ${size}`);
  }
}

/** Single answer: hand out the plan's codes in order to the group ranked by score. */
export function assignSingle(sample: Sample, name: string, group: number[], plan: Plan, score: (i: number) => number, rng: Rng, noise = 1): void {
  checkPlan(name, plan, group.length);
  const cells = column(sample, name);
  const ranked = rank(group, score, rng, noise);
  let k = 0;
  for (const [code, count] of plan) for (let c = 0; c < count; c++) cells[ranked[k++]] = code;
}

/** Numeric answer: set a value per respondent. */
export function assignNumbers(sample: Sample, name: string, group: number[], value: (i: number) => number): void {
  const cells = column(sample, name);
  for (const i of group) cells[i] = value(i);
}

/** Multi answer: open every option column with 0 for the group (they were asked). */
export function openMulti(sample: Sample, name: string, codes: number[], group: number[]): void {
  for (const code of codes) {
    const cells = column(sample, `${name}__${code}`);
    for (const i of group) cells[i] = 0;
  }
}

/** Multi answer: exactly `count` of `among` choose the option, those with the highest score. */
export function choose(sample: Sample, name: string, code: number, among: number[], count: number, score: (i: number) => number, rng: Rng, noise = 1): void {
  if (count > among.length || count < 0) throw new Error(`${name}__${code}: cannot choose ${count} of ${among.length}`);
  const cells = column(sample, `${name}__${code}`);
  for (const i of rank(among, score, rng, noise).slice(0, count)) cells[i] = 1;
}

/** Number of options a respondent chose on a multi question. */
export function picks(sample: Sample, name: string, codes: number[], i: number): number {
  return codes.reduce((s, code) => s + (cell(sample, `${name}__${code}`, i) === 1 ? 1 : 0), 0);
}

/**
 * Give every respondent of `group` at least one of `codes` without changing any option's count:
 * a pick is moved from a respondent holding two or more to one holding none. Fails loudly when
 * the counts cannot cover the group.
 */
export function coverEveryone(sample: Sample, name: string, codes: number[], group: number[]): void {
  const empty = group.filter((i) => picks(sample, name, codes, i) === 0);
  for (const i of empty) {
    let moved = false;
    for (const code of codes) {
      const cells = column(sample, `${name}__${code}`);
      const donor = group.find((j) => cells[j] === 1 && picks(sample, name, codes, j) >= 2);
      if (donor !== undefined) {
        cells[donor] = 0;
        cells[i] = 1;
        moved = true;
        break;
      }
    }
    if (!moved) throw new Error(`${name}: cannot give respondent ${i} an answer without changing published counts`);
  }
}

/** Count of respondents among `group` whose column equals `code` (multi: `name__code` = 1). */
export function count(sample: Sample, name: string, code: number, group: number[]): number {
  const cells = column(sample, name);
  return group.reduce((s, i) => s + (cells[i] === code ? 1 : 0), 0);
}

/** Split `total` into integer counts proportional to `shares` (largest remainder; deterministic). */
export function apportion(total: number, shares: number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((s) => (s / sum) * total);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, k) => ({ k, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.k - b.k);
  for (let j = 0; left > 0; j++, left--) out[order[j % order.length].k]++;
  return out;
}

/** A plan from codes and shares of a group size (designed, not published, counts). */
export function planFromShares(codes: number[], shares: number[], size: number): Plan {
  const counts = apportion(size, shares);
  return codes.map((code, k) => [code, counts[k]]);
}
