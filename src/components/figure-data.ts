/**
 * Build-time bridge from MDX props to chart data: finds the wave, checks the question, banner
 * and universe an editor named (errors list the valid choices, so a typo fails the build with a
 * message that says how to fix it), runs the engine and memoises the result for the build.
 */
import { filterWords, type FilterLookup } from '../lib/charts/filter-words.ts';
import { parseHTML } from 'linkedom';
import type { Filter, Question } from '../lib/dataset/codebook.ts';
import type { Dataset } from '../lib/dataset/types.ts';
import { crosstab } from '../lib/stats/crosstab.ts';
import { trend as engineTrend, type TrendPoint, type TrendWave, type TrendWaveInfo } from '../lib/stats/trend.ts';
import type { CrossTab } from '../lib/stats/types.ts';
import { trendSources } from '../lib/charts/trend-notes.ts';
import { allowedKinds, chartVariable, chooseKind, isTrend, parseKind, renderChart, svgMarkup, type ChartKind, type ChartTable, type ChartVariable, type GridTable, type TrendTable } from '../lib/charts/index.ts';
import { PROTECTED_NOTE, provenanceBase, type Provenance } from '../lib/charts/provenance.ts';
import { sourceText } from '../lib/explore/export.ts';
import { defaultState, serializeState } from '../lib/explore/state.ts';
import { publicUniverseIds } from '../lib/publicuse/publicity.ts';
import { loadCatalog, type CatalogWave } from '../server/catalog.ts';
import { crosswalkLink, crosswalkQuestion } from '../lib/dataset/crosswalk-link.ts';
import { cubeTablesOf, waveCube } from '../server/cube.ts';
import { cubeCrosstab } from '../lib/cube/query.ts';
import { NO_RESTRICTION, universeRestrictionId } from '../lib/cube/plan.ts';
import { CHART_KINDS } from '../lib/charts/types.ts';
import { FigureError, FigureNameError, idChoices } from './figure-error.ts';

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

