/**
 * schema-errors.ts: every zod issue kind becomes one plain-words problem (path, rule, value,
 * message, expectation), field-name hints and the value and path formats editors read.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { closestField, entryName, fieldNames, formatPath, issueProblems, showValue } from '../../../src/lib/dataset/schema-errors.ts';
import type { PathProblem } from '../../../src/lib/dataset/schema-errors.ts';
import { Filter, Question } from '../../../src/lib/dataset/codebook.ts';

const line = (p: PathProblem) => `${formatPath(p.path) || '(top level)'} [${p.rule}]${p.suggestion ? ` (${p.suggestion}?)` : ''}: ${p.value !== undefined ? `"${p.value}" ` : ''}${p.message}${p.expected !== undefined ? ` (expected ${p.expected})` : ''}`;

/** The problems `schema` reports for `data`, as lines. */
function problems(schema: z.ZodType, data: unknown, known?: Set<string>): string[] {
  const parsed = schema.safeParse(data, { reportInput: true });
  expect(parsed.success).toBe(false);
  return parsed.success ? [] : parsed.error.issues.flatMap((issue) => issueProblems(issue, known)).map(line);
}

describe('showValue', () => {
  it('shows values as written: text verbatim, dates as days, other values as JSON cut at 80 characters', () => {
    expect(showValue('a "b"')).toBe('a "b"');
    expect(showValue(undefined)).toBe('');
    expect(showValue(new Date('2025-01-31T12:00:00Z'))).toBe('2025-01-31');
    expect(showValue(12)).toBe('12');
    expect(showValue(null)).toBe('null');
    expect(showValue({ a: [1, 2] })).toBe('{"a":[1,2]}');
    const exactly80 = ['x'.repeat(76)]; // ["xxx…"] is 80 characters
    expect(showValue(exactly80)).toBe(JSON.stringify(exactly80));
    const longer = ['x'.repeat(77)];
    expect(showValue(longer)).toBe(`["${'x'.repeat(75)}…`);
  });
});

describe('formatPath', () => {
  it('writes names with dots and indices in brackets, from the top level', () => {
    expect(formatPath([])).toBe('');
    expect(formatPath([2, 'q'])).toBe('[2].q');
    expect(formatPath(['survey', 'fieldwork', 'end'])).toBe('survey.fieldwork.end');
    expect(formatPath(['a', 0, 1, 'b'])).toBe('a[0][1].b');
  });
});

describe('closestField', () => {
  it('ignores case, underscores and hyphens', () => {
    expect(closestField('WEIGHT-column', ['weightColumn', 'idColumn'])).toBe('weightColumn');
  });
  it('allows at most two edits, and at most one per three letters of the known name', () => {
    expect(closestField('lable', ['label'])).toBe('label'); // a swap is one edit
    expect(closestField('lbl', ['label'])).toBeUndefined(); // two edits, but a five-letter name allows one
    expect(closestField('univrs', ['universe'])).toBe('universe'); // two edits, eight letters
    expect(closestField('unvrs', ['universe'])).toBeUndefined(); // three edits
    expect(closestField('ab', ['abc'])).toBe('abc');
    expect(closestField('ab', ['ab'])).toBe('ab');
    expect(closestField('xy', ['ab'])).toBeUndefined();
  });
  it('prefers the nearest name, the first among equals', () => {
    expect(closestField('optons', ['option', 'options'])).toBe('options');
    expect(closestField('optios', ['option', 'options'])).toBe('option');
    expect(closestField('codes', ['code', 'nodes'])).toBe('code');
  });
  it('skips names whose length differs by more than two', () => {
    expect(closestField('maxchoicesss', ['maxChoices'])).toBe('maxChoices');
    expect(closestField('maxchoicessss', ['maxChoices'])).toBeUndefined();
  });
});

