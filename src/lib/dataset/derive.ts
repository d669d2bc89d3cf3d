/**
 * Derived variables (first matching rule wins, else `otherwise`, else missing) and universes
 * (named filters; `all` always), computed lazily so they may use each other in any order.
 */
import type { Codebook, Derived } from './codebook.ts';
import type { Bitset, CodedVariable, Variable } from './types.ts';
import { createBitset, fullBitset, andInto, andNotInto, forEachBit, setBit } from './bitset.ts';
import { evaluateInScope, FilterError } from './filter.ts';
import type { FilterScope } from './filter.ts';
import { displayOrder } from './options.ts';
import { filterDeps } from './validate-codebook.ts';

/** The answered variables (question ids, grid rows) a universe is computed from, through universes and derived variables. */
export function universeInputs(codebook: Codebook, universeId: string): string[] {
  const universes = new Map(codebook.universes.map((u) => [u.id, u.filter]));
  const derived = new Map(codebook.derived.map((d) => [d.id, d.rules.map((r) => r.when)]));
  const inputs = new Set<string>();
  const seen = new Set<string>();
  const visit = (dep: string): void => {
    if (seen.has(dep)) return;
    seen.add(dep);
    const id = dep.slice(2);
    if (dep.startsWith('u:')) {
      const filter = universes.get(id);
      if (filter) filterDeps(filter).forEach(visit);
    } else if (derived.has(id)) derived.get(id)!.flatMap(filterDeps).forEach(visit);
    else inputs.add(id);
  };
  visit(`u:${universeId}`);
  return [...inputs];
}

export function computeDerivedAndUniverses(codebook: Codebook, n: number, variables: Map<string, Variable>): { derived: CodedVariable[]; universes: Map<string, Bitset> } {
  const derivedDefs = new Map(codebook.derived.map((d) => [d.id, d]));
  const universeDefs = new Map(codebook.universes.map((u) => [u.id, u]));
  const derived = new Map<string, CodedVariable>();
  const universes = new Map<string, Bitset>([['all', fullBitset(n)]]);
  const inProgress = new Set<string>();

  const guard = <T>(key: string, make: () => T): T => {
    if (inProgress.has(key)) throw new FilterError(`${key} depends on itself`);
    inProgress.add(key);
    try {
      return make();
    } finally {
      inProgress.delete(key);
    }
  };

  const scope: FilterScope = {
    n,
    variable(id) {
      const known = variables.get(id) ?? derived.get(id);
      if (known) return known;
      const def = derivedDefs.get(id);
      if (!def) return undefined;
      const made = guard(`derived variable ${id}`, () => deriveVariable(def, n, scope));
      derived.set(id, made);
      return made;
    },
    universe(id) {
      const known = universes.get(id);
      if (known) return known;
      const def = universeDefs.get(id);
      if (!def) return undefined;
      const made = guard(`universe ${id}`, () => evaluateInScope(scope, def.filter));
      universes.set(id, made);
      return made;
    },
  };
  for (const d of codebook.derived) scope.variable(d.id);
  for (const u of codebook.universes) scope.universe(u.id);
  return { derived: codebook.derived.map((d) => derived.get(d.id)!), universes };
}

function deriveVariable(def: Derived, n: number, scope: FilterScope): CodedVariable {
  const options = displayOrder(def.options);
  const position = (code: number) => options.findIndex((o) => o.code === code);
  const index = new Int16Array(n).fill(-1);
  const remaining = fullBitset(n);
  for (const rule of def.rules) {
    const matched = andInto(evaluateInScope(scope, rule.when), remaining);
    const k = position(rule.code);
    forEachBit(matched, (i) => {
      index[i] = k;
    });
    andNotInto(remaining, matched);
  }
  if (def.otherwise !== undefined) {
    const k = position(def.otherwise);
    forEachBit(remaining, (i) => {
      index[i] = k;
    });
  }
  const answered = createBitset(n);
  for (let i = 0; i < n; i++) if (index[i] >= 0) setBit(answered, i);
  return { kind: 'coded', id: def.id, label: def.label, options, index, answered };
}
