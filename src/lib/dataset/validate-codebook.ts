/**
 * Cross-references inside one codebook, which a schema cannot see: ids unique, universes,
 * chapters, derived variables and filters resolve, codes exist, bands ordered and
 * non-overlapping, no universe or derived variable depends on itself, headline figures name
 * variables, options, nets, universes and banner columns that exist.
 */
import type { Codebook, Filter, Headline, Option, Question } from './codebook.ts';
import type { Path, PathProblem } from './schema-errors.ts';
import { closestField, didYouMean } from './schema-errors.ts';
import { crosswalkQuestion, linkableIds } from './crosswalk-link.ts';
import { describeRestriction, publicationOf } from './publication.ts';
import { ID_MAX_LENGTH } from './limits.ts';
import type { Publication } from './publication.ts';

/** What a filter may refer to, by variable id. */
export interface VariableShape {
  kind: 'coded' | 'multi' | 'numeric' | 'text';
  codes: number[];
}

/** Every variable a filter or a table can name: questions, grid rows (`q__row`), derived variables. */
export function variableShapes(codebook: Codebook): Map<string, VariableShape> {
  const shapes = new Map<string, VariableShape>();
  const codes = (options: Option[]) => options.map((o) => o.code);
  for (const q of codebook.questions) {
    if (q.type === 'grid') for (const row of q.rows) setFirst(shapes, `${q.id}__${row.id}`, { kind: 'coded', codes: codes(q.options) });
    else if (q.type === 'multi') setFirst(shapes, q.id, { kind: 'multi', codes: codes(q.options) });
    else if (q.type === 'numeric') setFirst(shapes, q.id, { kind: 'numeric', codes: [] });
    else if (q.type === 'text') setFirst(shapes, q.id, { kind: 'text', codes: [] });
    else setFirst(shapes, q.id, { kind: 'coded', codes: codes(q.options) });
  }
  for (const d of codebook.derived) setFirst(shapes, d.id, { kind: 'coded', codes: codes(d.options) });
  return shapes;
}

/** Like Map.set, but the first definition of a duplicated id wins (the duplicate is reported elsewhere). */
function setFirst<V>(map: Map<string, V>, key: string, value: V): void {
  if (!map.has(key)) map.set(key, value);
}

/**
 * The checklist items `npm run new-wave` left that are not done yet. Not part of
 * `validateCodebook`: an open item stops publication, not the reading of the wave, so the data is
 * still checked and every problem reported at once (codebook-read.ts `checklistProblems`).
 */
export function openChecklist(codebook: Codebook): PathProblem[] {
  return codebook.checklist.flatMap((c, i) =>
    c.done ? [] : [{ path: ['checklist', i, 'done'], rule: 'checklist-open', value: c.item.length > 80 ? `${c.item.slice(0, 80)}…` : c.item, message: 'is not checked yet', expected: 'done: true once checked (or delete the item); the wave is not published while an item is open' }],
  );
}

