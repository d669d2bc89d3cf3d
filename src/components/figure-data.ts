/**
 * Build-time bridge from MDX props to chart data: finds the wave, checks the question, banner
 * and universe an editor named (errors list the valid choices, so a typo fails the build with a
 * message that says how to fix it), runs the engine and memoises the result for the build.
 */
import { filterWords, type FilterLookup } from '../lib/charts/filter-words.ts';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { drawChart, type DrawJob, type Drawing } from '../server/chart-draw.ts';
import type { Filter, Question } from '../lib/dataset/codebook.ts';
import type { Dataset } from '../lib/dataset/types.ts';
import { crosstab } from '../lib/stats/crosstab.ts';
import { trend as engineTrend, type TrendPoint, type TrendWave, type TrendWaveInfo } from '../lib/stats/trend.ts';
import type { CrossTab } from '../lib/stats/types.ts';
import { trendSources } from '../lib/charts/trend-notes.ts';
import { allowedKinds, chartVariable, chooseKind, isTrend, parseKind, tableCsv, withAriaLabel, type ChartKind, type ChartTable, type ChartVariable, type GridTable, type TrendTable } from '../lib/charts/index.ts';
import { PROTECTED_NOTE, provenanceBase, withProvenance, type Provenance } from '../lib/charts/provenance.ts';
import { sourceText } from '../lib/explore/export.ts';
import { defaultState, serializeState } from '../lib/explore/state.ts';
import { publicUniverseIds } from '../lib/publicuse/publicity.ts';
import { loadCatalog, type Catalog, type CatalogWave } from '../server/catalog.ts';
import { crosswalkLink, crosswalkQuestion } from '../lib/dataset/crosswalk-link.ts';
import { cubeTablesOf, prepareCubes, questionCube } from '../server/cube.ts';
import { cubeCrosstab } from '../lib/cube/query.ts';
import { NO_RESTRICTION, universeRestrictionId } from '../lib/cube/plan.ts';
import { CHART_KINDS } from '../lib/charts/types.ts';
import { FigureError, FigureNameError, idChoices } from './figure-error.ts';
import type { Lang } from '../lib/i18n/lang.ts';
import { codebookLabels } from '../lib/i18n/labels.ts';
import { localChart } from './figure-lang.ts';

/**
 * Which numbers a page shows (the one rule, README "Publishing modes"): what an editor wrote into a
 * chapter is `exact`, like the printed report; what a reader can combine freely — question pages
 * and their downloads — is `protected`: for a `publish: aggregates` wave it comes from the
 * protected cube, for a `publish: microdata` wave from the rows that are public anyway.
 */
export type FigureView = 'exact' | 'protected';

/** Whether a view of a wave reads the protected cube. */
function fromCube(wave: CatalogWave, view: FigureView): boolean {
  return view === 'protected' && wave.dataset !== undefined && wave.codebook.survey.publish === 'aggregates';
}

const memos = new WeakMap<Catalog, Map<string, Map<string, unknown>>>();
/**
 * A memo for the life of the current catalog: `astro dev` reads the data again after a change
 * (a new catalog), and then nothing computed from the old one is reused.
 */
function memoOf<T>(name: string): Map<string, T> {
  const catalog = loadCatalog();
  let byName = memos.get(catalog);
  if (!byName) memos.set(catalog, (byName = new Map()));
  let memo = byName.get(name);
  if (!memo) byName.set(name, (memo = new Map()));
  return memo as Map<string, T>;
}

/** Every wave of every survey, validated. */
export function allWaves(): CatalogWave[] {
  return loadCatalog().waves;
}

/**
 * Every wave, once the protected cubes of all of them are ready (src/server/cube.ts): the
 * getStaticPaths of routes that read cubes await it, so that cubes built in worker threads are
 * waited for instead of built a second time.
 */
export async function wavesWithCubes(): Promise<CatalogWave[]> {
  await prepareCubes(allWaves());
  return allWaves();
}

/** One wave; an error naming the known waves when it does not exist. */
export function getWave(survey: string, wave: string, who = '<Chart>'): CatalogWave {
  const found = loadCatalog().get(survey, wave);
  if (!found) {
    const message = `${who}: survey "${survey}" wave "${wave}" does not exist (known: ${allWaves().map((w) => `${w.survey}/${w.wave}`).join(', ')})`;
    const waves = allWaves().filter((w) => w.survey === survey).map((w) => w.wave);
    throw new FigureNameError(
      message,
      waves.length > 0
        ? { prop: 'wave', value: wave, kind: 'wave', scope: survey, choices: idChoices(waves) }
        : { prop: 'survey', value: survey, kind: 'survey', scope: '', choices: idChoices(new Set(allWaves().map((w) => w.survey))) },
    );
  }
  return found;
}

