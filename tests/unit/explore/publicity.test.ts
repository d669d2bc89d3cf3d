import { describe, expect, it } from 'vitest';
import { encodePublicUse, decodePublicUse } from '../../../src/lib/publicuse/index.ts';
import { isPublicVariable, publicCodebook, publicUniverseIds } from '../../../src/lib/publicuse/publicity.ts';
import { syntheticDataset } from '../../../scripts/bench/synthetic.ts';
import type { Codebook } from '../../../src/lib/dataset/codebook.ts';
import type { Dataset } from '../../../src/lib/dataset/types.ts';

/** The synthetic wave plus a derived variable and universes built on the restricted `revenue_exact`. */
function withRestrictedDefinitions(): Dataset {
  const ds = syntheticDataset({ n: 300, questions: 5, seed: 9 });
  const codebook: Codebook = {
    ...ds.codebook,
    derived: [
      { id: 'big', label: '大企業', options: [{ code: 1, label: '大' }, { code: 2, label: '小' }], rules: [{ code: 1, when: { q: 'revenue_exact', range: { min: 100 } } }], otherwise: 2, publication: 'public' },
      { id: 'secret_mix', label: '非公開区分', options: [{ code: 1, label: 'x' }], rules: [{ code: 1, when: { q: 'q1', in: [1] } }], publication: 'restricted' },
      { id: 'q1_yes', label: '設問1が1', options: [{ code: 1, label: 'はい' }], rules: [{ code: 1, when: { all: [{ q: 'q1', in: [1] }, { universe: 'saas' }] } }] },
    ],
    universes: [
      ...ds.codebook.universes,
      { id: 'rich', label: '高売上', filter: { q: 'revenue_exact', range: { min: 100 } } },
      { id: 'rich_saas', label: '高売上SaaS', filter: { all: [{ universe: 'saas' }, { universe: 'rich' }] } },
    ],
    headlines: [{ q: 'revenue_exact', kind: 'mean', label: '売上高の平均' }, { q: 'q1', option: 1, kind: 'percent', label: '設問1の割合' }],
  };
  const index = new Int16Array(ds.n).map((_, i) => (i % 3 === 0 ? 0 : 1));
  const variables = new Map(ds.variables);
  variables.set('big', { kind: 'coded', id: 'big', label: '大企業', options: codebook.derived[0].options, index, answered: ds.universes.get('all')! });
  variables.set('q1_yes', { kind: 'coded', id: 'q1_yes', label: '設問1が1', options: codebook.derived[2].options, index: new Int16Array(ds.n), answered: ds.universes.get('all')! });
  variables.set('secret_mix', { kind: 'coded', id: 'secret_mix', label: '非公開区分', options: codebook.derived[1].options, index: new Int16Array(ds.n), answered: ds.universes.get('all')! });
  const universes = new Map(ds.universes);
  universes.set('rich', ds.universes.get('saas')!.slice());
  universes.set('rich_saas', ds.universes.get('saas')!.slice());
  return { ...ds, codebook, variables, universes, derived: new Map(codebook.derived.map((d) => [d.id, d])) };
}

/** Built inside each test (not in the describe body) so that mutation testing can trace coverage to it. */
const setup = () => ({ ds: withRestrictedDefinitions() });

