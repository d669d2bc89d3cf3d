/**
 * Builds the self-benchmark's published aggregates (`/data/benchmark.json`, types.ts) from the
 * engine's tables — the same tables the question pages and the explorer publish: the protected
 * cube for a `publish: aggregates` wave, the (public) rows for a `publish: microdata` wave. Pure:
 * the caller passes each wave's codebook and its table function (src/server/benchmark.ts).
 *
 * - Classes: a banded question's bands, a single or ordinal question's answers, or — for a
 *   numeric question — the four classes its quartiles (as the engine computes them for 全体)
 *   cut it into. Non-substantive answers (わからない) and 無回答 are not classes: they are left
 *   out of every base and listed with their counts.
 * - Segments: 全体 (the question's own universe), SaaS (the wave's `saas` universe, when it has
 *   one) and each class of the wave's company-size question (`employee_size`, when it has one),
 *   as a banner. A segment whose base of substantive answers is under the suppression threshold,
 *   or that the cube withholds, is marked suppressed and carries no figures.
 */
import type { Codebook, Filter, Option, Question } from '../dataset/codebook.ts';
import type { CrossTab } from '../stats/types.ts';
import { sourceText } from '../explore/export.ts';
import { defaultState, serializeState } from '../explore/state.ts';
import type { BenchmarkClass, BenchmarkData, BenchmarkEffect, BenchmarkMetric, BenchmarkScale, BenchmarkSegment, BenchmarkSizeSegments } from './types.ts';
import { valueText } from './compare.ts';

/** What a metric is: a question of a wave, typed or chosen by the reader. */
export interface MetricSpec {
  /** Metric id and URL parameter. */
  id: string;
  survey: string;
  wave: string;
  question: string;
  /** `number` (banded and numeric questions) or `choice` (the reader picks a class). */
  input: 'number' | 'choice';
  /** A companion table: the share of `option` of `question` by the metric's answer (「効果を感じている」 by touch model). */
  effect?: { question: string; option: number };
}

/** A table request, as `tableFor` (src/components/figure-data.ts) takes it. */
export interface TableRequest {
  question: string;
  banner?: string | null;
  universe?: string;
  filters?: Filter[];
}

/** A wave as the builder needs it. */
export interface BenchmarkWave {
  codebook: Codebook;
  /** The table the site publishes for a request (the protected cube's for an aggregates wave). */
  table(request: TableRequest): CrossTab;
  /** Whether its tables come from the protected cube (perturbed counts). */
  protected: boolean;
}

/** The universe a wave's SaaS segment restricts to. */
export const SAAS_UNIVERSE = 'saas';
/** The company-size question of a wave, used as a banner. */
export const SIZE_QUESTION = 'employee_size';

export interface Thresholds {
  suppressBase: number;
  cautionBase: number;
}

/** An error naming the metric and what is wrong (fails the build with a message that says how to fix it). */
export class BenchmarkError extends Error {}

function question(codebook: Codebook, id: string, metric: string): Question {
  const q = codebook.questions.find((x) => x.id === id);
  if (!q) throw new BenchmarkError(`benchmark metric "${metric}": ${codebook.survey.id}/${codebook.survey.wave} has no question "${id}"`);
  if (q.publication !== 'public') throw new BenchmarkError(`benchmark metric "${metric}": question "${id}" of ${codebook.survey.id}/${codebook.survey.wave} is restricted`);
  return q;
}

const substantive = (options: readonly Option[]) => options.filter((o) => !o.nonSubstantive);

/** The classes of a coded question: its substantive options, in codebook order (bands run low to high). */
function optionClasses(q: Question): BenchmarkClass[] {
  if (!('options' in q) || q.type === 'multi' || q.type === 'grid') throw new BenchmarkError(`question "${q.id}" (${q.type}) cannot be a benchmark metric: it needs single, ordinal, banded or numeric answers`);
  return substantive(q.options).map((o) => ({ code: o.code, label: o.label, ...(o.lower !== undefined ? { lower: o.lower } : {}), ...(o.upper !== undefined ? { upper: o.upper } : {}) }));
}