/** The wave's dataset; an error for aggregate-only waves. */
export function datasetOf(wave: CatalogWave, who = '<Chart>'): Dataset {
  if (!wave.dataset) throw new FigureError(`${who}: ${wave.survey}/${wave.wave} has published tables only; charts and figures need a microdata wave`, `：${wave.survey}/${wave.wave} は公表集計表だけの調査回のため、図は描けません（図には個票データの調査回が必要です）。`);
  return wave.dataset;
}

/** What a chart shows about its variable: wording, label, SA/MA, notes. */
export interface VariableInfo {
  id: string;
  number: string | undefined;
  label: string;
  text: string;
  /** Question type (grid rows and derived variables report `single`). */
  type: Question['type'] | 'derived';
  notes: string[];
  reconstructed: boolean;
  source: string | undefined;
  /** The question's own universe. */
  universe: string;
  chapter: string | undefined;
}

/** Public variables a chart may name: questions (except text), grid rows, derived variables. */
export function publicVariableIds(dataset: Dataset): string[] {
  const ids: string[] = [];
  for (const q of dataset.codebook.questions) {
    // Free-text questions are always restricted, so `public` leaves them out.
    if (q.publication !== 'public') continue;
    ids.push(q.id);
    if (q.type === 'grid') ids.push(...q.rows.map((r) => `${q.id}__${r.id}`));
  }
  ids.push(...dataset.codebook.derived.filter((d) => d.publication === 'public').map((d) => d.id));
  return ids;
}

/** Looks up a question / grid row / derived variable; an error listing the valid ids otherwise. */
export function variableInfo(dataset: Dataset, id: string, prop = 'q', who = '<Chart>'): VariableInfo {
  const valid = publicVariableIds(dataset);
  if (!valid.includes(id)) {
    const restricted = dataset.variables.has(id) || dataset.codebook.questions.some((q) => q.id === id);
    throw new FigureNameError(`${who} ${prop}="${id}": no such public question in ${dataset.codebook.survey.id}/${dataset.codebook.survey.wave}. Valid: ${valid.join(', ')}`, {
      prop,
      value: id,
      kind: 'question',
      scope: `${dataset.codebook.survey.id}/${dataset.codebook.survey.wave}`,
      choices: idChoices(valid),
      ...(restricted ? { reason: 'restricted' as const } : {}),
    });
  }
  const [qid, rowId] = id.split('__');
  const q = dataset.codebook.questions.find((x) => x.id === qid);
  if (q) {
    const row = q.type === 'grid' && rowId ? q.rows.find((r) => r.id === rowId) : undefined;
    return {
      id,
      number: q.number,
      label: row ? `${q.label}：${row.label}` : q.label,
      text: row ? `${q.text}（${row.label}）` : q.text,
      type: row ? 'single' : q.type,
      notes: q.notes,
      reconstructed: q.reconstructed,
      source: q.source,
      universe: row?.universe ?? q.universe,
      chapter: q.chapter,
    };
  }
  const d = dataset.codebook.derived.find((x) => x.id === id) as NonNullable<ReturnType<typeof dataset.codebook.derived.find>>;
  return { id, number: undefined, label: d.label, text: d.text ?? d.label, type: 'derived', notes: [], reconstructed: false, source: undefined, universe: d.universe ?? 'all', chapter: undefined };
}

/** Checks a banner or universe prop against the wave. */
function checkBanner(dataset: Dataset, by: string | null | undefined, who: string): void {
  if (!by) return;
  const coded = publicVariableIds(dataset).filter((id) => dataset.variables.get(id)?.kind === 'coded');
  if (!coded.includes(by)) {
    const restricted = dataset.variables.get(by)?.kind === 'coded';
    throw new FigureNameError(`${who} by="${by}": not a single-answer variable of ${dataset.codebook.survey.id}/${dataset.codebook.survey.wave}. Valid: ${coded.join(', ')}`, {
      prop: 'by',
      value: by,
      kind: 'banner',
      scope: `${dataset.codebook.survey.id}/${dataset.codebook.survey.wave}`,
      choices: idChoices(coded),
      ...(restricted ? { reason: 'restricted' as const } : {}),
    });
  }
}
function checkUniverse(dataset: Dataset, universe: string | undefined, who: string): void {
  if (universe === undefined) return;
  const scope = `${dataset.codebook.survey.id}/${dataset.codebook.survey.wave}`;
  if (!dataset.universes.has(universe)) throw new FigureNameError(`${who} universe="${universe}": unknown universe. Valid: ${[...dataset.universes.keys()].join(', ')}`, { prop: 'universe', value: universe, kind: 'universe', scope, choices: idChoices(dataset.universes.keys()) });
  // Publication fails closed: a universe defined on restricted data is never a published base.
  const published = publicUniverseIds(dataset.codebook);
  if (!published.has(universe)) throw new FigureNameError(`${who} universe="${universe}": the universe reads restricted data and cannot be published. Valid: ${[...published].join(', ')}`, { prop: 'universe', value: universe, kind: 'universe', scope, choices: idChoices(published), reason: 'restricted' });
}

