/** Trends across waves: one line per option, a slope chart when there are two waves. */
import * as Plot from '@observablehq/plot';
import type { TrendPoint } from '../stats/trend.ts';
import { formatBase, formatInterval, formatPercent } from '../stats/format.ts';
import { percentCeiling } from './layout.ts';
import { textWidthEm, wrapLines } from './wrap.ts';
import { seriesColour } from './palette.ts';
import { baseOptions, percentTick } from './spec-common.ts';
import type { ChartSpec } from './spec.ts';
import type { ChartKind, TrendTable } from './types.ts';

/** Default 参考値 threshold for trend points (the engine's cautionBase). */
const CAUTION_BASE = 30;

/** Value label of a trend point ("35.7%", "*" for 参考値). */
export function trendLabel(p: TrendPoint): string {
  return `${formatPercent(p.proportion)}%${p.base < CAUTION_BASE ? '*' : ''}`;
}

/** Tooltip of a trend point. */
export function trendTitle(p: TrendPoint): string {
  const ci = p.ci ? `\n95%信頼区間 ${formatInterval(p.ci)}%` : '';
  const source = p.source === 'published' ? `\n公表値${p.sourceNote ? `（${p.sourceNote}）` : ''}` : p.source === 'protected' ? '\n秘匿処理（撹乱）をした集計値' : '';
  return `${p.wave} ${p.label}\n${formatPercent(p.proportion)}%（${formatBase(p.base)}）${ci}${source}`;
}

/** Lines (or slopes) of each option's share across waves. */
export function trendSpec(trend: TrendTable, width: number, kind: ChartKind): ChartSpec {
  const points = trend.points.filter((p) => Number.isFinite(p.proportion));
  const keys = [...new Set(points.map((p) => p.option))];
  const labelOf = new Map(points.map((p) => [p.option, p.label]));
  const endLabel = new Map(keys.map((k) => [k, wrapLines(labelOf.get(k) as string, 12, 1)[0]]));
  const widest = Math.max(0, ...[...endLabel.values()].map(textWidthEm)) * 11;
  const last = trend.waves[trend.waves.length - 1];
  const max = percentCeiling(Math.max(0, ...points.map((p) => p.proportion * 100)));
  const y = (p: TrendPoint) => p.proportion * 100;
  return {
    kind,
    legend: keys.map((k, i) => ({ label: labelOf.get(k) as string, colour: seriesColour(i) })),
    notes: [
      ...(points.some((p) => p.source === 'published') ? ['過去の調査年の値は公表資料の数値です。'] : []),
      ...(points.some((p) => p.source === 'protected') ? [`${[...new Set(points.filter((p) => p.source === 'protected').map((p) => p.wave))].join('・')}年の値は、秘匿処理（セルキー法による撹乱）をした集計値です。`] : []),
    ],
    plot: {
      ...baseOptions(width, 300, { left: 44, right: Math.min(width * 0.45, widest + 64), top: 16 }),
      x: { domain: trend.waves, type: 'point', label: null, padding: kind === 'slope' ? 0.2 : 0.1 },
      y: { domain: [0, max], label: null, tickFormat: percentTick, grid: true },
      color: { domain: keys, range: keys.map((_, i) => seriesColour(i)) },
      marks: [
        Plot.line(points, { x: 'wave', y, stroke: 'option', strokeWidth: 2 }),
        Plot.dot(points, { x: 'wave', y, fill: 'option', r: 4, title: trendTitle }),
        Plot.text(
          points.filter((p) => p.wave === last),
          { x: 'wave', y, text: (p: TrendPoint) => `${trendLabel(p)} ${endLabel.get(p.option) ?? ''}`, dx: 8, textAnchor: 'start', fill: 'currentColor', fontSize: 11 },
        ),
      ],
    },
  };
}
