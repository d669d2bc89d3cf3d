/**
 * What validates must build: every limit of src/lib/dataset/limits.ts is enforced by validation
 * with file, line, field and the limit. The big hostile inputs are generated here, at test time
 * (the small ones are in the malformed corpus, tests/fixtures/dataset/make-fixtures.ts).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readCodebook } from '../../../src/lib/dataset/codebook-read.ts';
import { loadWave } from '../../../src/lib/dataset/load.ts';
import { formatProblems } from '../../../src/lib/dataset/problem.ts';
import { CODEBOOK_EXPANDED_MAX_CHARS, ID_MAX_LENGTH, WAVE_ID_MAX_LENGTH } from '../../../src/lib/dataset/limits.ts';
import { Id, Survey } from '../../../src/lib/dataset/codebook.ts';
import { parseState, ExploreState, defaultState } from '../../../src/lib/explore/state.ts';
import { catalogWave } from '../../../src/lib/explore/catalog.ts';
import { publicCodebook } from '../../../src/lib/publicuse/publicity.ts';

const valid = () => readFileSync('tests/fixtures/dataset/valid/sample/2025/codebook.yaml', 'utf8');
function once(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, `one "${from}"`).toBe(1);
  return text.replace(from, to);
}
const problems = (text: string) => {
  const r = readCodebook(text, 'c.yaml');
  return r.ok ? [] : formatProblems(r.problems, 'en');
};

describe('codebook size', () => {
  it('a YAML alias bomb (a 1 MB string referenced 999 times, under the alias limit) is refused at the alias that passes the limit', () => {
    const big = 'x'.repeat(1 << 20);
    const text = once(valid(), 'synthetic: true\n', `synthetic: true\n  notes:\n    - &big "${big}"\n${'    - *big\n'.repeat(999)}`);
    expect(text.length).toBeLessThan(1.1e6);
    expect(problems(text)).toEqual([
      'c.yaml line 24, survey.notes[9]: "*big" makes the codebook too large once aliases are expanded (10,486,011 characters so far) (expected at most 10,000,000 characters with every alias (*name) written out)',
    ]);
  });

  it('more aliases than the limit: the one that passes it, located', () => {
    const text = once(valid(), 'synthetic: true\n', `synthetic: true\n  notes:\n    - &n 合成\n${'    - *n\n'.repeat(1001)}`);
    expect(problems(text)).toEqual(['c.yaml line 1016, survey.notes[1001]: "*n" is alias number 1,001 (expected at most 1,000 aliases (*name) in a codebook)']);
  });

  it('aliases that stay under the expanded limit are fine', () => {
    const text = once(valid(), 'synthetic: true\n', `synthetic: true\n  notes:\n    - &note 合成データ\n${'    - *note\n'.repeat(50)}`);
    expect(problems(text)).toEqual([]);
    expect(CODEBOOK_EXPANDED_MAX_CHARS).toBe(10_000_000);
  });

  it('a 50 MB label is refused before the YAML is parsed, with the size and the limit', () => {
    const text = once(valid(), '    label: 業種\n', `    label: ${'x'.repeat(50 * 1024 * 1024)}\n`);
    expect(problems(text)).toEqual(['c.yaml: "52,431,920 characters" is too large (expected a codebook of at most 10,000,000 characters)']);
  });
});

describe('memory is bounded by the file, not by claims in the codebook', () => {
  it('400 numeric questions claiming n = 1,048,576 over a header-only file: the count problem, no gigabytes allocated', () => {
    const questions = Array.from({ length: 400 }, (_, i) => `  - { id: v${i}, text: 数値${i}, label: 数値${i}, type: numeric, unit: 円 }\n`).join('');
    const codebook = `survey:\n  id: big\n  wave: "1"\n  title: t\n  publisher: p\n  fieldwork: { start: 2025-01-01, end: 2025-01-02 }\n  method: m\n  population: p\n  n: 1048576\n  citation: c\n  licence: l\nquestions:\n${questions}`;
    const header = ['id', ...Array.from({ length: 400 }, (_, i) => `v${i}`)].join(',') + '\n';
    const before = process.memoryUsage().arrayBuffers;
    const r = loadWave({ codebookPath: 'w/codebook.yaml', codebookText: codebook, responsesPath: 'w/responses.csv', responsesBytes: new TextEncoder().encode(header) });
    const grown = process.memoryUsage().arrayBuffers - before;
    expect(r.ok ? [] : formatProblems(r.problems, 'en')).toEqual([
      'w/responses.csv: "0 respondents" does not match survey.n in codebook.yaml (expected 1048576 rows after the header (or correct survey.n))',
    ]);
    // Before: 400 × 1,048,576 × 8 bytes = 3.35 GB of Float64Array.
    expect(grown).toBeLessThan(50 * 1024 * 1024);
  });
});

describe('hostile CSV headers', () => {
  it('a megabyte-long column name is reported on one short line, without an edit-distance matrix of it', () => {
    const csv = readFileSync('tests/fixtures/dataset/valid/sample/2025/responses.csv', 'utf8');
    const big = 'x'.repeat(1_000_000);
    const text = csv.replace(',comment\n', `,comment,${big}\n`).replace(/\n(r\d\d,[^\n]*(?:\n[^r\n][^\n]*)?)/g, (m) => `${m},`);
    const r = loadWave({ codebookPath: 'w/codebook.yaml', codebookText: valid(), responsesPath: 'w/responses.csv', responsesBytes: new TextEncoder().encode(text) });
    expect(r.ok ? [] : formatProblems(r.problems, 'en')).toEqual([
      `w/responses.csv row 1, column ${'x'.repeat(117)}… (column O): "${'x'.repeat(37)}…" is not a column the codebook knows (expected the id column "id", a question id, <multi question>__<option code> or <grid question>__<row id>)`,
    ]);
  });
});

describe('one set of id limits for the codebook and the explorer', () => {
  /** The fixture wave with the comment question renamed to `id` (a public numeric question, so the explorer lists it). */
  const withQuestionId = (id: string) => once(once(valid(), '  - id: employees\n', `  - id: ${id}\n`), '{ q: employees, range: { max: 99 } }', `{ q: ${id}, range: { max: 99 } }`);

  it('an id at the limit is valid in the codebook and opens in the explorer without a notice', () => {
    const id = `e${'m'.repeat(ID_MAX_LENGTH - 1)}`;
    const r = readCodebook(withQuestionId(id), 'c.yaml');
    expect(r.ok ? [] : formatProblems(r.problems, 'en')).toEqual([]);
    if (!r.ok) return;
    const catalog = { waves: [catalogWave(publicCodebook(r.value), '/x')] };
    const parsed = parseState(`?s=sample&w=2025&q=${id}&f=${id}:range:1..10`, catalog);
    expect(parsed.notices).toEqual([]);
    expect(parsed.state.question).toBe(id);
  });

  it('an id one over the limit is refused by the codebook (the explorer would refuse it too)', () => {
    const id = `e${'m'.repeat(ID_MAX_LENGTH)}`;
    expect(problems(withQuestionId(id))).toEqual([
      'c.yaml line 67, questions[5].id: "emmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm…" is too long (121 characters) (expected at most 120 characters)',
      'c.yaml line 97, derived[0] (id: size).rules[0].when.q: "emmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm…" is too long (121 characters) (expected at most 120 characters)',
    ]);
    const state = { ...defaultState({ waves: [] }), question: id };
    expect(ExploreState.safeParse(state).success).toBe(false);
  });

  it('every id and wave id the codebook schema accepts, the explorer state accepts', () => {
    const base = ExploreState.parse({ survey: 'x', wave: '1', question: 'q', banner: null, universe: 'all', filters: [], show: 'percent', multiPercent: 'respondents', intervals: false, compare: false });
    const ids = ['a', 'a1_b', `a${'b'.repeat(ID_MAX_LENGTH - 1)}`, `a${'b'.repeat(ID_MAX_LENGTH)}`, '../x', 'A', 'a-b', 'a__b'];
    for (const id of ids) if (Id.safeParse(id).success) expect(ExploreState.safeParse({ ...base, question: id, survey: id, universe: id }).success, id).toBe(true);
    const survey = (wave: string) => ({ id: 's', wave, title: 't', publisher: 'p', fieldwork: { start: '2025-01-01', end: '2025-01-02' }, method: 'm', population: 'p', n: 1, citation: 'c', licence: 'l' });
    const waves = ['2025', '2025-a', '9'.repeat(WAVE_ID_MAX_LENGTH), '9'.repeat(WAVE_ID_MAX_LENGTH + 1), '../2025', '2025/x'];
    const accepted = waves.filter((w) => Survey.safeParse(survey(w)).success);
    expect(accepted).toEqual(['2025', '2025-a', '9'.repeat(WAVE_ID_MAX_LENGTH)]);
    for (const wave of accepted) expect(ExploreState.safeParse({ ...base, wave }).success, wave).toBe(true);
  });
});
