/** Trends across waves: one line per option (total column), a slope chart for two waves. */
import * as Plot from '@observablehq/plot';
import { datums, isChartRow, type Datum } from './datum.ts';
import { labelColumn, percentCeiling } from './layout.ts';
import { seriesColour } from './palette.ts';
import { baseOptions, percentTick, pos, valueLabel } from './spec-common.ts';
import type { ChartSpec } from './spec.ts';
import type { ChartKind, TrendTable } from './types.ts';

interface Point extends Datum {
  wave: string;
}

/** Lines (or slopes) of each option's total share across waves. */
export function trendSpec(trend: TrendTable, width: number, kind: ChartKind): ChartSpec {
  const points: Point[] = trend.tables.flatMap((t, i) =>
    datums(t, (r) => isChartRow(r) && r.kind === 'option' && !r.nonSubstantive)
      .filter((d) => d.columnIndex === 0)
      .map((d) => ({ ...d, wave: trend.waves[i], title: `${trend.waves[i]}年 ${d.title}` })),
  );
  const keys = [...new Set(points.map((p) => p.rowKey))];
  const labelOf = new Map(points.map((p) => [p.rowKey, p.rowLabel]));
  const right = labelColumn(keys.map((k) => labelOf.get(k) as string), 10);
  const last = trend.waves[trend.waves.length - 1];
  const max = percentCeiling(Math.max(0, ...points.map(pos)));
  return {
    kind,
    legend: keys.map((k, i) => ({ label: labelOf.get(k) as string, colour: seriesColour(i) })),
    notes: [],
    plot: {
      ...baseOptions(width, 300, { left: 44, right: Math.min(width * 0.4, right.margin + 50), top: 16 }),
      x: { domain: trend.waves, type: 'point', label: null, padding: kind === 'slope' ? 0.2 : 0.1 },
      y: { domain: [0, max], label: null, tickFormat: percentTick, grid: true },
      color: { domain: keys, range: keys.map((_, i) => seriesColour(i)) },
      marks: [
        Plot.line(points, { x: 'wave', y: pos, stroke: 'rowKey', strokeWidth: 2 }),
        Plot.dot(points, { x: 'wave', y: pos, fill: 'rowKey', r: 4, title: 'title' }),
        Plot.text(points.filter((p) => p.wave === last), { x: 'wave', y: pos, text: (p: Point) => `${valueLabel(p)} ${right.lines.get(p.rowLabel)?.split('\n')[0] ?? ''}`, dx: 8, textAnchor: 'start', fill: 'currentColor', fontSize: 11 }),
      ],
    },
  };
}
