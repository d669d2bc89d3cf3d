/**
 * Build-time access to the protected cubes of `publish: aggregates` waves (docs/statistics.md,
 * "Protected cube"): built once per build from the full microdata and the record keys, and
 * reported on the console (columns withheld, one-respondent pairs guarded, time).
 *
 * A wave's cube is kept as its published files — one encoded `<question>.bin` per question
 * (src/lib/cube/format.ts), about 6 MB for jcsa/2025 — not as objects (about 90 MB): a site with
 * many waves keeps every wave's cube for the whole build. A question's cube is decoded again when
 * a page asks for it (a few recent ones are kept), and the file routes write the bytes as they are.
 */
import type { Codebook } from '../lib/dataset/codebook.ts';
import type { Dataset, PublishedTable } from '../lib/dataset/types.ts';
import { buildCube, type WaveCube } from '../lib/cube/build.ts';
import { cubeTables } from '../lib/cube/query.ts';
import { decodeCube, encodeCube } from '../lib/cube/format.ts';
import type { QuestionCube } from '../lib/cube/types.ts';
import { publicCodebook } from '../lib/publicuse/publicity.ts';
import { defaultStatsOptions } from '../lib/stats/options.ts';
import { recordKeys, secretFor } from './cellkey.ts';
import type { CatalogWave } from './catalog.ts';

type MicrodataWave = CatalogWave & { dataset: Dataset };

/** A wave's cube as its files: question id → the bytes of `<question>.bin`, in plan order. */
export interface CubeFiles {
  files: Map<string, Uint8Array<ArrayBuffer>>;
  report: WaveCube['report'];
}

// By dataset: `astro dev` reads the data again after a change, and a new dataset gets a new cube.
const stored = new WeakMap<Dataset, CubeFiles>();

/** The console line of a built cube (Japanese, like the rest of the build's notices about data). */
function reportLine(key: string, questions: number, banners: number, restrictions: number, r: WaveCube['report'], ms: number): string {
  return `\n[cube] ${key}: 設問 ${questions}・集計軸 ${banners}・条件 ${restrictions}、列 ${r.columns.toLocaleString('ja-JP')} のうち ${r.withheldColumns.toLocaleString('ja-JP')} を秘匿（差分攻撃対策として ${r.withheldPopulations} 集団を非公開／1人違いの組 ${r.pairs}）、${Math.round(ms)} ms`;
}

/** Builds a wave's cube and encodes it (no cache). */
export function buildCubeFiles(wave: MicrodataWave): CubeFiles {
  const started = performance.now();
  const keys = recordKeys(wave.dataset, secretFor(wave.dataset));
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  const onQuestion = (q: QuestionCube) => void files.set(q.question, encodeCube(q));
  const cube = buildCube(wave.dataset, publicCodebook(wave.codebook), keys, { perturbation: wave.codebook.cube.perturbation, suppressBase: defaultStatsOptions.suppressBase, onQuestion });
  console.log(reportLine(`${wave.survey}/${wave.wave}`, files.size, cube.plan.banners.length - 1, cube.plan.restrictions.length, cube.report, performance.now() - started));
  return { files, report: cube.report };
}

/** The protected cube of an aggregates wave as its files (built once per build; prints what it withheld). */
export function cubeFiles(wave: MicrodataWave): CubeFiles {
  let files = stored.get(wave.dataset);
  if (!files) {
    files = buildCubeFiles(wave);
    stored.set(wave.dataset, files);
  }
  return files;
}

/** Decoded question cubes kept for the next call (a question page asks for several tables of one question). */
const RECENT = 8;
const recent = new Map<Uint8Array, QuestionCube>();

/** One question's cube of an aggregates wave, decoded from its file; undefined when the cube has no such question. */
export function questionCube(wave: MicrodataWave, question: string): QuestionCube | undefined {
  const bytes = cubeFiles(wave).files.get(question);
  if (!bytes) return undefined;
  let cube = recent.get(bytes);
  if (cube) recent.delete(bytes);
  else cube = decodeCube(bytes);
  recent.set(bytes, cube);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return cube;
}

const cubeTables_ = new WeakMap<CubeFiles, { codebook: Codebook; tables: PublishedTable[] }>();

/**
 * An aggregates wave as published tables: the cube's total columns (each universe) of every
 * question, perturbed — what comparisons and question-page trends read for that wave (once per cube).
 */
export function cubeTablesOf(wave: MicrodataWave): { codebook: Codebook; tables: PublishedTable[] } {
  const files = cubeFiles(wave);
  let tables = cubeTables_.get(files);
  if (!tables) {
    const codebook = publicCodebook(wave.codebook);
    const universes = codebook.universes.map((u) => u.id);
    tables = { codebook, tables: [...files.files.values()].flatMap((bytes) => cubeTables(decodeCube(bytes), universes)) };
    cubeTables_.set(files, tables);
  }
  return tables;
}
