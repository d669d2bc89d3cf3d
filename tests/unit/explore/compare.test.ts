/**
 * Comparisons across waves in the explorer (issue 11): what a comparison applies of the view
 * (universe; filters only where every wave has respondent rows), what it says it could not apply,
 * and no one-point "trend".
 */
import { describe, it, expect } from 'vitest';
import { loadCatalog } from '../../../src/server/catalog.ts';
import { comparisonColumn, comparisonScope, computeTrend } from '../../../src/lib/explore/compute.ts';
import { crosstab } from '../../../src/lib/stats/crosstab.ts';
import { trend, type TrendWave } from '../../../src/lib/stats/trend.ts';
import type { ExploreState } from '../../../src/lib/explore/state.ts';
import { buildCube } from '../../../src/lib/cube/build.ts';
import { publicCodebook } from '../../../src/lib/publicuse/publicity.ts';

const state = (over: Partial<ExploreState> = {}): ExploreState => ({
  survey: 'virtualex', wave: '2023', question: 'touch_model', banner: null, universe: 'effect_felt', filters: [], compare: true,
  show: 'percent', intervals: false, multiPercent: 'respondents', ...over,
} as ExploreState);

function waves() {
  const catalog = loadCatalog('data');
  const later = catalog.get('virtualex', '2023')!;
  const earlier = catalog.get('virtualex', '2022')!;
  const rows = { codebook: later.codebook, dataset: later.dataset! };
  // The same respondents posing as the 2022 wave: two microdata waves, so filters can apply.
  const asEarlier = { codebook: { ...later.codebook, survey: { ...later.codebook.survey, wave: '2022' } }, dataset: later.dataset! };
  return { tables: { codebook: earlier.codebook, tables: earlier.tables! } as TrendWave, rows, asEarlier };
}

const words = { filters: ['従業員規模：1〜99名'], banner: null, universe: '効果を感じている' };
const smallFirms = [{ variable: 'employee_size', mode: 'in' as const, codes: [1] }];

