/**
 * `/data/benchmark.json`: the self-benchmark's published aggregates (src/lib/benchmark/types.ts),
 * loaded by /benchmark/ in the browser. Per metric: the question, its classes and, per segment,
 * the base and the share of each class — from the same tables the question pages publish. No
 * respondent rows.
 */
import type { APIRoute } from 'astro';
import { benchmarkData } from '../../server/benchmark.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(benchmarkData()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
