/**
 * Design-based estimation for weighted waves (src/lib/stats/design.ts; docs/statistics.md,
 * §Weights): the linearised variances, the Wald test and the Rao–Scott test against R survey
 * 4.1.1 on a small hand-made design, and what changes in a table against Kish effective bases.
 */
import { describe, expect, it } from 'vitest';
import { crosstab, npsByColumn, nps, trend, kish } from '../../../src/lib/stats/index.ts';
import { effectiveBase, proportionMoments, raoScott, scoreMean, shareCovariance, shareVariance, waldTest } from '../../../src/lib/stats/design.ts';
import type { Sums } from '../../../src/lib/stats/tally.ts';
import { twoSidedP } from '../../../src/lib/stats/distributions.ts';
import { makeDataset } from './helpers.ts';
import type { Answers } from './helpers.ts';

/**
 * 16 respondents (row, column, weight). R: d <- data.frame(row, col, w);
 * des <- svydesign(ids = ~1, weights = ~w, data = d).
 */
function tiny() {
  const row = [1, 1, 1, 1, 2, 2, 2, 2, 2, 1, 2, 2, 1, 2, 3, 3];
  const col = [1, 2, 1, 2, 1, 2, 3, 3, 1, 3, 2, 3, 1, 1, 1, 2];
  const w = [1, 2, 0.5, 1.5, 1, 3, 1, 0.7, 1.2, 2, 0.8, 1, 1, 2.5, 1.1, 0.9];
  /** Sums per (row, column) of the respondents `keep` keeps. */
  const table = (keep: (i: number) => boolean = () => true): Sums[][] =>
    [1, 2, 3].map((r) =>
      [1, 2, 3].map((c) => {
        const s = { n: 0, w: 0, w2: 0 };
        row.forEach((x, i) => {
          if (x === r && col[i] === c && keep(i)) ((s.n += 1), (s.w += w[i]), (s.w2 += w[i] * w[i]));
        });
        return s;
      }),
    );
  return { row, col, w, table };
}

const sumOf = (cells: Sums[]): Sums => cells.reduce((s, x) => ({ n: s.n + x.n, w: s.w + x.w, w2: s.w2 + x.w2 }), { n: 0, w: 0, w2: 0 });

describe('linearised variance of a share (design.ts)', () => {
  it('equals R svymean on subset(des, col == 1): the domain carries the whole wave’s n/(n − 1)', () => {
    const table = tiny().table();
    const cell = table[0][0];
    const base = sumOf(table.map((r) => r[0]));
    const share = { p: cell.w / base.w, x: base.w };
    expect(share.p).toBeCloseTo(0.301204819277108404, 15);
    // R: vcov(svymean(~I(row == 1), subset(des, col == 1)))
    expect(shareVariance(16, share, proportionMoments(cell, base))).toBeCloseTo(0.030918919360842945, 15);
    // The same domain alone (a wave of its 6 respondents) would carry 6/5 instead of 16/15.
    expect(shareVariance(6, share, proportionMoments(cell, base)) / shareVariance(16, share, proportionMoments(cell, base))).toBeCloseTo(6 / 5 / (16 / 15), 12);
  });

  it('gives the covariance of overlapping domains from the respondents they share (zero when disjoint)', () => {
    // Domains a = {0, 1, 2}, b = {1, 2, 3}; y = [1, 0, 1, 1]; w = [1, 2, 3, 4]. Influence values
    // z_i = w_i(y_i − p)/W over each domain; Cov = n/(n − 1)·Σ z_a·z_b over the wave (n = 5).
    const w = [1, 2, 3, 4];
    const y = [1, 0, 1, 1];
    const a = [0, 1, 2];
    const b = [1, 2, 3];
    const share = (d: number[]) => ({ p: d.reduce((s, i) => s + w[i] * y[i], 0) / d.reduce((s, i) => s + w[i], 0), x: d.reduce((s, i) => s + w[i], 0) });
    const sa = share(a);
    const sb = share(b);
    const za = (i: number) => (a.includes(i) ? (w[i] * (y[i] - sa.p)) / sa.x : 0);
    const zb = (i: number) => (b.includes(i) ? (w[i] * (y[i] - sb.p)) / sb.x : 0);
    const byHand = (5 / 4) * [0, 1, 2, 3].reduce((s, i) => s + za(i) * zb(i), 0);
    const shared = { yy: w[1] ** 2 * y[1] + w[2] ** 2 * y[2], xy: w[1] ** 2 * y[1] + w[2] ** 2 * y[2], xx: w[1] ** 2 + w[2] ** 2 };
    expect(shareCovariance(5, sa, sb, shared)).toBeCloseTo(byHand, 15);
    expect(shareCovariance(5, sa, sb, { yy: 0, xy: 0, xx: 0 })).toBe(0);
  });

  it('takes the effective base p̂(1 − p̂)/Var, and the fallback for a share of 0 or 1', () => {
    expect(effectiveBase(0.3, 0.21 / 50, 12)).toBeCloseTo(50, 12);
    expect(effectiveBase(0, 0, 12)).toBe(12);
    expect(effectiveBase(1, 1e-30, 12)).toBe(12);
    expect(effectiveBase(NaN, 0.1, 0)).toBe(0);
  });

  it('gives the linearised variance of a mean score (NPS)', () => {
    // +1 (w 2, 1), 0 (w 1), −1 (w 1): m = 0.4; Σw²(s − m)² = 5·0.36 + 0.16 + 1.96 = 3.92; n = 6.
    const { mean, variance } = scoreMean(6, [
      { value: 1, w: 3, w2: 5 },
      { value: 0, w: 1, w2: 1 },
      { value: -1, w: 1, w2: 1 },
    ]);
    expect(mean).toBeCloseTo(0.4, 15);
    expect(variance).toBeCloseTo((1.2 * 3.92) / 25, 15);
  });
});

