/**
 * The explorer's own words in both languages (the strings its client writes into the page; the
 * page's static controls use ui.ts). Kept apart from ui.ts so that the explorer's bundle carries
 * only these. Typed like ui.ts: a missing English entry is a type error; tests/unit/i18n/ui.test.ts
 * checks both tables.
 */
import type { Lang } from './lang.ts';

const ja = {
  noComparisonData: '比較用のデータがありません',
  cannotShow: (why: string) => `この集計は表示できません：${why}`,
  withheld: 'この集計は、回答者が少ないか、他の集計との差から個人の回答が分かるおそれがあるため、公開していません。対象者か絞り込みを変えてください。',
  nobody: 'この対象者・絞り込みに当てはまる回答者はいません（n=0）。対象者か絞り込みを変えてください。',
  captionBanner: (banner: string) => `・集計軸：${banner}`,
  captionSegment: (segment: string) => `・集計軸 ${segment}`,
  caption: (label: string, universe: string, banner: string, trend: boolean) => `${label}（${universe}${banner}${trend ? '・調査回比較' : ''}）`,
  noTrend: (universe: string) => `前回以前の調査に、この設問を「${universe}」で集計した値がないため、調査回比較は表示していません。`,
  earlierSources: '前回以前の値は、公表された集計表または公開用データによります。',
  printed: '公表された集計表の数値です（割合は公表された値、信頼区間は公表された基数から計算）。集計軸と絞り込みは使えません。',
  methods: '集計方法',
  methodsNote: '（基数・信頼区間・有意差の記号・秘匿処理など）',
  noChiMulti: '複数回答の設問には全体の χ² 検定を行いません（選択肢ごとの差は英字で示しています）。',
  filtersCount: (n: number) => `、絞り込み${n}件`,
  metaTrend: (universe: string, segment: string, filtered: string, base: string, source: string, synthetic: boolean) => `対象：${universe}${segment ? `、集計軸 ${segment}` : ''}${filtered}（${base}）／調査回比較／出典：${source}${synthetic ? '／合成サンプルデータ' : ''}`,
  meta: (universe: string, filters: string, n: string, mode: string, type: string, weighted: boolean, source: string, synthetic: boolean) =>
    `対象：${universe}${filters}（n=${n}${mode === 'aggregates' ? '・秘匿処理済み' : mode === 'tables' ? '・公表集計表の数値' : ''}）／${type === 'multi' ? '複数回答' : type === 'numeric' ? '数値回答' : '単一回答'}${weighted ? '／ウェイト集計' : ''}／出典：${source}${synthetic ? '／合成サンプルデータ' : ''}`,
  withheldN: '非公開',
  waveOption: (title: string, wave: string, tables: boolean) => `${title}（${wave}${tables ? '・公表集計表' : ''}）`,
  multiMark: '［複数回答］',
  noBanner: 'なし（全体のみ）',
  pickItem: '項目を選ぶ',
  compareWith: (waves: string[]) => `（${waves.join('・')}年と比較）`,
  noCompare: '（比較できる前回調査なし）',
  filterText: (label: string, values: string, mode: string) => `${label}：${values}${mode === 'any' ? '（いずれか）' : mode === 'all' ? '（すべて）' : ''}`,
  range: (min: string, max: string) => `${min}〜${max}`,
  and: ' かつ ',
  or: '・',
  remove: '解除',
  removeLabel: (label: string) => `絞り込み「${label}」を解除`,
  filterBy: (label: string, one: boolean) => (one ? `「${label}」で絞り込む（1つを選ぶ）` : `「${label}」で絞り込む`),
  net: (label: string) => `［計］${label}`,
  anyOf: 'いずれかを選んだ人',
  allOf: 'すべてを選んだ人',
  viewTitle: (label: string, banner: string | undefined, trend: boolean) => `${label}${banner ? `（${banner}別）` : ''}${trend ? '（調査回比較）' : ''}`,
  embedTitle: (label: string, wave: string) => `${label}（${wave}）`,
  trendTitle: (label: string, trend: boolean) => `${label}${trend ? '（調査回比較）' : ''}`,
  csvSurvey: (title: string, wave: string) => `${title}（${wave}）`,
  sourceSep: '／',
  people: '人',
  base: '基数',
  withUnit: (corner: string, unit: string) => `${corner}（${unit}）`,
};

