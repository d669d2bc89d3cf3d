/**
 * Trends: one question across waves, following each wave's crosswalk back to the previous wave,
 * mixing microdata waves (computed by `crosstab`) and published-table waves (taken as printed).
 * Two microdata waves can be compared with a two-proportion z-test (independent samples).
 */
import type { Codebook, Filter } from '../dataset/codebook.ts';
import type { Dataset, PublishedTable } from '../dataset/types.ts';
import type { Interval, StatsOptions } from './types.ts';
import { crosstab } from './crosstab.ts';
import { CrossTabError } from './population.ts';
import { proportionInterval } from './interval.ts';
import { resolveStatsOptions } from './options.ts';
import { twoProportionZ } from './significance.ts';
import { roundHalfUp } from './format.ts';
import { crosswalkLink } from '../dataset/crosswalk-link.ts';
import { cubeCrosstab } from '../cube/query.ts';
import { NO_RESTRICTION, filterRestrictionId, netRestrictionId, universeRestrictionId } from '../cube/plan.ts';
import type { QuestionCube } from '../cube/types.ts';

/**
 * A wave of a trend: respondent rows, published tables (printed, or a protected cube's totals),
 * or protected cubes — the question's cube, by the question's id in that wave — which can also
 * answer one banner column and one restriction (docs/statistics.md, "Comparisons in the explorer").
 */
export type TrendWave = { codebook: Codebook; dataset: Dataset } | { codebook: Codebook; tables: PublishedTable[] } | { codebook: Codebook; cubes: Map<string, QuestionCube> };

export interface TrendOptions {
  /** Universe id, looked up in every wave (default: each wave's question universe; published: `all`). */
  universe?: string;
  /** Weighted microdata (default: when the wave has weights). */
  weighted?: boolean;
  /**
   * Ad-hoc filters (AND). Only microdata waves can apply them: give them only when every wave is
   * microdata with the filter variables (the explorer checks, `comparisonScope`); published tables
   * are never filtered.
   */
  filters?: Filter[];
  /**
   * One banner column instead of the total: the banner variable and its code, both as in the
   * latest wave (each wave's own id and code found through its crosswalk; a derived variable by
   * its id). Microdata waves keep the column's respondents; published tables need a printed
   * table of that column (`segment: <variable>=<code>`), else the wave gives no points.
   */
  segment?: Segment;
  stats?: Partial<StatsOptions>;
}

/** A banner column: a variable and one of its codes. */
export interface Segment {
  variable: string;
  code: number;
}

export interface TrendPoint {
  /** Wave id (`survey.wave`). */
  wave: string;
  /** Option code in the latest wave (the reference). */
  option: number;
  label: string;
  /** Question id and option code in this wave, after the crosswalk. */
  question: string;
  code: number;
  proportion: number;
  ci: Interval | null;
  /** Unweighted base (published: as printed). */
  base: number;
  /**
   * Effective base of the share: the base (unweighted), else the design-based p̂(1 − p̂)/Var or the
   * Kish effective base, as the wave's variance method says (published: the base).
   */
  effectiveBase: number;
  /** Weighted base W (published: the base). */
  weightedBase: number;
  /** Computed from rows, printed in a published table, or read from a protected cube's totals. */
  source: 'microdata' | 'published' | 'protected';
  /** Published tables: where the figure was printed. */
  sourceNote?: string | null;
}

export interface TrendTest {
  option: number;
  from: string;
  to: string;
  z: number;
  p: number;
  /** p < alpha (two-sided). */
  significant: boolean;
}

/** What a wave of a trend is: its own report, citation and the question's answer type there (issue 12). */
export interface TrendWaveInfo {
  wave: string;
  /** The wave's own report title and citation (not the latest wave's). */
  title: string;
  citation: string;
  synthetic: boolean;
  /** The question's id and type in this wave (`grid-row` for a grid row). */
  question: string;
  type: string;
  /** The question's wording in this wave, and each option's label there (by the latest wave's code). */
  text: string;
  labels: Record<number, string>;
}

export interface Trend {
  question: string;
  points: TrendPoint[];
  /** Every wave the question is in (after the crosswalk), oldest first. */
  waves: TrendWaveInfo[];
  /** Consecutive pairs of microdata waves, per option. */
  tests: TrendTest[];
}

/** A question with options, or a grid row (`<grid>__<row>`, answered on the grid's options). */
function optionsOf(codebook: Codebook, id: string): Array<{ code: number; label: string }> | null {
  const [qid, rowId] = id.split('__');
  const q = codebook.questions.find((x) => x.id === qid);
  if (!q || !('options' in q)) return null;
  if (rowId === undefined) return q.options;
  return q.type === 'grid' && q.rows.some((r) => r.id === rowId) ? q.options : null;
}

