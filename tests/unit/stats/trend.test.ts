/** Trends across waves: crosswalked codes, microdata and published waves, and the two-wave z-test. */
import { beforeEach, describe, expect, it } from 'vitest';
import { crosstab, trend, compareWaves, twoProportionZ, wilson } from '../../../src/lib/stats/index.ts';
import { Codebook } from '../../../src/lib/dataset/codebook.ts';
import type { PublishedTable } from '../../../src/lib/dataset/types.ts';
import { makeDataset, testCodebook } from './helpers.ts';

const people = (spec: Array<[number, number]>) => spec.flatMap(([sa, k]) => Array.from({ length: k }, () => ({ seg: 1, sa })));

// 2024 coded 満足 as 2 and やや満足 as 1; 2025 swapped them and says so in its crosswalk.
/** Built before each test (not at module level) so that mutation testing can trace coverage to a test. */
function fixture() {
  const w2024 = makeDataset(people([[2, 40], [1, 30], [3, 30]]), false, (c) => ({ ...c, survey: { ...c.survey, wave: '2024' }, crosswalk: { wave: '2023', questions: [{ question: 'sa' }] } }));
  const w2025 = makeDataset(people([[1, 60], [2, 20], [3, 20]]), false, (c) => ({ ...c, crosswalk: { wave: '2024', questions: [{ question: 'sa', options: { '1': 2, '2': 1 } }] } }));
  const c2023 = Codebook.parse({ ...testCodebook(200, false), survey: { ...testCodebook(200, false).survey, wave: '2023', kind: 'tables' } });
  const tables2023: PublishedTable[] = [
    { question: 'sa', universe: 'all', segment: 'total', base: 200, source: 'p.12 図3', cells: [{ option: 1, percent: 30, count: null, row: 2 }, { option: 2, percent: null, count: 50, row: 3 }] },
    { question: 'sa', universe: 'all', segment: 'seg=1', base: 80, source: 'p.12 図3', cells: [{ option: 1, percent: 99, count: null, row: 4 }] },
  ];
  const waves = [{ codebook: c2023, tables: tables2023 }, { codebook: w2024.codebook, dataset: w2024 }, { codebook: w2025.codebook, dataset: w2025 }];
  return { w2024, w2025, c2023, tables2023, waves };
}

let w2024: ReturnType<typeof makeDataset>;
let w2025: ReturnType<typeof makeDataset>;
let c2023: Codebook;
let tables2023: PublishedTable[];
let waves: ReturnType<typeof fixture>['waves'];
beforeEach(() => {
  ({ w2024, w2025, c2023, tables2023, waves } = fixture());
});

