/**
 * The site's search index (Pagefind), written into a finished build before it is swapped in
 * (scripts/build.ts): every page that marks its reading text with `data-pagefind-body` —
 * chapters, question pages, codebooks, the methods page — is indexed; the explorer, embeds and
 * downloads are not. Japanese is segmented by Pagefind itself (the pages say `lang="ja"`). The
 * index lives in `<out>/pagefind/` and is loaded by the search page only (src/pages/search/).
 */
import { readFileSync } from 'node:fs';
import * as pagefind from 'pagefind';

export async function writeSearchIndex(site: string): Promise<{ pages: number }> {
  // Charts' SVG text and the figures' "#" permalinks and buttons are not reading text.
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ja', excludeSelectors: ['svg', 'a.permalink', 'button', '.chart-actions'] });
  try {
    if (!index) throw new Error(`search index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) throw new Error(`search index: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
    if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join('; ')}`);
    // addDirectory counts every HTML file it read; the entry file counts the pages indexed.
    const entry = JSON.parse(readFileSync(`${site}/pagefind/pagefind-entry.json`, 'utf8')) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
    if (pages === 0) throw new Error('search index: no page is marked data-pagefind-body');
    return { pages };
  } finally {
    await pagefind.close();
  }
}
