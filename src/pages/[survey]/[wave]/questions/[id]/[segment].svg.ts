/** `/<survey>/<wave>/questions/<id>/<segment>.svg`: the segment's chart as a standalone SVG file. */
import type { APIRoute } from 'astro';
import { allWaves, chartSvg, resolveChart, segmentsFor, WIDE } from '../../../../../components/figure-data.ts';
import { publicQuestions } from '../../../../../components/report-data.ts';

export function getStaticPaths() {
  return allWaves()
    .filter((w) => w.dataset)
    .flatMap((w) => publicQuestions(w).flatMap((q) => segmentsFor(w, q.id).map((seg) => ({ params: { survey: w.survey, wave: w.wave, id: q.id, segment: seg.slug }, props: { seg } }))));
}

export const GET: APIRoute = ({ params, props }) => {
  const { seg } = props as { seg: { universe: string; by: string | null } };
  const r = resolveChart({ survey: params.survey as string, wave: params.wave as string, q: params.id as string, by: seg.by, universe: seg.universe });
  const { svg } = chartSvg(r.table, r.variable, r.kind, WIDE, r.info.label);
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