/** The engine's table for a spec, computed once per build (from the cube for a protected view of an aggregates wave). */
export function tableFor(wave: CatalogWave, spec: { question: string; banner?: string | null; universe?: string; filters?: Filter[] }, view: FigureView = 'exact'): CrossTab {
  const cube = fromCube(wave, view);
  const memo = memoOf<CrossTab>('table');
  const key = JSON.stringify([wave.survey, wave.wave, spec, cube]);
  let t = memo.get(key);
  if (!t) {
    if (cube) {
      if (spec.filters?.length) throw new Error(`${wave.survey}/${wave.wave}: a protected table takes no filters`);
      const q = questionCube(wave as CatalogWave & { dataset: Dataset }, spec.question);
      if (!q) throw new Error(`${wave.survey}/${wave.wave}: "${spec.question}" is not in the protected cube`);
      const restriction = spec.universe === undefined || spec.universe === q.meta.universe ? NO_RESTRICTION : universeRestrictionId(spec.universe);
      t = cubeCrosstab(q, { banner: spec.banner ?? null, restriction }, {}, { ...(spec.universe ? { universe: spec.universe } : {}) });
    } else {
      t = crosstab(datasetOf(wave), { question: spec.question, banner: spec.banner ?? null, universe: spec.universe, filters: spec.filters });
    }
    memo.set(key, t);
  }
  return t;
}

/** Every `kind` a `<Chart>` takes: the chart forms, and `trend`. */
export const CHART_KINDS_WITH_TREND: readonly string[] = [...CHART_KINDS, 'trend'];

/** Every prop of `<Chart>` (Chart.astro checks its Props against this list). */
export const CHART_PROPS = ['q', 'by', 'universe', 'filters', 'kind', 'title', 'survey', 'wave', 'id', 'level', 'resolved', 'lang'] as const;

/** What an editor (or a page) asks a chart for. */
export interface ChartRequest {
  survey: string;
  wave: string;
  q: string;
  by?: string | null;
  universe?: string;
  filters?: Filter[];
  kind?: string;
  /** `exact` (chapters, the default) or `protected` (question pages and their downloads). */
  view?: FigureView;
}

export interface ResolvedChart {
  wave: CatalogWave;
  info: VariableInfo;
  table: ChartTable;
  variable: ChartVariable | undefined;
  kind: ChartKind;
  /** Segment slug (`<universe>[--by-<banner>]`), the name of its CSV/SVG files. */
  slug: string;
  /** Universe actually used. */
  universe: string;
  by: string | null;
  filters: Filter[];
  /** Computed from the protected cube (perturbed), not the exact rows: printed notes may not match. */
  protected: boolean;
  /**
   * Site path (without `.csv` / `.svg`) of the figure's download files when they are built as
   * files though the figure is not a segment: a question page's trends (`questionTrends`).
   */
  files?: string;
}

/** File name of a segment's downloads. */
export function segmentSlug(universe: string, by: string | null | undefined): string {
  return by ? `${universe}--by-${by}` : universe;
}

/** Resolves and computes a chart; throws an error naming the bad prop and the valid choices. */
export function resolveChart(req: ChartRequest, who = '<Chart>'): ResolvedChart {
  const wave = getWave(req.survey, req.wave, who);
  const dataset = datasetOf(wave, who);
  const info = variableInfo(dataset, req.q, 'q', who);
  if (req.kind === 'trend') return resolveTrend(wave, info, req, who);
  checkBanner(dataset, req.by, who);
  checkUniverse(dataset, req.universe, who);
  const universe = req.universe ?? info.universe;
  const filters = req.filters ?? [];
  const by = req.by ?? null;
  let table: ChartTable;
  const q = dataset.codebook.questions.find((x) => x.id === req.q);
  if (q?.type === 'grid') {
    if (by) throw new FigureError(`${who} q="${req.q}" by="${by}": a grid is drawn as a heat table without a banner; chart one row with q="${req.q}__<row>" (rows: ${q.rows.map((r) => r.id).join(', ')})`, `の by="${by}"：グリッド設問は分析軸なしのヒートマップで描きます。分析軸で分けるときは1行を q="${req.q}__<行>" で描いてください（行：${q.rows.map((r) => r.id).join('、')}）。`);
    const grid: GridTable = {
      type: 'grid',
      question: q.id,
      rowLabels: q.rows.map((r) => r.label),
      tables: q.rows.map((r) => tableFor(wave, { question: `${q.id}__${r.id}`, universe: req.universe, filters }, req.view)),
    };
    table = grid;
  } else {
    table = tableFor(wave, { question: req.q, banner: by, universe: req.universe, filters }, req.view);
  }
  const variable = q?.type === 'grid' ? chartVariable(dataset, `${q.id}__${q.rows[0].id}`) : chartVariable(dataset, req.q);
  let kind: ChartKind;
  try {
    kind = req.kind ? parseKind(req.kind) : chooseKind(table, variable);
  } catch (e) {
    const message = `${who} kind: ${(e as Error).message}`;
    if (req.kind === undefined) throw new Error(message);
    throw new FigureNameError(message, { prop: 'kind', value: req.kind, kind: 'kind', scope: '<Chart>', choices: idChoices(CHART_KINDS_WITH_TREND) });
  }
  // A form the table cannot be drawn as fails here, not while the page is drawn.
  const allowed = allowedKinds(table);
  if (!allowed.kinds.includes(kind)) {
    throw new FigureNameError(`${who} kind: invalid kind: "${kind}" for a ${allowed.shape} table (expected ${allowed.kinds.join(', ')})`, { prop: 'kind', value: kind, kind: 'kind', scope: allowed.shape, choices: idChoices(allowed.kinds), reason: 'unsuitable' });
  }
  return { wave, info, table, variable, kind, slug: segmentSlug(universe, by), universe, by, filters, protected: fromCube(wave, req.view ?? 'exact') };
}

