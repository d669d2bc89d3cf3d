/** Trends across waves: one line per option, a slope chart when there are two waves. */
import { wordingNotes } from './trend-notes.ts';
import * as Plot from '@observablehq/plot';
import { testChange, type TrendPoint } from '../stats/trend.ts';
import { formatBase, formatInterval, formatPercent } from '../stats/format.ts';
import { dodge, percentCeiling } from './layout.ts';
import { textWidthEm, wrapLines } from './wrap.ts';
import { optionColours, seriesColour } from './palette.ts';
import { isLikert } from './kind.ts';
import { baseOptions, percentTick } from './spec-common.ts';
import type { ChartSpec } from './spec.ts';
import type { ChartKind, ChartVariable, TrendTable } from './types.ts';
import type { Lang } from '../i18n/lang.ts';

/** Default 参考値 threshold for trend points (the engine's cautionBase). */
const CAUTION_BASE = 30;

/** Value label of a trend point ("35.7%", "*" for 参考値). */
export function trendLabel(p: TrendPoint): string {
  return `${formatPercent(p.proportion)}%${p.base < CAUTION_BASE ? '*' : ''}`;
}

/** Tooltip of a trend point. */
export function trendTitle(p: TrendPoint, lang: Lang = 'ja'): string {
  if (lang === 'en') {
    const ciEn = p.ci ? `\n95% CI ${formatInterval(p.ci)}%` : '';
    const sourceEn = p.source === 'published' ? `\nPublished figure${p.sourceNote ? ` (${p.sourceNote})` : ''}` : p.source === 'protected' ? '\nProtected (perturbed) figure' : '';
    return `${p.wave} ${p.label}\n${formatPercent(p.proportion)}% (${formatBase(p.base)})${ciEn}${sourceEn}`;
  }
  const ci = p.ci ? `\n95%信頼区間 ${formatInterval(p.ci)}%` : '';
  const source = p.source === 'published' ? `\n公表値${p.sourceNote ? `（${p.sourceNote}）` : ''}` : p.source === 'protected' ? '\n秘匿処理（撹乱）をした集計値' : '';
  return `${p.wave} ${p.label}\n${formatPercent(p.proportion)}%（${formatBase(p.base)}）${ci}${source}`;
}

/** Waves of the points that come from `source`, in order ("2022・2024"). */
function wavesFrom(points: TrendPoint[], source: TrendPoint['source']): string {
  return [...new Set(points.filter((p) => p.source === source).map((p) => p.wave))].join('・');
}

/**
 * Significant changes into the last wave, per option: ↑ or ↓ when the change from the wave before
 * is significant (the test `<Change>` uses: docs/statistics.md, "Changes between waves").
 */
export function lastChangeMarks(trend: TrendTable, alpha = 0.05): Map<number, '↑' | '↓'> {
  const marks = new Map<number, '↑' | '↓'>();
  const [before, last] = trend.waves.slice(-2);
  if (!before || !last) return marks;
  for (const p of trend.points.filter((x) => x.wave === last)) {
    const q = trend.points.find((x) => x.wave === before && x.option === p.option);
    const change = q ? testChange(q, p, alpha) : null;
    if (change?.direction === 'up') marks.set(p.option, '↑');
    else if (change?.direction === 'down') marks.set(p.option, '↓');
  }
  return marks;
}

/**
 * Lines (or slopes) of each option's share across waves: every point with its 95 % interval, the
 * value printed at both ends, ↑/↓ on options whose last change is significant, and a note naming
 * the waves whose figures are printed tables or protected (perturbed) values.
 */
