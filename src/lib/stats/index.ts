/** The cross-tab engine's public API. */
export type * from './types.ts';
export { crosstab, CrossTabError } from './crosstab.ts';
export { forgetFilters } from './population.ts';
export { defaultStatsOptions, resolveStatsOptions, keyword, StatsOptionError } from './options.ts';
export { summarizeBanded, summarizeNumeric, summarizeScores, quantileSorted, nps, npsClass } from './summary.ts';
export { trend, compareWaves } from './trend.ts';
export type { Trend, TrendPoint, TrendTest, TrendWave, TrendOptions } from './trend.ts';
export { wilson, clopperPearson, agrestiCoull, proportionInterval } from './interval.ts';
export { twoProportionZ, adjustPValues, kish, chiSquareTest } from './significance.ts';
export type { ProportionSample, ZTest, ChiSquareResult } from './significance.ts';
export { qnorm, pnorm, twoSidedP, chisquareUpper, qbeta, zFor } from './distributions.ts';
export { columnLetter } from './letters.ts';
export { cellStatistic, cellStatistics, npsByColumn } from './reducers.ts';
export type { CellStatistic, CellStatisticName } from './reducers.ts';
export { formatPercent, formatCount, formatBase, formatNumber, formatInterval, roundHalfUp, DASH } from './format.ts';
export type { FormatOptions } from './format.ts';
