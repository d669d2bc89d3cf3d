/**
 * Significance between banner columns, row by row: the column-proportions z-test for every pair
 * of testable columns (letters on the higher cell) and each column against everyone not in it.
 * Weighted: p̂_w, Kish effective bases, pooled p̄ weighted by W (docs/statistics.md, "Significance letters").
 */
import type { StatsOptions } from './types.ts';
import { adjustPValues, kish, twoProportionZ } from './significance.ts';
import type { ProportionSample } from './significance.ts';
import type { Sums } from './tally.ts';
import { subtractSums } from './tally.ts';

/** Letter of banner column `k` (0-based): A … Z, then AA, AB … */
export function columnLetter(k: number): string {
  let s = '';
  let x = k;
  do {
    s = String.fromCharCode(65 + (x % 26)) + s;
    x = Math.floor(x / 26) - 1;
  } while (x >= 0);
  return s;
}

/** A cell as the tests see it: its sums and its column's percent-base sums. */
export interface TestCell {
  cell: Sums;
  base: Sums;
}

export function sample({ cell, base }: TestCell): ProportionSample {
  return { p: base.w > 0 ? cell.w / base.w : NaN, n: kish(base.w, base.w2), w: base.w };
}

/**
 * Letters for one row. `cells[c]` for banner columns c = 0 … k−1; `testable[c]` says whether a
 * column's base allows testing. Every pair of testable columns is one comparison of the family
 * (a pair with nothing to test, both 0 % or both 100 %, counts with p = 1).
 */
export function rowLetters(cells: TestCell[], testable: boolean[], letters: string[], options: StatsOptions): string[] {
  const pairs: Array<[number, number]> = [];
  const raw: number[] = [];
  const diff: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    if (!testable[i]) continue;
    for (let j = i + 1; j < cells.length; j++) {
      if (!testable[j]) continue;
      const a = sample(cells[i]);
      const b = sample(cells[j]);
      const test = twoProportionZ(a, b);
      pairs.push([i, j]);
      raw.push(test ? test.p : 1);
      diff.push(a.p - b.p);
    }
  }
  const adjusted = adjustPValues(raw, options.adjust);
  const upper: string[][] = cells.map(() => []);
  const lower: string[][] = cells.map(() => []);
  pairs.forEach(([i, j], m) => {
    if (diff[m] === 0) return;
    const [hi, lo] = diff[m] > 0 ? [i, j] : [j, i];
    if (adjusted[m] < options.alpha) upper[hi].push(letters[lo]);
    else if (options.alpha2 !== null && adjusted[m] < options.alpha2) lower[hi].push(letters[lo].toLowerCase());
  });
  return cells.map((_, c) => upper[c].join('') + lower[c].join(''));
}

/**
 * Each banner column against everyone not in it (total − column), adjusted across the tested
 * columns of the row with the same method as the letters. +1 above, −1 below, 0 otherwise.
 */
export function rowVsTotal(cells: TestCell[], total: TestCell, testable: boolean[], cautionBase: number, options: StatsOptions): Array<-1 | 0 | 1> {
  const tested: number[] = [];
  const raw: number[] = [];
  const sign: number[] = [];
  cells.forEach((c, k) => {
    const rest: TestCell = { cell: subtractSums(total.cell, c.cell), base: subtractSums(total.base, c.base) };
    if (!testable[k] || rest.base.n < cautionBase || rest.base.n <= 0) return;
    const a = sample(c);
    const b = sample(rest);
    const test = twoProportionZ(a, b);
    tested.push(k);
    raw.push(test ? test.p : 1);
    sign.push(Math.sign(a.p - b.p));
  });
  const adjusted = adjustPValues(raw, options.adjust);
  const out: Array<-1 | 0 | 1> = cells.map(() => 0);
  tested.forEach((k, m) => {
    if (adjusted[m] < options.alpha && sign[m] !== 0) out[k] = sign[m] as -1 | 1;
  });
  return out;
}
