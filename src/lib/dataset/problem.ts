/**
 * Problems an editor can act on: collected all at once, grouped when repeated, rendered as
 * `file row R, column C: "value" message (expected …)`.
 */
import type { Problem } from './types.ts';
import { ENTRY_NAME_FIELDS } from './schema-errors.ts';

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

const isCsv = (file: string) => file.toLowerCase().endsWith('.csv');

/** Excel's letters of a column, numbered from 1: 1 → A, 26 → Z, 27 → AA, 181 → FY, 16384 → XFD. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The entry at the start of a YAML path: `questions[30]`, `crosswalk.questions[2]`. */
const ENTRY_PATH = /^((?:crosswalk\.)?[a-z]+)\[(\d+)\]/;

/** A YAML path with the name of its entry: `questions[30] (id: cs_effect).options[2].code`. */
function pathName(p: Problem): string {
  const m = p.entry !== undefined ? ENTRY_PATH.exec(p.column!) : null;
  const field = m ? ENTRY_NAME_FIELDS[m[1]] : undefined;
  if (!m || field === undefined) return shortColumn(p.column!);
  return `${m[0]} (${field}: ${shortColumn(p.entry!)})${shortColumn(p.column!.slice(m[0].length))}`;
}

/** How a CSV column without a header is named in `Problem.column`: `(column 15)`. */
const UNNAMED = /^\(column \d+\)$/;

/** The column as the editor finds it: its name, and for a CSV column its letters as Excel shows them. */
function columnName(p: Problem): string {
  if (p.columnIndex === undefined) return isCsv(p.file) ? `column ${shortColumn(p.column!)}` : pathName(p);
  const letters = columnLetters(p.columnIndex + 1);
  return UNNAMED.test(p.column!) ? `unnamed column ${letters}` : `column ${shortColumn(p.column!)} (column ${letters})`;
}

function where(p: Problem): string {
  const parts = [p.file];
  if (p.row !== undefined) parts.push(`row ${p.row}`);
  if (p.line !== undefined) parts.push(`line ${p.line}`);
  const head = parts.join(' ');
  // CSV columns are named as such; codebook problems give a YAML path instead.
  return p.column !== undefined ? `${head}, ${columnName(p)}` : head;
}

/** A column name or path as found, shortened when a hostile header makes it huge. */
function shortColumn(column: string): string {
  return column.length > 120 ? `${column.slice(0, 117)}…` : column;
}

function what(p: Problem): string {
  const value = p.value ? `${quote(p.value)} ` : '';
  const expected = p.expected !== undefined ? ` (expected ${p.expected})` : '';
  return `${value}${p.message}${expected}`;
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

/** One problem as one line: `data/x/responses.csv row 214, column cs_effect: "9" is not an option (expected 1–5)`. */
export function formatProblem(p: Problem): string {
  return printable(`${where(p)}: ${what(p)}`);
}

/**
 * Every problem as lines, repeats grouped: one line per file+rule+column with the count and the
 * first few rows, e.g. `data/x/responses.csv column cs_effect, 37 rows: is not an option (expected 1–5) — row 214 "9", row 215 "0", … and 32 more`.
 */
export function formatProblems(problems: Problem[]): string[] {
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
      lines.push(formatProblem(group[0]));
      continue;
    }
    const first = group[0];
    const located = group.filter((p) => p.row !== undefined || p.line !== undefined);
    if (located.length === 0) {
      lines.push(...group.map(formatProblem));
      continue;
    }
    const unit = first.row !== undefined ? 'row' : 'line';
    const listed = located.slice(0, LISTED_ROWS).map((p) => `${unit} ${p[unit]}${p.value ? ` ${quote(p.value)}` : ''}`);
    const more = total - listed.length;
    const head = first.column === undefined ? first.file : `${first.file} ${columnName(first)}`;
    const expected = first.expected !== undefined ? ` (expected ${first.expected})` : '';
    lines.push(printable(`${head}, ${total} ${unit}s: ${first.message}${expected} — ${listed.join(', ')}${more > 0 ? ` and ${more} more` : ''}`));
  }
  return lines;
}

/** An Error whose message lists every problem (what `loadCatalog` and the build throw). */
export class ProblemsError extends Error {
  override name = 'ProblemsError';
  readonly problems: Problem[];
  constructor(problems: Problem[], heading = 'The survey data has problems') {
    const lines = formatProblems(problems);
    super(`${heading} (${problems.length === 1 ? '1 problem' : `${lines.length} problem lines`}):\n${lines.map((l) => `  ${l}`).join('\n')}`);
    this.problems = problems;
  }
}