describe('fieldNames', () => {
  it('collects the fields of objects inside every wrapper zod has', () => {
    const Node: z.ZodType<unknown> = z.lazy(() => z.object({ child: Node.optional(), inLazy: z.string() }));
    const schema = z.object({
      a: z.string().optional(),
      b: z.array(z.object({ inArray: z.number() })),
      c: z.record(z.string(), z.object({ inRecord: z.number() })),
      d: Node,
      e: z.union([z.object({ inUnion1: z.number() }), z.object({ inUnion2: z.number() })]),
      f: z.preprocess((v) => v, z.object({ inPipe: z.number() })),
      g: z.object({ inNullable: z.number() }).nullable(),
      h: z.object({ inDefault: z.number() }).default({ inDefault: 1 }),
      i: z.object({ inReadonly: z.number() }).readonly(),
      j: z.object({ inCatch: z.number() }).catch({ inCatch: 1 }),
      k: z.object({ inPrefault: z.number() }).prefault({ inPrefault: 1 }),
      l: z.object({ inTransform: z.number() }).transform((v) => v),
      m: z.object({ inOptional: z.number() }).optional(),
    });
    expect([...fieldNames(schema)].sort()).toEqual(
      ['a', 'b', 'c', 'child', 'd', 'e', 'f', 'g', 'h', 'i', 'inArray', 'inCatch', 'inDefault', 'inLazy', 'inNullable', 'inPipe', 'inPrefault', 'inReadonly', 'inRecord', 'inOptional', 'inTransform', 'inUnion1', 'inUnion2', 'j', 'k', 'l', 'm'].sort(),
    );
  });
  it('returns what it was given for things that are not schemas', () => {
    expect([...fieldNames(undefined)]).toEqual([]);
    expect([...fieldNames({})]).toEqual([]);
    expect([...fieldNames(z.string(), new Set(['kept']))]).toEqual(['kept']);
  });
});

