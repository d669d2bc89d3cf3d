/** Who a table counts (src/lib/stats/population.ts): variables, universes, filters and their errors. */
import { beforeEach, describe, expect, it } from 'vitest';
import { crosstab } from '../../../src/lib/stats/index.ts';
import { CrossTabError, optionsOf, population, resolveVariable, universeLabel } from '../../../src/lib/stats/population.ts';
import type { Dataset } from '../../../src/lib/dataset/types.ts';
import { makeDataset } from './helpers.ts';

/** Indices of the set bits of a bitset. */
function members(bits: Uint32Array): number[] {
  const out: number[] = [];
  bits.forEach((word, w) => {
    for (let b = 0; b < 32; b++) if (word & (1 << b)) out.push(w * 32 + b);
  });
  return out;
}

// Built before each test (not at module level) so that mutation testing can trace coverage to a test.
let d: Dataset;
beforeEach(() => {
  // r0..r5: seg 1,1,2,2,3,3; num 150,20,300,null,5,120; sa 1,2,3,null,1,9.
  d = makeDataset(
    [
      { seg: 1, sa: 1, num: 150, grid__onb: 1, grid__hs: 1 },
      { seg: 1, sa: 2, num: 20, grid__onb: 2, grid__hs: 2 },
      { seg: 2, sa: 3, num: 300, grid__onb: 1 },
      { seg: 2, sa: null, num: null, grid__onb: 2, grid__hs: 1 },
      { seg: 3, sa: 1, num: 5, grid__onb: 1 },
      { seg: 3, sa: 9, num: 120 },
    ],
    false,
    (c) => ({
      ...c,
      // The second grid row is asked in A社・B社 only; the derived size variable too.
      questions: c.questions.map((q) => (q.type === 'grid' ? { ...q, nets: [{ id: 'done', label: '実施（計）', codes: [1] }], rows: [q.rows[0], { ...q.rows[1], universe: 'seg_ab' }] } : q)),
      // Two derived variables with different universes: `small` (everyone) comes first.
      derived: [{ ...c.derived![0], id: 'small', label: '小規模', universe: 'all' }, ...c.derived!.map((x) => ({ ...x, universe: 'seg_ab' }))],
    }),
  );
});

describe('resolveVariable', () => {
  it('describes a question: its type, universe, nets and unit', () => {
    const sa = resolveVariable(d, 'sa');
    expect([sa.type, sa.universe, sa.unit, sa.question?.id, sa.variable.kind]).toEqual(['single', 'all', '', 'sa', 'coded']);
    expect(sa.nets.map((n) => n.id)).toEqual(['top2']);
    const band = resolveVariable(d, 'band');
    expect([band.type, band.unit, band.nets]).toEqual(['banded', '%', []]);
    const num = resolveVariable(d, 'num');
    expect([num.type, num.unit, num.nets, num.variable.kind]).toEqual(['numeric', '人', [], 'numeric']);
    const ma = resolveVariable(d, 'ma');
    expect([ma.type, ma.nets.map((n) => n.id), ma.variable.kind]).toEqual(['multi', ['any_tool'], 'multi']);
    expect(resolveVariable(d, 'nps').universe).toBe('seg_ab');
  });
  it('describes a grid row by its grid: the grid’s nets, the row’s own universe or else the grid’s', () => {
    const hs = resolveVariable(d, 'grid__hs');
    expect([hs.type, hs.universe, hs.unit, hs.question?.id]).toEqual(['grid-row', 'seg_ab', '', 'grid']);
    expect(hs.nets.map((n) => n.id)).toEqual(['done']);
    expect(resolveVariable(d, 'grid__onb').universe).toBe('all');
  });
  it('describes a derived variable with the universe its codebook entry settles', () => {
    const big = resolveVariable(d, 'big');
    expect([big.type, big.universe, big.question, big.nets, big.unit]).toEqual(['derived', 'seg_ab', undefined, [], '']);
  });
  it('asks a derived variable of everyone when its codebook entry settles no universe', () => {
    // readCodebook always settles it; a dataset built otherwise may leave it out or lack the entry.
    const unsettled: Dataset = { ...d, codebook: { ...d.codebook, derived: d.codebook.derived.map(({ universe: _u, ...x }) => x) } };
    expect(resolveVariable(unsettled, 'big').universe).toBe('all');
    const missing: Dataset = { ...d, codebook: { ...d.codebook, derived: [] } };
    expect(resolveVariable(missing, 'big').universe).toBe('all');
    expect(resolveVariable(d, 'small').universe).toBe('all');
  });
  it('refuses a grid, an unknown id and free text, naming the role', () => {
    expect(() => resolveVariable(d, 'grid')).toThrow(new CrossTabError('question "grid" is a grid: tabulate one of its rows (grid__onb, grid__hs)'));
    expect(() => resolveVariable(d, 'grid', 'banner')).toThrow('banner "grid" is a grid: tabulate one of its rows (grid__onb, grid__hs)');
    expect(() => resolveVariable(d, 'nope')).toThrow(new CrossTabError('unknown question "nope"'));
    expect(() => crosstab(d, { question: 'sa', banner: 'nope' })).toThrow('unknown banner "nope"');
    let error: unknown;
    try {
      resolveVariable(d, 'nope');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CrossTabError);
    expect((error as Error).name).toBe('CrossTabError');
  });
  it('refuses a free-text question', () => {
    const t = makeDataset([{ seg: 1, num: 3 }], false, (c) => ({
      ...c,
      questions: c.questions.map((q) => (q.id === 'num' ? { id: 'num', text: 'メモ', label: 'メモ', type: 'text' as const, optional: true } : q)),
      derived: [],
    }));
    expect(() => resolveVariable(t, 'num')).toThrow(new CrossTabError('question "num" is free text and cannot be tabulated'));
    expect(() => resolveVariable(t, 'num', 'banner')).toThrow('banner "num" is free text and cannot be tabulated');
  });
});

