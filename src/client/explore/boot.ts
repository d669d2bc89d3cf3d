/**
 * The explorer and embed pages' script: first starts fetching the data file the URL shows (a
 * question's cube file, or the wave's public-use file), then loads the explorer. The request
 * thus overlaps with compiling and evaluating the explorer and chart code instead of following
 * them; the explorer takes the response over when it needs that same URL (client/explore/data.ts).
 *
 * This module and its one import stay tiny (no zod, no engine, no Plot) so that it runs as soon as
 * the page is parsed; the explorer's chunks are already on their way (modulepreload,
 * src/server/fastload.ts), so the dynamic import costs no extra round trip.
 */
import type { ExploreCatalog } from '../../lib/explore/catalog.ts';
import { firstSourceUrl, PREFETCH_SLOT, type Prefetch } from '../../lib/explore/source.ts';

performance.mark('explore:prefetch');
try {
  const json = document.querySelector('hakusho-explorer script[data-role="catalog"]')?.textContent;
  const url = json ? firstSourceUrl(location.search, JSON.parse(json) as ExploreCatalog) : null;
  if (url) {
    const prefetch: Prefetch = { url, response: fetch(url) };
    prefetch.response.catch(() => undefined); // the explorer reports failures when it asks again
    (globalThis as Record<string, unknown>)[PREFETCH_SLOT] = prefetch;
  }
} catch {
  // Only an optimisation: the explorer loads everything itself.
}

void import('./explorer.ts');