/**
 * `<Chart kind="trend">`: the question across the crosswalked waves, in `universe` (default: the
 * question's own universe, or the only universe a trend exists for). Errors name the universes
 * that have a trend.
 */
function resolveTrend(wave: CatalogWave, info: VariableInfo, req: ChartRequest, who: string): ResolvedChart {
  if (req.by) throw new FigureError(`${who} q="${req.q}" kind="trend" by="${req.by}": a trend has no banner`, `の by="${req.by}"：経年比較（kind="trend"）に分析軸は使えません。`);
  if (req.filters?.length) throw new FigureError(`${who} q="${req.q}" kind="trend": a trend takes no filters (published waves cannot be filtered)`, `：経年比較（kind="trend"）に filters は使えません（公表集計表の調査回は絞り込めません）。`);
  const trends = trendsFor(wave, req.q, req.view);
  if (trends.length === 0) throw new FigureError(`${who} q="${req.q}" kind="trend": no other wave of ${wave.survey} has figures for this question through the crosswalk`, `：q="${req.q}" は ${wave.survey} の他の調査回と対応づけられていない（crosswalk にない）ため、経年比較を描けません。`);
  const valid = trends.map((t) => t.universe).join(', ');
  const wanted = req.universe ?? (trends.length === 1 ? trends[0].universe : info.universe);
  const table = trends.find((t) => t.universe === wanted);
  if (!table) throw new FigureNameError(`${who} q="${req.q}" kind="trend" universe="${wanted}": no trend in this universe. Valid: ${valid}`, { prop: 'universe', value: String(wanted), kind: 'universe', scope: `${wave.survey}/${wave.wave}`, choices: idChoices(trends.map((t) => t.universe ?? '')), reason: 'no-trend' });
  const universe = table.universe ?? wanted ?? info.universe;
  return { wave, info, table, variable: undefined, kind: chooseKind(table), slug: `trend-${universe}`, universe, by: null, filters: [], protected: fromCube(wave, req.view ?? 'exact') };
}

/** The crosswalk chain through `wave`: earlier waves it maps to and later waves that map to it, oldest first (once per wave and build). */
function crosswalkChain(wave: CatalogWave): CatalogWave[] {
  const chainMemo = memoOf<CatalogWave[]>('chain');
  const cached = chainMemo.get(`${wave.survey}/${wave.wave}`);
  if (cached) return cached;
  const catalog = loadCatalog();
  const back = (w: CatalogWave): CatalogWave[] => {
    const prev = w.codebook.crosswalk ? catalog.get(w.survey, w.codebook.crosswalk.wave) : undefined;
    return prev ? [...back(prev), w] : [w];
  };
  const chains = catalog.waves.filter((w) => w.survey === wave.survey).map(back).filter((c) => c.includes(wave));
  const chain = chains.sort((a, b) => b.length - a.length)[0] ?? [wave];
  chainMemo.set(`${wave.survey}/${wave.wave}`, chain);
  return chain;
}

/** A wave as the trend engine reads it in a view (the protected cube's totals, rows or printed tables), once per build. */
function trendWaveOf(w: CatalogWave, view: FigureView): TrendWave {
  const trendWaveMemo = memoOf<TrendWave>('trend-wave');
  const cube = fromCube(w, view);
  const key = `${w.survey}/${w.wave}/${cube}`;
  let t = trendWaveMemo.get(key);
  if (!t) {
    t = cube ? { codebook: w.codebook, tables: cubeTablesOf(w as CatalogWave & { dataset: Dataset }).tables } : w.dataset ? { codebook: w.codebook, dataset: w.dataset } : { codebook: w.codebook, tables: w.tables ?? [] };
    trendWaveMemo.set(key, t);
  }
  return t;
}

/**
 * The engine's trend of `latestId` over `waves` in `universe`, once per build: every wave of a
 * chain asks for the same series (a question page of each of W waves would otherwise recompute
 * W waves' figures, W² in all). Null when the engine cannot draw it there.
 */
