/**
 * Which explorer states a protected cube can answer (docs/statistics.md, "Protected cube"): the
 * question's own universe, or one more restriction — one universe, or one filter on one filter
 * variable with one value or exactly one codebook net's codes. Anything else is refused with a
 * notice that says what is possible; the URL and the controls are the same in both modes.
 */
import type { CatalogWave } from './catalog.ts';
import type { ExploreState, StateFilter } from './state.ts';
import { NO_RESTRICTION, filterRestrictionId, netRestrictionId, universeRestrictionId } from '../cube/plan.ts';
import type { Lang } from '../i18n/lang.ts';

/** What a cube may be asked, stated for readers. */
export const CUBE_RULE = 'この調査は秘匿処理をした集計値だけを公開しています。絞り込みは「対象者」か、1つの項目の1つの選択肢（または定義済みのまとまり）のどちらか1つまで使えます。';

/** CUBE_RULE in English. */
export const CUBE_RULE_EN = 'This survey publishes protected tables only. One restriction at a time: a base, or one option (or defined net) of one item.';

/** The words of a notice that removes something from the view. */
const removed = (lang: Lang) =>
  lang === 'en'
    ? { filter: (l: string) => `the filter “${l}”`, universe: (l: string) => `the base “${l}”`, banner: (l: string) => `the banner “${l}”`, done: (rule: string, items: string[]) => `${rule} Removed: ${items.join(', ')}.` }
    : { filter: (l: string) => `絞り込み「${l}」`, universe: (l: string) => `対象者「${l}」`, banner: (l: string) => `集計軸「${l}」`, done: (rule: string, items: string[]) => `${rule}${items.join('・')}を外しました。` };

/** The cube restriction id of a single filter, or null when the cube cannot answer it. */
export function filterRestriction(filter: StateFilter, wave: CatalogWave): string | null {
  const allowed = wave.cube?.filters.find((f) => f.id === filter.variable);
  if (!allowed || filter.mode === 'range') return null;
  if (filter.mode === 'all' && filter.codes.length > 1) return null;
  if (filter.codes.length === 1) return filterRestrictionId(filter.variable, filter.codes[0]);
  const codes = [...filter.codes].sort((a, b) => a - b).join(',');
  const net = allowed.nets.find((n) => n.codes.join(',') === codes);
  return net ? netRestrictionId(filter.variable, net.id) : null;
}

/** The cube restriction of a state (which must already fit, see `fitToCube`). */
export function stateRestriction(state: ExploreState, wave: CatalogWave): string {
  if (state.filters.length > 0) return filterRestriction(state.filters[0], wave) ?? NO_RESTRICTION;
  return state.universe !== 'all' ? universeRestrictionId(state.universe) : NO_RESTRICTION;
}

export interface FittedState {
  state: ExploreState;
  notices: string[];
}

/** A variable's label in a wave's catalog (its id when unknown), for notices. */
const variableLabel = (wave: CatalogWave, id: string) => wave.variables.find((v) => v.id === id)?.label ?? id;
/** A universe's label in a wave's catalog (全体 for everyone; its id when unknown). */
const universeLabel = (wave: CatalogWave, id: string, lang: Lang = 'ja') => (id === 'all' ? (lang === 'en' ? 'Total' : '全体') : (wave.universes.find((u) => u.id === id)?.label ?? id));

/**
 * The state a cube can answer: at most one restriction. `prefer` says which the reader set last
 * (a new filter replaces the universe, a new universe replaces the filters). Microdata waves are
 * returned unchanged.
 */
export function fitToCube(state: ExploreState, wave: CatalogWave, prefer: 'filters' | 'universe' = 'universe', lang: Lang = 'ja'): FittedState {
  if (wave.mode === 'tables') return fitToTables(state, wave, lang);
  if (wave.mode !== 'aggregates') return { state, notices: [] };
  const w = removed(lang);
  const dropped: string[] = [];
  const usable = state.filters.filter((f) => {
    const ok = filterRestriction(f, wave) !== null;
    if (!ok) dropped.push(w.filter(variableLabel(wave, f.variable)));
    return ok;
  });
  let filters = usable;
  if (usable.length > 1) {
    const keep = prefer === 'filters' ? usable[usable.length - 1] : usable[0];
    for (const f of usable) if (f !== keep) dropped.push(w.filter(variableLabel(wave, f.variable)));
    filters = [keep];
  }
  let universe = state.universe;
  if (filters.length > 0 && universe !== 'all') {
    if (prefer === 'filters') {
      dropped.push(w.universe(universeLabel(wave, universe, lang)));
      universe = 'all';
    } else {
      for (const f of filters) dropped.push(w.filter(variableLabel(wave, f.variable)));
      filters = [];
    }
  }
  if (dropped.length === 0) return { state, notices: [] };
  return { state: { ...state, universe, filters }, notices: [w.done(lang === 'en' ? CUBE_RULE_EN : CUBE_RULE, dropped)] };
}

/** What a wave of published tables offers: printed totals, so no banner and no filter. */
export const TABLES_RULE = 'この調査回は公表された集計表の数値だけを収録しています（回答者のデータはありません）。集計軸と絞り込みは使えません。';

/** A published-tables wave: the banner and filters are dropped, with a notice naming them. */
function fitToTables(state: ExploreState, wave: CatalogWave, lang: Lang = 'ja'): FittedState {
  const w = removed(lang);
  const dropped = [
    ...(state.banner ? [w.banner(variableLabel(wave, state.banner))] : []),
    ...state.filters.map((f) => w.filter(variableLabel(wave, f.variable))),
  ];
  const notices = dropped.length > 0 ? [w.done(lang === 'en' ? 'This wave holds published tables only (no respondent data): banners and filters are not available.' : TABLES_RULE, dropped)] : [];
  // Only the universes the question was printed for can be shown.
  const universes = wave.printed?.[state.question] ?? [];
  let universe = state.universe;
  if (universes.length > 0 && !universes.includes(universe)) {
    universe = universes[0];
    notices.push(lang === 'en' ? `The published tables have no figures of this question for “${universeLabel(wave, state.universe, lang)}”; the base is now “${universeLabel(wave, universe, lang)}”.` : `公表された集計表には、この設問の「${universeLabel(wave, state.universe)}」の集計がないため、対象者を「${universeLabel(wave, universe)}」にしました。`);
  }
  if (notices.length === 0) return { state, notices: [] };
  return { state: { ...state, banner: null, filters: [], universe }, notices };
}
