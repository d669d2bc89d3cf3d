/**
 * The prose rules of chapters (README "Authoring chapters"), on text alone: which characters of
 * reader-facing prose are a typed figure, and which words say that something changed. Finding
 * the prose of an MDX file (its text, not its component tags) is the parser's job
 * (src/server/chapters.ts); `npm run validate` and the chapter tests both use these rules.
 *
 * Typed figures (`figuresIn`):
 * - any ASCII or full-width digit (0-9, ０-９), except a calendar year written as a four-digit
 *   19xx/20xx directly followed by 年 (「2023年調査」 names a wave, not a result), and a chapter
 *   number 第N章/節/部 (a cross-reference such as 第2章以降);
 * - a kanji numeral (〇一二三四五六七八九十百千万億) followed by a counter or unit (割, 分の, 人,
 *   名, 社, 件, 倍, 円, 歳, ポイント, %, ％), e.g. 八割, 二百人, 三倍; except a lone 一 before
 *   人/名/社/件 (the idiom 「一人あたり」 "per person" counts nothing) and a numeral after 数
 *   (数百社, 数十人: a vague amount, not a figure). 一割 is still caught.
 * Text inside 「」 (option, chapter and chart labels quoted in prose) is not prose.
 */

/** One typed figure found in prose. */
export interface Finding {
  /** 1-based line, relative to the text given. */
  line: number;
  /** 0-based position in its line. */
  column: number;
  /** The figure as typed ("86.0", "八割"). */
  text: string;
  /** A few characters around it, to find it in the file. */
  context: string;
}

/** Replaces a match by spaces of the same length, keeping newlines (so offsets and line numbers survive). */
export const blank = (match: string): string => match.replace(/[^\n]/g, ' ');

const YEAR = /(?:19|20)\d\d(?=年)/g;
const CHAPTER_NUMBER = /(?<=第)[0-9０-９]+(?=[章節部])/g;
const DIGIT = /[0-9０-９][0-9０-９.,．，]*/g;
const KANJI_FIGURE = /(?<!数)[〇一二三四五六七八九十百千万億]+(?=割|分の|人|名|社|件|倍|円|歳|ポイント|%|％)/g;

/** Blanks what is inside 「」 on one line (quoted labels), keeping the brackets and every offset. */
export function blankLabels(text: string): string {
  return text.replace(/「[^「」\n]*」/g, (m) => `「${blank(m.slice(1, -1))}」`);
}

/** Typed figures in a piece of prose (labels already blanked), by line. */
export function figuresIn(prose: string): Finding[] {
  const findings: Finding[] = [];
  prose.split('\n').forEach((raw, i) => {
    const line = raw.replace(YEAR, blank).replace(CHAPTER_NUMBER, blank);
    const context = (at: number, length: number) => raw.slice(Math.max(0, at - 12), at + length + 12).trim().replace(/\s{2,}/g, ' ');
    for (const m of line.matchAll(DIGIT)) findings.push({ line: i + 1, column: m.index, text: m[0], context: context(m.index, m[0].length) });
    for (const m of line.matchAll(KANJI_FIGURE)) {
      const after = line.slice(m.index + m[0].length);
      if (m[0] === '一' && /^[人名社件]/.test(after)) continue;
      const counter = after.match(/^(?:分の|ポイント|.)/)![0];
      findings.push({ line: i + 1, column: m.index, text: m[0] + counter, context: context(m.index, m[0].length) });
    }
  });
  return findings;
}

/**
 * Reviewed figures that may stand in prose: each is a fact about how a survey was run (a
 * screening condition of its panel), not a result the data could supply. Keyed by the chapter's
 * path under the content folder; a figure is allowed only inside its exact phrase. Adding to
 * this list needs the same justification; never add a result here (a test fails on an entry
 * that no longer matches anything).
 */
export const REVIEWED_FIGURES: ReadonlyArray<{ chapter: string; phrase: string; figure: string; why: string }> = [
  { chapter: 'jcsa/2025/ch1.mdx', phrase: '従業員1000名以上', figure: '1000', why: 'the paid panel was screened to companies of 1000+ employees: a fieldwork condition, not a finding' },
];

/**
 * Words that say a share went up or down (or stayed): next to a `<Stat>` of another wave they
 * word a change the editor did not test. Such a change is written with `<Change>`.
 */
export const CHANGE_VERB = /上昇|低下|増加|減少|上が[らりるれっ]|下が[らりるれっ]|増え|減[らりるれっ]|伸び|広が|縮ま|横ばい|変わ[らりるれっ]|上回|下回/;