/**
 * The figures of one column of a table whose rows are the classes (by key): the base and shares of
 * substantive answers, as the engine counted them (weighted when the wave is).
 */
function columnSegment(table: CrossTab, column: number, classes: readonly BenchmarkClass[], id: string, label: string, t: Thresholds): BenchmarkSegment {
  const col = table.columns[column];
  const hidden: BenchmarkSegment = { id, label, suppressed: true, base: null, caution: false, shares: null, excluded: null };
  if (!col || col.withheld || col.suppressed) return hidden;
  const rows = new Map(table.rows.filter((r) => r.kind === 'option').map((r) => [r.key, r]));
  let base = 0;
  let weighted = 0;
  const w = classes.map((c) => {
    const cell = rows.get(String(c.code))?.cells[column];
    base += cell?.count ?? 0;
    weighted += cell?.weightedCount ?? 0;
    return cell?.weightedCount ?? 0;
  });
  if (base < t.suppressBase || weighted <= 0) return hidden;
  const excluded = table.rows
    .filter((r) => r.kind === 'noAnswer' || (r.kind === 'option' && r.nonSubstantive))
    .map((r) => ({ label: r.label, count: r.cells[column]?.count ?? 0 }))
    .filter((x) => x.count > 0);
  return { id, label, suppressed: false, base, caution: base < t.cautionBase, shares: w.map((x) => x / weighted), excluded };
}

/** Whether two segments hold the same figures (a segment that restricts nothing). */
function sameFigures(a: BenchmarkSegment, b: BenchmarkSegment): boolean {
  return a.suppressed === b.suppressed && a.base === b.base && JSON.stringify(a.shares) === JSON.stringify(b.shares);
}

/**
 * A numeric question's classes: cut at the quartiles of 全体 (first quartile, median, third
 * quartile; repeated cut points merged). Whole-number answers get whole-number bounds (x < 62.5 is
 * x < 63), labelled 「39〜68社」; the first class starts at the question's `min` when it has one.
 */
export function quartileClasses(summary: { q1?: number; median: number; q3?: number }, q: { unit: string; min?: number; integer: boolean }): BenchmarkClass[] {
  const raw = [summary.q1, summary.median, summary.q3].filter((x): x is number => x !== undefined && Number.isFinite(x));
  const round = (x: number) => (q.integer ? Math.ceil(x) : x);
  const lowest = q.min === undefined ? undefined : round(q.min);
  const cuts = [...new Set(raw.map(round))].sort((a, b) => a - b).filter((c) => lowest === undefined || c > lowest);
  const bounds: (number | undefined)[] = [lowest, ...cuts, undefined];
  const classes: BenchmarkClass[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const lower = bounds[k];
    const upper = bounds[k + 1];
    let label: string;
    if (upper === undefined) label = `${valueText(lower as number)}${q.unit}以上`;
    else if (q.integer) label = lower === undefined ? `${valueText(upper - 1)}${q.unit}以下` : lower === upper - 1 ? `${valueText(lower)}${q.unit}` : `${valueText(lower)}〜${valueText(upper - 1)}${q.unit}`;
    else label = lower === undefined ? `${valueText(upper)}${q.unit}未満` : `${valueText(lower)}〜${valueText(upper)}${q.unit}未満`;
    classes.push({ code: k + 1, label, ...(lower !== undefined ? { lower } : {}), ...(upper !== undefined ? { upper } : {}) });
  }
  return classes;
}

/** The engine's filter for a numeric class: lower ≤ x < upper (the top class: lower ≤ x). */
export function classFilter(questionId: string, cls: BenchmarkClass): Filter {
  const from: Filter = { q: questionId, range: cls.lower === undefined ? {} : { min: cls.lower } };
  return cls.upper === undefined ? from : { all: [from, { not: { q: questionId, range: { min: cls.upper } } }] };
}

/**
 * The figures of one column for a numeric question: the engine's base of each class (the
 * question tabulated with the class as a filter) over the column's answers.
 */
