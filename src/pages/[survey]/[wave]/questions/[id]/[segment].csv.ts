/** `/<survey>/<wave>/questions/<id>/<segment>.csv`: a segment's numbers, UTF-8 with BOM. */
import type { APIRoute } from 'astro';
import { segmentPaths, type SegmentProps } from './_segment-paths.ts';
import { resolveChart } from '../../../../../components/figure-data.ts';
import { tableCsv } from '../../../../../lib/charts/index.ts';

export const getStaticPaths = segmentPaths;

export const GET: APIRoute = ({ params, props }) => {
  const { seg } = props as SegmentProps;
  const r = resolveChart({ survey: params.survey as string, wave: params.wave as string, q: params.id as string, by: seg.by, universe: seg.universe, view: 'protected' });
  const s = r.wave.codebook.survey;
  const csv = tableCsv(r.table, { survey: s.title, question: r.info.text, citation: s.citation, synthetic: s.synthetic });
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
