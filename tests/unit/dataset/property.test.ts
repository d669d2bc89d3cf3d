/**
 * Whatever bytes arrive, the loader answers with a dataset or a list of problems: it never
 * throws, and every problem names its file and rule and formats to one line.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { loadWave } from '../../../src/lib/dataset/load.ts';
import { formatProblems } from '../../../src/lib/dataset/problem.ts';
import type { Result, Wave } from '../../../src/lib/dataset/types.ts';

const root = 'tests/fixtures/dataset/valid/sample';
const codebookText = readFileSync(`${root}/2025/codebook.yaml`, 'utf8');
const responses = readFileSync(`${root}/2025/responses.csv`, 'utf8');
const tablesCodebook = readFileSync(`${root}/2024/codebook.yaml`, 'utf8');
const tables = readFileSync(`${root}/2024/tables.csv`, 'utf8');
const encoder = new TextEncoder();

function wellFormed(result: Result<Wave>): boolean {
  if (result.ok) return result.value.dataset !== undefined || result.value.tables !== undefined;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(typeof p.file).toBe('string');
    expect(p.rule).toMatch(/^[a-z-]+$/);
  }
  expect(formatProblems(result.problems, 'en').length).toBeGreaterThan(0);
  return true;
}

const loadResponses = (bytes: Uint8Array, codebook = codebookText) =>
  loadWave({ codebookPath: 'w/codebook.yaml', codebookText: codebook, responsesPath: 'w/responses.csv', responsesBytes: bytes });

/** One edit of a text: insert, delete, replace or duplicate a stretch, with CSV-significant characters favoured. */
const mutation = fc.record({
  at: fc.nat(),
  length: fc.nat({ max: 40 }),
  kind: fc.constantFrom('insert', 'delete', 'replace', 'duplicate'),
  text: fc.oneof(fc.constantFrom(',', '"', '\n', '\r\n', '\r', '', '0', '1', '9', '-1', ' ', 'あ', '\uFEFF', ',,,,', '"a,b"'), fc.string({ maxLength: 8 })),
});

function mutate(text: string, edits: { at: number; length: number; kind: string; text: string }[]): string {
  for (const e of edits) {
    const at = text.length === 0 ? 0 : e.at % (text.length + 1);
    const end = Math.min(text.length, at + e.length);
    if (e.kind === 'insert') text = text.slice(0, at) + e.text + text.slice(at);
    else if (e.kind === 'delete') text = text.slice(0, at) + text.slice(end);
    else if (e.kind === 'replace') text = text.slice(0, at) + e.text + text.slice(end);
    else text = text.slice(0, end) + text.slice(at, end) + text.slice(end);
  }
  return text;
}

describe('loader robustness (fast-check)', () => {
  it('arbitrary bytes as responses.csv never crash the loader', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => wellFormed(loadResponses(bytes))), { numRuns: 300 });
  });
  it('arbitrary mutations of a valid responses.csv never crash the loader', () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (edits) => wellFormed(loadResponses(encoder.encode(mutate(responses, edits))))), { numRuns: 400 });
  });
  it('arbitrary mutations of a valid codebook.yaml never crash the loader', () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (edits) => wellFormed(loadResponses(encoder.encode(responses), mutate(codebookText, edits)))), { numRuns: 300 });
  });
  it('arbitrary mutations of a valid tables.csv never crash the loader', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (edits) =>
        wellFormed(loadWave({ codebookPath: 'p/codebook.yaml', codebookText: tablesCodebook, tablesPath: 'p/tables.csv', tablesBytes: encoder.encode(mutate(tables, edits)) })),
      ),
      { numRuns: 300 },
    );
  });
});
