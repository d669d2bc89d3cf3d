/** The valid fixture wave, loaded: what the engine receives. */
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadWave } from '../../../src/lib/dataset/load.ts';
import { toIndices, count } from '../../../src/lib/dataset/bitset.ts';
import type { Dataset } from '../../../src/lib/dataset/types.ts';

const dir = 'tests/fixtures/dataset/valid/sample';
const files = (wave: string, data: 'responses' | 'tables', root = 'tests/fixtures/dataset/valid') => ({
  codebookPath: `${root}/sample/${wave}/codebook.yaml`,
  codebookText: readFileSync(`${root}/sample/${wave}/codebook.yaml`, 'utf8'),
  [`${data}Path`]: `${root}/sample/${wave}/${data}.csv`,
  [`${data}Bytes`]: new Uint8Array(readFileSync(`${root}/sample/${wave}/${data}.csv`)),
});

function load(root?: string): Dataset {
  const result = loadWave(files('2025', 'responses', root));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value.dataset!;
}

describe('loadWave (microdata)', () => {
  // Built before each test (not in the describe body) so that mutation testing can trace coverage to a test.
  let d: Dataset;
  beforeEach(() => {
    d = load();
  });
  it('keeps respondents in file order with ids and weights', () => {
    expect(d.n).toBe(12);
    expect(d.ids.slice(0, 3)).toEqual(['r01', 'r02', 'r03']);
    expect(Array.from(d.weights!.slice(0, 3))).toEqual([1.2, 0.8, 1]);
  });
  it('stores single answers as option positions, -1 when not asked', () => {
    const v = d.variables.get('cs_effect')!;
    expect(v.kind).toBe('coded');
    if (v.kind !== 'coded') return;
    // codes 5,4,blank,3 → positions 4,3,-1,2
    expect(Array.from(v.index.slice(0, 4))).toEqual([4, 3, -1, 2]);
    expect(count(v.answered)).toBe(8);
  });
  it('stores multi answers as one bitset per option', () => {
    const v = d.variables.get('tools')!;
    if (v.kind !== 'multi') throw new Error('tools is not multi');
    expect(v.options.map((o) => o.code)).toEqual([1, 2, 3, 9]);
    expect(toIndices(v.chosen[0])).toEqual([0, 1, 4, 6, 8, 10]);
    expect(toIndices(v.chosen[3])).toEqual([2, 7, 11]);
    expect(count(v.answered)).toBe(12);
  });
  it('names grid rows question__row and keeps numeric and text answers', () => {
    const row = d.variables.get('measures__health')!;
    expect(row.kind === 'coded' && Array.from(row.index.slice(0, 3))).toEqual([0, 1, -1]);
    const employees = d.variables.get('employees')!;
    expect(employees.kind === 'numeric' && Array.from(employees.values.slice(0, 3))).toEqual([120, 45, 300]);
    const comment = d.variables.get('comment')!;
    expect(comment.kind === 'text' && comment.values.slice(3, 5)).toEqual([null, '複数行の\nコメント']);
  });
  it('computes derived variables by first matching rule, else otherwise', () => {
    const size = d.variables.get('size')!;
    // employees 120, 45, 300, 80, 1500, 12, 250, 30, 60, 99, 100, 500 → <100 is code 1 (position 0)
    expect(size.kind === 'coded' && Array.from(size.index)).toEqual([1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1]);
  });
  it('computes universes, all included', () => {
    expect(count(d.universes.get('all')!)).toBe(12);
    expect(toIndices(d.universes.get('doing_cs')!)).toEqual([0, 1, 3, 4, 6, 8, 9, 11]);
    expect(toIndices(d.universes.get('saas_doing_cs')!)).toEqual([0, 1, 3, 6, 9, 11]);
  });
  it('loads Shift_JIS and BOM + CRLF files to the same dataset as UTF-8', () => {
    for (const root of ['tests/fixtures/dataset/valid-sjis', 'tests/fixtures/dataset/valid-bom-crlf']) {
      const other = load(root);
      expect(other.ids).toEqual(d.ids);
      expect(other.variables.get('comment')).toEqual(d.variables.get('comment'));
      expect(other.variables.get('cs_effect')).toEqual(d.variables.get('cs_effect'));
    }
  });
});