export function validateCodebook(codebook: Codebook): PathProblem[] {
  const out: PathProblem[] = [];
  const universes = new Set(['all', ...codebook.universes.map((u) => u.id)]);
  const chapters = new Set(codebook.chapters.map((c) => c.id));
  const shapes = variableShapes(codebook);

  const { start, end } = codebook.survey.fieldwork;
  if (start > end) out.push({ path: ['survey', 'fieldwork', 'end'], rule: 'fieldwork-order', value: end, message: 'is before the start', expected: `a date on or after ${start}` });
  const { variance, weightColumn } = codebook.survey;
  if (variance !== undefined && weightColumn === undefined) out.push({ path: ['survey', 'variance'], rule: 'variance-without-weights', value: variance, message: 'is declared but the wave has no weightColumn', expected: 'a weightColumn, or no variance: it applies to weighted waves only' });

  duplicates(out, codebook.questions.map((q) => q.id), ['questions'], 'question id');
  duplicates(out, codebook.derived.map((d) => d.id), ['derived'], 'derived variable id');
  duplicates(out, codebook.chapters.map((c) => c.id), ['chapters'], 'chapter id');
  codebook.universes.forEach((u, i) => {
    if (u.id === 'all') out.push({ path: ['universes', i, 'id'], rule: 'duplicate-id', value: u.id, message: 'is built in and cannot be redefined', expected: 'another universe id' });
  });
  duplicates(out, codebook.universes.map((u) => u.id), ['universes'], 'universe id');
  const questionIds = new Set(codebook.questions.map((q) => q.id));
  codebook.derived.forEach((d, i) => {
    if (questionIds.has(d.id)) out.push({ path: ['derived', i, 'id'], rule: 'duplicate-id', value: d.id, message: 'is also a question id', expected: 'an id used by no question' });
  });

  const universeRef = (path: Path, id: string) => {
    if (!universes.has(id)) out.push({ path, rule: 'unknown-universe', value: id, message: `is not a universe of this codebook${didYouMean(closestField(id, universes))}`, expected: `one of ${[...universes].join(', ')}` });
  };
  const checkFilter = (path: Path, filter: Filter) => validateFilter(filter, path, shapes, universes, out);

  codebook.questions.forEach((q, i) => {
    const at: Path = ['questions', i];
    universeRef([...at, 'universe'], q.universe);
    if (q.chapter !== undefined && !chapters.has(q.chapter))
      out.push({ path: [...at, 'chapter'], rule: 'unknown-chapter', value: q.chapter, message: `is not a chapter of this codebook${didYouMean(closestField(q.chapter, chapters))}`, expected: chapters.size ? `one of ${[...chapters].join(', ')}` : 'a chapter declared under chapters:' });
    validateQuestion(q, at, out, universeRef);
  });
  codebook.derived.forEach((d, i) => {
    const at: Path = ['derived', i];
    if (d.universe !== undefined) universeRef([...at, 'universe'], d.universe);
    duplicates(out, d.options.map((o) => o.code), [...at, 'options'], 'option code', 'code');
    const codes = new Set(d.options.map((o) => o.code));
    d.rules.forEach((rule, r) => {
      if (!codes.has(rule.code)) out.push({ path: [...at, 'rules', r, 'code'], rule: 'unknown-code', value: String(rule.code), message: 'is not an option of this derived variable', expected: `one of ${[...codes].join(', ')}` });
      checkFilter([...at, 'rules', r, 'when'], rule.when);
    });
    if (d.otherwise !== undefined && !codes.has(d.otherwise))
      out.push({ path: [...at, 'otherwise'], rule: 'unknown-code', value: String(d.otherwise), message: 'is not an option of this derived variable', expected: `one of ${[...codes].join(', ')}` });
  });
  codebook.universes.forEach((u, i) => checkFilter(['universes', i, 'filter'], u.filter));
  codebook.chapters.forEach((c, i) => universeRef(['chapters', i, 'universe'], c.universe));
  if (codebook.crosswalk) validateCrosswalk(codebook, out);
  const publication = publicationOf(codebook);
  validatePublication(codebook, publication, out);
  // Built once, not per headline: validation stays linear in the number of questions.
  const publicIds = [...shapes].filter(([id, s]) => s.kind !== 'text' && !publication.variable(id)).map(([id]) => id);
  const byId: ById = { questions: new Map(), derived: new Map() };
  for (const q of codebook.questions) setFirst(byId.questions, q.id, q);
  for (const d of codebook.derived) setFirst(byId.derived, d.id, d);
  codebook.headlines.forEach((h, i) => validateHeadline(codebook, h, ['headlines', i], shapes, publication, publicIds, byId, out, universeRef));
  validateCubeFilters(codebook, shapes, publicIds, out);
  out.push(...dependencyCycles(codebook));
  return out;
}

function duplicates(out: PathProblem[], ids: (string | number)[], at: Path, what: string, field = 'id'): void {
  const seen = new Map<string | number, number>();
  ids.forEach((id, i) => {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else out.push({ path: [...at, i, field], rule: 'duplicate-id', value: String(id), message: `repeats the ${what} of ${at[at.length - 1]}[${first}]`, expected: `a unique ${what}` });
  });
}

