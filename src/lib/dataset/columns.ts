/**
 * Column sinks: each CSV column of responses.csv copies its cells, a chunk at a time, into
 * growable typed storage, reporting cells that are not valid for it. One sink per column kind.
 */
import type { Option } from './codebook.ts';
import type { ProblemList } from './problem.ts';
import { describeCodes } from './options.ts';
import type { GrowingBitset } from './bitset.ts';

export interface Sink {
  /** Copy column `col` of `rows` (records from `first`, Excel row of rows[0] = `row0`). */
  fill(rows: (string[] | null)[], col: number, first: number, row0: number): void;
  /** Make room for `capacity` records. */
  grow(capacity: number): void;
}

function grown<T extends Int16Array | Float64Array | Uint16Array>(array: T, capacity: number, fill?: number): T {
  if (array.length >= capacity) return array;
  const next = new (array.constructor as new (n: number) => T)(capacity);
  if (fill !== undefined) next.fill(fill);
  next.set(array);
  return next;
}

/** Cells read as codes only after normalising the way Excel writes them (counted, reported once). */
export interface Normalised {
  count: number;
  /** The first few, as found: "cs_effect 行 214「１」". */
  examples: string[];
}

/**
 * A code cell as Excel may write it, normalised: full-width digits (「１」) by NFKC, surrounding
 * spaces (also the ideographic space), and an integral decimal ("5.0"). Only cells made of digits,
 * signs, a point and spaces are normalised (NFKC would also read "²" as 2); a leading zero ("02")
 * is no code. Null when nothing changes or it is no integer.
 */
export function normaliseCode(cell: string): string | null {
  if (!/^[\s\u30000-9０-９.．+＋\-－]+$/.test(cell)) return null;
  const n = cell.normalize('NFKC').trim();
  const m = /^(-?(?:0|[1-9]\d{0,8}))(?:\.0+)?$/.exec(n);
  if (!m) return null;
  return m[1] === cell ? null : m[1];
}

interface Context {
  file: string;
  column: string;
  problems: ProblemList;
  /** Cells accepted after normalisation (`normaliseCode`): one notice for the file, not an error per cell. */
  normalised?: Normalised;
  /** Records (0-based) whose cell was invalid: later checks (routing) skip them rather than pile on. */
  invalid?: GrowingBitset;
}

/** Single / ordinal / banded / grid-row cells: option code → option position, blank → -1. */
export class CodedSink implements Sink {
  index: Int16Array;
  private readonly lookup: Map<string, number>;
  /** Position by char code for one-character cells (codes 0–9): -2 = not an option. */
  private readonly digit = new Int16Array(128).fill(-2);
  private readonly expected: string;
  private readonly ctx: Context;
  constructor(options: Option[], capacity: number, ctx: Context) {
    this.index = new Int16Array(capacity).fill(-1);
    this.lookup = new Map(options.map((o, k) => [String(o.code), k]));
    options.forEach((o, k) => o.code >= 0 && o.code <= 9 && (this.digit[48 + o.code] = k));
    this.expected = describeCodes(options.map((o) => o.code));
    this.ctx = ctx;
  }
  grow(capacity: number): void {
    this.index = grown(this.index, capacity, -1);
  }
  fill(rows: (string[] | null)[], col: number, first: number, row0: number): void {
    const { index, lookup, digit } = this;
    for (let j = 0; j < rows.length; j++) {
      const row = rows[j];
      if (row === null) continue;
      const cell = row[col];
      if (cell === '') continue;
      let k = cell.length === 1 ? (digit[cell.charCodeAt(0)] ?? -2) : (lookup.get(cell) ?? -2);
      if (k < 0) {
        const code = normaliseCode(cell);
        k = code === null ? -2 : (lookup.get(code) ?? -2);
        if (k >= 0) noteNormalised(this.ctx, cell, row0 + j);
      }
      if (k >= 0) index[first + j] = k;
      else {
        this.ctx.invalid?.add(first + j);
        this.ctx.problems.add({ file: this.ctx.file, row: row0 + j, column: this.ctx.column, columnIndex: col, value: cell, rule: 'unknown-code', message: 'is not an option', expected: this.expected });
      }
    }
  }
}

/**
 * The 0/1 option columns of one multi-answer question, read row by row (the question's cells sit
 * side by side in each record): one bitset per option and, per respondent, how many of the
 * question's cells were filled.
 */
export class MultiSink implements Sink {
  /** Bitset per option, in option order (grown with the capacity). */
  chosen: Uint32Array[];
  /** Non-blank option cells per respondent. */
  nonBlank: Uint16Array;
  /** CSV column of each option (-1 = missing from the header). */
  readonly cols: number[];
  private readonly columns: string[];
  private readonly ctx: Context;
  constructor(columns: string[], capacity: number, ctx: Context) {
    this.columns = columns;
    this.cols = columns.map(() => -1);
    this.chosen = columns.map(() => new Uint32Array((capacity + 31) >>> 5));
    this.nonBlank = new Uint16Array(capacity);
    this.ctx = ctx;
  }
  grow(capacity: number): void {
    const words = (capacity + 31) >>> 5;
    this.nonBlank = grown(this.nonBlank, capacity);
    this.chosen = this.chosen.map((bits) => {
      if (bits.length >= words) return bits;
      const next = new Uint32Array(words);
      next.set(bits);
      return next;
    });
  }
  fill(rows: (string[] | null)[], _col: number, first: number, row0: number): void {
    const { chosen, cols, nonBlank } = this;
    const width = cols.length;
    for (let j = 0; j < rows.length; j++) {
      const row = rows[j];
      if (row === null) continue;
      const i = first + j;
      const word = i >>> 5;
      const bit = 1 << (i & 31);
      let filled = 0;
      for (let k = 0; k < width; k++) {
        const c = cols[k];
        if (c < 0) continue;
        const cell = row[c];
        const value = cell === '0' || cell === '1' || cell === '' ? cell : (normaliseCode(cell) ?? cell);
        if (value !== cell && (value === '0' || value === '1')) noteNormalised({ ...this.ctx, column: this.columns[k] }, cell, row0 + j);
        if (value === '0') filled++;
        else if (value === '1') {
          filled++;
          chosen[k][word] |= bit;
        } else if (cell !== '') {
          filled++;
          this.ctx.invalid?.add(i);
          this.ctx.problems.add({ file: this.ctx.file, row: row0 + j, column: this.columns[k], columnIndex: c, value: cell, rule: 'multi-cell', message: 'is not 0 or 1', expected: '1 (chosen), 0 (not chosen) or blank (not asked)' });
        }
      }
      nonBlank[i] = filled;
    }
  }
}

