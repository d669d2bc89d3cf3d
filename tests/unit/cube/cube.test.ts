/**
 * The protected cube against the engine: with no noise it equals `crosstab()` exactly; with the
 * default p-table it withholds small and one-respondent-apart populations, and the same
 * respondents always get the same numbers (docs/statistics.md, "Protected cube").
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/server/catalog.ts';
import { buildCube } from '../../../src/lib/cube/build.ts';
import { cubeCrosstab } from '../../../src/lib/cube/query.ts';
import { encodeCube, decodeCube, CubeFormatError } from '../../../src/lib/cube/format.ts';
import { cubePlan, NO_RESTRICTION, filterRestrictionId } from '../../../src/lib/cube/plan.ts';
import { crosstab } from '../../../src/lib/stats/crosstab.ts';
import { publicCodebook } from '../../../src/lib/publicuse/publicity.ts';
import { syntheticDataset } from '../../../scripts/bench/synthetic.ts';
import { evaluateFilter } from '../../../src/lib/dataset/filter.ts';
import { and, count, fullBitset } from '../../../src/lib/dataset/bitset.ts';
import { resolveVariable } from '../../../src/lib/stats/population.ts';
import { layout } from '../../../src/lib/stats/layout.ts';
import { buildPTable, perturb } from '../../../src/lib/cube/ptable.ts';
import type { CubeColumn, QuestionCube } from '../../../src/lib/cube/types.ts';
import type { Dataset } from '../../../src/lib/dataset/types.ts';
import type { CrossTab, TableSpec } from '../../../src/lib/stats/types.ts';
import { makeDataset } from '../stats/helpers.ts';

const fullstar = () => loadCatalog('data').get('fullstar', '2023')!.dataset!;
const keysOf = (ds: Dataset) => new Float64Array(ds.n).map((_, i) => (Math.imul(i + 1, 2654435761) >>> 0) % 2 ** 24);
const noNoise = { perturbation: { D: 0, V: 1, js: 0 }, suppressBase: 0, guard: false };
const defaults = { perturbation: { D: 2, V: 1, js: 2 }, suppressBase: 10 };

/** Everything a reader sees of a table (numeric summaries aside: the cube has none). */
function visible(t: CrossTab) {
  return {
    columns: t.columns.map((c) => [c.key, c.n, c.validN, c.baseN, c.suppressed, c.caution, c.letter]),
    rows: t.rows.map((r) => [r.key, r.kind, r.chiSquare ?? null, r.cells.map((c) => [c.count, c.proportion, c.ci, c.letters, c.vsTotal, c.residual])]),
    chi: t.chiSquare,
    summaries: t.type === 'numeric' ? null : (t.summaries ?? null),
    universe: t.universeLabel,
  };
}

/** The engine's spec for a cube restriction. */
function specOf(ds: Dataset, question: string, banner: string | null, restriction: string): TableSpec {
  const r = cubePlan(publicCodebook(ds.codebook)).restrictions.find((x) => x.id === restriction)!;
  return { question, banner, ...(r.kind === 'universe' ? { universe: r.universe } : {}), ...(r.filter ? { filters: [r.filter] } : {}) };
}

