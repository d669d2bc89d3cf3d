import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadWave } from '../../../src/lib/dataset/load.ts';
import { evaluateFilter, evaluateInScope, FilterError, optionPositions } from '../../../src/lib/dataset/filter.ts';
import type { FilterScope } from '../../../src/lib/dataset/filter.ts';
import { clearBit, createBitset, fullBitset, setBit, toIndices } from '../../../src/lib/dataset/bitset.ts';
import type { Bitset, CodedVariable, MultiVariable, NumericVariable, TextVariable, Variable } from '../../../src/lib/dataset/types.ts';
import type { Filter } from '../../../src/lib/dataset/codebook.ts';

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

describe('evaluateInScope over 70 respondents (three bitset words)', () => {
  const n = 70;
  /** Respondent i answers code (i % 3) + 1 of c, value i of x (none when i % 10 === 9), chooses m options by i % 4, and text when i is even. */
  function scope(): FilterScope & { u: Bitset } {
    const options = [1, 2, 3].map((code) => ({ code, label: `o${code}` }));
    const index = new Int16Array(n).map((_, i) => (i === 69 ? -1 : i % 3));
    const c: CodedVariable = { kind: 'coded', id: 'c', label: 'c', options, index, answered: fullBitset(n) };
    clearBit(c.answered, 69);
    const values = new Float64Array(n).map((_, i) => (i % 10 === 9 ? NaN : i));
    const x: NumericVariable = { kind: 'numeric', id: 'x', label: 'x', values, answered: createBitset(n) };
    values.forEach((v, i) => Number.isNaN(v) || setBit(x.answered, i));
    const chosen = [createBitset(n), createBitset(n)];
    for (let i = 0; i < n; i++) {
      if (i % 4 === 1 || i % 4 === 3) setBit(chosen[0], i);
      if (i % 4 === 2 || i % 4 === 3) setBit(chosen[1], i);
    }
    const m: MultiVariable = { kind: 'multi', id: 'm', label: 'm', options: options.slice(0, 2), chosen, answered: fullBitset(n) };
    const t: TextVariable = { kind: 'text', id: 't', label: 't', values: Array.from({ length: n }, (_, i) => (i % 2 ? null : 'x')), answered: createBitset(n) };
    for (let i = 0; i < n; i += 2) setBit(t.answered, i);
    const u = createBitset(n);
    for (const i of [0, 31, 32, 63, 64, 69]) setBit(u, i);
    const variables = new Map<string, Variable>([
      ['c', c],
      ['x', x],
      ['m', m],
      ['t', t],
    ]);
    return { n, u, variable: (id) => variables.get(id), universe: (id) => (id === 'u' ? u : undefined) };
  }
  const range = (from: number, to: number, step = 1) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, k) => from + k * step);
  const run = (s: FilterScope, f: Filter) => toIndices(evaluateInScope(s, f));

  it('in on coded variables reads every word; the unanswered respondent never matches', () => {
    const s = scope();
    expect(run(s, { q: 'c', in: [3] })).toEqual(range(2, 68, 3));
    expect(run(s, { q: 'c', in: [1, 2] })).toEqual(range(0, 68).filter((i) => i % 3 !== 2));
  });
  it('in on numeric variables matches values; range is inclusive at both ends and skips blanks', () => {
    const s = scope();
    expect(run(s, { q: 'x', in: [0, 33, 65, 69, 70] })).toEqual([0, 33, 65]);
    expect(run(s, { q: 'x', range: { min: 30, max: 40 } })).toEqual([30, 31, 32, 33, 34, 35, 36, 37, 38, 40]);
    expect(run(s, { q: 'x', range: { min: 60 } })).toEqual([60, 61, 62, 63, 64, 65, 66, 67, 68]);
    expect(run(s, { q: 'x', range: { max: 1 } })).toEqual([0, 1]);
    expect(run(s, { q: 'x', range: {} })).toEqual(range(0, 69).filter((i) => i % 10 !== 9));
  });
  it('range on coded variables compares codes, inclusive', () => {
    const s = scope();
    expect(run(s, { q: 'c', range: { min: 2, max: 2 } })).toEqual(range(1, 67, 3));
    expect(run(s, { q: 'c', range: { max: 1 } })).toEqual(range(0, 66, 3));
    expect(run(s, { q: 'c', range: { min: 4 } })).toEqual([]);
  });
  it('includesAny and includesAll over every word', () => {
    const s = scope();
    expect(run(s, { q: 'm', includesAny: [1, 2] })).toEqual(range(0, 69).filter((i) => i % 4 !== 0));
    expect(run(s, { q: 'm', includesAll: [1, 2] })).toEqual(range(3, 67, 4));
    expect(run(s, { q: 'm', includesAll: [2] })).toEqual(range(0, 69).filter((i) => i % 4 >= 2));
  });
  it('answered true and false; not; all and any; universes', () => {
    const s = scope();
    expect(run(s, { q: 't', answered: true })).toEqual(range(0, 68, 2));
    expect(run(s, { q: 't', answered: false })).toEqual(range(1, 69, 2));
    expect(run(s, { not: { q: 'c', answered: true } })).toEqual([69]);
    expect(run(s, { all: [{ universe: 'u' }, { q: 't', answered: true }] })).toEqual([0, 32, 64]);
    expect(run(s, { any: [{ universe: 'u' }, { q: 'x', in: [5] }] })).toEqual([0, 5, 31, 32, 63, 64, 69]);
    expect(run(s, { all: [{ universe: 'u' }] })).toEqual([0, 31, 32, 63, 64, 69]);
  });
  it('results are fresh bitsets: changing one leaves variables and universes alone', () => {
    const s = scope();
    evaluateInScope(s, { universe: 'u' }).fill(0);
    evaluateInScope(s, { q: 't', answered: true }).fill(0);
    expect(toIndices(s.u)).toEqual([0, 31, 32, 63, 64, 69]);
    expect(run(s, { q: 't', answered: true })).toEqual(range(0, 68, 2));
  });
  it('errors name the variable, its kind and what the filter needs', () => {
    const s = scope();
    expect(() => evaluateInScope(s, { q: 't', in: [1] })).toThrow(new FilterError('"t" is a text variable: "in" needs a single-answer question'));
    expect(() => evaluateInScope(s, { q: 'x', includesAll: [1] })).toThrow(new FilterError('"x" is a numeric variable: includesAny/includesAll need a multi-answer question'));
    expect(() => evaluateInScope(s, { q: 'm', range: { min: 1 } })).toThrow(new FilterError('"m" is a multi variable: "range" needs a numeric or coded question'));
    expect(() => evaluateInScope(s, { q: 'm', includesAll: [9] })).toThrow(new FilterError('"m" has no option with code 9'));
    expect(new FilterError('x').name).toBe('FilterError');
  });
  it('optionPositions gives positions in option order', () => {
    expect(optionPositions({ id: 'v', options: [{ code: 5 }, { code: 1 }, { code: 3 }] }, [3, 5])).toEqual([2, 0]);
  });
});
