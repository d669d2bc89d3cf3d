/**
 * crosstab() details on hand-counted data: flag boundaries, untestable columns, χ² of multi
 * answers and of weighted tables, withheld columns, summaries of banded, scored and numeric
 * questions, overlapping banners and the substantive base of multi answers.
 */
import { describe, expect, it } from 'vitest';
import { crosstab, chiSquareTest } from '../../../src/lib/stats/index.ts';
import type { CrossTab } from '../../../src/lib/stats/index.ts';
import { tabulate } from '../../../src/lib/stats/crosstab.ts';
import { layout } from '../../../src/lib/stats/layout.ts';
import { population, resolveVariable, universeLabel } from '../../../src/lib/stats/population.ts';
import { resolveStatsOptions } from '../../../src/lib/stats/options.ts';
import type { Answers } from './helpers.ts';
import { makeDataset } from './helpers.ts';

const row = (t: CrossTab, key: string) => t.rows.find((r) => r.key === key)!;
const repeat = (k: number, a: Answers): Answers[] => Array.from({ length: k }, () => ({ ...a }));
/** The R-checked vector of vectors.test.ts: option 1 chosen by A 30/50, B 45/75, C 25/75. */
const abc = (): Answers[] => [...repeat(30, { seg: 1, sa: 1 }), ...repeat(20, { seg: 1, sa: 3 }), ...repeat(45, { seg: 2, sa: 1 }), ...repeat(30, { seg: 2, sa: 3 }), ...repeat(25, { seg: 3, sa: 1 }), ...repeat(50, { seg: 3, sa: 3 })];
/** The test codebook with a fourth banner column D社 (nobody in it unless given). */
const withD = (c: Parameters<NonNullable<Parameters<typeof makeDataset>[2]>>[0]) => ({
  ...c,
  questions: c.questions.map((q) => (q.id === 'seg' && q.type === 'single' ? { ...q, options: [...q.options, { code: 4, label: 'D社' }] } : q)),
});

describe('column flags', () => {
  it('flag a base strictly below the caution and suppression bases', () => {
    // Bases A 4, B 3, C 2.
    const d = makeDataset([...repeat(4, { seg: 1, sa: 1 }), ...repeat(3, { seg: 2, sa: 1 }), ...repeat(2, { seg: 3, sa: 2 })]);
    const t = crosstab(d, { question: 'sa', banner: 'seg' }, { cautionBase: 3, suppressBase: 2 });
    expect(t.columns.map((c) => [c.n, c.caution, c.suppressed])).toEqual([[9, false, false], [4, false, false], [3, false, false], [2, true, false]]);
    const u = crosstab(d, { question: 'sa', banner: 'seg' }, { cautionBase: 4, suppressBase: 3 });
    expect(u.columns.map((c) => [c.caution, c.suppressed])).toEqual([[false, false], [false, false], [true, false], [true, true]]);
  });
});

describe('letters with an empty column', () => {
  it('leave an empty column out of the family even when the caution base is 0', () => {
    // A–C 0.003256 × 3 = 0.00977 < 0.01. Were the empty D counted (as p = 1 pairs), Bonferroni × 6
    // would make it 0.0195 and A would lose its letter.
    const d = makeDataset(abc(), false, withD);
    const t = crosstab(d, { question: 'sa', banner: 'seg' }, { cautionBase: 0, suppressBase: 0, alpha: 0.01 });
    expect(t.columns.map((c) => c.n)).toEqual([200, 50, 75, 75, 0]);
    expect(row(t, '1').cells.map((c) => c.letters)).toEqual(['', 'C', 'C', '', '']);
    expect(row(t, '1').cells[4]).toMatchObject({ count: 0, proportion: NaN, ci: null, letters: '', vsTotal: 0, residual: null });
    // Residuals of the live columns are those of the 2 × 3 table (vectors.test.ts).
    expect(row(t, '1').cells.slice(1, 4).map((c) => Number(c.residual!.toFixed(3)))).toEqual([1.633, 2.191, -3.651]);
    expect(t.chiSquare!.df).toBe(2);
  });
});

