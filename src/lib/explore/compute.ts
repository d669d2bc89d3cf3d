/**
 * The explorer's computations: an explorer state → the engine's CrossTab, and the trend across
 * crosswalked waves (the engine's `trend`). The same functions run in the browser and in tests,
 * on public-use rows (`publish: microdata`) or on a protected cube (`publish: aggregates`), so what
 * the reader sees is what the engine says.
 */
import type { Dataset } from '../dataset/types.ts';
import type { CrossTab, StatsOptions } from '../stats/types.ts';
import type { ChartVariable, TrendTable } from '../charts/types.ts';
import { crosstab } from '../stats/crosstab.ts';
import { cubeRestriction, questionInWaves, segmentInWaves, trend, type Segment, type TrendWave } from '../stats/trend.ts';
import type { Filter } from '../dataset/codebook.ts';
import { chartVariable } from '../charts/variable.ts';
import { cubeCrosstab } from '../cube/query.ts';
import type { QuestionCube } from '../cube/types.ts';
import type { CatalogWave } from './catalog.ts';
import { stateRestriction } from './restriction.ts';
import { toEngineFilter, toTableSpec, type ExploreState } from './state.ts';
import { publishedCrossTab, publishedQuestion, type PublishedWave } from './published.ts';

/** Where a table's numbers come from: public-use rows, or one question's protected cube. */
export type ExploreSource = { kind: 'rows'; dataset: Dataset } | { kind: 'cube'; cube: QuestionCube } | { kind: 'tables'; tables: PublishedWave };

/** Engine options implied by the state (everything else: the engine's defaults). */
export function statsOptionsFor(state: ExploreState): Partial<StatsOptions> {
  return { multiPercent: state.multiPercent };
}

/** The cross-tab an explorer state asks for. */
export function computeTable(source: ExploreSource | Dataset, state: ExploreState, wave?: CatalogWave): CrossTab {
  const s: ExploreSource = 'kind' in source ? source : { kind: 'rows', dataset: source };
  if (s.kind === 'rows') return crosstab(s.dataset, toTableSpec(state), statsOptionsFor(state));
  if (s.kind === 'tables') return publishedCrossTab(s.tables, state.question, state.universe);
  if (!wave) throw new Error('computeTable: a cube needs its catalog wave');
  return cubeCrosstab(s.cube, { banner: state.banner, restriction: stateRestriction(state, wave) }, statsOptionsFor(state), toTableSpec(state));
}

/** The chart variable (options with scores, neutral codes, unit) of the state's question. */
export function sourceVariable(source: ExploreSource, id: string): ChartVariable | undefined {
  if (source.kind === 'rows') return chartVariable(source.dataset, id);
  if (source.kind === 'tables') {
    const q = publishedQuestion(source.tables.codebook, id);
    return q ? { options: q.options, neutral: q.neutral, unit: q.unit } : undefined;
  }
  const m = source.cube.meta;
  if (m.kind === 'numeric') return { options: [], neutral: [], unit: m.unit || null };
  return { options: m.options, neutral: m.neutral, unit: m.type === 'banded' ? m.unit : null };
}

/** What a comparison across waves applies of the view, and what it cannot (issue 11). */
export interface ComparisonScope {
  /** The filters are applied to every wave. */
  filters: boolean;
  /** The banner column compared in every wave (ids of the current wave), or null: the total. */
  segment?: Segment | null;
  /** Sentences for the notes: what is applied, what is not and why. */
  notes: string[];
}

/**
 * Why a wave cannot apply the filters (with the state's universe), or null when it can: respondent
 * rows with the filter variables, or the question's protected cube when the filters are one
 * restriction it publishes (`question`: the question's id in that wave).
 */
function unfilterable(wave: TrendWave, filters: Filter[], universe: string | undefined, question: string | null, en = false): string | null {
  if ('cubes' in wave) {
    const cube = question ? wave.cubes.get(question) : undefined;
    if (!cube) return en ? 'the protected tables lack this question' : '秘匿処理した集計値にこの設問がありません';
    return cubeRestriction(wave.codebook, cube, { universe, filters }) === null ? (en ? 'protected tables take one restriction only: a base, or one option of one item' : '秘匿処理した集計値は、対象者か1つの項目の1つの選択肢のどちらか1つでしか絞り込めません') : null;
  }
  if (!('dataset' in wave)) return wave.tables.some((t) => t.protected) ? (en ? 'protected totals' : '秘匿処理した集計値') : en ? 'published tables' : '公表された集計表';
  const missing = [...new Set(filters.flatMap((f) => ('q' in f ? [f.q] : [])))].filter((v) => !wave.dataset.variables.has(v));
  return missing.length > 0 ? (en ? `the respondent data lacks ${missing.join(', ')}` : `回答者データに「${missing.join('」「')}」がありません`) : null;
}

/** Why a wave cannot give the banner column `segment` (its own id and code), or null when it can. */
function unsegmentable(wave: TrendWave, segment: Segment | null, question: string | null, en = false): string | null {
  if (segment === null) return en ? 'no variable matches this banner (not asked in that wave, or its trend is broken in the crosswalk)' : 'この集計軸に当たる変数がありません（その調査回にない設問か、対応表で推移を切った設問）';
  if ('dataset' in wave) return wave.dataset.variables.has(segment.variable) ? null : en ? `the respondent data lacks ${segment.variable}` : `回答者データに「${segment.variable}」がありません`;
  if ('cubes' in wave) {
    const banner = (question ? wave.cubes.get(question) : undefined)?.banners.find((b) => b.id === segment.variable);
    return banner?.columns.some((c) => c.key === String(segment.code)) ? null : en ? 'the protected tables lack this banner' : '秘匿処理した集計値にこの集計軸がありません';
  }
  if (wave.tables.some((t) => t.segment === `${segment.variable}=${segment.code}`)) return null;
  return wave.tables.some((t) => t.protected) ? (en ? 'protected totals only' : '秘匿処理した集計値は全体の値のみ') : en ? 'the published tables have no figures by this banner' : '公表された集計表に集計軸別の値がありません';
}

