/**
 * `/data/<survey>/<wave>/public.csv`: the public-use data as CSV (described by datapackage.json).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { microdataWaves, publicDataset } from '../../_publicuse.ts';
import { publicCsv } from '../../../../lib/publicuse/tabular.ts';

export const getStaticPaths = (() => microdataWaves().map((wave) => ({ params: { survey: wave.survey, wave: wave.wave } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const wave = microdataWaves().find((w) => w.survey === params.survey && w.wave === params.wave);
  if (!wave) return new Response(null, { status: 404 });
  return new Response(publicCsv(publicDataset(wave)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
