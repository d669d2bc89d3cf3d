import { describe, it, expect } from 'vitest';
import { filterWords, type FilterLookup } from '../../../src/lib/charts/filter-words.ts';

const lookup = (): FilterLookup => ({
  variable: (id) => ({ size: '従業員規模', tools: '利用ツール', seats: '席数', cs: 'CS担当' } as Record<string, string>)[id],
  option: (id, code) => (id === 'size' ? ['1〜99名', '100〜299名'][code - 1] : id === 'tools' ? ['CRM', 'MA'][code - 1] : undefined),
  universe: (id) => (id === 'saas' ? 'SaaS企業' : undefined),
});

describe('filterWords', () => {
  it('names variables and options by their labels', () => {
    expect(filterWords({ q: 'size', in: [1, 2] }, lookup())).toBe('従業員規模：1〜99名・100〜299名');
    expect(filterWords({ q: 'tools', includesAny: [1, 2] }, lookup())).toBe('利用ツール：CRM・MAのいずれかを選択');
    expect(filterWords({ q: 'tools', includesAll: [1] }, lookup())).toBe('利用ツール：CRMをすべて選択');
    expect(filterWords({ q: 'seats', range: { min: 10, max: 50 } }, lookup())).toBe('席数：10以上50以下');
    expect(filterWords({ q: 'seats', range: { max: 5 } }, lookup())).toBe('席数：5以下');
    expect(filterWords({ q: 'cs', answered: true }, lookup())).toBe('CS担当：回答あり');
    expect(filterWords({ q: 'cs', answered: false }, lookup())).toBe('CS担当：無回答');
    expect(filterWords({ universe: 'saas' }, lookup())).toBe('対象者：SaaS企業');
  });
  it('joins conditions and brackets nested groups', () => {
    expect(filterWords({ all: [{ q: 'size', in: [1] }, { any: [{ q: 'tools', includesAny: [1] }, { universe: 'saas' }] }] }, lookup())).toBe(
      '従業員規模：1〜99名 かつ （利用ツール：CRMのいずれかを選択 または 対象者：SaaS企業）',
    );
    expect(filterWords({ not: { q: 'size', in: [2] } }, lookup())).toBe('従業員規模：100〜299名ではない');
  });
  it('shows unknown ids and codes as they are', () => {
    expect(filterWords({ q: 'x', in: [7] }, lookup())).toBe('x：7');
    expect(filterWords({ universe: 'u9' }, lookup())).toBe('対象者：u9');
  });
});
