/**
 * `npm run bench waves`: how the build scales with the number of waves a publisher keeps online
 * (issue 12, point 9). A data folder is generated with jcsa/2025 copied as W waves (2025, 2024, …
 * back; each codebook's wave, titles, dates and citation moved to its year, and a `crosswalk:` to
 * the previous year so the waves chain: same-id questions link by default, crosswalk-link.ts),
 * with its chapters copied for every wave. The site is built from it with `scripts/build.ts`
 * into a temp folder, for W = 1, 4, 8, 16: wall time, pages, dist size, peak RSS of the build's
 * process tree (polled), then a second build with nothing changed.
 *
 * Generated data lives under tmp/bench-waves/ (git-ignored; it must stay inside the repository:
 * chapters import components by relative path), never in data/.
 *
 * `node scripts/bench/waves.ts <W> [folder]` only generates the data (for profiling by hand) and
 * prints the HAKUSHO_DATA / HAKUSHO_CONTENT to use.
 */
import { spawn } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCE_DATA = join(ROOT, 'data', 'jcsa', '2025');
const SOURCE_CONTENT = join(ROOT, 'content', 'jcsa', '2025');
const LATEST = 2025;

/** Wave ids of W generated waves, newest first: 2025, 2024, … */
export function waveIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(LATEST - i));
}

/**
 * jcsa/2025's codebook as wave `year`: the survey block's years moved (title, short title,
 * citation, fieldwork the December before), and a crosswalk to `previous` when given. Text
 * substitution, so the rest of the file (comments, quoting) stays byte for byte.
 */
export function codebookForYear(text: string, year: number, previous: number | null): string {
  const start = text.indexOf('\nsurvey:\n');
  const end = text.indexOf('\nquestions:\n');
  if (start < 0 || end < 0) throw new Error('jcsa/2025 codebook: survey: or questions: block not found');
  const survey = text
    .slice(start, end)
    .replaceAll(`wave: '${LATEST}'`, `wave: '${year}'`)
    .replaceAll(`${LATEST - 1}-12-`, `${year - 1}-12-`)
    .replaceAll(String(LATEST), String(year));
  let out = text.slice(0, start) + survey + text.slice(end);
  if (previous !== null) {
    const at = out.indexOf('\nheadlines:\n');
    if (at < 0 || out.includes('\ncrosswalk:')) throw new Error('jcsa/2025 codebook: expected headlines: and no crosswalk:');
    out = `${out.slice(0, at)}\ncrosswalk:\n  wave: '${previous}'${out.slice(at)}`;
  }
  return out;
}

/**
 * Writes `<folder>/data/jcsa/<year>/` and `<folder>/content/jcsa/<year>/` for `count` waves.
 * Returns the two roots.
 */
export function generateWaves(folder: string, count: number): { data: string; content: string } {
  rmSync(folder, { recursive: true, force: true });
  const data = join(folder, 'data');
  const content = join(folder, 'content');
  const codebook = readFileSync(join(SOURCE_DATA, 'codebook.yaml'), 'utf8');
  const years = waveIds(count).map(Number);
  for (const year of years) {
    const previous = years.includes(year - 1) ? year - 1 : null;
    const dataDir = join(data, 'jcsa', String(year));
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'codebook.yaml'), codebookForYear(codebook, year, previous));
    copyFileSync(join(SOURCE_DATA, 'responses.csv'), join(dataDir, 'responses.csv'));
    const contentDir = join(content, 'jcsa', String(year));
    mkdirSync(contentDir, { recursive: true });
    // Chapters import components by a path relative to themselves: point it at the repository's src/.
    const src = relative(contentDir, join(ROOT, 'src')).replaceAll('\\', '/');
    for (const file of readdirSync(SOURCE_CONTENT).filter((f) => f.endsWith('.mdx'))) {
      const mdx = readFileSync(join(SOURCE_CONTENT, file), 'utf8')
        .replace(`wave: '${LATEST}'`, `wave: '${year}'`)
        .replaceAll(`'../../../src/`, `'${src}/`);
      writeFileSync(join(contentDir, file), mdx);
    }
  }
  return { data, content };
}

/** Bytes of every file under `dir`, and how many `index.html` pages it holds. */
function measureOutput(dir: string): { bytes: number; pages: number; files: number } {
  let bytes = 0;
  let pages = 0;
  let files = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        bytes += statSync(p).size;
        files++;
        if (e.name === 'index.html') pages++;
      }
    }
  };
  walk(dir);
  return { bytes, pages, files };
}

/** Resident memory (bytes) of a process and all its descendants, from /proc (Linux). */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may contain spaces) — ppid is the 2nd, rss (pages) the 22nd.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      rss.set(Number(name), Number(fields[21]) * 4096);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

export interface BuildRun {
  seconds: number;
  /** CPU time (user + system) of the build and its children, when /usr/bin/time can tell. */
  cpuSeconds: number | null;
  peakBytes: number;
  output: string;
}