describe('χ² of a weighted table', () => {
  it('is taken on counts scaled to the Kish effective base (variance kish): weights of 2 give the unweighted χ²', () => {
    const d = makeDataset(abc().map((a) => ({ ...a, weight: 2 })), true);
    const t = crosstab(d, { question: 'sa', banner: 'seg' }, { variance: 'kish' });
    expect(row(t, '1').cells[1].weightedCount).toBe(60);
    // Scale = Kish(400, 800) / 400 = 200/400: the table is again 30/45/25 over 20/30/50.
    expect(t.chiSquare!.statistic).toBeCloseTo(13.333333, 6);
    expect(t.chiSquare!.p).toBeCloseTo(0.001272634, 9);
    expect(Number(row(t, '1').cells[1].residual!.toFixed(3))).toBe(1.633);
  });
});

describe('χ² of multi answers', () => {
  it('tests each option and net as chosen / not chosen by column, never 無回答', () => {
    // ma option 1: A 3 of 4, B 1 of 4 (C empty); one respondent of A skipped the question.
    const d = makeDataset([
      { seg: 1, ma: [1] },
      { seg: 1, ma: [1, 2] },
      { seg: 1, ma: [1] },
      { seg: 1, ma: [2] },
      { seg: 1, ma: null },
      { seg: 2, ma: [1] },
      { seg: 2, ma: [2] },
      { seg: 2, ma: [3] },
      { seg: 2, ma: [9] },
    ]);
    const t = crosstab(d, { question: 'ma', banner: 'seg' });
    // Option 1, 2 × 2 among those who answered (A 4, B 4; the 無回答 of A is left out, issue 11):
    // chosen 3 / 1, not chosen 1 / 3. χ² = N(ad − bc)²/(r1 r2 c1 c2) = 8 (3·3 − 1·1)² / (4 · 4 · 4 · 4) = 2.
    expect(row(t, '1').chiSquare!.statistic).toBeCloseTo(2, 12);
    expect(row(t, '1').chiSquare!.df).toBe(1);
    expect(row(t, '1').chiSquare!.lowExpected).toBe(true);
    // Net いずれか: A 4 of 4, B 3 of 4: 8 (4·1 − 3·0)² / (7 · 1 · 4 · 4) = 8/7.
    expect(row(t, 'net:any_tool').chiSquare!.statistic).toBeCloseTo(8 / 7, 12);
    expect(row(t, 'na').chiSquare).toBeUndefined();
    // The same test whatever the percent base: the valid base gives the same χ².
    expect(row(crosstab(d, { question: 'ma', banner: 'seg' }, { percentBase: 'valid' }), '1').chiSquare!.statistic).toBeCloseTo(2, 12);
    // The option's residuals are the chosen row's: (O − E)/√(E(1 − r/N)(1 − c/N)) with E = 4·4/8.
    const e = 2;
    expect(row(t, '1').cells[1].residual).toBeCloseTo((3 - e) / Math.sqrt(e * (1 - 4 / 8) * (1 - 4 / 8)), 12);
    expect(row(t, '1').cells[3].residual).toBeNull();
    // Option 3 (MA) chosen only in B, 特になし only in B: still testable; nobody chose… every option
    // was chosen by someone, so each row has a test.
    expect(t.rows.filter((r) => r.kind !== 'noAnswer').every((r) => r.chiSquare !== null)).toBe(true);
    expect(t.chiSquare).toBeNull();
    // Percent of responses: no per-option tests.
    const r = crosstab(d, { question: 'ma', banner: 'seg' }, { multiPercent: 'responses' });
    expect(r.rows.every((x) => x.chiSquare === undefined)).toBe(true);
    // An option nobody chose has nothing to test.
    const none = crosstab(makeDataset([{ seg: 1, ma: [1] }, { seg: 2, ma: [2] }]), { question: 'ma', banner: 'seg' });
    expect(row(none, '3').chiSquare).toBeNull();
    expect(row(none, '3').cells[1].residual).toBeNull();
  });
  it('scales weighted counts to the Kish base of the banner columns (variance kish)', () => {
    const d = makeDataset(
      [
        { seg: 1, ma: [1], weight: 2 },
        { seg: 1, ma: [1, 2], weight: 2 },
        { seg: 1, ma: [1], weight: 2 },
        { seg: 1, ma: [2], weight: 2 },
        { seg: 1, ma: null, weight: 2 },
        { seg: 2, ma: [1], weight: 2 },
        { seg: 2, ma: [2], weight: 2 },
        { seg: 2, ma: [3], weight: 2 },
        { seg: 2, ma: [9], weight: 2 },
      ],
      true,
    );
    // All weights 2: scale Kish(16, 32)/16 = 1/2 (the 8 who answered) gives back the unweighted table.
    expect(row(crosstab(d, { question: 'ma', banner: 'seg' }, { variance: 'kish' }), '1').chiSquare!.statistic).toBeCloseTo(2, 12);
  });
});

