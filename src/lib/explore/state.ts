/**
 * The explorer's state lives in the URL query string, so every view is a permalink and the
 * browser's back/forward buttons work. Parsing never throws: any malformed or hostile value is
 * replaced by a valid default and reported as a notice (Japanese, shown to the reader).
 *
 * ```
 * ?s=<survey>&w=<wave>&q=<question>[&b=<banner>][&u=<universe>]
 *  [&f=<variable>:in:<code,code…>]       single answer / derived: one of these codes
 *  [&f=<variable>:any:<code,…>]          multi answer: at least one of these options
 *  [&f=<variable>:all:<code,…>]          multi answer: every one of these options
 *  [&f=<variable>:range:<min>..<max>]    numeric: min ≤ value ≤ max (either side may be empty)
 *  [&v=count] [&mp=responses] [&ci=1] [&cmp=1 [&cc=<banner column code>]]
 * ```
 * Several `f` parameters combine with AND.
 */
// zod/mini: the same validation as zod, a tenth of the weight in the browser bundle.
import * as z from 'zod/mini';
import type { Filter } from '../dataset/codebook.ts';
import { ID_MAX_LENGTH, ID_PATTERN, WAVE_ID_MAX_LENGTH, WAVE_ID_PATTERN } from '../dataset/limits.ts';
import type { TableSpec } from '../stats/types.ts';
import { canCompare, type CatalogVariable, type CatalogWave, type ExploreCatalog } from './catalog.ts';

import { defaultQuestion, MAX_QUERY_LENGTH, pickWave } from './source.ts';

export { MAX_QUERY_LENGTH };
/** Most filters kept from a URL. */
export const MAX_FILTERS = 20;

const VarId = z.string().check(z.maxLength(ID_MAX_LENGTH), z.regex(ID_PATTERN));
const WaveId = z.string().check(z.maxLength(WAVE_ID_MAX_LENGTH), z.regex(WAVE_ID_PATTERN));
const Code = z.int().check(z.minimum(0), z.maximum(9999));
const Codes = z.array(Code).check(z.minLength(1), z.maxLength(100));
const Bound = z.nullable(z.number().check(z.refine(Number.isFinite)));

export const StateFilter = z.discriminatedUnion('mode', [
  /** Coded variable: answer is one of `codes`. */
  z.strictObject({ variable: VarId, mode: z.literal('in'), codes: Codes }),
  /** Multi answer: at least one of `codes` chosen. */
  z.strictObject({ variable: VarId, mode: z.literal('any'), codes: Codes }),
  /** Multi answer: every one of `codes` chosen. */
  z.strictObject({ variable: VarId, mode: z.literal('all'), codes: Codes }),
  /** Numeric: value within [min, max]; a missing bound is open. */
  z.strictObject({ variable: VarId, mode: z.literal('range'), min: Bound, max: Bound }),
]);
export type StateFilter = z.infer<typeof StateFilter>;

export const ExploreState = z.strictObject({
  /** Survey id. */
  survey: VarId,
  /** Wave id. */
  wave: WaveId,
  /** Variable tabulated (rows). */
  question: VarId,
  /** Coded variable across the columns; null = total only. */
  banner: z.nullable(VarId),
  /** Named universe (`all` = everyone). */
  universe: VarId,
  /** Respondent filters, combined with AND. */
  filters: z.array(StateFilter).check(z.maxLength(MAX_FILTERS)),
  /** Cells show percentages or counts. */
  show: z.enum(['percent', 'count']),
  /** Multi answers: percent of respondents or of responses. */
  multiPercent: z.enum(['respondents', 'responses']),
  /** Show 95% confidence intervals in the table. */
  intervals: z.boolean(),
  /** Add the crosswalked earlier wave next to this one. */
  compare: z.boolean(),
  /** Comparison with a banner: the banner column compared across waves (its code; default the first). */
  column: z.optional(Code),
});
export type ExploreState = z.infer<typeof ExploreState>;

export interface ParsedState {
  state: ExploreState;
  /** What was wrong with the URL and what was shown instead (Japanese, plain text). */
  notices: string[];
}

