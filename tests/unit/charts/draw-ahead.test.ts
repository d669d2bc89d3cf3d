/**
 * Drawings made ahead by the drawing worker (src/server/chart-worker.ts) are the drawings the
 * pages would make themselves: the same markup, notes and height for every form, with hostile
 * labels, NaN cells and a banner; and a page then takes the worker's drawing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chartSvg, drawAhead, drawnAhead, hasDrawing, NARROW, resolveChart, WIDE } from '../../../src/components/figure-data.ts';
import { drawChart } from '../../../src/server/chart-draw.ts';
import { withAriaLabel } from '../../../src/lib/charts/index.ts';
import { banded, bandedOptions, likert, likertOptions, multiBanner, multiTotal, smallSingle } from './fixtures.ts';
import type { ChartKind, ChartTable, ChartVariable } from '../../../src/lib/charts/types.ts';

afterEach(() => vi.unstubAllEnvs());

const charts: Array<{ table: ChartTable; variable: ChartVariable | undefined; kind: ChartKind }> = [
  { table: multiTotal, variable: undefined, kind: 'bars' },
  { table: multiBanner, variable: undefined, kind: 'grouped' },
  { table: likert, variable: { options: likertOptions, neutral: [3], unit: null }, kind: 'diverging' },
  { table: likert, variable: { options: likertOptions, neutral: [], unit: null }, kind: 'stacked' },
  { table: banded, variable: { options: bandedOptions, neutral: [], unit: '人' }, kind: 'histogram' },
  { table: smallSingle, variable: undefined, kind: 'bars' },
];

describe('drawing ahead', () => {
  it('files, for every chart and width, exactly the drawing the page would make', async () => {
    vi.stubEnv('HAKUSHO_DRAW_WORKER', '');
    // Tables of the real data too: a protected question page's segments of jcsa/2025.
    const real = ['cs_effect', 'industry', 'annual_income'].map((q) => resolveChart({ survey: 'jcsa', wave: '2025', q, view: 'protected' }));
    const all = [...charts, ...real];
    for (const c of all) expect(hasDrawing(c, WIDE) || hasDrawing(c, NARROW)).toBe(false);
    for (const c of all) drawAhead(c, [WIDE, NARROW]);
    await drawnAhead();
    for (const c of all) {
      for (const width of [WIDE, NARROW]) {
        expect(hasDrawing(c, width), `${c.kind} at ${width}`).toBe(true);
        const here = drawChart({ ...c, width });
        const page = chartSvg(c.table, c.variable, c.kind, width, 'Q <1億円 & "x"');
        expect(page).toEqual({ svg: withAriaLabel(here.svg, 'Q <1億円 & "x"'), notes: here.notes, height: here.height });
      }
    }
  });

  it('asks nothing when the worker is turned off', () => {
    vi.stubEnv('HAKUSHO_DRAW_WORKER', '0');
    const c = { table: multiTotal, variable: undefined, kind: 'bars' as const };
    drawAhead(c, [333]);
    expect(hasDrawing(c, 333)).toBe(false);
  });
});
