/**
 * Which parts of a codebook may leave the building. Publication fails closed
 * (`dataset/publication.ts`): a variable or universe is public only when it and everything it reads
 * is public (and not free text); anything else stays out.
 */
import type { Codebook } from '../dataset/codebook.ts';
import { publicationOf } from '../dataset/publication.ts';

/**
 * True when the variable may be published: a public, non-text question or grid row, or a derived
 * variable that is not marked restricted and reads only public data (transitively).
 */
export function isPublicVariable(codebook: Codebook, variableId: string): boolean {
  return publicationOf(codebook).variable(variableId) === null;
}

/**
 * Universes whose membership may be published: those defined on public data only (`all` always).
 * No exception for routing bases: a public question routed by a restricted universe is a
 * validation error, and `publicCodebook` leaves such a question out.
 */
export function publicUniverseIds(codebook: Codebook): Set<string> {
  const publication = publicationOf(codebook);
  const ids = new Set<string>(['all']);
  for (const u of codebook.universes) if (publication.universe(u.id) === null) ids.add(u.id);
  return ids;
}

/**
 * The public part of a codebook: public non-text questions (routed by public universes), public
 * derived variables (which read only public data, so their rules can be published as they are),
 * universes allowed by `publicUniverseIds`.
 */
export function publicCodebook(codebook: Codebook): Codebook {
  const universeIds = publicUniverseIds(codebook);
  const questions = codebook.questions.filter((q) => isPublicVariable(codebook, q.id));
  const derived = codebook.derived.filter((d) => isPublicVariable(codebook, d.id)).map((d) => ({ ...d, publication: 'public' as const }));
  const universes = codebook.universes.filter((u) => universeIds.has(u.id));
  const publicIds = new Set(questions.map((q) => q.id));
  const crosswalk = codebook.crosswalk
    ? { ...codebook.crosswalk, questions: codebook.crosswalk.questions.filter((c) => publicIds.has(c.question)), breaks: codebook.crosswalk.breaks.filter((id) => publicIds.has(id)) }
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
    // The editors' checklist (earlier notes and sources) is never published.
    checklist: [],
    cube: { ...codebook.cube, ...(codebook.cube.filters ? { filters: codebook.cube.filters.filter((id) => isPublicVariable(codebook, id)) } : {}) },
    // Kept even with no public entry: it names the earlier wave, whose same-id questions link by default.
    ...(crosswalk ? { crosswalk } : {}),
  };
}