/** A value quoted safely for a notice: shortened, control characters removed. */
function quote(value: string): string {
  const clean = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, 40);
  return `「${clean}${value.length > 40 ? '…' : ''}」`;
}

/** The state shown when the URL says nothing (first wave, first question). */
export function defaultState(catalog: ExploreCatalog): ExploreState {
  const wave = catalog.waves[0];
  return {
    survey: wave?.survey ?? 'none',
    wave: wave?.wave ?? 'none',
    question: wave ? defaultQuestion(wave) : 'none',
    banner: null,
    universe: 'all',
    filters: [],
    show: 'percent',
    multiPercent: 'respondents',
    intervals: false,
    compare: false,
  };
}

const modesFor: Record<CatalogVariable['kind'], StateFilter['mode'][]> = { coded: ['in'], multi: ['any', 'all'], numeric: ['range'] };

/** One `f` value read: the filter (if usable) and what was wrong with it (if anything). */
export interface ParsedFilter {
  filter: StateFilter | null;
  notice: string | null;
}

/** Parses one `f` value (`var:mode:payload`) against a wave's variables. */
export function parseFilter(raw: string, wave: CatalogWave): ParsedFilter {
  const drop = (why: string): ParsedFilter => ({ filter: null, notice: `絞り込み${quote(raw)}${why}ため外しました。` });
  const [variable = '', mode = '', payload = '', ...rest] = raw.split(':');
  const v = wave.variables.find((x) => x.id === variable);
  if (!v || rest.length > 0) return drop('は不明な項目の');
  if (!(modesFor[v.kind] as string[]).includes(mode)) return drop(`の条件${quote(mode)}は「${v.label}」には使えない`);
  if (mode === 'range') {
    const m = /^(-?\d{1,12}(?:\.\d{1,6})?)?\.\.(-?\d{1,12}(?:\.\d{1,6})?)?$/.exec(payload);
    const min = m?.[1] !== undefined ? Number(m[1]) : null;
    const max = m?.[2] !== undefined ? Number(m[2]) : null;
    if (!m || (min === null && max === null) || (min !== null && max !== null && min > max)) return drop('の範囲が読めない');
    return { filter: { variable, mode: 'range', min, max }, notice: null };
  }
  const known = new Set(v.options.map((o) => o.code));
  const parts = payload.split(',');
  const codes = [...new Set(parts.filter((p) => /^\d{1,4}$/.test(p)).map(Number).filter((c) => known.has(c)))].sort((a, b) => a - b);
  const parsed = StateFilter.safeParse({ variable, mode, codes });
  if (!parsed.success) return drop('に有効な選択肢がない');
  return { filter: parsed.data, notice: codes.length < parts.length ? `絞り込み${quote(raw)}の不明な選択肢を無視しました。` : null };
}

function readParams(search: string, notices: string[]): URLSearchParams {
  if (search.length > MAX_QUERY_LENGTH) {
    notices.push(`URLが長すぎるため（${search.length}文字）、既定の表示に戻しました。`);
    return new URLSearchParams();
  }
  try {
    return new URLSearchParams(search);
  } catch {
    notices.push('URLを読み取れないため、既定の表示に戻しました。');
    return new URLSearchParams();
  }
}

