/**
 * Problems an editor can act on: collected all at once, grouped when repeated, rendered in
 * Japanese — `file 214行目・列 C (FY列): "value" は…（想定: …）` — or in English —
 * `file row R, column C (column FY): "value" message (expected …)`. The Japanese wording comes
 * from the catalogue in messages-ja.ts; the language is chosen by the caller (scripts read
 * HAKUSHO_LANG with `languageOf`).
 */
import type { Problem } from './types.ts';
import { ENTRY_NAME_FIELDS } from './schema-errors.ts';
import { expectedJa, messageJa, valueJa } from './messages-ja.ts';
import type { Lang } from './messages-ja.ts';

export { languageOf } from './messages-ja.ts';
export type { Lang } from './messages-ja.ts';

/** How many occurrences of one rule in one file and column are kept one by one. */
export const KEPT_PER_GROUP = 20;
/** How many rows a grouped line lists before "and N more". */
const LISTED_ROWS = 5;

function groupKey(p: Problem): string {
  return `${p.file}\u0000${p.rule}\u0000${p.column ?? ''}`;
}

/**
 * Collects problems, keeping the first `KEPT_PER_GROUP` of each file+rule+column group and
 * counting the rest (a file with a million bad cells must not cost a million objects).
 */
export class ProblemList {
  readonly problems: Problem[] = [];
  private readonly kept = new Map<string, Problem[]>();

  /** The group of the previous call: a column full of bad cells adds to the same group row after row. */
  private last: { file: string; rule: string; column: string | undefined; group: Problem[] } | null = null;

  add(problem: Problem): void {
    const last = this.last;
    let group: Problem[] | undefined;
    if (last && last.file === problem.file && last.rule === problem.rule && last.column === problem.column) group = last.group;
    else {
      const key = groupKey(problem);
      group = this.kept.get(key);
      if (!group) this.kept.set(key, (group = []));
      this.last = { file: problem.file, rule: problem.rule, column: problem.column, group };
    }
    if (group.length < KEPT_PER_GROUP) {
      group.push(problem);
      this.problems.push(problem);
    } else {
      const tail = group[group.length - 1];
      tail.repeats = (tail.repeats ?? 0) + 1 + (problem.repeats ?? 0);
    }
  }

  addAll(problems: Iterable<Problem>): void {
    for (const p of problems) this.add(p);
  }

  get size(): number {
    return this.problems.length;
  }
}

/** A file of rows and columns: responses.csv, tables.csv, or an Excel delivery (responses.xlsx). */
const isCsv = (file: string) => /\.(csv|xlsx)$/i.test(file);

/** A workbook cell as Excel names it, `回答データ!BR214`, when the problem has a sheet, row and column. */
function cellName(p: Problem): string | undefined {
  return p.sheet !== undefined && p.row !== undefined && p.columnIndex !== undefined ? `${p.sheet}!${columnLetters(p.columnIndex + 1)}${p.row}` : undefined;
}

/** Excel's letters of a column, numbered from 1: 1 → A, 26 → Z, 27 → AA, 181 → FY, 16384 → XFD. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The entry at the start of a YAML path: `questions[30]`, `crosswalk.questions[2]`. */
const ENTRY_PATH = /^((?:crosswalk\.)?[a-z]+)\[(\d+)\]/;

/** What the entries of each named list are, in Japanese. */
const ENTRY_NOUNS: Record<string, string> = { questions: '設問', derived: '派生変数', universes: 'universe', chapters: '章', headlines: '見出しの数値', 'crosswalk.questions': '対応づけ' };

/**
 * A YAML path with the name of its entry: `questions[30] (id: cs_effect).options[2].code`, or in
 * Japanese `設問 cs_effect（questions[30]）の options[2].code`.
 */
function pathName(p: Problem, lang: Lang): string {
  const column = p.column!;
  if (lang === 'ja' && column === '(top level)') return '（最上位）';
  const m = p.entry !== undefined ? ENTRY_PATH.exec(column) : null;
  const field = m ? ENTRY_NAME_FIELDS[m[1]] : undefined;
  if (!m || field === undefined) return shortColumn(column);
  const entry = shortColumn(p.entry!);
  const rest = shortColumn(column.slice(m[0].length));
  if (lang === 'en') return `${m[0]} (${field}: ${entry})${rest}`;
  const noun = ENTRY_NOUNS[m[1]];
  const named = field === 'id' ? `${noun} ${entry}（${m[0]}）` : `${noun}（${m[0]}、${field}: ${entry}）`;
  return rest === '' ? named : `${named}の ${rest.replace(/^\./, '')}`;
}