function validateQuestion(q: Question, at: Path, out: PathProblem[], universeRef: (path: Path, id: string) => void): void {
  if (q.type === 'numeric' || q.type === 'text') {
    if (q.type === 'numeric' && q.min !== undefined && q.max !== undefined && q.min > q.max)
      out.push({ path: [...at, 'max'], rule: 'bounds-order', value: String(q.max), message: 'is below min', expected: `a number ≥ ${q.min}` });
    return;
  }
  duplicates(out, q.options.map((o) => o.code), [...at, 'options'], 'option code', 'code');
  const codes = new Set(q.options.map((o) => o.code));
  const codeList = [...codes].join(', ');
  q.nets.forEach((net, k) =>
    net.codes.forEach((code, c) => {
      if (!codes.has(code)) out.push({ path: [...at, 'nets', k, 'codes', c], rule: 'unknown-code', value: String(code), message: 'is not an option of this question', expected: `one of ${codeList}` });
    }),
  );
  if (q.type === 'ordinal')
    q.neutral.forEach((code, c) => {
      if (!codes.has(code)) out.push({ path: [...at, 'neutral', c], rule: 'unknown-code', value: String(code), message: 'is not an option of this question', expected: `one of ${codeList}` });
    });
  if (q.type === 'grid') {
    duplicates(out, q.rows.map((r) => r.id), [...at, 'rows'], 'row id');
    // A grid row is the variable `question__row`: in URLs and column names it obeys the id limit.
    q.rows.forEach((row, r) => {
      const id = `${q.id}__${row.id}`;
      if (id.length > ID_MAX_LENGTH) out.push({ path: [...at, 'rows', r, 'id'], rule: 'id-too-long', value: row.id, message: `makes the grid row's variable id ${q.id}__<row> too long (${id.length} characters)`, expected: `question id, "__" and row id together at most ${ID_MAX_LENGTH} characters` });
    });
    q.rows.forEach((row, r) => row.universe !== undefined && universeRef([...at, 'rows', r, 'universe'], row.universe));
  }
  if (q.type === 'multi' && q.maxChoices !== undefined && q.maxChoices > q.options.length)
    out.push({ path: [...at, 'maxChoices'], rule: 'bounds-order', value: String(q.maxChoices), message: 'exceeds the number of options', expected: `at most ${q.options.length}` });
  if (q.type === 'banded') validateBands(q.options, at, out);
}

/** Substantive bands need bounds, ascending and non-overlapping; only the last may be open. */
function validateBands(options: Option[], at: Path, out: PathProblem[]): void {
  const bands = options.map((o, k) => ({ o, k })).filter(({ o }) => !o.nonSubstantive);
  let previous: { o: Option; k: number } | null = null;
  bands.forEach((band, b) => {
    const { o, k } = band;
    const path: Path = [...at, 'options', k];
    if (o.lower === undefined) {
      out.push({ path: [...path, 'lower'], rule: 'band-bounds', message: 'is missing', expected: 'a lower bound on every band (mark わからない etc. as nonSubstantive: true)' });
      return;
    }
    if (o.upper === undefined && b < bands.length - 1)
      out.push({ path: [...path, 'upper'], rule: 'band-bounds', message: 'is missing', expected: 'an upper bound on every band but the last (open) one' });
    if (o.upper !== undefined && !(o.lower < o.upper))
      out.push({ path: [...path, 'upper'], rule: 'band-bounds', value: String(o.upper), message: 'is not above the lower bound', expected: `a number > ${o.lower}` });
    if (previous && previous.o.upper !== undefined && o.lower < previous.o.upper)
      out.push({ path: [...path, 'lower'], rule: 'band-bounds', value: String(o.lower), message: `overlaps or precedes the band before it (options[${previous.k}] ends at ${previous.o.upper})`, expected: `bands from lowest to highest, this one starting at ${previous.o.upper} or above` });
    previous = band;
  });
}

