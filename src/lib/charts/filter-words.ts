/**
 * A codebook filter expression in words, for provenance lines and notes: 「従業員規模：1〜99名・
 * 100〜299名」, 「かつ」/「または」 between conditions, 「…ではない」 for a negation. Labels come from
 * the codebook through `lookup`; an unknown id is shown as is.
 */
import type { Codebook, Derived, Filter } from '../dataset/codebook.ts';

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

/** The labels of a codebook (questions, grid rows, derived variables, universes) for `filterWords`. */
export function codebookLookup(codebook: Pick<Codebook, 'questions' | 'derived' | 'universes'>): FilterLookup {
  const question = (id: string) => codebook.questions.find((q) => q.id === id.split('__')[0]);
  const derived = (id: string) => codebook.derived.find((d) => d.id === id);
  return {
    variable: (id) => {
      const [qid, rowId] = id.split('__');
      const q = question(qid);
      if (q) {
        const row = rowId !== undefined && q.type === 'grid' ? q.rows.find((r) => r.id === rowId) : undefined;
        return row ? `${q.label}：${row.label}` : q.label;
      }
      return derived(id)?.label;
    },
    option: (id, code) => {
      const q = question(id);
      const options = q && 'options' in q ? q.options : (derived(id)?.options ?? []);
      return options.find((o) => o.code === code)?.label;
    },
    universe: (id) => (id === 'all' ? ALL_LABEL : codebook.universes.find((u) => u.id === id)?.label),
  };
}

/** The label of the universe everyone belongs to. */
export const ALL_LABEL = '全回答者';

/**
 * A universe's rule in words, from its filter (never from its `description`, which may be
 * missing or say less): every universe, `not` filters and universes over derived variables
 * included, gets its definition.
 */
export function universeRule(codebook: Pick<Codebook, 'questions' | 'derived' | 'universes'>, id: string): string {
  if (id === 'all') return '条件なし（有効回答のすべて）';
  const u = codebook.universes.find((x) => x.id === id);
  return u ? filterWords(u.filter, codebookLookup(codebook)) : id;
}

/** One code of a derived variable and the rule that gives it, in words. */
export interface DerivedCodeRule {
  code: number;
  label: string;
  rule: string;
}

/**
 * Each code of a derived variable with its rule in words. Rules are tried in order and the first
 * match wins; the `otherwise` code (e.g. 非SaaS) is everyone in the variable's universe matching no
 * rule, and is written out as such; a code no rule gives says so.
 */
export function derivedCodeRules(def: Pick<Derived, 'options' | 'rules' | 'otherwise'>, lookup: FilterLookup): DerivedCodeRule[] {
  const group = (fs: Filter[]) => (fs.length === 1 ? fs[0] : { any: fs });
  return def.options.map((o) => {
    const own = def.rules.filter((r) => r.code === o.code).map((r) => r.when);
    const parts: string[] = [];
    if (own.length > 0) parts.push(filterWords(group(own), lookup));
    if (def.otherwise === o.code) parts.push(`上の区分のどれにも当てはまらない人（「${filterWords(group(def.rules.map((r) => r.when)), lookup)}」ではない）`);
    return { code: o.code, label: o.label, rule: parts.length > 0 ? parts.join(' または ') : 'この区分になる条件はありません' };
  });
}
