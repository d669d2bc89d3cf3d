/**
 * Multi-answer percentages of responses (issue 11, point 4; docs/statistics.md, "Percent of
 * responses"): 参考値 and suppression count respondents, not responses; no letters, marks or
 * intervals (one respondent's responses are not independent); nets (a respondent-level count)
 * and 無回答 are not shown; with the substantive base the non-substantive responses leave the base.
 */
import { describe, expect, it } from 'vitest';
import { crosstab } from '../../../src/lib/stats/index.ts';
import type { CrossTab } from '../../../src/lib/stats/index.ts';
import type { Answers } from './helpers.ts';
import { makeDataset } from './helpers.ts';

const row = (t: CrossTab, key: string) => t.rows.find((r) => r.key === key)!;
const repeat = (k: number, a: Answers): Answers[] => Array.from({ length: k }, () => ({ ...a, ma: a.ma ? [...(a.ma as number[])] : a.ma }));
const nonSubstantive9 = (c: Parameters<NonNullable<Parameters<typeof makeDataset>[2]>>[0]) => ({
  ...c,
  questions: c.questions.map((q) => (q.id === 'ma' && q.type === 'multi' ? { ...q, options: q.options.map((o) => (o.code === 9 ? { ...o, exclusive: false, nonSubstantive: true } : o)) } : q)),
});

describe('percent of responses', () => {
  it('flags a column of 28 respondents with 57 responses as 参考値, by respondents', () => {
    // A: 28 respondents with 57 responses (14 × 3 + 1 × 2 + 13 × 1) ≥ 30.
    // B: 60 respondents choosing CRM alone. C: 9 respondents with 2 responses each (18 ≥ 10).
    const d = makeDataset([...repeat(14, { seg: 1, ma: [1, 2, 3] }), ...repeat(1, { seg: 1, ma: [1, 2] }), ...repeat(13, { seg: 1, ma: [1] }), ...repeat(60, { seg: 2, ma: [1] }), ...repeat(9, { seg: 3, ma: [1, 2] })]);
    const t = crosstab(d, { question: 'ma', banner: 'seg' }, { multiPercent: 'responses' });
    expect(t.responses).toEqual([57 + 60 + 18, 57, 60, 18]);
    expect(t.columns.map((c) => c.baseN)).toEqual([135, 57, 60, 18]);
    expect(t.columns.map((c) => [c.caution, c.suppressed])).toEqual([[false, false], [true, false], [false, false], [true, true]]);
    // The same column by respondents is 参考値 too: the flag no longer depends on the percent base.
    const byPeople = crosstab(d, { question: 'ma', banner: 'seg' });
    expect(byPeople.columns.map((c) => [c.caution, c.suppressed])).toEqual(t.columns.map((c) => [c.caution, c.suppressed]));
  });
  it('gives no letters, marks against the total or intervals, and says why', () => {
    // 40 + 40 respondents, very different tool use: by respondents CRM differs (letters), by responses nothing is tested.
    const d = makeDataset([...repeat(40, { seg: 1, ma: [1] }), ...repeat(40, { seg: 2, ma: [2] }), ...repeat(40, { seg: 3, ma: [1, 2] })]);
    const people = crosstab(d, { question: 'ma', banner: 'seg' });
    expect(row(people, '1').cells.some((c) => c.letters !== '')).toBe(true);
    const t = crosstab(d, { question: 'ma', banner: 'seg' }, { multiPercent: 'responses' });
    expect(t.rows.flatMap((r) => r.cells.map((c) => [c.letters, c.vsTotal, c.ci]))).toEqual(t.rows.flatMap((r) => r.cells.map(() => ['', 0, null])));
    expect(t.lettersNote).toMatch(/回答数/);
    expect(row(t, '1').cells.map((c) => c.proportion)).toEqual([80 / 160, 1, 0, 0.5]);
  });
  it('leaves nets and 無回答 out (they count respondents, not responses)', () => {
    const d = makeDataset([{ seg: 1, ma: [1, 2] }, { seg: 2, ma: [3] }, { seg: 2, ma: null }]);
    expect(crosstab(d, { question: 'ma' }).rows.map((r) => r.kind)).toContain('noAnswer');
    expect(crosstab(d, { question: 'ma' }).rows.map((r) => r.kind)).toContain('net');
    expect(crosstab(d, { question: 'ma' }, { multiPercent: 'responses' }).rows.map((r) => r.key)).toEqual(['1', '2', '3', '9']);
  });
  it('takes the substantive base as the substantive responses, so the shown rows sum to 100 %', () => {
    // 9 (特になし) is non-substantive here and may be chosen with others.
    const d = makeDataset([{ seg: 1, ma: [1, 9] }, { seg: 1, ma: [2] }, { seg: 2, ma: [9] }, { seg: 2, ma: [1, 3] }, { seg: 2, ma: null }], false, nonSubstantive9);
    const t = crosstab(d, { question: 'ma', banner: 'seg' }, { multiPercent: 'responses', percentBase: 'substantive', cautionBase: 0, suppressBase: 0 });
    expect(t.rows.map((r) => r.key)).toEqual(['1', '2', '3']);
    expect(t.columns.map((c) => c.baseN)).toEqual([4, 2, 2, 0]);
    for (let c = 0; c < 3; c++) expect(t.rows.reduce((s, r) => s + r.cells[c].proportion, 0)).toBeCloseTo(1, 12);
    expect(row(t, '1').cells.map((c) => c.proportion)).toEqual([2 / 4, 1 / 2, 1 / 2, NaN]);
  });
});
