/**
 * Crosswalk entries may name a question or one grid row (`grid__row`), in this wave and the
 * earlier one; anything else is reported where it stands.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Codebook } from '../../../src/lib/dataset/codebook.ts';
import { validateCodebook } from '../../../src/lib/dataset/validate-codebook.ts';
import { checkAcrossWaves, crosswalkQuestion } from '../../../src/lib/dataset/crosswalk.ts';
import type { WaveCodebook } from '../../../src/lib/dataset/crosswalk.ts';
import { readCodebook } from '../../../src/lib/dataset/codebook-read.ts';
import { formatProblems } from '../../../src/lib/dataset/problem.ts';

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

describe('checkAcrossWaves', () => {
  /** A small codebook text for survey s, wave `wave`, with these extra lines. */
  const text = (survey: string, wave: string, extra = '') =>
    [
      'survey:',
      `  id: ${survey}`,
      `  wave: "${wave}"`,
      '  title: T',
      '  publisher: P',
      '  fieldwork: { start: 2025-01-10, end: 2025-01-31 }',
      '  method: M',
      '  population: P',
      '  n: 10',
      '  citation: C',
      '  licence: L',
      'questions:',
      '  - { id: team, text: t, label: l, type: single, options: [{ code: 1, label: a }, { code: 2, label: b }] }',
      '  - { id: staff, text: t, label: l, type: numeric, unit: 人 }',
      '  - { id: grid, text: t, label: l, type: grid, rows: [{ id: r1, label: l }], options: [{ code: 1, label: a }, { code: 3, label: c }] }',
      extra,
    ].join('\n');
  /** The wave in folder `survey/folder`, read from `yaml`. */
  const wave = (survey: string, folder: string, yaml: string): WaveCodebook => {
    const file = `${survey}/${folder}/codebook.yaml`;
    const r = readCodebook(yaml, file);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return { file, text: yaml, survey, wave: folder, codebook: r.value };
  };

  it('a wave whose survey id or wave differs from its folders, located', () => {
    expect(formatProblems(checkAcrossWaves([wave('s', '2024', text('s', '2024')), wave('x', '2025', text('s', '2026'))]), 'en')).toEqual([
      'x/2025/codebook.yaml line 2, survey.id: "s" differs from the survey folder name (expected x)',
      'x/2025/codebook.yaml line 3, survey.wave: "2026" differs from the wave folder name (expected 2025)',
    ]);
  });
  it('a crosswalk to a wave that does not exist names the waves that do, or the folder it needs', () => {
    const to = (target: string) => `crosswalk:\n  wave: "${target}"\n  questions:\n    - { question: team }`;
    expect(formatProblems(checkAcrossWaves([wave('s', '2023', text('s', '2023')), wave('s', '2024', text('s', '2024')), wave('s', '2025', text('s', '2025', to('2022'))), wave('o', '2022', text('o', '2022'))]), 'en')).toEqual([
      's/2025/codebook.yaml line 17, crosswalk.wave: "2022" is not a wave of survey s (expected one of 2023, 2024)',
    ]);
    expect(formatProblems(checkAcrossWaves([wave('s', '2025', text('s', '2025', to('2024')))]), 'en')).toEqual([
      's/2025/codebook.yaml line 17, crosswalk.wave: "2024" is not a wave of survey s (expected a folder s/2024/ beside this wave)',
    ]);
  });
  it('crosswalk targets: missing questions (by question or by previous), unknown option codes, grid rows, options of a numeric question', () => {
    const extra = [
      '  - { id: nowhere, text: t, label: l, type: single, options: [{ code: 1, label: a }] }',
      'crosswalk:',
      '  wave: "2024"',
      '  questions:',
      '    - { question: team, options: { "1": 2, "2": 5 } }',
      '    - { question: grid__r1, options: { "1": 3 } }',
      '    - { question: staff, previous: gone }',
      '    - { question: nowhere }',
      '    - { question: team, previous: staff, options: { "1": 1 } }',
      '    - { question: grid__r1, previous: grid__r2 }',
      '    - { question: grid__r1, previous: team }',
    ].join('\n');
    expect(formatProblems(checkAcrossWaves([wave('s', '2024', text('s', '2024')), wave('s', '2025', text('s', '2025', extra))]), 'en')).toEqual([
      's/2025/codebook.yaml line 20, crosswalk.questions[0] (question: team).options.2: "5" is not an option of team in wave 2024 (expected one of 1, 2)',
      's/2025/codebook.yaml line 22, crosswalk.questions[2] (question: staff).previous: "gone" is not a question of wave 2024 (expected a question id of s/2024/codebook.yaml)',
      's/2025/codebook.yaml line 23, crosswalk.questions[3].question: "nowhere" is not a question of wave 2024 (expected a question id of s/2024/codebook.yaml)',
      's/2025/codebook.yaml line 24, crosswalk.questions[4] (question: team).options.1: "1" is not an option of staff in wave 2024 (expected no option mapping)',
      's/2025/codebook.yaml line 25, crosswalk.questions[5] (question: grid__r1).previous: "grid__r2" is not a question of wave 2024 — did you mean "grid__r1"? (expected a question id of s/2024/codebook.yaml)',
    ]);
    const rules = checkAcrossWaves([wave('s', '2024', text('s', '2024')), wave('s', '2025', text('s', '2025', extra))]).map((p) => p.rule);
    expect(rules).toEqual(Array(5).fill('crosswalk-target'));
  });
  it('the rules of folder mismatches and of a missing crosswalk wave', () => {
    const crosswalk = 'crosswalk:\n  wave: "2020"\n  questions:\n    - { question: team }';
    const found = checkAcrossWaves([wave('x', '2025', text('s', '2026', crosswalk))]).map((p) => [p.column, p.rule]);
    expect(found).toEqual([
      ['survey.id', 'wave-folder'],
      ['survey.wave', 'wave-folder'],
      ['crosswalk.wave', 'crosswalk-target'],
    ]);
  });
});
