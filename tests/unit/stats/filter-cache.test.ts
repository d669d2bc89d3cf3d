/**
 * The filter cache of src/lib/stats/population.ts: each ad-hoc filter of a dataset is evaluated
 * once and reused, at most 256 per dataset (then the cache starts afresh), and `forgetFilters`
 * drops it. `evaluateFilter` is wrapped in a spy to count the evaluations.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { crosstab, forgetFilters } from '../../../src/lib/stats/index.ts';
import { evaluateFilter } from '../../../src/lib/dataset/filter.ts';
import type { Dataset } from '../../../src/lib/dataset/types.ts';
import { makeDataset } from './helpers.ts';

vi.mock('../../../src/lib/dataset/filter.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/lib/dataset/filter.ts')>();
  return { ...original, evaluateFilter: vi.fn(original.evaluateFilter) };
});

const evaluations = () => vi.mocked(evaluateFilter).mock.calls.length;
/** A distinct filter for every k (num ≥ k). */
const atLeast = (k: number) => ({ q: 'num', range: { min: k } });

let d: Dataset;
beforeEach(() => {
  d = makeDataset([
    { seg: 1, num: 10 },
    { seg: 2, num: 20 },
    { seg: 3, num: 30 },
  ]);
  vi.mocked(evaluateFilter).mockClear();
});

describe('filter cache', () => {
  it('evaluates a filter once per dataset and reuses its bitset', () => {
    const spec = { question: 'seg', filters: [atLeast(15)] };
    expect(crosstab(d, spec).columns[0].n).toBe(2);
    expect(crosstab(d, { ...spec, banner: 'seg' }).columns[0].n).toBe(2);
    expect(evaluations()).toBe(1);
    // Same filter written anew: same key, still cached.
    expect(crosstab(d, { question: 'seg', filters: [{ q: 'num', range: { min: 15 } }] }).columns[0].n).toBe(2);
    expect(evaluations()).toBe(1);
    // Another dataset has its own cache.
    const other = makeDataset([{ seg: 1, num: 40 }]);
    expect(crosstab(other, spec).columns[0].n).toBe(1);
    expect(evaluations()).toBe(2);
  });
  it('evaluates again after forgetFilters', () => {
    const spec = { question: 'seg', filters: [atLeast(15)] };
    crosstab(d, spec);
    forgetFilters(d);
    expect(crosstab(d, spec).columns[0].n).toBe(2);
    expect(evaluations()).toBe(2);
  });
  it('holds 256 filters, and starts afresh when a 257th comes', () => {
    for (let k = 0; k < 256; k++) crosstab(d, { question: 'seg', filters: [atLeast(k)] });
    expect(evaluations()).toBe(256);
    // All 256 still cached.
    crosstab(d, { question: 'seg', filters: [atLeast(0)] });
    crosstab(d, { question: 'seg', filters: [atLeast(255)] });
    expect(evaluations()).toBe(256);
    // The 257th distinct filter clears the cache, so filter 0 is evaluated again.
    crosstab(d, { question: 'seg', filters: [atLeast(256)] });
    expect(evaluations()).toBe(257);
    crosstab(d, { question: 'seg', filters: [atLeast(0)] });
    expect(evaluations()).toBe(258);
    // … while the 257th stays cached.
    crosstab(d, { question: 'seg', filters: [atLeast(256)] });
    expect(evaluations()).toBe(258);
  });
});
