/** Which explorer states a cube answers, and what the explorer says about the rest. */
import { describe, expect, it } from 'vitest';
import { fitToCube, filterRestriction, stateRestriction, CUBE_RULE } from '../../../src/lib/explore/restriction.ts';
import { catalogWave, type CatalogCube } from '../../../src/lib/explore/catalog.ts';
import { defaultState } from '../../../src/lib/explore/state.ts';
import { loadCatalog } from '../../../src/server/catalog.ts';
import { publicCodebook } from '../../../src/lib/publicuse/publicity.ts';

function jcsaWave(mode: 'aggregates' | 'microdata') {
  const codebook = publicCodebook(loadCatalog('data').get('jcsa', '2025')!.codebook);
  const cube: CatalogCube = { filters: [{ id: 'employee_size', nets: [{ id: 'large', label: '大企業', codes: [5, 6] }] }, { id: 'sector', nets: [] }], perturbation: { D: 2, V: 1, js: 2 }, suppressBase: 10, tablesUrl: '' };
  return catalogWave(codebook, '/data/jcsa/2025/cube/', [], mode === 'aggregates' ? cube : undefined);
}

describe('cube restrictions', () => {
  it('maps one value, one net, or one universe to the cube, and nothing else', () => {
    const wave = jcsaWave('aggregates');
    expect(filterRestriction({ variable: 'employee_size', mode: 'in', codes: [3] }, wave)).toBe('f:employee_size:3');
    expect(filterRestriction({ variable: 'employee_size', mode: 'in', codes: [6, 5] }, wave)).toBe('f:employee_size:net:large');
    expect(filterRestriction({ variable: 'employee_size', mode: 'in', codes: [1, 2] }, wave)).toBeNull();
    expect(filterRestriction({ variable: 'revenue_size', mode: 'in', codes: [1] }, wave)).toBeNull();
    expect(filterRestriction({ variable: 'employee_size', mode: 'range', min: 1, max: 2 }, wave)).toBeNull();
    const base = { ...defaultState({ waves: [wave] }), survey: 'jcsa', wave: '2025', question: 'cs_effect' };
    expect(stateRestriction(base, wave)).toBe('');
    expect(stateRestriction({ ...base, universe: 'saas' }, wave)).toBe('u:saas');
    expect(stateRestriction({ ...base, filters: [{ variable: 'sector', mode: 'in', codes: [2] }] }, wave)).toBe('f:sector:2');
  });

  it('keeps one restriction: the one the reader set last, with a notice naming what was dropped', () => {
    const wave = jcsaWave('aggregates');
    const base = { ...defaultState({ waves: [wave] }), survey: 'jcsa', wave: '2025', question: 'cs_effect' };
    const both = { ...base, universe: 'saas', filters: [{ variable: 'sector', mode: 'in' as const, codes: [1] }] };
    const newFilter = fitToCube(both, wave, 'filters');
    expect(newFilter.state.universe).toBe('all');
    expect(newFilter.state.filters).toHaveLength(1);
    expect(newFilter.notices[0]).toBe(`${CUBE_RULE}対象者「SaaS」を外しました。`);
    const newUniverse = fitToCube(both, wave, 'universe');
    expect(newUniverse.state.universe).toBe('saas');
    expect(newUniverse.state.filters).toEqual([]);
    expect(newUniverse.notices[0]).toContain('絞り込み「SaaS／非SaaS」を外しました');
    const two = fitToCube({ ...base, filters: [{ variable: 'sector', mode: 'in', codes: [1] }, { variable: 'employee_size', mode: 'in', codes: [1, 2] }, { variable: 'employee_size', mode: 'in', codes: [3] }] }, wave);
    expect(two.state.filters).toEqual([{ variable: 'sector', mode: 'in', codes: [1] }]);
    expect(two.notices).toHaveLength(1);
    expect(two.notices[0]).toContain('絞り込み「従業員規模」・絞り込み「従業員規模」を外しました');
  });

  it('leaves a microdata wave alone (any combination of filters and a universe)', () => {
    const wave = jcsaWave('microdata');
    const state = { ...defaultState({ waves: [wave] }), universe: 'saas', filters: [{ variable: 'sector', mode: 'in' as const, codes: [1] }, { variable: 'employee_size', mode: 'in' as const, codes: [1, 2] }] };
    expect(fitToCube(state, wave)).toEqual({ state, notices: [] });
  });
});

describe('cube.filters in the codebook', () => {
  it('names public single- or multi-answer variables; anything else is a located problem', async () => {
    const { readFileSync } = await import('node:fs');
    const { readCodebook } = await import('../../../src/lib/dataset/codebook-read.ts');
    const path = 'data/jcsa/2025/codebook.yaml';
    const text = `${readFileSync(path, 'utf8')}\ncube:\n  filters: [sector, cs_comment, nope, industry]\n`;
    const read = readCodebook(text, path);
    expect(read.ok).toBe(false);
    const messages = read.ok ? [] : read.problems.map((p) => `${p.column}: "${p.value}" ${p.message}`);
    expect(messages).toContain('cube.filters[1]: "cs_comment" cannot filter the protected cube (restricted, free text or numeric)');
    expect(messages).toContain('cube.filters[2]: "nope" is not a variable of this codebook');
    expect(messages.filter((m) => m.startsWith('cube.'))).toHaveLength(2);
  });
});