describe('what may be published', () => {
  it('a variable is public only when traced to a public, non-text owner', () => {
    const { ds } = setup();
    expect(isPublicVariable(ds.codebook, 'q1')).toBe(true);
    expect(isPublicVariable(ds.codebook, 'revenue_exact')).toBe(false);
    expect(isPublicVariable(ds.codebook, 'comment')).toBe(false);
    expect(isPublicVariable(ds.codebook, 'secret_mix')).toBe(false);
    // big is marked public but reads the restricted revenue_exact: publication fails closed.
    expect(isPublicVariable(ds.codebook, 'big')).toBe(false);
    expect(isPublicVariable(ds.codebook, 'q1_yes')).toBe(true);
    expect(isPublicVariable(ds.codebook, 'unknown_column')).toBe(false);
  });

  it('universes defined on restricted answers are left out, also through nesting', () => {
    const { ds } = setup();
    const ids = publicUniverseIds(ds.codebook);
    expect([...ids].sort()).toEqual(['all', 'saas']);
    const decoded = decodePublicUse(encodePublicUse(ds));
    expect([...decoded.universes.keys()].sort()).toEqual(['all', 'saas']);
  });

  it('a derived variable reading restricted data is left out even when marked public; one reading public data keeps its rules', () => {
    const { ds } = setup();
    const cb = publicCodebook(ds.codebook);
    expect(cb.derived.map((d) => d.id)).toEqual(['q1_yes']);
    expect(cb.derived[0]).toEqual({ ...ds.codebook.derived[2], publication: 'public' });
    expect(cb.headlines).toEqual([]);
    expect(JSON.stringify(cb)).not.toContain('revenue_exact');
    expect(JSON.stringify(cb)).not.toContain('大企業');
    const decoded = decodePublicUse(encodePublicUse(ds));
    expect(decoded.variables.has('big')).toBe(false);
    expect(decoded.variables.has('q1_yes')).toBe(true);
    expect(decoded.variables.has('secret_mix')).toBe(false);
    expect(new TextDecoder().decode(encodePublicUse(ds))).not.toContain('revenue_exact');
  });
});

describe('the public codebook, part by part', () => {
  it('keeps the survey, the chapters and the cube settings as they are, and public questions in order', () => {
    const { ds } = setup();
    const cb = publicCodebook(ds.codebook);
    expect(cb.survey).toBe(ds.codebook.survey);
    expect(cb.chapters).toBe(ds.codebook.chapters);
    expect(cb.cube).toEqual({ perturbation: { D: 2, V: 1, js: 2 } });
    expect(cb.questions.map((q) => q.id)).toEqual(['segment', 'staff', 'q1', 'q2', 'q3', 'q4', 'q5']);
    expect(cb.universes.map((u) => u.id)).toEqual(['saas']);
    expect('crosswalk' in cb).toBe(false);
  });

  it('keeps only the public variables of the cube filter list', () => {
    const { ds } = setup();
    const codebook = { ...ds.codebook, cube: { ...ds.codebook.cube, filters: ['segment', 'revenue_exact', 'q1_yes', 'big', 'q5'] } };
    expect(publicCodebook(codebook).cube).toEqual({ perturbation: { D: 2, V: 1, js: 2 }, filters: ['segment', 'q1_yes', 'q5'] });
    expect(codebook.cube.filters).toEqual(['segment', 'revenue_exact', 'q1_yes', 'big', 'q5']);
  });

  it('never publishes the editors\' checklist (the previous wave\'s notes and sources)', () => {
    const { ds } = setup();
    const cb = publicCodebook({ ...ds.codebook, checklist: [{ item: 'survey.notes を確認する', previous: ['前回の注記'], done: true }] });
    expect(cb.checklist).toEqual([]);
    expect(JSON.stringify(cb)).not.toContain('前回の注記');
  });
  it('keeps the crosswalk entries and breaks of public questions only, and the crosswalk itself (it names the earlier wave)', () => {
    const { ds } = setup();
    const crosswalk = { wave: '2025', questions: [{ question: 'q1', previous: 'old_q1' }, { question: 'revenue_exact' }, { question: 'q2', options: { '1': 2 } }, { question: 'comment' }], breaks: ['q3', 'comment'] };
    const cb = publicCodebook({ ...ds.codebook, crosswalk });
    expect(cb.crosswalk).toEqual({ wave: '2025', questions: [{ question: 'q1', previous: 'old_q1' }, { question: 'q2', options: { '1': 2 } }], breaks: ['q3'] });
    // Nothing public listed: the crosswalk still names the earlier wave (same ids link by default).
    const restrictedOnly = publicCodebook({ ...ds.codebook, crosswalk: { wave: '2025', questions: [{ question: 'revenue_exact' }, { question: 'comment' }], breaks: [] } });
    expect(restrictedOnly.crosswalk).toEqual({ wave: '2025', questions: [], breaks: [] });
  });

  it('lists public universes by id, with all always in', () => {
    const { ds } = setup();
    expect([...publicUniverseIds({ ...ds.codebook, universes: [] })]).toEqual(['all']);
    expect([...publicUniverseIds(ds.codebook)]).toEqual(['all', 'saas']);
  });
});
