/** The disclosure-risk summary printed for `publish: microdata` waves. */
import { describe, expect, it } from 'vitest';
import { disclosureRisk } from '../../../src/lib/publicuse/risk.ts';
import { makeDataset } from '../stats/helpers.ts';
import { syntheticDataset } from '../../../scripts/bench/synthetic.ts';

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