describe('trend', () => {
  let t: ReturnType<typeof trend>;
  beforeEach(() => {
    t = trend(waves, 'sa');
  });
  const point = (wave: string, option: number) => t.points.find((p) => p.wave === wave && p.option === option)!;

  it('follows the crosswalk: 満足 (code 1 now) was code 2 in 2024', () => {
    expect(point('2025', 1)).toMatchObject({ code: 1, proportion: 0.6, base: 100, source: 'microdata' });
    expect(point('2024', 1)).toMatchObject({ code: 2, proportion: 0.4, source: 'microdata' });
    expect(point('2024', 2).proportion).toBe(0.3);
  });
  it('takes published waves as printed, from percent or from count / base, with a Wilson interval on the base', () => {
    expect(point('2023', 1)).toMatchObject({ code: 2, proportion: 0.25, base: 200, source: 'published', sourceNote: 'p.12 図3' });
    expect(point('2023', 2).proportion).toBe(0.3);
    expect(point('2023', 2).ci).toEqual(wilson(0.3, 200));
  });
  it('matches the microdata cross-tab of each wave', () => {
    const cell = crosstab(w2024, { question: 'sa' }).rows.find((r) => r.key === '2')!.cells[0];
    expect(point('2024', 1).ci).toEqual(cell.ci);
  });
  it('tests consecutive microdata waves with the two-proportion z-test', () => {
    const test = t.tests.find((x) => x.option === 1)!;
    const expected = twoProportionZ({ p: 0.4, n: 100 }, { p: 0.6, n: 100 })!;
    expect(test).toMatchObject({ from: '2024', to: '2025', significant: true });
    expect(test.z).toBeCloseTo(expected.z, 12);
    expect(test.p).toBeCloseTo(expected.p, 15);
    expect(t.tests.every((x) => x.from === '2024')).toBe(true);
  });
  it('says when a change is not significant (3 of 3 options tested; only 満足 moved enough)', () => {
    // 2024 → 2025: やや満足 30 % → 20 % of 100 each (z ≈ 1.63, p ≈ 0.10), the rest 30 % → 20 %.
    const byOption = new Map(t.tests.map((x) => [x.option, x]));
    expect(byOption.size).toBe(3);
    const other = byOption.get(2)!;
    const expected = twoProportionZ({ p: 0.3, n: 100 }, { p: 0.2, n: 100 })!;
    expect(other.p).toBeCloseTo(expected.p, 15);
    expect(other.p).toBeGreaterThan(0.05);
    expect(other.significant).toBe(false);
    // At α = 0.2 the same change counts as significant: the flag follows the documented α.
    const loose = trend(waves, 'sa', { stats: { alpha: 0.2 } }).tests.find((x) => x.option === 2)!;
    expect(loose.significant).toBe(true);
  });
  it('does not test a published wave', () => {
    expect(compareWaves(point('2023', 1), point('2024', 1))).toBeNull();
  });
  it('stops at a wave whose crosswalk drops the question', () => {
    const dropped = makeDataset(people([[1, 10]]), false, (c) => ({ ...c, crosswalk: { wave: '2024', questions: [{ question: 'band' }] } }));
    const r = trend([waves[1], { codebook: dropped.codebook, dataset: dropped }], 'sa');
    expect(new Set(r.points.map((p) => p.wave))).toEqual(new Set(['2025']));
  });
});

describe('trend of a grid row', () => {
  const rows = (spec: Array<[number, number]>) => spec.flatMap(([code, k]) => Array.from({ length: k }, () => ({ seg: 1, sa: 1, grid__onb: code, grid__hs: code })));
  let gridWaves: Parameters<typeof trend>[0];
  beforeEach(() => {
    // 2025's crosswalk names the whole grid (codes 1 and 2 swapped since 2024); 2024's names one row.
    const d2024 = makeDataset(rows([[1, 30], [2, 70]]), false, (c) => ({ ...c, survey: { ...c.survey, wave: '2024' } }));
    const d2025 = makeDataset(rows([[1, 60], [2, 40]]));
    const g2024 = { codebook: { ...d2024.codebook, crosswalk: { wave: '2023', questions: [{ question: 'grid__onb' }] } }, dataset: d2024 };
    const g2025 = { codebook: { ...d2025.codebook, crosswalk: { wave: '2024', questions: [{ question: 'grid', options: { '1': 2, '2': 1 } }] } }, dataset: d2025 };
    const printed: PublishedTable[] = [{ question: 'grid__onb', universe: 'all', segment: 'total', base: 150, source: 'p.3', cells: [{ option: 2, percent: 45, count: null, row: 2 }] }];
    gridWaves = [{ codebook: c2023, tables: printed }, g2024, g2025];
  });

  it('follows a crosswalk entry naming the grid or the row, into published <grid>__<row> tables', () => {
    const t = trend(gridWaves, 'grid__onb');
    const at = (wave: string) => t.points.find((p) => p.wave === wave && p.option === 1);
    expect(at('2025')).toMatchObject({ question: 'grid__onb', code: 1, proportion: 0.6, label: '実施', source: 'microdata' });
    expect(at('2024')).toMatchObject({ question: 'grid__onb', code: 2, proportion: 0.7, source: 'microdata' });
    expect(at('2023')).toMatchObject({ question: 'grid__onb', code: 2, proportion: 0.45, base: 150, source: 'published' });
  });
  it('stops where the crosswalk names another row', () => {
    const t = trend(gridWaves, 'grid__hs');
    expect(new Set(t.points.map((p) => p.wave))).toEqual(new Set(['2024', '2025']));
  });
  it('fails on a row the latest wave does not have', () => {
    expect(() => trend(gridWaves, 'grid__nope')).toThrow(/question "grid__nope" with options not found in wave 2025/);
  });
});
