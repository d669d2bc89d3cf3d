/**
 * Which parts of a codebook may leave the building. The rule is "public unless proven otherwise
 * fails closed": a variable is public only when it can be traced to a question or derived variable
 * marked `public` (and is not free text); anything else stays out.
 */
import type { Codebook, Derived, Filter, Question, Universe } from '../dataset/codebook.ts';

/** The question or derived variable behind a variable id (`q`, `grid__row` or a derived id). */
export function ownerOf(codebook: Codebook, variableId: string): { question?: Question; derived?: Derived } {
  const question = codebook.questions.find((q) => q.id === variableId);
  if (question) return { question };
  const derived = codebook.derived.find((d) => d.id === variableId);
  if (derived) return { derived };
  const [gridId, rowId] = variableId.split('__');
  const grid = codebook.questions.find((q) => q.id === gridId && q.type === 'grid');
  if (grid && grid.type === 'grid' && grid.rows.some((r) => r.id === rowId)) return { question: grid };
  return {};
}

/** True when the variable's owner is marked public and holds no free text. */
export function isPublicVariable(codebook: Codebook, variableId: string): boolean {
  const { question, derived } = ownerOf(codebook, variableId);
  if (question) return question.type !== 'text' && question.publication === 'public';
  if (derived) return derived.publication === 'public';
  return false;
}

/** Every variable id a filter mentions, following named universes (cycle-safe). */
export function filterVariables(filter: Filter, universes: Universe[], seen = new Set<string>()): string[] {
  if ('all' in filter) return filter.all.flatMap((f) => filterVariables(f, universes, seen));
  if ('any' in filter) return filter.any.flatMap((f) => filterVariables(f, universes, seen));
  if ('not' in filter) return filterVariables(filter.not, universes, seen);
  if ('universe' in filter) {
    if (seen.has(filter.universe)) return [];
    seen.add(filter.universe);
    const u = universes.find((x) => x.id === filter.universe);
    return u ? filterVariables(u.filter, universes, seen) : [];
  }
  return [filter.q];
}

/** True when a filter only reads public variables. */
export function isPublicFilter(codebook: Codebook, filter: Filter): boolean {
  return filterVariables(filter, codebook.universes).every((id) => isPublicVariable(codebook, id));
}

/** Universes whose membership may be published: defined on public variables only, or the
 * routing base of a public question (needed for its bases; membership is largely visible from who
 * answered anyway). Chapter universes get no exception: a chapter is text, not data. */
export function publicUniverseIds(codebook: Codebook): Set<string> {
  const ids = new Set<string>(['all']);
  for (const u of codebook.universes) if (isPublicFilter(codebook, u.filter)) ids.add(u.id);
  for (const q of codebook.questions) {
    if (q.type === 'text' || q.publication !== 'public') continue;
    ids.add(q.universe);
    if (q.type === 'grid') for (const r of q.rows) if (r.universe) ids.add(r.universe);
  }
  return ids;
}

/**
 * The public part of a codebook: public non-text questions, public derived variables, universes
 * allowed by `publicUniverseIds`. Definitions that would name restricted variables are replaced by
 * a self-reference meaning "precomputed in the file": the public-use file carries every derived
 * variable and universe as a ready column, so nothing needs re-deriving.
 */
export function publicCodebook(codebook: Codebook): Codebook {
  const universeIds = publicUniverseIds(codebook);
  const questions = codebook.questions.filter((q) => q.type !== 'text' && q.publication === 'public');
  const derived = codebook.derived
    .filter((d) => d.publication === 'public')
    .map((d) =>
      d.rules.every((r) => isPublicFilter(codebook, r.when))
        ? d
        : { ...d, rules: d.options.map((o) => ({ code: o.code, when: { q: d.id, in: [o.code] } })), otherwise: undefined },
    );
  const universes = codebook.universes
    .filter((u) => universeIds.has(u.id))
    .map((u) => (isPublicFilter(codebook, u.filter) ? u : { ...u, filter: { universe: u.id } }));
  const publicIds = new Set(questions.map((q) => q.id));
  const crosswalk = codebook.crosswalk
    ? { ...codebook.crosswalk, questions: codebook.crosswalk.questions.filter((c) => publicIds.has(c.question)) }
    : undefined;
  return {
    survey: codebook.survey,
    questions,
    derived,
    universes,
    chapters: codebook.chapters,
    // Headline figures belong to the report's cover (computed at build from the full data) and may
    // name restricted variables: the public-use codebook carries none.
    headlines: [],
    // The cube's filter list may name restricted variables only to be refused by validation; the
    // public codebook keeps the public ones.
    cube: { ...codebook.cube, ...(codebook.cube.filters ? { filters: codebook.cube.filters.filter((id) => isPublicVariable(codebook, id)) } : {}) },
    ...(crosswalk && crosswalk.questions.length > 0 ? { crosswalk } : {}),
  };
}