function validateFilter(filter: Filter, path: Path, shapes: Map<string, VariableShape>, universes: Set<string>, out: PathProblem[]): void {
  if ('all' in filter) return filter.all.forEach((f, i) => validateFilter(f, [...path, 'all', i], shapes, universes, out));
  if ('any' in filter) return filter.any.forEach((f, i) => validateFilter(f, [...path, 'any', i], shapes, universes, out));
  if ('not' in filter) return validateFilter(filter.not, [...path, 'not'], shapes, universes, out);
  if ('universe' in filter) {
    if (!universes.has(filter.universe)) out.push({ path: [...path, 'universe'], rule: 'unknown-universe', value: filter.universe, message: `is not a universe of this codebook${didYouMean(closestField(filter.universe, universes))}`, expected: `one of ${[...universes].join(', ')}` });
    return;
  }
  const shape = shapes.get(filter.q);
  if (!shape) {
    const guess = closestField(filter.q, shapes.keys());
    out.push({ path: [...path, 'q'], rule: 'unknown-question', value: filter.q, message: `is not a question, grid row (question__row) or derived variable of this codebook${didYouMean(guess)}`, expected: 'an id declared under questions: or derived:' });
    return;
  }
  if ('answered' in filter) return;
  const [op, codes] = 'in' in filter ? ['in', filter.in] : 'includesAny' in filter ? ['includesAny', filter.includesAny] : 'includesAll' in filter ? ['includesAll', filter.includesAll] : ['range', null];
  const fits = op === 'range' ? shape.kind === 'numeric' || shape.kind === 'coded' : op === 'in' ? shape.kind === 'coded' || shape.kind === 'numeric' : shape.kind === 'multi';
  if (!fits) {
    const want = shape.kind === 'multi' ? 'includesAny or includesAll' : shape.kind === 'text' ? 'answered' : 'in or range';
    out.push({ path: [...path, op], rule: 'filter-kind', value: filter.q, message: `is a ${shape.kind} variable and cannot be filtered with ${op}`, expected: want });
    return;
  }
  if (codes && shape.kind !== 'numeric')
    codes.forEach((code, i) => {
      if (!shape.codes.includes(code)) out.push({ path: [...path, op, i], rule: 'unknown-code', value: String(code), message: `is not an option of ${filter.q}`, expected: `one of ${shape.codes.join(', ')}` });
    });
}

/** A headline is a `<Stat>` written in the codebook: every name must resolve, and the kind must fit the variable. */
interface ById {
  questions: Map<string, Question>;
  derived: Map<string, Codebook['derived'][number]>;
}

function validateHeadline(codebook: Codebook, h: Headline, at: Path, shapes: Map<string, VariableShape>, publication: Publication, publicIds: string[], byId: ById, out: PathProblem[], universeRef: (path: Path, id: string) => void): void {
  if (codebook.survey.kind === 'tables') {
    out.push({ path: at, rule: 'headline-kind', message: 'is given for a wave of published tables only', expected: 'headlines on microdata waves only (the engine computes them from responses.csv)' });
    return;
  }
  const isPublic = (id: string) => publication.variable(id) === null;
  if (h.universe !== undefined) {
    const restricted = publication.universe(h.universe);
    if (restricted && !restricted.unknown)
      out.push({ path: [...at, 'universe'], rule: 'publication-leak', value: h.universe, message: `${describeRestriction(restricted)}: a published figure would reveal it`, expected: 'a universe defined on public variables only' });
    else universeRef([...at, 'universe'], h.universe);
  }
  const [qid, rowId] = h.q.split('__');
  const question = byId.questions.get(qid);
  const derived = byId.derived.get(h.q);
  const shape = shapes.get(h.q);
  if (!shape || shape.kind === 'text' || !isPublic(h.q)) {
    const guess = closestField(h.q, publicIds);
    const what = question?.type === 'grid' && !rowId ? 'is a grid; name one of its rows as question__row' : shape ? 'is not a public question with answers to count' : `is not a question, grid row (question__row) or derived variable of this codebook${didYouMean(guess)}`;
    out.push({ path: [...at, 'q'], rule: 'unknown-question', value: h.q, message: what, expected: 'a public question, grid row or derived variable' });
    return;
  }
  if (h.by !== undefined) {
    const banner = shapes.get(h.by);
    if (!banner || banner.kind !== 'coded' || !isPublic(h.by)) {
      const guess = banner ? undefined : closestField(h.by, publicIds.filter((id) => shapes.get(id)?.kind === 'coded'));
      out.push({ path: [...at, 'by'], rule: 'unknown-question', value: h.by, message: `is not a public single-answer variable of this codebook${didYouMean(guess)}`, expected: 'a single-answer, ordinal, banded question, grid row or derived variable' });
    } else if (h.segment !== undefined && !banner.codes.includes(h.segment)) {
      out.push({ path: [...at, 'segment'], rule: 'unknown-code', value: String(h.segment), message: `is not an option of ${h.by}`, expected: `one of ${banner.codes.join(', ')}` });
    }
  } else if (h.segment !== undefined) {
    out.push({ path: [...at, 'segment'], rule: 'headline-kind', value: String(h.segment), message: 'names a banner column without by', expected: 'by: the variable whose column this is' });
  }
  const summarised = question?.type === 'banded' || question?.type === 'numeric';
  if (h.kind === 'mean' || h.kind === 'median') {
    if (!summarised || rowId || derived) out.push({ path: [...at, 'kind'], rule: 'headline-kind', value: h.kind, message: `needs a banded or numeric question (${h.q} is ${derived ? 'derived' : question?.type})`, expected: 'percent, count or base' });
    return;
  }
  if (h.kind === 'base') return;
  const nets = question && 'nets' in question ? question.nets.map((n) => n.id) : [];
  if (h.option === undefined && h.net === undefined) {
    out.push({ path: at, rule: 'headline-kind', message: `has kind ${h.kind} but neither option nor net`, expected: shape.codes.length ? `option: one of ${shape.codes.join(', ')}${nets.length ? `, or net: one of ${nets.join(', ')}` : ''}` : 'kind mean, median or base (a numeric question has no options)' });
  } else if (h.option !== undefined && h.net !== undefined) {
    out.push({ path: [...at, 'net'], rule: 'headline-kind', value: h.net, message: 'is given together with option', expected: 'option or net, not both' });
  } else if (h.option !== undefined && !shape.codes.includes(h.option)) {
    out.push({ path: [...at, 'option'], rule: 'unknown-code', value: String(h.option), message: `is not an option of ${h.q}`, expected: shape.codes.length ? `one of ${shape.codes.join(', ')}` : 'kind mean, median or base (a numeric question has no options)' });
  } else if (h.net !== undefined && !nets.includes(h.net)) {
    out.push({ path: [...at, 'net'], rule: 'unknown-code', value: h.net, message: `is not a net of ${h.q}${didYouMean(closestField(h.net, nets))}`, expected: nets.length ? `one of ${nets.join(', ')}` : 'option (this question has no nets)' });
  }
}