function chainTrend(waves: CatalogWave[], latestId: string, universe: string, view: FigureView): { points: TrendPoint[]; info: TrendWaveInfo[] } | null {
  const engineTrendMemo = memoOf<{ points: TrendPoint[]; info: TrendWaveInfo[] } | null>('trend');
  const key = JSON.stringify([waves.map((w) => `${w.survey}/${w.wave}/${fromCube(w, view)}`), latestId, universe]);
  if (engineTrendMemo.has(key)) return engineTrendMemo.get(key)!;
  let result: { points: TrendPoint[]; info: TrendWaveInfo[] } | null;
  try {
    const t = engineTrend(
      waves.map((w) => trendWaveOf(w, view)),
      latestId,
      { universe },
    );
    result = { points: t.points.filter((p) => Number.isFinite(p.proportion)), info: t.waves };
  } catch {
    result = null;
  }
  engineTrendMemo.set(key, result);
  return result;
}

/**
 * The question's id in a later wave of the chain: each later wave's id that links back to it the
 * way the trend engine links waves (`crosswalkLink`: a crosswalk entry — for a grid, the entry of
 * its grid — else the same id, unless declared a break). Null once a wave no longer has it.
 */
function idInLaterWave(chain: CatalogWave[], from: number, question: string): string | null {
  let id: string | null = question;
  for (let i = from + 1; i < chain.length && id !== null; i++) {
    const later = chain[i].codebook;
    const earlier = chain[i - 1].codebook;
    const rowId: string | undefined = id.split('__')[1];
    const named: string[] = (later.crosswalk?.questions ?? []).flatMap((c) => (rowId === undefined ? [c.question] : [c.question, `${c.question}__${rowId}`]));
    const previous: string = id;
    const asked = new Map(later.questions.map((q) => [q.id, q]));
    const inLater = (candidate: string) => crosswalkQuestion(asked, candidate) !== undefined || later.derived.some((d) => d.id === candidate);
    id = [...named, previous].find((candidate) => inLater(candidate) && crosswalkLink(later, earlier, candidate)?.previous === previous) ?? null;
  }
  return id;
}

/**
 * Trends of a question across the crosswalked waves of its survey: one per universe in which at
 * least two waves have figures (the question's own universe, and the universes the published
 * tables of earlier waves were printed for). Options with a figure in only one wave are left out.
 */
export function trendsFor(wave: CatalogWave, question: string, view: FigureView = 'exact'): TrendTable[] {
  const whole = crosswalkChain(wave);
  const here = whole.indexOf(wave);
  // Stop at the last later wave that still asks the question.
  let end = whole.length;
  while (end > here + 1 && !idInLaterWave(whole.slice(0, end), here, question)) end--;
  const full = whole.slice(0, end);
  const latestId = idInLaterWave(full, here, question);
  if (full.length < 2 || !latestId) return [];
  const own = wave.dataset ? variableInfo(wave.dataset, question).universe : (wave.codebook.questions.find((q) => q.id === question)?.universe ?? 'all');
  const published = full.flatMap((w) => (w.tables ?? []).filter((t) => t.question === question || t.question.startsWith(`${question}__`)).map((t) => t.universe));
  const out: TrendTable[] = [];
  for (const universe of [...new Set([own, ...published])]) {
    if (!full.every((w) => !w.dataset || w.dataset.universes.has(universe))) continue;
    const t = chainTrend(full, latestId, universe, view);
    if (!t) continue;
    let points = t.points;
    const info = t.info;
    const waveCount = (option: number) => new Set(points.filter((p) => p.option === option).map((p) => p.wave)).size;
    points = points.filter((p) => waveCount(p.option) >= 2);
    const withData = full.map((w) => w.wave).filter((w) => points.some((p) => p.wave === w));
    if (withData.length < 2) continue;
    const label = wave.codebook.universes.find((u) => u.id === universe)?.label ?? '全回答者';
    out.push({ type: 'trend', question, universe, universeLabel: label, waves: withData, points, waveInfo: info.filter((w) => withData.includes(w.wave)) });
  }
  return out;
}

/** Chart widths: the wide drawing for desktops, the narrow one for phones. */
export const WIDE = 680;
export const NARROW = 340;

/** JSON that tells NaN, ±Infinity and null apart (plain JSON writes all three as null). */
function exactJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? `\u0000${v}` : v));
}

// The digest of a table's content, once per table object (a segment's table is drawn by its SVG
// file and its page, at two widths).
const tableDigests = new WeakMap<object, string>();

/** The key a drawing is filed under: the table's content, form, width (hashed: the key would otherwise hold a copy of every table drawn). */
function drawingKey(table: ChartTable, variable: ChartVariable | undefined, kind: ChartKind, width: number, lang: Lang = 'ja'): string {
  let digest = tableDigests.get(table);
  if (digest === undefined) {
    digest = createHash('sha256').update(exactJson(table)).digest('base64');
    tableDigests.set(table, digest);
  }
  // Japanese drawings keep the key they had before there were languages (a cache of drawings stays valid).
  return createHash('sha256').update(exactJson(lang === 'ja' ? [kind, width, variable ?? null, digest] : [kind, width, variable ?? null, digest, lang])).digest('base64');
}

