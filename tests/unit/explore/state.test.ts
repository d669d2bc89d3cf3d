import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ExploreState, defaultState, parseState, serializeState, toTableSpec, type StateFilter } from '../../../src/lib/explore/state.ts';
import { catalogWave, findWave, type CatalogWave, type ExploreCatalog } from '../../../src/lib/explore/catalog.ts';
import { firstSourceUrl, sourceUrl } from '../../../src/lib/explore/source.ts';
import { publicCodebook } from '../../../src/lib/publicuse/publicity.ts';
import { syntheticDataset } from '../../../scripts/bench/synthetic.ts';
import { loadCatalog } from '../../../src/server/catalog.ts';

/** Built inside each test (not at module level) so that mutation testing can trace coverage to it. */
function setup() {
  const ds = syntheticDataset({ n: 50, questions: 10 });
  const wave = catalogWave(publicCodebook(ds.codebook), '/data/synthetic/n50.hkpu');
  const catalog: ExploreCatalog = { waves: [wave] };
  const coded = wave.variables.filter((v) => v.kind === 'coded');
  const multi = wave.variables.filter((v) => v.kind === 'multi');

  const codes = (n: number) => fc.uniqueArray(fc.integer({ min: 1, max: n }), { minLength: 1, maxLength: n }).map((c) => c.sort((a, b) => a - b));
  const filterArb: fc.Arbitrary<StateFilter> = fc.oneof(
    fc.record({ variable: fc.constantFrom(...coded.map((v) => v.id)), mode: fc.constant('in' as const), codes: codes(4) }),
    fc.record({ variable: fc.constantFrom(...multi.map((v) => v.id)), mode: fc.constantFrom('any' as const, 'all' as const), codes: codes(6) }),
    fc.record({ variable: fc.constant('staff'), mode: fc.constant('range' as const), min: fc.option(fc.integer({ min: 0, max: 50 })), max: fc.option(fc.integer({ min: 51, max: 500 })) })
      .filter((f) => f.min !== null || f.max !== null),
  );
  const stateArb: fc.Arbitrary<ExploreState> = fc
    .record({
      question: fc.constantFrom(...wave.variables.map((v) => v.id)),
      banner: fc.option(fc.constantFrom(...coded.map((v) => v.id))),
      universe: fc.constantFrom('all', 'saas'),
      filters: fc.array(filterArb, { maxLength: 5 }),
      show: fc.constantFrom('percent' as const, 'count' as const),
      multiPercent: fc.constantFrom('respondents' as const, 'responses' as const),
      intervals: fc.boolean(),
    })
    .filter((s) => s.banner !== s.question)
    .map((s) => ({ ...s, survey: wave.survey, wave: wave.wave, compare: false }));
  return { wave, catalog, stateArb };
}

