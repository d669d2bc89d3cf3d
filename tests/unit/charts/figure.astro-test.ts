/**
 * Renders the <Figure> component (the markup of every chart) with Astro's container API from a
 * fixture CrossTab whose labels contain markup, and writes the HTML for the browser test.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseHTML } from 'linkedom';
import { it, expect } from 'vitest';
import Figure from '../../../src/components/Figure.astro';
import { renderChart } from '../../../src/lib/charts/index.ts';
import { crossTab } from './fixtures.ts';

const HOSTILE = '<script>window.__pwned = 1</script>';
const IMG = '<img src=x onerror="window.__pwned = 2">';

it('renders labels that contain markup as text', async () => {
  const table = crossTab({
    type: 'multi',
    totalN: 120,
    columns: [
      { key: '1', label: IMG, n: 60 },
      { key: '2', label: 'B', n: 60 },
    ],
    rows: [
      { key: '1', label: HOSTILE, counts: [60, 40, 20], letters: ['', 'B', ''] },
      { key: '2', label: '通常の選択肢', counts: [30, 10, 20] },
    ],
  });
  const document = parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  const draw = (width: number) => renderChart(table, { document, width, ariaLabel: HOSTILE });
  const container = await AstroContainer.create();
  const html = await container.renderToString(Figure, {
    props: {
      id: 'fig-hostile',
      title: `図 ${HOSTILE}`,
      info: { id: 'q', number: 'Q1', label: HOSTILE, text: `設問 ${IMG}`, type: 'multi', notes: [HOSTILE], reconstructed: false, source: undefined, universe: 'all', chapter: undefined },
      table,
      variable: undefined,
      kind: 'grouped',
      universeLabel: HOSTILE,
      wide: draw(680).svg.outerHTML,
      narrow: draw(340).svg.outerHTML,
      formNotes: [],
      citation: `出典：${HOSTILE}`,
      synthetic: true,
      csvHref: '/x.csv',
      svgHref: '/x.svg',
      fileName: 'x',
      permalink: 'https://example.org/#fig-hostile',
      explorerHref: '/explore/?q=q',
    },
  });
  const parsed = parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
  expect(parsed.querySelectorAll('script').length).toBe(0);
  expect(parsed.querySelectorAll('img').length).toBe(0);
  expect(parsed.querySelector('caption')?.textContent).toContain(HOSTILE);
  expect(parsed.querySelector('tbody th')?.textContent).toBe(HOSTILE);
  const out = process.env.HAKUSHO_FIXTURE_OUT ?? 'test-results/hostile-figure.html';
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
});
