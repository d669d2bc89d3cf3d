/**
 * Build-time bridge from the catalog of survey waves to the explorer: which waves get a
 * public-use file, where it lives, its bytes (encoded once per build), and the explorer catalog.
 * (A leading underscore keeps Astro from treating this module as a route.)
 */
import { loadCatalog, type CatalogWave as LoadedWave } from '../../server/catalog.ts';
import type { Dataset } from '../../lib/dataset/types.ts';
import { encodePublicUse } from '../../lib/publicuse/encode.ts';
import { publicCodebook } from '../../lib/publicuse/publicity.ts';
import { catalogWave, type ExploreCatalog } from '../../lib/explore/catalog.ts';

/** Waves with microdata: only these can be explored (aggregate-only waves cannot be filtered). */
export function microdataWaves(): (LoadedWave & { dataset: Dataset })[] {
  return loadCatalog().waves.filter((w): w is LoadedWave & { dataset: Dataset } => w.dataset !== undefined);
}

/** Site path of a wave's public-use file. */
export function publicUsePath(survey: string, wave: string): string {
  return `/data/${survey}/${wave}/public-use.bin`;
}

const encoded = new Map<string, Uint8Array<ArrayBuffer>>();

/** The public-use bytes of a wave (memoised for the build). */
export function publicUseBytes(wave: LoadedWave & { dataset: Dataset }): Uint8Array<ArrayBuffer> {
  const key = `${wave.survey}/${wave.wave}`;
  let bytes = encoded.get(key);
  if (!bytes) {
    bytes = encodePublicUse(wave.dataset);
    encoded.set(key, bytes);
  }
  return bytes;
}

/** What the explorer page embeds: every microdata wave's public variables and data URL. */
export function exploreCatalog(): ExploreCatalog {
  return { waves: microdataWaves().map((w) => catalogWave(publicCodebook(w.codebook), publicUsePath(w.survey, w.wave))) };
}
