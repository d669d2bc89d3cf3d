/**
 * `npm run validate` on guides (content/guides/, src/server/chapters.ts): a guide's frontmatter
 * and route, the same prose rule as chapters, every figure naming its survey and wave, the
 * guides' own components resolved like the figures, the figures of an <Evidence> quoting its
 * question, and a cover for every guide — each problem
 * located, in Japanese. Checked against the fixture waves (sample/2025 microdata, sample/2024
 * published tables).
 */
import { afterEach, beforeAll, afterAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadCatalog } from '../../../src/server/catalog.ts';
import { checkChapters, formatChapterProblem, type ChapterReport } from '../../../src/server/chapters.ts';
import { guideRoute, isGuidePath } from '../../../src/lib/content/guides.ts';
import { quotedWaves } from '../../../src/server/guide-sources.ts';

const DATA = 'tests/fixtures/dataset/valid';
let tmp: string;

const front = (title: string, extra = 'summary: 要約です。\norder: 1') => `---\ntitle: ${title}\n${extra}\n---\n`;
function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(tmp, path)), { recursive: true });
    writeFileSync(join(tmp, path), text);
  }
}
function check(): ChapterReport {
  vi.stubEnv('HAKUSHO_DATA', DATA);
  return checkChapters(loadCatalog(DATA), tmp);
}
const lines = (problems: ChapterReport['problems']) => problems.map(formatChapterProblem).map((l) => l.replace(`${tmp}/`, ''));

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'hakusho-guides-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

describe('routes of guide files', () => {
  it('a cover and pages, nothing deeper or shallower, URL-safe names', () => {
    expect(guideRoute('kpi/index.mdx')).toEqual({ guide: 'kpi', page: null, href: '/guides/kpi/' });
    expect(guideRoute('kpi/nrr-grr.mdx')).toEqual({ guide: 'kpi', page: 'nrr-grr', href: '/guides/kpi/nrr-grr/' });
    expect(guideRoute('kpi/churn')).toEqual({ guide: 'kpi', page: 'churn', href: '/guides/kpi/churn/' });
    expect(guideRoute('intro.mdx')).toHaveProperty('error');
    expect(guideRoute('kpi/a/b.mdx')).toHaveProperty('error');
    expect(guideRoute('kpi/NRR_GRR.mdx')).toEqual({ error: 'ガイドのフォルダ名とファイル名は、URLになるため小文字の英数字とハイフンで書きます（「NRR_GRR」）。' });
    expect(isGuidePath('guides/kpi/churn.mdx')).toBe(true);
    expect(isGuidePath('jcsa/2025/ch1.mdx')).toBe(false);
  });
});

describe('the waves a guide quotes', () => {
  it('are read from the survey and wave props of its figures, each once, in order', () => {
    const mdx = [
      '<Evidence survey="b" wave="2023" q="x">',
      '',
      'A は<Stat survey="a" wave="2025" q="x" option={1} />、<Stat survey="b" wave="2023" q="y" option={1} />。',
      '',
      '</Evidence>',
      '',
      '<Chart survey="a" wave="2024" q="z" />',
      '<Formula kpi="churn" />',
    ].join('\n');
    expect(quotedWaves(mdx)).toEqual([
      { survey: 'b', wave: '2023' },
      { survey: 'a', wave: '2025' },
      { survey: 'a', wave: '2024' },
    ]);
  });
});