function numericSegment(byClass: CrossTab[], unfiltered: CrossTab, column: number, id: string, label: string, t: Thresholds): BenchmarkSegment {
  const col = unfiltered.columns[column];
  const hidden: BenchmarkSegment = { id, label, suppressed: true, base: null, caution: false, shares: null, excluded: null };
  if (!col || col.withheld || col.suppressed) return hidden;
  const counts = byClass.map((tab) => tab.columns[column]?.n ?? 0);
  const weights = byClass.map((tab) => tab.columns[column]?.weightedBase ?? 0);
  const base = counts.reduce((a, b) => a + b, 0);
  const weighted = weights.reduce((a, b) => a + b, 0);
  if (base < t.suppressBase || weighted <= 0) return hidden;
  const missing = col.n - base;
  return { id, label, suppressed: false, base, caution: base < t.cautionBase, shares: weights.map((x) => x / weighted), excluded: missing > 0 ? [{ label: '無回答', count: missing }] : [] };
}

/** The company-size question of a wave as segments, or null when the wave has none with bands. */
function sizeQuestion(codebook: Codebook): { q: Question & { type: 'banded' }; classes: BenchmarkClass[] } | null {
  const q = codebook.questions.find((x) => x.id === SIZE_QUESTION);
  if (!q || q.type !== 'banded' || q.publication !== 'public') return null;
  return { q, classes: optionClasses(q) };
}

function scaleOf(q: Question): BenchmarkScale {
  if (q.type === 'banded') return 'banded';
  if (q.type === 'numeric') return 'quartiles';
  if (q.type === 'ordinal') return 'ordinal';
  return 'nominal';
}

/** The explorer view of a question (optionally by a banner), from the explorer's own defaults. */
function explorerHref(survey: string, wave: string, question: string, banner: string | null): string {
  return `/explore/${serializeState({ ...defaultState({ waves: [] }), survey, wave, question, banner })}`;
}

/** One metric: its question, classes and every segment's figures. */
export function buildMetric(wave: BenchmarkWave, spec: MetricSpec, t: Thresholds): BenchmarkMetric {
  const { codebook } = wave;
  const s = codebook.survey;
  const q = question(codebook, spec.question, spec.id);
  const scale = scaleOf(q);
  if (spec.input === 'number' && scale !== 'banded' && scale !== 'quartiles') throw new BenchmarkError(`benchmark metric "${spec.id}": a typed value needs a banded or numeric question ("${q.id}" is ${q.type})`);
  const size = sizeQuestion(codebook);
  const hasSaas = codebook.universes.some((u) => u.id === SAAS_UNIVERSE);
  const universeLabel = codebook.universes.find((u) => u.id === q.universe)?.label ?? '全回答者';

  let classes: BenchmarkClass[];
  let all: BenchmarkSegment;
  let saas: BenchmarkSegment | null = null;
  let sizeSegments: BenchmarkSizeSegments | null = null;
  const saasLabel = codebook.universes.find((u) => u.id === SAAS_UNIVERSE)?.label ?? 'SaaS';
  /** One segment per size class, from the banner table's column of that class. */
  const bySize = (s: NonNullable<typeof size>, table: CrossTab, segment: (column: number, id: string, label: string) => BenchmarkSegment): BenchmarkSizeSegments => ({
    question: s.q.id,
    label: s.q.label,
    unit: s.q.unit,
    classes: s.classes,
    segments: s.classes.map((c) => {
      const column = table.columns.findIndex((x) => x.key === String(c.code));
      return segment(column < 0 ? Number.NaN : column, `size:${c.code}`, `${s.q.label} ${c.label}`);
    }),
  });

  if (q.type === 'numeric') {
    if (wave.protected) throw new BenchmarkError(`benchmark metric "${spec.id}": the protected cube of ${s.id}/${s.wave} publishes only the bases of numeric question "${q.id}", not its distribution`);
    const total = wave.table({ question: q.id });
    const summary = total.summaries?.[0];
    if (!summary || total.columns[0].suppressed || !Number.isFinite(summary.median)) throw new BenchmarkError(`benchmark metric "${spec.id}": "${q.id}" has too few answers for quartile classes`);
    classes = quartileClasses(summary, q);
    const filtered = (request: Omit<TableRequest, 'question' | 'filters'>) => classes.map((c) => wave.table({ question: q.id, ...request, filters: [classFilter(q.id, c)] }));
    all = numericSegment(filtered({}), total, 0, 'all', '全体', t);
    if (hasSaas) saas = numericSegment(filtered({ universe: SAAS_UNIVERSE }), wave.table({ question: q.id, universe: SAAS_UNIVERSE }), 0, 'saas', saasLabel, t);
    if (size) {
      const unfiltered = wave.table({ question: q.id, banner: size.q.id });
      const byClass = filtered({ banner: size.q.id });
      sizeSegments = bySize(size, unfiltered, (column, id, label) => numericSegment(byClass, unfiltered, column, id, label, t));
    }
  } else {
    classes = optionClasses(q);
    all = columnSegment(wave.table({ question: q.id }), 0, classes, 'all', '全体', t);
    if (hasSaas) saas = columnSegment(wave.table({ question: q.id, universe: SAAS_UNIVERSE }), 0, classes, 'saas', saasLabel, t);
    if (size) {
      const table = wave.table({ question: q.id, banner: size.q.id });
      sizeSegments = bySize(size, table, (column, id, label) => columnSegment(table, column, classes, id, label, t));
    }
  }
  if (saas && sameFigures(saas, all)) saas.sameAsAll = true;

  const metric: BenchmarkMetric = {
    id: spec.id,
    input: spec.input,
    scale,
    survey: s.id,
    wave: s.wave,
    surveyTitle: s.title,
    question: q.id,
    ...(q.number ? { number: q.number } : {}),
    label: q.label,
    text: q.text,
    unit: 'unit' in q ? q.unit : '',
    ...(q.type === 'numeric' ? { integer: q.integer } : {}),
    universe: { id: q.universe, label: universeLabel },
    citation: q.source ? `${sourceText(s.citation)}（${q.source}）` : sourceText(s.citation),
    ...(s.sourceUrl ? { sourceUrl: s.sourceUrl } : {}),
    synthetic: s.synthetic,
    protected: wave.protected,
    classes,
    all,
    saas,
    size: sizeSegments,
    questionUrl: `/${s.id}/${s.wave}/questions/${q.id}/`,
    explorerUrl: explorerHref(s.id, s.wave, spec.effect ? spec.effect.question : q.id, spec.effect ? q.id : null),
  };
  if (spec.effect) metric.effect = effectOf(wave, spec, classes, t);
  return metric;
}

