/** crosstab(): bases, 無回答, valid %, nets, multi answers, letters, χ², flags and errors, on hand-counted data. */
import { beforeEach, describe, expect, it } from 'vitest';
import { crosstab, defaultStatsOptions, kish } from '../../../src/lib/stats/index.ts';
import type { CrossTab } from '../../../src/lib/stats/index.ts';
import { makeDataset } from './helpers.ts';

const small = [
  { seg: 1, sa: 1, ma: [1, 2], num: 120, weight: 1 },
  { seg: 1, sa: 1, ma: [1], num: 30, weight: 2 },
  { seg: 1, sa: 2, ma: [9], num: 8, weight: 1 },
  { seg: 1, sa: null, ma: null, num: null, weight: 0.5 },
  { seg: 2, sa: 3, ma: [2], num: 200, weight: 1 },
  { seg: 2, sa: 9, ma: [2, 3], num: 15, weight: 3 },
  { seg: 2, sa: 1, ma: [1], num: 4, weight: 1 },
  { seg: 3, sa: 2, ma: [3], num: 60, weight: 1 },
  { seg: 3, sa: null, ma: null, num: 100, weight: 1.5 },
];
// Built before each test (not at module level) so that mutation testing can trace coverage to a test.
let d: ReturnType<typeof makeDataset>;
let dw: ReturnType<typeof makeDataset>;
beforeEach(() => {
  d = makeDataset(small, false);
  dw = makeDataset(small, true);
});
const row = (t: CrossTab, key: string) => t.rows.find((r) => r.key === key)!;
const counts = (t: CrossTab, key: string) => row(t, key).cells.map((c) => c.count);

describe('crosstab of a single-answer question', () => {
  let t: CrossTab;
  beforeEach(() => {
    t = crosstab(d, { question: 'sa', banner: 'seg' });
  });
  it('puts the total first, then one lettered column per banner option', () => {
    expect(t.columns.map((c) => [c.key, c.letter, c.n])).toEqual([['total', '', 9], ['1', 'A', 4], ['2', 'B', 3], ['3', 'C', 2]]);
  });
  it('takes percentages on the question base including 無回答, with a 無回答 row', () => {
    expect(t.rows.map((r) => r.key)).toEqual(['1', '2', '3', '9', 'net:top2', 'na']);
    expect(counts(t, 'na')).toEqual([2, 1, 0, 1]);
    expect(row(t, '1').cells[0].proportion).toBe(3 / 9);
    expect(t.columns[0].validN).toBe(7);
  });
  it('adds categories for a single-answer net', () => {
    expect(counts(t, 'net:top2')).toEqual([5, 3, 1, 1]);
  });
  it('drops the 無回答 row and uses the valid base for valid %', () => {
    const v = crosstab(d, { question: 'sa', banner: 'seg' }, { percentBase: 'valid' });
    expect(v.rows.map((r) => r.key)).not.toContain('na');
    expect(row(v, '1').cells[0].proportion).toBe(3 / 7);
    expect(v.columns[0].baseN).toBe(7);
  });
  it('leaves わからない and 無回答 out of the substantive base (top-box shares)', () => {
    const v = crosstab(d, { question: 'sa', banner: 'seg' }, { percentBase: 'substantive' });
    expect(v.rows.map((r) => r.key)).toEqual(['1', '2', '3', 'net:top2']);
    expect(row(v, 'net:top2').cells[0].proportion).toBe(5 / 6);
    expect(v.columns.map((c) => c.baseN)).toEqual([6, 3, 2, 1]);
  });
  it('flags small bases: caution below 30, suppressed below 10, no letters', () => {
    expect(t.columns.every((c) => c.caution && c.suppressed)).toBe(true);
    expect(t.rows.every((r) => r.cells.every((c) => c.letters === '' && c.vsTotal === 0))).toBe(true);
  });
  it('shows no 無回答 row when nobody skipped the question', () => {
    expect(crosstab(d, { question: 'seg' }).rows.map((r) => r.key)).toEqual(['1', '2', '3']);
  });
});

