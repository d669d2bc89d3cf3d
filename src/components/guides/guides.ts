/** The guides for pages: each guide's cover and pages from the `guides` collection, in order. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { guideRoute, type GuideRoute } from '../../lib/content/guides.ts';
import { quotedWaves } from '../../server/guide-sources.ts';
import { loadCatalog, type CatalogWave } from '../../server/catalog.ts';

export interface GuidePage extends GuideRoute {
  title: string;
  summary: string;
  order: number;
  entry: CollectionEntry<'guides'>;
}

export interface Guide {
  id: string;
  cover: GuidePage;
  /** The guide's pages (not the cover), by `order`. */
  pages: GuidePage[];
}

/** Every guide with a cover, by the cover's `order`. `npm run validate` reports files that fit no route. */
export async function allGuides(): Promise<Guide[]> {
  const pages: GuidePage[] = [];
  for (const entry of await getCollection('guides')) {
    const route = guideRoute(entry.id);
    if ('error' in route) throw new Error(`content/guides/${entry.id}.mdx: ${route.error}`);
    pages.push({ ...route, title: entry.data.title, summary: entry.data.summary, order: entry.data.order, entry });
  }
  const byOrder = (a: GuidePage, b: GuidePage) => a.order - b.order || a.href.localeCompare(b.href);
  const guides: Guide[] = [];
  for (const cover of pages.filter((p) => p.page === null).sort(byOrder)) {
    guides.push({ id: cover.guide, cover, pages: pages.filter((p) => p.guide === cover.guide && p.page !== null).sort(byOrder) });
  }
  return guides;
}

/** The waves a guide page quotes (for its sources and the synthetic notice). */
export function wavesQuoted(page: GuidePage): CatalogWave[] {
  const catalog = loadCatalog();
  return quotedWaves(page.entry.body ?? '').flatMap(({ survey, wave }) => catalog.get(survey, wave) ?? []);
}
