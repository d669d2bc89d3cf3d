/**
 * `/data/<survey>/<wave>/tables.json`: a wave's public codebook and tables, loaded by the explorer
 * when it compares a question with earlier waves — as printed for an aggregate-only wave, or the
 * protected cube's (perturbed) totals for an aggregates wave.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { aggregatesWaves, cubeTablesOf, publicTables, tablesWaves } from '../../_publicuse.ts';
import { wavesWithCubes } from '../../../../components/figure-data.ts';

export const getStaticPaths = (async () => {
  await wavesWithCubes();
  return [...tablesWaves(), ...aggregatesWaves()].map((wave) => ({ params: { survey: wave.survey, wave: wave.wave } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const printed = tablesWaves().find((w) => w.survey === params.survey && w.wave === params.wave);
  if (printed) return new Response(JSON.stringify(publicTables(printed)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  const cube = aggregatesWaves().find((w) => w.survey === params.survey && w.wave === params.wave);
  if (!cube) return new Response(null, { status: 404 });
  return new Response(JSON.stringify(cubeTablesOf(cube)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