describe('guide checks', () => {
  it('a valid guide passes; every mistake is reported at once, located, with what is expected', () => {
    write({
      'guides/kpi/index.mdx': `${front('KPIガイド')}\n<Evidence survey="sample" wave="2025" q="tools">\n\n利用は<Stat survey="sample" wave="2025" q="tools" option={1} />です。\n\n<Chart survey="sample" wave="2025" q="tools" level={4} />\n\n</Evidence>\n\n<Formula kpi="churn" />\n\n<WorkedExample kpi="nps" />\n`,
      'guides/kpi/churn.mdx': [
        front('解約率'),
        '解約率はおよそ3%です。',
        '',
        '<Stat q="cs_team" option={1} />',
        '',
        '<Formula kpi="chrn" />',
        '',
        '<WorkedExample />',
        '',
        '<Evidence survey="sample" wave="2024" q="cs_team">本文</Evidence>',
        '',
        '<Evidence survey="sample" wave="2025" q="cs_teem">本文</Evidence>',
        '',
        '前年は<Stat survey="sample" wave="2024" q="cs_team" option={1} />、今年は<Stat survey="sample" wave="2025" q="cs_team" option={1} />です。',
        '',
        '<Evidnce survey="sample" wave="2025" q="tools" />',
        '',
        '<Evidence survey="sample" wave="2025" q="sector" universe="doing_cx">本文</Evidence>',
        '',
        '<Evidence survey="sample" wave="2025" q="measures">',
        '',
        '<Stat survey="sample" wave="2025" q="measures__onboarding" kind="base" />と<Stat survey="sample" wave="2025" q="sector" option={1} />',
        '',
        '</Evidence>',
        '',
      ].join('\n'),
      'guides/orphan/page.mdx': front('表紙のないガイド'),
      'guides/notes.mdx': front('置き場所の違うファイル', 'order: 1'),
    });
    const report = check();
    expect(lines(report.problems)).toEqual([
      'guides/kpi/churn.mdx:7 本文に数値「3」が直接書かれています（…解約率はおよそ3%です。…）。数値は <Stat> で引用してください。計算式と計算例の数値は src/lib/guides/kpis.ts に書き、<Formula>・<WorkedExample> で表示します。',
      'guides/kpi/churn.mdx:9 <Stat q="cs_team"> に survey（調査。ガイドには報告書がないため、数値と図ごとに書きます）がありません。',
      'guides/kpi/churn.mdx:9 <Stat q="cs_team"> に wave（調査回。ガイドには報告書がないため、数値と図ごとに書きます）がありません。',
      'guides/kpi/churn.mdx:11 <Formula kpi="chrn"> のKPI「chrn」は src/lib/guides/kpis.ts にありません（もしかして：churn（解約率（チャーンレート）））。',
      'guides/kpi/churn.mdx:13 <WorkedExample> に kpi（KPI）がありません。',
      'guides/kpi/churn.mdx:15 <Evidence survey="sample" wave="2024" q="cs_team">：sample/2024 は公表集計表だけの調査回のため、設問のページがありません（個票データの調査回を指定してください）。',
      'guides/kpi/churn.mdx:17 <Evidence q="cs_teem"> の設問「cs_teem」は sample/2025 にありません（もしかして：cs_team）。',
      'guides/kpi/churn.mdx:19 この段落は調査 sample の 2024年と2025年の <Stat> の数値を並べています。調査回の間の変化は <Change> で書いてください（検定の結果に合った言い方になります）。',
      'guides/kpi/churn.mdx:21 <Evidnce> というコンポーネントはありません（もしかして：<Evidence>）。ガイドで使えるのは <Stat>、<Chart>、<Change>、<Evidence>、<Formula>、<WorkedExample> と、このガイドで import したコンポーネントです。',
      'guides/kpi/churn.mdx:23 <Evidence q="sector" universe="doing_cx"> の集計対象「doing_cx」は sample/2025 にありません（もしかして：doing_cs）。',
      // A grid row is its grid's question; another question in the passage is not.
      'guides/kpi/churn.mdx:27 <Stat q="sector"> は <Evidence survey="sample" wave="2025" q="measures"> の中にありますが、別の設問（sample/2025 の sector）を引用しています。<Evidence> の中では、その設問の数値と図だけを引用してください（設問のページへのリンクが1つだけのため）。別の設問は別の <Evidence> に分けます。',
      'guides/notes.mdx:1 frontmatter に summary がありません（文字列で書きます）。',
      'guides/notes.mdx:1 ガイドのファイルは guides/<ガイド>/index.mdx（ガイドの表紙）か guides/<ガイド>/<ページ>.mdx に置きます（「notes.mdx」）。',
      'guides/orphan/page.mdx:1 ガイド「orphan」に表紙（' + tmp + '/guides/orphan/index.mdx）がありません。ガイドのページは表紙から一覧されます。',
    ]);
    // Guides are no chapters: the fixture wave's chapters are only reported missing.
    expect(new Set(report.warnings.map((w) => w.rule))).toEqual(new Set(['missing-chapter']));
  });
});
