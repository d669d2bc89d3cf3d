import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadWave } from '../../../src/lib/dataset/load.ts';
import { evaluateFilter, FilterError } from '../../../src/lib/dataset/filter.ts';
import { toIndices } from '../../../src/lib/dataset/bitset.ts';

const root = 'tests/fixtures/dataset/valid/sample/2025';
// Built before each test (not at module level) so that mutation testing can trace coverage to a test.
let d: NonNullable<Extract<ReturnType<typeof loadWave>, { ok: true }>['value']['dataset']>;
beforeEach(() => {
  const result = loadWave({
    codebookPath: `${root}/codebook.yaml`,
    codebookText: readFileSync(`${root}/codebook.yaml`, 'utf8'),
    responsesBytes: new Uint8Array(readFileSync(`${root}/responses.csv`)),
  });
  if (!result.ok) throw new Error('valid fixture does not load');
  d = result.value.dataset!;
});
const rows = (f: Parameters<typeof evaluateFilter>[1]) => toIndices(evaluateFilter(d, f));

describe('evaluateFilter', () => {
  it('in: single answer codes (not positions)', () => {
    expect(rows({ q: 'sector', in: [2] })).toEqual([2, 4, 5, 8, 10]);
    expect(rows({ q: 'cs_effect', in: [4, 5] })).toEqual([0, 1, 6, 9, 11]);
  });
  it('includesAny / includesAll: multi answers', () => {
    expect(rows({ q: 'tools', includesAny: [2, 3] })).toEqual([0, 3, 4, 5, 6, 9]);
    expect(rows({ q: 'tools', includesAll: [1, 2] })).toEqual([0, 6]);
  });
  it('range: numeric values inclusive, either bound optional; on coded variables it compares codes', () => {
    expect(rows({ q: 'employees', range: { min: 100, max: 300 } })).toEqual([0, 2, 6, 10]);
    expect(rows({ q: 'employees', range: { max: 30 } })).toEqual([5, 7]);
    expect(rows({ q: 'cs_effect', range: { min: 4 } })).toEqual([0, 1, 6, 9, 11]);
  });
  it('answered: true / false', () => {
    expect(rows({ q: 'comment', answered: true })).toEqual([0, 4]);
    expect(rows({ q: 'cs_effect', answered: false })).toEqual([2, 5, 7, 10]);
  });
  it('all / any / not / universe, grid rows and derived variables', () => {
    expect(rows({ all: [{ universe: 'doing_cs' }, { q: 'measures__onboarding', in: [2] }] })).toEqual([3, 8, 11]);
    expect(rows({ any: [{ q: 'sector', in: [2] }, { q: 'size', in: [1] }] })).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 10]);
    expect(rows({ not: { universe: 'doing_cs' } })).toEqual([2, 5, 7, 10]);
  });
  it('throws a FilterError naming an unknown question, universe or code', () => {
    expect(() => evaluateFilter(d, { q: 'nope', in: [1] })).toThrow(new FilterError('unknown question "nope" in filter'));
    expect(() => evaluateFilter(d, { universe: 'nope' })).toThrow('unknown universe "nope" in filter');
    expect(() => evaluateFilter(d, { q: 'sector', in: [7] })).toThrow('"sector" has no option with code 7');
  });
  it('refuses operators that do not fit the variable', () => {
    expect(() => evaluateFilter(d, { q: 'tools', in: [1] })).toThrow('"tools" is a multi variable');
    expect(() => evaluateFilter(d, { q: 'sector', includesAny: [1] })).toThrow('"sector" is a coded variable');
  });
});
