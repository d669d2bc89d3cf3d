/**
 * Loads the explorer's data lazily (only the waves and questions a reader looks at), once each:
 * public-use files (microdata), per-question cube files (aggregates) and, for comparisons,
 * earlier waves' tables.
 */
import type { Codebook } from '../../lib/dataset/codebook.ts';
import type { Dataset, PublishedTable } from '../../lib/dataset/types.ts';
import type { TrendWave } from '../../lib/stats/trend.ts';
import type { HistoryWave } from '../../lib/explore/catalog.ts';
import { decodePublicUse } from '../../lib/publicuse/decode.ts';
import { decodeCube } from '../../lib/cube/format.ts';
import type { QuestionCube } from '../../lib/cube/types.ts';
import { PREFETCH_SLOT, type Prefetch } from '../../lib/explore/source.ts';

const cache = new Map<string, Promise<unknown>>();

/** The response the page's boot script (boot.ts) already asked for, if it is for this URL (taken once). */
function prefetched(url: string): Promise<Response> | null {
  const slot = globalThis as Record<string, unknown>;
  const prefetch = slot[PREFETCH_SLOT] as Prefetch | undefined;
  if (!prefetch || prefetch.url !== url) return null;
  delete slot[PREFETCH_SLOT];
  return prefetch.response;
}

function once<T>(url: string, read: (response: Response) => Promise<T>): Promise<T> {
  let pending = cache.get(url) as Promise<T> | undefined;
  if (!pending) {
    pending = (prefetched(url) ?? fetch(url)).then((response) => {
      if (!response.ok) throw new Error(`データを読み込めませんでした（${url}: HTTP ${response.status}）`);
      return read(response);
    });
    pending.catch(() => cache.delete(url));
    cache.set(url, pending);
  }
  return pending;
}

/** The dataset behind a public-use URL, fetched and decoded on first use. */
export function loadDataset(url: string): Promise<Dataset> {
  return once(url, async (r) => decodePublicUse(new Uint8Array(await r.arrayBuffer())));
}

/** One question's protected cube (aggregates waves), fetched and decoded on first use. */
export function loadCube(url: string): Promise<QuestionCube> {
  return once(url, async (r) => decodeCube(new Uint8Array(await r.arrayBuffer())));
}

/** A wave's public codebook and tables: printed (aggregate-only waves) or the cube's totals. */
export function loadTables(url: string): Promise<{ codebook: Codebook; tables: PublishedTable[] }> {
  return once(url, (r) => r.json() as Promise<{ codebook: Codebook; tables: PublishedTable[] }>);
}

/** Earlier waves as the engine's trend inputs, oldest first. */
export function loadHistory(history: HistoryWave[]): Promise<TrendWave[]> {
  return Promise.all(history.map(async (h): Promise<TrendWave> => {
    if (h.kind === 'tables') return loadTables(h.url);
    const dataset = await loadDataset(h.url);
    return { codebook: dataset.codebook, dataset };
  }));
}