function noteNormalised(ctx: Context, cell: string, row: number): void {
  if (!ctx.normalised) return;
  ctx.normalised.count++;
  if (ctx.normalised.examples.length < 3) ctx.normalised.examples.push(`${ctx.column} 行${row}「${cell}」`);
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A plain decimal number as written in a CSV cell (no thousands separators, no units). */
export function parseNumber(cell: string): number {
  return NUMBER.test(cell) ? Number(cell) : NaN;
}

/** Numeric cells: blank → NaN; checks number form, min, max and integer. */
export class NumericSink implements Sink {
  values: Float64Array;
  private readonly ctx: Context;
  private readonly limits: { min?: number; max?: number; integer: boolean };
  constructor(limits: { min?: number; max?: number; integer: boolean }, capacity: number, ctx: Context) {
    this.values = new Float64Array(capacity).fill(NaN);
    this.limits = limits;
    this.ctx = ctx;
  }
  grow(capacity: number): void {
    this.values = grown(this.values, capacity, NaN);
  }
  private describe(): string {
    const { min, max, integer } = this.limits;
    const kind = integer ? 'a whole number' : 'a number';
    if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}`;
    if (min !== undefined) return `${kind} ≥ ${min}`;
    if (max !== undefined) return `${kind} ≤ ${max}`;
    return kind;
  }
  fill(rows: (string[] | null)[], col: number, first: number, row0: number): void {
    const { values } = this;
    const { min = -Infinity, max = Infinity, integer } = this.limits;
    for (let j = 0; j < rows.length; j++) {
      const row = rows[j];
      if (row === null) continue;
      const cell = row[col];
      if (cell === '') continue;
      const x = parseNumber(cell);
      if (Number.isFinite(x) && x >= min && x <= max && (!integer || Number.isInteger(x))) values[first + j] = x;
      else {
        const message = !Number.isFinite(x) ? 'is not a number' : integer && !Number.isInteger(x) ? 'is not a whole number' : 'is out of range';
        this.ctx.invalid?.add(first + j);
        this.ctx.problems.add({ file: this.ctx.file, row: row0 + j, column: this.ctx.column, columnIndex: col, value: cell, rule: 'numeric-value', message, expected: this.describe() });
      }
    }
  }
}

/** Free-text cells: kept verbatim (line breaks as \n), blank → null. */
export class TextSink implements Sink {
  values: (string | null)[] = [];
  grow(): void {}
  fill(rows: (string[] | null)[], col: number, first: number): void {
    for (let j = 0; j < rows.length; j++) {
      const row = rows[j];
      this.values[first + j] = row === null || row[col] === '' ? null : row[col].replace(/\r\n?/g, '\n');
    }
  }
}

/** Respondent ids: present and unique. */
export class IdSink implements Sink {
  ids: string[] = [];
  private readonly firstRow = new Map<string, number>();
  private readonly ctx: Context;
  constructor(ctx: Context) {
    this.ctx = ctx;
  }
  grow(): void {}
  fill(rows: (string[] | null)[], col: number, first: number, row0: number): void {
    for (let j = 0; j < rows.length; j++) {
      const row = rows[j];
      const id = row === null ? '' : row[col];
      this.ids[first + j] = id;
      if (row === null) continue;
      const { file, column, problems } = this.ctx;
      if (id.trim() === '') {
        problems.add({ file, row: row0 + j, column, columnIndex: col, value: id, rule: 'missing-id', message: 'is blank', expected: 'a respondent id on every row' });
        continue;
      }
      const seen = this.firstRow.get(id);
      if (seen !== undefined) problems.add({ file, row: row0 + j, column, columnIndex: col, value: id, rule: 'duplicate-id', message: `repeats the id of row ${seen}`, expected: 'a unique respondent id' });
      else this.firstRow.set(id, row0 + j);
    }
  }
}

/** Weights: positive finite numbers on every row. */
export class WeightSink implements Sink {
  values: Float64Array;
  private readonly ctx: Context;
  constructor(capacity: number, ctx: Context) {
    this.values = new Float64Array(capacity).fill(NaN);
    this.ctx = ctx;
  }
  grow(capacity: number): void {
    this.values = grown(this.values, capacity, NaN);
  }
  fill(rows: (string[] | null)[], col: number, first: number, row0: number): void {
    for (let j = 0; j < rows.length; j++) {
      const row = rows[j];
      if (row === null) continue;
      const w = parseNumber(row[col]);
      if (Number.isFinite(w) && w > 0) this.values[first + j] = w;
      else this.ctx.problems.add({ file: this.ctx.file, row: row0 + j, column: this.ctx.column, columnIndex: col, value: row[col], rule: 'weight', message: row[col] === '' ? 'is blank' : 'is not a positive number', expected: 'a positive, finite weight on every row' });
    }
  }
}
