/**
 * Build-time access to the protected cubes of `publish: aggregates` waves (docs/statistics.md,
 * "Protected cube"): built once per build from the full microdata and the record keys, and
 * reported on the console (columns withheld, one-respondent pairs guarded, time).
 */
import type { Codebook } from '../lib/dataset/codebook.ts';
import type { Dataset, PublishedTable } from '../lib/dataset/types.ts';
import { buildCube, type WaveCube } from '../lib/cube/build.ts';
import { cubeTables } from '../lib/cube/query.ts';
import { publicCodebook } from '../lib/publicuse/publicity.ts';
import { defaultStatsOptions } from '../lib/stats/options.ts';
import { recordKeys, secretFor } from './cellkey.ts';
import type { CatalogWave } from './catalog.ts';

type MicrodataWave = CatalogWave & { dataset: Dataset };

const cubes = new Map<string, WaveCube>();

/** The protected cube of an aggregates wave (built once per build; prints what it withheld). */
export function waveCube(wave: MicrodataWave): WaveCube {
  const key = `${wave.survey}/${wave.wave}`;
  let cube = cubes.get(key);
  if (!cube) {
    const started = performance.now();
    const keys = recordKeys(wave.dataset, secretFor(wave.dataset));
    cube = buildCube(wave.dataset, publicCodebook(wave.codebook), keys, { perturbation: wave.codebook.cube.perturbation, suppressBase: defaultStatsOptions.suppressBase });
    const r = cube.report;
    console.log(
      `\n[cube] ${key}: 設問 ${cube.questions.size}・集計軸 ${cube.plan.banners.length - 1}・条件 ${cube.plan.restrictions.length}、列 ${r.columns.toLocaleString('ja-JP')} のうち ${r.withheldColumns.toLocaleString('ja-JP')} を秘匿（差分攻撃対策として ${r.withheldPopulations} 集団を非公開／1人違いの組 ${r.pairs}）、${Math.round(performance.now() - started)} ms`,
    );
    cubes.set(key, cube);
  }
  return cube;
}

/**
 * An aggregates wave as published tables: the cube's total columns (each universe) of every
 * question, perturbed — what comparisons and question-page trends read for that wave.
 */
export function cubeTablesOf(wave: MicrodataWave): { codebook: Codebook; tables: PublishedTable[] } {
  const cube = waveCube(wave);
  const codebook = publicCodebook(wave.codebook);
  const universes = codebook.universes.map((u) => u.id);
  return { codebook, tables: [...cube.questions.values()].flatMap((q) => cubeTables(q, universes)) };
}