/**
 * Publication fails closed: a derived variable marked `public` must read public data only, and a
 * public question's universe (or a grid row's) must be defined on public data — its answered/blank
 * pattern would otherwise publish the restricted answers the universe is made of.
 */
function validatePublication(codebook: Codebook, publication: Publication, out: PathProblem[]): void {
  codebook.derived.forEach((d, i) => {
    const restricted = publication.variable(d.id);
    if (d.publication === 'public' && restricted && !restricted.unknown)
      out.push({ path: ['derived', i, 'publication'], rule: 'publication-leak', value: 'public', message: `is not allowed: derived variable ${d.id} ${describeRestriction(restricted)}`, expected: 'publication: restricted, or no publication (a derived variable is restricted when any input is)' });
  });
  const routed = (path: Path, universe: string) => {
    const restricted = publication.universe(universe);
    // Unknown names are reported as such, not as leaks.
    if (restricted && !restricted.unknown)
      out.push({ path, rule: 'publication-leak', value: universe, message: `${describeRestriction(restricted)}: the base of a public question would reveal it`, expected: 'a universe defined on public variables only, or publication: restricted on this question' });
  };
  codebook.questions.forEach((q, i) => {
    if (q.type === 'text' || q.publication !== 'public') return;
    routed(['questions', i, 'universe'], q.universe);
    if (q.type === 'grid') q.rows.forEach((row, r) => row.universe !== undefined && routed(['questions', i, 'rows', r, 'universe'], row.universe));
  });
}

/** `cube.filters` names public single- or multi-answer variables (a reader filters the protected cube by them). */
function validateCubeFilters(codebook: Codebook, shapes: Map<string, VariableShape>, publicIds: string[], out: PathProblem[]): void {
  const usable = new Set(publicIds.filter((id) => shapes.get(id)?.kind !== 'numeric'));
  (codebook.cube.filters ?? []).forEach((id, i) => {
    if (!usable.has(id)) out.push({ path: ['cube', 'filters', i], rule: 'unknown-variable', value: id, message: shapes.has(id) ? 'cannot filter the protected cube (restricted, free text or numeric)' : `is not a variable of this codebook${didYouMean(closestField(id, usable))}`, expected: `a public single- or multi-answer variable: ${[...usable].slice(0, 12).join(', ')}${usable.size > 12 ? ' …' : ''}` });
  });
}

