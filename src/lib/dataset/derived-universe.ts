/**
 * The universe of a derived variable (docs/statistics.md, "Universe of a derived variable"): the
 * respondents its rules can describe. Without one, everyone no rule covers became 無回答 and stayed
 * in the base — virtualex `effect_group`, built on a question asked of 500 of 1,000 respondents,
 * showed 27.6 % of 1,000 with 50 % 無回答 instead of 55.2 % of the 500 asked.
 *
 * A codebook may declare it (`universe:` on the derived variable). Otherwise it is inferred when
 * the rules imply exactly one: with no `otherwise`, a respondent gets a code only by matching a
 * rule, and a rule can match only respondents inside a universe U when
 * - it is an answer condition (`in`, `includesAny`, `includesAll`, `range`, `answered: true`) on a
 *   variable whose universe is U (a question, a grid row, or another derived variable), or
 *   `{ universe: U }`;
 * - it is `all` of conditions one of which implies U, or `any` of conditions that all imply U.
 * `not` and `answered: false` imply nothing. If several universes (or none) remain, the derived
 * variable keeps `all` and the codebook can say which one it means.
 */
import type { Codebook, Filter } from './codebook.ts';

/** Universe ids each of which contains every respondent matching `filter` (`all` left out). */
type Candidates = Set<string>;

export function derivedUniverses(codebook: Codebook): Map<string, string> {
  const derived = new Map(codebook.derived.map((d) => [d.id, d]));
  const out = new Map<string, string>();
  const visiting = new Set<string>();

  const universeOfVariable = (id: string): string => {
    const [qid, rowId] = id.split('__');
    const q = codebook.questions.find((x) => x.id === qid);
    if (q) {
      const row = q.type === 'grid' && rowId ? q.rows.find((r) => r.id === rowId) : undefined;
      return row?.universe ?? q.universe;
    }
    return derived.has(id) ? universeOfDerived(id) : 'all';
  };

  const candidates = (filter: Filter): Candidates => {
    if ('all' in filter) return new Set(filter.all.flatMap((f) => [...candidates(f)]));
    if ('any' in filter) {
      const sets = filter.any.map(candidates);
      return new Set([...sets[0]].filter((u) => sets.every((s) => s.has(u))));
    }
    if ('not' in filter) return new Set();
    if ('universe' in filter) return new Set(filter.universe === 'all' ? [] : [filter.universe]);
    if ('answered' in filter && !filter.answered) return new Set();
    const u = universeOfVariable(filter.q);
    return new Set(u === 'all' ? [] : [u]);
  };

  function universeOfDerived(id: string): string {
    const known = out.get(id);
    if (known) return known;
    const d = derived.get(id)!;
    if (visiting.has(id)) return 'all'; // a cycle is reported by validation
    visiting.add(id);
    let result = d.universe ?? 'all';
    if (d.universe === undefined && d.otherwise === undefined) {
      const sets = d.rules.map((r) => candidates(r.when));
      const common = [...sets[0]].filter((u) => sets.every((s) => s.has(u)));
      if (common.length === 1) result = common[0];
    }
    visiting.delete(id);
    out.set(id, result);
    return result;
  }

  for (const d of codebook.derived) universeOfDerived(d.id);
  return out;
}

/** The codebook with every derived variable's universe settled (declared or inferred; `all` otherwise). */
export function resolveDerivedUniverses(codebook: Codebook): Codebook {
  const universes = derivedUniverses(codebook);
  return { ...codebook, derived: codebook.derived.map((d) => ({ ...d, universe: universes.get(d.id)! })) };
}
