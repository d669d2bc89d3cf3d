/** Trends across waves: crosswalked codes, microdata and published waves, and the two-wave z-test. */
import { beforeEach, describe, expect, it } from 'vitest';
import { crosstab, trend, compareWaves, twoProportionZ, wilson, clopperPearson, CrossTabError } from '../../../src/lib/stats/index.ts';
import { testChange } from '../../../src/lib/stats/trend.ts';
import type { TrendPoint } from '../../../src/lib/stats/trend.ts';
import { Codebook } from '../../../src/lib/dataset/codebook.ts';
import type { PublishedTable } from '../../../src/lib/dataset/types.ts';
import type { CodebookInput } from '../../../src/lib/dataset/codebook.ts';
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
  it('stops at a wave whose crosswalk breaks the question', () => {
    const dropped = makeDataset(people([[1, 10]]), false, (c) => ({ ...c, crosswalk: { wave: '2024', questions: [{ question: 'band' }], breaks: ['sa'] } }));
    const r = trend([waves[1], { codebook: dropped.codebook, dataset: dropped }], 'sa');
    expect(new Set(r.points.map((p) => p.wave))).toEqual(new Set(['2025']));
  });
  it('links a question of the same id that the crosswalk does not list (issue 12: the crosswalk lists only renames, recodes and breaks)', () => {
    const listed = makeDataset(people([[1, 10]]), false, (c) => ({ ...c, crosswalk: { wave: '2024', questions: [{ question: 'band' }] } }));
    const r = trend([waves[1], { codebook: listed.codebook, dataset: listed }], 'sa');
    expect(new Set(r.points.map((p) => p.wave))).toEqual(new Set(['2024', '2025']));
    // Not a question of the earlier wave: nothing to link to.
    const gone = { ...waves[1], codebook: { ...waves[1].codebook, questions: waves[1].codebook.questions.filter((q) => q.id !== 'sa') } };
    expect(new Set(trend([gone, { codebook: listed.codebook, dataset: listed }], 'sa').points.map((p) => p.wave))).toEqual(new Set(['2025']));
  });
});

