/**
 * `/data/<survey>/<wave>/public-use.bin`: the explorer's data (format: src/lib/publicuse/format.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { microdataWaves, publicUseBytes } from '../../_publicuse.ts';

export const getStaticPaths = (() =>
  microdataWaves().map((wave) => ({ params: { survey: wave.survey, wave: wave.wave } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const wave = microdataWaves().find((w) => w.survey === params.survey && w.wave === params.wave);
  if (!wave) return new Response(null, { status: 404 });
  return new Response(publicUseBytes(wave), { headers: { 'Content-Type': 'application/octet-stream' } });
};