/**
 * Question id and option-code map (reference code → this wave's code) for every wave, oldest
 * first: each step back follows `crosswalkLink` (a crosswalk entry, else the same id; README,
 * "Crosswalks"); null from the first wave the question does not continue to.
 */
function followCrosswalk(waves: TrendWave[], questionId: string): Array<{ question: string; codes: Map<number, number> } | null> {
  const last = waves[waves.length - 1].codebook;
  const reference = optionsOf(last, questionId);
  if (!reference) throw new CrossTabError(`trend: question "${questionId}" with options not found in wave ${last.survey.wave}`);
  let current: { question: string; codes: Map<number, number> } | null = { question: questionId, codes: new Map(reference.map((o) => [o.code, o.code])) };
  const out: Array<{ question: string; codes: Map<number, number> } | null> = [current];
  for (let i = waves.length - 2; i >= 0; i--) {
    if (current !== null) {
      const link = crosswalkLink(waves[i + 1].codebook, waves[i].codebook, current.question);
      if (!link) current = null;
      else {
        const codes = new Map<number, number>();
        for (const [ref, code] of current.codes) codes.set(ref, link.options?.[String(code)] ?? code);
        current = { question: link.previous, codes };
      }
    }
    out.unshift(current);
  }
  return out;
}

/** The id `questionId` (of the latest wave) has in every wave, oldest first; null where a crosswalk drops it. */
export function questionInWaves(waves: TrendWave[], questionId: string): Array<string | null> {
  return followCrosswalk(waves, questionId).map((m) => m?.question ?? null);
}

/**
 * The banner column `segment` (ids of the latest wave) in every wave, oldest first: a question is
 * followed through the crosswalks like the trend's question; a derived variable keeps its id and
 * codes in every wave that defines it. Null where a wave has no such column.
 */
export function segmentInWaves(waves: TrendWave[], segment: Segment): Array<Segment | null> {
  const last = waves[waves.length - 1].codebook;
  if (optionsOf(last, segment.variable)) {
    return followCrosswalk(waves, segment.variable).map((m) => {
      const code = m?.codes.get(segment.code);
      return m && code !== undefined ? { variable: m.question, code } : null;
    });
  }
  return waves.map((w) => (w.codebook.derived.some((d) => d.id === segment.variable && d.options.some((o) => o.code === segment.code)) ? { ...segment } : null));
}

function segmentFilter(dataset: Dataset, segment: Segment): Filter {
  return dataset.variables.get(segment.variable)?.kind === 'multi' ? { q: segment.variable, includesAny: [segment.code] } : { q: segment.variable, in: [segment.code] };
}

function microdataPoints(wave: { codebook: Codebook; dataset: Dataset }, question: string, codes: Map<number, number>, labels: Map<number, string>, options: TrendOptions, segment: Segment | null): TrendPoint[] {
  const filters = [...(options.filters ?? []), ...(segment ? [segmentFilter(wave.dataset, segment)] : [])];
  const table = crosstab(wave.dataset, { question, universe: options.universe, weighted: options.weighted, ...(filters.length ? { filters } : {}) }, options.stats);
  const total = table.columns[0];
  const points: TrendPoint[] = [];
  for (const [ref, code] of codes) {
    const row = table.rows.find((r) => r.key === String(code));
    if (!row) continue;
    const cell = row.cells[0];
    // The share's own effective base (docs/statistics.md, "Changes between waves"): design-based where it replaces Kish.
    points.push({ wave: wave.codebook.survey.wave, option: ref, label: labels.get(ref)!, question, code, proportion: cell.proportion, ci: cell.ci, base: total.baseN ?? total.n, effectiveBase: cell.effectiveBase ?? total.effectiveBase, weightedBase: total.weightedBase, source: 'microdata' });
  }
  return points;
}

/**
 * The cube restriction that answers `options` in a wave (docs/statistics.md, "Protected cube"):
 * the question's own universe, another universe, or one filter on one variable with one code or
 * exactly one codebook net's codes (never a universe and a filter together). Null when the cube
 * cannot answer it.
 */
