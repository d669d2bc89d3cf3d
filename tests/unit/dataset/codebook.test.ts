/**
 * The codebook schemas (codebook.ts) one by one: what each accepts, the defaults it fills in,
 * the literals and enums it knows, and the messages of its own checks (ids, addresses, wave
 * ids, dates, the perturbation table). Cross-references are validate-codebook.ts's.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Chapter, Codebook, CubeSpec, Crosswalk, Derived, Filter, GridRow, Headline, HttpUrl, Id, Net, Option, Perturbation, Question, Survey, Universe } from '../../../src/lib/dataset/codebook.ts';
import { ID_MAX_LENGTH, LABEL_MAX_LENGTH, TEXT_MAX_LENGTH, URL_MAX_LENGTH, WAVE_ID_MAX_LENGTH } from '../../../src/lib/dataset/limits.ts';

/** The messages of a failed parse (empty when it succeeds). */
function messages(schema: z.ZodType, data: unknown): string[] {
  const parsed = schema.safeParse(data);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
}
const ok = (schema: z.ZodType, data: unknown) => schema.safeParse(data).success;

function survey(extra: Record<string, unknown> = {}) {
  return { id: 's', wave: '2025', title: 'T', publisher: 'P', fieldwork: { start: '2025-01-10', end: '2025-01-31' }, method: 'M', population: 'P', n: 10, citation: 'C', licence: 'L', ...extra };
}
const opts = (...codes: number[]) => codes.map((code) => ({ code, label: `o${code}` }));

describe('Id', () => {
  it('accepts lower snake case up to the length limit', () => {
    expect(Id.parse('a')).toBe('a');
    expect(Id.parse('q1_a_2')).toBe('q1_a_2');
    expect(ok(Id, 'a'.repeat(ID_MAX_LENGTH))).toBe(true);
    expect(ok(Id, 'a'.repeat(ID_MAX_LENGTH + 1))).toBe(false);
  });
  it('refuses other characters, a leading digit or underscore, with its message', () => {
    for (const bad of ['A', '1a', '_a', 'a-b', 'a b', 'aé', ''])
      expect(messages(Id, bad)).toContain('expected an id in lower snake case (a-z, 0-9, _), starting with a letter');
  });
  it('refuses "__" (it separates question and option in column names), and only that', () => {
    expect(messages(Id, 'a__b')).toEqual(['an id may not contain "__" (it separates question and option in column names)']);
    expect(messages(Id, 'a_b_')).toEqual([]);
  });
});

