/**
 * Build-time access to the protected cubes of `publish: aggregates` waves (docs/statistics.md,
 * "Protected cube"): built once per build from the full microdata and the record keys, and
 * reported on the console (columns withheld, one-respondent pairs guarded, time).
 *
 * A wave's cube is kept as its published files — one encoded `<question>.bin` per question
 * (src/lib/cube/format.ts), about 6 MB for jcsa/2025 — not as objects (about 90 MB): a site with
 * many waves keeps every wave's cube for the whole build. A question's cube is decoded again when
 * a page asks for it (a few recent ones are kept), and the file routes write the bytes as they are.
 *
 * Where a cube comes from, by its key — the wave's files as read (`CatalogWave.digest`), the
 * cell-key secret and the engine's code (`$HAKUSHO_ENGINE_KEY`, set by scripts/build.ts):
 *   1. this build, when it already has it (the content layer and the pages are two module
 *      instances in one process: they share a process-wide registry);
 *   2. the cube cache (`$HAKUSHO_CACHE/hakusho/cubes/<key>.bin`), when the build gave an engine
 *      key and the cache is not turned off (`HAKUSHO_NO_CACHE=1`; `--force` only writes it,
 *      `HAKUSHO_CACHE_WRITE_ONLY=1`); a damaged entry is ignored (its checksum is verified
 *      before any byte is used);
 *   3. built: in worker threads started as soon as the data is read (`prefetchCubes`), so that
 *      cubes are built on the other cores while Astro bundles and renders — and on the main
 *      thread for any cube not started yet when a page needs it (`prepareCubes`, `cubeFiles`).
 * Workers run src/server/cube-worker.ts with Node's own TypeScript support; when it cannot run,
 * every cube is built on the main thread, exactly the same.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Codebook } from '../lib/dataset/codebook.ts';
import type { Dataset, PublishedTable } from '../lib/dataset/types.ts';
import { buildCube, type WaveCube } from '../lib/cube/build.ts';
import { cubeTables } from '../lib/cube/query.ts';
import { decodeCube, encodeCube } from '../lib/cube/format.ts';
import { CUBE_VERSION, type QuestionCube } from '../lib/cube/types.ts';
import { publicCodebook } from '../lib/publicuse/publicity.ts';
import { defaultStatsOptions } from '../lib/stats/options.ts';
import { configuredSecret, recordKeys, secretFor } from './cellkey.ts';
import { dataRoot, type CatalogWave } from './catalog.ts';

type MicrodataWave = CatalogWave & { dataset: Dataset };

/** A wave's cube as its files: question id → the bytes of `<question>.bin`, in plan order. */
export interface CubeFiles {
  files: Map<string, Uint8Array<ArrayBuffer>>;
  report: WaveCube['report'];
}

/** What a worker is asked to build, and what it answers. */
export interface CubeJob {
  root: string;
  survey: string;
  wave: string;
  digest: string;
}
export type CubeAnswer = { ok: true; files: Array<[string, Uint8Array<ArrayBuffer>]>; report: WaveCube['report'] } | { ok: false; error: string };

/** The console line of a built cube (Japanese, like the rest of the build's notices about data). */
function reportLine(key: string, questions: number, banners: number, restrictions: number, r: WaveCube['report'], ms: number): string {
  return `\n[cube] ${key}: 設問 ${questions}・集計軸 ${banners}・条件 ${restrictions}、列 ${r.columns.toLocaleString('ja-JP')} のうち ${r.withheldColumns.toLocaleString('ja-JP')} を秘匿（差分攻撃対策として ${r.withheldPopulations} 集団を非公開／1人違いの組 ${r.pairs}）、${Math.round(ms)} ms`;
}

/** Builds a wave's cube and encodes it, one question at a time (no cache; prints what it withheld). */
export function buildCubeFiles(wave: MicrodataWave, root = dataRoot()): CubeFiles {
  const started = performance.now();
  const keys = recordKeys(wave.dataset, secretFor(wave.dataset, root));
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  const onQuestion = (q: QuestionCube) => void files.set(q.question, encodeCube(q));
  const cube = buildCube(wave.dataset, publicCodebook(wave.codebook), keys, { perturbation: wave.codebook.cube.perturbation, suppressBase: defaultStatsOptions.suppressBase, onQuestion });
  console.log(reportLine(`${wave.survey}/${wave.wave}`, files.size, cube.plan.banners.length - 1, cube.plan.restrictions.length, cube.report, performance.now() - started));
  return { files, report: cube.report };
}

