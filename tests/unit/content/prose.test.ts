/**
 * Issue 5 / quality bar: chapter prose never types a number — every figure flows from the data
 * through <Stat>. This test reads every content/**\/*.mdx, blanks out everything that is not prose
 * (frontmatter other than title/summary, component tags, import/export lines, 「…」 labels,
 * Markdown link targets, MDX comments) and fails on any digit or kanji-numeral figure left over,
 * naming file:line and the offending text.
 *
 * Rules (see `figuresIn`):
 * - any ASCII or full-width digit (0-9, ０-９) is a typed figure, except a calendar year written
 *   as a four-digit 19xx/20xx directly followed by 年 (「2023年調査」 names a wave, not a result), and a chapter number
 *   第N章/節/部 (a cross-reference such as 第2章以降);
 * - a kanji numeral (〇一二三四五六七八九十百千万億) followed by a counter or unit
 *   (割, 分の, 人, 名, 社, 件, 倍, 円, 歳, ポイント, %, ％) is a figure, e.g. 八割, 二百人, 三倍;
 *   except a lone 一 before 人/名/社/件 (the idiom 「一人あたり」 "per person" counts nothing)
 *   and a numeral after 数 (数百社, 数十人: a vague amount, not a figure). 一割 is still caught.
 * Text stripped away (component tags, labels) is replaced by spaces, so line numbers are kept.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

/** One typed figure found in prose. */
type Finding = { line: number; text: string; context: string };

/** Replaces a match by spaces of the same length, keeping newlines (so line numbers survive). */
const blank = (match: string) => match.replace(/[^\n]/g, ' ');

const YEAR = /(?:19|20)\d\d(?=年)/g;
const CHAPTER_NUMBER = /(?<=第)[0-9０-９]+(?=[章節部])/g;
const DIGIT = /[0-9０-９][0-9０-９.,．，]*/g;
const KANJI_FIGURE = /(?<!数)[〇一二三四五六七八九十百千万億]+(?=割|分の|人|名|社|件|倍|円|歳|ポイント|%|％)/g;

/**
 * Removes everything from an MDX body that is not reader-facing prose. Works on the whole text
 * (tags may span lines) and preserves every newline.
 */
export function proseOf(body: string): string {
  return body
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank) // MDX comments
    .replace(/^(?:import|export)\s[^\n]*$/gm, blank) // import/export lines
    .replace(/<\/?[A-Za-z][\w.]*(?:\s(?:[^<>"'{}]|"[^"]*"|'[^']*'|\{[^{}]*\})*)?\/?>/g, blank) // component and HTML tags
    .replace(/<https?:[^>\s]*>/g, blank) // autolinks
    .replace(/\]\([^)]*\)/g, (m) => `]${blank(m.slice(1))}`) // Markdown link targets (link text stays)
    .replace(/「[^「」\n]*」/g, (m) => `「${blank(m.slice(1, -1))}」`); // quoted option, chapter and chart labels
}

/** Typed figures in a piece of prose, by line (1-based, relative to the text given). */
export function figuresIn(prose: string): Finding[] {
  const findings: Finding[] = [];
  prose.split('\n').forEach((raw, i) => {
    const line = raw.replace(YEAR, blank).replace(CHAPTER_NUMBER, blank);
    for (const m of line.matchAll(DIGIT)) findings.push({ line: i + 1, text: m[0], context: raw.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12).trim() });
    for (const m of line.matchAll(KANJI_FIGURE)) {
      const after = line.slice(m.index + m[0].length);
      if (m[0] === '一' && /^[人名社件]/.test(after)) continue;
      const counter = after.match(/^(?:分の|ポイント|.)/)![0];
      findings.push({ line: i + 1, text: m[0] + counter, context: raw.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12).trim() });
    }
  });
  return findings;
}

/** Typed figures in one MDX file: title and summary from the frontmatter, then the body. */
export function figuresInMdx(source: string): Finding[] {
  const front = source.match(/^---\n([\s\S]*?)\n---\n/);
  const findings: Finding[] = [];
  let body = source;
  if (front) {
    const data = parse(front[1]) as Record<string, unknown>;
    const lines = front[1].split('\n');
    for (const key of ['title', 'summary']) {
      const value = data[key];
      if (typeof value !== 'string') continue;
      const at = lines.findIndex((l) => l.startsWith(`${key}:`)) + 2; // +1 for the opening ---, +1 for 1-based
      for (const f of figuresIn(proseOf(value).replace(/\n/g, ' '))) findings.push({ ...f, line: at });
    }
    body = blank(front[0]) + source.slice(front[0].length);
  }
  return [...findings, ...figuresIn(proseOf(body))].sort((a, b) => a.line - b.line);
}

function mdxFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return mdxFiles(path);
      return name.endsWith('.mdx') ? [path] : [];
    });
}

/**
 * Reviewed exceptions in today's content, by file and exact text. Each is a fact about how the
 * survey was run (a screening criterion of the panel), not a result the data could supply.
 * Adding to this list needs the same justification; never add a result here.
 */
const REVIEWED: Record<string, string[]> = {
  // The paid panel was screened to companies of 1000+ employees: a fieldwork condition, not a finding.
  'content/jcsa/2025/ch1.mdx:21': ['1000'],
};

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

describe('chapter prose quotes figures only through <Stat>', () => {
  const files = mdxFiles('content');

  it('finds the chapters', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s types no figure', (path) => {
    const file = relative(process.cwd(), path);
    const found = figuresInMdx(readFileSync(path, 'utf8'))
      .filter((f) => !(REVIEWED[`${file}:${f.line}`] ?? []).includes(f.text))
      .map((f) => `${file}:${f.line}: "${f.text}" in …${f.context}…`);
    expect(found).toEqual([]);
  });

  it('every reviewed exception still exists (stale entries must go)', () => {
    for (const [at, texts] of Object.entries(REVIEWED)) {
      const [file, line] = at.split(':');
      const here = figuresInMdx(readFileSync(file, 'utf8')).filter((f) => f.line === Number(line)).map((f) => f.text);
      expect(here, at).toEqual(texts);
    }
  });
});

/**
 * Issue 11: a change between waves is worded by a test (<Change>), never by the editor. A
 * paragraph (text between blank lines) breaks the rule when it quotes <Stat> figures of two
 * different waves (the reader is invited to compare them), or when it uses a change verb next to
 * a <Stat> of another wave than the page's.
 */
const CHANGE_VERB = /上昇|低下|増加|減少|上が[らりるれっ]|下が[らりるれっ]|増え|減[らりるれっ]|伸び|広が|縮ま|横ばい|変わ[らりるれっ]|上回|下回/;

export function waveComparisons(source: string, pageWave: string): Array<{ line: number; why: string }> {
  const found: Array<{ line: number; why: string }> = [];
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, blank);
  for (const m of body.matchAll(/\S(?:[^\n]|\n(?![ \t]*\n))*/g)) {
    const paragraph = m[0];
    const line = body.slice(0, m.index).split('\n').length;
    const stats = [...paragraph.matchAll(/<Stat\b[^>]*?\/>/g)].map((m) => /\bwave="([^"]+)"/.exec(m[0])?.[1] ?? pageWave);
    const waves = new Set(stats);
    const other = stats.some((w) => w !== pageWave);
    const verb = CHANGE_VERB.exec(proseOf(paragraph));
    if (waves.size >= 2) found.push({ line, why: `quotes <Stat> figures of waves ${[...waves].sort().join(' and ')}: compare them with <Change>` });
    else if (other && verb) found.push({ line, why: `says "${verb[0]}" next to a <Stat> of another wave: word the change with <Change>` });
  }
  return found;
}

describe('changes between waves are worded by <Change>', () => {
  it('the rule catches comparisons across waves, in one sentence or across two, and change verbs', () => {
    expect(waveComparisons('A は<Stat q="a" option={1} wave="2022" />から<Stat q="a" option={1} />へ上がりました。', '2023')).toHaveLength(1);
    expect(waveComparisons('2022年は<Stat q="a" option={1} wave="2022" />でした。2023年は<Stat q="a" option={1} />です。', '2023')).toHaveLength(1);
    expect(waveComparisons('2024年の調査では<Stat q="a" option={1} wave="2024" />に増えています。', '2023')[0].why).toMatch(/増え/);
    expect(waveComparisons('A は<Change q="a" option={1} from="2022" />。', '2023')).toEqual([]);
    expect(waveComparisons('新規売上が増えた人は<Stat q="a" option={1} />です。', '2023')).toEqual([]);
    expect(waveComparisons('一段落目<Stat q="a" option={1} wave="2022" />です。\n\n二段落目<Stat q="a" option={1} />です。', '2023')).toEqual([]);
  });

  it.each(mdxFiles('content'))('%s compares waves only through <Change>', (path) => {
    const pageWave = relative('content', path).split(/[\\/]/)[1];
    const found = waveComparisons(readFileSync(path, 'utf8'), pageWave).map((f) => `${relative(process.cwd(), path)} paragraph at line ${f.line}: ${f.why}`);
    expect(found).toEqual([]);
  });
});
