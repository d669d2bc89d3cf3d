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
