/**
 * Disclosure risk of public-use rows (printed at build for `publish: microdata` waves, so an editor
 * opts in knowingly): respondents grouped by their answers to every public coded question (single,
 * ordinal, banded, grid rows, derived, and each multi-answer option); a row alone in its group is
 * sample-unique, and k is the size of the smallest group.
 */
import type { Dataset } from '../dataset/types.ts';
import { getBit } from '../dataset/bitset.ts';

export interface DisclosureRisk {
  rows: number;
  /** Rows whose combination of public coded answers no other row shares. */
  sampleUnique: number;
  /** Size of the smallest group of identical rows (k-anonymity of the file). */
  smallestK: number;
  /** Variables the groups were formed on. */
  variables: number;
}

export function disclosureRisk(dataset: Dataset): DisclosureRisk {
  const vars = [...dataset.variables.values()].filter((v) => v.kind === 'coded' || v.kind === 'multi');
  const groups = new Map<string, number>();
  const keys: string[] = [];
  for (let i = 0; i < dataset.n; i++) {
    const parts: string[] = [];
    for (const v of vars) {
      if (v.kind === 'coded') parts.push(String(v.index[i]));
      else if (v.kind === 'multi') parts.push(v.chosen.map((set) => (getBit(set, i) ? '1' : '0')).join(''));
    }
    const key = parts.join('|');
    keys.push(key);
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  let sampleUnique = 0;
  for (const key of keys) if (groups.get(key) === 1) sampleUnique++;
  const sizes = [...groups.values()];
  return { rows: dataset.n, sampleUnique, smallestK: sizes.length ? Math.min(...sizes) : 0, variables: vars.length };
}