describe('Wald test of two shares', () => {
  it('is (p_a − p_b)/√(V_a + V_b − 2C), two-sided normal', () => {
    const t = waldTest({ p: 0.6, x: 10 }, { p: 0.4, x: 10 }, 0.004, 0.005, 0.001)!;
    expect(t.z).toBeCloseTo(0.2 / Math.sqrt(0.007), 14);
    expect(t.p).toBe(twoSidedP(t.z));
  });
  it('has nothing to test for equal shares, and p = 0 for 0 % against 100 % (no variance: z = ±∞, as R)', () => {
    expect(waldTest({ p: 0.5, x: 1 }, { p: 0.5, x: 2 }, 0.01, 0.01, 0)).toBeNull();
    expect(waldTest({ p: 0, x: 1 }, { p: 0, x: 2 }, 0, 0, 0)).toBeNull();
    expect(waldTest({ p: 1, x: 1 }, { p: 0, x: 2 }, 0, 0, 0)).toEqual({ z: Infinity, p: 0 });
    expect(waldTest({ p: 0, x: 1 }, { p: 1, x: 2 }, 0, 0, 0)).toEqual({ z: -Infinity, p: 0 });
  });
});

describe('Rao–Scott second-order test (svychisq statistic = "F")', () => {
  it('equals R on the whole design: F, both non-integer degrees of freedom and p', () => {
    // R: svychisq(~row + col, des, statistic = "F")
    const r = raoScott(16, tiny().table())!;
    expect(r.method).toBe('rao-scott');
    expect(r.statistic).toBeCloseTo(0.15369288290973743, 12);
    expect(r.df).toBeCloseTo(3.7986522263425604, 12);
    expect(r.ddf).toBeCloseTo(56.979783395138405, 10);
    expect(r.p).toBeCloseTo(0.95547981906709811, 12);
    // X² (statistic = "Chisq") = F·tr(Δ) and δ̄ = tr(Δ)/4.
    expect(r.pearson).toBeCloseTo(0.68601591479715307, 12);
    expect(r.meanDeff * 4 * r.statistic).toBeCloseTo(r.pearson, 12);
  });

  it('equals R on a subset: tested respondents m for X² and m − 1 for ddf, the wave’s n in the variance', () => {
    // R: svychisq(~row + col, subset(des, 1:16 <= 14), statistic = "F")
    const r = raoScott(16, tiny().table((i) => i < 14))!;
    expect(r.statistic).toBeCloseTo(0.075877964220225635, 12);
    expect(r.df).toBeCloseTo(1.960003321829216771, 12);
    expect(r.ddf).toBeCloseTo(25.480043183779816474, 10);
    expect(r.p).toBeCloseTo(0.924118592370646086, 12);
  });

  it('leaves out empty rows and columns and refuses fewer than two of either', () => {
    const t = tiny().table((i) => i < 14);
    // Row 3 (respondents 14, 15) is empty here: a 2 × 3 test.
    expect(t[2].every((s) => s.n === 0)).toBe(true);
    const r = raoScott(16, t)!;
    expect(r.residuals[2].every((z) => Number.isNaN(z))).toBe(true);
    expect(raoScott(16, [t[0]])).toBeNull();
    expect(raoScott(16, t.map((row) => [row[0]]))).toBeNull();
  });
});

/** Column A: heavy weights all on option 1; column B: weights 1. */
function skewed(): Answers[] {
  return [
    ...Array.from({ length: 20 }, () => ({ seg: 1, sa: 1, weight: 4 })),
    ...Array.from({ length: 20 }, () => ({ seg: 1, sa: 2, weight: 0.25 })),
    ...Array.from({ length: 32 }, () => ({ seg: 2, sa: 1, weight: 1 })),
    ...Array.from({ length: 8 }, () => ({ seg: 2, sa: 2, weight: 1 })),
  ];
}

