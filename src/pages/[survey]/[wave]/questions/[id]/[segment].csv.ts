/** `/<survey>/<wave>/questions/<id>/<segment>.csv`: a segment's (or a trend's) numbers, UTF-8 with BOM. */
import type { APIRoute } from 'astro';
import { segmentPaths, trendFiles, type SegmentProps } from './_segment-paths.ts';
import { defaultTitle, drawAhead, NARROW, provenanceOf, resolveChart, WIDE } from '../../../../../components/figure-data.ts';
import { tableCsv } from '../../../../../lib/charts/index.ts';
import { siteLink } from '../../../../../lib/site-url.ts';

export const getStaticPaths = segmentPaths;

export const GET: APIRoute = ({ params, props, url, site }) => {
  const p = props as SegmentProps;
  const headers = { 'Content-Type': 'text/csv; charset=utf-8' };
  if ('trend' in p) return new Response(trendFiles(params.survey as string, params.wave as string, p.trend, site).csv, { headers });
  const { seg } = p;
  const r = resolveChart({ survey: params.survey as string, wave: params.wave as string, q: params.id as string, by: seg.by, universe: seg.universe, view: 'protected' });
  // The segment's SVG file and its question page draw this table later: drawn meanwhile on another core.
  drawAhead(r, [WIDE, NARROW]);
  const s = r.wave.codebook.survey;
  const pr = provenanceOf(r, defaultTitle(r));
  // The question page this file belongs to (the file sits next to it).
  const link = siteLink(url.pathname.replace(/[^/]*$/, ''), site);
  const csv = tableCsv(r.table, { survey: s.title, question: r.info.text, citation: s.citation, synthetic: s.synthetic, banner: pr.banner, notes: pr.notes, link }, r.variable);
  return new Response(csv, { headers });
};
