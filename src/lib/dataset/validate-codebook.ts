/**
 * Cross-references inside one codebook, which a schema cannot see: ids unique, universes,
 * chapters, derived variables and filters resolve, codes exist, bands ordered and
 * non-overlapping, no universe or derived variable depends on itself.
 */
import type { Codebook, Filter, Option, Question } from './codebook.ts';
import type { Path, PathProblem } from './schema-errors.ts';
import { closestField } from './schema-errors.ts';

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

export function validateCodebook(codebook: Codebook): PathProblem[] {
  const out: PathProblem[] = [];
  const universes = new Set(['all', ...codebook.universes.map((u) => u.id)]);
  const chapters = new Set(codebook.chapters.map((c) => c.id));
  const shapes = variableShapes(codebook);

  const { start, end } = codebook.survey.fieldwork;
  if (start > end) out.push({ path: ['survey', 'fieldwork', 'end'], rule: 'fieldwork-order', value: end, message: 'is before the start', expected: `a date on or after ${start}` });

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
    if (!universes.has(id)) out.push({ path, rule: 'unknown-universe', value: id, message: 'is not a universe of this codebook', expected: `one of ${[...universes].join(', ')}` });
  };
  const checkFilter = (path: Path, filter: Filter) => validateFilter(filter, path, shapes, universes, out);

  codebook.questions.forEach((q, i) => {
    const at: Path = ['questions', i];
    universeRef([...at, 'universe'], q.universe);
    if (q.chapter !== undefined && !chapters.has(q.chapter))
      out.push({ path: [...at, 'chapter'], rule: 'unknown-chapter', value: q.chapter, message: 'is not a chapter of this codebook', expected: chapters.size ? `one of ${[...chapters].join(', ')}` : 'a chapter declared under chapters:' });
    validateQuestion(q, at, out, universeRef);
  });
  codebook.derived.forEach((d, i) => {
    const at: Path = ['derived', i];
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
    if (!universes.has(filter.universe)) out.push({ path: [...path, 'universe'], rule: 'unknown-universe', value: filter.universe, message: 'is not a universe of this codebook', expected: `one of ${[...universes].join(', ')}` });
    return;
  }
  const shape = shapes.get(filter.q);
  if (!shape) {
    const guess = closestField(filter.q, shapes.keys());
    out.push({ path: [...path, 'q'], rule: 'unknown-question', value: filter.q, message: `is not a question, grid row (question__row) or derived variable of this codebook${guess ? ` — did you mean "${guess}"?` : ''}`, expected: 'an id declared under questions: or derived:' });
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

function validateCrosswalk(codebook: Codebook, out: PathProblem[]): void {
  const questions = new Map(codebook.questions.map((q) => [q.id, q]));
  codebook.crosswalk!.questions.forEach((entry, i) => {
    const at: Path = ['crosswalk', 'questions', i];
    const q = questions.get(entry.question);
    if (!q) {
      out.push({ path: [...at, 'question'], rule: 'unknown-question', value: entry.question, message: 'is not a question of this wave', expected: 'a question id of this codebook' });
      return;
    }
    const codes = 'options' in q ? new Set(q.options.map((o) => String(o.code))) : new Set<string>();
    for (const key of Object.keys(entry.options ?? {}))
      if (!codes.has(key)) out.push({ path: [...at, 'options', key], rule: 'unknown-code', value: key, message: `is not an option code of ${q.id}`, expected: codes.size ? `one of ${[...codes].join(', ')}` : 'no option mapping (the question has no options)' });
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
