/** The self-benchmark's result texts (src/lib/benchmark/describe.ts). */
import { describe, expect, it } from 'vitest';
import { describeResult } from '../../../src/lib/benchmark/describe.ts';
import type { BenchmarkMetric, BenchmarkSegment } from '../../../src/lib/benchmark/types.ts';

const T = { suppressBase: 10, cautionBase: 30 };

const seg = (over: Partial<BenchmarkSegment>): BenchmarkSegment => ({ id: 'all', label: '全体', suppressed: false, base: 188, caution: false, shares: [0.25, 0.25, 0.5], excluded: [{ label: 'わからない', count: 12 }], ...over });

function metric(over: Partial<BenchmarkMetric> = {}): BenchmarkMetric {
  return {
    id: 'churn',
    input: 'number',
    scale: 'banded',
    survey: 'fx',
    wave: '2023',
    surveyTitle: 'テスト調査',
    question: 'monthly_churn',
    label: '月次平均解約率',
    text: '月次平均解約率を選んでください。',
    unit: '%',
    universe: { id: 'all', label: '全回答者' },
    citation: 'テスト調べ',
    synthetic: true,
    protected: false,
    classes: [{ code: 1, label: '1%未満', lower: 0, upper: 1 }, { code: 2, label: '1〜2%未満', lower: 1, upper: 2 }, { code: 3, label: '2%以上', lower: 2 }],
    all: seg({}),
    saas: null,
    size: { question: 'employee_size', label: '従業員規模', unit: '名', classes: [{ code: 1, label: '1〜99名', lower: 1, upper: 100 }, { code: 2, label: '100名以上', lower: 100 }], segments: [seg({ id: 'size:1', label: '従業員規模 1〜99名', suppressed: true, base: null, shares: null, excluded: null }), seg({ id: 'size:2', label: '従業員規模 100名以上', base: 21, caution: true, shares: [0.5, 0.5, 0], excluded: [] })] },
    questionUrl: '/fx/2023/questions/monthly_churn/',
    explorerUrl: '/explore/?s=fx&w=2023&q=monthly_churn',
    ...over,
  };
}

