/**
 * `npm run bench explorer`: the cross-tab explorer at 100,000 respondents, in Chromium.
 *
 * 1. Generates a synthetic wave (scripts/bench/synthetic.ts) and encodes it as a public-use
 *    file; reports its size per 10,000 respondents × 100 questions (raw, gzip, brotli) against
 *    the same answers as CSV (the named alternative).
 * 2. Bundles the explorer's real client code with Vite (the bundler Astro uses) into a temporary
 *    page, reports the JavaScript loaded before any data (gzip) and the lazily loaded chart chunk.
 * 3. Serves that page, opens it in Chromium with Playwright and toggles a filter 100 times,
 *    reading the explorer's own performance marks: `explore:input` (control changed) →
 *    `explore:rendered` (table and chart in the DOM), plus the time to the next frame.
 *    The named alternative is the same cross-tab in Node: the engine's share of the update.
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { syntheticDataset } from './synthetic.ts';
import { encodePublicUse } from '../../src/lib/publicuse/encode.ts';
import { decodePublicUse } from '../../src/lib/publicuse/decode.ts';
import { publicCodebook } from '../../src/lib/publicuse/publicity.ts';
import { catalogWave } from '../../src/lib/explore/catalog.ts';
import { crosstab } from '../../src/lib/stats/crosstab.ts';
import type { Dataset } from '../../src/lib/dataset/types.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RESPONDENTS = 100_000;
const CHANGES = 100;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

export function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/** The same answers as a responses CSV (one column per SA question, one 0/1 column per MA option). */
function csvOf(ds: Dataset): string {
  const columns: ((i: number) => string)[] = [];
  const header: string[] = [];
  for (const v of ds.variables.values()) {
    if (v.kind === 'coded') (header.push(v.id), columns.push((i) => (v.index[i] < 0 ? '' : String(v.options[v.index[i]].code))));
    else if (v.kind === 'multi') v.options.forEach((o, k) => (header.push(`${v.id}__${o.code}`), columns.push((i) => ((v.chosen[k][i >>> 5] >>> (i & 31)) & 1 ? '1' : '0'))));
    else if (v.kind === 'numeric') (header.push(v.id), columns.push((i) => (Number.isNaN(v.values[i]) ? '' : String(v.values[i]))));
  }
  const lines = [header.join(',')];
  for (let i = 0; i < ds.n; i++) lines.push(columns.map((c) => c(i)).join(','));
  return lines.join('\n');
}

function sizeSection(): string {
  const ds = syntheticDataset({ n: 10_000, questions: 100, seed: 1 });
  const bytes = encodePublicUse(ds);
  const csv = Buffer.from(csvOf(decodePublicUse(bytes)));
  const row = (name: string, b: Uint8Array) => `| ${name} | ${mb(b.byteLength)} | ${kb(gzipSync(b, { level: 9 }).byteLength)} | ${kb(brotliCompressSync(b).byteLength)} |`;
  return [
    '### Public-use encoding size, per 10,000 respondents × 100 questions',
    '',
    '80 single-answer questions (5 options), 20 multi-answer questions (6 options), one numeric question, a segment and weights (f64).',
    '',
    '| file | raw | gzip -9 | brotli |',
    '|---|---|---|---|',
    row('public-use (.bin)', bytes),
    row('same answers as CSV (alternative)', csv),
  ].join('\n');
}