/** How a CSV column without a header is named in `Problem.column`: `(column 15)`. */
const UNNAMED = /^\(column \d+\)$/;

/** The column as the editor finds it: its name, and for a CSV column its letters as Excel shows them. */
function columnName(p: Problem, lang: Lang): string {
  const csv = isCsv(p.file);
  const column = (name: string) => (lang === 'ja' ? `列 ${name}` : `column ${name}`);
  if (p.columnIndex === undefined) return csv ? column(shortColumn(p.column!)) : pathName(p, lang);
  const letters = columnLetters(p.columnIndex + 1);
  if (UNNAMED.test(p.column!)) return lang === 'ja' ? `見出しのない列 (${letters}列)` : `unnamed column ${letters}`;
  return lang === 'ja' ? `${column(shortColumn(p.column!))} (${letters}列)` : `${column(shortColumn(p.column!))} (column ${letters})`;
}

function where(p: Problem, lang: Lang): string {
  const parts = [p.file];
  const cell = cellName(p);
  if (p.sheet !== undefined) {
    // An Excel delivery: the cell (Sheet1!FY214), else the sheet and row.
    if (cell !== undefined) parts.push(cell);
    else parts.push(lang === 'ja' ? `シート ${p.sheet}${p.row !== undefined ? ` ${p.row}行目` : ''}` : `sheet ${p.sheet}${p.row !== undefined ? ` row ${p.row}` : ''}`);
    const head = parts.join(' ');
    if (p.column === undefined) return head;
    const column = lang === 'ja' ? `列 ${shortColumn(p.column)}` : `column ${shortColumn(p.column)}`;
    return lang === 'ja' ? `${head}・${cell !== undefined ? column : columnName(p, lang)}` : `${head}, ${cell !== undefined ? column : columnName(p, lang)}`;
  }
  if (lang === 'ja') {
    if (p.row !== undefined) parts.push(`${p.row}行目`);
    if (p.line !== undefined) parts.push(`${p.line}行目`);
    const head = parts.join(' ');
    if (p.column === undefined) return head;
    return `${head}${parts.length > 1 ? '・' : ' '}${columnName(p, lang)}`;
  }
  if (p.row !== undefined) parts.push(`row ${p.row}`);
  if (p.line !== undefined) parts.push(`line ${p.line}`);
  const head = parts.join(' ');
  // CSV columns are named as such; codebook problems give a YAML path instead.
  return p.column !== undefined ? `${head}, ${columnName(p, lang)}` : head;
}

/** A column name or path as found, shortened when a hostile header makes it huge. */
function shortColumn(column: string): string {
  return column.length > 120 ? `${column.slice(0, 117)}…` : column;
}

/** A value as shown: a value found in a file quoted verbatim, a computed one (`13 fields`) in the language of the line. */
function shownValue(p: Problem, lang: Lang): string | undefined {
  if (!p.value) return undefined;
  return (lang === 'ja' ? valueJa(p.value, p.rule, p.column) : undefined) ?? quote(p.value);
}

/** `（想定: 1–5）` or ` (expected 1–5)`. */
function expectation(p: Problem, lang: Lang): string {
  if (p.expected === undefined) return '';
  return lang === 'ja' ? `（想定: ${expectedJa(p.expected) ?? p.expected}）` : ` (expected ${p.expected})`;
}

function what(p: Problem, lang: Lang): string {
  const value = shownValue(p, lang);
  const ja = lang === 'ja' ? messageJa(p.message, p.rule, value) : undefined;
  // English, and Japanese that the catalogue cannot word, read the same: value, message, expectation.
  return `${ja ?? `${value !== undefined ? `${value} ` : ''}${p.message}`}${expectation(p, lang)}`;
}

