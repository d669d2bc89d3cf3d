/**
 * Loads public-use files lazily (only the waves a reader looks at), once each.
 */
import type { Dataset } from '../../lib/dataset/types.ts';
import { decodePublicUse } from '../../lib/publicuse/decode.ts';

const cache = new Map<string, Promise<Dataset>>();

/** The dataset behind a public-use URL, fetched and decoded on first use. */
export function loadDataset(url: string): Promise<Dataset> {
  let pending = cache.get(url);
  if (!pending) {
    pending = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`データを読み込めませんでした（${url}: HTTP ${response.status}）`);
      return decodePublicUse(new Uint8Array(await response.arrayBuffer()));
    });
    pending.catch(() => cache.delete(url));
    cache.set(url, pending);
  }
  return pending;
}
