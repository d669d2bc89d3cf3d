/**
 * Issue 5 / quality bar: chapter prose never types a number — every figure flows from the data
 * through <Stat>. The rule lives in src/lib/content/prose.ts (what counts as a figure) and
 * src/server/chapters.ts (what of an MDX file is prose: the parser's text nodes, so component
 * tags, import/export lines, link targets, code and comments are not; 「…」 labels are not
 * either); `npm run validate` reports it with file:line, and these tests use the same code on
 * every chapter under content/, and on the guides under content/guides/ (their formulas and
 * worked examples come from src/lib/guides/kpis.ts through <Formula> and <WorkedExample>).
 * Reviewed exceptions: REVIEWED_FIGURES (src/lib/content/prose.ts).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { figuresIn, REVIEWED_FIGURES } from '../../../src/lib/content/prose.ts';
import { figuresInMdx, guideWaveComparisons, proseOf, waveComparisons } from '../../../src/server/chapters.ts';

function mdxFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return mdxFiles(path);
      return name.endsWith('.mdx') ? [path] : [];
    });
}

describe('the figure rule itself', () => {
  it('catches typed figures in prose', () => {
    expect(figuresIn('回答者の86.0%が満足しています。').map((f) => f.text)).toEqual(['86.0']);
    expect(figuresIn('対象は221人です。').map((f) => f.text)).toEqual(['221']);
    expect(figuresIn('およそ８割が').map((f) => f.text)).toEqual(['８']);
    expect(figuresIn('およそ八割が、三百人のうち').map((f) => f.text)).toEqual(['八割', '三百人']);
    expect(figuresIn('一割にとどまり、二倍に増えた').map((f) => f.text)).toEqual(['一割', '二倍']);
    expect(figuresIn('2023人が').map((f) => f.text)).toEqual(['2023']);
    expect(figuresIn('第2位は').map((f) => f.text)).toEqual(['2']);
    expect(figuresIn(proseOf('[42%の企業](/a/)')).map((f) => f.text)).toEqual(['42']);
  });

  it('names the line of each figure', () => {
    expect(figuresIn('はじめに\n\n約4割です').map((f) => f.line)).toEqual([3]);
  });

  it('lets through <Stat> tags, 「」 labels, link targets, years and idioms', () => {
    const prose = proseOf(
      [
        '満足は<Stat q="x" option={1} digits={2} />で、',
        '「第1章」と「1〜3年未満」（<Stat q="y" option={2} by="sector" segment={1} />）、',
        '<Chart q="z" title="直近1年の変化" />',
        '[次の章](/jcsa/2025/ch2/)と第2章を参照。2023年調査では一人あたり、一社あたり、数百社、直近一年、二通り。',
        "import OmittedChart from '../../../src/components/OmittedChart.astro';",
        '<Note>注記</Note>',
      ].join('\n'),
    );
    expect(figuresIn(prose)).toEqual([]);
  });

  it('checks the text inside paired components', () => {
    expect(figuresIn(proseOf('<Note>全体の42%です</Note>')).map((f) => f.text)).toEqual(['42']);
  });

  it('checks title and summary but no other frontmatter key', () => {
    const mdx = ["---", "title: 章", "wave: '2025'", 'order: 3', 'summary: 回答者の7割が答えました。', '---', '', '本文です。', ''].join('\n');
    expect(figuresInMdx(mdx).map((f) => `${f.line}:${f.text}`)).toEqual(['5:7']);
    expect(figuresInMdx(mdx.replace('7割', '多く'))).toEqual([]);
  });
});

/** Guides (content/guides/) are not chapters: no wave of their own. */
const isGuide = (path: string) => relative('content', path).split(/[\\/]/)[0] === 'guides';

