/**
 * Build-time bridge from the catalog of survey waves to the explorer: which waves get a
 * public-use file, where it lives, its bytes (encoded once per build), the published tables of
 * aggregate-only waves (for comparisons), and the explorer catalog.
 * (A leading underscore keeps Astro from treating this module as a route.)
 */
import { loadCatalog, type CatalogWave as LoadedWave } from '../../server/catalog.ts';
import type { Codebook } from '../../lib/dataset/codebook.ts';
import type { Dataset, PublishedTable } from '../../lib/dataset/types.ts';
import { encodePublicUse } from '../../lib/publicuse/encode.ts';
import { decodePublicUse } from '../../lib/publicuse/decode.ts';
import { isPublicVariable, publicCodebook } from '../../lib/publicuse/publicity.ts';
import { catalogWave, type ExploreCatalog, type HistoryWave } from '../../lib/explore/catalog.ts';

type MicrodataWave = LoadedWave & { dataset: Dataset };
type TablesWave = LoadedWave & { tables: PublishedTable[] };

/** Waves with microdata: only these can be explored (aggregate-only waves cannot be filtered). */
export function microdataWaves(): MicrodataWave[] {
  return loadCatalog().waves.filter((w): w is MicrodataWave => w.dataset !== undefined);
}

/** Waves known only from published tables. */
export function tablesWaves(): TablesWave[] {
  return loadCatalog().waves.filter((w): w is TablesWave => w.dataset === undefined && w.tables !== undefined);
}

/** Site path of a wave's public-use file. */
export function publicUsePath(survey: string, wave: string): string {
  return `/data/${survey}/${wave}/public-use.bin`;
}

/** Site path of an aggregate-only wave's published tables. */
export function tablesPath(survey: string, wave: string): string {
  return `/data/${survey}/${wave}/tables.json`;
}

const encoded = new Map<string, Uint8Array<ArrayBuffer>>();

/** The public-use bytes of a wave (memoised for the build). */
export function publicUseBytes(wave: MicrodataWave): Uint8Array<ArrayBuffer> {
  const key = `${wave.survey}/${wave.wave}`;
  let bytes = encoded.get(key);
  if (!bytes) {
    bytes = encodePublicUse(wave.dataset);
    encoded.set(key, bytes);
  }
  return bytes;
}

/** A wave's public-use data decoded again: what the CSV and data package are written from. */
export function publicDataset(wave: MicrodataWave): Dataset {
  return decodePublicUse(publicUseBytes(wave));
}

/** The public part of an aggregate-only wave: public codebook and the tables of public questions. */
export function publicTables(wave: TablesWave): { codebook: Codebook; tables: PublishedTable[] } {
  return { codebook: publicCodebook(wave.codebook), tables: wave.tables.filter((t) => isPublicVariable(wave.codebook, t.question)) };
}

/** Earlier waves reachable from a wave through crosswalks, oldest first. */
export function history(wave: LoadedWave): HistoryWave[] {
  const catalog = loadCatalog();
  const out: HistoryWave[] = [];
  const seen = new Set<string>([wave.wave]);
  let at: LoadedWave | undefined = wave;
  while (at?.codebook.crosswalk && !seen.has(at.codebook.crosswalk.wave)) {
    const previous = catalog.get(wave.survey, at.codebook.crosswalk.wave);
    if (!previous) break;
    seen.add(previous.wave);
    out.unshift(previous.dataset ? { wave: previous.wave, kind: 'microdata', url: publicUsePath(previous.survey, previous.wave) } : { wave: previous.wave, kind: 'tables', url: tablesPath(previous.survey, previous.wave) });
    at = previous;
  }
  return out;
}

/** What the explorer pages embed: every microdata wave's public variables and data URLs. */
export function exploreCatalog(): ExploreCatalog {
  return { waves: microdataWaves().map((w) => catalogWave(publicCodebook(w.codebook), publicUsePath(w.survey, w.wave), history(w))) };
}
