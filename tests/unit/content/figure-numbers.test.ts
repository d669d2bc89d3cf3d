/**
 * Figure numbers of a chapter (図2-1, 図2-2 …, in the order its <Chart>s appear) and <FigRef>:
 * the numbers the chapter page gives captions and references, and `npm run validate` refusing a
 * <FigRef> that names no figure of its chapter, with the chapter's figures listed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearCatalogCache, loadCatalog } from '../../../src/server/catalog.ts';
import { chapterFigureNumbers, checkChapters, formatChapterProblem } from '../../../src/server/chapters.ts';

const DATA = 'tests/fixtures/dataset/valid';
const page = { survey: 'sample', wave: '2025' };
const dirs: string[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  clearCatalogCache();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const body = ['## 一', '<Chart q="sector" />', '', 'テキスト', '', '<Chart q="cs_effect" id="effect" />', '', '<Chart q="cs_effect" by="sector" />'].join('\n');

describe('figure numbers', () => {
  it('number a chapter\'s charts in source order, by their id or derived anchor', () => {
    vi.stubEnv('HAKUSHO_DATA', DATA);
    const numbers = chapterFigureNumbers(body, page, '2');
    expect([...numbers]).toEqual([
      ['fig-sector-all', '図2-1'],
      ['effect', '図2-2'],
      [[...numbers.keys()][2], '図2-3'],
    ]);
    expect([...numbers.keys()][2]).toMatch(/^fig-cs_effect-.*sector/);
  });
  it('are 「図3」 without a chapter number and 「付録図3」 with a word for one', () => {
    vi.stubEnv('HAKUSHO_DATA', DATA);
    expect([...chapterFigureNumbers(body, page, undefined).values()]).toEqual(['図1', '図2', '図3']);
    expect([...chapterFigureNumbers(body, page, '付録').values()]).toEqual(['付録図1', '付録図2', '付録図3']);
  });
  it('validate refuses a <FigRef> naming no figure of its chapter, listing the figures', () => {
    const root = mkdtempSync(join(tmpdir(), 'hakusho-figref-'));
    dirs.push(root);
    mkdirSync(join(root, 'sample/2025'), { recursive: true });
    const file = join(root, 'sample/2025/overview.mdx');
    writeFileSync(file, ['---', 'title: 概要', 'survey: sample', "wave: '2025'", 'chapter: overview', 'order: 1', 'summary: 概要です。', '---', '', body, '', '効果は<FigRef to="efect" />と<FigRef to="effect" />にあります。'].join('\n'));
    vi.stubEnv('HAKUSHO_DATA', DATA);
    const report = checkChapters(loadCatalog(DATA), root);
    const lines = report.problems.map(formatChapterProblem);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/overview\.mdx:19 <FigRef to="efect"> の図はこの章にありません（もしかして：effect）。この章の図：fig-sector-all（図1）、effect（図2）、fig-cs_effect-doing_cs--by-sector（図3）。図に id を付けるには <Chart id="…"> と書きます。$/);
  });
});