describe('loadWave (published tables)', () => {
  it('groups tables.csv rows into tables by question, universe and segment, cells in option order', () => {
    const result = loadWave(files('2024', 'tables'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const tables = result.value.tables!;
    expect(tables.map((t) => `${t.question}/${t.universe}/${t.segment} n=${t.base}`)).toEqual([
      'sector/all/total n=200',
      'cs_team/all/total n=200',
      'cs_effect_old/doing_cs/total n=110',
      'cs_effect_old/doing_cs/sector=1 n=70',
    ]);
    expect(tables[3].cells).toEqual([
      { option: 1, percent: null, count: 10, row: 10 },
      { option: 3, percent: null, count: 40, row: 9 },
    ]);
    expect(tables[0].source).toBe('p.3 図1');
  });
});

describe('loadWave: the data file a wave needs', () => {
  /** A one-question codebook; `kind` on line 4 when given. */
  const codebook = (kind?: string) =>
    [
      'survey:',
      '  id: s',
      '  wave: "1"',
      ...(kind ? [`  kind: ${kind}`] : []),
      '  title: t',
      '  publisher: p',
      '  fieldwork: { start: 2025-01-01, end: 2025-01-02 }',
      '  method: m',
      '  population: p',
      '  n: 1',
      '  citation: c',
      '  licence: l',
      'questions:',
      '  - { id: q, text: t, label: l, type: single, options: [{ code: 1, label: a }] }',
      '',
    ].join('\n');
  const bytes = (text: string) => new TextEncoder().encode(text);
  const problem = (files: Parameters<typeof loadWave>[0]) => {
    const r = loadWave(files);
    return r.ok ? null : r.problems;
  };
  it('a tables wave with responses.csv, with nothing, or with both', () => {
    const base = { codebookPath: 'w/codebook.yaml', codebookText: codebook('tables') };
    const at = { file: 'w/codebook.yaml', line: 4, column: 'survey.kind', value: 'tables', rule: 'wave-files' };
    expect(problem({ ...base, responsesBytes: bytes('id,q\na,1\n') })).toEqual([{ ...at, message: 'does not match the data: the folder has responses.csv, not tables.csv', expected: 'kind: microdata (or provide tables.csv)' }]);
    expect(problem(base)).toEqual([{ ...at, message: 'needs tables.csv next to codebook.yaml, which is missing', expected: 'tables.csv in the wave folder (or kind: microdata with responses.csv)' }]);
    expect(problem({ ...base, responsesBytes: bytes('id,q\na,1\n'), tablesBytes: bytes('') })).toEqual([{ ...at, message: 'allows only tables.csv, but responses.csv is present too', expected: 'tables.csv alone next to codebook.yaml' }]);
  });
  it('a microdata wave (kind left out: the line of survey) with both files', () => {
    expect(problem({ codebookPath: 'w/codebook.yaml', codebookText: codebook(), responsesBytes: bytes('id,q\na,1\n'), tablesBytes: bytes('') })).toEqual([
      { file: 'w/codebook.yaml', line: 1, column: 'survey.kind', value: 'microdata', rule: 'wave-files', message: 'allows only responses.csv, but tables.csv is present too', expected: 'responses.csv alone next to codebook.yaml' },
    ]);
    expect(problem({ codebookPath: 'w/codebook.yaml', codebookText: codebook(), responsesBytes: bytes('id,q\na,1\n') })).toBeNull();
  });
  it('without a path of its own, the data file sits next to codebook.yaml or codebook.yml', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x61, 0x00]);
    const fileOf = (codebookPath: string) => problem({ codebookPath, codebookText: codebook(), responsesBytes: utf16 })?.map((p) => p.file);
    expect(fileOf('w/codebook.yml')).toEqual(['w/responses.csv']);
    expect(fileOf('codebook.yaml.d/codebook.yaml')).toEqual(['codebook.yaml.d/responses.csv']);
    expect(problem({ codebookPath: 'x/codebook.yml', codebookText: codebook('tables'), tablesBytes: utf16 })?.map((p) => [p.file, p.rule])).toEqual([['x/tables.csv', 'encoding']]);
  });
});

void dir;