/** Every wave of every survey, validated. */
export function allWaves(): CatalogWave[] {
  return loadCatalog().waves;
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

const memo = new Map<string, CrossTab>();
/** The engine's table for a spec, computed once per build (from the cube for a protected view of an aggregates wave). */
export function tableFor(wave: CatalogWave, spec: { question: string; banner?: string | null; universe?: string; filters?: Filter[] }, view: FigureView = 'exact'): CrossTab {
  const cube = fromCube(wave, view);
  const key = JSON.stringify([wave.survey, wave.wave, spec, cube]);
  let t = memo.get(key);
  if (!t) {
    if (cube) {
      if (spec.filters?.length) throw new Error(`${wave.survey}/${wave.wave}: a protected table takes no filters`);
      const q = waveCube(wave as CatalogWave & { dataset: Dataset }).questions.get(spec.question);
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
export const CHART_PROPS = ['q', 'by', 'universe', 'filters', 'kind', 'title', 'survey', 'wave', 'id', 'level', 'resolved'] as const;

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

/** The crosswalk chain through `wave`: earlier waves it maps to and later waves that map to it, oldest first. */
function crosswalkChain(wave: CatalogWave): CatalogWave[] {
  const catalog = loadCatalog();
  const back = (w: CatalogWave): CatalogWave[] => {
    const prev = w.codebook.crosswalk ? catalog.get(w.survey, w.codebook.crosswalk.wave) : undefined;
    return prev ? [...back(prev), w] : [w];
  };
  const chains = catalog.waves.filter((w) => w.survey === wave.survey).map(back).filter((c) => c.includes(wave));
  return chains.sort((a, b) => b.length - a.length)[0] ?? [wave];
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
  const waves: TrendWave[] = full.map((w) =>
    fromCube(w, view) ? { codebook: w.codebook, tables: cubeTablesOf(w as CatalogWave & { dataset: Dataset }).tables } : w.dataset ? { codebook: w.codebook, dataset: w.dataset } : { codebook: w.codebook, tables: w.tables ?? [] },
  );
  const own = wave.dataset ? variableInfo(wave.dataset, question).universe : (wave.codebook.questions.find((q) => q.id === question)?.universe ?? 'all');
  const published = full.flatMap((w) => (w.tables ?? []).filter((t) => t.question === question || t.question.startsWith(`${question}__`)).map((t) => t.universe));
  const out: TrendTable[] = [];
  for (const universe of [...new Set([own, ...published])]) {
    if (!full.every((w) => !w.dataset || w.dataset.universes.has(universe))) continue;
    let points: TrendPoint[];
    let info: TrendWaveInfo[];
    try {
      const t = engineTrend(waves, latestId, { universe });
      points = t.points.filter((p) => Number.isFinite(p.proportion));
      info = t.waves;
    } catch {
      continue;
    }
    const waveCount = (option: number) => new Set(points.filter((p) => p.option === option).map((p) => p.wave)).size;
    points = points.filter((p) => waveCount(p.option) >= 2);
    const withData = full.map((w) => w.wave).filter((w) => points.some((p) => p.wave === w));
    if (withData.length < 2) continue;
    const label = wave.codebook.universes.find((u) => u.id === universe)?.label ?? '全回答者';
    out.push({ type: 'trend', question, universe, universeLabel: label, waves: withData, points, waveInfo: info.filter((w) => withData.includes(w.wave)) });
  }
  return out;
}

let doc: Document | undefined;
/** A server-side DOM for Plot (one per build). */
function document(): Document {
  doc ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  return doc;
}

/** Chart widths: the wide drawing for desktops, the narrow one for phones. */
export const WIDE = 680;
export const NARROW = 340;

/** The chart drawn at a width: SVG markup and the notes its form adds. */
export function chartSvg(table: ChartTable, variable: ChartVariable | undefined, kind: ChartKind, width: number, ariaLabel: string): { svg: string; notes: string[]; height: number } {
  const { spec, svg } = renderChart(table, { document: document(), variable, kind, width, ariaLabel });
  const markup = svgMarkup(svg);
  const height = Number(/^<svg\b[^>]*?\sheight="([\d.]+)"/.exec(markup)?.[1]);
  if (!Number.isFinite(height)) throw new Error(`${ariaLabel}: chart SVG without a height`);
  return { svg: markup, notes: spec.notes, height };
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

const segmentMemo = new Map<string, Segment[]>();
/**
 * The segments a question page shows and publishes downloads for: the question's own universe;
 * every other universe that keeps at least 30 and fewer than all of its respondents; and the
 * question by each banner that splits it into two or more columns of at least 30.
 */
export function segmentsFor(wave: CatalogWave, questionId: string): Segment[] {
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
export function provenanceOf(r: ResolvedChart, title: string): Provenance {
  const s = r.wave.codebook.survey;
  return {
    title,
    question: r.info.text,
    universe: r.wave.codebook.universes.find((u) => u.id === r.universe)?.label ?? '全回答者',
    base: provenanceBase(r.table),
    filters: r.filters.map((f) => filterWords(f, lookupOf(r))),
    banner: r.by ? (r.wave.dataset?.variables.get(r.by)?.label ?? r.by) : null,
    source: (isTrend(r.table) ? trendSources(r.table, sourceText) : null) ?? (r.info.source ? `${sourceText(s.citation)}（${r.info.source}）` : sourceText(s.citation)),
    synthetic: s.synthetic,
    notes: r.protected ? [PROTECTED_NOTE] : [],
  };
}

/** The anchor id of a chart (its permalink target) when `<Chart>` is given no `id`. */
export function figureAnchor(r: ResolvedChart): string {
  return `fig-${r.info.id}-${r.slug}${r.filters.length ? '-filtered' : ''}`;
}