/**
 * The chart drawn at a width: SVG markup and the notes its form adds. Drawn once per build for
 * the same table, form and width (a question page and its segment's SVG file, or every wave's
 * page showing the same trend, share one drawing; the label is set on the drawing afterwards):
 * the key is the table's content. A drawing may have been made ahead by the drawing worker.
 */
export function chartSvg(table: ChartTable, variable: ChartVariable | undefined, kind: ChartKind, width: number, ariaLabel: string, lang: Lang = 'ja'): { svg: string; notes: string[]; height: number } {
  const memo = memoOf<Drawing>('svg');
  const key = drawingKey(table, variable, kind, width, lang);
  let drawn = memo.get(key);
  if (!drawn) {
    drawn = drawChart({ table, variable, kind, width, lang });
    memo.set(key, drawn);
  }
  if (!Number.isFinite(drawn.height)) throw new Error(`${ariaLabel}: chart SVG without a height`);
  return { svg: withAriaLabel(drawn.svg, ariaLabel), notes: [...drawn.notes], height: drawn.height };
}

// Drawing ahead in a worker thread (src/server/chart-worker.ts). The download routes compute every
// segment's table well before the SVG files and question pages draw them (Astro renders route by
// route); the worker draws them meanwhile on another core, and `chartSvg` finds them filed.
interface Ahead {
  worker: Worker | null;
  /** Jobs by priority: a chart's first width (needed first: its SVG file) before the others. */
  queues: DrawJob[][];
  queued: Set<string>;
  inFlight: number;
  memo: Map<string, Drawing> | null;
}
const ahead: Ahead = { worker: null, queues: [], queued: new Set(), inFlight: 0, memo: null };
/** Jobs sent to the worker at once (the rest wait here, and are dropped if drawn meanwhile). */
const IN_FLIGHT = 4;

function drawWorker(): Worker | null {
  if (ahead.worker) return ahead.worker;
  const script = resolve('src', 'server', 'chart-worker.ts');
  if (!existsSync(script) || !process.features.typescript) return null;
  const worker = new Worker(script);
  worker.unref();
  worker.on('message', (answers: Array<{ key: string; error?: string } & Partial<Drawing>>) => {
    ahead.inFlight--;
    for (const answer of answers) {
      ahead.queued.delete(answer.key);
      // A drawing the worker could not make is made by the page that needs it.
      if (!answer.error && ahead.memo && !ahead.memo.has(answer.key)) ahead.memo.set(answer.key, { svg: answer.svg!, notes: answer.notes!, height: answer.height! });
    }
    pump();
  });
  // Fail safe: without the worker, every chart is drawn when a page asks for it.
  worker.on('error', () => {
    ahead.worker = null;
    ahead.queues = [];
    ahead.queued.clear();
    ahead.inFlight = 0;
  });
  ahead.worker = worker;
  return worker;
}

function pump(): void {
  const worker = ahead.worker;
  if (!worker) return;
  for (;;) {
    if (ahead.inFlight >= IN_FLIGHT) break;
    const job = ahead.queues.find((q) => q.length > 0)?.shift();
    if (!job) break;
    // Drawings a page has made meanwhile are not asked for any more.
    const wanted = job.keys.map((key, i) => ({ key, width: job.widths[i] })).filter(({ key }) => !ahead.memo?.has(key));
    for (const key of job.keys) if (ahead.memo?.has(key)) ahead.queued.delete(key);
    if (wanted.length === 0) continue;
    worker.postMessage({ ...job, keys: wanted.map((w) => w.key), widths: wanted.map((w) => w.width) } satisfies DrawJob);
    ahead.inFlight++;
  }
  // Busy, the worker keeps the process alive (its answers are awaited); idle, it does not.
  if (ahead.inFlight > 0) worker.ref();
  else worker.unref();
}

/** Whether a drawing of this chart at this width is filed (drawn here or by the worker). */
export function hasDrawing(r: Pick<ResolvedChart, 'table' | 'variable' | 'kind'>, width: number): boolean {
  return memoOf<Drawing>('svg').has(drawingKey(r.table, r.variable, r.kind, width));
}

/** Resolves when the drawing worker has answered everything asked of it. */
export async function drawnAhead(): Promise<void> {
  while (ahead.worker && (ahead.inFlight > 0 || ahead.queues.some((q) => q.length > 0))) await new Promise((r) => setTimeout(r, 10));
}

/**
 * Asks the drawing worker to draw a chart at these widths before a page needs it (nothing when
 * drawn or asked already, or when workers are off: `$HAKUSHO_DRAW_WORKER=0`). Every chart's
 * first width is drawn before any chart's second: the SVG files, rendered before the question
 * pages, need the wide drawings first.
 */
