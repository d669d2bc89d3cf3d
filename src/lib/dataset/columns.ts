/**
 * Column sinks: each CSV column of responses.csv copies its cells, a chunk at a time, into
 * growable typed storage, reporting cells that are not valid for it. One sink per column kind.
 */
import type { Option } from './codebook.ts';
import type { ProblemList } from './problem.ts';
import { describeCodes } from './options.ts';

export interface Sink {
  /** Copy column `col` of `rows` (records from `first`, Excel row of rows[0] = `row0`). */
  fill(rows: (string[] | null)[], col: number, first: number, row0: number): void;
  /** Make room for `capacity` records. */
  grow(capacity: number): void;
}

function grown<T extends Int16Array | Float64Array | Uint8Array | Uint16Array>(array: T, capacity: number, fill?: number): T {
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
  invalid?: Set<number>;
}

/** Single / ordinal / banded / grid-row cells: option code → option position, blank → -1. */
export class CodedSink implements Sink {
  index: Int16Array;
  private readonly lookup: Map<string, number>;
  private readonly expected: string;
  private readonly ctx: Context;
  constructor(options: Option[], capacity: number, ctx: Context) {
    this.index = new Int16Array(capacity).fill(-1);
    this.lookup = new Map(options.map((o, k) => [String(o.code), k]));
    this.expected = describeCodes(options.map((o) => o.code));
    this.ctx = ctx;
  }
  grow(capacity: number): void {
    this.index = grown(this.index, capacity, -1);
  }
  fill(rows: (string[] | null)[], col: number, first: number, row0: number): void {
    const { index, lookup } = this;
    for (let j = 0; j < rows.length; j++) {
      const row = rows[j];
      if (row === null) continue;
      const cell = row[col];
      if (cell === '') continue;
      const k = lookup.get(cell);
      if (k !== undefined) index[first + j] = k;
      else {
        this.ctx.invalid?.add(first + j);
        this.ctx.problems.add({ file: this.ctx.file, row: row0 + j, column: this.ctx.column, value: cell, rule: 'unknown-code', message: 'is not an option', expected: this.expected });
      }
    }
  }
}

/** One 0/1 column of a multi-answer option: sets bits, counts non-blank cells per respondent. */
export class MultiOptionSink implements Sink {
  chosen: Uint8Array;
  private readonly ctx: Context;
  private readonly owner: { nonBlank: Uint16Array };
  constructor(owner: { nonBlank: Uint16Array }, capacity: number, ctx: Context) {
    this.chosen = new Uint8Array(capacity);
    this.owner = owner;
    this.ctx = ctx;
  }
  grow(capacity: number): void {
    this.chosen = grown(this.chosen, capacity);
  }
  fill(rows: (string[] | null)[], col: number, first: number, row0: number): void {
    const { chosen } = this;
    const nonBlank = this.owner.nonBlank;
    for (let j = 0; j < rows.length; j++) {
      const row = rows[j];
      if (row === null) continue;
      const cell = row[col];
      if (cell === '0') nonBlank[first + j]++;
      else if (cell === '1') {
        nonBlank[first + j]++;
        chosen[first + j] = 1;
      } else if (cell !== '') {
        nonBlank[first + j]++;
        this.ctx.invalid?.add(first + j);
        this.ctx.problems.add({ file: this.ctx.file, row: row0 + j, column: this.ctx.column, value: cell, rule: 'multi-cell', message: 'is not 0 or 1', expected: '1 (chosen), 0 (not chosen) or blank (not asked)' });
      }
    }
  }
}

/** Per multi question: how many of its option columns are non-blank, per respondent. */
export class MultiCounter {
  nonBlank: Uint16Array;
  constructor(capacity: number) {
    this.nonBlank = new Uint16Array(capacity);
  }
  grow(capacity: number): void {
    this.nonBlank = grown(this.nonBlank, capacity);
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