describe('issueProblems', () => {
  const S = z.strictObject({
    name: z.string().min(1).max(5),
    n: z.number().int().positive().max(10),
    m: z.number().min(0).lt(3).optional(),
    list: z.array(z.number()).min(2).max(3).optional(),
    one: z.array(z.number()).min(1).optional(),
    kind: z.enum(['a', 'b']).optional(),
    flag: z.boolean().optional(),
    obj: z.object({ x: z.number() }).optional(),
    id: z.string().regex(/^[a-z]+$/, { error: 'expected lower-case letters' }).optional(),
    even: z.number().multipleOf(2).optional(),
    odd: z.number().refine((v) => v % 2 === 1, { error: 'an odd number is needed' }).optional(),
  });
  const ok = { name: 'x', n: 1 };

  it('a missing field', () => {
    expect(problems(S, { n: 1 })).toEqual(['name [codebook-missing]: is missing (expected text)']);
    expect(problems(S, { name: 'x', n: 1, obj: {} })).toEqual(['obj.x [codebook-missing]: is missing (expected a number)']);
  });
  it('a value of the wrong type names both types', () => {
    expect(problems(S, { ...ok, name: ['a'] })).toEqual(['name [codebook-type]: "["a"]" is a list (expected text)']);
    expect(problems(S, { ...ok, name: { a: 1 } })).toEqual(['name [codebook-type]: "{"a":1}" is a mapping (expected text)']);
    expect(problems(S, { ...ok, name: null })).toEqual(['name [codebook-type]: "null" is an empty (expected text)']);
    expect(problems(S, { ...ok, n: 'one' })).toEqual(['n [codebook-type]: "one" is text (expected a number)']);
    expect(problems(S, { ...ok, name: 1 })).toEqual(['name [codebook-type]: "1" is a number (expected text)']);
    expect(problems(S, { ...ok, name: true })).toEqual(['name [codebook-type]: "true" is a true/false (expected text)']);
    expect(problems(S, { ...ok, flag: 'yes' })).toEqual(['flag [codebook-type]: "yes" is text (expected a true or false)']);
    expect(problems(S, { ...ok, obj: 3 })).toEqual(['obj [codebook-type]: "3" is a number (expected a mapping of fields)']);
    expect(problems(S, { ...ok, list: 7 })).toEqual(['list [codebook-type]: "7" is a number (expected a list)']);
    expect(problems(S, 'text')).toEqual(['(top level) [codebook-type]: "text" is text (expected a mapping of fields)']);
  });
  it('unknown fields, with and without a suggestion', () => {
    expect(problems(S, { ...ok, nmae: 'x', colour: 1 }, new Set(['name', 'n']))).toEqual([
      'nmae [codebook-unknown-field] (name?): is not a known field — did you mean "name"? (expected a field documented in the codebook reference)',
      'colour [codebook-unknown-field]: is not a known field (expected a field documented in the codebook reference)',
    ]);
    expect(problems(S, { ...ok, nmae: 'x' })).toEqual(['nmae [codebook-unknown-field]: is not a known field (expected a field documented in the codebook reference)']);
    // A field that exists elsewhere in the schema, but not here, is not suggested as itself.
    expect(problems(S, { ...ok, label: 'x' }, new Set(['name', 'label']))).toEqual(['label [codebook-unknown-field]: is not a known field (expected a field documented in the codebook reference)']);
  });
  it('a value outside an enum', () => {
    expect(problems(S, { ...ok, kind: 'c' })).toEqual(['kind [codebook-value]: "c" is not allowed (expected one of a, b)']);
  });
  it('too small: lists, text, numbers (inclusive or not)', () => {
    expect(problems(S, { ...ok, list: [1] })).toEqual(['list [codebook-too-few]: is an empty list (expected at least 2 entries)']);
    expect(problems(S, { ...ok, one: [] })).toEqual(['one [codebook-too-few]: is an empty list (expected at least 1 entry)']);
    expect(problems(S, { ...ok, name: '' })).toEqual(['name [codebook-empty]: is empty (expected some text)']);
    expect(problems(S, { ...ok, n: 0 })).toEqual(['n [codebook-range]: "0" is too small (expected a number > 0)']);
    expect(problems(S, { ...ok, m: -1 })).toEqual(['m [codebook-range]: "-1" is too small (expected a number ≥ 0)']);
  });
  it('too big: long text with its length, lists, numbers (inclusive or not)', () => {
    expect(problems(S, { ...ok, name: 'abcdef' })).toEqual(['name [codebook-too-long]: "abcdef" is too long (6 characters) (expected at most 5 characters)']);
    expect(problems(z.string().max(1000), 'x'.repeat(1234)).map((l) => l.replace(/"x+"/, '"…"'))).toEqual(['(top level) [codebook-too-long]: "…" is too long (1,234 characters) (expected at most 1,000 characters)']);
    expect(problems(S, { ...ok, list: [1, 2, 3, 4] })).toEqual(['list [codebook-range]: "[1,2,3,4]" is too large (expected at most 3)']);
    expect(problems(S, { ...ok, n: 11 })).toEqual(['n [codebook-range]: "11" is too large (expected a number ≤ 10)']);
    expect(problems(S, { ...ok, m: 3 })).toEqual(['m [codebook-range]: "3" is too large (expected a number < 3)']);
  });
  it('a string of the wrong form, a refinement, any other issue', () => {
    expect(problems(S, { ...ok, id: 'A1' })).toEqual(['id [codebook-format]: "A1" has the wrong form (expected lower-case letters)']);
    expect(problems(S, { ...ok, odd: 2 })).toEqual(['odd [codebook-invalid]: "2" is not allowed: an odd number is needed']);
    expect(problems(S, { ...ok, even: 3 })).toEqual(['even [codebook-invalid]: "3" is not valid (expected Invalid number: must be a multiple of 2)']);
    // A schema's own message loses a leading "expected " only (it is added back around it).
    expect(problems(z.number().multipleOf(2, { error: 'expected an even number' }), 3)).toEqual(['(top level) [codebook-invalid]: "3" is not valid (expected an even number)']);
    expect(problems(z.number().multipleOf(2, { error: 'an even number, as expected here' }), 3)).toEqual(['(top level) [codebook-invalid]: "3" is not valid (expected an even number, as expected here)']);
  });
  it('a question type that is missing or unknown; a filter of no known form', () => {
    expect(problems(Question, { id: 'q', text: 't', label: 'l' })).toEqual(['type [codebook-missing]: is missing (expected one of single, ordinal, multi, banded, numeric, grid, text)']);
    expect(problems(Question, { id: 'q', text: 't', label: 'l', type: 'matrix' })).toEqual(['type [codebook-value]: "matrix" is not a known type (expected one of single, ordinal, multi, banded, numeric, grid, text)']);
    expect(problems(z.object({ qs: z.array(Question) }), { qs: [{ type: 'matrix' }] })).toEqual(['qs[0].type [codebook-value]: "matrix" is not a known type (expected one of single, ordinal, multi, banded, numeric, grid, text)']);
    expect(problems(Question, 'single')).toEqual(['(top level) [codebook-type]: "single" is text (expected a mapping of fields)']);
    expect(problems(Filter, { q: 'a', is: 1 })).toEqual([
      '(top level) [codebook-filter]: "{"q":"a","is":1}" is not a valid filter (expected one of {all: [...]}, {any: [...]}, {not: ...}, {universe: id}, {q: id, in: [codes]}, {q: id, includesAny: [codes]}, {q: id, includesAll: [codes]}, {q: id, range: {min, max}}, {q: id, answered: true|false})',
    ]);
  });
});

