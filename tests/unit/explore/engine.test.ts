import { beforeEach, describe, expect, it } from 'vitest';
import { crosstab } from '../../../src/lib/stats/crosstab.ts';
import type { CrossTab, TableSpec } from '../../../src/lib/stats/types.ts';
import { encodePublicUse, decodePublicUse } from '../../../src/lib/publicuse/index.ts';
import { syntheticDataset } from '../../../scripts/bench/synthetic.ts';
import { computeTable } from '../../../src/lib/explore/compute.ts';
import { parseState } from '../../../src/lib/explore/state.ts';
import { catalogWave } from '../../../src/lib/explore/catalog.ts';
import { publicCodebook } from '../../../src/lib/publicuse/publicity.ts';

/** Every number of a CrossTab, floats rounded to 9 significant digits (row order differs after the shuffle). */
export function numbers(t: CrossTab): unknown {
  const r = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(9)) : String(x));
  return {
    columns: t.columns.map((c) => ({ ...c, weightedBase: r(c.weightedBase), effectiveBase: r(c.effectiveBase) })),
    rows: t.rows.map((row) => ({
      key: row.key,
      label: row.label,
      cells: row.cells.map((c) => ({ count: c.count, w: r(c.weightedCount), p: r(c.proportion), e: r(c.effectiveBase!), ci: c.ci && [r(c.ci.low), r(c.ci.high)], letters: c.letters, vs: c.vsTotal })),
    })),
    chi: t.chiSquare && { ...t.chiSquare, statistic: r(t.chiSquare.statistic), df: r(t.chiSquare.df), ...(t.chiSquare.ddf !== undefined ? { ddf: r(t.chiSquare.ddf) } : {}), p: r(t.chiSquare.p) },
    responses: t.responses,
  };
}

for (const weighted of [true, false]) {
  describe(`the engine on a public-use dataset (${weighted ? 'weighted' : 'unweighted'})`, () => {
    // Built before each test (not in the describe body) so that mutation testing can trace coverage to a test.
    let original: ReturnType<typeof syntheticDataset>;
    let decoded: ReturnType<typeof decodePublicUse>;
    beforeEach(() => {
      original = syntheticDataset({ n: 2500, questions: 10, seed: 11, weighted });
      decoded = decodePublicUse(encodePublicUse(original));
    });
    const specs: TableSpec[] = [
      { question: 'q1' },
      { question: 'q1', banner: 'segment' },
      { question: 'q5', banner: 'segment' },
      { question: 'q2', banner: 'q3', universe: 'saas' },
      { question: 'q3', banner: 'segment', filters: [{ q: 'q5', includesAny: [1, 2] }, { q: 'q1', in: [1, 2, 3] }] },
      { question: 'q10', banner: 'q4', filters: [{ q: 'q5', includesAll: [1, 3] }] },
      { question: 'staff', banner: 'segment' },
    ];
    for (const spec of specs) {
      it(`gives the same cross-tab as the original data for ${JSON.stringify(spec)}`, () => {
        expect(numbers(crosstab(decoded, spec))).toEqual(numbers(crosstab(original, spec)));
      });
    }
    it('percent of responses for multi answers is the same too', () => {
      const spec = { question: 'q5', banner: 'segment' };
      expect(numbers(crosstab(decoded, spec, { multiPercent: 'responses' }))).toEqual(numbers(crosstab(original, spec, { multiPercent: 'responses' })));
    });
  });
}

describe('computeTable', () => {
  it('computes what the URL state asks for', () => {
    const ds = syntheticDataset({ n: 800, questions: 10, seed: 3 });
    const wave = catalogWave(publicCodebook(ds.codebook), '/x');
    const { state, notices } = parseState('?q=q5&b=segment&f=q1:in:1,2&mp=responses', { waves: [wave] });
    expect(notices).toEqual([]);
    const t = computeTable(ds, state);
    expect(t.spec).toMatchObject({ question: 'q5', banner: 'segment', filters: [{ q: 'q1', in: [1, 2] }] });
    expect(t.options.multiPercent).toBe('responses');
    expect(t.columns.map((c) => c.label)).toEqual(['全体', 'SaaS', '製造', '金融', 'その他']);
  });
});
