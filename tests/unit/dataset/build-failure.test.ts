/**
 * Bad survey data fails the build in Astro's content layer itself (not only in `npm run validate`),
 * with the same message, before anything is written to the output folder.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('astro build with invalid data', () => {
  const root = 'tests/fixtures/dataset/malformed/duplicate-id';
  const build = (tmp: string, out: string, env: Record<string, string> = { HAKUSHO_DATA: root }) =>
    spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      encoding: 'utf8',
      // Messages in the default language (Japanese), whatever HAKUSHO_LANG the machine has.
      env: { ...process.env, HAKUSHO_LANG: '', ...env, HAKUSHO_OUT: out, HAKUSHO_CACHE: join(tmp, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    });

  it('stops in the content layer with the formatted problem and writes no output', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'hakusho-build-failure-'));
    const out = join(tmp, 'dist');
    try {
      const { status, stdout, stderr } = build(tmp, out);
      expect(status).not.toBe(0);
      expect(stdout + stderr).toContain(`${root}/sample/2025/responses.csv 12行目・列 id (A列): "r10" は11行目と同じIDです（想定: 重複しない回答者ID）`);
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('words the problem in English with HAKUSHO_LANG=en', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'hakusho-build-failure-'));
    const out = join(tmp, 'dist');
    try {
      const { status, stdout, stderr } = build(tmp, out, { HAKUSHO_DATA: root, HAKUSHO_LANG: 'en' });
      expect(status).not.toBe(0);
      expect(stdout + stderr).toContain(`${root}/sample/2025/responses.csv row 12, column id (column A): "r10" repeats the id of row 11 (expected a unique respondent id)`);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('leaves an earlier complete build untouched rather than half-overwritten', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'hakusho-build-failure-'));
    const out = join(tmp, 'dist');
    try {
      mkdirSync(out);
      writeFileSync(join(out, 'index.html'), 'previous build');
      expect(build(tmp, out).status).not.toBe(0);
      expect(readdirSync(out)).toEqual(['index.html']);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('fails on an MDX chapter whose chapter id is not in its codebook', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'hakusho-build-failure-'));
    const out = join(tmp, 'dist');
    try {
      const data = 'tests/fixtures/dataset/valid';
      const { status, stdout, stderr } = build(tmp, out, { HAKUSHO_DATA: data, HAKUSHO_CONTENT: 'tests/fixtures/dataset/content-bad-chapter' });
      expect(status).not.toBe(0);
      expect(stdout + stderr).toContain(`chapter: 章 "effects" は ${data}/sample/2025/codebook.yaml の章にありません（もしかして: effect）（想定: overview, effect のいずれか）`);
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
