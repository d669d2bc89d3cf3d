/**
 * `npm run build`: an atomic `astro build`. Astro writes into `<out>.partial-<pid>` next to the
 * output folder (`dist`, or `$HAKUSHO_OUT`); only when the build succeeds is the new site swapped
 * in (old folder renamed away, new one renamed in, old one removed). A failing build — bad data,
 * an MDX `<Stat>` naming a missing option, a crash — removes its partial folder and exits non-zero
 * with Astro's own message, so the output folder always holds the last complete site or nothing.
 * Known third-party warnings are left out of Astro's output (scripts/build-output.ts).
 *
 * Build cache (scripts/build-cache.ts): when no input of the build has changed since the last
 * complete build into the same folder, and the folder is as that build left it, nothing is done.
 * `--force` builds anyway and reuses no cached cube either (what it builds is cached for the next
 * build); `HAKUSHO_NO_CACHE=1` neither reads nor writes any cache. Otherwise the build reuses
 * the protected cubes of waves whose data, secret and engine code are unchanged
 * (src/server/cube.ts).
 * `--validate` runs `scripts/validate.ts --quiet` first (`npm run build` does), only when a build
 * is needed. Other arguments (and `--force`) are passed to `astro build`.
 * Extra arguments are passed to `astro build`. The script's own lines are in Japanese, or in English with
 * `$HAKUSHO_LANG=en` (which the content layer's data problems follow too).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { WarningFilter } from './build-output.ts';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tuneExplorerPages } from '../src/server/fastload.ts';
import { siteUrl } from '../src/lib/site-url.ts';
import { codeKey, engineKey, inputsKey, recordBuild, staleReason, staleReasonJa, type BuildInputs } from './build-cache.ts';
import { writeSearchIndex } from './search-index.ts';
import { languageOf } from '../src/lib/dataset/problem.ts';

const ja = languageOf(process.env.HAKUSHO_LANG) === 'ja';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.env.HAKUSHO_OUT ?? 'dist');
const validate = process.argv.includes('--validate');
const astroArgs = process.argv.slice(2).filter((a) => a !== '--validate');
/** HAKUSHO_NO_CACHE=1: the caches are neither read nor written. */
const noCache = process.env.HAKUSHO_NO_CACHE === '1';
/** --force: nothing cached is reused (the build and its cubes are made anew), and the result is recorded for next time. */
const force = astroArgs.includes('--force');
/** Where the build's records live: next to Astro's own cache (`$HAKUSHO_CACHE`, default node_modules/.astro). */
const cacheDir = join(resolve(process.env.HAKUSHO_CACHE ?? join(root, 'node_modules', '.astro')), 'hakusho');
const partial = `${out}.partial-${process.pid}`;
const old = `${out}.old-${process.pid}`;

