/**
 * `npm run validate` on chapters (src/server/chapters.ts): fixture chapters with each kind of
 * mistake, checked against the fixture waves (tests/fixtures/dataset/valid: sample/2025 with
 * microdata, sample/2024 with published tables), every problem reported at once with its exact
 * located Japanese message; and the real content checked against the real data, clean.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../../../src/server/catalog.ts';
import { checkChapters, formatChapterProblem, type ChapterReport } from '../../../src/server/chapters.ts';

const DATA = 'tests/fixtures/dataset/valid';
const MISTAKES = 'tests/fixtures/content/mistakes';
const SYNTAX = 'tests/fixtures/content/syntax';

/** Checks a content folder against the fixture waves (the resolvers read $HAKUSHO_DATA). */
function check(content: string, data = DATA): ChapterReport {
  vi.stubEnv('HAKUSHO_DATA', data);
  return checkChapters(loadCatalog(data), content);
}
const lines = (problems: ChapterReport['problems']) => problems.map(formatChapterProblem);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('chapter checks: names, prose, routes, missing chapters', () => {
  it('reports every mistake at once, each located with what was found and what is expected', () => {
    const report = check(MISTAKES);
    const ch = `${MISTAKES}/sample/2025/overview.mdx`;
    expect(lines(report.problems)).toEqual([
      // Two files claiming one route: one error naming both.
      `${MISTAKES}/sample/2025/overview のコピー.mdx:5 と ${ch}:5 が同じページ /sample/2025/overview/ を作ります（chapter: overview）。1つの章は1つのファイルにしてください（コピーなら削除するか、chapter を変えてください）。`,
      // A misspelt id: a suggestion.
      `${ch}:14 <Stat q="cs_teem"> の設問「cs_teem」は sample/2025 にありません（もしかして：cs_team）。`,
      // A question dropped from the codebook: every valid choice.
      `${ch}:16 <Stat q="nps_score"> の設問「nps_score」は sample/2025 にありません。選べる設問：sector、cs_team、tools、cs_effect、churn、employees、measures、measures__onboarding、measures__health、size。`,
      // An unknown option and net, in one line.
      `${ch}:18 <Stat q="sector" option={3}> の選択肢「3」は設問 sector にありません。選べる選択肢：1（SaaS）、2（非SaaS）。`,
      `${ch}:18 <Stat q="sector" net="top2"> のネット「top2」は設問 sector にありません。設問 sector にはネットがありません。`,
      // Unknown universes: misspelt, and one with no near name.
      `${ch}:20 <Stat q="cs_team" universe="doing_cx"> の集計対象「doing_cx」は sample/2025 にありません（もしかして：doing_cs）。`,
      `${ch}:22 <Chart q="tools" universe="saas_only"> の集計対象「saas_only」は sample/2025 にありません。選べる集計対象：all、doing_cs、saas_doing_cs。`,
      // An unknown banner.
      `${ch}:24 <Chart q="tools" by="sectr"> の分析軸「sectr」は sample/2025 にありません（もしかして：sector）。`,
      // An unknown wave.
      `${ch}:26 <Stat q="sector" wave="2023"> の調査回「2023」は調査 sample にありません（もしかして：2024）。`,
      // A typed figure in prose.
      `${ch}:28 本文に数値「86.0」が直接書かれています（…回答者の86.0%がツールを使っています…）。数値は <Stat> で引用してください。`,
      // An unknown prop and an unknown kind on one tag: both.
      `${ch}:30 <Chart q="tools" univers="doing_cs"> の属性 univers は <Chart> にありません（もしかして：universe）。使える属性：q、by、universe、filters、kind、title、survey、wave、id、level、lang。`,
      `${ch}:30 <Chart q="tools" kind="bras"> の表示形式「bras」は <Chart> にありません（もしかして：bars）。`,
      // A wave outside the question's trend.
      `${ch}:32 <Change q="cs_team" from="2023"> の調査回「2023」には、この設問・選択肢の経年比較の値がありません（もしかして：2024）。`,
      // A restricted question, and a question the published-tables wave did not print.
      `${ch}:34 <Stat q="comment"> の設問「comment」は非公開のデータのため、章では使えません。選べる設問：sector、cs_team、tools、cs_effect、churn、employees、measures、measures__onboarding、measures__health、size。`,
      `${ch}:36 <Stat q="tools"> の設問「tools」は sample/2024 の公表集計表にありません。選べる設問：sector、cs_team、cs_effect_old。`,
    ]);
    // A chapter the codebook lists without MDX: a warning at the codebook's line.
    expect(lines(report.warnings)).toEqual([
      `${DATA}/sample/2025/codebook.yaml:108 章 effect（「CSの効果」）の MDX がありません（${MISTAKES}/ に survey: sample、wave: '2025'、chapter: effect の .mdx がありません）。報告書の表紙には未掲載の章として表示されます。`,
    ]);
    expect(report.files).toBe(2);
  });

  it('checks frontmatter fields and references, reports MDX syntax errors, and still reads the route of a file that does not parse', () => {
    const report = check(SYNTAX);
    const at = (file: string) => `${SYNTAX}/sample/2025/${file}`;
    expect(lines(report.problems)).toEqual([
      `${at('broken.mdx')}:12 MDX として読めません：Unexpected character after \`<\`, expected a valid JSX tag (note: to create a link in MDX, use \`[text](url)\`) (mdx-jsx:unexpected-character)`,
      `${at('numbers.mdx')}:1 frontmatter に chapter がありません（文字列で書きます）。`,
      `${at('numbers.mdx')}:4 frontmatter の wave が文字列ではありません：2025（'2025' のように引用符で囲んでください）。`,
      `${at('numbers.mdx')}:5 frontmatter の order が数値ではありません："1"。`,
      `${at('numbers.mdx')}:6 frontmatter の summary が空です。`,
      // The wave does not exist: its components are not checked one by one (line 10 names "sectr").
      `${at('old.mdx')}:4 frontmatter の wave「2023」は調査 sample にありません（もしかして：2024）。`,
      `${at('overview.mdx')}:2 frontmatter の title に数値「7」が直接書かれています（…回答者の7割がSaaS…）。数値は <Stat> で引用してください。`,
      `${at('overview.mdx')}:5 frontmatter の chapter「overveiw」は ${DATA}/sample/2025/codebook.yaml の chapters にありません（もしかして：overview（回答者の属性））。`,
      `${at('overview.mdx')}:10 <Stats> というコンポーネントはありません（もしかして：<Stat>）。章で使えるのは <Stat>、<Chart>、<Change>、<FigRef>、<OmittedChart> と、この章で import したコンポーネントです。`,
    ]);
    // broken.mdx claims chapter effect, so only overview is missing (old.mdx writes wave 2023).
    expect(report.warnings.map((w) => `${w.line}:${w.rule}`)).toEqual(['107:missing-chapter']);
  });

  it('without valid data, still checks what needs none: routes, prose, props and components', () => {
    const report = checkChapters(null, MISTAKES);
    expect(report.problems.map((p) => `${p.line}:${p.rule}`)).toEqual(['5:duplicate-route', '28:typed-figure', '30:unknown-prop']);
    expect(report.warnings).toEqual([]);
  });

  it('locates a prop on its own line in a tag that spans lines; props built in JavaScript are evaluated; refusals other than names; spread props are a warning', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'hakusho-chapters-'));
    try {
      mkdirSync(join(tmp, 'sample', '2025'), { recursive: true });
      const front = (chapter: string) => ['---', 'title: 章', 'survey: sample', "wave: '2025'", `chapter: ${chapter}`, 'order: 1', 'summary: 要約。', '---', ''].join('\n');
      writeFileSync(
        join(tmp, 'sample', '2025', 'overview.mdx'),
        `${front('overview')}\n<Chart\n  q="tools"\n  by="sector"\n  universe="doing_cx"\n/>\n\n<Chart q="sector" filters={[{ q: 'cs_team', in: [1] }]} />\n\n<Chart q="tools" filters={[{ q: 'cs_tem', in: [1] }]} />\n\n<Stat {...props} />\n\n<Chart q="sector" kind="heat" />\n`,
      );
      writeFileSync(join(tmp, 'sample', '2025', 'effect.mdx'), `${front('effect')}\nCSの効果は<Stat q="churn" kind="mean" />です。\n`);
      const report = check(tmp);
      const file = (name: string) => `${tmp}/sample/2025/${name}`;
      expect(lines(report.problems)).toEqual([
        // A refusal that is not a name: the resolver's own reason, in Japanese, with every prop as written.
        `${file('effect.mdx')}:10 <Stat q="churn" kind="mean"> の kind="mean"：回答の 23.0% が上限のない階級「3%以上」にあり（20% まで）、平均はその階級に仮定した値で決まってしまいます。kind="medianClass" か kind="median" を使ってください。`,
        `${file('overview.mdx')}:13 <Chart q="tools" universe="doing_cx"> の集計対象「doing_cx」は sample/2025 にありません（もしかして：doing_cs）。`,
        // Any other error a resolver throws is located and passed on.
        `${file('overview.mdx')}:18 <Chart q="tools" filters={[{ q: 'cs_tem', in: [1] }]}> を表示できません：unknown question "cs_tem" in filter`,
        // A chart form the question cannot be drawn as.
        `${file('overview.mdx')}:22 <Chart q="sector" kind="heat"> の表示形式「heat」は、この設問（single）の図には使えません。選べる表示形式：bars、stacked、diverging、grouped、histogram。`,
      ]);
      expect(lines(report.warnings)).toEqual([`${file('overview.mdx')}:20 <Stat> は {...} で属性を渡しているため、ここでは確かめられません（ビルド時に確かめます）。`]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('the real chapters', () => {
  it('validate clean against the real data, with every chapter a codebook lists written', () => {
    vi.stubEnv('HAKUSHO_DATA', 'data');
    const report = checkChapters(loadCatalog('data'), 'content');
    expect(lines(report.problems)).toEqual([]);
    expect(report.warnings.map((w) => `${w.file}:${w.rule}`)).toEqual([]);
    expect(report.files).toBeGreaterThanOrEqual(18);
  });
});