describe('a weighted table: design against Kish', () => {
  it('gives a letter the Kish base does not: the weights sit on one answer, so the share is more precise than Kish says', () => {
    const d = makeDataset(skewed(), true);
    const design = crosstab(d, { question: 'sa', banner: 'seg' });
    const kishTable = crosstab(d, { question: 'sa', banner: 'seg' }, { variance: 'kish' });
    expect(design.options.variance).toBe('design');
    expect(kishTable.options.variance).toBe('kish');
    const [a, b] = [design.rows[0].cells[1], design.rows[0].cells[2]];
    // A: p̂ = 80/85; Kish e = 85²/321.25 ≈ 22.5; design e = p̂(1 − p̂)/Var ≈ 180.
    expect(a.proportion).toBeCloseTo(80 / 85, 14);
    expect(design.columns[1].effectiveBase).toBeCloseTo(85 ** 2 / 321.25, 12);
    expect(kishTable.rows[0].cells[1].effectiveBase).toBeCloseTo(85 ** 2 / 321.25, 12);
    const variance = ((80 / 79) * ((5 / 85) ** 2 * 320 + (80 / 85) ** 2 * 1.25)) / 85 ** 2;
    expect(a.effectiveBase).toBeCloseTo(((80 / 85) * (5 / 85)) / variance, 9);
    expect(b.effectiveBase).toBeCloseTo((40 * 79) / 80, 9);
    // 94.1 % against 80 %: significant by design (z ≈ 2.1), not with Kish bases (pooled z ≈ 1.7).
    expect(a.letters).toBe('B');
    expect(kishTable.rows[0].cells[1].letters).toBe('');
    expect(a.ci!.high - a.ci!.low).toBeLessThan(kishTable.rows[0].cells[1].ci!.high - kishTable.rows[0].cells[1].ci!.low);
  });

  it('replaces Pearson’s χ² by Rao–Scott’s F with both degrees of freedom', () => {
    const d = makeDataset(skewed(), true);
    const chi = crosstab(d, { question: 'sa', banner: 'seg' }).chiSquare!;
    expect(chi.method).toBe('rao-scott');
    // A 2 × 2 table has one generalised design effect δ: F = X²/δ on 1 and 1·(80 − 1) degrees of freedom.
    expect(chi.df).toBeCloseTo(1, 12);
    expect(chi.ddf).toBeCloseTo(79, 9);
    const x2 = raoScott(80, [
      [{ n: 20, w: 80, w2: 320 }, { n: 32, w: 32, w2: 32 }],
      [{ n: 20, w: 5, w2: 1.25 }, { n: 8, w: 8, w2: 8 }],
    ])!;
    expect(chi.statistic).toBeCloseTo(x2.statistic, 12);
    expect(chi.statistic).toBeCloseTo(x2.pearson / x2.meanDeff, 12);
    expect(crosstab(d, { question: 'sa', banner: 'seg' }, { variance: 'kish' }).chiSquare).not.toHaveProperty('method');
    // Unweighted tables keep Pearson's χ², whatever the option says.
    const u = makeDataset(skewed(), false);
    expect(crosstab(u, { question: 'sa', banner: 'seg' }).chiSquare).not.toHaveProperty('method');
    expect(crosstab(u, { question: 'sa', banner: 'seg' }).options.variance).toBe('design');
  });
});

/**
 * 60 choose banner options 1 and 2, 10 only 1, 10 only 2. sa = 1: half of the 60, all 10 of
 * "only 1", none of "only 2". Columns 1 and 2 share 60 respondents; weights alternate 1 and 1.2.
 */
function overlapping(): Answers[] {
  const out: Answers[] = [];
  for (let i = 0; i < 60; i++) out.push({ seg: 1, sa: i < 30 ? 1 : 2, ma: [1, 2] });
  for (let i = 0; i < 10; i++) out.push({ seg: 1, sa: 1, ma: [1] });
  for (let i = 0; i < 10; i++) out.push({ seg: 1, sa: 2, ma: [2] });
  return out.map((r, i) => ({ ...r, weight: i % 2 ? 1.2 : 1 }));
}

