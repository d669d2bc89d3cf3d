/**
 * `/data/<survey>/<wave>/datapackage.json`: Frictionless-style description of public.csv.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { microdataWaves, publicDataset } from '../../_publicuse.ts';
import { dataPackage } from '../../../../lib/publicuse/tabular.ts';

export const getStaticPaths = (() => microdataWaves().map((wave) => ({ params: { survey: wave.survey, wave: wave.wave } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const wave = microdataWaves().find((w) => w.survey === params.survey && w.wave === params.wave);
  if (!wave) return new Response(null, { status: 404 });
  return new Response(JSON.stringify(dataPackage(publicDataset(wave), 'public.csv'), null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
