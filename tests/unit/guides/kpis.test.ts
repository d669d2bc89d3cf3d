/**
 * The KPI guide's formulas and worked examples (src/lib/guides/): formulas print with the
 * brackets precedence needs and no others, an example prints the formula's own arithmetic, and
 * every example's result — computed, never typed — is the value worked out by hand here.
 */
import { describe, expect, it } from 'vitest';
import { add, div, evaluate, exampleTokens, formulaTokens, mul, num, pow, sub, term, termsOf, tokensText, type Expr } from '../../../src/lib/guides/formula.ts';
import { exampleResult, kpi, KPIS, kpiProblems, termLabel, type Kpi } from '../../../src/lib/guides/kpis.ts';

const words = (e: Expr) => tokensText(formulaTokens(e, (id) => id));

describe('printing a formula', () => {
  it('adds brackets only where precedence needs them', () => {
    expect(words(mul(div(term('a'), term('b')), num(100)))).toBe('a ÷ b × 100');
    expect(words(div(add(term('a'), term('b')), term('c')))).toBe('（a ＋ b） ÷ c');
    expect(words(sub(term('a'), add(term('b'), term('c'))))).toBe('a − （b ＋ c）');
    expect(words(sub(term('a'), sub(term('b'), term('c'))))).toBe('a − （b − c）');
    expect(words(sub(sub(term('a'), term('b')), term('c')))).toBe('a − b − c');
    expect(words(div(term('a'), mul(term('b'), term('c'))))).toBe('a ÷ （b × c）');
    expect(words(div(mul(term('a'), term('b')), term('c')))).toBe('a × b ÷ c');
    expect(words(add(mul(term('a'), term('b')), mul(term('c'), term('d'))))).toBe('a × b ＋ c × d');
    expect(words(mul(add(term('a'), term('b')), term('c')))).toBe('（a ＋ b） × c');
  });

  it('prints a power as a superscript token, bracketing a compound base', () => {
    const tokens = formulaTokens(pow(sub(num(1), term('r')), 12), (id) => id);
    expect(tokens.at(-1)).toEqual({ kind: 'power', text: '12' });
    expect(tokensText(tokens)).toBe('（1 − r）^12');
    expect(tokensText(formulaTokens(pow(term('r'), 2), (id) => id))).toBe('r^2');
  });

  it('lists the terms in the order they are printed, each once', () => {
    expect(termsOf(add(div(term('b'), term('a')), div(term('b'), term('c'))))).toEqual(['b', 'a', 'c']);
  });
});

describe('evaluating a formula', () => {
  it('follows the tree, with percentages as fractions', () => {
    const values = { a: { value: 6, unit: '社' }, b: { value: 200, unit: '社' }, r: { value: 2, unit: '%' } };
    expect(evaluate(mul(div(term('a'), term('b')), num(100)), values)).toBeCloseTo(3, 12);
    expect(evaluate(pow(sub(num(1), term('r')), 12), values)).toBeCloseTo(0.98 ** 12, 12);
    expect(() => evaluate(term('x'), values)).toThrow(/no value for the term "x"/);
    expect(() => evaluate(div(term('a'), num(0)), values)).toThrow(/division by zero/);
  });

  it('prints an example with the quantities and their units', () => {
    const values = { a: { value: 25, unit: '万円' }, b: { value: 15, unit: '万円' }, c: { value: 1000, unit: '万円' } };
    expect(tokensText(exampleTokens(mul(div(add(term('a'), term('b')), term('c')), num(100)), values))).toBe('（25万円 ＋ 15万円） ÷ 1,000万円 × 100');
  });
});

