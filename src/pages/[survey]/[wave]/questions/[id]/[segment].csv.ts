/** `/<survey>/<wave>/questions/<id>/<segment>.csv`: a segment's numbers, UTF-8 with BOM. */
import type { APIRoute } from 'astro';
import { allWaves, resolveChart, segmentsFor } from '../../../../../components/figure-data.ts';
import { publicQuestions } from '../../../../../components/report-data.ts';
import { tableCsv } from '../../../../../lib/charts/index.ts';

export function getStaticPaths() {
  return allWaves()
    .filter((w) => w.dataset)
    .flatMap((w) => publicQuestions(w).flatMap((q) => segmentsFor(w, q.id).map((seg) => ({ params: { survey: w.survey, wave: w.wave, id: q.id, segment: seg.slug }, props: { seg } }))));
}

export const GET: APIRoute = ({ params, props }) => {
  const { seg } = props as { seg: { universe: string; by: string | null } };
  const r = resolveChart({ survey: params.survey as string, wave: params.wave as string, q: params.id as string, by: seg.by, universe: seg.universe });
  const s = r.wave.codebook.survey;
  const csv = tableCsv(r.table, { survey: s.title, question: r.info.text, citation: s.citation, synthetic: s.synthetic });
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