describe('population', () => {
  it('is the question’s universe when the spec names none', () => {
    expect(members(population(d, { question: 'sa' }, resolveVariable(d, 'sa')))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(members(population(d, { question: 'nps' }, resolveVariable(d, 'nps')))).toEqual([0, 1, 2, 3]);
    expect(members(population(d, { question: 'grid__hs' }, resolveVariable(d, 'grid__hs')))).toEqual([0, 1, 2, 3]);
  });
  it('intersects a named universe with the question’s own', () => {
    // nps is asked in seg_ab (r0–r3); asking for `all` cannot widen it.
    expect(members(population(d, { question: 'nps', universe: 'all' }, resolveVariable(d, 'nps')))).toEqual([0, 1, 2, 3]);
    expect(members(population(d, { question: 'sa', universe: 'seg_ab' }, resolveVariable(d, 'sa')))).toEqual([0, 1, 2, 3]);
  });
  it('ANDs every filter', () => {
    const sa = resolveVariable(d, 'sa');
    // num ≥ 100: r0, r2, r5; seg in 1, 3: r0, r1, r4, r5 → r0, r5.
    const spec = { question: 'sa', filters: [{ q: 'num', range: { min: 100 } }, { q: 'seg', in: [1, 3] }] };
    expect(members(population(d, spec, sa))).toEqual([0, 5]);
    expect(members(population(d, { ...spec, universe: 'seg_ab' }, sa))).toEqual([0]);
    expect(members(population(d, { question: 'sa', filters: [] }, sa))).toEqual([0, 1, 2, 3, 4, 5]);
  });
  it('returns a fresh bitset: the dataset’s universes and cached filters are left untouched', () => {
    const sa = resolveVariable(d, 'sa');
    const filters = [{ q: 'seg', in: [1] }];
    const first = population(d, { question: 'sa', universe: 'seg_ab', filters }, sa);
    expect(members(first)).toEqual([0, 1]);
    first.fill(0);
    expect(members(d.universes.get('seg_ab')!)).toEqual([0, 1, 2, 3]);
    expect(members(d.universes.get('all')!)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(members(population(d, { question: 'sa', filters }, sa))).toEqual([0, 1]);
    expect(crosstab(d, { question: 'sa' }).columns[0].n).toBe(6);
    expect(crosstab(d, { question: 'sa', universe: 'seg_ab' }).columns[0].n).toBe(4);
  });
  it('refuses an unknown universe, listing the known ones', () => {
    expect(() => population(d, { question: 'sa', universe: 'ab' }, resolveVariable(d, 'sa'))).toThrow(new CrossTabError('unknown universe "ab" (known: all, seg_ab)'));
  });
});

describe('universeLabel and optionsOf', () => {
  it('labels a declared universe by its codebook label, `all` as 全体, anything else by its id', () => {
    expect(universeLabel(d, 'seg_ab')).toBe('A社・B社');
    expect(universeLabel(d, 'all')).toBe('全体');
    expect(universeLabel(d, 'other')).toBe('other');
    expect(crosstab(d, { question: 'nps' }).universeLabel).toBe('A社・B社');
    expect(crosstab(d, { question: 'sa', universe: 'seg_ab' }).universeLabel).toBe('A社・B社');
    expect(crosstab(d, { question: 'sa' }).universeLabel).toBe('全体');
  });
  it('gives the options of coded and multi variables, none for numeric ones', () => {
    expect(optionsOf(resolveVariable(d, 'sa').variable).map((o) => o.code)).toEqual([1, 2, 3, 9]);
    expect(optionsOf(resolveVariable(d, 'ma').variable).map((o) => o.code)).toEqual([1, 2, 3, 9]);
    expect(optionsOf(resolveVariable(d, 'num').variable)).toEqual([]);
  });
});