describe('protected cube', () => {
  it('with D = 0 equals crosstab() exactly: every question × banner × restriction of fullstar/2023', () => {
    const ds = fullstar();
    const cube = buildCube(ds, publicCodebook(ds.codebook), keysOf(ds), noNoise);
    let compared = 0;
    for (const [id, q] of cube.questions) {
      for (const banner of q.banners) {
        for (const r of q.restrictions) {
          const spec = specOf(ds, id, banner.id, r.id);
          for (const multiPercent of q.meta.kind === 'multi' ? (['respondents', 'responses'] as const) : (['respondents'] as const)) {
            const got = cubeCrosstab(q, { banner: banner.id, restriction: r.id }, { multiPercent });
            const want = crosstab(ds, spec, { multiPercent });
            expect(visible(got), `${id} by ${banner.id} / ${r.id || 'none'}`).toEqual(visible(want));
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(10000);
  });

  it("counts every cell as the engine's layout() does, key sums and weighted sums to the last bit (an unweighted and a weighted wave)", () => {
    for (const ds of [fullstar(), syntheticDataset({ n: 400, questions: 6, seed: 5 })]) {
      const keys = keysOf(ds);
      const options = { ...defaults, guard: false };
      const cube = buildCube(ds, publicCodebook(ds.codebook), keys, options);
      const ptable = buildPTable(options.perturbation);
      let compared = 0;
      for (const [id, q] of cube.questions) {
        const t = resolveVariable(ds, id);
        q.banners.forEach((banner, bi) =>
          cube.plan.restrictions.forEach((r, ri) => {
            const restriction = r.kind === 'universe' ? ds.universes.get(r.universe!)! : r.filter ? evaluateFilter(ds, r.filter) : fullBitset(ds.n);
            const mask = and(ds.universes.get(t.universe)!, restriction);
            // The cube's own rule on the engine's sums: [base, valid, ...lines], perturbed by count and key sum.
            const table = layout(ds, t, banner.id, mask, keys);
            const weighted = ds.weights ? layout(ds, t, banner.id, mask, ds.weights) : null;
            const want = banner.columns.map((_, c): CubeColumn | null => {
              const sums = [table.base[c], table.valid[c], ...table.lines.map((l) => l.sums[c])];
              if (sums[0].n < options.suppressBase) return null;
              const counts = sums.map((x) => perturb(ptable, x.n, x.w));
              if (counts[0] < options.suppressBase) return null;
              if (!weighted) return { counts };
              const wsums = [weighted.base[c], weighted.valid[c], ...weighted.lines.map((l) => l.sums[c])];
              const ratio = (k: number) => (sums[k].n > 0 ? counts[k] / sums[k].n : 0);
              return { counts, w: wsums.map((x, k) => x.w * ratio(k)), w2: wsums.map((x, k) => x.w2 * ratio(k)) };
            });
            expect(q.cells[bi][ri], `${id} by ${banner.id} / ${r.id || 'none'}`).toEqual(want);
            compared++;
          }),
        );
      }
      expect(compared).toBeGreaterThan(1000);
    }
  });

  it('hands each question to onQuestion, keeping none, equal to the cubes it keeps otherwise', () => {
    const ds = fullstar();
    const kept = buildCube(ds, publicCodebook(ds.codebook), keysOf(ds), defaults);
    const handed: QuestionCube[] = [];
    const streamed = buildCube(ds, publicCodebook(ds.codebook), keysOf(ds), { ...defaults, onQuestion: (q) => handed.push(q) });
    expect(streamed.questions.size).toBe(0);
    expect(streamed.report).toEqual(kept.report);
    expect(handed.map((q) => q.question)).toEqual([...kept.questions.keys()]);
    for (const q of handed) expect(q).toEqual(kept.questions.get(q.question));
  });

  it('withholds every column whose true base is under the threshold, and perturbs the rest (bases too)', () => {
    const ds = fullstar();
    const cube = buildCube(ds, publicCodebook(ds.codebook), keysOf(ds), defaults);
    let published = 0;
    let changed = 0;
    for (const [id, q] of cube.questions) {
      for (const banner of q.banners.slice(0, 4)) {
        for (const r of q.restrictions) {
          const truth = crosstab(ds, specOf(ds, id, banner.id, r.id));
          q.cells[q.banners.indexOf(banner)][q.restrictions.indexOf(r)].forEach((column, c) => {
            if (truth.columns[c].n < 10) expect(column, `${id} ${banner.id} ${r.id} column ${c}`).toBeNull();
            if (!column) return;
            published++;
            expect(column.counts[0]).toBeGreaterThanOrEqual(10);
            expect(Math.abs(column.counts[0] - truth.columns[c].n)).toBeLessThanOrEqual(2);
            if (column.counts[0] !== truth.columns[c].n) changed++;
            for (const x of column.counts) expect(x >= 1 && x <= 2).toBe(false);
          });
        }
      }
    }
    expect(published).toBeGreaterThan(1000);
    expect(changed / published).toBeGreaterThan(0.3);
  });

  it('the same respondents get the same numbers whichever query reaches them', () => {
    const ds = fullstar();
    const cube = buildCube(ds, publicCodebook(ds.codebook), keysOf(ds), defaults);
    let same = 0;
    for (const q of cube.questions.values()) {
      const none = q.restrictions.findIndex((r) => r.id === NO_RESTRICTION);
      for (const b of q.banners.slice(1)) {
        const bi = q.banners.indexOf(b);
        // The total column under the filter "b = code" holds the same respondents as column "code" of banner b.
        b.columns.slice(1).forEach((col, c) => {
          const ri = q.restrictions.findIndex((r) => r.id === filterRestrictionId(b.id!, Number(col.key)));
          if (ri < 0) return;
          expect(q.cells[0][ri][0], `${q.question} ${b.id}=${col.key}`).toEqual(q.cells[bi][none][c + 1]);
          same++;
        });
        // And the total column is the same under every banner.
        expect(q.cells[bi][none][0]).toEqual(q.cells[0][none][0]);
      }
    }
    expect(same).toBeGreaterThan(100);
  });

  it('the differencing guard leaves no two published populations one respondent apart (off: some are)', () => {
    const ds = fullstar();
    const codebook = publicCodebook(ds.codebook);
    const populations = (guard: boolean) => {
      const cube = buildCube(ds, codebook, keysOf(ds), { ...defaults, guard });
      const sets = new Map<string, Uint32Array>();
      for (const [id, q] of cube.questions) {
        const universe = ds.universes.get(resolveVariable(ds, id).universe)!;
        q.banners.forEach((b, bi) =>
          q.restrictions.forEach((_, ri) => {
            const plan = cube.plan.restrictions[ri];
            const mask = and(universe, plan.kind === 'universe' ? ds.universes.get(plan.universe!)! : plan.filter ? evaluateFilter(ds, plan.filter) : fullBitset(ds.n));
            b.columns.forEach((col, c) => {
              if (!q.cells[bi][ri][c]) return;
              const set = c === 0 ? mask : and(mask, evaluateFilter(ds, { q: b.id!, in: [Number(col.key)] }));
              sets.set(set.join(','), set);
            });
          }),
        );
      }
      return { cube, sets: [...sets.values()] };
    };
    const oneApart = (sets: Uint32Array[]) => {
      let pairs = 0;
      const bySize = new Map<number, Uint32Array[]>();
      for (const s of sets) bySize.set(count(s), [...(bySize.get(count(s)) ?? []), s]);
      for (const [size, big] of bySize) {
        for (const small of bySize.get(size - 1) ?? []) for (const p of big) if (small.every((w, k) => (w & ~p[k]) === 0)) pairs++;
      }
      return pairs;
    };
    const off = populations(false);
    expect(oneApart(off.sets)).toBeGreaterThan(0);
    const on = populations(true);
    // The guard sees every pair of true populations of at least 10 (some later fall under 10 by noise).
    expect(on.cube.report.pairs).toBeGreaterThanOrEqual(oneApart(off.sets.filter((s) => count(s) >= 10)));
    expect(oneApart(on.sets)).toBe(0);
  });

  it('weighted waves: with D = 0 the cube equals the weighted crosstab; with noise each cell keeps its mean weight', () => {
    const ds = syntheticDataset({ n: 600, questions: 4, seed: 3 });
    expect(ds.weights).not.toBeNull();
    const codebook = publicCodebook(ds.codebook);
    const exact = buildCube(ds, codebook, keysOf(ds), noNoise);
    const noisy = buildCube(ds, codebook, keysOf(ds), defaults);
    for (const [id, q] of exact.questions) {
      expect(q.meta.weighted).toBe(true);
      // Design-based variances need only the cells' Σw² and the wave's n (docs/statistics.md, §Weights).
      expect(q.meta.design).toEqual({ n: 600, variance: 'design' });
      const banner = q.banners[1]?.id ?? null;
      const got = cubeCrosstab(q, { banner, restriction: NO_RESTRICTION });
      const want = crosstab(ds, { question: id, banner });
      expect(got.options.variance).toBe('design');
      expect(got.rows.map((r) => r.cells.map((c) => c.effectiveBase))).toEqual(want.rows.map((r) => r.cells.map((c) => c.effectiveBase)));
      if (banner && want.chiSquare) expect(got.chiSquare).toMatchObject({ method: 'rao-scott' });
      expect(visible(got), id).toEqual(visible(want));
      expect(visible(cubeCrosstab(q, { banner, restriction: NO_RESTRICTION }, { variance: 'kish' })), id).toEqual(visible(crosstab(ds, { question: id, banner }, { variance: 'kish' })));

      expect(got.columns.map((c) => c.effectiveBase)).toEqual(want.columns.map((c) => c.effectiveBase));
      const nq = noisy.questions.get(id)!;
      const bi = nq.banners.findIndex((b) => b.id === banner);
      nq.cells[bi][0].forEach((column, c) => {
        if (!column) return;
        const truth = q.cells[bi][0][c]!;
        column.counts.forEach((n, k) => {
          if (n > 0 && truth.counts[k] > 0) expect(column.w![k] / n).toBeCloseTo(truth.w![k] / truth.counts[k], 9);
          if (n === 0) expect(column.w![k]).toBe(0);
        });
      });
    }
  });
});

describe('weighted multi answers in a cube', () => {
  it('are design-based as shares of respondents; a share of responses falls back to Kish (the cube has no Σw²·r moments)', () => {
    const rs = Array.from({ length: 60 }, (_, i) => ({ seg: 1 + (i % 3), ma: i % 4 === 0 ? [1, 2] : i % 4 === 1 ? [2] : i % 4 === 2 ? [3] : [1], weight: 0.5 + (i % 5) / 4 }));
    const ds = makeDataset(rs, true);
    const q = buildCube(ds, publicCodebook(ds.codebook), keysOf(ds), noNoise).questions.get('ma')!;
    expect(q.meta.design).toEqual({ n: 60, variance: 'design' });
    const respondents = cubeCrosstab(q, { banner: 'seg', restriction: NO_RESTRICTION });
    expect(respondents.options.variance).toBe('design');
    expect(visible(respondents)).toEqual(visible(crosstab(ds, { question: 'ma', banner: 'seg' })));
    const responses = cubeCrosstab(q, { banner: 'seg', restriction: NO_RESTRICTION }, { multiPercent: 'responses' });
    expect(responses.options.variance).toBe('kish');
    expect(visible(responses)).toEqual(visible(crosstab(ds, { question: 'ma', banner: 'seg' }, { multiPercent: 'responses', variance: 'kish' })));
    expect(crosstab(ds, { question: 'ma', banner: 'seg' }, { multiPercent: 'responses' }).options.variance).toBe('design');
  });
});

describe('cube file', () => {
  it('round-trips, and refuses a flipped byte, a truncated file and a lying header before reading counts', () => {
    const ds = fullstar();
    const cube = buildCube(ds, publicCodebook(ds.codebook), keysOf(ds), defaults);
    const q = cube.questions.get('monthly_churn')!;
    const bytes = encodeCube(q);
    expect(decodeCube(bytes)).toEqual(q);
    const flipped = bytes.slice();
    flipped[bytes.length - 3] ^= 0x01;
    expect(() => decodeCube(flipped)).toThrow(/チェックサムが一致しません/);
    expect(() => decodeCube(bytes.subarray(0, bytes.length - 1))).toThrow(/長さが一致しません/);
    const liar = bytes.slice();
    new DataView(liar.buffer).setUint32(8, 2 ** 31 - 1, true);
    expect(() => decodeCube(liar)).toThrow(CubeFormatError);
    expect(() => decodeCube(new TextEncoder().encode('<html>not found</html>'))).toThrow(/集計ファイルの形式ではありません/);
  });

  it('holds counts only: no respondent id, no record key, no free text', () => {
    const ds = loadCatalog('data').get('jcsa', '2025')!.dataset!;
    const keys = keysOf(ds);
    const cube = buildCube(ds, publicCodebook(ds.codebook), keys, defaults);
    const text = [...cube.questions.values()].map((q) => new TextDecoder().decode(encodeCube(q))).join('\n');
    for (const id of ds.ids) expect(text.includes(`"${id}"`)).toBe(false);
    expect(text).not.toContain('cs_comment');
    const comments = ds.variables.get('cs_comment');
    if (comments?.kind === 'text') for (const c of comments.values.filter((x): x is string => !!x && x.length >= 4)) expect(text.includes(c)).toBe(false);
  });
});
