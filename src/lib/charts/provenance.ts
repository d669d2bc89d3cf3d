/**
 * An exported chart (SVG file, PNG) that still says what it shows once it leaves the page
 * (issue 11): title and question above the chart; universe, base, filters and banner, source and
 * the synthetic-data mark below. The chart's own SVG is nested unchanged.
 */
import { FONT_FAMILY, FONT_SIZE, LINE_HEIGHT } from './layout.ts';
import { escapeText } from './render.ts';
import { wrapLines } from './wrap.ts';
import { isGrid, isTrend, type ChartTable } from './types.ts';
import { chartWords } from './words.ts';
import type { Lang } from '../i18n/lang.ts';

/** The note of a chart drawn from the protected cube. */
export const PROTECTED_NOTE = '秘匿処理（セルキー法による撹乱と小さな列の非表示）をした集計値から作成';

/** The base of a chart table as written in its provenance: "n=781", "n=非公開", or per wave for a trend. */
export function provenanceBase(table: ChartTable, lang: Lang = 'ja'): string {
  const w = chartWords(lang);
  if (isTrend(table)) return table.waves.map((wave) => w.waveBase(wave, (table.points.find((p) => p.wave === wave)?.base ?? 0).toLocaleString('ja-JP'))).join(w.listSep);
  const column = isGrid(table) ? table.tables[0]?.columns[0] : table.columns[0];
  return !column || column.withheld ? w.withheld : `n=${column.n.toLocaleString('ja-JP')}`;
}

export interface Provenance {
  title: string;
  /** Full question wording. */
  question: string;
  /** 対象 (universe label, with filters and banner when there are any). */
  universe: string;
  /** "n=781", "n=非公開". */
  base: string;
  /** Filters in words ("従業員規模：1〜99名"); empty when none. */
  filters: string[];
  /** Banner label, when the chart is broken down by one. */
  banner: string | null;
  source: string;
  synthetic: boolean;
  /** Extra lines (e.g. that the values are perturbed). */
  notes?: string[];
  /** Language of the lines' own words (default Japanese). */
  lang?: Lang;
}

/** The header and footer lines of a chart's provenance, in order. */
export function provenanceLines(p: Provenance): { header: string[]; footer: string[] } {
  const w = chartWords(p.lang);
  return {
    header: [p.title, p.question],
    footer: [
      w.provUniverse(p.universe, p.base, p.banner),
      ...(p.filters.length > 0 ? [w.provFilters(p.filters.join(w.listSep))] : []),
      ...(p.notes ?? []),
      w.provSource(p.source),
      ...(p.synthetic ? [w.provSynthetic] : []),
    ],
  };
}

/**
 * The chart's SVG markup (`chart`, an `<svg>` root of `width` × `height`) inside a taller SVG with
 * the provenance lines above and below, on a white background; well-formed XML.
 */
export function withProvenance(chart: string, width: number, height: number, p: Provenance): { svg: string; height: number } {
  const { header, footer } = provenanceLines(p);
  const perLine = Math.max(10, Math.floor((width - 16) / FONT_SIZE));
  // The source line may cite every wave of a trend and ends with the permalink: it is never cut.
  const wrap = (lines: string[]) => lines.flatMap((l) => wrapLines(l, perLine, (l.startsWith('出典：') || l.startsWith('Source: ')) ? Math.ceil(l.length / perLine) + 2 : 4));
  const top = wrap(header);
  const bottom = wrap(footer);
  const pad = 8;
  const headerHeight = pad + top.length * LINE_HEIGHT + pad;
  const footerHeight = pad + bottom.length * LINE_HEIGHT + pad;
  const total = headerHeight + height + footerHeight;
  const text = (lines: string[], y0: number, bold: number) =>
    lines.map((l, i) => `<text x="8" y="${y0 + (i + 1) * LINE_HEIGHT - 4}"${i < bold ? ' font-weight="700"' : ''}>${escapeText(l)}</text>`).join('');
  const titleLines = wrapLines(p.title, perLine, 4).length;
  const nested = chart.replace(/^\s*(?:<\?xml[^>]*\?>\s*)?<svg\b/, `<svg x="0" y="${headerHeight}"`);
  const svg = [
    `<?xml version="1.0" encoding="UTF-8"?>\n`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${escapeText(FONT_FAMILY).replace(/"/g, '&quot;')}" font-size="${FONT_SIZE}" fill="#222">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    text(top, pad, titleLines),
    nested,
    text(bottom, headerHeight + height + pad, 0),
    `</svg>`,
  ].join('');
  return { svg, height: total };
}
