/** `/<survey>/<wave>/questions/<id>/<segment>.svg`: the segment's (or a trend's) chart as a standalone SVG file. */
import type { APIRoute } from 'astro';
import { segmentPaths, trendFiles, type SegmentProps } from './_segment-paths.ts';
import { chartSvg, defaultTitle, provenanceOf, resolveChart, WIDE } from '../../../../../components/figure-data.ts';
import { withProvenance } from '../../../../../lib/charts/provenance.ts';

export const getStaticPaths = segmentPaths;

export const GET: APIRoute = ({ params, props, site }) => {
  const p = props as SegmentProps;
  const headers = { 'Content-Type': 'image/svg+xml; charset=utf-8' };
  if ('trend' in p) return new Response(trendFiles(params.survey as string, params.wave as string, p.trend, site).svg, { headers });
  const { seg } = p;
  const r = resolveChart({ survey: params.survey as string, wave: params.wave as string, q: params.id as string, by: seg.by, universe: seg.universe, view: 'protected' });
  const title = defaultTitle(r);
  const { svg, height } = chartSvg(r.table, r.variable, r.kind, WIDE, title);
  // The file says what it shows once it leaves the page: question, base, banner, source, synthetic mark.
  return new Response(withProvenance(svg, WIDE, height, provenanceOf(r, title)).svg, { headers });
};