/** Reads a URL query string against the catalog: always a valid state, plus notices. */
export function parseState(search: string, catalog: ExploreCatalog): ParsedState {
  const notices: string[] = [];
  const params = readParams(search, notices);
  const fallback = defaultState(catalog);
  const s = params.get('s');
  const w = params.get('w');
  let wave = pickWave(catalog, s, w);
  if (!wave) {
    if (s !== null || w !== null) notices.push(`調査${quote(`${s ?? ''} ${w ?? ''}`.trim())}が見つからないため、既定の調査を表示しています。`);
    wave = catalog.waves[0];
  }
  if (!wave) return { state: fallback, notices };
  const state: ExploreState = { ...fallback, survey: wave.survey, wave: wave.wave, question: defaultQuestion(wave) };
  const variable = (id: string) => wave.variables.find((x) => x.id === id);

  const q = params.get('q');
  if (q !== null) {
    if (variable(q)) state.question = q;
    else notices.push(`設問${quote(q)}が見つからないため、既定の設問を表示しています。`);
  }
  const b = params.get('b');
  if (b !== null && b !== '') {
    const v = variable(b);
    if (v && v.kind === 'coded' && b !== state.question) state.banner = b;
    else notices.push(`集計軸${quote(b)}は使えないため、全体のみを表示しています。`);
  }
  const u = params.get('u');
  if (u !== null && u !== 'all') {
    if (wave.universes.some((x) => x.id === u)) state.universe = u;
    else notices.push(`対象者${quote(u)}が見つからないため、全体を対象にしています。`);
  }
  const rawFilters = params.getAll('f');
  if (rawFilters.length > MAX_FILTERS) notices.push(`絞り込みが多すぎるため、最初の${MAX_FILTERS}件だけを使います。`);
  for (const raw of rawFilters.slice(0, MAX_FILTERS)) {
    const { filter, notice } = parseFilter(raw, wave);
    if (notice) notices.push(notice);
    if (filter) state.filters.push(filter);
  }
  const view = params.get('v');
  if (view === 'count') state.show = 'count';
  else if (view !== null && view !== 'percent') notices.push(`表示${quote(view)}は不明なため、割合を表示しています。`);
  const mp = params.get('mp');
  if (mp === 'responses') state.multiPercent = 'responses';
  else if (mp !== null && mp !== 'respondents') notices.push(`複数回答の基数${quote(mp)}は不明なため、回答者数を基数にしています。`);
  const ci = params.get('ci');
  if (ci === '1') state.intervals = true;
  else if (ci !== null && ci !== '0') notices.push(`信頼区間の表示${quote(ci)}は不明なため外しました。`);
  const cmp = params.get('cmp');
  if (cmp === '1') {
    if (canCompare(wave, state.question)) state.compare = true;
    else notices.push('この設問には比較できる前回調査がないため、比較を外しました。');
  } else if (cmp !== null && cmp !== '0') notices.push(`比較${quote(cmp)}は不明なため外しました。`);
  const cc = params.get('cc');
  if (cc !== null && state.compare && state.banner) {
    const code = /^\d{1,4}$/.test(cc) ? Number(cc) : Number.NaN;
    if (variable(state.banner)?.options.some((o) => o.code === code)) state.column = code;
    else notices.push(`比較する列${quote(cc)}は集計軸にないため、最初の列を比較しています。`);
  }
  return { state: ExploreState.parse(state), notices };
}

/** Writes a filter as its URL value. */
export function serializeFilter(f: StateFilter): string {
  if (f.mode === 'range') return `${f.variable}:range:${f.min ?? ''}..${f.max ?? ''}`;
  return `${f.variable}:${f.mode}:${f.codes.join(',')}`;
}

/** The query string (with `?`) for a state; defaults are left out. */
export function serializeState(state: ExploreState): string {
  const p = new URLSearchParams();
  p.set('s', state.survey);
  p.set('w', state.wave);
  p.set('q', state.question);
  if (state.banner) p.set('b', state.banner);
  if (state.universe !== 'all') p.set('u', state.universe);
  for (const f of state.filters) p.append('f', serializeFilter(f));
  if (state.show === 'count') p.set('v', 'count');
  if (state.multiPercent === 'responses') p.set('mp', 'responses');
  if (state.intervals) p.set('ci', '1');
  if (state.compare) p.set('cmp', '1');
  if (state.compare && state.banner && state.column !== undefined) p.set('cc', String(state.column));
  return `?${p.toString()}`;
}

/** A state filter as the engine's structured filter. */
export function toEngineFilter(f: StateFilter): Filter {
  if (f.mode === 'in') return { q: f.variable, in: f.codes };
  if (f.mode === 'any') return { q: f.variable, includesAny: f.codes };
  if (f.mode === 'all') return { q: f.variable, includesAll: f.codes };
  return { q: f.variable, range: { ...(f.min !== null ? { min: f.min } : {}), ...(f.max !== null ? { max: f.max } : {}) } };
}

/** The engine's table specification for a state. */
export function toTableSpec(state: ExploreState): TableSpec {
  return {
    question: state.question,
    banner: state.banner,
    ...(state.universe !== 'all' ? { universe: state.universe } : {}),
    filters: state.filters.map(toEngineFilter),
  };
}