describe('weights', () => {
  let t: CrossTab;
  beforeEach(() => {
    t = crosstab(dw, { question: 'sa', banner: 'seg' });
  });
  it('are used by default when the dataset has them', () => {
    expect(t.weighted).toBe(true);
    expect(crosstab(dw, { question: 'sa', weighted: false }).weighted).toBe(false);
  });
  it('give weighted counts, W and a Kish effective base per column', () => {
    expect(row(t, '1').cells[1].weightedCount).toBe(3);
    expect(t.columns[1].weightedBase).toBe(4.5);
    expect(t.columns[1].effectiveBase).toBeCloseTo(4.5 ** 2 / (1 + 4 + 1 + 0.25), 12);
    expect(t.columns[0].effectiveBase).toBeCloseTo(kish(12, 1 + 4 + 1 + 0.25 + 1 + 9 + 1 + 1 + 2.25), 12);
    expect(row(t, '1').cells[1].proportion).toBeCloseTo(3 / 4.5, 15);
  });
});

describe('crosstab of a multi-answer question', () => {
  let t: CrossTab;
  beforeEach(() => {
    t = crosstab(d, { question: 'ma', banner: 'seg' });
  });
  it('takes percent of respondents on the question base (sums past 100)', () => {
    expect(counts(t, '1')).toEqual([3, 2, 1, 0]);
    expect(row(t, '1').cells[0].proportion).toBe(3 / 9);
    const valid = crosstab(d, { question: 'ma' }, { percentBase: 'valid' });
    expect(valid.rows.filter((r) => r.kind === 'option').reduce((s, r) => s + r.cells[0].proportion, 0)).toBeCloseTo(9 / 7, 12);
  });
  it('counts a net as respondents who chose at least one member (not a sum)', () => {
    expect(counts(t, 'net:any_tool')).toEqual([6, 2, 3, 1]);
  });
  it('offers percent of responses', () => {
    const r = crosstab(d, { question: 'ma', banner: 'seg' }, { multiPercent: 'responses' });
    expect(r.responses).toEqual([9, 4, 4, 1]);
    expect(row(r, '1').cells[0].proportion).toBe(3 / 9);
    expect(r.columns[0].baseN).toBe(9);
  });
});

describe('letters and χ² (STATS.md vectors as a table)', () => {
  const rs = [
    ...Array.from({ length: 50 }, (_, i) => ({ seg: 1, sa: i < 30 ? 1 : 3 })),
    ...Array.from({ length: 75 }, (_, i) => ({ seg: 2, sa: i < 45 ? 1 : 3 })),
    ...Array.from({ length: 75 }, (_, i) => ({ seg: 3, sa: i < 25 ? 1 : 3 })),
  ];
  let t: CrossTab;
  beforeEach(() => {
    t = crosstab(makeDataset(rs), { question: 'sa', banner: 'seg' });
  });
  it('gives A and B the letter C on option 1, and C none', () => {
    expect(row(t, '1').cells.map((c) => c.letters)).toEqual(['', 'C', 'C', '']);
    expect(row(t, '3').cells.map((c) => c.letters)).toEqual(['', '', '', 'AB']);
  });
  it('marks columns against everyone not in them (Bonferroni over the three columns)', () => {
    // C: 25/75 vs 75/125 is significant; B: 45/75 vs 55/125 has p = 0.028, × 3 > 0.05.
    expect(row(t, '1').cells.map((c) => c.vsTotal)).toEqual([0, 0, 0, -1]);
    expect(crosstab(makeDataset(rs), { question: 'sa', banner: 'seg' }, { adjust: 'none' }).rows[0].cells.map((c) => c.vsTotal)).toEqual([0, 0, 1, -1]);
  });
  it('computes χ² = 13.333, df 2, p 0.001272634 and the adjusted residuals', () => {
    expect(t.chiSquare!.statistic).toBeCloseTo(13.333333, 6);
    expect(t.chiSquare!.df).toBe(2);
    expect(t.chiSquare!.p).toBeCloseTo(0.001272634, 9);
    expect(row(t, '1').cells.slice(1).map((c) => Number(c.residual!.toFixed(3)))).toEqual([1.633, 2.191, -3.651]);
  });
  it('refuses letters for a multi-answer banner and says why', () => {
    const m = crosstab(d, { question: 'sa', banner: 'ma' }, { cautionBase: 0, suppressBase: 0 });
    expect(m.lettersNote).toMatch(/複数回答/);
    expect(m.columns.map((c) => c.n)).toEqual([9, 3, 3, 2, 1]);
    expect(m.rows.every((r) => r.cells.every((c) => c.letters === ''))).toBe(true);
    expect(m.chiSquare).toBeNull();
  });
});

