/** The disclosure-risk summary printed for `publish: microdata` waves. */
import { describe, expect, it } from 'vitest';
import { disclosureRisk } from '../../../src/lib/publicuse/risk.ts';
import { makeDataset } from '../stats/helpers.ts';
import { syntheticDataset } from '../../../scripts/bench/synthetic.ts';
import { bits, tinyDataset } from '../publicuse/tiny.ts';
import type { Dataset, Variable } from '../../../src/lib/dataset/types.ts';

describe('disclosure risk of public-use rows', () => {
  it('counts rows alone in their group of identical coded answers and the smallest group', () => {
    // seg × sa: (1,1) ×3, (1,2) ×2, (1,3) ×1 → one sample-unique row, smallest k = 1.
    const ds = makeDataset([
      ...Array.from({ length: 3 }, () => ({ seg: 1, sa: 1 })),
      ...Array.from({ length: 2 }, () => ({ seg: 1, sa: 2 })),
      { seg: 1, sa: 3 },
    ]);
    const risk = disclosureRisk(ds);
    expect(risk.rows).toBe(6);
    expect(risk.sampleUnique).toBe(1);
    expect(risk.smallestK).toBe(1);
    expect(risk.variables).toBeGreaterThanOrEqual(2);
  });

  it('has no unique rows and k = group size when every row repeats', () => {
    const ds = makeDataset([...Array.from({ length: 4 }, () => ({ seg: 1, sa: 1 })), ...Array.from({ length: 4 }, () => ({ seg: 1, sa: 2 }))]);
    expect(disclosureRisk(ds)).toMatchObject({ rows: 8, sampleUnique: 0, smallestK: 4 });
  });

  it('tells multi-answer rows apart by the options chosen', () => {
    const ds = syntheticDataset({ n: 300, questions: 5, seed: 9 });
    const full = disclosureRisk(ds);
    // Dropping the multi-answer question (q5) can only merge groups: fewer or as many unique rows.
    const variables = new Map([...ds.variables].filter(([id]) => id !== 'q5'));
    const fewer = disclosureRisk({ ...ds, variables });
    expect(fewer.variables).toBe(full.variables - 1);
    expect(fewer.sampleUnique).toBeLessThan(full.sampleUnique);
    expect(full.sampleUnique).toBeLessThanOrEqual(300);
    expect(fewer.smallestK).toBeGreaterThanOrEqual(1);
  });

  it('an empty dataset has k = 0', () => {
    const ds = syntheticDataset({ n: 0, questions: 1, seed: 1 });
    expect(disclosureRisk(ds)).toMatchObject({ rows: 0, sampleUnique: 0, smallestK: 0 });
  });
});

describe('disclosure risk, row by row', () => {
  /** Six rows: coded a, multi m (2 options), and a numeric and a text column that must not count. */
  const sixRows = (a: number[], m0: number[], m1: number[]): Dataset => {
    const ds = tinyDataset();
    const n = 6;
    const options = Array.from({ length: 12 }, (_, k) => ({ code: k + 1, label: `o${k}` }));
    const variables = new Map<string, Variable>([
      ['a', { kind: 'coded', id: 'a', label: 'A', options, index: Int16Array.from(a), answered: bits([], n) }],
      ['m', { kind: 'multi', id: 'm', label: 'M', options: options.slice(0, 2), chosen: [bits(m0, n), bits(m1, n)], answered: bits([0, 1, 2, 3, 4, 5], n) }],
      ['x', { kind: 'numeric', id: 'x', label: 'X', values: Float64Array.from([1, 2, 3, 4, 5, 6]), answered: bits([0, 1, 2, 3, 4, 5], n) }],
      ['t', { kind: 'text', id: 't', label: 'T', values: ['a', 'b', 'c', 'd', 'e', 'f'], answered: bits([0, 1, 2, 3, 4, 5], n) }],
    ]);
    return { ...ds, n, ids: [], weights: null, variables };
  };

  it('groups rows on coded answers and multi-answer options only, not numbers or text', () => {
    // Keys: (0,10) (0,10) (0,01) (1,10) (1,00) (−1,00): one pair and four rows alone.
    const ds = sixRows([0, 0, 0, 1, 1, -1], [0, 1, 3], [2]);
    expect(disclosureRisk(ds)).toEqual({ rows: 6, sampleUnique: 4, smallestK: 1, variables: 2 });
  });

  it('tells rows apart by which option of a multi answer they chose, and by no answer (−1)', () => {
    // Same coded answer everywhere; m splits rows into {0,1} chose option 1, {2,3} option 2, {4,5} none.
    expect(disclosureRisk(sixRows([0, 0, 0, 0, 0, 0], [0, 1], [2, 3]))).toEqual({ rows: 6, sampleUnique: 0, smallestK: 2, variables: 2 });
    // Rows 4 and 5 differ only by −1 (no answer) against position 0.
    expect(disclosureRisk(sixRows([0, 0, 0, 0, 0, -1], [0, 1], [2, 3]))).toEqual({ rows: 6, sampleUnique: 2, smallestK: 1, variables: 2 });
  });

  it('keeps the answers of different variables apart (1 then 12 is not 11 then 2)', () => {
    const ds = sixRows([1, 11, 1, 11, 1, 11], [], []);
    const a = ds.variables.get('a')!;
    if (a.kind !== 'coded') throw new Error('fixture changed');
    const b: Variable = { ...a, id: 'b', index: Int16Array.from([11, 1, 11, 1, 11, 1]) };
    // b next to a: without a separator "1" + "11" and "11" + "1" would read alike.
    const variables = new Map([['a', a], ['b', b], ...[...ds.variables].filter(([id]) => id !== 'a')]);
    expect([...variables.keys()]).toEqual(['a', 'b', 'm', 'x', 't']);
    expect(disclosureRisk({ ...ds, variables })).toEqual({ rows: 6, sampleUnique: 0, smallestK: 3, variables: 3 });
  });

  it('reports the smallest group, not the largest', () => {
    // Groups of 4 and 2.
    expect(disclosureRisk(sixRows([0, 0, 0, 0, 1, 1], [], []))).toEqual({ rows: 6, sampleUnique: 0, smallestK: 2, variables: 2 });
  });
});