/** Whether a process id belongs to a running process. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Leftovers of builds that were killed before they could clean up (their process is gone). */
function removeStale(): void {
  const parent = dirname(out);
  if (!existsSync(parent)) return;
  const pattern = new RegExp(`^${basename(out).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:partial|old)-(\\d+)$`);
  for (const name of readdirSync(parent)) {
    const m = pattern.exec(name);
    if (m && !alive(Number(m[1]))) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

let hidden = 0;

/** Copies a child's output line by line, leaving out the known warnings (scripts/build-output.ts). */
function filterOutput(from: Readable, to: Writable): void {
  const filter = new WarningFilter();
  createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => {
    if (filter.keep(line)) to.write(`${line}\n`);
    hidden += filter.take();
  });
}

/** Runs `astro build` into the partial folder; resolves with its exit code. */
function astroBuild(): Promise<number> {
  const astro = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'astro', 'bin', 'astro.mjs');
  // Astro colours its log only on a terminal; through the filter it keeps doing so for one.
  const colour = process.stdout.isTTY && process.env.FORCE_COLOR === undefined && process.env.NO_COLOR === undefined ? { FORCE_COLOR: '1' } : {};
  // The protected cubes are cached by their own inputs (src/server/cube.ts): the engine's code among them.
  const cache = code === null ? { HAKUSHO_NO_CACHE: '1' } : { HAKUSHO_ENGINE_KEY: engineKey(root), ...(force ? { HAKUSHO_CACHE_WRITE_ONLY: '1' } : {}) };
  const child = spawn(process.execPath, [astro, 'build', ...astroArgs], {
    stdio: ['inherit', 'pipe', 'pipe'],
    env: { ...process.env, ...colour, ...cache, HAKUSHO_OUT: partial },
  });
  filterOutput(child.stdout!, process.stdout);
  filterOutput(child.stderr!, process.stderr);
  const stop = (signal: NodeJS.Signals) => {
    child.kill(signal);
    rmSync(partial, { recursive: true, force: true });
    process.exit(1);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise((done) => {
    child.on('error', (e) => {
      console.error(ja ? `build: astro を起動できません: ${e.message}` : `build: could not start astro: ${e.message}`);
      done(1);
    });
    // 'close' (not 'exit'): after the output has been read to its end.
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/** Puts the finished site in place of the previous one. */
function swapIn(): void {
  const hadOld = existsSync(out);
  if (hadOld) renameSync(out, old);
  try {
    renameSync(partial, out);
  } catch (e) {
    if (hadOld) renameSync(old, out);
    throw e;
  }
  if (hadOld) rmSync(old, { recursive: true, force: true });
}

// The site address (src/lib/site-url.ts): refused before anything is built; without one, permalinks are site paths.
try {
  if (siteUrl(process.env.HAKUSHO_SITE_URL) === undefined)
    console.log(ja ? 'build: HAKUSHO_SITE_URL が未設定のため、図の固定リンクはサイト内のパス（/…）で書き出します（公開時はサイトのアドレスを設定してください）' : 'build: HAKUSHO_SITE_URL is not set, so figure permalinks are written as site paths (/…); set the site address when publishing');
} catch (e) {
  console.error(`\nbuild ${ja ? '失敗' : 'failed'}: ${(e as Error).message}`);
  process.exit(1);
}

// The data and content folders as the build resolves them (src/server/catalog.ts dataRoot, content.ts contentRoot).
const inputs: BuildInputs = { root, data: process.env.HAKUSHO_DATA ?? 'data', content: process.env.HAKUSHO_CONTENT ?? 'content', args: astroArgs.filter((a) => a !== '--force'), env: process.env };
let code: string | null = null;
let key: string | null = null;
if (!noCache) {
  try {
    code = codeKey(root);
    key = inputsKey(inputs, code);
    const reason = force ? '--force' : staleReason(cacheDir, out, key);
    if (reason === null) {
      console.log(
        ja
          ? `build: ${out} のサイトを作ってからデータ・原稿・コード・設定に変更がないので、そのままにしました。作り直すには \`npm run build -- --force\`。`
          : `build: nothing changed since the site in ${out} was built (same data, content, code and settings); kept it as it is. \`npm run build -- --force\` builds it again.`,
      );
      process.exit(0);
    }
    console.log(ja ? `build: サイトを作ります（${staleReasonJa[reason] ?? reason}）` : `build: building (${reason})`);
  } catch (e) {
    // Fail safe: a cache that cannot be read means a full build.
    console.log(ja ? `build: サイトを作ります（ビルドのキャッシュを確かめられませんでした: ${(e as Error).message}）` : `build: building (the build cache could not be checked: ${(e as Error).message})`);
    code = key = null;
  }
}

/** `scripts/validate.ts --quiet` in a child; resolves with its exit code. */
function runValidate(): Promise<number> {
  const child = spawn(process.execPath, [join(root, 'scripts', 'validate.ts'), '--quiet'], { stdio: 'inherit' });
  return new Promise((done) => {
    child.on('error', () => done(1));
    child.on('close', (c, signal) => done(c ?? (signal ? 1 : 0)));
  });
}
if (validate) {
  const valid = await runValidate();
  if (valid !== 0) process.exit(valid);
}

removeStale();
rmSync(partial, { recursive: true, force: true });
const exitCode = await astroBuild();
if (hidden > 0)
  console.log(
    ja
      ? `build: 既知の Vite の警告 ${hidden} 件を省きました（Astro の "use astro:head-inject" への MODULE_LEVEL_DIRECTIVE。MDX の章ごとに1件出るもので、害はありません）`
      : `build: ${hidden} known Vite warning${hidden === 1 ? '' : 's'} left out (MODULE_LEVEL_DIRECTIVE on Astro's "use astro:head-inject", one per MDX chapter; harmless)`,
  );
if (exitCode !== 0 || !existsSync(join(partial, 'index.html'))) {
  rmSync(partial, { recursive: true, force: true });
  const kept = existsSync(out);
  console.error(
    ja
      ? `\nbuild 失敗: ${exitCode !== 0 ? `astro build が終了コード ${exitCode} で終わりました` : 'astro build が index.html を書きませんでした'}。${kept ? `${out} には前回の完全なサイトが残っています` : `${out} には何も書いていません`}。`
      : `\nbuild failed: ${exitCode !== 0 ? `astro build exited with ${exitCode}` : 'astro build wrote no index.html'}; ${kept ? `${out} still holds the previous complete site` : `nothing was written to ${out}`}.`,
  );
  process.exit(exitCode || 1);
}
tuneExplorerPages(partial);
try {
  const { pages } = await writeSearchIndex(partial);
  console.log(ja ? `build: ${pages} ページの検索索引を書き出しました` : `build: search index of ${pages} pages written`);
} catch (e) {
  rmSync(partial, { recursive: true, force: true });
  const kept = existsSync(out);
  console.error(
    ja
      ? `\nbuild 失敗: 検索索引を作れませんでした（${(e as Error).message}）。${kept ? `${out} には前回の完全なサイトが残っています` : `${out} には何も書いていません`}。`
      : `\nbuild failed: ${(e as Error).message}; ${kept ? `${out} still holds the previous complete site` : `nothing was written to ${out}`}.`,
  );
  process.exit(1);
}
swapIn();
console.log(ja ? `build: サイトを ${out} に書き出しました` : `build: site written to ${out}`);
if (key !== null) {
  try {
    // Recorded only when no input changed while the build ran: the site is then the inputs' own.
    if (inputsKey(inputs) === key) recordBuild(cacheDir, out, key);
    else console.log(ja ? 'build: ビルド中に入力が変わったため、次回のビルドは省略しません。' : 'build: an input changed while the site was built; the next build will not be skipped.');
  } catch (e) {
    console.log(ja ? `build: ビルドのキャッシュを書けませんでした（${(e as Error).message}）。次回のビルドは省略しません。` : `build: the build cache could not be written (${(e as Error).message}); the next build will not be skipped.`);
  }
}