describe('describeResult', () => {
  it('says the class, the shares below / in / above it, and what the base leaves out', () => {
    const v = describeResult(T, metric(), { value: 1.5 }, 'all', null);
    expect(v.answer).toBe('あなたの値：1.5%（階級「1〜2%未満」）');
    expect(v.summary).toBe('比べた回答者（全体、n=188）のうち、あなたより低い階級の人は25.0%、同じ階級の人は25.0%、高い階級の人は50.0%です。');
    expect(v.compared).toBe(true);
    expect(v.rows.map((r) => [r.label, r.share, r.relation, r.mine])).toEqual([
      ['1%未満', '25.0%', 'あなたより低い', false],
      ['1〜2%未満', '25.0%', 'あなたの階級', true],
      ['2%以上', '50.0%', 'あなたより高い', false],
    ]);
    expect(v.caption).toBe('月次平均解約率の回答の分布（全体、n=188）');
    expect(v.notes).toContain('わからない（12人）は基数に含めていません。割合は、選択肢のどれかに当てはまると答えた人を100%としています。');
    expect(v.notes).toContain('回答は階級で尋ねているため、同じ階級（1%以上2%未満）の中であなたより上か下かは分かりません。');
    expect(v.universe).toBe('対象：全回答者（「テスト調査」の回答者のうち、この設問に答えた人）');
    expect(v.source).toBe('出典：テスト調べ');
  });

  it('says the open top class has no upper bound and the top class is compared like any other', () => {
    const v = describeResult(T, metric(), { value: 40 }, 'all', null);
    expect(v.summary).toContain('高い階級の人は0%です。');
    expect(v.notes).toContain('回答は階級で尋ねているため、同じ階級（2%以上）の中であなたより上か下かは分かりません。');
  });

  it('does not compare a value outside every class', () => {
    const v = describeResult(T, metric(), { value: -1 }, 'all', null);
    expect(v.compared).toBe(false);
    expect(v.answer).toBe('あなたの値：-1%');
    expect(v.summary).toBe('この値は、設問の選択肢（「1%未満」〜「2%以上」）の範囲外（最も低い階級より低い）のため、比べられません。');
  });

  it('compares with the reader\'s size class; a suppressed one shows no figures; 参考値 is said', () => {
    const small = describeResult(T, metric(), { value: 1.5 }, 'size', 50);
    expect(small.compared).toBe(false);
    expect(small.summary).toBe('比べる相手「従業員規模 1〜99名」は、この設問に答えた人が少ない（10人未満）か秘匿の対象のため、数値を示しません。');
    const large = describeResult(T, metric(), { value: 1.5 }, 'size', 5000);
    expect(large.summary).toContain('（従業員規模 100名以上、n=21）');
    expect(large.notes).toContain('基数が30人未満のため参考値です。');
  });

  it('says why it compares with 全体 instead of the segment asked for', () => {
    expect(describeResult(T, metric(), { value: 1 }, 'saas', null).notes[0]).toBe('「テスト調査」にはSaaSかどうかの区分がないため、全体と比べています。');
    expect(describeResult(T, metric(), { value: 1 }, 'size', null).notes[0]).toBe('従業員数が入力されていないため、全体と比べています。');
    expect(describeResult(T, metric(), { value: 1 }, 'size', 0).notes[0]).toBe('従業員数0名はこの調査の従業員規模の区分（「1〜99名」〜「100名以上」）に当てはまらないため、全体と比べています。');
    expect(describeResult(T, metric({ size: null }), { value: 1 }, 'size', 10).notes[0]).toBe('「テスト調査」には従業員規模の設問がないため、全体と比べています。');
    expect(describeResult(T, metric({ saas: { ...seg({ id: 'saas', label: 'SaaS' }), sameAsAll: true } }), { value: 1 }, 'saas', null).notes[0]).toBe('この設問は「全回答者」の人だけに尋ねているため、SaaSの回答者は全体と同じです。');
  });

  it('says protected figures come from the cell-key-perturbed cube', () => {
    expect(describeResult(T, metric({ protected: true }), { value: 1 }, 'all', null).notes.some((n) => n.includes('セルキー法'))).toBe(true);
  });

  it('words an unordered answer as same / other, with the effect table', () => {
    const m = metric({
      id: 'touch',
      input: 'choice',
      scale: 'nominal',
      label: 'タッチモデルの構築',
      unit: '',
      classes: [{ code: 1, label: '構築している' }, { code: 3, label: '構築していない' }],
      all: seg({ base: 458, shares: [0.3, 0.7], excluded: [{ label: 'わからない', count: 41 }] }),
      size: null,
      effect: {
        question: 'cs_effect_felt',
        label: '効果の実感',
        text: '効果を感じていますか。',
        optionLabel: '効果を感じている',
        byClass: [{ code: 1, base: 136, share: 0.8823529411764706, suppressed: false, caution: false }, { code: 3, base: null, share: null, suppressed: true, caution: false }],
        total: { base: 498, share: 0.554, suppressed: false, caution: false },
      },
    });
    const v = describeResult(T, m, { code: 1 }, 'all', null);
    expect(v.answer).toBe('あなたの回答：構築している');
    expect(v.summary).toBe('比べた回答者（全体、n=458）のうち、あなたと同じ回答の人は30.0%、ほかの回答の人は70.0%です。');
    expect(v.rows.map((r) => r.relation)).toEqual(['あなたと同じ回答', 'ほかの回答']);
    expect(v.notes.some((n) => n.startsWith('回答は階級で'))).toBe(false);
    expect(v.effect!.caption).toBe('「効果の実感」で「効果を感じている」と答えた人の割合（タッチモデルの構築の回答別）');
    expect(v.effect!.rows).toEqual([
      { label: '構築している', share: '88.2%', base: 'n=136', mine: true },
      { label: '構築していない', share: '×', base: '×', mine: false },
      { label: '全体', share: '55.4%', base: 'n=498', mine: false },
    ]);
    expect(v.effect!.note).toMatch(/因果関係を示すものではありません。×：基数が小さい、または秘匿のため非表示。$/);
    const clear = describeResult(T, { ...m, effect: { ...m.effect!, byClass: [m.effect!.byClass[0], m.effect!.byClass[0]] } }, { code: 1 }, 'all', null);
    expect(clear.effect!.note).not.toContain('×');
  });
});
