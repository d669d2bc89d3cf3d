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

interface Context {
  file: string;
  column: string;
  problems: ProblemList;
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
      const k = cell.length === 1 ? (digit[cell.charCodeAt(0)] ?? -2) : (lookup.get(cell) ?? -2);
      if (k >= 0) index[first + j] = k;
      else {
        this.ctx.invalid?.add(first + j);
        this.ctx.problems.add({ file: this.ctx.file, row: row0 + j, column: this.ctx.column, value: cell, rule: 'unknown-code', message: 'is not an option', expected: this.expected });
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
        if (cell === '0') filled++;
        else if (cell === '1') {
          filled++;
          chosen[k][word] |= bit;
        } else if (cell !== '') {
          filled++;
          this.ctx.invalid?.add(i);
          this.ctx.problems.add({ file: this.ctx.file, row: row0 + j, column: this.columns[k], value: cell, rule: 'multi-cell', message: 'is not 0 or 1', expected: '1 (chosen), 0 (not chosen) or blank (not asked)' });
        }
      }
      nonBlank[i] = filled;
    }
  }
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
        this.ctx.problems.add({ file: this.ctx.file, row: row0 + j, column: this.ctx.column, value: cell, rule: 'numeric-value', message, expected: this.describe() });
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
        problems.add({ file, row: row0 + j, column, value: id, rule: 'missing-id', message: 'is blank', expected: 'a respondent id on every row' });
        continue;
      }
      const seen = this.firstRow.get(id);
      if (seen !== undefined) problems.add({ file, row: row0 + j, column, value: id, rule: 'duplicate-id', message: `repeats the id of row ${seen}`, expected: 'a unique respondent id' });
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
      else this.ctx.problems.add({ file: this.ctx.file, row: row0 + j, column: this.ctx.column, value: row[col], rule: 'weight', message: row[col] === '' ? 'is blank' : 'is not a positive number', expected: 'a positive, finite weight on every row' });
    }
  }
}
