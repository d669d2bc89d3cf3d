/** `/<survey>/<wave>/questions/<id>/<segment>.svg`: the segment's chart as a standalone SVG file. */
import type { APIRoute } from 'astro';
import { segmentPaths, type SegmentProps } from './_segment-paths.ts';
import { chartSvg, resolveChart, WIDE } from '../../../../../components/figure-data.ts';

export const getStaticPaths = segmentPaths;

export const GET: APIRoute = ({ params, props }) => {
  const { seg } = props as SegmentProps;
  const r = resolveChart({ survey: params.survey as string, wave: params.wave as string, q: params.id as string, by: seg.by, universe: seg.universe, view: 'protected' });
  const { svg } = chartSvg(r.table, r.variable, r.kind, WIDE, r.info.label);
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
