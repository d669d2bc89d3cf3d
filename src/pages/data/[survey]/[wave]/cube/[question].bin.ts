/**
 * `/data/<survey>/<wave>/cube/<question>.bin`: one question's protected cube (format:
 * src/lib/cube/format.ts), for waves with `publish: aggregates`. The explorer loads only the file
 * of the question it shows.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { aggregatesWaves, cubeBytes, cubeFiles } from '../../../_publicuse.ts';
import { wavesWithCubes } from '../../../../../components/figure-data.ts';

export const getStaticPaths = (async () => {
  await wavesWithCubes();
  return aggregatesWaves().flatMap((wave) => [...cubeFiles(wave).files.keys()].map((question) => ({ params: { survey: wave.survey, wave: wave.wave, question } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const wave = aggregatesWaves().find((w) => w.survey === params.survey && w.wave === params.wave);
  if (!wave || !cubeFiles(wave).files.has(params.question as string)) return new Response(null, { status: 404 });
  return new Response(cubeBytes(wave, params.question as string), { headers: { 'Content-Type': 'application/octet-stream' } });
};
