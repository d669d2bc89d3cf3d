/** SVG downloads are well-formed XML whatever the labels hold (`<`, `&`, `"`, `>` in text and attributes). */
import { describe, it, expect } from 'vitest';
import { parseHTML } from 'linkedom';
import { renderChart, renderChartSvg, withAriaLabel, type ChartVariable } from '../../../src/lib/charts/index.ts';
import { svgMarkup } from '../../../src/lib/charts/render.ts';
import { chartSvg } from '../../../src/components/figure-data.ts';
import { crossTab } from './fixtures.ts';
import { parseXml } from '../xml.ts';

const doc = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
const HOSTILE = ['<1億円', '‹1億円', 'A & B', 'say "hi"', 'a > b', '<script>alert(1)</script>', '&amp; &lt;', "it's", 'ctl\u0001\u001b[2J', 'lone \uD800'];

const single = crossTab({
  type: 'single',
  totalN: 400,
  columns: [{ key: '1', label: '<100名 & "小"', n: 200 }, { key: '2', label: '>=100名', n: 200 }],
  rows: HOSTILE.map((label, i) => ({ key: String(i + 1), label, counts: [50, 25, 25] })),
});
const ordinalVar: ChartVariable = { options: HOSTILE.map((label, i) => ({ code: i + 1, label, score: i })), neutral: [], unit: null };

describe('SVG serialisation', () => {
  it('parses as XML with hostile labels in text, titles, legend and aria attributes', () => {
    for (const [kind, variable] of [['bars', undefined], ['grouped', undefined], ['stacked', ordinalVar]] as const) {
      const svg = renderChartSvg(single, { document: doc(), kind, variable, width: 640, ariaLabel: 'Q1 <売上> & "利益"', ariaDescription: 'a<b & c>"d"' });
      const root = parseXml(svg).documentElement;
      expect(root.getAttribute('aria-label')).toBe('Q1 <売上> & "利益"');
      expect(root.getAttribute('aria-description')).toBe('a<b & c>"d"');
      const texts = [...Array.from(root.getElementsByTagName('text')), ...Array.from(root.getElementsByTagName('title'))].map((t) => t.textContent ?? '').join('\n');
      expect(texts).toContain('<1億円');
      expect(texts).toContain('A & B');
    }
  });
  it('matches the DOM: what an XML parser reads back is what was drawn', () => {
    const { svg } = renderChart(single, { document: doc(), kind: 'grouped', width: 640, ariaLabel: '<&>"' });
    const back = parseXml(svgMarkup(svg)).documentElement;
    expect(back.getAttribute('aria-label')).toBe('<&>"');
    expect(back.getElementsByTagName('*').length).toBe(svg.querySelectorAll('*').length);
  });
  it('is what the build writes for question pages and .svg downloads', () => {
    const { svg } = chartSvg(single, undefined, 'bars', 680, 'Q <1億円 & "x"');
    expect(parseXml(svg).documentElement.getAttribute('aria-label')).toBe('Q <1億円 & "x"');
  });
  it('labels a drawing made without a label exactly as a drawing made with it (the build draws once per table)', () => {
    for (const label of ['Q <1億円 & "x"', 'a > b', HOSTILE.join(' / ')]) {
      for (const [kind, variable] of [['bars', undefined], ['stacked', ordinalVar]] as const) {
        const labelled = renderChartSvg(single, { document: doc(), kind, variable, width: 340, ariaLabel: label });
        expect(withAriaLabel(renderChartSvg(single, { document: doc(), kind, variable, width: 340 }), label)).toBe(labelled);
      }
    }
    const unlabelled = renderChartSvg(single, { document: doc(), kind: 'bars', width: 340 });
    expect(withAriaLabel(unlabelled, '')).toBe(unlabelled);
    expect(withAriaLabel('<svg a="1"/>', 'x<')).toBe('<svg aria-label="x&lt;" a="1"/>');
    // The same table under two titles: one drawing, two labels.
    expect(chartSvg(single, undefined, 'bars', 680, 'one').svg.replace('aria-label="one"', 'aria-label="two"')).toBe(chartSvg(single, undefined, 'bars', 680, 'two').svg);
  });
});
