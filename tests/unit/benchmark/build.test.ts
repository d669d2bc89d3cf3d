/**
 * The self-benchmark's JSON builder (src/lib/benchmark/build.ts): on a small fixture wave, every
 * share equals the engine's cross-tab of the same question and segment (percent base without
 * わからない), suppression and exclusions are as documented; the quartile classes of a numeric
 * question; and the errors that fail the build.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadWave } from '../../../src/lib/dataset/load.ts';
import { formatProblems } from '../../../src/lib/dataset/problem.ts';
import type { CodebookInput } from '../../../src/lib/dataset/codebook.ts';
import type { Dataset } from '../../../src/lib/dataset/types.ts';
import { crosstab } from '../../../src/lib/stats/crosstab.ts';
import { BenchmarkError, buildBenchmark, buildMetric, classFilter, quartileClasses, type BenchmarkWave, type MetricSpec } from '../../../src/lib/benchmark/build.ts';
import type { CrossTab } from '../../../src/lib/stats/types.ts';

const T = { suppressBase: 10, cautionBase: 30 };

function codebook(n: number): CodebookInput {
  return {
    survey: { id: 'fx', wave: '2025', title: 'フィクスチャ調査', publisher: 'tests', fieldwork: { start: '2025-01-01', end: '2025-01-31' }, method: 'web', population: 'test', n, citation: '出典：テスト調査', licence: 'CC0', synthetic: true },
    questions: [
      { id: 'employee_size', text: '従業員数', label: '従業員規模', type: 'banded', unit: '名', options: [{ code: 1, label: '1〜99名', lower: 1, upper: 100 }, { code: 2, label: '100名以上', lower: 100 }] },
      { id: 'kind', text: '業態', label: '業態', type: 'single', options: [{ code: 1, label: 'SaaS' }, { code: 2, label: '非SaaS' }] },
      {
        id: 'churn',
        text: '月次解約率',
        label: '月次解約率',
        type: 'banded',
        unit: '%',
        source: '図1',
        options: [
          { code: 1, label: '1%未満', lower: 0, upper: 1 },
          { code: 2, label: '1〜3%未満', lower: 1, upper: 3 },
          { code: 3, label: '3%以上', lower: 3 },
          { code: 99, label: 'わからない', nonSubstantive: true },
        ],
      },
      { id: 'accounts', text: '担当社数', label: '担当社数', type: 'numeric', unit: '社', integer: true, min: 1 },
      { id: 'touch', text: 'タッチモデル', label: 'タッチモデル', type: 'single', options: [{ code: 1, label: '構築している' }, { code: 2, label: '構築していない' }, { code: 99, label: 'わからない', nonSubstantive: true }] },
      { id: 'effect', text: '効果', label: '効果の実感', type: 'single', options: [{ code: 1, label: '感じている' }, { code: 2, label: '感じていない' }] },
      { id: 'tools', text: 'ツール', label: 'ツール', type: 'multi', options: [{ code: 1, label: 'CRM' }, { code: 2, label: 'BI' }] },
    ],
    universes: [{ id: 'saas', label: 'SaaS', filter: { q: 'kind', in: [1] } }],
  };
}

/** 60 respondents: 8 in the small size class (under the suppression threshold), 52 in the large one. */
function fixture(): Dataset {
  const header = ['id', 'employee_size', 'kind', 'churn', 'accounts', 'touch', 'effect', 'tools__1', 'tools__2'];
  const rows: string[] = [];
  for (let i = 0; i < 60; i++) {
    const size = i < 8 ? 1 : 2;
    const kind = i % 3 === 0 ? 2 : 1;
    const churn = i % 11 === 0 ? 99 : [1, 2, 2, 3, 1][i % 5];
    const accounts = 1 + ((i * 37) % 150);
    const touch = i % 13 === 0 ? 99 : i % 2 === 0 ? 1 : 2;
    const effect = touch === 1 || i % 4 === 0 ? 1 : 2;
    rows.push([`x${i + 1}`, size, kind, churn, accounts, touch, effect, i % 2, (i + 1) % 2].join(','));
  }
  const csv = `${header.join(',')}\n${rows.join('\n')}\n`;
  const result = loadWave({ codebookPath: 'tests/unit/benchmark/codebook.yaml', codebookText: stringify(codebook(60)), responsesBytes: new TextEncoder().encode(csv) });
  if (!result.ok) throw new Error(formatProblems(result.problems).join('\n'));
  return result.value.dataset!;
}

