/**
 * Where the build's cubes come from (src/server/cube.ts): a worker thread builds the same bytes as
 * the main thread; the cube cache serves a cube only under its exact key and only intact, and a
 * damaged entry means the cube is built again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCatalog, type CatalogWave } from '../../../src/server/catalog.ts';
import { buildCubeFiles, cubeFiles, cubeKey, cubeOrigin, decodeCubeEntry, encodeCubeEntry, forgetCubes, prepareCubes, type CubeFiles } from '../../../src/server/cube.ts';
import type { Dataset } from '../../../src/lib/dataset/types.ts';

const ROOT = 'tests/fixtures/dataset/valid';

function fixtureWave(): CatalogWave & { dataset: Dataset } {
  const catalog = readCatalog(ROOT);
  if (!catalog.ok) throw new Error('fixture data has problems');
  const wave = catalog.value.get('sample', '2025')!;
  expect(wave.codebook.survey.publish).toBe('aggregates');
  return wave as CatalogWave & { dataset: Dataset };
}

const bytesOf = (cube: CubeFiles) => [...cube.files].map(([id, b]) => [id, Buffer.from(b).toString('base64')]);

afterEach(() => {
  forgetCubes();
  vi.unstubAllEnvs();
});

describe('cube cache entries', () => {
  it('read back what was written, and nothing of a damaged entry', () => {
    const cube = buildCubeFiles(fixtureWave(), ROOT);
    const entry = encodeCubeEntry(cube);
    const back = decodeCubeEntry(entry)!;
    expect(bytesOf(back)).toEqual(bytesOf(cube));
    expect(back.report).toEqual(cube.report);
    // Any flipped byte of the question files, a truncated or lengthened entry, another format.
    for (const at of [entry.length - 1, entry.length - 500, entry.indexOf(10, 6) + 1]) {
      const flipped = Buffer.from(entry);
      flipped[at] ^= 0x01;
      expect(decodeCubeEntry(flipped), `byte ${at}`).toBeNull();
    }
    expect(decodeCubeEntry(entry.subarray(0, entry.length - 1))).toBeNull();
    expect(decodeCubeEntry(Buffer.concat([entry, Buffer.from([0])]))).toBeNull();
    expect(decodeCubeEntry(Buffer.from('HKCS1\n{"questions":'))).toBeNull();
    expect(decodeCubeEntry(Buffer.from('<html>'))).toBeNull();
  });

  it('are keyed by the wave files as read, the secret and the engine code', () => {
    const wave = fixtureWave();
    vi.stubEnv('HAKUSHO_CELL_KEY_SECRET', '');
    vi.stubEnv('HAKUSHO_ENGINE_KEY', 'engine-1');
    const key = cubeKey(wave, ROOT);
    expect(cubeKey(wave, ROOT)).toBe(key);
    expect(cubeKey({ ...wave, digest: `${wave.digest}x` }, ROOT)).not.toBe(key);
    expect(cubeKey({ ...wave, wave: '2026' }, ROOT)).not.toBe(key);
    vi.stubEnv('HAKUSHO_CELL_KEY_SECRET', 'a secret of at least thirty-two characters');
    expect(cubeKey(wave, ROOT)).not.toBe(key);
    vi.stubEnv('HAKUSHO_CELL_KEY_SECRET', '');
    vi.stubEnv('HAKUSHO_ENGINE_KEY', 'engine-2');
    expect(cubeKey(wave, ROOT)).not.toBe(key);
  });
});

describe('the build cubes', () => {
  it('built by a worker thread are the bytes the main thread builds', async () => {
    const wave = fixtureWave();
    vi.stubEnv('HAKUSHO_NO_CACHE', '1');
    const main = buildCubeFiles(wave, ROOT);
    vi.stubEnv('HAKUSHO_CUBE_WORKERS', '1');
    const log = vi.spyOn(console, 'warn');
    await prepareCubes([wave], ROOT);
    // Nothing fell back to the main thread.
    expect(log.mock.calls.filter(([m]) => String(m).includes('built on the main thread'))).toEqual([]);
    expect(cubeOrigin(wave, ROOT)).toBe('worker');
    expect(bytesOf(cubeFiles(wave, ROOT))).toEqual(bytesOf(main));
    // Without workers, the main thread builds it.
    forgetCubes();
    vi.stubEnv('HAKUSHO_CUBE_WORKERS', '0');
    await prepareCubes([wave], ROOT);
    expect(cubeOrigin(wave, ROOT)).toBe('main');
  });

  it('are cached under their key, served intact, and built again when the entry is damaged', async () => {
    const wave = fixtureWave();
    const cache = mkdtempSync(join(tmpdir(), 'hakusho-cube-cache-'));
    try {
      vi.stubEnv('HAKUSHO_CACHE', cache);
      vi.stubEnv('HAKUSHO_ENGINE_KEY', 'engine-1');
      vi.stubEnv('HAKUSHO_NO_CACHE', '');
      vi.stubEnv('HAKUSHO_CUBE_WORKERS', '0');
      const built = bytesOf(cubeFiles(wave, ROOT));
      const dir = join(cache, 'hakusho', 'cubes');
      const [entry] = readdirSync(dir);
      expect(entry).toBe(`${cubeKey(wave, ROOT)}.bin`);

      // A new build reads it instead of building (a build prints a [cube] line).
      forgetCubes();
      const log = vi.spyOn(console, 'log');
      await prepareCubes([wave], ROOT);
      expect(cubeOrigin(wave, ROOT)).toBe('cache');
      expect(log.mock.calls.filter(([m]) => String(m).includes('[cube] sample/2025'))).toEqual([]);
      expect(bytesOf(cubeFiles(wave, ROOT))).toEqual(built);

      // Damaged: built again, the same bytes, and the entry written anew.
      forgetCubes();
      const file = join(dir, entry);
      const damaged = readFileSync(file);
      damaged[damaged.length - 10] ^= 0xff;
      writeFileSync(file, damaged);
      log.mockClear();
      expect(bytesOf(cubeFiles(wave, ROOT))).toEqual(built);
      expect(log.mock.calls.filter(([m]) => String(m).includes('[cube] sample/2025'))).toHaveLength(1);
      expect(cubeOrigin(wave, ROOT)).toBe('main');
      expect(decodeCubeEntry(readFileSync(file))).not.toBeNull();

      // Another engine, or the cache turned off: not read.
      forgetCubes();
      vi.stubEnv('HAKUSHO_ENGINE_KEY', 'engine-2');
      log.mockClear();
      cubeFiles(wave, ROOT);
      expect(log.mock.calls.filter(([m]) => String(m).includes('[cube] sample/2025'))).toHaveLength(1);
      forgetCubes();
      vi.stubEnv('HAKUSHO_ENGINE_KEY', 'engine-1');
      vi.stubEnv('HAKUSHO_NO_CACHE', '1');
      log.mockClear();
      cubeFiles(wave, ROOT);
      expect(log.mock.calls.filter(([m]) => String(m).includes('[cube] sample/2025'))).toHaveLength(1);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
