/**
 * Module preloading for the explorer pages (run by scripts/build.ts on the finished build): the
 * page's entry script is a tiny module that imports the explorer chunk, which imports the chart
 * chunk lazily — three round trips one after the other before the first chart. This adds a
 * `<link rel="modulepreload">` for every chunk reachable from the page's module scripts (static
 * and dynamic imports of `/_astro/` chunks), so the browser fetches them in parallel with the page.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const IMPORT = /(?:\bimport\s*\(\s*|\bimport\s*|\bfrom\s*)["'`](\.\/[\w.-]+\.js|\/_astro\/[\w.-]+\.js)["'`]/g;

/** Site paths of every `/_astro/` chunk a module reaches (itself excluded). */
function reachable(out: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    const file = join(out, path);
    if (!existsSync(file)) return;
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = m[1].startsWith('./') ? `/_astro/${m[1].slice(2)}` : m[1];
      if (seen.has(target)) continue;
      seen.add(target);
      visit(target);
    }
  };
  visit(entry);
  seen.delete(entry);
  return [...seen];
}

/** Adds modulepreload links to the explorer and embed pages of a built site; returns how many. */
export function preloadExplorerChunks(out: string): number {
  let added = 0;
  for (const page of ['explore/index.html', 'embed/index.html']) {
    const file = join(out, page);
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    const entries = [...html.matchAll(/<script type="module" src="(\/_astro\/[\w.-]+\.js)"/g)].map((m) => m[1]);
    const chunks = [...new Set(entries.flatMap((e) => reachable(out, e)))].filter((c) => !html.includes(`href="${c}"`));
    if (chunks.length === 0) continue;
    const links = chunks.map((c) => `<link rel="modulepreload" href="${c}">`).join('');
    writeFileSync(file, html.replace('</head>', `${links}</head>`));
    added += chunks.length;
  }
  return added;
}