/** Quotes a found value for display, shortening long ones and making blanks and control characters visible. */
export function quote(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 37)}…` : value;
  return JSON.stringify(shown);
}

/**
 * Control characters (C0, DEL, C1), bidirectional overrides and line separators written as
 * `\u001b` etc.: text from data files (column names, values, titles) goes to a terminal, where an
 * ANSI escape sequence could clear the screen or fake a message, and a newline could fake a line.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * One problem as one line, in Japanese unless `lang` is `en`:
 * `data/x/responses.csv 214行目・列 cs_effect (I列): "9" は選択肢にありません（想定: 1–5）`, or
 * `data/x/responses.csv row 214, column cs_effect (column I): "9" is not an option (expected 1–5)`.
 */
export function formatProblem(p: Problem, lang: Lang = 'ja'): string {
  return printable(`${where(p, lang)}: ${what(p, lang)}`);
}

/**
 * Every problem as lines, repeats grouped: one line per file+rule+column with the count and the
 * first few rows, e.g. `data/x/responses.csv 列 cs_effect (I列)、37行: 選択肢にありません（想定: 1–5） — 214行目 "9"、215行目 "0"、…、… ほか32件`
 * (`… column cs_effect (column I), 37 rows: is not an option (expected 1–5) — row 214 "9", row 215 "0", … and 32 more` in English).
 */
export function formatProblems(problems: Problem[], lang: Lang = 'ja'): string[] {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    const key = groupKey(p);
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  const lines: string[] = [];
  for (const group of groups.values()) {
    const total = group.reduce((sum, p) => sum + 1 + (p.repeats ?? 0), 0);
    if (total === 1) {
      lines.push(formatProblem(group[0], lang));
      continue;
    }
    const first = group[0];
    const located = group.filter((p) => p.row !== undefined || p.line !== undefined);
    if (located.length === 0) {
      lines.push(...group.map((p) => formatProblem(p, lang)));
      continue;
    }
    const unit = first.row !== undefined ? 'row' : 'line';
    const at = (p: Problem) => {
      const value = shownValue(p, lang);
      const cell = cellName(p);
      const place = cell !== undefined ? cell.slice(cell.lastIndexOf('!') + 1) : lang === 'ja' ? `${p[unit]}行目` : `${unit} ${p[unit]}`;
      return `${place}${value !== undefined ? ` ${value}` : ''}`;
    };
    const listed = located.slice(0, LISTED_ROWS).map(at);
    const more = total - listed.length;
    const file = first.sheet === undefined ? first.file : `${first.file} ${lang === 'ja' ? 'シート' : 'sheet'} ${first.sheet}`;
    const head = first.column === undefined ? file : `${file} ${columnName(first, lang)}`;
    if (lang === 'ja') {
      const message = messageJa(first.message, first.rule) ?? first.message;
      lines.push(printable(`${head}、${total}${unit === 'row' ? '行' : '件'}: ${message}${expectation(first, lang)} — ${listed.join('、')}${more > 0 ? `、… ほか${more}件` : ''}`));
    } else lines.push(printable(`${head}, ${total} ${unit}s: ${first.message}${expectation(first, lang)} — ${listed.join(', ')}${more > 0 ? ` and ${more} more` : ''}`));
  }
  return lines;
}

/** The heading of `ProblemsError` when none is given. */
const HEADING: Record<Lang, string> = { ja: '調査データに問題があります', en: 'The survey data has problems' };

/**
 * An Error whose message lists every problem (what `loadCatalog` and the build throw), in
 * Japanese unless `lang` is `en`. `heading`: one text, or one per language.
 */
export class ProblemsError extends Error {
  override name = 'ProblemsError';
  readonly problems: Problem[];
  constructor(problems: Problem[], heading: string | Record<Lang, string> = HEADING, lang: Lang = 'ja') {
    const lines = formatProblems(problems, lang);
    const title = typeof heading === 'string' ? heading : heading[lang];
    const count = lang === 'ja' ? `（問題 ${problems.length === 1 ? '1 件' : `${lines.length} 行`}）` : ` (${problems.length === 1 ? '1 problem' : `${lines.length} problem lines`})`;
    super(`${title}${count}:\n${lines.map((l) => `  ${l}`).join('\n')}`);
    this.problems = problems;
  }
}
