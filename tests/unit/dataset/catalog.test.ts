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
    expect(() => loadCatalog(root)).toThrow(`${root}/sample/2025/responses.csv row 5, column sector (column C): "3" is not an option (expected 1, 2)`);
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
      `chapter "effects" is not a chapter of ${valid}/sample/2025/codebook.yaml (expected one of overview, effect)`,
    );
    expect(chapterReferenceProblem({ survey: 'sample', wave: '2030', chapter: 'effect' })).toBe(
      `survey/wave "sample/2030" is not under ${valid}/ (expected one of sample/2024, sample/2025)`,
    );
  });
});