/** The question's id in every wave (null where it is not linked, or when the latest wave lacks it). */
export function safeQuestionIds(waves: TrendWave[], question: string): Array<string | null> {
  try {
    return questionInWaves(waves, question);
  } catch {
    return waves.map(() => null);
  }
}

/** The banner column a comparison shows: the state's `column`, else the banner's first code. */
export function comparisonColumn(state: ExploreState, codes: number[]): number | null {
  if (!state.banner || codes.length === 0) return null;
  return state.column !== undefined && codes.includes(state.column) ? state.column : codes[0];
}

/**
 * Which of the view's filters and banner a comparison across `waves` can apply. Filters apply
 * only when every wave has respondent rows with the filter variables (a printed table, or a
 * cube's totals, cannot be filtered). A banner applies as one of its columns (`words.column`,
 * the column's code and label) when every wave has that column — respondent rows with the
 * banner variable, or a printed table of the column; otherwise the comparison shows the total
 * and says which waves lack the column and why.
 */
export function comparisonScope(waves: TrendWave[], state: ExploreState, words: { filters: string[]; banner: string | null; universe: string; column?: { code: number; label: string } | null; lang?: 'ja' | 'en' }): ComparisonScope {
  const en = words.lang === 'en';
  const notes = [en ? `Base of the comparison across waves: ${words.universe}.` : `調査回比較の対象者：${words.universe}。`];
  let filters = false;
  const questions = safeQuestionIds(waves, state.question);
  if (state.filters.length > 0) {
    const engineFilters = state.filters.map(toEngineFilter);
    const universe = state.universe !== 'all' ? state.universe : undefined;
    const blocked = waves.map((w, i) => ({ wave: w.codebook.survey.wave, why: unfilterable(w, engineFilters, universe, questions[i], en) })).filter((b) => b.why !== null);
    if (blocked.length === 0) {
      filters = true;
      notes.push(en ? `The filters (${words.filters.join(', ')}) are applied to every wave.` : `絞り込み（${words.filters.join('、')}）を各調査回に適用しています。`);
    } else if (en) {
      notes.push(`The filters (${words.filters.join(', ')}) are not applied to the comparison, because some waves cannot apply them: ${blocked.map((b) => `${b.wave} (${b.why})`).join(', ')}. The comparison shows the whole base without filters.`);
    } else {
      notes.push(`絞り込み（${words.filters.join('、')}）は調査回比較に適用していません。絞り込みを適用できない調査回があるためです：${blocked.map((b) => `${b.wave}年（${b.why}）`).join('、')}。比較の値は絞り込みをしない対象者全体のものです。`);
    }
  }
  let segment: Segment | null = null;
  if (state.banner && words.banner) {
    const column = words.column ?? null;
    const wanted = column ? { variable: state.banner, code: column.code } : null;
    const mapped = wanted ? segmentInWaves(waves, wanted) : waves.map(() => null);
    const blocked = waves.map((w, i) => ({ wave: w.codebook.survey.wave, why: unsegmentable(w, mapped[i], questions[i], en) })).filter((b) => b.why !== null);
    if (column && blocked.length === 0) {
      segment = wanted;
      notes.push(en ? `The column “${column.label}” of the banner (${words.banner}) is compared across waves.` : `集計軸（${words.banner}）の「${column.label}」の列を各調査回で比較しています。`);
    } else if (en) {
      notes.push(`The banner (${words.banner}) is not applied to the comparison, because some waves have no figures by it: ${blocked.map((b) => `${b.wave} (${b.why})`).join(', ')}. The comparison shows the whole base (untick “Compare with earlier surveys” for the table by banner).`);
    } else {
      notes.push(`集計軸（${words.banner}）は調査回比較に適用していません。集計軸別の値がない調査回があるためです：${blocked.map((b) => `${b.wave}年（${b.why}）`).join('、')}。比較は対象者全体の値で示します（集計軸別の表は「前回調査と比較」を外すと表示されます）。`);
    }
  }
  return { filters, segment, notes };
}

/**
 * The state's question across waves (oldest first, the current wave last), in the state's
 * universe, with the state's filters when `scope` says every wave can apply them. Null when
 * fewer than two waves have the question in that universe: one point is not a comparison.
 */
export function computeTrend(waves: TrendWave[], state: ExploreState, universeLabel: string, scope: ComparisonScope = { filters: false, notes: [] }): TrendTable | null {
  const t = trend(waves, state.question, {
    ...(state.universe !== 'all' ? { universe: state.universe } : {}),
    ...(scope.filters ? { filters: state.filters.map(toEngineFilter) } : {}),
    ...(scope.segment ? { segment: scope.segment } : {}),
    stats: statsOptionsFor(state),
  });
  const ids = [...new Set(t.points.map((p) => p.wave))];
  if (ids.length < 2) return null;
  return { type: 'trend', question: state.question, universeLabel, waves: waves.map((w) => w.codebook.survey.wave).filter((w) => ids.includes(w)), points: t.points, waveInfo: t.waves.filter((w) => ids.includes(w.wave)) };
}
