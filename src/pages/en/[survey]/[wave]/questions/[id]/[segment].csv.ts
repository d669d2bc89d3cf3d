/** `/en/<survey>/<wave>/questions/<id>/<segment>.csv`: a segment's (or trend's) numbers with English labels and headers. */
import type { APIRoute } from 'astro';
import { segmentPaths, type SegmentProps } from '../../../../../[survey]/[wave]/questions/[id]/_segment-paths.ts';
import { englishFiles } from './_english-files.ts';

export const getStaticPaths = segmentPaths;

export const GET: APIRoute = ({ params, props, url, site }) =>
  new Response(englishFiles(params as Record<string, string>, props as SegmentProps, url.pathname, site).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