describe('withheld columns', () => {
  it('publish nothing about a column a protected cube withholds', () => {
    const d = makeDataset([...repeat(4, { seg: 1, sa: 1 }), ...repeat(3, { seg: 2, sa: 2 }), ...repeat(2, { seg: 3, sa: 2 })]);
    const spec = { question: 'sa', banner: 'seg' };
    const tabulated = resolveVariable(d, 'sa');
    const table = layout(d, tabulated, 'seg', population(d, spec, tabulated), null);
    table.withheld = [false, false, true, false];
    const opts = resolveStatsOptions({ cautionBase: 0, suppressBase: 0 });
    const t = tabulate(table, { spec, tabulated, universeLabel: universeLabel(d, 'all'), weighted: false }, opts);
    expect(t.columns[2]).toEqual({ key: '2', label: 'B社', letter: 'B', n: 0, validN: 0, baseN: 0, weightedBase: 0, effectiveBase: 0, caution: false, suppressed: true, withheld: true });
    expect(t.columns[1]).toEqual({ key: '1', label: 'A社', letter: 'A', n: 4, validN: 4, baseN: 4, weightedBase: 4, effectiveBase: 4, caution: false, suppressed: false });
  });
});

describe('summaries', () => {
  it('of a banded question count unweighted answers in bounded, substantive bands', () => {
    // band codes 1 (0〜1), 2 (1〜3), 9 (わからない), blank; weights 2, 1, 3, 1.
    const d = makeDataset(
      [
        { seg: 1, band: 1, weight: 2 },
        { seg: 1, band: 2, weight: 1 },
        { seg: 1, band: 9, weight: 3 },
        { seg: 2, band: null, weight: 1 },
      ],
      true,
    );
    const t = crosstab(d, { question: 'band', banner: 'seg' });
    // Total: mean (2 · 0.5 + 1 · 2)/3 = 1; n = 2 respondents (not Σw = 3; わからない and blank out).
    expect(t.summaries!.map((s) => s.n)).toEqual([2, 2, 0, 0]);
    expect(t.summaries![0].mean).toBe(1);
    // Median: half of W 3 = 1.5 in 1〜3 (cumulative 2 ≥ 1.5 already in 0〜1): 0 + (1.5/2) · 1 = 0.75.
    expect(t.summaries![0].median).toBe(0.75);
    expect(t.summaries![0].medianClass).toBe('0〜1%');
    expect(t.summaries![2].mean).toBeNaN();
  });
  it('of a scored ordinal question or grid row, and none for unscored or single questions', () => {
    const scored = (c: Parameters<NonNullable<Parameters<typeof makeDataset>[2]>>[0]) => ({
      ...c,
      questions: c.questions.map((q) => {
        if (q.type === 'grid') return { ...q, options: [{ code: 1, label: '実施', score: 1 }, { code: 2, label: '未実施', score: 0 }] };
        if (q.id === 'sa' && q.type === 'single') return { ...q, type: 'ordinal' as const, options: q.options.map((o) => (o.code === 9 ? o : { ...o, score: 4 - o.code })) };
        return q;
      }),
    });
    const rs = [
      { seg: 1, sa: 1, grid__onb: 1 },
      { seg: 1, sa: 3, grid__onb: 1 },
      { seg: 1, sa: 9, grid__onb: 2 },
      { seg: 2, sa: 2, grid__onb: 2 },
    ];
    const d = makeDataset(rs, false, scored);
    // sa scores: 1 → 3, 2 → 2, 3 → 1, 9 unscored and non-substantive: total (3 + 1 + 2)/3 = 2, n 3.
    const sa = crosstab(d, { question: 'sa', banner: 'seg' });
    expect(sa.type).toBe('ordinal');
    expect(sa.summaries!.map((s) => [s.mean, s.median, s.n])).toEqual([[2, 2, 3], [2, 2, 2], [2, 2, 1], [NaN, NaN, 0]]);
    // Grid row onb: 実施 = 1 for 2 of 4 → mean 0.5.
    const onb = crosstab(d, { question: 'grid__onb' });
    expect(onb.summaries!.map((s) => [s.mean, s.n])).toEqual([[0.5, 4]]);
    // Without scores: no summaries; a single question is never summarised.
    expect(crosstab(makeDataset(rs), { question: 'grid__onb' }).summaries).toBeUndefined();
    expect(crosstab(makeDataset(rs), { question: 'sa' }).summaries).toBeUndefined();
  });
  it('of a numeric question by an overlapping banner count each respondent once in the total', () => {
    const d = makeDataset([
      { seg: 1, num: 10, ma: [1, 2] },
      { seg: 1, num: 20, ma: [1] },
      { seg: 2, num: 40, ma: [2] },
      { seg: 2, num: null, ma: [2] },
      { seg: null, num: 100, ma: null },
    ], false, (c) => ({ ...c, questions: c.questions.map((q) => (q.id === 'seg' ? { ...q, optional: true } : q.id === 'nps' ? { ...q, universe: 'all' } : q)) }));
    const t = crosstab(d, { question: 'num', banner: 'ma' });
    expect(t.summaries!.map((s) => [s.n, s.mean])).toEqual([[4, 42.5], [2, 15], [2, 25], [0, NaN], [0, NaN]]);
    // By a single-answer banner, a respondent without a banner answer is still in the total.
    const bySeg = crosstab(d, { question: 'num', banner: 'seg' });
    expect(bySeg.summaries!.map((s) => [s.n, s.mean])).toEqual([[4, 42.5], [2, 15], [1, 40], [0, NaN]]);
  });
  it('of a weighted numeric question use the weights', () => {
    const d = makeDataset(
      [
        { seg: 1, num: 10, weight: 3 },
        { seg: 2, num: 30, weight: 1 },
      ],
      true,
    );
    // (3 · 10 + 30)/4 = 15; median: half of 4 reached by the 10 (weight 3).
    expect(crosstab(d, { question: 'num' }).summaries![0]).toMatchObject({ mean: 15, median: 10, n: 2 });
    expect(crosstab(d, { question: 'num', weighted: false }).summaries![0]).toMatchObject({ mean: 20, median: 20, n: 2 });
  });
});