describe('comparisonScope', () => {
  it('names the waves that cannot be filtered and why, and applies no filter', () => {
    const { tables, rows } = waves();
    const cubeTotals: TrendWave = { codebook: rows.codebook, tables: [{ question: 'touch_model', universe: 'effect_felt', segment: 'total', base: 276, source: null, cells: [], protected: true }] };
    expect(comparisonScope([tables, cubeTotals], state({ filters: smallFirms }), words)).toEqual({
      filters: false,
      segment: null,
      notes: [
        '調査回比較の対象者：効果を感じている。',
        '絞り込み（従業員規模：1〜99名）は調査回比較に適用していません。絞り込みを適用できない調査回があるためです：2022年（公表された集計表）、2023年（秘匿処理した集計値）。比較の値は絞り込みをしない対象者全体のものです。',
      ],
    });
  });
  it('applies filters when every wave has respondent rows with the filter variables', () => {
    const { rows, asEarlier } = waves();
    expect(comparisonScope([asEarlier, rows], state({ filters: smallFirms }), words)).toEqual({ filters: true, segment: null, notes: ['調査回比較の対象者：効果を感じている。', '絞り込み（従業員規模：1〜99名）を各調査回に適用しています。'] });
    const without = { ...asEarlier, dataset: { ...asEarlier.dataset, variables: new Map([...asEarlier.dataset.variables].filter(([id]) => id !== 'employee_size')) } };
    expect(comparisonScope([without, rows], state({ filters: smallFirms }), words).notes[1]).toBe('絞り込み（従業員規模：1〜99名）は調査回比較に適用していません。絞り込みを適用できない調査回があるためです：2022年（回答者データに「employee_size」がありません）。比較の値は絞り込みをしない対象者全体のものです。');
  });
  it('says that a banner is not applied, naming each wave without the column and why', () => {
    const { tables, rows } = waves();
    const cubeTotals: TrendWave = { codebook: rows.codebook, tables: [{ question: 'touch_model', universe: 'effect_felt', segment: 'total', base: 276, source: null, cells: [], protected: true }] };
    const scope = comparisonScope([tables, cubeTotals], state({ banner: 'employee_size' }), { ...words, banner: '従業員規模', column: { code: 1, label: '1〜99名' } });
    expect(scope.segment).toBeNull();
    expect(scope.notes).toEqual([
      '調査回比較の対象者：効果を感じている。',
      '集計軸（従業員規模）は調査回比較に適用していません。集計軸別の値がない調査回があるためです：2022年（この集計軸に当たる変数がありません（その調査回にない設問か、対応表で推移を切った設問））、2023年（秘匿処理した集計値は全体の値のみ）。比較は対象者全体の値で示します（集計軸別の表は「前回調査と比較」を外すと表示されます）。',
    ]);
  });
  it('applies a banner column when every wave has it, and the trend is that column in every wave (issue 11)', () => {
    const { rows, asEarlier } = waves();
    // employee_size links by its id (issue 12); a crosswalk break stops it.
    const cw = rows.codebook.crosswalk!;
    const unlinked = { ...rows, codebook: { ...rows.codebook, crosswalk: { ...cw, breaks: ['employee_size'] } } } as typeof rows;
    expect(comparisonScope([asEarlier, unlinked], state({ banner: 'employee_size', column: 2 }), { ...words, filters: [], banner: '従業員規模', column: { code: 2, label: '100〜299名' } }).segment).toBeNull();
    const s = state({ banner: 'employee_size', column: 2 });
    const scope = comparisonScope([asEarlier, rows], s, { ...words, filters: [], banner: '従業員規模', column: { code: 2, label: '100〜299名' } });
    expect(scope).toEqual({ filters: false, segment: { variable: 'employee_size', code: 2 }, notes: ['調査回比較の対象者：効果を感じている。', '集計軸（従業員規模）の「100〜299名」の列を各調査回で比較しています。'] });
    const t = computeTrend([asEarlier, rows], s, '効果を感じている', scope)!;
    const want = crosstab(rows.dataset, { question: 'touch_model', universe: 'effect_felt', banner: 'employee_size' });
    const column = want.columns.find((c) => c.key === '2')!;
    expect(column.n).toBeGreaterThan(0);
    expect(column.n).toBeLessThan(want.columns[0].n);
    expect(new Set(t.points.map((p) => p.base))).toEqual(new Set([column.n]));
    const shares = want.rows.filter((r) => r.kind === 'option').map((r) => r.cells[want.columns.indexOf(column)].proportion);
    expect(t.points.filter((p) => p.wave === '2023').map((p) => p.proportion)).toEqual(shares);
    // A wave whose respondent data lacks the banner variable blocks the column, by name.
    const without = { ...asEarlier, dataset: { ...asEarlier.dataset, variables: new Map([...asEarlier.dataset.variables].filter(([id]) => id !== 'employee_size')) } };
    expect(comparisonScope([without, rows], s, { ...words, banner: '従業員規模', column: { code: 2, label: '100〜299名' } }).notes[1]).toContain('2022年（回答者データに「employee_size」がありません）');
  });
  it('picks the state\'s column, else the banner\'s first code', () => {
    expect(comparisonColumn(state({ banner: 'employee_size', column: 3 }), [1, 2, 3])).toBe(3);
    expect(comparisonColumn(state({ banner: 'employee_size', column: 7 }), [1, 2, 3])).toBe(1);
    expect(comparisonColumn(state({ banner: 'employee_size' }), [1, 2, 3])).toBe(1);
    expect(comparisonColumn(state({ banner: null, column: 3 }), [1, 2, 3])).toBeNull();
  });
});