/** The share of the effect question's option in each class of the metric (the engine's percentage, as the explorer shows it). */
function effectOf(wave: BenchmarkWave, spec: MetricSpec, classes: readonly BenchmarkClass[], t: Thresholds): BenchmarkEffect {
  const effect = spec.effect as NonNullable<MetricSpec['effect']>;
  const q = question(wave.codebook, effect.question, spec.id);
  const option = 'options' in q ? q.options.find((o) => o.code === effect.option) : undefined;
  if (!option) throw new BenchmarkError(`benchmark metric "${spec.id}": question "${q.id}" has no option ${effect.option}`);
  const table = wave.table({ question: q.id, banner: spec.question });
  const row = table.rows.find((r) => r.kind === 'option' && r.key === String(option.code));
  const cell = (column: number) => {
    const col = table.columns[column];
    if (!col || col.withheld || col.suppressed || col.n < t.suppressBase || !row) return { base: null, share: null, suppressed: true, caution: false };
    return { base: col.n, share: row.cells[column].proportion, suppressed: false, caution: col.caution };
  };
  return {
    question: q.id,
    label: q.label,
    text: q.text,
    optionLabel: option.label,
    byClass: classes.map((c) => ({ code: c.code, ...cell(table.columns.findIndex((x) => x.key === String(c.code))) })),
    total: cell(0),
  };
}

/** Every metric, in the order given. */
export function buildBenchmark(specs: readonly MetricSpec[], waveOf: (survey: string, wave: string) => BenchmarkWave, t: Thresholds): BenchmarkData {
  return { version: 1, suppressBase: t.suppressBase, cautionBase: t.cautionBase, metrics: specs.map((spec) => buildMetric(waveOf(spec.survey, spec.wave), spec, t)) };
}