describe('entryName', () => {
  const data = {
    questions: [{ id: 'sector' }, { id: 42 }, { label: 'no id' }],
    derived: [{ id: 'size' }],
    universes: [{ id: 'doing_cs' }],
    chapters: [{ id: 'overview' }],
    headlines: [{ q: 'cs_team', option: 1 }],
    crosswalk: { wave: '2024', questions: [{ question: 'cs_effect', previous: 'cs_effect_old' }] },
    survey: { id: 'sample' },
  };
  it('names the entry a path lies in by its id, a headline by its q, a crosswalk link by its question', () => {
    expect(entryName(data, ['questions', 0, 'options', 2, 'code'])).toBe('sector');
    expect(entryName(data, ['questions', 0])).toBe('sector');
    expect(entryName(data, ['derived', 0, 'rules', 1, 'when', 'q'])).toBe('size');
    expect(entryName(data, ['universes', 0, 'filter'])).toBe('doing_cs');
    expect(entryName(data, ['chapters', 0, 'universe'])).toBe('overview');
    expect(entryName(data, ['headlines', 0, 'option'])).toBe('cs_team');
    expect(entryName(data, ['crosswalk', 'questions', 0, 'options', '5'])).toBe('cs_effect');
  });
  it('gives nothing for the name itself, an entry without a text name, another list or a path outside the data', () => {
    expect(entryName(data, ['questions', 0, 'id'])).toBeUndefined();
    expect(entryName(data, ['crosswalk', 'questions', 0, 'question'])).toBeUndefined();
    expect(entryName(data, ['questions', 1, 'label'])).toBeUndefined();
    expect(entryName(data, ['questions', 2, 'label'])).toBeUndefined();
    expect(entryName(data, ['questions', 9, 'label'])).toBeUndefined();
    expect(entryName(data, ['survey', 'id'])).toBeUndefined();
    expect(entryName(data, ['crosswalk', 'wave'])).toBeUndefined();
    expect(entryName({ questions: 'text' }, ['questions', 0, 'label'])).toBeUndefined();
    expect(entryName(null, ['questions', 0, 'label'])).toBeUndefined();
  });
});