export function trendSpec(trend: TrendTable, width: number, kind: ChartKind, variable?: ChartVariable, lang: Lang = 'ja'): ChartSpec {
  const en = lang === 'en';
  const points = trend.points.filter((p) => Number.isFinite(p.proportion));
  const keys = [...new Set(points.map((p) => p.option))];
  const labelOf = new Map(points.map((p) => [p.option, p.label]));
  const endLabel = new Map(keys.map((k) => [k, wrapLines(labelOf.get(k) as string, 12, 1)[0]]));
  const widest = Math.max(0, ...[...endLabel.values()].map(textWidthEm)) * 11;
  // Each option in the colour its question's own chart gives it (palette.ts, optionColours);
  // without the question's options, series colours by position.
  const byOption = variable ? optionColours(variable.options, isLikert(variable)) : new Map<number, string>();
  const colourOf = (k: number, i: number) => byOption.get(k) ?? seriesColour(i);
  const first = trend.waves[0];
  const last = trend.waves[trend.waves.length - 1];
  const marks = lastChangeMarks({ ...trend, points });
  const max = percentCeiling(Math.max(0, ...points.map((p) => (p.ci ? p.ci.high : p.proportion) * 100)));
  const y = (p: TrendPoint) => p.proportion * 100;
  // The labels at each end are spread so that none overlaps another (13 px apart on the 300 px
  // chart's plotting area), however close the values (layout.ts, dodge).
  const plotHeight = 300 - 16 - 30;
  const gap = (13 / plotHeight) * max;
  const ends = (wave: string) => {
    const at = points.filter((p) => p.wave === wave);
    const ys = dodge(at.map(y), gap, 0, max);
    return at.map((p, i) => ({ ...p, labelY: ys[i] }));
  };
  const published = wavesFrom(points, 'published');
  const protectedWaves = wavesFrom(points, 'protected');
  // One interval per option and wave, nudged sideways so options at the same wave do not overlap.
  const intervals = keys.map((k, i) =>
    Plot.ruleX(
      points.filter((p) => p.option === k && p.ci),
      { x: 'wave', y1: (p: TrendPoint) => p.ci!.low * 100, y2: (p: TrendPoint) => p.ci!.high * 100, stroke: 'option', strokeOpacity: 0.55, strokeWidth: 2, dx: (i - (keys.length - 1) / 2) * 4 },
    ),
  );
  return {
    kind,
    legend: keys.map((k, i) => ({ label: labelOf.get(k) as string, colour: colourOf(k, i) })),
    notes: [
      ...(points.some((p) => p.ci) ? [en ? 'Vertical lines are 95% confidence intervals.' : '縦線は95%信頼区間です。'] : []),
      ...(published ? [en ? `The ${published.replace(/・/g, ', ')} values are published figures (intervals computed from the published shares and bases).` : `${published}年の値は公表資料の数値です（信頼区間は公表された割合と回答者数から計算）。`] : []),
      ...(protectedWaves ? [en ? `The ${protectedWaves.replace(/・/g, ', ')} values are protected (cell key perturbation).` : `${protectedWaves}年の値は、秘匿処理（セルキー法による撹乱）をした集計値です。`] : []),
      ...(marks.size > 0 ? [en ? '↑↓: the change from the previous survey is significant (two-sample z-test of proportions, 5% level).' : `↑↓：前回の調査からの変化が統計的に有意（2標本の比率の z 検定、5%水準）。`] : []),
      ...(en ? [] : wordingNotes({ ...trend, points })),
    ],
    plot: {
      ...baseOptions(width, 300, { left: 88, right: Math.min(width * 0.45, widest + 76), top: 16 }),
      x: { domain: trend.waves, type: 'point', label: null, padding: kind === 'slope' ? 0.2 : 0.1 },
      y: { domain: [0, max], label: null, tickFormat: percentTick, grid: true },
      color: { domain: keys, range: keys.map((k, i) => colourOf(k, i)) },
      marks: [
        ...intervals,
        // z explicit: one line per option, even when most options have a single point (Plot would
        // otherwise warn about the series' cardinality and draw its ⚠ glyph into the chart).
        Plot.line(points, { x: 'wave', y, z: 'option', stroke: 'option', strokeWidth: 2 }),
        Plot.dot(points, { x: 'wave', y, fill: 'option', r: 4, title: (p: TrendPoint) => trendTitle(p, lang) }),
        Plot.text(
          ends(first),
          { x: 'wave', y: 'labelY', text: trendLabel, dx: -10, textAnchor: 'end', fill: 'currentColor', fontSize: 11 },
        ),
        Plot.text(
          ends(last),
          { x: 'wave', y: 'labelY', text: (p: TrendPoint) => `${trendLabel(p)}${marks.get(p.option) ?? ''} ${endLabel.get(p.option) ?? ''}`, dx: 10, textAnchor: 'start', fill: 'currentColor', fontSize: 11 },
        ),
      ],
    },
  };
}
