/**
 * Where the explorer's data for a view lives, and which wave and question a URL shows — kept
 * free of zod and the engine so the page's first, tiny script (client/explore/boot.ts) can
 * start fetching the data file while the explorer's own code is still downloading and compiling.
 */
import { findWave, type CatalogWave, type ExploreCatalog } from './catalog.ts';

/** Longer query strings are not read at all (the default view is shown, with a notice). */
export const MAX_QUERY_LENGTH = 4000;

/** The question shown when the URL names none: the first that is not numeric. */
export function defaultQuestion(wave: CatalogWave): string {
  return (wave.variables.find((v) => v.kind !== 'numeric') ?? wave.variables[0])?.id ?? 'none';
}

/** The wave a URL's `s` and `w` name (a survey alone names its first wave); undefined if none. */
export function pickWave(catalog: ExploreCatalog, s: string | null, w: string | null): CatalogWave | undefined {
  const first = catalog.waves[0];
  return findWave(catalog, s ?? first?.survey ?? 'none', w ?? first?.wave ?? 'none') ?? (s !== null && w === null ? catalog.waves.find((x) => x.survey === s) : undefined);
}

/** The data file of a view: the wave's public-use file (rows), or the question's cube file. */
export function sourceUrl(wave: CatalogWave, question: string): string {
  return wave.mode === 'aggregates' ? `${wave.dataUrl}${encodeURIComponent(question)}.bin` : wave.dataUrl;
}

/**
 * The data file the explorer will load first for a query string, read the way `parseState` reads
 * it (unknown waves and questions fall back to the defaults). A mismatch only costs one unused
 * request: the explorer uses a prefetched response only when its URL is the one it needs.
 */
export function firstSourceUrl(search: string, catalog: ExploreCatalog): string | null {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.length > MAX_QUERY_LENGTH ? '' : search);
  } catch {
    params = new URLSearchParams();
  }
  const wave = pickWave(catalog, params.get('s'), params.get('w')) ?? catalog.waves[0];
  if (!wave) return null;
  const q = params.get('q');
  return sourceUrl(wave, q !== null && wave.variables.some((v) => v.id === q) ? q : defaultQuestion(wave));
}

/** The global slot where the boot script (client/explore/boot.ts) leaves its request for the explorer. */
export const PREFETCH_SLOT = '__hakushoPrefetch';

export interface Prefetch {
  url: string;
  response: Promise<Response>;
}