describe('multi answers', () => {
  it('take the substantive base as those who chose a substantive option', () => {
    const d = makeDataset([
      { seg: 1, ma: [1] },
      { seg: 1, ma: [9] },
      { seg: 1, ma: null },
      { seg: 2, ma: [2, 3] },
      { seg: 2, ma: [9] },
    ], false, (c) => ({ ...c, questions: c.questions.map((q) => (q.id === 'ma' && q.type === 'multi' ? { ...q, options: q.options.map((o) => (o.code === 9 ? { ...o, nonSubstantive: true } : o)) } : q)) }));
    // 特になし marked non-substantive here.
    const t = crosstab(d, { question: 'ma', banner: 'seg' }, { percentBase: 'substantive' });
    expect(t.columns.map((c) => c.baseN)).toEqual([2, 1, 1, 0]);
    expect(t.rows.map((r) => r.key)).toEqual(['1', '2', '3', 'net:any_tool']);
    expect(row(t, '2').cells[0].proportion).toBe(1 / 2);
    const valid = crosstab(d, { question: 'ma', banner: 'seg' }, { percentBase: 'valid' });
    expect(valid.columns.map((c) => c.baseN)).toEqual([4, 2, 2, 0]);
  });
  it('by a weighted banner give weighted counts per column', () => {
    const d = makeDataset(
      [
        { seg: 1, ma: [1], weight: 2 },
        { seg: 1, ma: [1, 2], weight: 0.5 },
        { seg: 2, ma: [1], weight: 3 },
        { seg: 2, ma: null, weight: 1 },
      ],
      true,
    );
    const t = crosstab(d, { question: 'ma', banner: 'seg' });
    expect(row(t, '1').cells.map((c) => [c.count, c.weightedCount])).toEqual([[3, 5.5], [2, 2.5], [1, 3], [0, 0]]);
    expect(row(t, 'na').cells.map((c) => [c.count, c.weightedCount])).toEqual([[1, 1], [0, 0], [1, 1], [0, 0]]);
    expect(t.columns.map((c) => c.weightedBase)).toEqual([6.5, 2.5, 4, 0]);
    expect(t.columns[1].effectiveBase).toBeCloseTo(2.5 ** 2 / 4.25, 14);
    expect(t.responses).toEqual([6, 3, 3, 0]);
  });
  it('by an overlapping (multi-answer) banner put each chooser in each column', () => {
    const d = makeDataset([
      { seg: 1, sa: 1, ma: [1, 2] },
      { seg: 1, sa: 2, ma: [2] },
      { seg: 2, sa: 1, ma: null },
    ]);
    const t = crosstab(d, { question: 'sa', banner: 'ma' }, { cautionBase: 0, suppressBase: 0 });
    expect(t.columns.map((c) => [c.key, c.n])).toEqual([['total', 3], ['1', 1], ['2', 2], ['3', 0], ['9', 0]]);
    expect(row(t, '1').cells.map((c) => c.count)).toEqual([2, 1, 1, 0, 0]);
    expect(row(t, '2').cells.map((c) => c.count)).toEqual([1, 0, 1, 0, 0]);
    const w = makeDataset([{ seg: 1, ma: [1, 2], weight: 2 }, { seg: 1, ma: [2], weight: 3 }], true);
    const m = crosstab(w, { question: 'seg', banner: 'ma' }, { variance: 'kish' });
    expect(row(m, '1').cells.map((c) => c.weightedCount)).toEqual([5, 2, 5, 0, 0]);
    // Kish bases cannot account for shared respondents: no letters (the design can, see design.test.ts).
    expect(m.lettersNote).toMatch(/^バナーが複数回答のため/);
  });
});

