/** Properties every cross-tab must have, on arbitrary small datasets (fast-check). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crosstab } from '../../../src/lib/stats/index.ts';
import type { CrossTab, TableSpec } from '../../../src/lib/stats/index.ts';
import { makeDataset } from './helpers.ts';

/** Answers lean on the segment, so that some column differences are significant and letters appear. */
const leaning = (seg: number) => ({
  sa: seg === 1 ? fc.constantFrom(1, 1, 1, 2, 9, null) : fc.constantFrom(1, 2, 3, 3, 3, 9, null),
  ma: seg === 2 ? fc.oneof(fc.constant(null), fc.constant([9]), fc.subarray([1, 2, 3], { minLength: 1 })) : fc.constantFrom([1], [1, 2], [9], null),
});
const respondent = fc.integer({ min: 1, max: 3 }).chain((seg) => fc.record({
  seg: fc.constant(seg),
  ...leaning(seg),
  band: fc.constantFrom(1, 2, 3, 4, 5, 9, null),
  num: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 500 })),
  nps: fc.integer({ min: 0, max: 10 }),
  grid__onb: fc.constantFrom(1, 2, null),
  grid__hs: fc.constantFrom(1, 2, null),
  weight: fc.double({ min: 0.2, max: 3, noNaN: true }).map((w) => Math.round(w * 1000) / 1000),
}));
/** Enough respondents for letters to appear (bases ≥ 30 need the thresholds lowered). */
const respondents = fc.array(respondent, { minLength: 1, maxLength: 90, size: 'max' });
const lowThresholds = { cautionBase: 5, suppressBase: 2, alpha2: 0.1 };

const specs: TableSpec[] = [
  { question: 'sa', banner: 'seg' },
  { question: 'ma', banner: 'seg' },
  { question: 'ma', banner: 'grid__hs', filters: [{ q: 'sa', in: [1, 3] }] },
  { question: 'band', banner: 'big', filters: [{ q: 'sa', in: [1, 2, 9] }] },
  { question: 'grid__onb', banner: 'seg', universe: 'seg_ab' },
  { question: 'nps' },
];
const RUNS = { numRuns: 40 };

function forEachCell(t: CrossTab, visit: (cell: CrossTab['rows'][number]['cells'][number], row: CrossTab['rows'][number], c: number) => void): void {
  for (const row of t.rows) row.cells.forEach((cell, c) => visit(cell, row, c));
}

