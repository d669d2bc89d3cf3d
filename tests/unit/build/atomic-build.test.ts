/**
 * `npm run build` is atomic (scripts/build.ts): a failure while rendering pages — after Astro has
 * started writing — must leave the previous complete site exactly as it was, remove Astro's
 * partial folder, and pass Astro's message through.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A valid chapter of the fixture wave whose running text quotes a question that does not exist. */
const BAD_CHAPTER = `---
title: CSの効果
survey: sample
wave: "2025"
chapter: effect
order: 1
summary: 存在しない設問を引用するテスト用の章。
---

CSチームがある会社は<Stat q="cs_teem" option={1} />です。
`;

describe('scripts/build.ts', () => {
  it('keeps the previous site when a page fails to render, and leaves no partial folder', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'hakusho-atomic-build-'));
    const out = join(tmp, 'dist');
    const content = join(tmp, 'content');
    try {
      mkdirSync(join(out, 'sample'), { recursive: true });
      writeFileSync(join(out, 'index.html'), 'previous build');
      writeFileSync(join(out, 'sample', 'page.html'), 'previous page');
      mkdirSync(content);
      writeFileSync(join(content, 'effect.mdx'), BAD_CHAPTER);

      const { status, stdout, stderr } = spawnSync(process.execPath, ['scripts/build.ts'], {
        encoding: 'utf8',
        env: {
          ...process.env,
          HAKUSHO_LANG: '',
          HAKUSHO_DATA: 'tests/fixtures/dataset/valid',
          HAKUSHO_CONTENT: content,
          HAKUSHO_OUT: out,
          HAKUSHO_CACHE: join(tmp, 'cache'),
          ASTRO_TELEMETRY_DISABLED: '1',
          NO_COLOR: '1',
          FORCE_COLOR: '0',
        },
      });
      const log = stdout + stderr;
      expect(status).not.toBe(0);
      // Astro's own message, naming the bad prop and the valid choices.
      expect(log).toContain('<Stat> q="cs_teem": no such public question in sample/2025. Valid: sector, cs_team');
      expect(log).toContain(`${out} には前回の完全なサイトが残っています`);
      // The previous site, byte for byte; nothing else next to it.
      expect(readdirSync(out).sort()).toEqual(['index.html', 'sample']);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous build');
      expect(readFileSync(join(out, 'sample', 'page.html'), 'utf8')).toBe('previous page');
      expect(readdirSync(tmp).sort()).toEqual(['cache', 'content', 'dist']);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