describe('a multi-answer banner: overlapping columns', () => {
  it('gets letters by design, with the covariance of the shared respondents; Kish refuses them', () => {
    const rs = overlapping();
    const d = makeDataset(rs, true);
    const t = crosstab(d, { question: 'sa', banner: 'ma' }, { cautionBase: 0 });
    expect(t.lettersNote).toBeUndefined();
    expect(t.chiSquare).toBeNull();
    const [one, two] = [t.rows[0].cells[1], t.rows[0].cells[2]];
    expect(one.letters).toBe('B');
    expect(two.letters).toBe('');
    expect(crosstab(d, { question: 'sa', banner: 'ma' }, { cautionBase: 0, variance: 'kish' }).lettersNote).toMatch(/^バナーが複数回答のため/);
    // The test by hand, from influence values over the wave (n = 80).
    const w = rs.map((r) => r.weight!);
    const y = rs.map((r) => (r.sa === 1 ? 1 : 0));
    const domain = (code: number) => rs.map((r) => r.ma!.includes(code));
    const influence = (d: boolean[]) => {
      const W = w.reduce((s, x, i) => s + (d[i] ? x : 0), 0);
      const p = w.reduce((s, x, i) => s + (d[i] ? x * y[i] : 0), 0) / W;
      return { p, z: w.map((x, i) => (d[i] ? (x * (y[i] - p)) / W : 0)) };
    };
    const a = influence(domain(1));
    const b = influence(domain(2));
    const f = 80 / 79;
    const va = f * a.z.reduce((s, z) => s + z * z, 0);
    const vb = f * b.z.reduce((s, z) => s + z * z, 0);
    const cov = f * a.z.reduce((s, z, i) => s + z * b.z[i], 0);
    expect(one.proportion).toBeCloseTo(a.p, 14);
    const withCov = twoSidedP((a.p - b.p) / Math.sqrt(va + vb - 2 * cov));
    const without = twoSidedP((a.p - b.p) / Math.sqrt(va + vb));
    // Four columns (1, 2 and the empty 3, 9): one testable pair, so Bonferroni leaves p as it is.
    expect(withCov).toBeLessThan(0.001);
    expect(without).toBeGreaterThan(0.05);
    expect(one.effectiveBase).toBeCloseTo((a.p * (1 - a.p)) / va, 9);
  });

  it('tests each column against everyone outside it (disjoint: no covariance)', () => {
    const d = makeDataset(overlapping(), true);
    const t = crosstab(d, { question: 'sa', banner: 'ma' }, { cautionBase: 0 });
    // Column 2 (30/70 by count) against the 10 "only 1" (all sa = 1).
    expect(t.rows[0].cells[2].vsTotal).toBe(-1);
  });
});

describe('where a wave declares its method, and where the design reaches', () => {
  it('follows the codebook’s survey.variance unless the caller chooses', () => {
    const d = makeDataset(skewed(), true, (c) => ({ ...c, survey: { ...c.survey, variance: 'kish' } }));
    expect(crosstab(d, { question: 'sa', banner: 'seg' }).options.variance).toBe('kish');
    expect(crosstab(d, { question: 'sa', banner: 'seg' }).rows[0].cells[1].letters).toBe('');
    expect(crosstab(d, { question: 'sa', banner: 'seg' }, { variance: 'design' }).rows[0].cells[1].letters).toBe('B');
  });

  it('gives trend points the share’s own design-based effective base', () => {
    const d = makeDataset(skewed(), true);
    const t = crosstab(d, { question: 'sa' });
    const [point] = trend([{ codebook: d.codebook, dataset: d }], 'sa').points;
    expect(point.effectiveBase).toBe(t.rows[0].cells[0].effectiveBase);
    expect(point.effectiveBase).not.toBeCloseTo(t.columns[0].effectiveBase, 3);
    const [kishPoint] = trend([{ codebook: d.codebook, dataset: d }], 'sa', { stats: { variance: 'kish' } }).points;
    expect(kishPoint.effectiveBase).toBe(t.columns[0].effectiveBase);
  });

  it('rests a weighted NPS on the linearised variance of the score', () => {
    // Column A: 10 (w 2), 9, 7, 3 (w 1) of a wave of 6 (seg 3 is outside the NPS universe).
    const d = makeDataset(
      [
        { seg: 1, nps: 10, weight: 2 },
        { seg: 1, nps: 9, weight: 1 },
        { seg: 1, nps: 7, weight: 1 },
        { seg: 1, nps: 3, weight: 1 },
        { seg: 2, nps: 10, weight: 1 },
        { seg: 3, weight: 1 },
      ],
      true,
    );
    const a = npsByColumn(d, crosstab(d, { question: 'nps', banner: 'seg' }))[1];
    const variance = (1.2 * 3.92) / 25;
    expect(a.se).toBeCloseTo(100 * Math.sqrt(variance), 12);
    expect(a.n).toBeCloseTo(0.64 / variance, 12);
    // Column B: everyone a promoter — no design variance: the Kish base (1).
    const b = npsByColumn(d, crosstab(d, { question: 'nps', banner: 'seg' }))[2];
    expect(b).toEqual(nps({ promoters: 1, passives: 0, detractors: 0, n: kish(1, 1) }));
  });
});
