/**
 * The self-benchmark's state lives in the URL query string, so a comparison can be shared:
 *
 * ```
 * ?<metric>=<value>      a number metric (churn=1.5, accounts=40 …): the reader's value
 * ?<metric>=<code>       a choice metric (nrr=4, touch=1): the code of the class chosen
 * &seg=all|saas|size     who to compare with (default all)
 * &emp=<employees>       the reader's employee count, for seg=size
 * ```
 *
 * Parsing never throws: a value that is not a number, a code that is not a class, an unknown
 * segment are ignored, each with a notice (Japanese, plain text) saying what was ignored.
 * Other parameters are left alone.
 */
import { MAX_QUERY_LENGTH } from '../explore/source.ts';
import type { BenchmarkAnswer, SegmentChoice } from './compare.ts';
import type { BenchmarkMetric } from './types.ts';

export interface BenchmarkState {
  /** Answers by metric id, in the metrics' order. */
  answers: Map<string, BenchmarkAnswer>;
  segment: SegmentChoice;
  /** The reader's number of employees (for the company-size segment). */
  employees: number | null;
}

export interface ParsedBenchmarkState {
  state: BenchmarkState;
  notices: string[];
}

type MetricKey = Pick<BenchmarkMetric, 'id' | 'label' | 'input' | 'classes'>;

const SEGMENTS: readonly SegmentChoice[] = ['all', 'saas', 'size'];
export const SEGMENT_PARAM = 'seg';
export const EMPLOYEES_PARAM = 'emp';

/** A plain decimal: optional minus, up to 12 digits, up to 6 decimals (no exponent, no separators). */
const NUMBER = /^-?\d{1,12}(?:\.\d{1,6})?$/;
const CODE = /^\d{1,4}$/;

/** A value quoted safely for a notice: control characters removed, shortened. */
export function quote(value: string): string {
  const clean = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, 40);
  return `「${clean}${value.length > 40 ? '…' : ''}」`;
}

/** A typed number (the URL or a form field), or null when it is not a plain decimal. */
export function readNumber(raw: string): number | null {
  const text = raw.trim();
  if (!NUMBER.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

export function emptyState(): BenchmarkState {
  return { answers: new Map(), segment: 'all', employees: null };
}

/** Reads one metric's raw value: the answer, or the notice saying why it was ignored. */
export function readAnswer(metric: MetricKey, raw: string): { answer: BenchmarkAnswer | null; notice: string | null } {
  if (metric.input === 'number') {
    const value = readNumber(raw);
    return value === null ? { answer: null, notice: `${metric.label}の値${quote(raw)}は数値ではないため無視しました。` } : { answer: { value }, notice: null };
  }
  const code = CODE.test(raw) ? Number(raw) : Number.NaN;
  if (!metric.classes.some((c) => c.code === code)) return { answer: null, notice: `${metric.label}の選択${quote(raw)}は選択肢にないため無視しました。` };
  return { answer: { code }, notice: null };
}

/** Reads a URL query string: always a valid state, plus notices for what was ignored. */
export function parseBenchmarkState(search: string, metrics: readonly MetricKey[]): ParsedBenchmarkState {
  const notices: string[] = [];
  const state = emptyState();
  if (search.length > MAX_QUERY_LENGTH) {
    notices.push(`URLが長すぎるため（${search.length}文字）、入力を読み込みませんでした。`);
    return { state, notices };
  }
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { state, notices: ['URLを読み取れないため、入力を読み込みませんでした。'] };
  }
  for (const metric of metrics) {
    const raw = params.get(metric.id);
    if (raw === null || raw === '') continue;
    const { answer, notice } = readAnswer(metric, raw);
    if (notice) notices.push(notice);
    if (answer) state.answers.set(metric.id, answer);
  }
  const seg = params.get(SEGMENT_PARAM);
  if (seg !== null && seg !== '') {
    if ((SEGMENTS as readonly string[]).includes(seg)) state.segment = seg as SegmentChoice;
    else notices.push(`比べる相手${quote(seg)}は選択肢にないため、全体と比べています。`);
  }
  const emp = params.get(EMPLOYEES_PARAM);
  if (emp !== null && emp !== '') {
    const value = readNumber(emp);
    if (value === null) notices.push(`従業員数${quote(emp)}は数値ではないため無視しました。`);
    else state.employees = value;
  }
  return { state, notices };
}

/** The query string of a state (`?churn=1.5&seg=size&emp=250`), metrics in their order; `''` when empty. */
export function serializeBenchmarkState(state: BenchmarkState, metrics: readonly Pick<BenchmarkMetric, 'id'>[]): string {
  const params = new URLSearchParams();
  for (const metric of metrics) {
    const answer = state.answers.get(metric.id);
    if (answer) params.set(metric.id, String('value' in answer ? answer.value : answer.code));
  }
  if (state.segment !== 'all') params.set(SEGMENT_PARAM, state.segment);
  if (state.employees !== null) params.set(EMPLOYEES_PARAM, String(state.employees));
  const query = params.toString();
  return query ? `?${query}` : '';
}