const TIME = '/usr/bin/time';

/** Runs `scripts/build.ts` with `env`, polling the process tree's RSS every 100 ms (and its CPU time through /usr/bin/time). */
export function timedBuild(env: NodeJS.ProcessEnv, args: string[] = []): Promise<BuildRun> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const cpuFile = join(tmpdir(), `hakusho-bench-cpu-${process.pid}`);
    const command = [process.execPath, join(ROOT, 'scripts', 'build.ts'), ...args];
    const timed = existsSync(TIME) ? [TIME, '-f', '%U %S', '-o', cpuFile, ...command] : command;
    const child = spawn(timed[0], timed.slice(1), { cwd: ROOT, env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peak = 0;
    const poll = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
    child.on('error', fail);
    child.on('close', (code) => {
      clearInterval(poll);
      const seconds = (performance.now() - started) / 1000;
      let cpuSeconds: number | null = null;
      if (existsSync(cpuFile)) {
        const [user, system] = readFileSync(cpuFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
        cpuSeconds = Number.isFinite(user + system) ? user + system : null;
        rmSync(cpuFile, { force: true });
      }
      if (code !== 0) fail(new Error(`build failed (${code}):\n${output.slice(-4000)}`));
      else done({ seconds, cpuSeconds, peakBytes: peak, output });
    });
  });
}

const COUNTS = (process.env.HAKUSHO_BENCH_WAVES ?? '1,4,8,16').split(',').map(Number);

export default async function (): Promise<string> {
  const work = join(ROOT, 'tmp', 'bench-waves');
  const out = mkdtempSync(join(tmpdir(), 'hakusho-bench-waves-'));
  const rows: string[] = [];
  const load = loadavg();
  let first: { count: number; seconds: number; cpu: number | null } | null = null;
  const cpu = (x: number | null) => (x === null ? '–' : `${x.toFixed(1)} s`);
  try {
    for (const count of COUNTS) {
      const folder = join(work, `w${count}`);
      const { data, content } = generateWaves(folder, count);
      const site = join(out, `w${count}`);
      const env = { HAKUSHO_DATA: data, HAKUSHO_CONTENT: content, HAKUSHO_OUT: site, HAKUSHO_CACHE: join(folder, 'astro-cache'), HAKUSHO_BUILD_CACHE: join(folder, 'build-cache') };
      const full = await timedBuild(env, ['--force']);
      const { bytes, pages, files } = measureOutput(site);
      const again = await timedBuild(env);
      // The skip line, in Japanese (the default) or English (HAKUSHO_LANG=en): scripts/build.ts.
      const reused = /nothing changed|変更がないので、そのままにしました/.test(again.output);
      first ??= { count, seconds: full.seconds, cpu: full.cpuSeconds };
      // What each wave beyond the first run's adds: flat when the build is linear in waves.
      const added = count > first.count ? `${((full.seconds - first.seconds) / (count - first.count)).toFixed(1)} s` : '–';
      const addedCpu = count > first.count && full.cpuSeconds !== null && first.cpu !== null ? `${((full.cpuSeconds - first.cpu) / (count - first.count)).toFixed(1)} s` : '–';
      rows.push(
        `| ${count} | ${full.seconds.toFixed(1)} s | ${cpu(full.cpuSeconds)} | ${added} | ${addedCpu} | ${pages.toLocaleString('en')} (${files.toLocaleString('en')} files) | ${(bytes / 1e6).toFixed(0)} MB | ${(full.peakBytes / 1e9).toFixed(2)} GB | ${again.seconds.toFixed(1)} s${reused ? '' : ' (rebuilt!)'} | ${(full.seconds / again.seconds).toFixed(0)}× |`,
      );
      console.error(rows.at(-1));
      rmSync(site, { recursive: true, force: true });
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return [
    `Copies of jcsa/2025 chained back from 2025 (chapters copied too); \`scripts/build.ts --force\` into a temp folder (nothing cached reused), then again with nothing changed. ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), load average before the run ${load.map((x) => x.toFixed(2)).join(' / ')}, after ${loadavg().map((x) => x.toFixed(2)).join(' / ')}, ${new Date().toISOString().slice(0, 10)}. CPU = user + system time of the build and its threads and children; "per added wave" = (this row − the first row) ÷ the waves added.`,
    '',
    '| waves | full build | CPU | per added wave | CPU per added wave | pages (files) | dist | peak RSS (build tree) | rebuild, nothing changed | full ÷ rebuild |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 16);
  const folder = resolve(process.argv[3] ?? join(ROOT, 'tmp', 'bench-waves', `w${count}`));
  const { data, content } = generateWaves(folder, count);
  console.log(`HAKUSHO_DATA=${data} HAKUSHO_CONTENT=${content}`);
  if (!existsSync(join(data, 'jcsa'))) process.exit(1);
}
