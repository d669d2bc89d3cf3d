/**
 * A codebook filter expression in words, for provenance lines and notes: 「従業員規模：1〜99名・
 * 100〜299名」, 「かつ」/「または」 between conditions, 「…ではない」 for a negation. Labels come from
 * the codebook through `lookup`; an unknown id is shown as is.
 */
import type { Filter } from '../dataset/codebook.ts';

export interface FilterLookup {
  /** Label of a question or derived variable. */
  variable(id: string): string | undefined;
  /** Label of one of its options. */
  option(id: string, code: number): string | undefined;
  /** Label of a named universe. */
  universe(id: string): string | undefined;
}

export function filterWords(f: Filter, lookup: FilterLookup): string {
  const name = (id: string) => lookup.variable(id) ?? id;
  const options = (id: string, codes: number[], joint: string) => codes.map((c) => lookup.option(id, c) ?? String(c)).join(joint);
  const inner = (x: Filter) => ('all' in x || 'any' in x ? `（${filterWords(x, lookup)}）` : filterWords(x, lookup));
  if ('all' in f) return f.all.map(inner).join(' かつ ');
  if ('any' in f) return f.any.map(inner).join(' または ');
  if ('not' in f) return `${inner(f.not)}ではない`;
  if ('universe' in f) return `対象者：${lookup.universe(f.universe) ?? f.universe}`;
  if ('in' in f) return `${name(f.q)}：${options(f.q, f.in, '・')}`;
  if ('includesAny' in f) return `${name(f.q)}：${options(f.q, f.includesAny, '・')}のいずれかを選択`;
  if ('includesAll' in f) return `${name(f.q)}：${options(f.q, f.includesAll, '・')}をすべて選択`;
  if ('range' in f) {
    const { min, max } = f.range;
    return `${name(f.q)}：${min !== undefined ? `${min}以上` : ''}${max !== undefined ? `${max}以下` : ''}`;
  }
  return `${name(f.q)}：${f.answered ? '回答あり' : '無回答'}`;
}
