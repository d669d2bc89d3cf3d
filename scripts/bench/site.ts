/**
 * `npm run bench site`: the report site's budgets.
 * - Build time of the whole sample site (`astro build` in a child process into a temp outDir).
 * - JavaScript per chapter page, gzipped (inline and external scripts), against the named
 *   alternative of shipping Observable Plot to the page.
 * - Largest contentful paint of chapter pages in Chromium (PerformanceObserver), served locally.
 */
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const BUDGET_BUILD_S = 60;
const BUDGET_JS_KB = 30;

const gz = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;
const kb = (n: number) => (n / 1024).toFixed(1);

/** Chapter pages in a build: /<survey>/<wave>/<chapter>/index.html (not questions, codebook). */
function chapterFiles(out: string): string[] {
  const found: string[] = [];
  for (const survey of readdirSync(out)) {
    const sdir = join(out, survey);
    if (!statSync(sdir).isDirectory() || ['_astro', 'data', 'explore', 'embed'].includes(survey)) continue;
    for (const wave of readdirSync(sdir)) {
      const wdir = join(sdir, wave);
      if (!statSync(wdir).isDirectory()) continue;
      for (const chapter of readdirSync(wdir)) {
        const file = join(wdir, chapter, 'index.html');
        if (!['questions', 'codebook'].includes(chapter) && existsSync(file)) found.push(`/${survey}/${wave}/${chapter}/`);
      }
    }
  }
  return found.sort();
}

/**
 * Gzipped bytes of every script a page runs: inline <script> bodies (and the modules they import),
 * external src files and modulepreloads, following static `import … from "…"` chains; each file
 * counted once.
 */
export function pageScriptBytes(html: string, out: string): number {
  const seen = new Set<string>();
  let total = 0;
  const addModule = (code: string, base: string): void => {
    for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) addFile(m[1].startsWith('/') ? m[1] : join(base, m[1]));
  };
  const addFile = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    const code = readFileSync(join(out, path), 'utf8');
    total += gz(code);
    addModule(code, dirname(path));
  };
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\ssrc="([^"]+)"/.exec(m[1])?.[1];
    if (/type="application\/(ld\+)?json"/.test(m[1])) continue;
    if (src) addFile(src);
    else if (m[2].trim()) {
      total += gz(m[2]);
      addModule(m[2], '/');
    }
  }
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) addFile(m[1]);
  return total;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.csv': 'text/csv' };

function serve(root: string): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port })));
}

/** LCP (ms) of each page, median of three cold loads. */
async function lcp(base: string, paths: string[]): Promise<Map<string, number>> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  const result = new Map<string, number>();
  try {
    for (const path of paths) {
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.goto(base + path, { waitUntil: 'load' });
        runs.push(
          await page.evaluate(
            () =>
              new Promise<number>((resolve) => {
                let last = 0;
                new PerformanceObserver((list) => {
                  for (const e of list.getEntries()) last = e.startTime;
                }).observe({ type: 'largest-contentful-paint', buffered: true });
                setTimeout(() => resolve(last), 300);
              }),
          ),
        );
        await context.close();
      }
      result.set(path, runs.sort((a, b) => a - b)[1]);
    }
  } finally {
    await browser.close();
  }
  return result;
}

export default async function (): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'hakusho-bench-site-'));
  const cache = mkdtempSync(join(tmpdir(), 'hakusho-bench-cache-'));
  try {
    const started = performance.now();
    const build = spawnSync('npx', ['astro', 'build'], { env: { ...process.env, HAKUSHO_OUT: out, HAKUSHO_CACHE: cache, ASTRO_TELEMETRY_DISABLED: '1' }, encoding: 'utf8', maxBuffer: 1 << 26 });
    const buildSeconds = (performance.now() - started) / 1000;
    if (build.status !== 0) throw new Error(`astro build failed:\n${build.stderr.slice(-3000)}`);
    const pages = chapterFiles(out);
    const html = (p: string) => readFileSync(join(out, p, 'index.html'), 'utf8');
    const js = pages.map((p) => ({ p, bytes: pageScriptBytes(html(p), out), html: gz(html(p)), charts: (html(p).match(/<figure class="chart"/g) ?? []).length }));
    const plotGz = gz(readFileSync('node_modules/@observablehq/plot/dist/plot.umd.min.js'));
    const maxJs = Math.max(...js.map((x) => x.bytes));
    const { server, port } = await serve(out);
    let paints: Map<string, number>;
    try {
      paints = await lcp(`http://127.0.0.1:${port}`, pages);
    } finally {
      server.close();
    }
    const htmlCount = spawnSync('find', [out, '-name', 'index.html'], { encoding: 'utf8' }).stdout.trim().split('\n').length;
    const lines = [
      `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}.`,
      '',
      '| budget | measured | limit | ok |',
      '|---|---:|---:|:-:|',
      `| whole sample site build (\`astro build\`, ${htmlCount} HTML pages) | ${buildSeconds.toFixed(1)} s | ${BUDGET_BUILD_S} s | ${buildSeconds <= BUDGET_BUILD_S ? '✓' : '✗'} |`,
      `| JavaScript of the heaviest chapter page, gzipped | ${kb(maxJs)} KB | ${BUDGET_JS_KB} KB | ${maxJs <= BUDGET_JS_KB * 1024 ? '✓' : '✗'} |`,
      `| alternative: Observable Plot shipped to the page (plot.umd.min.js, gzipped) | ${kb(plotGz)} KB | — | ratio ${(plotGz / Math.max(1, maxJs)).toFixed(0)}× more |`,
      '',
      '| chapter page | charts | HTML gz | JS gz | LCP (Chromium, median of 3) |',
      '|---|---:|---:|---:|---:|',
      ...js.map((x) => `| ${x.p} | ${x.charts} | ${kb(x.html)} KB | ${kb(x.bytes)} KB | ${Math.round(paints.get(x.p) ?? Number.NaN)} ms |`),
    ];
    return lines.join('\n');
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
}