// ---------------------------------------------------------------------------------------------
// Keys and the cube cache

/** The cube's key: the wave's files as read, the secret, the cube format and the engine's code (null: no engine key, no cache). */
export function cubeKey(wave: Pick<CatalogWave, 'survey' | 'wave' | 'digest'>, root = dataRoot()): string {
  const secret = configuredSecret(root);
  return createHash('sha256')
    .update(`hakusho-cube\0${CUBE_VERSION}\0${process.env.HAKUSHO_ENGINE_KEY ?? `process-${process.pid}`}\0${wave.survey}\0${wave.wave}\0${wave.digest}\0`)
    .update(secret ? `${secret.source}\0${secret.secret}` : 'sample')
    .digest('hex');
}

/** The cube cache folder, or null when cubes are not to be cached (no engine key, or the cache is off). */
export function cubeCacheDir(): string | null {
  if (!process.env.HAKUSHO_ENGINE_KEY || process.env.HAKUSHO_NO_CACHE === '1') return null;
  return join(resolve(process.env.HAKUSHO_CACHE ?? join('node_modules', '.astro')), 'hakusho', 'cubes');
}

const MAGIC = 'HKCS1\n';

/** A cube cache entry: MAGIC, a JSON line (report, question names and lengths, SHA-256 of the bytes), then the question files. */
export function encodeCubeEntry(cube: CubeFiles): Buffer {
  const files = [...cube.files];
  const body = Buffer.concat(files.map(([, bytes]) => bytes));
  const head = JSON.stringify({ report: cube.report, questions: files.map(([id, bytes]) => [id, bytes.length]), sha256: createHash('sha256').update(body).digest('hex') });
  return Buffer.concat([Buffer.from(`${MAGIC}${head}\n`), body]);
}

/** A cache entry read back, or null when it is damaged in any way (nothing of it is then used). */
export function decodeCubeEntry(bytes: Uint8Array): CubeFiles | null {
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buffer.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) return null;
    const end = buffer.indexOf(10, MAGIC.length);
    if (end < 0) return null;
    const head = JSON.parse(buffer.subarray(MAGIC.length, end).toString('utf8')) as { report: WaveCube['report']; questions: Array<[string, number]>; sha256: string };
    const body = buffer.subarray(end + 1);
    if (!Array.isArray(head.questions) || typeof head.sha256 !== 'string' || typeof head.report !== 'object' || head.report === null) return null;
    if (head.questions.reduce((s, [, n]) => s + n, 0) !== body.length) return null;
    if (createHash('sha256').update(body).digest('hex') !== head.sha256) return null;
    const files = new Map<string, Uint8Array<ArrayBuffer>>();
    let at = 0;
    for (const [id, n] of head.questions) {
      files.set(id, new Uint8Array(body.subarray(at, at + n)));
      at += n;
    }
    return { files, report: head.report };
  } catch {
    return null;
  }
}

/** Entries kept in the cube cache: the most recently used, at most this many times the waves of this build. */
const KEEP_PER_WAVE = 3;

function readCached(dir: string, key: string): CubeFiles | null {
  const file = join(dir, `${key}.bin`);
  if (!existsSync(file)) return null;
  const cube = decodeCubeEntry(readFileSync(file));
  if (cube) {
    const now = new Date();
    try {
      utimesSync(file, now, now); // most recently used
    } catch {
      // A read-only cache still serves.
    }
  }
  return cube;
}

function writeCached(dir: string, key: string, cube: CubeFiles, waves: number): void {
  try {
    mkdirSync(dir, { recursive: true });
    const partial = join(dir, `${key}.${process.pid}.partial`);
    writeFileSync(partial, encodeCubeEntry(cube));
    renameSync(partial, join(dir, `${key}.bin`));
    const entries = readdirSync(dir)
      .filter((f) => f.endsWith('.bin'))
      .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { f } of entries.slice(Math.max(KEEP_PER_WAVE * waves, 1))) rmSync(join(dir, f), { force: true });
  } catch (e) {
    console.warn(`[cube] the cube cache could not be written (${(e as Error).message}); the next build builds the cube again.`);
  }
}

