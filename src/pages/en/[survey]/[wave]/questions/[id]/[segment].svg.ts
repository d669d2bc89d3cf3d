/** `/en/<survey>/<wave>/questions/<id>/<segment>.svg`: the segment's (or trend's) chart with English labels and provenance. */
import type { APIRoute } from 'astro';
import { segmentPaths, type SegmentProps } from '../../../../../[survey]/[wave]/questions/[id]/_segment-paths.ts';
import { englishFiles } from './_english-files.ts';

export const getStaticPaths = segmentPaths;

export const GET: APIRoute = ({ params, props, url, site }) =>
  new Response(englishFiles(params as Record<string, string>, props as SegmentProps, url.pathname, site).svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
