/**
 * readCodebook when the YAML library itself fails: a parser stack overflow (too deep for the
 * parser: reported with the depth limit; a test runner with a larger stack never reaches it on
 * real input, see README "Mutation testing") and a document that cannot be turned into data.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Document } from 'yaml';
import { readCodebook } from '../../../src/lib/dataset/codebook-read.ts';

const hook = vi.hoisted(() => ({ errors: [] as { at: number; message: string }[] }));
vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof import('yaml')>();
  return {
    ...yaml,
    parseDocument: (...args: Parameters<typeof yaml.parseDocument>) => {
      const doc = yaml.parseDocument(...args);
      for (const { at, message } of hook.errors) doc.errors.push(new yaml.YAMLParseError([at, at + 1], 'UNEXPECTED_TOKEN', message));
      return doc;
    },
  };
});

afterEach(() => {
  hook.errors = [];
  vi.restoreAllMocks();
});

describe('readCodebook when the YAML parser fails', () => {
  it('a stack overflow in the parser is reported as nesting too deep, on its line', () => {
    hook.errors = [{ at: 5, message: 'Maximum call stack size exceeded' }];
    expect(readCodebook('a: 1\nb: [[[[1]]]]\n', 'c.yaml')).toEqual({
      ok: false,
      problems: [
        {
          file: 'c.yaml',
          line: 2,
          rule: 'yaml-syntax',
          message: 'is nested too deeply to read (more than 64 levels of lists and mappings are refused anyway)',
          expected: 'YAML as in the codebook reference (indent with spaces, quote text containing ": " or "#")',
        },
      ],
      warnings: [],
    });
  });
  it('a document the library cannot turn into data is reported with its message', () => {
    vi.spyOn(Document.prototype, 'toJS').mockImplementation(() => {
      throw new Error('Excessive alias count indicates a resource exhaustion attack');
    });
    expect(readCodebook('a: 1\n', 'c.yaml')).toEqual({
      ok: false,
      problems: [{ file: 'c.yaml', rule: 'yaml-syntax', message: 'cannot be read: Excessive alias count indicates a resource exhaustion attack', expected: 'plain YAML without alias (*name) chains' }],
      warnings: [],
    });
  });
});