describe('percent bases', () => {
  it('drop a non-substantive option row only on the substantive base', () => {
    const d = makeDataset([{ seg: 1, sa: 1 }, { seg: 1, sa: 9 }, { seg: 2, sa: null }, { seg: 2, sa: 2 }]);
    expect(crosstab(d, { question: 'sa' }, { percentBase: 'valid' }).rows.map((r) => r.key)).toEqual(['1', '2', '3', '9', 'net:top2']);
    expect(crosstab(d, { question: 'sa' }, { percentBase: 'substantive' }).rows.map((r) => r.key)).toEqual(['1', '2', '3', 'net:top2']);
    expect(crosstab(d, { question: 'sa' }).rows.map((r) => r.key)).toEqual(['1', '2', '3', '9', 'net:top2', 'na']);
    // χ² leaves 無回答 and nets out: the table is options 1, 2, 3, 9 by A, B; live rows 1 (1, 0),
    // 2 (0, 1), 9 (1, 0), N = 3, E = r·c/3: Σ(O − E)²/E = 1/2 + 2 + 1/2 = 3, df (3 − 1)(2 − 1) = 2.
    const t = crosstab(d, { question: 'sa', banner: 'seg' });
    expect(t.chiSquare).toEqual((({ statistic, df, p, lowExpected }) => ({ statistic, df, p, lowExpected }))(chiSquareTest([[1, 0], [0, 1], [0, 0], [1, 0]])!));
    expect(t.chiSquare!.statistic).toBeCloseTo(3, 12);
    expect(t.chiSquare!.df).toBe(2);
  });
});

describe('the 無回答 row', () => {
  it('gets no letters or marks, however different the columns', () => {
    // 無回答 is A 30/50, B 45/75, C 25/75: as option 1 of the vector it would get letters and marks.
    const d = makeDataset(abc().map((a) => ({ ...a, sa: a.sa === 1 ? null : a.sa })));
    const t = crosstab(d, { question: 'sa', banner: 'seg' }, { adjust: 'none' });
    expect(row(t, 'na').cells.map((c) => c.count)).toEqual([100, 30, 45, 25]);
    expect(row(t, 'na').cells.map((c) => [c.letters, c.vsTotal])).toEqual([['', 0], ['', 0], ['', 0], ['', 0]]);
    // The option row 3 is the complement: it does get them.
    expect(row(t, '3').cells.map((c) => c.letters)).toEqual(['', '', '', 'AB']);
    expect(row(t, '3').cells.map((c) => c.vsTotal)).toEqual([0, 0, -1, 1]);
  });
});

