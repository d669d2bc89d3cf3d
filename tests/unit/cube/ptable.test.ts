/** The p-table against its stated properties (docs/statistics.md, "Protected cube"). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildPTable, noiseFor, perturb, KEY_RANGE } from '../../../src/lib/cube/ptable.ts';
import { Perturbation } from '../../../src/lib/dataset/codebook.ts';

const settings = [
  { D: 2, V: 1, js: 2 },
  { D: 2, V: 1, js: 0 },
  { D: 3, V: 2, js: 1 },
  { D: 5, V: 3, js: 4 },
  { D: 1, V: 0.5, js: 1 },
];

describe('perturbation table', () => {
  for (const params of settings) {
    it(`D=${params.D} V=${params.V} js=${params.js}: zero mean, |noise| ≤ D, no count in 1..js, 0 stays 0, probabilities sum to 1`, () => {
      const table = buildPTable(params);
      for (const row of table.rows) {
        const mean = row.noise.reduce((s, v, k) => s + v * row.p[k], 0);
        expect(Math.abs(mean), `count ${row.count}`).toBeLessThan(1e-9);
        expect(row.p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
        for (const v of row.noise) {
          expect(Math.abs(v)).toBeLessThanOrEqual(params.D);
          const t = row.count + v;
          expect(t).toBeGreaterThanOrEqual(0);
          expect(t >= 1 && t <= params.js, `count ${row.count} → ${t}`).toBe(false);
        }
      }
      expect(table.rows[0].noise).toEqual([0]);
    });
  }

  it('reaches the variance V where the constraints leave room (counts far from zero)', () => {
    const table = buildPTable({ D: 2, V: 1, js: 2 });
    const last = table.rows[table.rows.length - 1];
    const variance = last.noise.reduce((s, v, k) => s + v * v * last.p[k], 0);
    expect(variance).toBeCloseTo(1, 9);
    // A count of 1 with js = 2 can only go to 0 or 3: (−1 w.p. 2/3, +2 w.p. 1/3).
    expect(table.rows[1].noise).toEqual([-1, 2]);
    expect(table.rows[1].p[0]).toBeCloseTo(2 / 3, 9);
  });

  it('every count, every key: the perturbed count never lands in 1..js and moves at most D (property)', () => {
    const table = buildPTable({ D: 2, V: 1, js: 2 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 0, max: 2 ** 40 }), (count, keySum) => {
        const p = perturb(table, count, keySum);
        return p >= 0 && Math.abs(p - count) <= 2 && !(p >= 1 && p <= 2) && (count !== 0 || p === 0);
      }),
    );
  });

  it('the same cell (count and key) always gets the same noise; the noise frequencies over keys are the table', () => {
    const table = buildPTable({ D: 2, V: 1, js: 2 });
    expect(noiseFor(table, 57, 123456789)).toBe(noiseFor(table, 57, 123456789));
    // Keys are read mod 2^24: a key sum and the same sum plus a multiple of 2^24 are the same key.
    expect(noiseFor(table, 57, 1234567)).toBe(noiseFor(table, 57, 1234567 + 5 * KEY_RANGE));
    const row = table.rows[table.rows.length - 1];
    const steps = 1 << 16;
    const seen = new Map<number, number>();
    for (let k = 0; k < steps; k++) {
      const v = noiseFor(table, 100, Math.floor((k / steps) * KEY_RANGE));
      seen.set(v, (seen.get(v) ?? 0) + 1);
    }
    row.noise.forEach((v, j) => expect((seen.get(v) ?? 0) / steps).toBeCloseTo(row.p[j], 3));
    const mean = [...seen].reduce((s, [v, c]) => s + (v * c) / steps, 0);
    expect(Math.abs(mean)).toBeLessThan(1e-3);
  });

  it('the codebook refuses parameters the table cannot honour (D below js)', () => {
    const r = Perturbation.safeParse({ D: 1, V: 1, js: 2 });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('D must be at least js');
  });
});