function wave(ds: Dataset, isProtected = false): BenchmarkWave {
  return { codebook: ds.codebook, table: (r) => crosstab(ds, r), protected: isProtected };
}

const spec = (over: Partial<MetricSpec>): MetricSpec => ({ id: 'churn', survey: 'fx', wave: '2025', question: 'churn', input: 'number', ...over });

/** The engine's shares of a column on the substantive base (わからない and 無回答 left out). */
function substantive(table: CrossTab, column: number, codes: number[]): number[] {
  return codes.map((c) => table.rows.find((r) => r.key === String(c))!.cells[column].proportion);
}

describe('buildMetric on a fixture wave', () => {
  it('gives every segment the shares of the engine\'s cross-tab on the substantive base', () => {
    const ds = fixture();
    const m = buildMetric(wave(ds), spec({}), T);
    const codes = [1, 2, 3];
    expect(m.classes.map((c) => c.code)).toEqual(codes);
    expect(m.classes[2]).toEqual({ code: 3, label: '3%以上', lower: 3 });
    const total = crosstab(ds, { question: 'churn' }, { percentBase: 'substantive' });
    m.all.shares!.forEach((s, k) => expect(s).toBeCloseTo(substantive(total, 0, codes)[k], 12));
    expect(m.all.base).toBe(total.columns[0].baseN);
    const saas = crosstab(ds, { question: 'churn', universe: 'saas' }, { percentBase: 'substantive' });
    m.saas!.shares!.forEach((s, k) => expect(s).toBeCloseTo(substantive(saas, 0, codes)[k], 12));
    expect(m.saas!.base).toBe(saas.columns[0].baseN);
    expect(m.saas!.sameAsAll).toBeUndefined();
    const bySize = crosstab(ds, { question: 'churn', banner: 'employee_size' }, { percentBase: 'substantive' });
    const large = m.size!.segments[1];
    large.shares!.forEach((s, k) => expect(s).toBeCloseTo(substantive(bySize, 2, codes)[k], 12));
    expect(large).toMatchObject({ id: 'size:2', label: '従業員規模 100名以上', suppressed: false, base: bySize.columns[2].baseN });
  });

  it('leaves わからない out of the base and lists it with its count', () => {
    const ds = fixture();
    const m = buildMetric(wave(ds), spec({}), T);
    const dk = crosstab(ds, { question: 'churn' }).rows.find((r) => r.key === '99')!.cells[0].count;
    expect(dk).toBeGreaterThan(0);
    expect(m.all.excluded).toEqual([{ label: 'わからない', count: dk }]);
    expect(m.all.base).toBe(60 - dk);
    expect(m.all.shares!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(m.classes.some((c) => c.label === 'わからない')).toBe(false);
  });

  it('marks a segment under the suppression threshold as suppressed, with no figures', () => {
    const m = buildMetric(wave(fixture()), spec({}), T);
    expect(m.size!.segments[0]).toEqual({ id: 'size:1', label: '従業員規模 1〜99名', suppressed: true, base: null, caution: false, shares: null, excluded: null });
    expect(m.size!.classes.map((c) => c.label)).toEqual(['1〜99名', '100名以上']);
  });

  it('flags bases under the caution threshold as 参考値', () => {
    const m = buildMetric(wave(fixture()), spec({}), { suppressBase: 10, cautionBase: 100 });
    expect(m.all.caution).toBe(true);
  });

  it('says when the SaaS segment holds the same respondents as 全体', () => {
    const ds = fixture();
    const w: BenchmarkWave = { codebook: ds.codebook, table: (r) => crosstab(ds, { ...r, universe: undefined }), protected: false };
    expect(buildMetric(w, spec({}), T).saas!.sameAsAll).toBe(true);
  });

  it('offers no SaaS or size segment when the wave has no saas universe or employee_size question', () => {
    const ds = fixture();
    const codebook = { ...ds.codebook, universes: ds.codebook.universes.filter((u) => u.id !== 'saas'), questions: ds.codebook.questions.filter((q) => q.id !== 'employee_size') };
    const m = buildMetric({ codebook, table: (r) => crosstab(ds, r), protected: false }, spec({}), T);
    expect(m.saas).toBeNull();
    expect(m.size).toBeNull();
  });

  it('describes the question, its universe, source and links', () => {
    const m = buildMetric(wave(fixture()), spec({}), T);
    expect(m).toMatchObject({
      id: 'churn', input: 'number', scale: 'banded', survey: 'fx', wave: '2025', surveyTitle: 'フィクスチャ調査', question: 'churn', label: '月次解約率', unit: '%',
      universe: { id: 'all', label: '全回答者' }, citation: 'テスト調査（図1）', synthetic: true, protected: false,
      questionUrl: '/fx/2025/questions/churn/', explorerUrl: '/explore/?s=fx&w=2025&q=churn',
    });
  });

  it('cuts a numeric question at the quartiles of 全体 and counts each class by the engine', () => {
    const ds = fixture();
    const m = buildMetric(wave(ds), spec({ id: 'accounts', question: 'accounts' }), T);
    const s = crosstab(ds, { question: 'accounts' }).summaries![0];
    expect(m.scale).toBe('quartiles');
    expect(m.classes).toEqual(quartileClasses(s, { unit: '社', min: 1, integer: true }));
    // Counted again from the raw values: lower ≤ x < upper.
    const v = ds.variables.get('accounts')!;
    const values = v.kind === 'numeric' ? [...v.values].filter((x) => Number.isFinite(x)) : [];
    expect(values).toHaveLength(60);
    const expected = m.classes.map((c) => values.filter((x) => x >= (c.lower ?? -Infinity) && x < (c.upper ?? Infinity)).length / values.length);
    m.all.shares!.forEach((x, k) => expect(x).toBeCloseTo(expected[k], 12));
    expect(m.all.base).toBe(60);
    expect(m.all.excluded).toEqual([]);
    expect(m.size!.segments[0].suppressed).toBe(true);
    const large = values.filter((_, i) => i >= 8);
    m.size!.segments[1].shares!.forEach((x, k) => expect(x).toBeCloseTo(large.filter((y) => y >= (m.classes[k].lower ?? -Infinity) && y < (m.classes[k].upper ?? Infinity)).length / large.length, 12));
  });

  it('gives a nominal metric its companion table: the effect share by answer, as the engine computes it', () => {
    const ds = fixture();
    const m = buildMetric(wave(ds), spec({ id: 'touch', question: 'touch', input: 'choice', effect: { question: 'effect', option: 1 } }), T);
    expect(m.scale).toBe('nominal');
    expect(m.classes.map((c) => c.label)).toEqual(['構築している', '構築していない']);
    const t = crosstab(ds, { question: 'effect', banner: 'touch' });
    const row = t.rows.find((r) => r.key === '1')!;
    expect(m.effect!.optionLabel).toBe('感じている');
    expect(m.effect!.byClass.map((c) => c.share)).toEqual([row.cells[1].proportion, row.cells[2].proportion]);
    expect(m.effect!.byClass.map((c) => c.base)).toEqual([t.columns[1].n, t.columns[2].n]);
    expect(m.effect!.total).toEqual({ base: 60, share: row.cells[0].proportion, suppressed: false, caution: false });
    expect(m.explorerUrl).toBe('/explore/?s=fx&w=2025&q=effect&b=touch');
  });

  it('fails with a message naming the metric for what cannot be a benchmark', () => {
    const w = wave(fixture());
    expect(() => buildMetric(w, spec({ question: 'nope' }), T)).toThrow(BenchmarkError);
    expect(() => buildMetric(w, spec({ question: 'nope' }), T)).toThrow('benchmark metric "churn": fx/2025 has no question "nope"');
    expect(() => buildMetric(w, spec({ question: 'tools', input: 'choice' }), T)).toThrow(/needs single, ordinal, banded or numeric answers/);
    expect(() => buildMetric(w, spec({ question: 'touch' }), T)).toThrow(/a typed value needs a banded or numeric question/);
    expect(() => buildMetric({ ...w, protected: true }, spec({ question: 'accounts' }), T)).toThrow(/publishes only the bases of numeric question/);
    expect(() => buildMetric(w, spec({ question: 'touch', input: 'choice', effect: { question: 'effect', option: 7 } }), T)).toThrow(/has no option 7/);
  });

  it('builds every metric in order, with the thresholds', () => {
    const ds = fixture();
    const data = buildBenchmark([spec({}), spec({ id: 'nrr', input: 'choice' })], () => wave(ds), T);
    expect(data).toMatchObject({ version: 1, suppressBase: 10, cautionBase: 30 });
    expect(data.metrics.map((m) => m.id)).toEqual(['churn', 'nrr']);
    expect(JSON.stringify(data)).not.toMatch(/"x\d+"/);
  });
});

describe('quartileClasses', () => {
  it('makes whole-number classes for whole-number answers, starting at the question\'s minimum', () => {
    expect(quartileClasses({ q1: 39, median: 69, q3: 112 }, { unit: '社', min: 1, integer: true })).toEqual([
      { code: 1, label: '1〜38社', lower: 1, upper: 39 },
      { code: 2, label: '39〜68社', lower: 39, upper: 69 },
      { code: 3, label: '69〜111社', lower: 69, upper: 112 },
      { code: 4, label: '112社以上', lower: 112 },
    ]);
  });

  it('rounds fractional cut points up for whole numbers (x < 62.5 is x < 63) and merges repeated ones', () => {
    expect(quartileClasses({ q1: 2, median: 2, q3: 62.5 }, { unit: '人', integer: true })).toEqual([
      { code: 1, label: '1人以下', upper: 2 },
      { code: 2, label: '2〜62人', lower: 2, upper: 63 },
      { code: 3, label: '63人以上', lower: 63 },
    ]);
    expect(quartileClasses({ q1: 1, median: 2, q3: 3 }, { unit: '人', min: 1, integer: true }).map((c) => c.label)).toEqual(['1人', '2人', '3人以上']);
  });

  it('keeps fractional bounds for decimal answers', () => {
    expect(quartileClasses({ q1: 0.5, median: 1.25, q3: 4 }, { unit: '%', integer: false }).map((c) => c.label)).toEqual(['0.5%未満', '0.5〜1.25%未満', '1.25〜4%未満', '4%以上']);
  });
});

describe('classFilter', () => {
  it('selects lower ≤ x < upper in the engine', () => {
    const ds = fixture();
    const v = ds.variables.get('accounts')!;
    const values = v.kind === 'numeric' ? [...v.values] : [];
    for (const cls of [{ code: 1, label: 'a', lower: 1, upper: 39 }, { code: 2, label: 'b', upper: 50 }, { code: 3, label: 'c', lower: 112 }]) {
      const n = crosstab(ds, { question: 'accounts', filters: [classFilter('accounts', cls)] }).columns[0].n;
      expect(n).toBe(values.filter((x) => x >= (cls.lower ?? -Infinity) && x < (cls.upper ?? Infinity)).length);
    }
  });
});
