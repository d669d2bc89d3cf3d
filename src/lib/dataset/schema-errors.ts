/**
 * The one place where zod issues become editor-facing problems: what is wrong, the value found
 * and what was expected, in plain words (never raw zod output).
 */
import type { z } from 'zod';

export type Path = (string | number)[];

export interface PathProblem {
  path: Path;
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

/** Friendly problems for one zod issue (unrecognized keys give one problem per key). */
export function issueProblems(issue: z.core.$ZodIssue): PathProblem[] {
  const path = issue.path as Path;
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED_NAMES[issue.expected] ?? issue.expected;
      if (input === undefined) return [{ path, rule: 'codebook-missing', message: 'is missing', expected: article(expected) }];
      return [{ path, rule: 'codebook-type', value: showValue(input), message: `is ${article(typeName(input))}`, expected: article(expected) }];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], rule: 'codebook-unknown-field', message: 'is not a known field', expected: 'a field documented in the codebook reference (check the spelling)' }));
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
      return [{ path, rule: 'codebook-range', value: showValue(input), message: 'is too large', expected: issue.origin === 'array' || issue.origin === 'string' ? `at most ${issue.maximum}` : `a number ${issue.inclusive ? '≤' : '<'} ${issue.maximum}` }];
    case 'invalid_format':
      return [{ path, rule: 'codebook-format', value: showValue(input), message: 'has the wrong form', expected: issue.message.replace(/^expected /, '') }];
    case 'custom':
      return [{ path, rule: 'codebook-invalid', value: showValue(input), message: `is not allowed: ${issue.message}` }];
    default:
      return [{ path, rule: 'codebook-invalid', value: showValue(input), message: 'is not valid', expected: issue.message.replace(/^expected /, '') }];
  }
}
