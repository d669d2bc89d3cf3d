/**
 * `HAKUSHO_OUT` may name any folder, inside the repository or not (issue 12, point 9): Astro loads
 * its own server chunks from the build folder, and outside the repository their packages did not
 * resolve ("Cannot find package '@oslojs/encoding'").
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('scripts/build.ts into a folder outside the repository', () => {
  it('builds the site there and leaves no partial folder behind', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'hakusho-out-'));
    const out = join(tmp, 'site');
    try {
      const { status, stdout, stderr } = spawnSync(process.execPath, ['scripts/build.ts'], {
        encoding: 'utf8',
        env: { ...process.env, HAKUSHO_DATA: 'tests/fixtures/dataset/valid', HAKUSHO_CONTENT: join(tmp, 'no-content'), HAKUSHO_OUT: out, HAKUSHO_CACHE: join(tmp, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      });
      expect([status, (stdout + stderr).includes('Cannot find package')]).toEqual([0, false]);
      expect(existsSync(join(out, 'index.html'))).toBe(true);
      expect(readdirSync(tmp).filter((n) => n.includes('.partial-') || n.includes('.old-'))).toEqual([]);
      expect(readdirSync('.').filter((n) => n.includes('.partial-'))).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 300_000);
});
