/**
 * Draws a chart to an SVG string with a caller-supplied `document` (linkedom at build time, the
 * real one in the browser). The legend is drawn into the same SVG so a downloaded file is
 * complete.
 */
import * as Plot from '@observablehq/plot';
import { FONT_FAMILY, FONT_SIZE, LINE_HEIGHT } from './layout.ts';
import { chartSpec, type ChartSpec, type LegendItem, type SpecOptions } from './spec.ts';
import type { ChartTable } from './types.ts';
import { textWidthEm, wrapLines } from './wrap.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface RenderOptions extends SpecOptions {
  /** The DOM document Plot draws into. */
  document: Document;
  /** Accessible name of the SVG (the question label). */
  ariaLabel?: string;
  /** Longer accessible description (from `describe`). */
  ariaDescription?: string;
}

interface PlacedItem {
  item: LegendItem;
  x: number;
  y: number;
  lines: string[];
}

/** Legend items flowed into rows no wider than `width`. */
export function layoutLegend(items: LegendItem[], width: number): { placed: PlacedItem[]; height: number } {
  const placed: PlacedItem[] = [];
  let x = 0;
  let y = 0;
  let rowLines = 1;
  for (const item of items) {
    const lines = wrapLines(item.label, Math.max(6, (width - 24) / FONT_SIZE), 2);
    const w = Math.max(...lines.map(textWidthEm)) * FONT_SIZE + 18 + 14;
    if (x > 0 && x + w > width) {
      x = 0;
      y += rowLines * LINE_HEIGHT + 6;
      rowLines = 1;
    }
    placed.push({ item, x, y, lines });
    x += w;
    rowLines = Math.max(rowLines, lines.length);
  }
  return { placed, height: items.length === 0 ? 0 : y + rowLines * LINE_HEIGHT + 10 };
}

function el(document: Document, name: string, attrs: Record<string, string | number>): Element {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

function legendGroup(document: Document, items: LegendItem[], width: number): { g: Element; height: number } {
  const { placed, height } = layoutLegend(items, width);
  const g = el(document, 'g', { class: 'legend', transform: 'translate(4,4)' });
  for (const p of placed) {
    g.appendChild(el(document, 'rect', { x: p.x, y: p.y + 2, width: 12, height: 12, fill: p.item.colour, rx: 2 }));
    p.lines.forEach((line, i) => {
      const t = el(document, 'text', { x: p.x + 18, y: p.y + 12 + i * LINE_HEIGHT, fill: 'currentColor' });
      t.textContent = line;
      g.appendChild(t);
    });
  }
  return { g, height };
}

/** The spec and the finished SVG element. */
export function renderChart(table: ChartTable, options: RenderOptions): { spec: ChartSpec; svg: Element } {
  const spec = chartSpec(table, options);
  const { document } = options;
  const plot = Plot.plot({ ...spec.plot, document }) as unknown as Element;
  // Plot names its groups with aria-label ("bar", "x-axis tick"); ARIA forbids that on a plain
  // <g>, and the chart is one image described in words, so the names go.
  for (const g of plot.querySelectorAll('g[aria-label]')) g.removeAttribute('aria-label');
  const width = Number(spec.plot.width);
  const plotHeight = Number(plot.getAttribute('height') ?? spec.plot.height);
  const legend = legendGroup(document, spec.legend, width - 8);
  const height = plotHeight + legend.height;
  const svg = el(document, 'svg', {
    xmlns: SVG_NS,
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    class: 'hk-chart-svg',
    'font-family': FONT_FAMILY,
    'font-size': FONT_SIZE,
    fill: 'currentColor',
  });
  if (options.ariaLabel) svg.setAttribute('aria-label', options.ariaLabel);
  if (options.ariaDescription) svg.setAttribute('aria-description', options.ariaDescription);
  svg.appendChild(legend.g);
  plot.setAttribute('y', String(legend.height));
  svg.appendChild(plot);
  return { spec, svg };
}

// Characters XML 1.0 forbids even as references (C0 controls but tab/LF/CR, U+FFFE/U+FFFF,
// lone surrogates): replaced so a label holding one cannot make a file unreadable.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };
/** Text as XML character data (also used for the provenance lines of exported charts). */
export const escapeText = (s: string) => s.replace(NOT_XML, '\uFFFD').replace(/[&<>\r]/g, (c) => ESCAPES[c]);
const escapeAttribute = (s: string) => s.replace(NOT_XML, '\uFFFD').replace(/[&<>"\t\n\r]/g, (c) => ESCAPES[c]);

/**
 * An SVG element as XML markup. `outerHTML` of a server-side DOM follows HTML rules and leaves
 * `<` and `&` unescaped inside attribute values (a label such as `<1億円` in aria-label), which
 * breaks the file as XML; this writes well-formed XML that is also valid inline in HTML.
 */
export function svgMarkup(node: Node): string {
  if (node.nodeType === 3) return escapeText(node.nodeValue ?? '');
  if (node.nodeType === 4) return escapeText(node.nodeValue ?? '');
  if (node.nodeType !== 1) return '';
  const e = node as Element;
  const name = e.localName;
  let out = `<${name}`;
  for (const a of Array.from(e.attributes)) out += ` ${a.name}="${escapeAttribute(a.value)}"`;
  const children = Array.from(e.childNodes);
  if (children.length === 0) return `${out}/>`;
  return `${out}>${children.map(svgMarkup).join('')}</${name}>`;
}

/**
 * Markup drawn without an accessible name (and description), given one: the `aria-label`
 * `renderChart` sets last on the root element, where `svgMarkup` writes it — first, since the
 * server-side DOM (linkedom) lists the attribute set last first; tests/unit/charts/svg-xml.test.ts
 * compares both ways of drawing. Lets one drawing serve charts that differ only in their label.
 */
export function withAriaLabel(markup: string, ariaLabel: string | undefined): string {
  if (!ariaLabel) return markup;
  const name = /^<[^\s/>]+/.exec(markup);
  if (!name) throw new Error('withAriaLabel: not an element');
  return `${name[0]} aria-label="${escapeAttribute(ariaLabel)}"${markup.slice(name[0].length)}`;
}

/** The chart as standalone SVG markup (well-formed XML; labels escaped as text). */
export function renderChartSvg(table: ChartTable, options: RenderOptions): string {
  return svgMarkup(renderChart(table, options).svg);
}