export function drawAhead(r: Pick<ResolvedChart, 'table' | 'variable' | 'kind'>, widths: number[], lang: Lang = 'ja'): void {
  if (process.env.HAKUSHO_DRAW_WORKER === '0') return;
  const memo = memoOf<Drawing>('svg');
  if (ahead.memo !== memo) {
    // Another catalog (astro dev reloaded the data): what was asked for the old one is dropped.
    ahead.memo = memo;
    ahead.queues = [];
    ahead.queued.clear();
  }
  if (!drawWorker()) return;
  widths.forEach((width, priority) => {
    const key = drawingKey(r.table, r.variable, r.kind, width, lang);
    if (memo.has(key) || ahead.queued.has(key)) return;
    ahead.queued.add(key);
    (ahead.queues[priority] ??= []).push({ table: r.table, variable: r.variable, kind: r.kind, widths: [width], keys: [key], lang });
  });
  pump();
}

/** Explorer URL with the same question, banner and universe. */
export function explorerUrl(r: { survey: string; wave: string; question: string; banner: string | null; universe: string }): string {
  // Start from the explorer's own defaults so options it adds later keep their default values.
  return `/explore/${serializeState({ ...defaultState({ waves: [] }), survey: r.survey, wave: r.wave, question: r.question, banner: r.banner, universe: r.universe })}`;
}


/** A segment of a question page: a universe, optionally by a banner. */
export interface Segment {
  universe: string;
  by: string | null;
  slug: string;
}

/** Single-answer variables worth a banner: public derived variables and small single questions asked to everyone. */
export function bannerCandidates(dataset: Dataset): string[] {
  const derived = dataset.codebook.derived.filter((d) => d.publication === 'public').map((d) => d.id);
  const small = dataset.codebook.questions.filter((q) => q.publication === 'public' && q.type === 'single' && q.universe === 'all' && q.options.length <= 4).map((q) => q.id);
  return [...derived, ...small];
}

/**
 * The segments a question page shows and publishes downloads for: the question's own universe;
 * every other universe that keeps at least 30 and fewer than all of its respondents; and the
 * question by each banner that splits it into two or more columns of at least 30.
 */
export function segmentsFor(wave: CatalogWave, questionId: string): Segment[] {
  const segmentMemo = memoOf<Segment[]>('segments');
  const key = `${wave.survey}/${wave.wave}/${questionId}`;
  const cached = segmentMemo.get(key);
  if (cached) return cached;
  const dataset = datasetOf(wave);
  const info = variableInfo(dataset, questionId);
  const q = dataset.codebook.questions.find((x) => x.id === questionId);
  const probe = q?.type === 'grid' ? `${q.id}__${q.rows[0].id}` : questionId;
  const own = tableFor(wave, { question: probe }).columns[0].n;
  const out: Segment[] = [{ universe: info.universe, by: null, slug: segmentSlug(info.universe, null) }];
  const published = publicUniverseIds(dataset.codebook);
  for (const u of dataset.codebook.universes) {
    if (u.id === info.universe || !published.has(u.id)) continue;
    const n = tableFor(wave, { question: probe, universe: u.id }).columns[0].n;
    if (n >= 30 && n < own) out.push({ universe: u.id, by: null, slug: segmentSlug(u.id, null) });
  }
  if (q?.type !== 'grid') {
    for (const b of bannerCandidates(dataset)) {
      if (b === questionId) continue;
      const t = tableFor(wave, { question: questionId, banner: b });
      if (t.columns.slice(1).filter((c) => c.n >= 30).length >= 2) out.push({ universe: info.universe, by: b, slug: segmentSlug(info.universe, b) });
    }
  }
  segmentMemo.set(key, out);
  return out;
}

/** A trend on a question page: the chart, its title, and the file name of its downloads (without extension). */
export interface QuestionTrend {
  resolved: ResolvedChart;
  title: string;
  file: string;
}

/**
 * The trends a question page shows (a grid trends row by row: the crosswalk and published tables
 * name `<grid>__<row>`), one per universe with a trend. Their downloads are built as files next
 * to the page (`trend-<universe>[--<row>].csv|svg`), not written into it: a trend over W waves
 * would otherwise put its W waves' numbers into every wave's page twice more (W² in all).
 */
export function questionTrends(wave: CatalogWave, question: Question): QuestionTrend[] {
  // Once per build: the page and its trend files ask for the same trends (the same objects).
  const memo = memoOf<QuestionTrend[]>('question-trends');
  const key = `${wave.survey}/${wave.wave}/${question.id}`;
  const cached = memo.get(key);
  if (cached) return cached;
  const trends = computeQuestionTrends(wave, question);
  memo.set(key, trends);
  return trends;
}