describe('computeTrend', () => {
  it('filters every microdata wave when the scope allows it', () => {
    const { rows, asEarlier } = waves();
    const s = state({ filters: smallFirms });
    const filtered = computeTrend([asEarlier, rows], s, '効果を感じている', { filters: true, notes: [] })!;
    const want = crosstab(rows.dataset, { question: 'touch_model', universe: 'effect_felt', filters: [{ q: 'employee_size', in: [1] }] });
    expect(want.columns[0].n).toBeGreaterThan(0);
    expect(want.columns[0].n).toBeLessThan(crosstab(rows.dataset, { question: 'touch_model', universe: 'effect_felt' }).columns[0].n);
    expect(filtered.points.filter((p) => p.wave === '2023').map((p) => p.base)).toEqual(filtered.points.filter((p) => p.wave === '2023').map(() => want.columns[0].n));
    const unfiltered = computeTrend([asEarlier, rows], s, '効果を感じている')!;
    expect(unfiltered.points[0].base).not.toBe(filtered.points[0].base);
  });
  it('gives no trend when only one wave has the question in the universe', () => {
    const { tables, rows } = waves();
    // 2022 printed touch_model only among those who feel an effect.
    expect(computeTrend([tables, rows], state({ universe: 'all' }), '全体')).toBeNull();
    expect(computeTrend([tables, rows], state(), '効果を感じている')!.waves).toEqual(['2022', '2023']);
  });
  it('refuses to filter a published table', () => {
    const { tables, rows } = waves();
    expect(() => trend([tables, rows], 'touch_model', { universe: 'effect_felt', filters: [{ q: 'employee_size', in: [1] }] })).toThrow('trend: 2022 is published tables and cannot apply filters');
  });
});

describe('comparisons of protected cubes (issue 11: banner and filters wherever the cubes answer them)', () => {
  const noNoise = { perturbation: { D: 0, V: 1, js: 0 }, suppressBase: 0, guard: false };
  const keysOf = (n: number) => new Float64Array(n).map((_, i) => (Math.imul(i + 1, 2654435761) >>> 0) % 2 ** 24);
  /** Both waves as cubes without noise (so they equal crosstab()); employee_size links by its id. */
  function cubeWaves() {
    const { rows, asEarlier } = waves();
    const codebook = rows.codebook;
    const cube = buildCube(rows.dataset, publicCodebook(rows.codebook), keysOf(rows.dataset.n), noNoise);
    const cubes = new Map([['touch_model', cube.questions.get('touch_model')!]]);
    return { rows, earlier: { codebook: asEarlier.codebook, cubes } as TrendWave, later: { codebook, cubes } as TrendWave };
  }
  it('apply a banner column from each wave\'s cube', () => {
    const { rows, earlier, later } = cubeWaves();
    const s = state({ banner: 'employee_size', column: 2 });
    const scope = comparisonScope([earlier, later], s, { ...words, filters: [], banner: '従業員規模', column: { code: 2, label: '100〜299名' } });
    expect(scope.segment).toEqual({ variable: 'employee_size', code: 2 });
    const t = computeTrend([earlier, later], s, '効果を感じている', scope)!;
    const want = crosstab(rows.dataset, { question: 'touch_model', universe: 'effect_felt', banner: 'employee_size' });
    const c = want.columns.findIndex((x) => x.key === '2');
    expect(t.points.filter((p) => p.wave === '2023').map((p) => [p.proportion, p.base, p.source])).toEqual(want.rows.filter((r) => r.kind === 'option').map((r) => [r.cells[c].proportion, want.columns[c].n, 'protected']));
  });
  it('apply one filter the cubes publish, and refuse two with the reason', () => {
    const { rows, earlier, later } = cubeWaves();
    const one = state({ universe: 'all', filters: smallFirms });
    const scope = comparisonScope([earlier, later], one, words);
    expect(scope.filters).toBe(true);
    const t = computeTrend([earlier, later], one, '全体', scope)!;
    const want = crosstab(rows.dataset, { question: 'touch_model', filters: [{ q: 'employee_size', in: [1] }] });
    expect(t.points.filter((p) => p.wave === '2022').map((p) => p.proportion)).toEqual(want.rows.filter((r) => r.kind === 'option').map((r) => r.cells[0].proportion));
    // A universe and a filter together are two restrictions: no cube publishes that.
    const two = comparisonScope([earlier, later], state({ filters: smallFirms }), words);
    expect(two.filters).toBe(false);
    expect(two.notes[1]).toContain('2022年（秘匿処理した集計値は、対象者か1つの項目の1つの選択肢のどちらか1つでしか絞り込めません）');
  });
});
