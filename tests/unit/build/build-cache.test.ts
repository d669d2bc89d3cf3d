/**
 * The build cache (scripts/build-cache.ts): a build is skipped only when every input is the same
 * as at the last complete build into the folder and the folder is as that build left it. Any
 * change to a data file, a content file, the code, the settings — or to the output — means a
 * build; a missing or damaged record means a build.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeKey, inputsKey, outputFingerprint, recordBuild, staleReason, staleReasonJa, type BuildInputs } from '../../../scripts/build-cache.ts';

let tmp: string;
let inputs: BuildInputs;
let out: string;
let cache: string;

function write(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'hakusho-build-cache-'));
  const root = join(tmp, 'repo');
  write(join(root, 'src', 'lib', 'a.ts'), 'export const a = 1;\n');
  write(join(root, 'public', 'robots.txt'), 'User-agent: *\n');
  write(join(root, 'scripts', 'build.ts'), '// build\n');
  write(join(root, 'astro.config.mjs'), 'export default {};\n');
  write(join(root, 'package-lock.json'), '{"lockfileVersion":3}\n');
  write(join(root, 'data', 'sample', '2025', 'codebook.yaml'), 'survey: {}\n');
  write(join(root, 'data', 'sample', '2025', 'responses.csv'), 'id,q1\n1,1\n');
  write(join(root, 'content', 'sample', '2025', 'ch1.mdx'), '---\ntitle: 一\n---\n');
  inputs = { root, data: join(root, 'data'), content: join(root, 'content'), args: [], env: {} };
  out = join(tmp, 'dist');
  write(join(out, 'index.html'), '<!doctype html>');
  write(join(out, 'sample', '2025', 'index.html'), '<!doctype html>');
  cache = join(tmp, 'cache');
});

afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('inputsKey', () => {
  it('is the same when nothing changed, and changes with any data, content or code file', () => {
    const key = inputsKey(inputs);
    expect(inputsKey(inputs)).toBe(key);
    const changes: Array<[string, string]> = [
      [join(inputs.data, 'sample', '2025', 'responses.csv'), 'id,q1\n1,2\n'],
      [join(inputs.content, 'sample', '2025', 'ch1.mdx'), '---\ntitle: 二\n---\n'],
      [join(inputs.root, 'src', 'lib', 'a.ts'), 'export const a = 2;\n'],
      [join(inputs.root, 'public', 'robots.txt'), 'User-agent: bot\n'],
      [join(inputs.root, 'package-lock.json'), '{"lockfileVersion":4}\n'],
      [join(inputs.data, '.cellkey-secret'), 'another secret\n'],
    ];
    const keys = new Set([key]);
    for (const [file, text] of changes) {
      write(file, text);
      const changed = inputsKey(inputs);
      expect(keys.has(changed), file).toBe(false);
      keys.add(changed);
    }
  });

  it('changes when a file is added, removed or renamed, not when only its time changes', () => {
    const key = inputsKey(inputs);
    const file = join(inputs.content, 'sample', '2025', 'ch1.mdx');
    utimesSync(file, new Date(2001, 1, 1), new Date(2001, 1, 1));
    expect(inputsKey(inputs)).toBe(key);
    write(join(inputs.content, 'sample', '2025', 'ch2.mdx'), '---\ntitle: 二\n---\n');
    const added = inputsKey(inputs);
    expect(added).not.toBe(key);
    rmSync(join(inputs.content, 'sample', '2025', 'ch2.mdx'));
    expect(inputsKey(inputs)).toBe(key);
    rmSync(file);
    write(join(inputs.content, 'sample', '2025', 'ch9.mdx'), '---\ntitle: 一\n---\n');
    expect(inputsKey(inputs)).not.toBe(key);
  });

  it('changes with the settings: another data folder, a secret in the environment, astro arguments', () => {
    const key = inputsKey(inputs);
    expect(inputsKey({ ...inputs, env: { HAKUSHO_CELL_KEY_SECRET: 'x'.repeat(32) } })).not.toBe(key);
    expect(inputsKey({ ...inputs, env: { HAKUSHO_SOURCEMAP: '1' } })).not.toBe(key);
    expect(inputsKey({ ...inputs, env: { HAKUSHO_SITE_URL: 'https://hakusho.example.jp/' } })).not.toBe(key);
    expect(inputsKey({ ...inputs, args: ['--verbose'] })).not.toBe(key);
    // A content folder that does not exist is not the same as one with chapters.
    expect(inputsKey({ ...inputs, content: join(tmp, 'nowhere') })).not.toBe(key);
    // Where the output goes is not an input.
    expect(inputsKey({ ...inputs, env: { HAKUSHO_OUT: '/elsewhere', HAKUSHO_CACHE: '/cache' } })).toBe(key);
  });

  it('takes the code key it is given (scripts/build.ts computes it once)', () => {
    expect(inputsKey(inputs, codeKey(inputs.root))).toBe(inputsKey(inputs));
    expect(inputsKey(inputs, 'another code')).not.toBe(inputsKey(inputs));
  });
});

describe('staleReason and recordBuild', () => {
  it('skips only a recorded build of the same inputs whose folder is unchanged', () => {
    const key = inputsKey(inputs);
    expect(staleReason(cache, out, key)).toBe('no earlier build recorded for this output folder');
    recordBuild(cache, out, key);
    expect(staleReason(cache, out, key)).toBeNull();
    expect(staleReason(cache, join(tmp, 'other-dist'), key)).toBe('no earlier build recorded for this output folder');
    write(join(inputs.data, 'sample', '2025', 'responses.csv'), 'id,q1\n1,2\n');
    expect(staleReason(cache, out, inputsKey(inputs))).toBe('inputs changed');
  });

  it('builds again when the output folder was changed, emptied or removed after the build', () => {
    const key = inputsKey(inputs);
    recordBuild(cache, out, key);
    write(join(out, 'sample', '2025', 'index.html'), '<!doctype html><p>edited');
    expect(staleReason(cache, out, key)).toBe('the output folder was changed since it was built');
    recordBuild(cache, out, key);
    write(join(out, 'extra.html'), '');
    expect(staleReason(cache, out, key)).toBe('the output folder was changed since it was built');
    recordBuild(cache, out, key);
    rmSync(join(out, 'sample'), { recursive: true });
    expect(staleReason(cache, out, key)).toBe('the output folder was changed since it was built');
    rmSync(out, { recursive: true });
    expect(staleReason(cache, out, key)).toBe('the output folder is missing');
  });

  it('fails safe: a damaged or foreign record means a build', () => {
    const key = inputsKey(inputs);
    recordBuild(cache, out, key);
    const records = readdirSync(join(cache, 'builds'));
    expect(records).toHaveLength(1);
    const file = join(cache, 'builds', records[0]);
    writeFileSync(file, '{"version":1,"out":');
    expect(staleReason(cache, out, key)).toBe('the cache record is unreadable');
    writeFileSync(file, JSON.stringify({ version: 0, out, key, output: outputFingerprint(out) }));
    expect(staleReason(cache, out, key)).toBe('the cache record is of another format');
    writeFileSync(file, 'null');
    expect(staleReason(cache, out, key)).toBe('the cache record is of another format');
  });
});

describe('staleReasonJa', () => {
  it('has a Japanese line for every reason staleReason can give', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../../../scripts/build-cache.ts', import.meta.url), 'utf8');
    const fn = source.slice(source.indexOf('export function staleReason'), source.indexOf('export function recordBuild'));
    const reasons = [...fn.matchAll(/return '([^']+)'/g)].map((m) => m[1]);
    expect(reasons.length).toBeGreaterThanOrEqual(7);
    for (const r of reasons) expect(staleReasonJa[r], r).toMatch(/[ぁ-んァ-ン一-龥]/);
  });
});