describe('chapter and guide prose quotes figures only through <Stat>', () => {
  const files = mdxFiles('content');

  it('finds the chapters and the guides', () => {
    expect(files.filter((f) => !isGuide(f)).length).toBeGreaterThan(0);
    expect(files.filter(isGuide).length).toBeGreaterThan(0);
  });

  it.each(files)('%s types no figure', (path) => {
    const file = relative(process.cwd(), path);
    const found = figuresInMdx(readFileSync(path, 'utf8'), relative('content', path).split(/[\\/]/).join('/')).map((f) => `${file}:${f.line}: "${f.text}" in …${f.context}…`);
    expect(found).toEqual([]);
  });

  it('every reviewed exception still exists and is needed (stale entries must go)', () => {
    for (const r of REVIEWED_FIGURES) {
      const source = readFileSync(join('content', r.chapter), 'utf8');
      expect(source, r.chapter).toContain(r.phrase);
      // Without the allowance the figure is caught; with it, it is not.
      expect(figuresInMdx(source).map((f) => f.text), r.chapter).toContain(r.figure);
      expect(figuresInMdx(source, r.chapter).map((f) => f.text), r.chapter).not.toContain(r.figure);
    }
  });

  it('a reviewed figure is allowed only inside its phrase', () => {
    const mdx = ['---', 'title: 章', '---', '', '従業員1000名以上の企業に限り、1000社に依頼しました。', ''].join('\n');
    expect(figuresInMdx(mdx, 'jcsa/2025/ch1.mdx').map((f) => `${f.line}:${f.text}`)).toEqual(['5:1000']);
    expect(figuresInMdx(mdx, 'jcsa/2025/ch2.mdx').map((f) => `${f.line}:${f.text}`)).toEqual(['5:1000', '5:1000']);
  });
});

/**
 * Issue 11: a change between waves is worded by a test (<Change>), never by the editor. A
 * paragraph breaks the rule when it quotes <Stat> figures of two different waves (the reader is
 * invited to compare them), or when it uses a change verb (CHANGE_VERB) next to a <Stat> of
 * another wave than the page's. `waveComparisons` (src/server/chapters.ts) is what
 * `npm run validate` reports.
 */
describe('changes between waves are worded by <Change>', () => {
  it('the rule catches comparisons across waves, in one sentence or across two, and change verbs', () => {
    expect(waveComparisons('A は<Stat q="a" option={1} wave="2022" />から<Stat q="a" option={1} />へ上がりました。', '2023')).toHaveLength(1);
    expect(waveComparisons('2022年は<Stat q="a" option={1} wave="2022" />でした。2023年は<Stat q="a" option={1} />です。', '2023')).toHaveLength(1);
    expect(waveComparisons('2024年の調査では<Stat q="a" option={1} wave="2024" />に増えています。', '2023')[0].why).toMatch(/増え/);
    expect(waveComparisons('A は<Change q="a" option={1} from="2022" />。', '2023')).toEqual([]);
    expect(waveComparisons('新規売上が増えた人は<Stat q="a" option={1} />です。', '2023')).toEqual([]);
    expect(waveComparisons('一段落目<Stat q="a" option={1} wave="2022" />です。\n\n二段落目<Stat q="a" option={1} />です。', '2023')).toEqual([]);
  });

  it('in a guide, figures of two surveys may stand side by side, two waves of one survey may not', () => {
    expect(guideWaveComparisons('A は<Stat survey="a" wave="2022" q="x" option={1} />、B は<Stat survey="b" wave="2025" q="y" option={1} />です。')).toEqual([]);
    expect(guideWaveComparisons('<Stat survey="a" wave="2022" q="x" option={1} />から<Stat survey="a" wave="2023" q="x" option={1} />へ。')[0].why).toMatch(/調査 a の 2022年と2023年/);
    expect(guideWaveComparisons('一段落目<Stat survey="a" wave="2022" q="x" option={1} />。\n\n二段落目<Stat survey="a" wave="2023" q="x" option={1} />。')).toEqual([]);
  });

  it.each(mdxFiles('content').filter(isGuide))('%s (a guide) compares waves only through <Change>', (path) => {
    const found = guideWaveComparisons(readFileSync(path, 'utf8')).map((f) => `${relative(process.cwd(), path)} paragraph at line ${f.line}: ${f.why}`);
    expect(found).toEqual([]);
  });

  it.each(mdxFiles('content').filter((f) => !isGuide(f)))('%s compares waves only through <Change>', (path) => {
    const pageWave = relative('content', path).split(/[\\/]/)[1];
    const found = waveComparisons(readFileSync(path, 'utf8'), pageWave).map((f) => `${relative(process.cwd(), path)} paragraph at line ${f.line}: ${f.why}`);
    expect(found).toEqual([]);
  });
});