// ---------------------------------------------------------------------------------------------
// The process-wide registry and the workers

interface Entry {
  wave: MicrodataWave;
  root: string;
  files?: CubeFiles;
  /** Where the files came from. */
  origin?: CubeOrigin;
  /** Settles when a worker has answered (files set, or the job handed back to the main thread). */
  pending?: Promise<void>;
  claimed: boolean;
}

/** Where a build's cube came from: built by a worker thread, built on the main thread, or read from the cache. */
export type CubeOrigin = 'worker' | 'main' | 'cache';

interface Registry {
  entries: Map<string, Entry>;
  queue: string[];
  workers: Worker[];
  idle: Worker[];
  /** Waves of the build (for the cache's size). */
  waves: number;
  /** Summary lines printed (once each). */
  reported: Set<string>;
}

const REGISTRY = Symbol.for('hakusho.cubes');
const registry: Registry = ((globalThis as Record<symbol, unknown>)[REGISTRY] ??= { entries: new Map(), queue: [], workers: [], idle: [], waves: 1, reported: new Set() }) as Registry;

function entryOf(wave: MicrodataWave, root: string): [string, Entry] {
  const key = cubeKey(wave, root);
  let entry = registry.entries.get(key);
  if (!entry) {
    // One cube per wave is kept: `astro dev` reloads the data after a change.
    for (const [k, e] of registry.entries) if (e.wave.survey === wave.survey && e.wave.wave === wave.wave && e.files) registry.entries.delete(k);
    entry = { wave, root, claimed: false };
    registry.entries.set(key, entry);
  }
  return [key, entry];
}

/** The cube from the cache, or built here (the main thread); stored in the registry. */
function settle(key: string, entry: Entry): CubeFiles {
  if (entry.files) return entry.files;
  const dir = cubeCacheDir();
  const cached = dir && process.env.HAKUSHO_CACHE_WRITE_ONLY !== '1' ? readCached(dir, key) : null;
  entry.files = cached ?? buildCubeFiles(entry.wave, entry.root);
  entry.origin = cached ? 'cache' : 'main';
  entry.claimed = true;
  if (!cached && dir) writeCached(dir, key, entry.files, registry.waves);
  return entry.files;
}

/** The worker script, when this process can run it (Node's TypeScript support, the source tree present). */
function workerScript(): string | null {
  const file = resolve('src', 'server', 'cube-worker.ts');
  return existsSync(file) && process.features.typescript ? file : null;
}

/** Gives queued jobs to idle workers. */
function dispatch(): void {
  while (registry.idle.length > 0 && registry.queue.length > 0) {
    const key = registry.queue.shift()!;
    const entry = registry.entries.get(key);
    if (!entry || entry.claimed) continue;
    entry.claimed = true;
    const worker = registry.idle.pop()!;
    // Busy workers keep the process alive (the build awaits them); idle ones do not.
    worker.ref();
    const job: CubeJob = { root: entry.root, survey: entry.wave.survey, wave: entry.wave.wave, digest: entry.wave.digest };
    entry.pending = new Promise<void>((done) => {
      const finish = (answer: CubeAnswer) => {
        worker.off('message', finish);
        worker.off('error', fail);
        worker.unref();
        if (answer.ok) {
          entry.files = { files: new Map(answer.files), report: answer.report };
          entry.origin = 'worker';
          const dir = cubeCacheDir();
          if (dir) writeCached(dir, key, entry.files, registry.waves);
          registry.idle.push(worker);
        } else {
          // Fail safe: the main thread builds it (and says why the worker could not).
          console.warn(`[cube] ${job.survey}/${job.wave}: built on the main thread (worker: ${answer.error})`);
          entry.claimed = false;
          registry.idle.push(worker);
        }
        done();
        dispatch();
        if (registry.queue.length === 0 && registry.idle.length === registry.workers.length) stopWorkers();
      };
      const fail = (e: Error) => {
        worker.off('message', finish);
        registry.workers = registry.workers.filter((w) => w !== worker);
        console.warn(`[cube] ${job.survey}/${job.wave}: built on the main thread (worker stopped: ${e.message})`);
        entry.claimed = false;
        done();
      };
      worker.on('message', finish);
      worker.once('error', fail);
      worker.postMessage(job);
    });
  }
}

