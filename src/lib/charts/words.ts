/**
 * The chart layer's own words (table headers, CSV columns, provenance lines, tooltips) in both
 * languages. Japanese is the default everywhere; an English page passes `lang: 'en'`. Labels from
 * data arrive already in the page's language (src/lib/i18n/relabel.ts).
 */
import type { Lang } from '../i18n/lang.ts';

const ja = {
  total: '全体',
  net: (label: string) => `［計］${label}`,
  withheld: 'n=非公開',
  responsesBase: (responses: string, base: string) => `回答数 ${responses}（${base}）`,
  mean: '平均',
  median: '中央値',
  withUnit: (label: string, unit: string) => (unit ? `${label}（${unit}）` : label),
  medianClass: '中央値の階級',
  meanNotShown: '（中央値の階級を参照）',
  cornerOptions: '選択肢',
  cornerSummary: '集計値',
  cornerItems: '項目',
  base: '基数',
  csvHeader: ['調査', '質問ID', '質問', '回答形式', '母集団', '集計軸', '絞り込み', '項目', '区分', '区分の基数n', '指標', '選択肢', '件数', '割合(%)', '95%信頼区間下限(%)', '95%信頼区間上限(%)', '統計量', '参考値', '有意差', '注記', '出典', '固定リンク', 'データ'] as readonly string[],
  share: '割合',
  caution: '参考値',
  synthetic: '合成サンプルデータ',
  q1: '第1四分位数',
  q3: '第3四分位数',
  lowExpected: '期待度数が5未満のセルがあるため参考',
  chi: 'χ²値',
  chiDf: 'χ²の自由度',
  chiP: 'χ²のp値',
  raoScott: 'Rao–Scott F値',
  raoDf: 'F の分子自由度',
  raoDdf: 'F の分母自由度',
  raoP: 'F のp値',
  listSep: '、',
  numeric: '数値',
  provUniverse: (universe: string, base: string, banner: string | null) => `対象：${universe}（${base}）${banner ? `／集計軸：${banner}` : ''}`,
  provFilters: (filters: string) => `絞り込み：${filters}`,
  provSource: (source: string) => `出典：${source}`,
  provSynthetic: '合成サンプルデータ（公表値を再現するよう生成したもので、実際の回答ではありません）',
  protectedNote: '秘匿処理（セルキー法による撹乱と小さな列の非表示）をした集計値から作成',
  waveBase: (wave: string, base: string) => `${wave}年 n=${base}`,
};

export type ChartWords = { readonly [K in keyof typeof ja]: (typeof ja)[K] extends (...args: infer A) => string ? (...args: A) => string : (typeof ja)[K] };

const en: ChartWords = {
  total: 'Total',
  net: (label: string) => `[Net] ${label}`,
  withheld: 'n=withheld',
  responsesBase: (responses: string, base: string) => `${responses} responses (${base})`,
  mean: 'Mean',
  median: 'Median',
  withUnit: (label: string, unit: string) => (unit ? `${label} (${unit})` : label),
  medianClass: 'Median class',
  meanNotShown: '(see the median class)',
  cornerOptions: 'Option',
  cornerSummary: 'Statistic',
  cornerItems: 'Item',
  base: 'Base',
  csvHeader: ['Survey', 'Question ID', 'Question', 'Answer type', 'Universe', 'Banner', 'Filters', 'Item', 'Column', 'Column base n', 'Measure', 'Option', 'Count', 'Share (%)', '95% CI low (%)', '95% CI high (%)', 'Statistic', 'Indicative', 'Significance', 'Notes', 'Source', 'Permalink', 'Data'],
  share: 'Share',
  caution: 'Indicative',
  synthetic: 'Synthetic sample data',
  q1: 'First quartile',
  q3: 'Third quartile',
  lowExpected: 'Indicative: some expected counts are below 5',
  chi: 'χ²',
  chiDf: 'χ² degrees of freedom',
  chiP: 'χ² p-value',
  raoScott: 'Rao–Scott F',
  raoDf: 'F numerator degrees of freedom',
  raoDdf: 'F denominator degrees of freedom',
  raoP: 'F p-value',
  listSep: ', ',
  numeric: 'Number',
  provUniverse: (universe: string, base: string, banner: string | null) => `Base: ${universe} (${base})${banner ? ` / Banner: ${banner}` : ''}`,
  provFilters: (filters: string) => `Filters: ${filters}`,
  provSource: (source: string) => `Source: ${source}`,
  provSynthetic: 'Synthetic sample data (generated to reproduce the published figures; not real responses)',
  protectedNote: 'Computed from protected tables (cell key perturbation, small columns withheld)',
  waveBase: (wave: string, base: string) => `${wave} n=${base}`,
};

export const CHART_WORDS: Readonly<Record<Lang, ChartWords>> = { ja, en };

/** The chart words of a language (Japanese when none is given). */
export function chartWords(lang: Lang = 'ja'): ChartWords {
  return CHART_WORDS[lang];
}