describe('spec and options', () => {
  it('treat a null banner as the total only, keep a copy of the spec, and ignore percent of responses for single answers', () => {
    const d = makeDataset([{ seg: 1, sa: 1 }, { seg: 2, sa: 2 }, { seg: 2, sa: null }]);
    const spec = { question: 'sa', banner: null };
    const t = crosstab(d, spec);
    expect(t.columns.map((c) => c.key)).toEqual(['total']);
    expect(t.spec).toEqual({ question: 'sa', banner: null });
    expect(t.spec).not.toBe(spec);
    expect(t.chiSquare).toBeNull();
    expect(t.responses).toBeUndefined();
    const r = crosstab(d, { question: 'sa', banner: 'seg' }, { multiPercent: 'responses' });
    expect(r.columns.map((c) => c.baseN)).toEqual([3, 1, 2, 0]);
    expect(row(r, '1').cells[0].proportion).toBe(1 / 3);
    expect(r.options.multiPercent).toBe('responses');
    expect(r.weighted).toBe(false);
    expect(r.type).toBe('single');
  });
});

describe('rows, notes and summaries by question kind', () => {
  it('label the total column and the 無回答 rows, and never mark nets non-substantive', () => {
    const d = makeDataset([{ seg: 1, sa: 1, ma: [1], num: 3 }, { seg: 1, sa: 2, ma: [9], num: 4 }, { seg: 2, sa: null, ma: null, num: null }], false, (c) => ({
      ...c,
      questions: c.questions.map((q) => (q.id === 'ma' && q.type === 'multi' ? { ...q, nets: [...q.nets!, { id: 'bi_ma', label: 'BIかMA', codes: [2, 3] }] } : q)),
    }));
    for (const question of ['sa', 'ma', 'num']) {
      const t = crosstab(d, { question, banner: 'seg' });
      expect(t.columns[0]).toMatchObject({ key: 'total', label: '全体', letter: '' });
      expect(row(t, 'na')).toMatchObject({ label: '無回答', kind: 'noAnswer', nonSubstantive: true });
      expect(t.lettersNote).toBeUndefined();
    }
    const ma = crosstab(d, { question: 'ma', banner: 'seg' });
    expect(ma.rows.filter((r) => r.kind === 'net').map((r) => [r.key, r.label, r.nonSubstantive])).toEqual([['net:any_tool', 'いずれか', false], ['net:bi_ma', 'BIかMA', false]]);
    // Second net: BI or MA, nobody (one chose 特になし); first: CRM, BI or MA: one.
    expect(row(ma, 'net:bi_ma').cells[0].count).toBe(0);
    expect(row(ma, '9').cells[0].count).toBe(1);
    expect(row(ma, 'net:any_tool').cells[0].count).toBe(1);
    expect(row(crosstab(d, { question: 'sa' }), 'net:top2')).toMatchObject({ kind: 'net', nonSubstantive: false });
  });
  it('give multi answers per-option χ² only by a single-answer banner', () => {
    const d = makeDataset([{ seg: 1, ma: [1] }, { seg: 1, ma: [2] }, { seg: 2, ma: [1, 2] }, { seg: 2, ma: [3] }]);
    expect(crosstab(d, { question: 'ma' }).rows.every((r) => r.chiSquare === undefined)).toBe(true);
    expect(crosstab(d, { question: 'ma', banner: 'ma' }).rows.every((r) => r.chiSquare === undefined)).toBe(true);
    expect(row(crosstab(d, { question: 'ma', banner: 'seg' }), '1').chiSquare).not.toBeUndefined();
  });
  it('summarise neither single questions with scores nor unscored options', () => {
    const patch = (c: Parameters<NonNullable<Parameters<typeof makeDataset>[2]>>[0]) => ({
      ...c,
      questions: c.questions.map((q) => {
        if (q.id === 'sa' && q.type === 'single') return { ...q, options: q.options.map((o) => ({ ...o, score: o.code })) };
        if (q.type === 'grid') return { ...q, type: 'grid' as const, options: [{ code: 1, label: '実施', score: 1 }, { code: 2, label: '未実施' }] };
        return q;
      }),
    });
    const d = makeDataset([{ seg: 1, sa: 1, grid__onb: 1 }, { seg: 1, sa: 2, grid__onb: 2 }], false, patch);
    expect(crosstab(d, { question: 'sa' }).summaries).toBeUndefined();
    // 未実施 has no score: one scored answer counted.
    expect(crosstab(d, { question: 'grid__onb' }).summaries![0]).toMatchObject({ mean: 1, n: 1 });
  });
});
