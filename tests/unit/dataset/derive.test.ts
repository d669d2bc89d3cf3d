/**
 * derive.ts on hand-made variables: derived variables (first matching rule wins, else `otherwise`,
 * else missing), universes computed lazily in any order, circles refused, and the answered inputs a
 * universe is computed from.
 */
import { describe, expect, it } from 'vitest';
import { Codebook } from '../../../src/lib/dataset/codebook.ts';
import { computeDerivedAndUniverses, universeInputs } from '../../../src/lib/dataset/derive.ts';
import { FilterError } from '../../../src/lib/dataset/filter.ts';
import { createBitset, setBit, toIndices } from '../../../src/lib/dataset/bitset.ts';
import type { CodedVariable, NumericVariable, Variable } from '../../../src/lib/dataset/types.ts';

const opts = (...codes: number[]) => codes.map((code) => ({ code, label: `o${code}` }));

function codebook(extra: { derived?: unknown[]; universes?: unknown[] }): Codebook {
  return Codebook.parse({
    survey: { id: 's', wave: '1', title: 't', publisher: 'p', fieldwork: { start: '2025-01-01', end: '2025-01-02' }, method: 'm', population: 'p', n: 5, citation: 'c', licence: 'l' },
    questions: [
      { id: 'team', text: 't', label: 'l', type: 'single', options: opts(1, 2) },
      { id: 'staff', text: 't', label: 'l', type: 'numeric', unit: '人' },
      { id: 'g', text: 't', label: 'l', type: 'grid', rows: [{ id: 'r', label: 'l' }], options: opts(1, 2) },
    ],
    ...extra,
  });
}

/** team = 1, 2, 1, blank, 2; staff = 5, 200, 150, blank, 50 over five respondents. */
function variables(): Map<string, Variable> {
  const n = 5;
  const team: CodedVariable = { kind: 'coded', id: 'team', label: 'l', options: opts(1, 2), index: Int16Array.from([0, 1, 0, -1, 1]), answered: createBitset(n) };
  [0, 1, 2, 4].forEach((i) => setBit(team.answered, i));
  const staff: NumericVariable = { kind: 'numeric', id: 'staff', label: 'l', values: Float64Array.from([5, 200, 150, NaN, 50]), answered: createBitset(n) };
  [0, 1, 2, 4].forEach((i) => setBit(staff.answered, i));
  return new Map<string, Variable>([
    ['team', team],
    ['staff', staff],
  ]);
}

