/**
 * Formulas of the KPI guide as data: a small expression tree that is printed as the formula
 * (terms in words), printed again with an example's numbers, and evaluated — so a worked example
 * always shows the arithmetic of the formula it illustrates, and its result is computed, never
 * typed. Pure: no Astro, no DOM.
 *
 * Printing follows the usual precedence: × and ÷ bind tighter than + and −, operators of one
 * level are read from the left, and brackets are added only where the tree needs them
 * (a − (b + c), a ÷ (b × c), (a + b) × c). A power is printed as a superscript.
 */
import { formatNumber } from '../stats/format.ts';

export type Operator = '+' | '-' | '*' | '/';

export type Expr =
  /** A term of the formula, named by id (its label comes with the formula). */
  | { kind: 'term'; id: string }
  /** A constant such as 100 (percent) or 1. */
  | { kind: 'num'; value: number }
  | { kind: 'op'; op: Operator; left: Expr; right: Expr }
  /** base to the power of a whole constant (a month's rate over twelve months). */
  | { kind: 'pow'; base: Expr; exponent: number };

/** Builders, so formulas read close to how they are printed. */
export const term = (id: string): Expr => ({ kind: 'term', id });
export const num = (value: number): Expr => ({ kind: 'num', value });
const op =
  (o: Operator) =>
  (left: Expr, right: Expr): Expr => ({ kind: 'op', op: o, left, right });
export const add = op('+');
export const sub = op('-');
export const mul = op('*');
export const div = op('/');
export const pow = (base: Expr, exponent: number): Expr => ({ kind: 'pow', base, exponent });
/** a + b + c + … (left to right). */
export const sum = (...xs: Expr[]): Expr => xs.reduce((a, b) => add(a, b));

/** One piece of a printed formula. */
export type Token =
  | { kind: 'term'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'operator'; text: string }
  | { kind: 'paren'; text: '（' | '）' }
  | { kind: 'power'; text: string };

/** The signs as printed in Japanese text (full-width minus, not a hyphen). */
export const SIGN: Record<Operator, string> = { '+': '＋', '-': '−', '*': '×', '/': '÷' };

const LEVEL: Record<Operator, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };
const level = (e: Expr): number => (e.kind === 'op' ? LEVEL[e.op] : 3);

/** Whether `child` needs brackets as the `side` operand of `parent`. */
function bracketed(parent: Operator, child: Expr, side: 'left' | 'right'): boolean {
  if (child.kind !== 'op') return false;
  if (level(child) < LEVEL[parent]) return true;
  // a − (b − c), a ÷ (b × c): the right operand of − and ÷ keeps its own brackets.
  return side === 'right' && level(child) === LEVEL[parent] && (parent === '-' || parent === '/');
}

/** What a term prints as: its label in the formula, its value in an example. */
export type TermText = (id: string) => Token;

function tokensOf(e: Expr, text: TermText, constant: (x: number) => string): Token[] {
  switch (e.kind) {
    case 'term':
      return [text(e.id)];
    case 'num':
      return [{ kind: 'number', text: constant(e.value) }];
    case 'pow': {
      const inner = tokensOf(e.base, text, constant);
      const wrapped: Token[] = e.base.kind === 'op' ? [{ kind: 'paren', text: '（' }, ...inner, { kind: 'paren', text: '）' }] : inner;
      return [...wrapped, { kind: 'power', text: String(e.exponent) }];
    }
    case 'op': {
      const side = (child: Expr, which: 'left' | 'right') => {
        const inner = tokensOf(child, text, constant);
        return bracketed(e.op, child, which) ? [{ kind: 'paren', text: '（' } as Token, ...inner, { kind: 'paren', text: '）' } as Token] : inner;
      };
      return [...side(e.left, 'left'), { kind: 'operator', text: SIGN[e.op] }, ...side(e.right, 'right')];
    }
  }
}

/** Every term id of an expression, in the order they are printed (each once). */
export function termsOf(e: Expr): string[] {
  const out: string[] = [];
  const walk = (x: Expr) => {
    if (x.kind === 'term') {
      if (!out.includes(x.id)) out.push(x.id);
    } else if (x.kind === 'op') {
      walk(x.left);
      walk(x.right);
    } else if (x.kind === 'pow') walk(x.base);
  };
  walk(e);
  return out;
}

/** A value given to a term in an example: a number with its unit as printed (「200」「社」). */
export interface Quantity {
  value: number;
  /** Printed after the number. `%` also means the value is a percentage: 80 (%) counts as 0.8. */
  unit: string;
  /** Decimals printed (default 0). */
  digits?: number;
}

/** The number a quantity stands for in the arithmetic (a percentage as a fraction). */
export const magnitude = (q: Quantity): number => (q.unit === '%' ? q.value / 100 : q.value);

/** A quantity as printed: 「1,000万円」「80%」「6社」. */
export const quantityText = (q: Quantity): string => `${formatNumber(q.value, q.digits ?? 0)}${q.unit}`;

/** The formula in words: term labels and signs. */
export function formulaTokens(e: Expr, label: (id: string) => string): Token[] {
  return tokensOf(e, (id) => ({ kind: 'term', text: label(id) }), (x) => formatNumber(x, 0));
}

/** The same formula with an example's quantities in place of the terms. */
export function exampleTokens(e: Expr, values: Record<string, Quantity>): Token[] {
  return tokensOf(
    e,
    (id) => {
      const q = values[id];
      if (!q) throw new Error(`no value for the term "${id}"`);
      return { kind: 'number', text: quantityText(q) };
    },
    (x) => formatNumber(x, 0),
  );
}

/** Evaluates an expression with an example's quantities (percentages as fractions). */
export function evaluate(e: Expr, values: Record<string, Quantity>): number {
  switch (e.kind) {
    case 'term': {
      const q = values[e.id];
      if (!q) throw new Error(`no value for the term "${e.id}"`);
      return magnitude(q);
    }
    case 'num':
      return e.value;
    case 'pow':
      return evaluate(e.base, values) ** e.exponent;
    case 'op': {
      const a = evaluate(e.left, values);
      const b = evaluate(e.right, values);
      if (e.op === '+') return a + b;
      if (e.op === '-') return a - b;
      if (e.op === '*') return a * b;
      if (b === 0) throw new Error('division by zero');
      return a / b;
    }
  }
}

/** Tokens as one line of plain text (a power as 「^12」), e.g. for a description or a test. */
export function tokensText(tokens: Token[]): string {
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'operator') out += ` ${t.text} `;
    else if (t.kind === 'power') out += `^${t.text}`;
    else out += t.text;
  }
  return out.replace(/\s+/g, ' ').trim();
}
