/**
 * Comparisons across waves in the explorer (issue 11): what a comparison applies of the view
 * (universe; filters only where every wave has respondent rows), what it says it could not apply,
 * and no one-point "trend".
 */
import { describe, it, expect } from 'vitest';
import { loadCatalog } from '../../../src/server/catalog.ts';
import { comparisonScope, computeTrend } from '../../../src/lib/explore/compute.ts';
import { crosstab } from '../../../src/lib/stats/crosstab.ts';
import { trend, type TrendWave } from '../../../src/lib/stats/trend.ts';
import type { ExploreState } from '../../../src/lib/explore/state.ts';

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
      notes: [
        '調査回比較の対象者：効果を感じている。',
        '絞り込み（従業員規模：1〜99名）は調査回比較に適用していません。回答者ごとに絞り込めない調査回があるためです：2022年（公表された集計表）、2023年（秘匿処理した集計値）。比較の値は絞り込みをしない対象者全体のものです。',
      ],
    });
  });
  it('applies filters when every wave has respondent rows with the filter variables', () => {
    const { rows, asEarlier } = waves();
    expect(comparisonScope([asEarlier, rows], state({ filters: smallFirms }), words)).toEqual({ filters: true, notes: ['調査回比較の対象者：効果を感じている。', '絞り込み（従業員規模：1〜99名）を各調査回に適用しています。'] });
    const without = { ...asEarlier, dataset: { ...asEarlier.dataset, variables: new Map([...asEarlier.dataset.variables].filter(([id]) => id !== 'employee_size')) } };
    expect(comparisonScope([without, rows], state({ filters: smallFirms }), words).notes[1]).toBe('絞り込み（従業員規模：1〜99名）は調査回比較に適用していません。回答者ごとに絞り込めない調査回があるためです：2022年（回答者データに「employee_size」がありません）。比較の値は絞り込みをしない対象者全体のものです。');
  });
  it('says that a banner is not applied', () => {
    const { tables, rows } = waves();
    expect(comparisonScope([tables, rows], state({ banner: 'industry' }), { ...words, banner: '業種' }).notes).toEqual([
      '調査回比較の対象者：効果を感じている。',
      '集計軸（業種）は調査回比較に適用していません。比較は対象者全体の値で示します（集計軸別の表は「前回調査と比較」を外すと表示されます）。',
    ]);
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
