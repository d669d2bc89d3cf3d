/**
 * `npm run build`: an atomic `astro build`. Astro writes into `<out>.partial-<pid>` next to the
 * output folder (`dist`, or `$HAKUSHO_OUT`); only when the build succeeds is the new site swapped
 * in (old folder renamed away, new one renamed in, old one removed). A failing build — bad data,
 * an MDX `<Stat>` naming a missing option, a crash — removes its partial folder and exits non-zero
 * with Astro's own message, so the output folder always holds the last complete site or nothing.
 * Known third-party warnings are left out of Astro's output (scripts/build-output.ts).
 * Extra arguments are passed to `astro build`. Its own lines are in Japanese, or in English with
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
import { writeSearchIndex } from './search-index.ts';
import { languageOf } from '../src/lib/dataset/problem.ts';

const ja = languageOf(process.env.HAKUSHO_LANG) === 'ja';

const out = resolve(process.env.HAKUSHO_OUT ?? 'dist');
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
  const child = spawn(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
    stdio: ['inherit', 'pipe', 'pipe'],
    env: { ...process.env, ...colour, HAKUSHO_OUT: partial },
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

removeStale();
rmSync(partial, { recursive: true, force: true });
const code = await astroBuild();
if (hidden > 0)
  console.log(
    ja
      ? `build: 既知の Vite の警告 ${hidden} 件を省きました（Astro の "use astro:head-inject" への MODULE_LEVEL_DIRECTIVE。MDX の章ごとに1件出るもので、害はありません）`
      : `build: ${hidden} known Vite warning${hidden === 1 ? '' : 's'} left out (MODULE_LEVEL_DIRECTIVE on Astro's "use astro:head-inject", one per MDX chapter; harmless)`,
  );
if (code !== 0 || !existsSync(join(partial, 'index.html'))) {
  rmSync(partial, { recursive: true, force: true });
  const kept = existsSync(out);
  console.error(
    ja
      ? `\nbuild 失敗: ${code !== 0 ? `astro build が終了コード ${code} で終わりました` : 'astro build が index.html を書きませんでした'}。${kept ? `${out} には前回の完全なサイトが残っています` : `${out} には何も書いていません`}。`
      : `\nbuild failed: ${code !== 0 ? `astro build exited with ${code}` : 'astro build wrote no index.html'}; ${kept ? `${out} still holds the previous complete site` : `nothing was written to ${out}`}.`,
  );
  process.exit(code || 1);
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
