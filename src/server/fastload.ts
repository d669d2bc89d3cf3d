/**
 * First-visit tuning of the explorer and embed pages, run by scripts/build.ts on the finished
 * build. Their first chart is measured by `npm run bench cube` (4× CPU throttling, 150 ms latency);
 * on that path each network round trip and each millisecond of main-thread work counts:
 *
 * - **modulepreload** every `/_astro/` chunk the page's module scripts reach — the entry scripts
 *   themselves included, which otherwise are discovered only when the parser reaches the end of
 *   the body — so all of them are requested in parallel with the page;
 * - **inline the stylesheets** (the CSP allows inline styles, src/lib/csp.ts): the first layout no
 *   longer waits one round trip for the CSS, so it is done before the scripts arrive instead of
 *   delaying them;
 * - **compile hints**: V8's magic comment `//# allFunctionsCalledOnLoad` (Chrome 136+) on the
 *   chunks the explorer runs at once (explorer, engine, Plot), so V8 compiles them on a background
 *   thread while they stream in, instead of compiling each function lazily on the main thread when
 *   the first chart calls it. Other browsers ignore the comment.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const IMPORT = /(?:\bimport\s*\(\s*|\bimport\s*|\bfrom\s*)["'`](\.\/[\w.-]+\.js|\/_astro\/[\w.-]+\.js)["'`]/g;
const STYLESHEET = /<link rel="stylesheet" href="(\/_astro\/[\w.-]+\.css)">/g;
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
const PAGES = ['explore/index.html', 'embed/index.html'];

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

export interface FastloadReport {
  preloaded: number;
  inlined: number;
  hinted: number;
}

/** Tunes the explorer and embed pages of a built site in place; returns what it did. */
export function tuneExplorerPages(out: string, minHintBytes = 20_000): FastloadReport {
  const report: FastloadReport = { preloaded: 0, inlined: 0, hinted: 0 };
  const hinted = new Set<string>();
  for (const page of PAGES) {
    const file = join(out, page);
    if (!existsSync(file)) continue;
    let html = readFileSync(file, 'utf8');
    const entries = [...html.matchAll(/<script type="module" src="(\/_astro\/[\w.-]+\.js)"/g)].map((m) => m[1]);
    const chunks = [...new Set([...entries, ...entries.flatMap((e) => reachable(out, e))])].filter((c) => !html.includes(`rel="modulepreload" href="${c}"`));
    html = html.replace(STYLESHEET, (_, href: string) => {
      const css = readFileSync(join(out, href), 'utf8');
      if (/<\/style/i.test(css)) throw new Error(`${href}: a stylesheet containing "</style" cannot be inlined`);
      report.inlined++;
      return `<style>${css}</style>`;
    });
    // Early in the head — right after the CSP, which governs them, and before the inlined
    // styles — so the requests start as soon as possible.
    const csp = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/.exec(html);
    if (!csp) throw new Error(`${page}: no Content-Security-Policy meta tag to place the preloads after`);
    html = html.replace(csp[0], `${csp[0]}${chunks.map((c) => `<link rel="modulepreload" href="${c}">`).join('')}`);
    report.preloaded += chunks.length;
    writeFileSync(file, html);
    // Large chunks only: the tiny entry and helper modules are cheap to compile lazily.
    for (const c of chunks) {
      if (hinted.has(c)) continue;
      const path = join(out, c);
      const code = readFileSync(path, 'utf8');
      if (code.length < minHintBytes) continue;
      if (!code.startsWith(COMPILE_HINT)) writeFileSync(path, COMPILE_HINT + code);
      hinted.add(c);
      report.hinted++;
    }
  }
  return report;
}
