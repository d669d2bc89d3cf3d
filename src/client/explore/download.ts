/**
 * Explorer exports: the chart's SVG as a standalone file (saving and PNG rasterising are in
 * ../download.ts, shared with the report pages).
 */

/** The chart's SVG as a standalone document (namespaces, size and white background set). */
export function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  const box = svg.viewBox.baseVal;
  const width = box && box.width ? box.width : svg.clientWidth || 640;
  const height = box && box.height ? box.height : svg.clientHeight || 400;
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', 'white');
  copy.insertBefore(bg, copy.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}