function computeQuestionTrends(wave: CatalogWave, question: Question): QuestionTrend[] {
  const dataset = datasetOf(wave);
  const universeLabel = (id: string) => wave.codebook.universes.find((u) => u.id === id)?.label ?? '全回答者';
  const ids = question.type === 'grid' ? question.rows.map((r) => ({ id: `${question.id}__${r.id}`, row: r.id as string | null })) : [{ id: question.id, row: null }];
  return ids.flatMap(({ id, row }) => {
    const info = variableInfo(dataset, id);
    return trendsFor(wave, id, 'protected').map((t) => {
      const universe = t.universe ?? info.universe;
      const slug = `trend-${universe}`;
      const file = row === null ? slug : `${slug}--${row}`;
      const resolved: ResolvedChart = { wave, info, table: t, variable: undefined, kind: chooseKind(t), slug, universe, by: null, filters: [], protected: fromCube(wave, 'protected'), files: `/${wave.survey}/${wave.wave}/questions/${question.id}/${file}` };
      return { resolved, title: qualified(info.label, `経年比較・${universeLabel(universe)}`), file };
    });
  });
}

/**
 * A figure's CSV and SVG as written into its page (or next to it, `ResolvedChart.files`): the
 * same provenance as the built segment files, and the figure's permalink. Each is made when read.
 */
export function figureFiles(r: ResolvedChart, title: string, permalink: string, lang: Lang = 'ja'): { readonly csv: string; readonly svg: string } {
  const s = r.wave.codebook.survey;
  const provenance = provenanceOf(r, title, lang);
  const local = localChart(r, lang);
  return {
    get csv() {
      const meta = { survey: lang === 'ja' ? s.title : codebookLabels(r.wave.codebook, lang).survey.title, question: local.info.text, citation: s.citation, synthetic: s.synthetic, banner: provenance.banner, filters: provenance.filters, notes: provenance.notes, link: permalink, lang };
      return tableCsv(local.table, meta, local.variable);
    },
    get svg() {
      const wide = chartSvg(local.table, local.variable, r.kind, WIDE, title, lang);
      return withProvenance(wide.svg, WIDE, wide.height, { ...provenance, source: `${provenance.source}／${permalink}` }).svg;
    },
  };
}

/** Whether a chart's downloads exist as static files (a published segment without filters). */
export function hasStaticFiles(r: ResolvedChart): boolean {
  return r.filters.length === 0 && !r.info.id.includes('__') && segmentsFor(r.wave, r.info.id).some((s) => s.slug === r.slug);
}

/** A chart's default title: the question's label, with 「（経年比較）」 or 「（<banner>別）」. */
export function defaultTitle(r: ResolvedChart): string {
  const banner = r.by ? r.wave.dataset?.variables.get(r.by)?.label : undefined;
  return isTrend(r.table) ? qualified(r.info.label, '経年比較') : banner ? qualified(r.info.label, `${banner}別`) : r.info.label;
}

/**
 * 「label（detail）」, or 「label：detail」 when the detail has brackets of its own: titles never
 * nest brackets (「タッチモデルの構築：効果の実感（2区分）別」, not 「…（効果の実感（2区分）別）」).
 */
export function qualified(label: string, detail: string): string {
  return /[（(]/.test(detail) ? `${label}：${detail}` : `${label}（${detail}）`;
}

/** Labels of the wave's variables, options and universes, for filters in words. */
function lookupOf(r: ResolvedChart): FilterLookup {
  const variables = r.wave.dataset?.variables;
  return {
    variable: (id) => variables?.get(id)?.label,
    option: (id, code) => {
      const v = variables?.get(id);
      return v && 'options' in v ? v.options.find((o) => o.code === code)?.label : undefined;
    },
    universe: (id) => r.wave.codebook.universes.find((u) => u.id === id)?.label,
  };
}

/** What a downloaded chart file says about itself (src/lib/charts/provenance.ts). */
export function provenanceOf(r: ResolvedChart, title: string, lang: Lang = 'ja'): Provenance {
  const s = r.wave.codebook.survey;
  const local = lang === 'ja' ? null : localChart(r, lang);
  return {
    title,
    question: local ? local.info.text : r.info.text,
    universe: local ? local.universeLabel : (r.wave.codebook.universes.find((u) => u.id === r.universe)?.label ?? '全回答者'),
    base: provenanceBase(r.table, lang),
    filters: r.filters.map((f) => filterWords(f, lookupOf(r))),
    banner: local ? local.bannerLabel : r.by ? (r.wave.dataset?.variables.get(r.by)?.label ?? r.by) : null,
    source: (isTrend(r.table) ? trendSources(r.table, sourceText) : null) ?? (r.info.source ? `${sourceText(s.citation)}（${r.info.source}）` : sourceText(s.citation)),
    synthetic: s.synthetic,
    notes: r.protected ? [local ? local.protectedNote : PROTECTED_NOTE] : [],
    lang,
  };
}

/** The anchor id of a chart (its permalink target) when `<Chart>` is given no `id`. */
export function figureAnchor(r: ResolvedChart): string {
  return `fig-${r.info.id}-${r.slug}${r.filters.length ? '-filtered' : ''}`;
}
