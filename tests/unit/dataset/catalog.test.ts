import { afterEach, describe, expect, it } from 'vitest';
import { clearCatalogCache, loadCatalog, readCatalog } from '../../../src/server/catalog.ts';
import { chapterReferenceProblem } from '../../../src/server/content.ts';
import { ProblemsError } from '../../../src/lib/dataset/problem.ts';

const valid = 'tests/fixtures/dataset/valid';

afterEach(() => {
  delete process.env.HAKUSHO_DATA;
  clearCatalogCache();
});

describe('catalog', () => {
  it('loads every wave under the root, sorted, with dataset or tables', () => {
    const catalog = loadCatalog(valid);
    expect(catalog.waves.map((w) => `${w.dir} ${w.dataset ? `n=${w.dataset.n}` : `${w.tables!.length} tables`}`)).toEqual([
      `${valid}/sample/2024 4 tables`,
      `${valid}/sample/2025 n=12`,
    ]);
    expect(catalog.get('sample', '2025')?.codebook.survey.title).toBe('サンプル調査 2025');
    expect(catalog.get('sample', '1999')).toBeUndefined();
  });
  it('memoises per root', () => {
    expect(loadCatalog(valid)).toBe(loadCatalog(valid));
  });
  it('throws one ProblemsError listing every problem of every wave', () => {
    const root = 'tests/fixtures/dataset/malformed/unknown-code';
    expect(() => loadCatalog(root)).toThrow(ProblemsError);
    expect(() => loadCatalog(root)).toThrow(`${root}/ の調査データに問題があります（問題 1 件）:\n  ${root}/sample/2025/responses.csv 5行目・列 sector (C列): "3" は選択肢にありません（想定: 1, 2）`);
  });
  it('throws in English when HAKUSHO_LANG is en', () => {
    const root = 'tests/fixtures/dataset/malformed/unknown-code';
    const before = process.env.HAKUSHO_LANG;
    process.env.HAKUSHO_LANG = 'en';
    try {
      clearCatalogCache();
      expect(() => loadCatalog(root)).toThrow(`Survey data under ${root}/ has problems (1 problem):\n  ${root}/sample/2025/responses.csv row 5, column sector (column C): "3" is not an option (expected 1, 2)`);
    } finally {
      if (before === undefined) delete process.env.HAKUSHO_LANG;
      else process.env.HAKUSHO_LANG = before;
    }
  });
  it('reports a missing data folder', () => {
    const result = readCatalog('tests/fixtures/dataset/nowhere');
    expect(result.ok || result.problems.map((p) => p.message)).toEqual(['does not exist']);
  });
});

describe('chapter references (MDX frontmatter)', () => {
  it('accept a chapter of the wave and name what is wrong otherwise', () => {
    process.env.HAKUSHO_DATA = valid;
    expect(chapterReferenceProblem({ survey: 'sample', wave: '2025', chapter: 'effect' })).toBeNull();
    expect(chapterReferenceProblem({ survey: 'sample', wave: '2025', chapter: 'effects' })).toBe(
      `章 "effects" は ${valid}/sample/2025/codebook.yaml の章にありません（もしかして: effect）（想定: overview, effect のいずれか）`,
    );
    expect(chapterReferenceProblem({ survey: 'sample', wave: '2030', chapter: 'effect' })).toBe(`調査/調査回 "sample/2030" は ${valid}/ にありません（想定: sample/2024, sample/2025 のいずれか）`);
    expect(chapterReferenceProblem({ survey: 'sampel', wave: '2025', chapter: 'effect' })).toBe(
      `調査/調査回 "sampel/2025" は ${valid}/ にありません（もしかして: sample/2025）（想定: sample/2024, sample/2025 のいずれか）`,
    );
  });
  it('in English on request, with the same guesses', () => {
    process.env.HAKUSHO_DATA = valid;
    expect(chapterReferenceProblem({ survey: 'sample', wave: '2025', chapter: 'effects' }, 'en')).toBe(
      `chapter "effects" is not a chapter of ${valid}/sample/2025/codebook.yaml — did you mean "effect"? (expected one of overview, effect)`,
    );
    expect(chapterReferenceProblem({ survey: 'sample', wave: '2030', chapter: 'effect' }, 'en')).toBe(`survey/wave "sample/2030" is not under ${valid}/ (expected one of sample/2024, sample/2025)`);
    expect(chapterReferenceProblem({ survey: 'smple', wave: '2030', chapter: 'effect' }, 'en')).toBe(
      `survey/wave "smple/2030" is not under ${valid}/ — did you mean "sample"? (expected one of sample/2024, sample/2025)`,
    );
  });
});
