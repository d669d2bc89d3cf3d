/**
 * The build cache of `npm run build` (scripts/build.ts): when nothing a build reads has changed
 * since the last complete build into the same output folder, and that folder still holds exactly
 * what that build wrote, the build is skipped and the folder kept as it is.
 *
 * What a build reads (its inputs): every file of the data folder (`$HAKUSHO_DATA`, hidden files
 * such as `.cellkey-secret` included) and of the content folder (`$HAKUSHO_CONTENT`); the site's
 * code — `src/`, `public/`, `scripts/`, the configuration files, `package.json`,
 * `package-lock.json` and the installed tree's `node_modules/.package-lock.json`; the Node
 * version and platform; the environment variables that change the output (`HAKUSHO_*`, the
 * cell-key secret) and the arguments passed to `astro build`. The key is the SHA-256 of all of
 * them, file contents included (not times: a checkout that rewrites files with the same bytes
 * keeps the cache).
 *
 * The record of a build (`<cache>/builds/<hash of the output path>.json`) holds its key and a
 * fingerprint of the output folder (every file's path, size and modification time). Anything
 * missing, unreadable, of another format or not matching means a full build: the cache can only
 * ever skip a build whose result is already in place.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** Bumped when the record's meaning changes: older records are then ignored. */
const RECORD_VERSION = 1;

/** Code and configuration a build reads besides the data and content folders, relative to the repository. */
export const CODE_INPUTS = ['src', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json'];

/** Environment variables that change what a build writes (HAKUSHO_OUT and HAKUSHO_CACHE name where, not what). */
const ENV_INPUTS = ['HAKUSHO_DATA', 'HAKUSHO_CONTENT', 'HAKUSHO_CELL_KEY_SECRET', 'HAKUSHO_SOURCEMAP', 'HAKUSHO_SITE_URL', 'NODE_ENV'];

/** Adds a file or a folder (every file under it, sorted by path: names and bytes) to a hash; links are followed, as the build follows them. */
function hashTree(hash: Hash, path: string, label: string): void {
  if (!existsSync(path)) {
    hash.update(`missing\0${label}\0`);
    return;
  }
  if (statSync(path).isDirectory()) {
    hash.update(`dir\0${label}\0`);
    for (const entry of readdirSync(path).sort()) hashTree(hash, join(path, entry), `${label}/${entry}`);
    return;
  }
  const bytes = readFileSync(path);
  hash.update(`file\0${label}\0${bytes.length}\0`);
  hash.update(bytes);
}

/**
 * What a protected cube is computed with besides its wave's data and the secret: the engine
 * (`src/lib`, and `src/server`, which reads the data), the installed packages and Node. Pages,
 * components and scripts are not in it: a change to them keeps the cached cubes
 * (src/server/cube.ts, `$HAKUSHO_ENGINE_KEY`).
 */
export const ENGINE_INPUTS = ['src/lib', 'src/server', 'package-lock.json', 'node_modules/.package-lock.json'];

/** SHA-256 (hex) of the engine's code (ENGINE_INPUTS) and the Node it runs on. */
export function engineKey(root: string): string {
  const hash = createHash('sha256');
  hash.update(`hakusho-engine\0${process.version}\0${process.platform}\0${process.arch}\0`);
  for (const input of ENGINE_INPUTS) hashTree(hash, join(root, input), input);
  return hash.digest('hex');
}

/** SHA-256 (hex) of the site's code and configuration (CODE_INPUTS) and the Node it runs on. */
export function codeKey(root: string): string {
  const hash = createHash('sha256');
  hash.update(`hakusho-build-code\0${process.version}\0${process.platform}\0${process.arch}\0`);
  for (const input of CODE_INPUTS) hashTree(hash, join(root, input), input);
  return hash.digest('hex');
}

export interface BuildInputs {
  /** Repository root (where astro.config.mjs is). */
  root: string;
  /** Data and content folders, as the build resolves them. */
  data: string;
  content: string;
  /** Arguments passed through to `astro build` (without the cache's own `--force`). */
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** The cache key of a build: SHA-256 (hex) over every input (module comment). */
export function inputsKey(inputs: BuildInputs, code = codeKey(inputs.root)): string {
  const hash = createHash('sha256');
  hash.update(`hakusho-build\0${RECORD_VERSION}\0${code}\0`);
  hash.update(`args\0${JSON.stringify(inputs.args)}\0`);
  for (const name of ENV_INPUTS) hash.update(`env\0${name}\0${inputs.env[name] ?? '\u0000unset'}\0`);
  hashTree(hash, resolve(inputs.data), 'data');
  hashTree(hash, resolve(inputs.content), 'content');
  return hash.digest('hex');
}

/** Fingerprint (hex) of a folder as written: every file's path, size and modification time. */
export function outputFingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (p: string) => {
    for (const entry of readdirSync(p, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = join(p, entry.name);
      const stat = lstatSync(full);
      hash.update(`${relative(dir, full)}\0${entry.isDirectory() ? 'd' : `${stat.size}\0${stat.mtimeMs}`}\0`);
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return hash.digest('hex');
}

interface BuildRecord {
  version: number;
  out: string;
  key: string;
  output: string;
}

/** Where the record of builds into `out` is kept. */
function recordPath(cacheDir: string, out: string): string {
  return join(cacheDir, 'builds', `${createHash('sha256').update(resolve(out)).digest('hex').slice(0, 32)}.json`);
}

/** The reasons `staleReason` gives, as editors read them in Japanese (scripts/build.ts). */
export const staleReasonJa: Readonly<Record<string, string>> = {
  'no earlier build recorded for this output folder': 'この出力フォルダへの前回のビルドの記録がありません',
  'the cache record is unreadable': 'キャッシュの記録が読めません',
  'the cache record is of another format': 'キャッシュの記録の形式が違います',
  'inputs changed': '入力が変わりました',
  'the output folder is missing': '出力フォルダがありません',
  'the output folder was changed since it was built': '出力フォルダがビルド後に変更されています',
  'the output folder could not be read': '出力フォルダを読めません',
  '--force': '--force の指定',
};

/** Why a build into `out` cannot be skipped, or null when its inputs match its record and the folder is as written. */
export function staleReason(cacheDir: string, out: string, key: string): string | null {
  const file = recordPath(cacheDir, out);
  if (!existsSync(file)) return 'no earlier build recorded for this output folder';
  let record: BuildRecord;
  try {
    record = JSON.parse(readFileSync(file, 'utf8')) as BuildRecord;
  } catch {
    return 'the cache record is unreadable';
  }
  if (typeof record !== 'object' || record === null || record.version !== RECORD_VERSION || record.out !== resolve(out) || typeof record.key !== 'string' || typeof record.output !== 'string') return 'the cache record is of another format';
  if (record.key !== key) return 'inputs changed';
  if (!existsSync(join(out, 'index.html'))) return 'the output folder is missing';
  try {
    if (outputFingerprint(out) !== record.output) return 'the output folder was changed since it was built';
  } catch {
    return 'the output folder could not be read';
  }
  return null;
}

/** Records a complete build of `key` into `out` (written atomically; a failure only costs the next build its skip). */
export function recordBuild(cacheDir: string, out: string, key: string): void {
  const file = recordPath(cacheDir, out);
  const record: BuildRecord = { version: RECORD_VERSION, out: resolve(out), key, output: outputFingerprint(out) };
  mkdirSync(join(cacheDir, 'builds'), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify(record));
  renameSync(partial, file);
}
