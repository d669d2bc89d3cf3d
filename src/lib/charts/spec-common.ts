/** Pieces shared by the chart forms: base options, value labels, tooltips. */
import type { PlotOptions } from '@observablehq/plot';
import { FONT_FAMILY, FONT_SIZE } from './layout.ts';
import type { Datum } from './datum.ts';

/** Options every chart starts from. */
export function baseOptions(width: number, height: number, margins: { left?: number; right?: number; top?: number; bottom?: number }): PlotOptions {
  return {
    width,
    height: Math.round(height),
    marginLeft: margins.left ?? 20,
    marginRight: margins.right ?? 20,
    marginTop: margins.top ?? 10,
    marginBottom: margins.bottom ?? 30,
    style: { fontSize: `${FONT_SIZE}px`, fontFamily: FONT_FAMILY, background: 'transparent', overflow: 'visible' },
  };
}

/** Value label of a cell: "35.7%", with letters ("35.7% B") and a 参考値 star. */
export function valueLabel(d: Datum, withPercentSign = true): string {
  if (d.suppressed) return '×';
  if (d.text === '–') return '–';
  const star = d.caution ? '*' : '';
  const letters = d.letters ? ` ${d.letters}` : '';
  return `${d.text}${withPercentSign ? '%' : ''}${star}${letters}`;
}

/** Percent as a number for positions (0 when hidden). */
export function pos(d: Datum): number {
  return Number.isFinite(d.percent) ? d.percent : 0;
}

/** Fill opacity: lighter for 参考値 cells. */
export function opacity(d: Datum): number {
  return d.caution ? 0.5 : 1;
}

/** Percent tick format for axes ("20%"). */
export const percentTick = (x: number) => `${Math.abs(x)}%`;