describe('explore URL state', () => {
  it('an empty query gives the default state without notices', () => {
    const { catalog } = setup();
    expect(parseState('', catalog)).toEqual({ state: defaultState(catalog), notices: [] });
    expect(defaultState(catalog).question).toBe('segment');
  });

  it('parse(serialize(state)) gives the same state back, without notices', () => {
    const { catalog, stateArb } = setup();
    fc.assert(
      fc.property(stateArb, (state) => {
        const parsed = parseState(serializeState(state), catalog);
        expect(parsed.notices).toEqual([]);
        expect(parsed.state).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary strings and always returns a valid state', () => {
    const { wave, catalog } = setup();
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webQueryParameters(), fc.array(fc.tuple(fc.constantFrom('s', 'w', 'q', 'b', 'u', 'f', 'v', 'mp', 'ci', 'cmp'), fc.string({ unit: 'binary' }))).map((kv) => kv.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'))), (search) => {
        const { state } = parseState(search, catalog);
        expect(ExploreState.safeParse(state).success).toBe(true);
        expect(wave.variables.some((v) => v.id === state.question)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('falls back and explains, quoting hostile values as plain shortened text', () => {
    const { catalog } = setup();
    const { state, notices } = parseState('?q=%3Cscript%3Ealert(1)%3C/script%3E&b=q5&u=../../etc&f=q1:in:9,2&f=q5:in:1&v=%00&cmp=1&s=synthetic', catalog);
    expect(state.question).toBe('segment');
    expect(state.banner).toBeNull();
    expect(state.universe).toBe('all');
    expect(state.filters).toEqual([{ variable: 'q1', mode: 'in', codes: [2] }]);
    expect(notices).toEqual([
      '設問「<script>alert(1)</script>」が見つからないため、既定の設問を表示しています。',
      '集計軸「q5」は使えないため、全体のみを表示しています。',
      '対象者「../../etc」が見つからないため、全体を対象にしています。',
      '絞り込み「q1:in:9,2」の不明な選択肢を無視しました。',
      '絞り込み「q5:in:1」の条件「in」は「施策5」には使えないため外しました。',
      '表示「」は不明なため、割合を表示しています。',
      'この設問には比較できる前回調査がないため、比較を外しました。',
    ]);
  });

  it('ignores a query longer than the limit', () => {
    const { catalog } = setup();
    const { state, notices } = parseState(`?q=q1&x=${'a'.repeat(5000)}`, catalog);
    expect(state).toEqual(defaultState(catalog));
    expect(notices[0]).toMatch(/URLが長すぎる/);
  });

  it('an unknown survey falls back to the first wave, keeping what still applies there', () => {
    const { catalog } = setup();
    const { state, notices } = parseState('?s=nope&w=2099&q=q1', catalog);
    expect(state.survey).toBe('synthetic');
    expect(state.question).toBe('q1');
    expect(notices[0]).toMatch(/調査「nope 2099」が見つからない/);
  });

  it('turns a state into the engine table specification', () => {
    const { catalog } = setup();
    const spec = toTableSpec({ ...defaultState(catalog), question: 'q1', banner: 'segment', universe: 'saas', filters: [
      { variable: 'q2', mode: 'in', codes: [1, 2] }, { variable: 'q5', mode: 'all', codes: [1, 3] }, { variable: 'staff', mode: 'range', min: 10, max: null }] });
    expect(spec).toEqual({ question: 'q1', banner: 'segment', universe: 'saas', filters: [
      { q: 'q2', in: [1, 2] }, { q: 'q5', includesAll: [1, 3] }, { q: 'staff', range: { min: 10 } }] });
  });
});

describe('the banner column of a comparison (cc)', () => {
  it('is read when comparing with a banner, checked against the banner\'s codes, and written back', () => {
    const catalog = loadCatalog('data');
    const w = catalog.get('virtualex', '2023')!;
    const wave = catalogWave(publicCodebook(w.codebook), '/data/virtualex/2023/', [{ wave: '2022', kind: 'tables', url: '/x.json' }]);
    const cat: ExploreCatalog = { waves: [wave] };
    const base = '?s=virtualex&w=2023&q=touch_model&b=employee_size&cmp=1';
    const { state, notices } = parseState(`${base}&cc=2`, cat);
    expect([state.compare, state.banner, state.column, notices]).toEqual([true, 'employee_size', 2, []]);
    expect(serializeState(state)).toBe(`${base}&cc=2`);
    const wrong = parseState(`${base}&cc=9`, cat);
    expect([wrong.state.column, wrong.notices]).toEqual([undefined, ['比較する列「9」は集計軸にないため、最初の列を比較しています。']]);
    // Without a comparison the column means nothing and is not kept.
    expect(parseState('?s=virtualex&w=2023&q=touch_model&b=employee_size&cc=2', cat).state.column).toBeUndefined();
    expect(serializeState({ ...state, compare: false })).not.toContain('cc=');
  });
});

describe('the first data file of a URL (fetched by the page before the explorer starts)', () => {
  it('is the file the explorer loads for the state parseState reads, for any query string', () => {
    const { wave, stateArb } = setup();
    const cubeWave: CatalogWave = { ...wave, survey: 'cubed', wave: '2030', mode: 'aggregates', dataUrl: '/data/cubed/2030/cube/' };
    const catalog: ExploreCatalog = { waves: [wave, cubeWave] };
    const expected = (search: string) => {
      const { state } = parseState(search, catalog);
      return sourceUrl(findWave(catalog, state.survey, state.wave)!, state.question);
    };
    const searches = fc.oneof(
      stateArb.chain((s) => fc.constantFrom(serializeState(s), serializeState({ ...s, survey: 'cubed', wave: '2030' }))),
      fc.webQueryParameters(),
      fc.array(fc.tuple(fc.constantFrom('s', 'w', 'q', 'b'), fc.constantFrom('cubed', '2030', 'synthetic', 'segment', 'q1', 'nope', '', 'q5'))).map((kv) => kv.map(([k, v]) => `${k}=${v}`).join('&')),
    );
    fc.assert(fc.property(searches, (search) => {
      expect(firstSourceUrl(search, catalog)).toBe(expected(search));
    }), { numRuns: 500 });
    expect(firstSourceUrl('?s=cubed&w=2030&q=q1', catalog)).toBe('/data/cubed/2030/cube/q1.bin');
    expect(firstSourceUrl('?s=cubed&q=a%20b', catalog)).toBe('/data/cubed/2030/cube/segment.bin');
    expect(firstSourceUrl(`?s=cubed&w=2030&q=q1&x=${'y'.repeat(5000)}`, catalog)).toBe(wave.dataUrl);
    expect(firstSourceUrl('', { waves: [] })).toBeNull();
  });
});
