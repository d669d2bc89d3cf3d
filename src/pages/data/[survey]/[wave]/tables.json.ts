/**
 * `/data/<survey>/<wave>/tables.json`: an aggregate-only wave's public codebook and published
 * tables, loaded by the explorer when it compares a question with earlier waves.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { publicTables, tablesWaves } from '../../_publicuse.ts';

export const getStaticPaths = (() => tablesWaves().map((wave) => ({ params: { survey: wave.survey, wave: wave.wave } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const wave = tablesWaves().find((w) => w.survey === params.survey && w.wave === params.wave);
  if (!wave) return new Response(null, { status: 404 });
  return new Response(JSON.stringify(publicTables(wave)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