/** Bundles the explorer with Vite into `dir`; returns the page's initial and lazy JS sizes. */
async function bundle(dir: string, catalogJson: string): Promise<{ initial: number; initialGz: number; lazyGz: number; files: string[] }> {
  const { build } = await import('vite');
  writeFileSync(join(dir, 'entry.ts'), `import ${JSON.stringify(join(root, 'src/client/explore/boot.ts'))};\n`);
  writeFileSync(join(dir, 'index.html'), pageHtml(catalogJson));
  await build({ root: dir, configFile: false, logLevel: 'error', build: { outDir: join(dir, 'dist'), emptyOutDir: true } });
  const assets = join(dir, 'dist', 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const html = readFileSync(join(dir, 'dist', 'index.html'), 'utf8');
  const entry = files.filter((f) => html.includes(f));
  const staticImports = new Set(entry);
  for (const f of entry) for (const m of readFileSync(join(assets, f), 'utf8').matchAll(/from\s*"\.\/([^"]+\.js)"|import\s*"\.\/([^"]+\.js)"/g)) staticImports.add(m[1] ?? m[2]);
  const gz = (f: string) => gzipSync(readFileSync(join(assets, f)), { level: 9 }).byteLength;
  const initialFiles = [...staticImports];
  return {
    initial: initialFiles.reduce((s, f) => s + statSync(join(assets, f)).size, 0),
    initialGz: initialFiles.reduce((s, f) => s + gz(f), 0),
    lazyGz: files.filter((f) => !staticImports.has(f)).reduce((s, f) => s + gz(f), 0),
    files,
  };
}

/** A page with the explorer's controls (the same data-roles and names as src/pages/explore/). */
function pageHtml(catalogJson: string): string {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>explorer bench</title></head><body>
<hakusho-explorer data-mode="full">
<script type="application/json" data-role="catalog">${catalogJson.replace(/</g, '\\u003c')}</script>
<div data-role="notices" role="alert" hidden></div>
<form data-role="form">
<label for="w">調査</label><select id="w" name="wave"></select>
<label for="q">設問</label><select id="q" name="q"></select>
<label for="b">集計軸</label><select id="b" name="b"></select>
<label for="u">対象者</label><select id="u" name="u"></select>
<ul data-role="filters"></ul><p data-role="filters-empty"></p>
<label for="fv">絞り込み</label><select id="fv" name="fvar"></select><div data-role="filter-values"></div>
<label><input type="radio" name="v" value="percent" checked>割合</label><label><input type="radio" name="v" value="count">人数</label>
<label><input type="radio" name="mp" value="respondents" checked>回答者</label><label><input type="radio" name="mp" value="responses">回答</label>
<label><input type="checkbox" name="cmp" value="1">比較</label><span data-role="cmp-hint"></span>
</form>
<h2 data-role="title"></h2><p data-role="meta"></p>
<figure data-role="chart" style="width:640px;margin:0"></figure><div data-role="table"></div><p data-role="chi"></p>
<textarea data-role="citation" aria-label="citation"></textarea><textarea data-role="embed" aria-label="embed"></textarea><a data-role="permalink" href="/">link</a>
</hakusho-explorer>
<script type="module" src="./entry.ts"></script></body></html>`;
}

export function serve(dir: string): Promise<{ url: string; close: () => void }> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.bin': 'application/octet-stream', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.csv': 'text/csv; charset=utf-8' };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() })));
}

export default async function explorerBench(): Promise<string> {
  const sections = [sizeSection()];
  const dir = mkdtempSync(join(tmpdir(), 'hakusho-explorer-bench-'));
  try {
    const ds = syntheticDataset({ n: RESPONDENTS, questions: 30, seed: 2 });
    const bytes = encodePublicUse(ds);
    const wave = catalogWave(publicCodebook(ds.codebook), '/data/bench.bin');
    const js = await bundle(dir, JSON.stringify({ waves: [wave] }));
    mkdirSync(join(dir, 'dist', 'data'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'data', 'bench.bin'), bytes);
    sections.push(
      [
        '### Explorer JavaScript (Vite production build of src/client/explore/boot.ts, which imports the explorer)',
        '',
        '| part | gzip -9 |',
        '|---|---|',
        `| loaded before the data request starts (boot: reads the URL, asks for the data file) | ${kb(js.initialGz)} (${kb(js.initial)} raw) |`,
        `| loaded while the data loads (custom element, URL state, decoders, cross-tab engine, table, exports, chart renderer + Observable Plot) | ${kb(js.lazyGz)} |`,
        `| budget for the part before data | 120.0 KB |`,
      ].join('\n'),
    );

    const filterVariable = 'q2';
    const spec = { question: 'q1', banner: 'segment' };
    const nodeTimes: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const codes = [1 + (i % 4), 5];
      const t0 = performance.now();
      crosstab(ds, { ...spec, filters: [{ q: filterVariable, in: codes }] });
      nodeTimes.push(performance.now() - t0);
    }

    const server = await serve(join(dir, 'dist'));
    const { chromium } = await import('@playwright/test');
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      const t0 = Date.now();
      await page.goto(`${server.url}?s=${wave.survey}&w=${wave.wave}&q=${spec.question}&b=${spec.banner}`);
      await page.waitForSelector('.x-table', { timeout: 60_000 });
      const firstView = Date.now() - t0;
      await page.evaluate(() => {
        const w = window as unknown as { frames_: number[] };
        w.frames_ = [];
        document.querySelector('hakusho-explorer')!.addEventListener('explore:rendered', () => {
          requestAnimationFrame(() => setTimeout(() => {
            const input = performance.getEntriesByName('explore:update', 'measure').at(-1);
            if (input) w.frames_.push(performance.now() - input.startTime);
          }));
        });
      });
      await page.selectOption('select[name="fvar"]', filterVariable);
      const phases: Record<string, number>[] = [];
      for (let i = 0; i < CHANGES; i++) {
        const before = await page.evaluate(() => performance.getEntriesByName('explore:update', 'measure').length);
        await page.locator('input[name="fcode"]').nth(i % 4).click();
        await page.waitForFunction((n) => performance.getEntriesByName('explore:update', 'measure').length > n && (window as unknown as { frames_: number[] }).frames_.length > n, before);
        phases.push(await page.evaluate(() => (document.querySelector('hakusho-explorer') as unknown as { timings: Record<string, number> }).timings));
      }
      const updates = await page.evaluate(() => performance.getEntriesByName('explore:update', 'measure').map((m) => m.duration));
      const frames = await page.evaluate(() => (window as unknown as { frames_: number[] }).frames_);
      if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
      const s = (xs: number[]) => [...xs].sort((a, b) => a - b);
      const [u, f, n] = [s(updates), s(frames), s(nodeTimes)];
      sections.push(
        [
          `### Changing a filter at ${RESPONDENTS.toLocaleString('en-US')} respondents (Chromium, ${updates.length} changes, main thread)`,
          '',
          `Public-use file: ${mb(bytes.byteLength)} raw, ${mb(gzipSync(bytes).byteLength)} gzip (${ds.variables.size - 2} public variables). First view (load, decode, compute, draw): ${firstView} ms.`,
          '',
          '| measure | p50 | p95 | max |',
          '|---|---|---|---|',
          `| input → table and chart in the DOM (\`explore:input\` → \`explore:rendered\`) | ${quantile(u, 0.5).toFixed(1)} ms | ${quantile(u, 0.95).toFixed(1)} ms | ${u.at(-1)!.toFixed(1)} ms |`,
          `| input → next frame painted (rAF + task) | ${quantile(f, 0.5).toFixed(1)} ms | ${quantile(f, 0.95).toFixed(1)} ms | ${f.at(-1)!.toFixed(1)} ms |`,
          ...Object.keys(phases[0]).map((k) => {
            const xs = s(phases.map((p) => p[k]));
            return `| … of which ${k} (in the browser) | ${quantile(xs, 0.5).toFixed(1)} ms | ${quantile(xs, 0.95).toFixed(1)} ms | ${xs.at(-1)!.toFixed(1)} ms |`;
          }),
          `| the cross-tab alone, same spec, Node (engine's share) | ${quantile(n, 0.5).toFixed(2)} ms | ${quantile(n, 0.95).toFixed(2)} ms | ${n.at(-1)!.toFixed(2)} ms |`,
          '',
          `Budget: 16 ms at the 95th percentile for input → table and chart; ${quantile(u, 0.95) <= 16 ? 'met' : 'NOT met'}.`,
        ].join('\n'),
      );
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return sections.join('\n\n');
}