describe('trend of a grid row', () => {
  const rows = (spec: Array<[number, number]>) => spec.flatMap(([code, k]) => Array.from({ length: k }, () => ({ seg: 1, sa: 1, grid__onb: code, grid__hs: code })));
  let gridWaves: Parameters<typeof trend>[0];
  beforeEach(() => {
    // 2025's crosswalk names the whole grid (codes 1 and 2 swapped since 2024); 2024's names one row.
    const d2024 = makeDataset(rows([[1, 30], [2, 70]]), false, (c) => ({ ...c, survey: { ...c.survey, wave: '2024' } }));
    const d2025 = makeDataset(rows([[1, 60], [2, 40]]));
    const g2024 = { codebook: { ...d2024.codebook, crosswalk: { wave: '2023', questions: [{ question: 'grid__onb' }], breaks: [] } }, dataset: d2024 };
    const g2025 = { codebook: { ...d2025.codebook, crosswalk: { wave: '2024', questions: [{ question: 'grid', options: { '1': 2, '2': 1 } }], breaks: [] } }, dataset: d2025 };
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

describe('trend: crosswalk rules, published tables and options', () => {
  /** A tables-only wave of the test codebook. */
  const tablesWave = (wave: string, tables: PublishedTable[]) => ({ codebook: Codebook.parse({ ...testCodebook(200, false), survey: { ...testCodebook(200, false).survey, wave, kind: 'tables' } }), tables });
  const micro = (wave: string, spec: Array<[number, number]>, crosswalk?: NonNullable<CodebookInput['crosswalk']>) => {
    const d = makeDataset(people(spec), false, (c) => ({ ...c, survey: { ...c.survey, wave }, ...(crosswalk ? { crosswalk } : {}) }));
    return { codebook: d.codebook, dataset: d };
  };
  const cells = (percents: Array<[number, number | null, number | null]>) => percents.map(([option, percent, count], i) => ({ option, percent, count, row: i + 2 }));

  it('refuses no waves, and a question without options in the latest wave', () => {
    expect(() => trend([], 'sa')).toThrow(new CrossTabError('trend: no waves given'));
    const w = micro('2025', [[1, 10]]);
    expect(() => trend([w], 'num')).toThrow('trend: question "num" with options not found in wave 2025');
    expect(() => trend([w], 'nope')).toThrow('trend: question "nope" with options not found in wave 2025');
    expect(() => trend([w], 'sa__x')).toThrow('trend: question "sa__x" with options not found in wave 2025');
  });
  it('keeps ids and codes without a crosswalk, or with a crosswalk from another wave', () => {
    const a = micro('2024', [[1, 30], [2, 70]]);
    // 2025's crosswalk is from 2023, not from 2024: it does not apply (else it would drop sa).
    const b = micro('2025', [[1, 60], [2, 40]], { wave: '2023', questions: [{ question: 'band' }] });
    const t = trend([a, b], 'sa');
    const p2024 = t.points.filter((p) => p.wave === '2024');
    expect(p2024.map((p) => [p.option, p.code, p.question, p.proportion])).toEqual([[1, 1, 'sa', 0.3], [2, 2, 'sa', 0.7], [3, 3, 'sa', 0], [9, 9, 'sa', 0]]);
    expect(t.points.map((p) => p.label).slice(0, 4)).toEqual(['満足', 'やや満足', '不満', 'わからない']);
    // Consecutive microdata waves: options 1 and 2 changed (30 → 60 %, 70 → 40 %); 3 and 9 are 0 % in
    // both (nothing to test).
    expect(t.tests.map((x) => [x.option, x.from, x.to, Math.sign(x.z)])).toEqual([[1, '2024', '2025', -1], [2, '2024', '2025', 1]]);
    // z of 30 % vs 60 % of 100 each: pooled 0.45, SE √(0.45·0.55·0.02) = 0.0703562, z = −4.26401.
    expect(t.tests[0].z).toBeCloseTo(-0.3 / Math.sqrt(0.45 * 0.55 * 0.02), 10);
  });
  it('follows an entry’s previous id, and a grid entry’s previous id for its rows', () => {
    const old = tablesWave('2024', [
      { question: 'sa_old', universe: 'all', segment: 'total', base: 100, source: null, cells: cells([[1, 10, null], [2, 20, null]]) },
      { question: 'g_old__onb', universe: 'all', segment: 'total', base: 50, source: 'p.1', cells: cells([[1, 40, null], [2, 60, null]]) },
    ]);
    const now = micro('2025', [[1, 10]], { wave: '2024', questions: [{ question: 'sa', previous: 'sa_old', options: { '1': 2 } }, { question: 'grid', previous: 'g_old' }] });
    const sa = trend([old, now], 'sa').points.filter((p) => p.wave === '2024');
    expect(sa.map((p) => [p.option, p.question, p.code, p.proportion])).toEqual([[1, 'sa_old', 2, 0.2], [2, 'sa_old', 2, 0.2]]);
    const onb = trend([old, now], 'grid__onb').points.filter((p) => p.wave === '2024');
    expect(onb.map((p) => [p.option, p.question, p.code, p.proportion, p.sourceNote])).toEqual([[1, 'g_old__onb', 1, 0.4, 'p.1'], [2, 'g_old__onb', 2, 0.6, 'p.1']]);
  });
  it('reads published cells from percent, else count / base, and skips what cannot be read', () => {
    const old = tablesWave('2024', [
      { question: 'sa', universe: 'all', segment: 'seg=1', base: 10, source: null, cells: cells([[1, 90, null]]) },
      { question: 'sa', universe: 'seg_ab', segment: 'total', base: 40, source: null, cells: cells([[1, 50, null]]) },
      { question: 'sa', universe: 'all', segment: 'total', base: 80, source: 'p.2', cells: cells([[1, null, 20], [2, null, null], [3, 12.5, 99]]) },
    ]);
    const now = micro('2025', [[1, 10]]);
    const points = trend([old, now], 'sa').points.filter((p) => p.wave === '2024');
    // Option 1: 20 / 80; option 2: neither percent nor count → left out; option 3: the percent wins;
    // option 9: no cell → left out.
    expect(points.map((p) => [p.option, p.proportion, p.base, p.effectiveBase, p.weightedBase, p.source])).toEqual([
      [1, 0.25, 80, 80, 80, 'published'],
      [3, 0.125, 80, 80, 80, 'published'],
    ]);
    expect(points[0].ci).toEqual(wilson(0.25, 80));
    // A named universe picks that universe's table.
    const ab = trend([old, now], 'sa', { universe: 'seg_ab' }).points.filter((p) => p.wave === '2024');
    expect(ab.map((p) => [p.option, p.proportion, p.base])).toEqual([[1, 0.5, 40]]);
  });
  it('skips a count on a printed base of 0, and marks a protected cube’s totals', () => {
    const old = tablesWave('2024', [{ question: 'sa', universe: 'all', segment: 'total', base: 0, source: null, cells: cells([[1, null, 0]]) }]);
    const now = micro('2025', [[1, 10]]);
    expect(trend([old, now], 'sa').points.filter((p) => p.wave === '2024')).toEqual([]);
    const cube = tablesWave('2024', [{ question: 'sa', universe: 'all', segment: 'total', base: 50, source: null, protected: true, cells: cells([[1, 20, null]]) }]);
    const [p] = trend([cube, now], 'sa').points;
    expect([p.wave, p.source, p.proportion]).toEqual(['2024', 'protected', 0.2]);
  });
  it('uses the interval method and level of the stats options for printed and computed points', () => {
    const old = tablesWave('2024', [{ question: 'sa', universe: 'all', segment: 'total', base: 80, source: null, cells: cells([[1, 25, null]]) }]);
    const now = micro('2025', [[1, 30], [2, 10]]);
    const t = trend([old, now], 'sa', { stats: { interval: 'clopper-pearson', level: 0.9 } });
    expect(t.points[0].ci).toEqual(clopperPearson(0.25, 80, 0.9));
    expect(t.points.find((p) => p.wave === '2025' && p.option === 1)!.ci).toEqual(clopperPearson(0.75, 40, 0.9));
  });
  it('passes universe, weighting and percent base to the microdata cross-tab', () => {
    const a = micro('2024', [[1, 6], [2, 2]]);
    // 4 of the 2025 respondents are in seg 3 (outside seg_ab), one gave no answer.
    const d = makeDataset([...people([[1, 6], [2, 2]]), { seg: 3, sa: 2 }, { seg: 3, sa: 2 }, { seg: 3, sa: 2 }, { seg: 3, sa: 2 }, { seg: 1, sa: null }], true);
    const b = { codebook: d.codebook, dataset: d };
    const all = trend([a, b], 'sa').points.find((p) => p.wave === '2025' && p.option === 1)!;
    expect([all.proportion, all.base]).toEqual([6 / 13, 13]);
    const ab = trend([a, b], 'sa', { universe: 'seg_ab', stats: { percentBase: 'valid' } }).points.find((p) => p.wave === '2025' && p.option === 1)!;
    // Weights of 1, design-based (the default): the domain of 8 in a wave of 13 carries 13/12.
    expect([ab.proportion, ab.base, ab.weightedBase]).toEqual([6 / 8, 8, 8]);
    expect(ab.effectiveBase).toBeCloseTo((8 * 12) / 13, 12);
    const kish = trend([a, b], 'sa', { universe: 'seg_ab', stats: { percentBase: 'valid', variance: 'kish' } }).points.find((p) => p.wave === '2025' && p.option === 1)!;
    expect(kish.effectiveBase).toBe(8);
    // weighted: true reaches every microdata wave: the unweighted 2024 refuses it.
    expect(() => trend([a, b], 'sa', { weighted: true })).toThrow(/has no weights/);
  });
  it('labels each point by the latest wave’s option, and tests only consecutive microdata waves', () => {
    const a = micro('2023', [[1, 50], [2, 50]]);
    const mid = tablesWave('2024', [{ question: 'sa', universe: 'all', segment: 'total', base: 100, source: null, cells: cells([[1, 90, null]]) }]);
    const b = micro('2025', [[1, 90], [2, 10]]);
    const t = trend([a, mid, b], 'sa');
    // 2023 and 2025 are the consecutive microdata waves (the printed 2024 sits between them).
    expect(t.tests.map((x) => [x.option, x.from, x.to])).toEqual([[1, '2023', '2025'], [2, '2023', '2025']]);
    expect(t.question).toBe('sa');
  });
});

describe('testChange', () => {
  const point = (wave: string, proportion: number, base: number, source: TrendPoint['source'] = 'microdata'): TrendPoint => ({ wave, option: 1, label: 'x', question: 'sa', code: 1, proportion, ci: null, base, effectiveBase: base, weightedBase: base, source });
  it('gives the printed difference in points, the sign of z for an increase, and the printed waves', () => {
    // 40 % → 50 % of 1000 each: pooled 0.45, z = 0.1/√(0.45·0.55·0.002) = 4.49467.
    const up = testChange(point('2022', 0.4, 1000, 'published'), point('2023', 0.5, 1000))!;
    expect(up.points).toBe(10);
    expect(up.z).toBeCloseTo(0.1 / Math.sqrt(0.45 * 0.55 * 0.002), 10);
    expect([up.significant, up.direction, up.alpha, up.printed]).toEqual([true, 'up', 0.05, ['2022']]);
    // Shares as printed (one decimal): 12.35 % → 12.4, 10.04 % → 10.0: 2.4 points, not 2.31.
    const down = testChange(point('2022', 0.1235, 5000), point('2023', 0.1004, 5000))!;
    expect(down.points).toBe(-2.4);
    expect([down.direction, down.printed]).toEqual(['down', []]);
    expect(down.z).toBeLessThan(0);
    expect(testChange(point('2022', 0.1235, 5000), point('2023', 0.1004, 5000), 0.05, 0)!.points).toBe(-2);
  });
  it('says none when the change is not significant at alpha, and null when nothing can be tested', () => {
    const flat = testChange(point('2022', 0.4, 100), point('2023', 0.45, 100))!;
    expect([flat.significant, flat.direction]).toEqual([false, 'none']);
    expect(testChange(point('2022', 0, 100), point('2023', 0, 100))).toBeNull();
    expect(testChange(point('2022', 0.5, 0), point('2023', 0.5, 100))).toBeNull();
  });
});

describe('trend: dropped questions, missing rows and tables, strict alpha', () => {
  const micro = (wave: string, spec: Array<[number, number]>, crosswalk?: NonNullable<CodebookInput['crosswalk']>) => {
    const d = makeDataset(people(spec), false, (c) => ({ ...c, survey: { ...c.survey, wave }, ...(crosswalk ? { crosswalk } : {}) }));
    return { codebook: d.codebook, dataset: d };
  };
  it('contributes nothing from any wave before the one whose crosswalk drops the question', () => {
    const t = trend([micro('2023', [[1, 5]]), micro('2024', [[1, 5]]), micro('2025', [[1, 5]], { wave: '2024', questions: [{ question: 'band' }], breaks: ['sa'] })], 'sa');
    expect(new Set(t.points.map((p) => p.wave))).toEqual(new Set(['2025']));
    expect(t.tests).toEqual([]);
  });
  it('skips options whose row the table does not show (わからない on the substantive base)', () => {
    const t = trend([micro('2025', [[1, 5], [9, 5]])], 'sa', { stats: { percentBase: 'substantive' } });
    expect(t.points.map((p) => [p.option, p.proportion])).toEqual([[1, 1], [2, 0], [3, 0]]);
  });
  it('skips a published wave without the question’s table', () => {
    const old = { codebook: c2023, tables: [{ question: 'band', universe: 'all', segment: 'total', base: 10, source: null, cells: [{ option: 1, percent: 10, count: null, row: 2 }] }] };
    const t = trend([old, micro('2025', [[1, 5]])], 'sa');
    expect(new Set(t.points.map((p) => p.wave))).toEqual(new Set(['2025']));
  });
  it('compares only two microdata points, and calls a change significant only for p strictly below alpha', () => {
    const t = trend(waves, 'sa');
    const at = (wave: string) => t.points.find((p) => p.wave === wave && p.option === 1)!;
    expect(compareWaves(at('2024'), at('2023'))).toBeNull();
    const p = compareWaves(at('2024'), at('2025'))!.p;
    expect(compareWaves(at('2024'), at('2025'), p)!.significant).toBe(false);
    expect(testChange(at('2024'), at('2025'), p)!).toMatchObject({ significant: false, direction: 'none' });
    expect(compareWaves(at('2024'), at('2025'), p * 1.000001)!.significant).toBe(true);
  });
});