describe('HttpUrl', () => {
  it('accepts http and https addresses only, up to the length limit', () => {
    expect(HttpUrl.parse('https://example.com/a')).toBe('https://example.com/a');
    expect(ok(HttpUrl, 'http://example.com/')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://example.com/', 'httpx://example.com/', 'xhttp://example.com/', 'not a url'])
      expect(messages(HttpUrl, bad)).toEqual(['expected an http:// or https:// address']);
    const long = `https://example.com/${'a'.repeat(URL_MAX_LENGTH)}`;
    expect(ok(HttpUrl, long.slice(0, URL_MAX_LENGTH))).toBe(true);
    expect(ok(HttpUrl, long)).toBe(false);
  });
});

describe('Survey', () => {
  it('fills in its defaults', () => {
    const s = Survey.parse(survey());
    expect(s).toMatchObject({ synthetic: false, notes: [], idColumn: 'id', kind: 'microdata', publish: 'aggregates' });
    expect(s.weightColumn).toBeUndefined();
  });
  it('knows both kinds and both publish settings, and nothing else', () => {
    expect(Survey.parse(survey({ kind: 'tables', publish: 'microdata' }))).toMatchObject({ kind: 'tables', publish: 'microdata' });
    expect(Survey.parse(survey({ kind: 'microdata', publish: 'aggregates' }))).toMatchObject({ kind: 'microdata', publish: 'aggregates' });
    expect(ok(Survey, survey({ kind: 'table' }))).toBe(false);
    expect(ok(Survey, survey({ publish: 'all' }))).toBe(false);
  });
  it('wave ids: digits, lower-case letters and hyphens up to the length limit', () => {
    expect(ok(Survey, survey({ wave: '2025-spring' }))).toBe(true);
    expect(ok(Survey, survey({ wave: 'a'.repeat(WAVE_ID_MAX_LENGTH) }))).toBe(true);
    expect(ok(Survey, survey({ wave: 'a'.repeat(WAVE_ID_MAX_LENGTH + 1) }))).toBe(false);
    for (const bad of ['2025/x', '../x', '2025 ', 'A', ''])
      expect(messages(Survey, survey({ wave: bad }))).toContain('expected a wave id such as 2025');
  });
  it('dates: YYYY-MM-DD as text, or a YAML date turned into one', () => {
    const s = Survey.parse(survey({ fieldwork: { start: new Date('2025-01-10T00:00:00Z'), end: '2025-01-31' } }));
    expect(s.fieldwork).toEqual({ start: '2025-01-10', end: '2025-01-31' });
    for (const bad of ['2025-1-10', '2025/01/10', 'x2025-01-10', '2025-01-10x', '10-01-2025'])
      expect(messages(Survey, survey({ fieldwork: { start: bad, end: '2025-01-31' } }))).toEqual(['expected a date as YYYY-MM-DD']);
  });
  it('labels and texts: not empty, within their limits; n a positive whole number', () => {
    expect(ok(Survey, survey({ title: '' }))).toBe(false);
    expect(ok(Survey, survey({ title: 'x'.repeat(LABEL_MAX_LENGTH) }))).toBe(true);
    expect(ok(Survey, survey({ title: 'x'.repeat(LABEL_MAX_LENGTH + 1) }))).toBe(false);
    expect(ok(Survey, survey({ population: '' }))).toBe(false);
    expect(ok(Survey, survey({ population: 'x'.repeat(TEXT_MAX_LENGTH) }))).toBe(true);
    expect(ok(Survey, survey({ population: 'x'.repeat(TEXT_MAX_LENGTH + 1) }))).toBe(false);
    expect(ok(Survey, survey({ n: 0 }))).toBe(false);
    expect(ok(Survey, survey({ n: 1.5 }))).toBe(false);
    expect(ok(Survey, survey({ sourceUrl: 'javascript:alert(1)' }))).toBe(false);
    expect(ok(Survey, survey({ unknownField: 1 }))).toBe(false);
    expect(Survey.parse(survey({ notes: ['made up'] })).notes).toEqual(['made up']);
    expect(ok(Survey, survey({ notes: ['x'.repeat(TEXT_MAX_LENGTH + 1)] }))).toBe(false);
  });
});

describe('Filter', () => {
  it('accepts each form, nested', () => {
    const forms = [
      { all: [{ q: 'a', in: [1] }] },
      { any: [{ q: 'a', includesAny: [1] }, { q: 'b', includesAll: [1, 2] }] },
      { not: { universe: 'u' } },
      { q: 'a', range: { min: 1 } },
      { q: 'a', range: { max: 1 } },
      { q: 'a', range: {} },
      { q: 'a', answered: false },
      { q: 'a', in: [1, 2] },
      { q: 'a', includesAny: [1, 2] },
    ];
    for (const f of forms) expect(Filter.parse(f)).toEqual(f);
  });
  it('refuses empty lists, non-integer codes, extra keys and ids that are not ids', () => {
    for (const bad of [{ all: [] }, { any: [] }, { q: 'a', in: [] }, { q: 'a', in: [1.5] }, { q: 'a', includesAny: [] }, { q: 'a', includesAll: [] }, { q: 'a', in: [1], extra: 1 }, { universe: 'A' }, { q: 'a', range: { min: 1, x: 2 } }, { q: 'a', answered: 'yes' }])
      expect(ok(Filter, bad)).toBe(false);
  });
});

describe('options, nets and grid rows', () => {
  it('an option: a code 0–9999 and a label; every other field optional', () => {
    expect(Option.parse({ code: 0, label: 'x' })).toEqual({ code: 0, label: 'x' });
    expect(ok(Option, { code: 9999, label: 'x', short: 's', order: 1, lower: 0, upper: 1, value: 0.5, score: 2, exclusive: true, nonSubstantive: false })).toBe(true);
    for (const bad of [{ code: -1, label: 'x' }, { code: 10000, label: 'x' }, { code: 1.5, label: 'x' }, { code: 1, label: '' }, { code: 1, label: 'x', extra: 1 }]) expect(ok(Option, bad)).toBe(false);
  });
  it('a net needs at least one whole-number code; a grid row an id and a label', () => {
    expect(Net.parse({ id: 'top', label: 'l', codes: [1] })).toEqual({ id: 'top', label: 'l', codes: [1] });
    expect(ok(Net, { id: 'top', label: 'l', codes: [] })).toBe(false);
    expect(GridRow.parse({ id: 'r', label: 'l' })).toEqual({ id: 'r', label: 'l' });
    expect(ok(GridRow, { id: 'r', label: 'l', universe: 'a__b' })).toBe(false);
  });
});

describe('Question', () => {
  it('every type gets the shared defaults, and its own', () => {
    const shared = { universe: 'all', publication: 'public', optional: false, reconstructed: false, notes: [] };
    const q = (type: string, extra: Record<string, unknown> = {}) => Question.parse({ id: 'q', text: 't', label: 'l', type, ...extra });
    expect(q('single', { options: opts(1) })).toEqual({ id: 'q', text: 't', label: 'l', type: 'single', options: opts(1), nets: [], ...shared });
    expect(q('ordinal', { options: opts(1, 2) })).toEqual({ id: 'q', text: 't', label: 'l', type: 'ordinal', options: opts(1, 2), nets: [], neutral: [], ...shared });
    expect(q('multi', { options: opts(1) })).toEqual({ id: 'q', text: 't', label: 'l', type: 'multi', options: opts(1), nets: [], ...shared });
    expect(q('banded', { unit: '人', options: opts(1) })).toEqual({ id: 'q', text: 't', label: 'l', type: 'banded', unit: '人', options: opts(1), nets: [], ...shared });
    expect(q('numeric', { unit: '人' })).toEqual({ id: 'q', text: 't', label: 'l', type: 'numeric', unit: '人', integer: false, ...shared });
    expect(q('grid', { rows: [{ id: 'r', label: 'l' }], options: opts(1) })).toEqual({ id: 'q', text: 't', label: 'l', type: 'grid', rows: [{ id: 'r', label: 'l' }], options: opts(1), nets: [], ...shared });
    expect(q('text')).toEqual({ id: 'q', text: 't', label: 'l', type: 'text', ...shared, publication: 'restricted' });
  });
  it('a question may be restricted; free text cannot be made public', () => {
    const base = { id: 'q', text: 't', label: 'l' };
    expect(Question.parse({ ...base, type: 'single', options: opts(1), publication: 'restricted' })).toMatchObject({ publication: 'restricted' });
    expect(Question.parse({ ...base, type: 'single', options: opts(1), publication: 'public' })).toMatchObject({ publication: 'public' });
    expect(ok(Question, { ...base, type: 'single', options: opts(1), publication: 'secret' })).toBe(false);
    expect(ok(Question, { ...base, type: 'text', publication: 'public' })).toBe(false);
    expect(Question.parse({ ...base, type: 'text', publication: 'restricted' })).toMatchObject({ publication: 'restricted' });
  });
  it('an ordinal scale needs two options, every other coded type one; unknown types are refused', () => {
    const base = { id: 'q', text: 't', label: 'l' };
    expect(ok(Question, { ...base, type: 'ordinal', options: opts(1) })).toBe(false);
    for (const type of ['single', 'multi']) expect(ok(Question, { ...base, type, options: [] })).toBe(false);
    expect(ok(Question, { ...base, type: 'grid', rows: [], options: opts(1) })).toBe(false);
    expect(ok(Question, { ...base, type: 'multi', options: opts(1), maxChoices: 0 })).toBe(false);
    expect(ok(Question, { ...base, type: 'open', options: opts(1) })).toBe(false);
    expect(ok(Question, { ...base, type: 'single', options: opts(1), notes: ['x'.repeat(TEXT_MAX_LENGTH + 1)] })).toBe(false);
    expect(Question.parse({ ...base, type: 'single', options: opts(1), notes: ['a note', 'x'.repeat(TEXT_MAX_LENGTH)], source: 'p.3' })).toMatchObject({ notes: ['a note', 'x'.repeat(TEXT_MAX_LENGTH)], source: 'p.3' });
  });
});

describe('derived variables, universes, chapters, crosswalks, headlines', () => {
  it('a derived variable: rules with a filter; universe and publication left for readCodebook', () => {
    const d = Derived.parse({ id: 'd', label: 'l', options: opts(1), rules: [{ code: 1, when: { q: 'a', in: [1] } }] });
    expect(d).toEqual({ id: 'd', label: 'l', options: opts(1), rules: [{ code: 1, when: { q: 'a', in: [1] } }] });
    expect(Derived.parse({ ...d, publication: 'restricted' }).publication).toBe('restricted');
    expect(Derived.parse({ ...d, publication: 'public' }).publication).toBe('public');
    expect(ok(Derived, { ...d, publication: 'open' })).toBe(false);
    expect(ok(Derived, { ...d, rules: [] })).toBe(false);
    expect(Derived.parse({ ...d, text: 'how it is built' }).text).toBe('how it is built');
    expect(ok(Derived, { ...d, text: 'x'.repeat(TEXT_MAX_LENGTH + 1) })).toBe(false);
  });
  it('a universe needs a filter; a chapter defaults to the universe all', () => {
    expect(Universe.parse({ id: 'u', label: 'l', filter: { universe: 'v' } })).toEqual({ id: 'u', label: 'l', filter: { universe: 'v' } });
    expect(ok(Universe, { id: 'u', label: 'l' })).toBe(false);
    expect(Universe.parse({ id: 'u', label: 'l', description: 'who', filter: { universe: 'v' } }).description).toBe('who');
    expect(ok(Universe, { id: 'u', label: 'l', description: 'x'.repeat(TEXT_MAX_LENGTH + 1), filter: { universe: 'v' } })).toBe(false);
    expect(Chapter.parse({ id: 'c', title: 't' })).toEqual({ id: 'c', title: 't', universe: 'all' });
  });
  it('a crosswalk names a wave; it lists renames, recodes and breaks only (same ids link by default)', () => {
    const c = { wave: '2024', questions: [{ question: 'q', previous: 'p', options: { '1': 2 } }], breaks: ['r'] };
    expect(Crosswalk.parse(c)).toEqual(c);
    expect(Crosswalk.parse({ wave: '2024' })).toEqual({ wave: '2024', questions: [], breaks: [] });
    expect(ok(Crosswalk, { wave: '2024', breaks: 'r' })).toBe(false);
    expect(messages(Crosswalk, { wave: '../2024', questions: [{ question: 'q' }] })).toEqual(['expected a wave id such as 2025']);
  });
  it('a headline shows a percent unless told otherwise, and knows each kind', () => {
    expect(Headline.parse({ q: 'q', label: 'l' })).toEqual({ q: 'q', label: 'l', kind: 'percent' });
    for (const kind of ['percent', 'count', 'mean', 'median', 'base']) expect(Headline.parse({ q: 'q', label: 'l', kind }).kind).toBe(kind);
    expect(ok(Headline, { q: 'q', label: 'l', kind: 'share' })).toBe(false);
    expect(ok(Headline, { q: '', label: 'l' })).toBe(false);
    expect(ok(Headline, { q: 'q', label: 'l', digits: 4 })).toBe(false);
    expect(ok(Headline, { q: 'q', label: 'l', digits: -1 })).toBe(false);
    for (const digits of [0, 1, 3]) expect(Headline.parse({ q: 'q', label: 'l', digits }).digits).toBe(digits);
  });
});

describe('the cube and its perturbation table', () => {
  it('defaults D = 2, V = 1, js = 2, whether the table or the whole cube spec is left out', () => {
    expect(Perturbation.parse({})).toEqual({ D: 2, V: 1, js: 2 });
    expect(CubeSpec.parse({})).toEqual({ perturbation: { D: 2, V: 1, js: 2 } });
    expect(CubeSpec.parse({ filters: ['a'] })).toEqual({ filters: ['a'], perturbation: { D: 2, V: 1, js: 2 } });
  });
  it('D must be at least js', () => {
    expect(Perturbation.parse({ D: 3, js: 3 })).toEqual({ D: 3, V: 1, js: 3 });
    expect(Perturbation.parse({ V: 0.5 })).toEqual({ D: 2, V: 0.5, js: 2 });
    expect(ok(Perturbation, { V: 11 })).toBe(false);
    expect(messages(Perturbation, { D: 1, js: 2 })).toEqual(['D must be at least js (a count of 1 must be able to move above js)']);
  });
});

describe('Codebook', () => {
  it('a survey and one question are enough: the lists and the cube get their defaults', () => {
    const cb = Codebook.parse({ survey: survey(), questions: [{ id: 'q', text: 't', label: 'l', type: 'single', options: opts(1) }] });
    expect(cb.derived).toEqual([]);
    expect(cb.universes).toEqual([]);
    expect(cb.chapters).toEqual([]);
    expect(cb.headlines).toEqual([]);
    expect(cb.crosswalk).toBeUndefined();
    expect(cb.cube).toEqual({ perturbation: { D: 2, V: 1, js: 2 } });
    expect(cb.checklist).toEqual([]);
    expect(ok(Codebook, { survey: survey(), questions: [] })).toBe(false);
  });
  it('keeps the checklist of a new wave: an item in words (1 to 2,000 characters), the earlier value, done or not', () => {
    const base = { survey: survey(), questions: [{ id: 'q', text: 't', label: 'l', type: 'single', options: opts(1) }] };
    const item = { item: 'survey.title を今年の調査名に', previous: 'T 2024', done: false };
    expect(Codebook.parse({ ...base, checklist: [item] }).checklist).toEqual([item]);
    expect(ok(Codebook, { ...base, checklist: [{ ...item, item: 'x'.repeat(2000) }] })).toBe(true);
    expect(ok(Codebook, { ...base, checklist: [{ ...item, item: 'x'.repeat(2001) }] })).toBe(false);
    expect(ok(Codebook, { ...base, checklist: [{ ...item, item: '' }] })).toBe(false);
    expect(ok(Codebook, { ...base, checklist: [{ item: 'x' }] })).toBe(false);
    expect(ok(Codebook, { ...base, checklist: [{ ...item, note: 'x' }] })).toBe(false);
  });
});

describe('Survey.variance', () => {
  it('is design or kish, or left out', () => {
    expect(Survey.parse(survey({ weightColumn: 'w', variance: 'design' })).variance).toBe('design');
    expect(Survey.parse(survey({ weightColumn: 'w', variance: 'kish' })).variance).toBe('kish');
    expect(Survey.parse(survey({ weightColumn: 'w' })).variance).toBeUndefined();
    expect(ok(Survey, survey({ weightColumn: 'w', variance: 'taylor' }))).toBe(false);
    expect(ok(Survey, survey({ weightColumn: 'w', variance: '' }))).toBe(false);
  });
});
