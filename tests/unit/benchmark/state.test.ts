/** The self-benchmark's URL state (src/lib/benchmark/state.ts): round trip, hostile values ignored with notices. */
import { describe, expect, it } from 'vitest';
import { parseBenchmarkState, quote, readNumber, serializeBenchmarkState } from '../../../src/lib/benchmark/state.ts';
import { MAX_QUERY_LENGTH } from '../../../src/lib/explore/source.ts';

const metrics = [
  { id: 'churn', label: '月次平均解約率', input: 'number' as const, classes: [{ code: 1, label: '1%未満', lower: 0, upper: 1 }, { code: 2, label: '1%以上', lower: 1 }] },
  { id: 'nrr', label: '売上継続率（NRR、年間）', input: 'choice' as const, classes: [{ code: 3, label: '90〜100%未満', lower: 90, upper: 100 }, { code: 4, label: '100〜110%未満', lower: 100, upper: 110 }] },
];

describe('parseBenchmarkState', () => {
  it('reads values, chosen classes, the segment and the employee count', () => {
    const { state, notices } = parseBenchmarkState('?churn=1.5&nrr=4&seg=size&emp=250', metrics);
    expect(notices).toEqual([]);
    expect([...state.answers]).toEqual([['churn', { value: 1.5 }], ['nrr', { code: 4 }]]);
    expect(state.segment).toBe('size');
    expect(state.employees).toBe(250);
  });

  it('round-trips through the query string, metrics in their order', () => {
    const search = '?churn=0.25&nrr=3&seg=saas';
    const { state } = parseBenchmarkState('?seg=saas&nrr=3&churn=0.25', metrics);
    expect(serializeBenchmarkState(state, metrics)).toBe(search);
    expect(serializeBenchmarkState(parseBenchmarkState(search, metrics).state, metrics)).toBe(search);
    expect(serializeBenchmarkState(parseBenchmarkState('', metrics).state, metrics)).toBe('');
  });

  it('ignores hostile and invalid values, each with a notice, and keeps the rest', () => {
    const { state, notices } = parseBenchmarkState(`?churn=${encodeURIComponent('<img src=x onerror=alert(1)>')}&nrr=99&seg=__proto__&emp=1e3`, metrics);
    expect(state.answers.size).toBe(0);
    expect(state.segment).toBe('all');
    expect(state.employees).toBeNull();
    expect(notices).toEqual([
      '月次平均解約率の値「<img src=x onerror=alert(1)>」は数値ではないため無視しました。',
      '売上継続率（NRR、年間）の選択「99」は選択肢にないため無視しました。',
      '比べる相手「__proto__」は選択肢にないため、全体と比べています。',
      '従業員数「1e3」は数値ではないため無視しました。',
    ]);
  });

  it('leaves other parameters and empty values alone, and reads negative values (compared later as outside the classes)', () => {
    const { state, notices } = parseBenchmarkState('?utm_source=x&churn=-2&nrr=&seg=', metrics);
    expect(notices).toEqual([]);
    expect([...state.answers]).toEqual([['churn', { value: -2 }]]);
  });

  it('refuses a query string that is too long; a malformed escape is read as text and ignored', () => {
    const long = parseBenchmarkState(`?churn=1&x=${'a'.repeat(MAX_QUERY_LENGTH)}`, metrics);
    expect(long.state.answers.size).toBe(0);
    expect(long.notices[0]).toMatch(/^URLが長すぎるため/);
    const bad = parseBenchmarkState('?churn=%E0%A4%A', metrics);
    expect(bad.state.answers.size).toBe(0);
    expect(bad.notices).toHaveLength(1);
    expect(bad.notices[0]).toMatch(/^月次平均解約率の値「.*」は数値ではないため無視しました。$/);
  });
});

describe('readNumber and quote', () => {
  it('reads plain decimals only', () => {
    expect(readNumber('1.5')).toBe(1.5);
    expect(readNumber(' 40 ')).toBe(40);
    expect(readNumber('-0.5')).toBe(-0.5);
    for (const bad of ['', '1,000', '1e3', '0x10', 'Infinity', 'NaN', '+1', '1.', '.5', '１']) expect(readNumber(bad)).toBeNull();
  });

  it('quotes without control characters, shortened', () => {
    expect(quote('a\u0000b\u001bc')).toBe('「abc」');
    expect(quote('x'.repeat(50))).toBe(`「${'x'.repeat(40)}…」`);
  });
});