function validateCrosswalk(codebook: Codebook, out: PathProblem[]): void {
  const questions = new Map(codebook.questions.map((q) => [q.id, q]));
  const linkable = linkableIds(codebook);
  codebook.crosswalk!.questions.forEach((entry, i) => {
    const at: Path = ['crosswalk', 'questions', i];
    const q = crosswalkQuestion(questions, entry.question);
    if (!q) {
      out.push({ path: [...at, 'question'], rule: 'unknown-question', value: entry.question, message: `is not a question of this wave${didYouMean(closestField(entry.question, linkable))}`, expected: 'a question id (or grid row grid__row) of this codebook' });
      return;
    }
    const codes = 'options' in q ? new Set(q.options.map((o) => String(o.code))) : new Set<string>();
    for (const key of Object.keys(entry.options ?? {}))
      if (!codes.has(key)) out.push({ path: [...at, 'options', key], rule: 'unknown-code', value: key, message: `is not an option code of ${q.id}`, expected: codes.size ? `one of ${[...codes].join(', ')}` : 'no option mapping (the question has no options)' });
  });
  // A break stops a question's trend here: it must name a question of this wave, never one the crosswalk also links.
  codebook.crosswalk!.breaks.forEach((id, i) => {
    const at: Path = ['crosswalk', 'breaks', i];
    if (!crosswalkQuestion(questions, id)) out.push({ path: at, rule: 'unknown-question', value: id, message: `is not a question of this wave${didYouMean(closestField(id, linkable))}`, expected: 'a question id (or grid row grid__row) of this codebook' });
    else if (codebook.crosswalk!.questions.some((e) => e.question === id)) out.push({ path: at, rule: 'crosswalk-break', value: id, message: 'is also linked under crosswalk.questions', expected: 'either a link (questions) or a break (breaks), not both' });
  });
}

/** Universes and derived variables may use each other, but never in a circle. */
function dependencyCycles(codebook: Codebook): PathProblem[] {
  const nodes = new Map<string, { path: Path; deps: string[] }>();
  codebook.universes.forEach((u, i) => nodes.set(`universe:${u.id}`, { path: ['universes', i, 'filter'], deps: filterDeps(u.filter) }));
  codebook.derived.forEach((d, i) => nodes.set(`derived:${d.id}`, { path: ['derived', i, 'rules'], deps: d.rules.flatMap((r) => filterDeps(r.when)) }));
  const derivedIds = new Set(codebook.derived.map((d) => d.id));
  const state = new Map<string, 'visiting' | 'done'>();
  const out: PathProblem[] = [];
  const visit = (key: string, trail: string[]): void => {
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'visiting') {
      const circle = [...trail.slice(trail.indexOf(key)), key].map((k) => k.replace(':', ' '));
      out.push({ path: nodes.get(key)!.path, rule: 'dependency-cycle', message: `depends on itself: ${circle.join(' → ')}`, expected: 'universes and derived variables that refer to each other without a circle' });
      return;
    }
    state.set(key, 'visiting');
    for (const dep of nodes.get(key)!.deps) {
      const target = dep.startsWith('q:') ? (derivedIds.has(dep.slice(2)) ? `derived:${dep.slice(2)}` : null) : `universe:${dep.slice(2)}`;
      if (target && nodes.has(target)) visit(target, [...trail, key]);
    }
    state.set(key, 'done');
  };
  for (const key of nodes.keys()) visit(key, []);
  return out;
}

/** `u:<id>` for universes and `q:<id>` for variables a filter refers to. */
export function filterDeps(filter: Filter): string[] {
  if ('all' in filter) return filter.all.flatMap(filterDeps);
  if ('any' in filter) return filter.any.flatMap(filterDeps);
  if ('not' in filter) return filterDeps(filter.not);
  if ('universe' in filter) return [`u:${filter.universe}`];
  return [`q:${filter.q}`];
}