function stopWorkers(): void {
  for (const w of registry.workers) void w.terminate();
  registry.workers = [];
  registry.idle = [];
}

/** How many worker threads build cubes: `$HAKUSHO_CUBE_WORKERS`, else one per core but the main thread's. */
function workerCount(jobs: number): number {
  const wanted = process.env.HAKUSHO_CUBE_WORKERS !== undefined ? Number(process.env.HAKUSHO_CUBE_WORKERS) : availableParallelism() - 1;
  return Math.max(0, Math.min(Number.isFinite(wanted) ? Math.floor(wanted) : 0, jobs));
}

/**
 * Starts building the cubes of these waves in worker threads (those neither built nor cached):
 * called as soon as the data is read, so they are ready, or nearly, when the pages need them.
 */
export function prefetchCubes(waves: CatalogWave[], root = dataRoot()): void {
  const aggregates = waves.filter((w): w is MicrodataWave => w.dataset !== undefined && w.codebook.survey.publish === 'aggregates');
  registry.waves = Math.max(registry.waves, aggregates.length);
  const dir = cubeCacheDir();
  for (const wave of aggregates) {
    const [key, entry] = entryOf(wave, root);
    if (entry.files || entry.claimed || registry.queue.includes(key)) continue;
    if (dir && process.env.HAKUSHO_CACHE_WRITE_ONLY !== '1' && existsSync(join(dir, `${key}.bin`))) continue; // read when needed
    registry.queue.push(key);
  }
  const script = workerScript();
  const count = script ? workerCount(registry.queue.length) - registry.workers.length : 0;
  for (let i = 0; i < count; i++) {
    const worker = new Worker(script!, { env: process.env });
    worker.unref();
    registry.workers.push(worker);
    registry.idle.push(worker);
  }
  dispatch();
}

/**
 * Makes every cube of these waves available (from this build, the cache, the workers, or built
 * here while the workers build others); `cubeFiles` then returns at once.
 */
export async function prepareCubes(waves: CatalogWave[], root = dataRoot()): Promise<void> {
  prefetchCubes(waves, root);
  const aggregates = waves.filter((w): w is MicrodataWave => w.dataset !== undefined && w.codebook.survey.publish === 'aggregates');
  const keys = aggregates.map((w) => entryOf(w, root));
  for (const [key, entry] of keys) {
    if (entry.files || entry.claimed) continue;
    settle(key, entry);
    // Let the workers' answers in between two cubes built here.
    await new Promise((r) => setImmediate(r));
  }
  for (const [key, entry] of keys) {
    if (entry.pending) await entry.pending;
    if (!entry.files) settle(key, entry);
  }
  const origins = keys.map(([, e]) => e.origin);
  const line = `[cube] ${keys.length} 調査回の集計キューブ：ワーカーで作成 ${origins.filter((o) => o === 'worker').length}、メインで作成 ${origins.filter((o) => o === 'main').length}、キャッシュから ${origins.filter((o) => o === 'cache').length}`;
  if (keys.length > 0 && !registry.reported.has(line)) {
    registry.reported.add(line);
    console.log(line);
  }
}

/** Where the cube of a wave came from in this process (undefined: not made yet). */
export function cubeOrigin(wave: MicrodataWave, root = dataRoot()): CubeOrigin | undefined {
  return registry.entries.get(cubeKey(wave, root))?.origin;
}

/** Forgets every cube of this process and stops the workers (tests start from nothing). */
export function forgetCubes(): void {
  stopWorkers();
  registry.entries.clear();
  registry.queue = [];
  registry.reported.clear();
  recent.clear();
}

/** The protected cube of an aggregates wave as its files (from this build, the cache, or built now). */
export function cubeFiles(wave: MicrodataWave, root = dataRoot()): CubeFiles {
  const [key, entry] = entryOf(wave, root);
  // A cube a worker is still building is built here too rather than waited for (this call cannot wait).
  return settle(key, entry);
}

// ---------------------------------------------------------------------------------------------
// Reading cubes

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