export function cubeRestriction(codebook: Codebook, cube: QuestionCube, options: Pick<TrendOptions, 'universe' | 'filters'>): string | null {
  const filters = options.filters ?? [];
  let id: string;
  if (filters.length > 0) {
    const own = options.universe === undefined || options.universe === cube.meta.universe;
    const f = filters[0];
    if (filters.length > 1 || !own || !('q' in f)) return null;
    const codes = 'in' in f ? f.in : 'includesAny' in f ? f.includesAny : 'includesAll' in f && f.includesAll.length === 1 ? f.includesAll : null;
    if (!codes || codes.length === 0) return null;
    if (codes.length === 1) id = filterRestrictionId(f.q, codes[0]);
    else {
      const q = codebook.questions.find((x) => x.id === f.q.split('__')[0]);
      const key = [...codes].sort((a, b) => a - b).join(',');
      const net = q && 'nets' in q ? q.nets.find((n) => [...n.codes].sort((a, b) => a - b).join(',') === key) : undefined;
      if (!net || 'includesAll' in f) return null;
      id = netRestrictionId(f.q, net.id);
    }
  } else id = options.universe === undefined || options.universe === cube.meta.universe ? NO_RESTRICTION : universeRestrictionId(options.universe);
  return cube.restrictions.some((r) => r.id === id) ? id : null;
}

function cubePoints(wave: { codebook: Codebook; cubes: Map<string, QuestionCube> }, question: string, codes: Map<number, number>, labels: Map<number, string>, options: TrendOptions, segment: Segment | null): TrendPoint[] {
  const cube = wave.cubes.get(question);
  if (!cube) return [];
  const restriction = cubeRestriction(wave.codebook, cube, options);
  if (restriction === null) throw new CrossTabError(`trend: the protected cube of ${wave.codebook.survey.wave} cannot answer this universe and these filters`);
  if (segment && !cube.banners.some((b) => b.id === segment.variable)) return [];
  const table = cubeCrosstab(cube, { banner: segment ? segment.variable : null, restriction }, options.stats);
  const c = segment ? table.columns.findIndex((col) => col.key === String(segment.code)) : 0;
  const column = table.columns[c];
  if (!column || column.withheld || column.suppressed) return [];
  const points: TrendPoint[] = [];
  for (const [ref, code] of codes) {
    const cell = table.rows.find((r) => r.key === String(code))?.cells[c];
    if (!cell || !Number.isFinite(cell.proportion)) continue;
    points.push({ wave: wave.codebook.survey.wave, option: ref, label: labels.get(ref)!, question, code, proportion: cell.proportion, ci: cell.ci, base: column.baseN ?? column.n, effectiveBase: column.effectiveBase, weightedBase: column.weightedBase, source: 'protected' });
  }
  return points;
}

/** A printed cell's share of its table's base: the printed percent, else the printed count over the base; NaN when neither. */
export function printedShare(cell: { percent: number | null; count: number | null }, base: number): number {
  return cell.percent !== null ? cell.percent / 100 : cell.count !== null && base > 0 ? cell.count / base : Number.NaN;
}

function publishedPoints(wave: { codebook: Codebook; tables: PublishedTable[] }, question: string, codes: Map<number, number>, labels: Map<number, string>, options: TrendOptions, segment: Segment | null): TrendPoint[] {
  // A printed table cannot be filtered: refuse rather than mix filtered and unfiltered waves.
  if (options.filters?.length) throw new CrossTabError(`trend: ${wave.codebook.survey.wave} is published tables and cannot apply filters`);
  const universe = options.universe ?? 'all';
  const key = segment ? `${segment.variable}=${segment.code}` : 'total';
  const table = wave.tables.find((t) => t.question === question && t.segment === key && t.universe === universe);
  if (!table) return [];
  const stats = resolveStatsOptions(options.stats);
  const points: TrendPoint[] = [];
  for (const [ref, code] of codes) {
    const cell = table.cells.find((c) => c.option === code);
    if (!cell) continue;
    const proportion = printedShare(cell, table.base);
    if (!Number.isFinite(proportion)) continue;
    const ci = proportionInterval(stats.interval, proportion, table.base, stats.level);
    points.push({ wave: wave.codebook.survey.wave, option: ref, label: labels.get(ref)!, question, code, proportion, ci, base: table.base, effectiveBase: table.base, weightedBase: table.base, source: table.protected ? 'protected' : 'published', sourceNote: table.source });
  }
  return points;
}

/** Two microdata points of the same option: pooled two-proportion z-test on the shares' effective bases. */
export function compareWaves(a: TrendPoint, b: TrendPoint, alpha = 0.05): TrendTest | null {
  if (a.source !== 'microdata' || b.source !== 'microdata') return null;
  const change = testChange(a, b, alpha);
  // TrendTest keeps the sign of z for a − b; testChange's z is positive for an increase.
  return change && { option: b.option, from: a.wave, to: b.wave, z: -change.z, p: change.p, significant: change.significant };
}