describe('cross-tab properties', () => {
  it('single-answer option and 無回答 counts sum to the column base (unweighted and weighted)', () => {
    fc.assert(
      fc.property(respondents, fc.boolean(), (rs, weighted) => {
        const d = makeDataset(rs, weighted);
        for (const question of ['sa', 'band', 'grid__onb']) {
          const t = crosstab(d, { question, banner: 'seg' });
          t.columns.forEach((col, c) => {
            const rows = t.rows.filter((r) => r.kind !== 'net');
            expect(rows.reduce((s, r) => s + r.cells[c].count, 0)).toBe(col.n);
            expect(rows.reduce((s, r) => s + r.cells[c].weightedCount, 0)).toBeCloseTo(col.weightedBase, 9);
            if (col.n > 0) expect(rows.reduce((s, r) => s + r.cells[c].proportion, 0)).toBeCloseTo(1, 12);
          });
        }
      }),
      RUNS,
    );
  });

  it('keeps every percentage within 0–100 and every interval around its p̂', () => {
    fc.assert(
      fc.property(respondents, fc.boolean(), fc.constantFrom('wilson', 'clopper-pearson') as fc.Arbitrary<'wilson' | 'clopper-pearson'>, (rs, weighted, interval) => {
        const d = makeDataset(rs, weighted);
        for (const spec of specs) {
          forEachCell(crosstab(d, spec, { interval }), (cell, _row, c) => {
            if (Number.isNaN(cell.proportion)) return expect(cell.ci).toBeNull();
            expect(cell.proportion).toBeGreaterThanOrEqual(0);
            expect(cell.proportion).toBeLessThanOrEqual(1 + 1e-12);
            expect(cell.ci!.low).toBeGreaterThanOrEqual(0);
            expect(cell.ci!.high).toBeLessThanOrEqual(1);
            expect(cell.ci!.low).toBeLessThanOrEqual(cell.proportion + 1e-12);
            expect(cell.ci!.high).toBeGreaterThanOrEqual(cell.proportion - 1e-12);
            void c;
          });
        }
      }),
      RUNS,
    );
  });

  it('never gives a letter both ways between two columns', () => {
    let lettered = 0;
    fc.assert(
      fc.property(respondents, fc.boolean(), fc.constantFrom('bonferroni', 'bh', 'none') as fc.Arbitrary<'bonferroni' | 'bh' | 'none'>, (rs, weighted, adjust) => {
        const d = makeDataset(rs, weighted);
        for (const spec of specs) {
          const t = crosstab(d, spec, { ...lowThresholds, adjust, alpha: 0.2 });
          for (const row of t.rows) {
            t.columns.forEach((a, i) => {
              t.columns.forEach((b, j) => {
                if (i === j || a.letter === '' || b.letter === '') return;
                const aOverB = row.cells[i].letters.toUpperCase().includes(b.letter);
                const bOverA = row.cells[j].letters.toUpperCase().includes(a.letter);
                expect(aOverB && bOverA).toBe(false);
                if (aOverB) lettered++;
              });
            });
          }
        }
      }),
      RUNS,
    );
    expect(lettered).toBeGreaterThan(0);
  });

  it('gives the same table for a filter then a universe as for the universe then the filter', () => {
    const filter = fc.constantFrom<TableSpec['filters']>([{ q: 'ma', includesAny: [1, 2] }], [{ q: 'num', range: { min: 50 } }], [{ q: 'sa', in: [1, 9] }, { q: 'ma', includesAll: [1, 3] }]);
    fc.assert(
      fc.property(respondents, fc.boolean(), filter, (rs, weighted, filters) => {
        const d = makeDataset(rs, weighted);
        for (const question of ['sa', 'ma', 'num']) {
          const a = crosstab(d, { question, banner: 'seg', universe: 'seg_ab', filters }, lowThresholds);
          const b = crosstab(d, { question, banner: 'seg', filters: [...filters!, { universe: 'seg_ab' }] }, lowThresholds);
          const c = crosstab(d, { question, banner: 'seg', filters: [{ universe: 'seg_ab' }, ...filters!] }, lowThresholds);
          expect(b.columns).toEqual(a.columns);
          expect(b.rows).toEqual(a.rows);
          expect(c.rows).toEqual(a.rows);
          expect(c.summaries).toEqual(a.summaries);
        }
      }),
      RUNS,
    );
  });

  it('gives with all weights 1 and Kish variances exactly the unweighted table', () => {
    fc.assert(
      fc.property(respondents, (rs) => {
        const ones = makeDataset(rs.map((r) => ({ ...r, weight: 1 })), true);
        const plain = makeDataset(rs, false);
        for (const spec of specs) {
          const w = crosstab(ones, spec, { ...lowThresholds, variance: 'kish' });
          const u = crosstab(plain, spec, { ...lowThresholds, variance: 'kish' });
          expect(w.weighted).toBe(true);
          expect(u.weighted).toBe(false);
          expect({ ...w, weighted: false }).toEqual(u);
        }
      }),
      RUNS,
    );
  });

  it('gives with all weights 1 and design variances the bases times (N − 1)/N as effective bases, and the unweighted shares', () => {
    // Var(p̂) = N/(N − 1)·p̂(1 − p̂)/n for a domain of n of the wave's N: the design's n/(n − 1) is all that differs.
    fc.assert(
      fc.property(respondents, (rs) => {
        const ones = makeDataset(rs.map((r) => ({ ...r, weight: 1 })), true);
        const plain = makeDataset(rs, false);
        const N = rs.length;
        for (const spec of specs) {
          const w = crosstab(ones, spec, lowThresholds);
          const u = crosstab(plain, spec, lowThresholds);
          expect(w.options.variance).toBe('design');
          w.rows.forEach((row, r) =>
            row.cells.forEach((cell, c) => {
              const plainCell = u.rows[r].cells[c];
              expect(cell.proportion).toEqual(plainCell.proportion);
              const base = u.columns[c].baseN!;
              const p = cell.proportion;
              if (p > 0 && p < 1 && N > 1) expect(cell.effectiveBase).toBeCloseTo((base * (N - 1)) / N, 9);
              else if (base > 0) expect(cell.effectiveBase).toBeCloseTo(base, 9);
            }),
          );
        }
      }),
      RUNS,
    );
  });
});
