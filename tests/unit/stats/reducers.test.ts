/** Cell statistics by name and NPS per column. */
import { beforeEach, describe, expect, it } from 'vitest';
import { crosstab, cellStatistic, npsByColumn, nps } from '../../../src/lib/stats/index.ts';
import { makeDataset } from './helpers.ts';

// Built before each test (not at module level) so that mutation testing can trace coverage to a test.
let d: ReturnType<typeof makeDataset>;
beforeEach(() => {
  d = makeDataset([
    { seg: 1, sa: 1, nps: 10 },
    { seg: 1, sa: 2, nps: 9 },
    { seg: 2, sa: 1, nps: 3 },
    { seg: 2, sa: 1, nps: 8 },
    { seg: 3, sa: 3 },
  ]);
});

describe('cellStatistic', () => {
  it('reads a cell statistic by name', () => {
    const t = crosstab(d, { question: 'sa', banner: 'seg' });
    const cell = t.rows[0].cells[2];
    expect(cellStatistic('percent')(cell, t.columns[2])).toBe(100);
    expect(cellStatistic('count')(cell, t.columns[2])).toBe(2);
    expect(cellStatistic('base')(cell, t.columns[2])).toBe(2);
    expect(cellStatistic('ciLow')(cell, t.columns[2])).toBe(cell.ci!.low);
  });
  it('rejects an unknown name with the list of known ones', () => {
    expect(() => cellStatistic('share')).toThrow(/^invalid stat: share \(expected proportion, percent, count/);
  });
});

describe('npsByColumn', () => {
  it('classes 9–10 as promoters and 0–6 as detractors within the question universe', () => {
    const t = crosstab(d, { question: 'nps', banner: 'seg' });
    const [total, a, b] = npsByColumn(d, t);
    expect(total).toEqual(nps({ promoters: 2, passives: 1, detractors: 1, n: 4 }));
    expect(a.score).toBe(100);
    expect(b.score).toBe(-50);
  });
  it('refuses a question that is not single-answer', () => {
    expect(() => npsByColumn(d, crosstab(d, { question: 'ma' }))).toThrow('NPS needs a single-answer 0–10 question; "ma" is not one');
  });
});

describe('grid rows', () => {
  it('use their own conditional universe', () => {
    const g = makeDataset([{ seg: 1, grid__onb: 1, grid__hs: 1 }, { seg: 3, grid__onb: 1 }], false, (c) => ({
      ...c,
      questions: c.questions.map((q) => (q.type === 'grid' ? { ...q, rows: [q.rows[0], { ...q.rows[1], universe: 'seg_ab' }] } : q)),
    }));
    expect(crosstab(g, { question: 'grid__hs' }).columns[0].n).toBe(1);
    expect(crosstab(g, { question: 'grid__onb' }).columns[0].n).toBe(2);
  });
});

describe('every cell statistic', () => {
  it('reads its own field of a weighted cell and column', () => {
    // seg 1 (column A): sa 1 with weights 2 and 1, sa 2 with weight 1, sa blank with weight 0.5.
    const w = makeDataset(
      [
        { seg: 1, sa: 1, weight: 2 },
        { seg: 1, sa: 1, weight: 1 },
        { seg: 1, sa: 2, weight: 1 },
        { seg: 1, sa: null, weight: 0.5 },
        { seg: 2, sa: 3, weight: 1 },
      ],
      true,
    );
    const t = crosstab(w, { question: 'sa', banner: 'seg' }, { percentBase: 'valid' });
    const column = t.columns[1];
    const cell = t.rows.find((r) => r.key === '1')!.cells[1];
    const read = (name: string) => cellStatistic(name)(cell, column);
    // Valid base of A: 3 respondents, W = 2 + 1 + 1 = 4, Σw² = 4 + 1 + 1 = 6, Kish 16/6.
    expect(read('count')).toBe(2);
    expect(read('weightedCount')).toBe(3);
    expect(read('proportion')).toBe(3 / 4);
    expect(read('percent')).toBe(75);
    expect(read('base')).toBe(3);
    expect(read('weightedBase')).toBe(4);
    expect(read('effectiveBase')).toBeCloseTo(16 / 6, 14);
    expect(read('ciLow')).toBe(cell.ci!.low);
    expect(read('ciHigh')).toBe(cell.ci!.high);
    expect(read('ciLow')).toBeLessThan(0.75);
    expect(read('ciHigh')).toBeGreaterThan(0.75);
    // Residual of the χ² table (an option row × banner columns); finite here.
    expect(read('residual')).toBe(cell.residual);
    expect(Number.isFinite(read('residual'))).toBe(true);
    // Names are case-insensitive, as every keyword.
    expect(cellStatistic('WeightedCount')(cell, column)).toBe(3);
  });
  it('gives NaN for a missing interval or residual, and the question base n for a column without baseN', () => {
    const cell = { count: 0, weightedCount: 0, proportion: NaN, ci: null, letters: '', vsTotal: 0 as const, residual: null };
    const column = { key: '1', label: 'A社', letter: 'A', n: 7, validN: 5, weightedBase: 7, effectiveBase: 7, caution: true, suppressed: true };
    expect(cellStatistic('ciLow')(cell, column)).toBeNaN();
    expect(cellStatistic('ciHigh')(cell, column)).toBeNaN();
    expect(cellStatistic('residual')(cell, column)).toBeNaN();
    expect(cellStatistic('base')(cell, column)).toBe(7);
    expect(cellStatistic('base')(cell, { ...column, baseN: 5 })).toBe(5);
  });
});

describe('npsByColumn with weights, non-substantive answers and an empty column', () => {
  it('rests the SE on the Kish base of the NPS respondents (variance kish), whatever the percent base, and gives an empty column n = 0', () => {
    const w = makeDataset(
      [
        { seg: 1, nps: 10, weight: 2 },
        { seg: 1, nps: 9, weight: 1 },
        { seg: 1, nps: 7, weight: 1 },
        { seg: 1, nps: 3, weight: 1 },
        { seg: 1, nps: 99, weight: 1 },
        { seg: 3, weight: 1 },
      ],
      true,
      (c) => ({ ...c, questions: c.questions.map((q) => (q.id === 'nps' && q.type === 'single' ? { ...q, options: [...q.options, { code: 99, label: 'わからない', nonSubstantive: true }] } : q)) }),
    );
    const t = crosstab(w, { question: 'nps', banner: 'seg' }, { variance: 'kish' });
    const [total, a, b, c] = npsByColumn(w, t);
    // A: the NPS respondents (わからない is unclassed) weigh 2, 1, 1, 1: W = 5, Σw² = 7, Kish
    // 25/7 ≈ 3.571 (issue 11: it was the column's Kish base 36/8 scaled by the share 5/6 = 3.75,
    // which moved with the percent base); promoters 2 + 1 = 3, passives 1, detractors 1.
    expect(a).toEqual(nps({ promoters: 3, passives: 1, detractors: 1, n: 25 / 7 }));
    expect(a.n).toBeCloseTo(3.5714285714, 9);
    expect(a.score).toBeCloseTo(40, 12);
    expect(total).toEqual(a);
    for (const percentBase of ['valid', 'substantive'] as const) {
      expect(npsByColumn(w, crosstab(w, { question: 'nps', banner: 'seg' }, { percentBase, variance: 'kish' }))[1]).toEqual(a);
    }
    // B (nobody) and C (seg 3 is outside the question's universe): weighted base 0 → n = 0.
    expect(b.n).toBe(0);
    expect(c.n).toBe(0);
    expect(b.score).toBeNaN();
  });
  it('refuses a table whose question the dataset does not have', () => {
    const t = crosstab(d, { question: 'nps' });
    expect(() => npsByColumn(d, { ...t, spec: { question: 'gone' } })).toThrow('NPS needs a single-answer 0–10 question; "gone" is not one');
  });
  it('uses the 90 % level of the table options', () => {
    const t = crosstab(d, { question: 'nps' }, { level: 0.9 });
    const [total] = npsByColumn(d, t);
    expect(total).toEqual(nps({ promoters: 2, passives: 1, detractors: 1, n: 4 }, 0.9));
    expect(total.ci.high - total.ci.low).toBeLessThan(nps({ promoters: 2, passives: 1, detractors: 1, n: 4 }).ci.high - nps({ promoters: 2, passives: 1, detractors: 1, n: 4 }).ci.low);
  });
});