describe('the KPI catalogue', () => {
  it('has the KPIs the guide has pages for', () => {
    expect(KPIS.map((k) => k.id)).toEqual(['churn', 'nrr_grr', 'ltv', 'nps', 'csat', 'health_score', 'onboarding', 'expansion']);
  });

  it('fits together: every term defined and used, every example giving exactly its formula\'s terms', () => {
    expect(kpiProblems()).toEqual([]);
  });

  it('finds what does not fit', () => {
    const broken: Kpi = {
      id: 'x',
      name: 'x',
      terms: [{ id: 'a', label: 'A', definition: '' }, { id: 'unused', label: 'U', definition: '' }],
      formulas: [{ id: 'f', name: 'F', unit: '%', expr: div(term('a'), term('b')) }],
      examples: [
        { id: 'e1', formula: 'f', situation: '', values: { a: { value: 1, unit: '' } }, digits: 0 },
        { id: 'e2', formula: 'g', situation: '', values: {}, digits: 0 },
        { id: 'e3', formula: 'f', situation: '', values: { a: { value: 1, unit: '' }, b: { value: 0, unit: '' }, c: { value: 1, unit: '' } }, digits: 0 },
      ],
      notes: [],
    };
    expect(() => kpiProblems([broken, broken])).toThrow(/division by zero/);
    const fine = { ...broken, examples: broken.examples.slice(0, 2) };
    expect(kpiProblems([fine, fine])).toEqual([
      'x/f: term "b" has no definition',
      'x: term "unused" is defined but used by no formula',
      'x/e1: no value for "b"',
      'x/e2: no formula "g"',
      'x: duplicate KPI id',
      'x/f: term "b" has no definition',
      'x: term "unused" is defined but used by no formula',
      'x/e1: no value for "b"',
      'x/e2: no formula "g"',
    ]);
  });

  it('refuses an unknown KPI, naming the known ones', () => {
    expect(() => kpi('chrn')).toThrow(/unknown KPI "chrn" \(known: churn, nrr_grr/);
  });

  // Each result worked out by hand: the page prints what the formula computes from the values.
  const expected: Record<string, string> = {
    'churn/customers': '6社 ÷ 200社 × 100 = 3.0%',
    'churn/revenue': '（25万円 ＋ 15万円） ÷ 1,000万円 × 100 = 4.0%',
    'churn/annual': '（1 − 2%）^12 × 100 = 78.5%',
    'nrr_grr/nrr': '（1,000万円 ＋ 120万円 − 30万円 − 50万円） ÷ 1,000万円 × 100 = 104.0%',
    'nrr_grr/grr': '（1,000万円 − 30万円 − 50万円） ÷ 1,000万円 × 100 = 92.0%',
    'ltv/lifetime': '1 ÷ 2% = 50か月',
    'ltv/ltv': '5万円 × 80% ÷ 2% = 200万円',
    'nps/nps': '（70人 − 50人） ÷ 200人 × 100 = 10',
    'csat/csat': '117人 ÷ 150人 × 100 = 78.0%',
    'health_score/health_score': '80点 × 40% ＋ 60点 × 30% ＋ 70点 × 20% ＋ 50点 × 10% = 69点',
    'onboarding/onboarding': '34社 ÷ 40社 × 100 = 85.0%',
    'expansion/revenue': '（60万円 ＋ 40万円） ÷ 1,000万円 × 100 = 10.0%',
    'expansion/customers': '18社 ÷ 200社 × 100 = 9.0%',
  };
  const all = KPIS.flatMap((k) => k.examples.map((e) => ({ k, e, key: `${k.id}/${e.id}` })));

  it('every example is checked here', () => {
    expect(all.map((x) => x.key)).toEqual(Object.keys(expected));
  });

  it.each(all)('$key: the arithmetic and its result', ({ k, e, key }) => {
    const f = k.formulas.find((x) => x.id === e.formula)!;
    expect(`${tokensText(exampleTokens(f.expr, e.values))} = ${exampleResult(k, e).text}`).toBe(expected[key]);
  });

  it('prints each formula in words', () => {
    const churn = kpi('churn');
    expect(tokensText(formulaTokens(churn.formulas[0].expr, (id) => termLabel(churn, id)))).toBe('期間中に解約した顧客数 ÷ 期首の顧客数 × 100');
    const nrr = kpi('nrr_grr');
    expect(tokensText(formulaTokens(nrr.formulas[0].expr, (id) => termLabel(nrr, id)))).toBe('（期首の月次売上 ＋ 拡大した月次売上 − 縮小した月次売上 − 解約で失った月次売上） ÷ 期首の月次売上 × 100');
  });
});