export type ExploreStrings = { readonly [K in keyof typeof ja]: (typeof ja)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

const en: ExploreStrings = {
  noComparisonData: 'No data to compare with',
  cannotShow: (why: string) => `This table cannot be shown: ${why}`,
  withheld: 'This table is not published: too few respondents, or a difference with another table could reveal someone’s answers. Change the base or the filters.',
  nobody: 'No respondent matches this base and these filters (n=0). Change the base or the filters.',
  captionBanner: (banner: string) => `, by ${banner}`,
  captionSegment: (segment: string) => `, ${segment}`,
  caption: (label: string, universe: string, banner: string, trend: boolean) => `${label} (${universe}${banner}${trend ? ', across waves' : ''})`,
  noTrend: (universe: string) => `No earlier survey has figures for this question in “${universe}”, so there is no comparison across waves.`,
  earlierSources: 'Earlier values come from published tables or public-use data.',
  printed: 'Figures from published tables (shares as published, intervals from the published bases). Banners and filters are not available.',
  methods: 'Methods',
  methodsNote: ' (bases, confidence intervals, significance letters, protection)',
  noChiMulti: 'Multiple-answer questions get no overall χ² test (differences per option are shown by letters).',
  filtersCount: (n: number) => `, ${n} filter${n === 1 ? '' : 's'}`,
  metaTrend: (universe: string, segment: string, filtered: string, base: string, source: string, synthetic: boolean) => `Base: ${universe}${segment ? `, ${segment}` : ''}${filtered} (${base}) / across waves / Source: ${source}${synthetic ? ' / synthetic sample data' : ''}`,
  meta: (universe: string, filters: string, n: string, mode: string, type: string, weighted: boolean, source: string, synthetic: boolean) =>
    `Base: ${universe}${filters} (n=${n}${mode === 'aggregates' ? ', protected' : mode === 'tables' ? ', published tables' : ''}) / ${type === 'multi' ? 'multiple answers' : type === 'numeric' ? 'numeric answers' : 'single answer'}${weighted ? ' / weighted' : ''} / Source: ${source}${synthetic ? ' / synthetic sample data' : ''}`,
  withheldN: 'withheld',
  waveOption: (title: string, wave: string, tables: boolean) => `${title} (${wave}${tables ? ', published tables' : ''})`,
  multiMark: ' [multiple answers]',
  noBanner: 'None (total only)',
  pickItem: 'Choose an item',
  compareWith: (waves: string[]) => ` (compared with ${waves.join(', ')})`,
  noCompare: ' (no earlier survey to compare with)',
  filterText: (label: string, values: string, mode: string) => `${label}: ${values}${mode === 'any' ? ' (any)' : mode === 'all' ? ' (all)' : ''}`,
  range: (min: string, max: string) => `${min}–${max}`,
  and: ' and ',
  or: ', ',
  remove: 'Remove',
  removeLabel: (label: string) => `Remove the filter “${label}”`,
  filterBy: (label: string, one: boolean) => (one ? `Filter by “${label}” (choose one)` : `Filter by “${label}”`),
  net: (label: string) => `[Net] ${label}`,
  anyOf: 'Chose any of them',
  allOf: 'Chose all of them',
  viewTitle: (label: string, banner: string | undefined, trend: boolean) => `${label}${banner ? ` (by ${banner})` : ''}${trend ? ' (across waves)' : ''}`,
  embedTitle: (label: string, wave: string) => `${label} (${wave})`,
  trendTitle: (label: string, trend: boolean) => `${label}${trend ? ' (across waves)' : ''}`,
  csvSurvey: (title: string, wave: string) => `${title} (${wave})`,
  sourceSep: ' / ',
  people: 'people',
  base: 'Base',
  withUnit: (corner: string, unit: string) => `${corner} (${unit})`,
};

export const EXPLORE: Readonly<Record<Lang, ExploreStrings>> = { ja, en };

/** The explorer's strings in a language. */
export function exploreStrings(lang: Lang): ExploreStrings {
  return EXPLORE[lang];
}