describe('computeDerivedAndUniverses', () => {
  it('first matching rule wins; otherwise fills the rest; options in display order', () => {
    const cb = codebook({
      derived: [
        {
          id: 'size',
          label: 'Size',
          options: [{ code: 1, label: 'big', order: 2 }, { code: 2, label: 'mid', order: 1 }, { code: 3, label: 'small', order: 0 }],
          rules: [
            { code: 1, when: { q: 'staff', range: { min: 100 } } },
            { code: 2, when: { q: 'staff', range: { min: 10 } } },
          ],
          otherwise: 3,
        },
      ],
    });
    const { derived, universes } = computeDerivedAndUniverses(cb, 5, variables());
    expect(derived).toHaveLength(1);
    const size = derived[0];
    expect(size).toMatchObject({ kind: 'coded', id: 'size', label: 'Size' });
    expect(size.options.map((o) => o.code)).toEqual([3, 2, 1]);
    // 200 and 150 are big (position 2) though they also match the second rule; 50 is mid; 5 and blank small.
    expect([...size.index]).toEqual([0, 2, 2, 0, 1]);
    expect(toIndices(size.answered)).toEqual([0, 1, 2, 3, 4]);
    expect(toIndices(universes.get('all')!)).toEqual([0, 1, 2, 3, 4]);
    expect([...universes.keys()]).toEqual(['all']);
  });
  it('without otherwise, respondents no rule matches are missing and not answered', () => {
    const cb = codebook({ derived: [{ id: 'big', label: 'l', options: opts(1, 2), rules: [{ code: 2, when: { q: 'staff', range: { min: 100 } } }] }] });
    const [big] = computeDerivedAndUniverses(cb, 5, variables()).derived;
    expect([...big.index]).toEqual([-1, 1, 1, -1, -1]);
    expect(toIndices(big.answered)).toEqual([1, 2]);
  });
  it('derived variables and universes may use each other in any order of definition', () => {
    const cb = codebook({
      derived: [
        { id: 'late', label: 'l', options: opts(1), rules: [{ code: 1, when: { universe: 'yes_big' } }] },
        { id: 'big', label: 'l', options: opts(1), rules: [{ code: 1, when: { q: 'staff', range: { min: 100 } } }] },
      ],
      universes: [
        { id: 'yes_big', label: 'l', filter: { all: [{ universe: 'yes' }, { q: 'big', in: [1] }] } },
        { id: 'yes', label: 'l', filter: { q: 'team', in: [1] } },
      ],
    });
    const { derived, universes } = computeDerivedAndUniverses(cb, 5, variables());
    expect(derived.map((d) => d.id)).toEqual(['late', 'big']);
    expect(toIndices(derived[0].answered)).toEqual([2]);
    expect(toIndices(derived[1].answered)).toEqual([1, 2]);
    expect(toIndices(universes.get('yes')!)).toEqual([0, 2]);
    expect(toIndices(universes.get('yes_big')!)).toEqual([2]);
    expect([...universes.keys()].sort()).toEqual(['all', 'yes', 'yes_big']);
  });
  it('a circle throws a FilterError naming where it closes', () => {
    const universes = codebook({
      universes: [
        { id: 'a', label: 'l', filter: { universe: 'b' } },
        { id: 'b', label: 'l', filter: { not: { universe: 'a' } } },
      ],
    });
    expect(() => computeDerivedAndUniverses(universes, 5, variables())).toThrow(new FilterError('universe a depends on itself'));
    const derived = codebook({ derived: [{ id: 'd', label: 'l', options: opts(1), rules: [{ code: 1, when: { q: 'd', in: [1] } }] }] });
    expect(() => computeDerivedAndUniverses(derived, 5, variables())).toThrow(new FilterError('derived variable d depends on itself'));
  });
  it('a name used twice is not a circle: the finished variable or universe is reused', () => {
    const cb = codebook({
      derived: [{ id: 'big', label: 'l', options: opts(1), rules: [{ code: 1, when: { q: 'staff', range: { min: 100 } } }] }],
      universes: [
        { id: 'yes', label: 'l', filter: { q: 'team', in: [1] } },
        { id: 'both', label: 'l', filter: { all: [{ universe: 'yes' }, { universe: 'all' }, { universe: 'yes' }, { q: 'big', in: [1] }, { q: 'big', in: [1] }] } },
      ],
    });
    const { universes } = computeDerivedAndUniverses(cb, 5, variables());
    expect(toIndices(universes.get('both')!)).toEqual([2]);
  });
  it('an unknown name in a rule is a FilterError of the filter', () => {
    const cb = codebook({ derived: [{ id: 'd', label: 'l', options: opts(1), rules: [{ code: 1, when: { q: 'nope', in: [1] } }] }] });
    expect(() => computeDerivedAndUniverses(cb, 5, variables())).toThrow('unknown question "nope" in filter');
    const u = codebook({ universes: [{ id: 'u', label: 'l', filter: { universe: 'nope' } }] });
    expect(() => computeDerivedAndUniverses(u, 5, variables())).toThrow('unknown universe "nope" in filter');
  });
});

describe('universeInputs', () => {
  it('the answered variables a universe reads, through universes and derived variables, each once', () => {
    const cb = codebook({
      derived: [{ id: 'big', label: 'l', options: opts(1), rules: [{ code: 1, when: { q: 'staff', range: { min: 100 } } }, { code: 1, when: { q: 'g__r', in: [1] } }] }],
      universes: [
        { id: 'yes', label: 'l', filter: { q: 'team', in: [1] } },
        { id: 'again', label: 'l', filter: { any: [{ universe: 'yes' }, { q: 'team', in: [2] }] } },
        { id: 'both', label: 'l', filter: { all: [{ universe: 'again' }, { q: 'big', in: [1] }, { universe: 'yes' }] } },
      ],
    });
    expect(universeInputs(cb, 'yes')).toEqual(['team']);
    expect(universeInputs(cb, 'again')).toEqual(['team']);
    expect(universeInputs(cb, 'both')).toEqual(['team', 'staff', 'g__r']);
    expect(universeInputs(cb, 'all')).toEqual([]);
    expect(universeInputs(cb, 'unknown')).toEqual([]);
  });
  it('a circle of universes ends', () => {
    const cb = codebook({
      universes: [
        { id: 'a', label: 'l', filter: { all: [{ universe: 'b' }, { q: 'team', in: [1] }] } },
        { id: 'b', label: 'l', filter: { all: [{ universe: 'a' }, { q: 'staff', answered: true }] } },
      ],
    });
    expect(universeInputs(cb, 'a')).toEqual(['staff', 'team']);
  });
});
