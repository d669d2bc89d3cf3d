/**
 * The one place where zod issues become editor-facing problems: what is wrong, the value found
 * and what was expected, in plain words (never raw zod output).
 */
import type { z } from 'zod';

export type Path = (string | number)[];

export interface PathProblem {
  path: Path;
  /** Unknown fields: the known field it was probably meant to be. */
  suggestion?: string;
  rule: string;
  message: string;
  value?: string;
  expected?: string;
}

const FILTER_FORMS =
  'one of {all: [...]}, {any: [...]}, {not: ...}, {universe: id}, {q: id, in: [codes]}, {q: id, includesAny: [codes]}, {q: id, includesAll: [codes]}, {q: id, range: {min, max}}, {q: id, answered: true|false}';

/** A found value as the editor wrote it (scalars verbatim, objects as compact JSON). */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}…` : json;
}

/** "questions[3].options[1].code" from ['questions', 3, 'options', 1, 'code']. */
export function formatPath(path: Path): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out;
}

/** Codebook lists whose entries have a name, and the field holding it (a headline is named by the question it quotes). */
export const ENTRY_NAME_FIELDS: Readonly<Record<string, string>> = { questions: 'id', derived: 'id', universes: 'id', chapters: 'id', headlines: 'q', 'crosswalk.questions': 'question' };

/**
 * The name of the codebook entry a path lies in — the id of `questions[30]` for
 * `questions[30].options[2].code`, a headline's `q` — read from `data` (the codebook as parsed),
 * or undefined when the entry has none (or the path is the name itself: its value shows it).
 */
export function entryName(data: unknown, path: Path): string | undefined {
  const at = path[0] === 'crosswalk' && path[1] === 'questions' ? 2 : 1;
  const field = ENTRY_NAME_FIELDS[path.slice(0, at).join('.')];
  if (field === undefined || typeof path[at] !== 'number' || (path.length === at + 2 && path[at + 1] === field)) return undefined;
  let node: unknown = data;
  for (const key of [...path.slice(0, at + 1), field]) node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  return typeof node === 'string' && node !== '' ? node : undefined;
}

const article = (word: string) => (word === 'text' ? word : /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

function typeName(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'true/false' : 'text';
}

const EXPECTED_NAMES: Record<string, string> = {
  object: 'mapping of fields',
  array: 'list',
  string: 'text',
  number: 'number',
  boolean: 'true or false',
};

/** Every field name a schema accepts anywhere inside it (for "did you mean" hints). */
export function fieldNames(schema: unknown, out = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (!schema || seen.has(schema)) return out;
  seen.add(schema);
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  if (!def) return out;
  const inner = (key: string) => fieldNames(def[key], out, seen);
  switch (def.type) {
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) {
        out.add(key);
        fieldNames(value, out, seen);
      }
      break;
    case 'array':
      inner('element');
      break;
    case 'optional':
    case 'default':
    case 'nullable':
    case 'prefault':
    case 'readonly':
    case 'catch':
      inner('innerType');
      break;
    case 'union':
      for (const option of def.options as unknown[]) fieldNames(option, out, seen);
      break;
    case 'lazy':
      fieldNames((def.getter as () => unknown)(), out, seen);
      break;
    case 'pipe':
      inner('in');
      inner('out');
      break;
    case 'record':
      inner('valueType');
      break;
  }
  return out;
}

/** Edit distance counting insertions, deletions, substitutions and swaps of neighbours ("lable" → "label" is 1). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/** The known field an unknown one was probably meant to be: same letters ignoring case and `_`/`-`, or at most two edits away. */
export function closestField(key: string, known: Iterable<string>): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[_-]/g, '');
  let best: { name: string; d: number } | undefined;
  const normKey = norm(key);
  for (const name of known) {
    const same = norm(name) === normKey;
    // The distance is at least the difference in length: never build a matrix for a hopeless (or hostile, megabyte-long) key.
    if (!same && Math.abs(name.length - key.length) > 2) continue;
    const d = same ? 0 : distance(key.toLowerCase(), name.toLowerCase());
    if (d <= Math.min(2, Math.floor(name.length / 3)) && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

/** The hint added to a message naming an unknown name: ` — did you mean "cs_team"?`, or nothing without a guess. */
export function didYouMean(guess: string | undefined): string {
  return guess === undefined ? '' : ` — did you mean "${guess}"?`;
}

/** Friendly problems for one zod issue (unrecognized keys give one problem per key). `known`: field names for "did you mean". */
export function issueProblems(issue: z.core.$ZodIssue, known: Set<string> = new Set()): PathProblem[] {
  const path = issue.path as Path;
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED_NAMES[issue.expected] ?? issue.expected;
      if (input === undefined) return [{ path, rule: 'codebook-missing', message: 'is missing', expected: article(expected) }];
      return [{ path, rule: 'codebook-type', value: showValue(input), message: `is ${article(typeName(input))}`, expected: article(expected) }];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        // A field known elsewhere (`notes:` at the top level) is no misspelling of itself.
        const near = closestField(key, known);
        const guess = near !== key ? near : undefined;
        return { path: [...path, key], ...(guess ? { suggestion: guess } : {}), rule: 'codebook-unknown-field', message: `is not a known field${didYouMean(guess)}`, expected: 'a field documented in the codebook reference' };
      });
    case 'invalid_value':
      return [{ path, rule: 'codebook-value', value: showValue(input), message: 'is not allowed', expected: `one of ${issue.values.map((v) => String(v)).join(', ')}` }];
    case 'invalid_union': {
      const discriminator = (issue as { discriminator?: string; options?: unknown[] }).discriminator;
      if (discriminator) {
        const options = ((issue as { options?: unknown[] }).options ?? []).map(String).join(', ');
        const found = input && typeof input === 'object' ? (input as Record<string, unknown>)[discriminator] : undefined;
        const where = path[path.length - 1] === discriminator ? path : [...path, discriminator];
        if (found === undefined) return [{ path: where, rule: 'codebook-missing', message: 'is missing', expected: `one of ${options}` }];
        return [{ path: where, rule: 'codebook-value', value: showValue(found), message: 'is not a known type', expected: `one of ${options}` }];
      }
      return [{ path, rule: 'codebook-filter', value: showValue(input), message: 'is not a valid filter', expected: FILTER_FORMS }];
    }
    case 'too_small': {
      if (issue.origin === 'array') return [{ path, rule: 'codebook-too-few', message: 'is an empty list', expected: `at least ${issue.minimum} entr${issue.minimum === 1 ? 'y' : 'ies'}` }];
      if (issue.origin === 'string') return [{ path, rule: 'codebook-empty', message: 'is empty', expected: 'some text' }];
      return [{ path, rule: 'codebook-range', value: showValue(input), message: 'is too small', expected: `a number ${issue.inclusive ? '≥' : '>'} ${issue.minimum}` }];
    }
    case 'too_big':
      if (issue.origin === 'string' && typeof input === 'string')
        return [{ path, rule: 'codebook-too-long', value: showValue(input), message: `is too long (${input.length.toLocaleString('en')} characters)`, expected: `at most ${Number(issue.maximum).toLocaleString('en')} characters` }];
      // A string's limit is answered above (zod checks a string's length only on a string).
      return [{ path, rule: 'codebook-range', value: showValue(input), message: 'is too large', expected: issue.origin === 'array' ? `at most ${issue.maximum}` : `a number ${issue.inclusive ? '≤' : '<'} ${issue.maximum}` }];
    case 'invalid_format':
      return [{ path, rule: 'codebook-format', value: showValue(input), message: 'has the wrong form', expected: issue.message.replace(/^expected /, '') }];
    case 'custom':
      return [{ path, rule: 'codebook-invalid', value: showValue(input), message: `is not allowed: ${issue.message}` }];
    default:
      return [{ path, rule: 'codebook-invalid', value: showValue(input), message: 'is not valid', expected: issue.message.replace(/^expected /, '') }];
  }
}
