/**
 * Crosswalk entries may name a question or one grid row (`grid__row`), in this wave and the
 * earlier one; anything else is reported where it stands.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Codebook } from '../../../src/lib/dataset/codebook.ts';
import { validateCodebook } from '../../../src/lib/dataset/validate-codebook.ts';
import { crosswalkQuestion } from '../../../src/lib/dataset/crosswalk.ts';

const input = parse(readFileSync('tests/fixtures/dataset/valid/sample/2025/codebook.yaml', 'utf8'));
const withEntries = (entries: object[]) =>
  Codebook.parse({ ...input, crosswalk: { ...input.crosswalk, questions: [...input.crosswalk.questions, ...entries] } });
const crosswalkProblems = (cb: Codebook) => validateCodebook(cb).filter((p) => p.path[0] === 'crosswalk');

describe('crosswalk references', () => {
  it('crosswalkQuestion(questions, "grid__row") resolves to the grid', () => {
    const cb = Codebook.parse(input);
    const questions = new Map(cb.questions.map((q) => [q.id, q]));
    expect(crosswalkQuestion(questions, 'cs_effect')?.id).toBe('cs_effect');
    expect(crosswalkQuestion(questions, 'measures__onboarding')?.type).toBe('grid');
    expect(crosswalkQuestion(questions, 'measures__nope')).toBeUndefined();
    expect(crosswalkQuestion(questions, 'cs_effect__1')).toBeUndefined();
    expect(crosswalkQuestion(questions, 'measures__onboarding__x')).toBeUndefined();
  });

  it('accepts a grid row and checks its option mapping against the grid scale', () => {
    expect(crosswalkProblems(withEntries([{ question: 'measures__health', options: { '1': 1, '2': 2 } }]))).toEqual([]);
    const bad = crosswalkProblems(withEntries([{ question: 'measures__health', options: { '7': 1 } }]));
    expect(bad.map((p) => [p.path.join('.'), p.value, p.message])).toEqual([
      [`crosswalk.questions.${input.crosswalk.questions.length}.options.7`, '7', 'is not an option code of measures'],
    ]);
  });

  it('reports an unknown row as an unknown question', () => {
    const bad = crosswalkProblems(withEntries([{ question: 'measures__nope' }]));
    expect(bad.map((p) => [p.rule, p.value, p.expected])).toEqual([
      ['unknown-question', 'measures__nope', 'a question id (or grid row grid__row) of this codebook'],
    ]);
  });
});
