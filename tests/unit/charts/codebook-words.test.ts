import { describe, it, expect } from 'vitest';
import { codebookLookup, derivedCodeRules, universeRule } from '../../../src/lib/charts/filter-words.ts';
import { frequencies } from '../../../src/lib/charts/frequencies.ts';
import type { Codebook } from '../../../src/lib/dataset/codebook.ts';
import { crossTab } from './fixtures.ts';

type Parts = Pick<Codebook, 'questions' | 'derived' | 'universes'>;
const codebook = (): Parts =>
  ({
    questions: [
      { id: 'industry', type: 'multi', label: '業種', text: '業種', options: [{ code: 1, label: '情報通信業（SaaS）' }, { code: 2, label: '製造業' }] },
      { id: 'status', type: 'single', label: '取り組み状況', text: '状況', options: [{ code: 1, label: '取り組んでいる' }, { code: 2, label: '取り組んでいない' }] },
    ],
    derived: [
      {
        id: 'sector',
        label: 'SaaS／非SaaS',
        options: [{ code: 1, label: 'SaaS' }, { code: 2, label: '非SaaS' }, { code: 3, label: '未使用' }],
        rules: [{ code: 1, when: { q: 'industry', includesAny: [1] } }],
        otherwise: 2,
      },
    ],
    universes: [
      { id: 'saas', label: 'SaaS', description: '業種でSaaSを選んだ人', filter: { q: 'industry', includesAny: [1] } },
      { id: 'non_saas', label: '非SaaS', filter: { not: { universe: 'saas' } } },
      { id: 'non_saas_derived', label: '非SaaS（区分）', filter: { q: 'sector', in: [2] } },
    ],
  }) as unknown as Parts;

describe('universe rules in words', () => {
  it('gives every universe its rule, from its filter: with or without a description, a `not`, a derived variable', () => {
    const cb = codebook();
    expect(universeRule(cb, 'saas')).toBe('業種：情報通信業（SaaS）のいずれかを選択');
    expect(universeRule(cb, 'non_saas')).toBe('対象者：SaaSではない');
    expect(universeRule(cb, 'non_saas_derived')).toBe('SaaS／非SaaS：非SaaS');
    expect(universeRule(cb, 'all')).toBe('条件なし（有効回答のすべて）');
  });
  it('words each code of a derived variable, the `otherwise` code and a code no rule gives included', () => {
    const cb = codebook();
    const rules = derivedCodeRules(cb.derived[0], codebookLookup(cb));
    expect(rules).toEqual([
      { code: 1, label: 'SaaS', rule: '業種：情報通信業（SaaS）のいずれかを選択' },
      { code: 2, label: '非SaaS', rule: '上の区分のどれにも当てはまらない人（「業種：情報通信業（SaaS）のいずれかを選択」ではない）' },
      { code: 3, label: '未使用', rule: 'この区分になる条件はありません' },
    ]);
  });
  it('looks up grid rows and derived options', () => {
    const cb = codebook();
    const lookup = codebookLookup(cb);
    expect(lookup.variable('sector')).toBe('SaaS／非SaaS');
    expect(lookup.option('sector', 2)).toBe('非SaaS');
    expect(lookup.option('status', 1)).toBe('取り組んでいる');
    expect(lookup.universe('all')).toBe('全回答者');
  });
});

describe('codebook frequencies', () => {
  it('counts and percentages on the question base, nets after options, 無回答 only when present', () => {
    const t = crossTab({
      type: 'single',
      totalN: 200,
      rows: [
        { key: '1', label: 'はい', counts: [150] },
        { key: '2', label: 'いいえ', counts: [0] },
        { key: 'net:any', label: 'いずれか', counts: [150], kind: 'net' },
        { key: 'na', label: '無回答', counts: [50], kind: 'noAnswer' },
      ],
    });
    const f = frequencies(t);
    expect(f.base).toBe('n=200');
    expect(f.suppressed).toBe(false);
    expect(f.rows).toEqual([
      { code: '1', label: 'はい', kind: 'option', count: '150', percent: '75.0' },
      { code: '2', label: 'いいえ', kind: 'option', count: '0', percent: '–' },
      { code: '', label: '［計］いずれか', kind: 'net', count: '150', percent: '75.0' },
      { code: '', label: '無回答', kind: 'noAnswer', count: '50', percent: '25.0' },
    ]);
    const none = frequencies(crossTab({ type: 'single', totalN: 10, rows: [{ key: '1', label: 'はい', counts: [10] }, { key: 'na', label: '無回答', counts: [0], kind: 'noAnswer' }] }));
    expect(none.rows.map((r) => r.label)).toEqual(['はい']);
    expect(none.caution).toBe(true);
  });
  it('shows neither counts nor percentages of a suppressed or withheld base', () => {
    const small = frequencies(crossTab({ type: 'single', totalN: 7, rows: [{ key: '1', label: 'はい', counts: [5] }] }));
    expect(small.suppressed).toBe(true);
    expect(small.rows[0]).toMatchObject({ count: '×', percent: '×' });
    const t = crossTab({ type: 'single', totalN: 0, rows: [{ key: '1', label: 'はい', counts: [0] }] });
    t.columns[0] = { ...t.columns[0], withheld: true, suppressed: true };
    const withheld = frequencies(t);
    expect(withheld.base).toBe('n=非公開');
    expect(withheld.rows[0]).toMatchObject({ count: '×', percent: '×' });
  });
});
