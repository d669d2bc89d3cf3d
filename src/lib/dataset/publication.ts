/**
 * Publication fails closed: what may leave the building is decided here, once per codebook.
 *
 * - A question is public when it is marked `public` (the default), is not free text and is routed
 *   by public universes (who was asked is visible from who answered).
 * - A derived variable or a universe is restricted as soon as anything it reads — questions, grid
 *   rows, derived variables, universes, followed transitively — is restricted. A derived variable
 *   marked `restricted` stays restricted; one with no `publication` inherits; one marked `public`
 *   explicitly while reading restricted data is a validation error (`validate-codebook.ts`).
 * - Unknown names are restricted (they are reported elsewhere; nothing unknown is published).
 */
import type { Codebook, Filter } from './codebook.ts';

/** Why a variable or universe is restricted: the names read on the way to the restricted one. */
export interface Restriction {
  /** E.g. `['universe rich', 'revenue_exact']`; empty when the thing itself is marked restricted. */
  chain: string[];
  /** Restricted because a name read does not exist (reported as unknown by validation, not as a leak). */
  unknown?: true;
}

export interface Publication {
  /** null when the variable (question, grid row `q__row`, derived) may be published. */
  variable(id: string): Restriction | null;
  /** null when the universe's membership may be published (`all` always may). */
  universe(id: string): Restriction | null;
}

/** Every name a filter reads: `q:<variable>` and `u:<universe>`. */
function reads(filter: Filter, out: string[] = []): string[] {
  if ('all' in filter) for (const f of filter.all) reads(f, out);
  else if ('any' in filter) for (const f of filter.any) reads(f, out);
  else if ('not' in filter) reads(filter.not, out);
  else if ('universe' in filter) out.push(`u:${filter.universe}`);
  else out.push(`q:${filter.q}`);
  return out;
}

/** The first definition of each id (a duplicate is reported elsewhere, like in `variableShapes`). */
function byId<T extends { id: string }>(items: T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

const OWN: Restriction = { chain: [] };
const UNKNOWN: Restriction = { chain: [], unknown: true };
const memo = new WeakMap<Codebook, Publication>();

/** The publication of every variable and universe of a codebook (memoised per codebook object). */
export function publicationOf(codebook: Codebook): Publication {
  const cached = memo.get(codebook);
  if (cached) return cached;
  const questions = byId(codebook.questions);
  const derived = byId(codebook.derived);
  const universes = byId(codebook.universes);
  const done = new Map<string, Restriction | null>();
  const visiting = new Set<string>();

  const inherited = (key: string, deps: string[]): Restriction | null => {
    // A circle is a validation error of its own (dependency-cycle); here it only must end.
    if (visiting.has(key)) return null;
    visiting.add(key);
    let found: Restriction | null = null;
    for (const dep of deps) {
      const id = dep.slice(2);
      const r = dep.startsWith('u:') ? universe(id) : variable(id);
      if (r) {
        found = { chain: [dep.startsWith('u:') ? `universe ${id}` : id, ...r.chain], ...(r.unknown ? { unknown: true as const } : {}) };
        break;
      }
    }
    visiting.delete(key);
    return found;
  };

  function variable(id: string): Restriction | null {
    const key = `q:${id}`;
    if (done.has(key)) return done.get(key)!;
    let result: Restriction | null;
    const d = derived.get(id);
    const [qid, rowId] = id.split('__');
    const q = questions.get(id) ?? (rowId !== undefined ? questions.get(qid) : undefined);
    if (q) {
      const isRow = q.id !== id;
      const exists = !isRow || (q.type === 'grid' && q.rows.some((r) => r.id === rowId) && id.split('__').length === 2);
      if (!exists) result = UNKNOWN;
      else if (q.type === 'text' || q.publication !== 'public') result = OWN;
      else {
        // Who was asked is visible from who answered: the routing universes are inputs too.
        const rows = q.type === 'grid' ? q.rows.filter((r) => (isRow ? r.id === rowId : true)) : [];
        const routing = [q.universe, ...rows.flatMap((r) => (r.universe !== undefined ? [r.universe] : []))];
        result = inherited(key, routing.map((u) => `u:${u}`));
      }
    } else if (d) {
      result = d.publication === 'restricted' ? OWN : inherited(key, d.rules.flatMap((r) => reads(r.when)));
    } else result = UNKNOWN;
    done.set(key, result);
    return result;
  }

  function universe(id: string): Restriction | null {
    if (id === 'all') return null;
    const key = `u:${id}`;
    if (done.has(key)) return done.get(key)!;
    const u = universes.get(id);
    const result = u ? inherited(key, reads(u.filter)) : UNKNOWN;
    done.set(key, result);
    return result;
  }

  const publication: Publication = { variable, universe };
  memo.set(codebook, publication);
  return publication;
}

/** "reads universe rich, which reads revenue_exact, which is restricted". */
export function describeRestriction(r: Restriction): string {
  return r.chain.length === 0 ? 'is restricted' : `reads ${r.chain.join(', which reads ')}, which is restricted`;
}

/**
 * The codebook with every derived variable's publication settled: `restricted` when marked so or
 * when any input is restricted, else `public`. `readCodebook` applies it after validation, so the
 * site, the public-use files and the explorer all see the inferred value.
 */
export function resolvePublication(codebook: Codebook): Codebook {
  const publication = publicationOf(codebook);
  const derived = codebook.derived.map((d) => ({ ...d, publication: publication.variable(d.id) ? ('restricted' as const) : ('public' as const) }));
  return { ...codebook, derived };
}