describe('universes, summaries and derived variables', () => {
  it("intersects the question's own universe", () => {
    expect(crosstab(d, { question: 'nps' }).columns[0].n).toBe(7);
    expect(crosstab(d, { question: 'nps' }).universeLabel).toBe('A社・B社');
  });
  it('summarises a numeric question per column and leaves blanks out', () => {
    const t = crosstab(d, { question: 'num', banner: 'seg' });
    expect(t.summaries!.map((s) => s.n)).toEqual([8, 3, 3, 2]);
    expect(t.summaries![1]).toMatchObject({ mean: (120 + 30 + 8) / 3, median: 30, q1: 8, q3: 120 });
    expect(t.summaries![0].median).toBe((30 + 60) / 2);
    expect(counts(t, 'na')).toEqual([1, 1, 0, 0]);
  });
  it('tabulates by a derived banner', () => {
    const t = crosstab(d, { question: 'sa', banner: 'big' });
    expect(t.columns.map((c) => c.n)).toEqual([9, 3, 6]);
  });
  it('tabulates a grid row as its own single-answer variable', () => {
    const g = makeDataset([{ seg: 1, grid__onb: 1 }, { seg: 2, grid__onb: 2 }, { seg: 2, grid__onb: null }]);
    const t = crosstab(g, { question: 'grid__onb' });
    expect(t.type).toBe('grid-row');
    expect(counts(t, '1')).toEqual([1]);
    expect(counts(t, 'na')).toEqual([1]);
  });
});

describe('errors name the culprit', () => {
  it.each([
    [{ question: 'nope' }, {}, 'unknown question "nope"'],
    [{ question: 'grid' }, {}, 'question "grid" is a grid: tabulate one of its rows (grid__onb, grid__hs)'],
    [{ question: 'sa', banner: 'num' }, {}, 'banner "num" is numeric: band it first (a banded question or derived variable)'],
    [{ question: 'sa', universe: 'saas' }, {}, 'unknown universe "saas" (known: all, seg_ab)'],
    [{ question: 'sa', weighted: true }, {}, 'weighted table asked for, but the dataset "unit/2025" has no weights'],
    [{ question: 'sa' }, { interval: 'exact' }, 'invalid interval: exact (expected wilson, clopper-pearson)'],
    [{ question: 'sa' }, { adjust: 'holm' }, 'invalid adjust: holm (expected bonferroni, bh, none)'],
    [{ question: 'sa' }, { alpha: 5 }, 'invalid alpha: 5 (expected a number between 0 and 1)'],
  ])('%j %j → %s', (spec, options, message) => {
    expect(() => crosstab(d, spec, options as never)).toThrow(message);
  });
  it('keeps the defaults of STATS.md', () => {
    expect(defaultStatsOptions).toEqual({ level: 0.95, interval: 'wilson', alpha: 0.05, alpha2: null, adjust: 'bonferroni', cautionBase: 30, suppressBase: 10, percentBase: 'question', multiPercent: 'respondents', variance: 'design' });
  });
});