/** A change of one option's share between two waves, tested (docs/statistics.md, "Changes between waves"). */
export interface WaveChange {
  from: TrendPoint;
  to: TrendPoint;
  /** Difference in percentage points of the shares as printed (rounded to `digits` first, as a reader subtracts them). */
  points: number;
  z: number;
  p: number;
  alpha: number;
  significant: boolean;
  /** `up` / `down` only when significant; otherwise `none`. */
  direction: 'up' | 'down' | 'none';
  /** Waves whose figure is a printed table: tested on the printed share and base. */
  printed: string[];
}

/**
 * Tests the change of one option between two waves: the pooled two-proportion z-test (two-sided)
 * on effective bases for microdata, on the printed share and base for a published table. Null
 * when nothing can be tested (a base of 0, both shares 0 or both 1).
 */
export function testChange(from: TrendPoint, to: TrendPoint, alpha = 0.05, digits = 1): WaveChange | null {
  const test = twoProportionZ({ p: from.proportion, n: from.effectiveBase, w: from.weightedBase }, { p: to.proportion, n: to.effectiveBase, w: to.weightedBase });
  if (!test) return null;
  const shown = (x: TrendPoint) => roundHalfUp(x.proportion * 100, digits);
  const significant = test.p < alpha;
  const points = roundHalfUp(shown(to) - shown(from), digits);
  return {
    from,
    to,
    points,
    z: -test.z,
    p: test.p,
    alpha,
    significant,
    direction: !significant ? 'none' : to.proportion > from.proportion ? 'up' : 'down',
    printed: [from, to].filter((x) => x.source === 'published').map((x) => x.wave),
  };
}

/**
 * `questionId` (an id of the last wave) in every wave, waves given oldest first. A wave whose
 * crosswalk drops the question, or that lacks its table, contributes no points.
 */
export function trend(waves: TrendWave[], questionId: string, options: TrendOptions = {}): Trend {
  if (waves.length === 0) throw new CrossTabError('trend: no waves given');
  const mapped = followCrosswalk(waves, questionId);
  // followCrosswalk has refused a question without options in the latest wave.
  const labels = new Map(optionsOf(waves[waves.length - 1].codebook, questionId)!.map((o) => [o.code, o.label]));
  const segments = options.segment ? segmentInWaves(waves, options.segment) : null;
  const points: TrendPoint[] = [];
  waves.forEach((wave, i) => {
    const m = mapped[i];
    if (m === null) return;
    // A wave without the banner column gives no points rather than its total.
    const segment = segments ? segments[i] : null;
    if (segments && segment === null) return;
    points.push(...('dataset' in wave ? microdataPoints(wave, m.question, m.codes, labels, options, segment) : 'cubes' in wave ? cubePoints(wave, m.question, m.codes, labels, options, segment) : publishedPoints(wave, m.question, m.codes, labels, options, segment)));
  });
  const info: TrendWaveInfo[] = [];
  waves.forEach((w, i) => {
    const m = mapped[i];
    if (!m) return;
    const [qid, row] = m.question.split('__');
    const q = w.codebook.questions.find((x) => x.id === qid);
    const survey = w.codebook.survey;
    const here = optionsOf(w.codebook, m.question) ?? [];
    const labels: Record<number, string> = {};
    for (const [ref, code] of m.codes) {
      const o = here.find((x) => x.code === code);
      if (o) labels[ref] = o.label;
    }
    const gridRow = q?.type === 'grid' && row !== undefined ? q.rows.find((r) => r.id === row) : undefined;
    const text = q ? `${q.text}${gridRow ? `（${gridRow.label}）` : ''}` : m.question;
    info.push({ wave: survey.wave, title: survey.title, citation: survey.citation, synthetic: survey.synthetic ?? false, question: m.question, type: row !== undefined ? 'grid-row' : (q?.type ?? 'single'), text, labels });
  });
  const alpha = resolveStatsOptions(options.stats).alpha;
  const tests: TrendTest[] = [];
  const microWaves = waves.filter((w) => 'dataset' in w).map((w) => w.codebook.survey.wave);
  for (let i = 1; i < microWaves.length; i++) {
    for (const b of points.filter((p) => p.wave === microWaves[i])) {
      const a = points.find((p) => p.wave === microWaves[i - 1] && p.option === b.option);
      const test = a ? compareWaves(a, b, alpha) : null;
      if (test) tests.push(test);
    }
  }
  return { question: questionId, points, tests, waves: info };
}
