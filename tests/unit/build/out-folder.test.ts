/**
 * `HAKUSHO_OUT` may name any folder, inside the repository or not (issue 12, point 9): Astro loads
 * its own server chunks from the build folder, and outside the repository their packages did not
 * resolve ("Cannot find package '@oslojs/encoding'"). The same builds check the build cache
 * end to end: a second build with nothing changed is skipped and leaves the site as it was; a
 * changed data file builds again; `--force` builds anyway, and what it builds is recorded.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('scripts/build.ts into a folder outside the repository', () => {
  it('builds the site there, leaves no partial folder behind, and skips a build with nothing changed', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'hakusho-out-'));
    const out = join(tmp, 'site');
    const data = join(tmp, 'data');
    cpSync('tests/fixtures/dataset/valid', data, { recursive: true });
    const build = (args: string[] = [], extra: Record<string, string> = {}) => {
      const { status, stdout, stderr } = spawnSync(process.execPath, ['scripts/build.ts', ...args], {
        encoding: 'utf8',
        env: { ...process.env, HAKUSHO_DATA: data, HAKUSHO_CONTENT: join(tmp, 'no-content'), HAKUSHO_OUT: out, HAKUSHO_CACHE: join(tmp, 'cache'), HAKUSHO_NO_CACHE: '', HAKUSHO_SITE_URL: '', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...extra },
      });
      return { status, log: stdout + stderr };
    };
    try {
      const first = build();
      expect([first.status, first.log.includes('Cannot find package')]).toEqual([0, false]);
      expect(existsSync(join(out, 'index.html'))).toBe(true);
      expect(readdirSync(tmp).filter((n) => n.includes('.partial-') || n.includes('.old-'))).toEqual([]);
      expect(readdirSync('.').filter((n) => n.includes('.partial-'))).toEqual([]);
      const built = statSync(join(out, 'index.html')).mtimeMs;
      // No site address configured: permalinks are site paths, never a placeholder domain (issue 13, point 8).
      expect(first.log).toContain('HAKUSHO_SITE_URL が未設定のため');
      const question = readdirSync(join(out, 'sample', '2025', 'questions')).find((n) => existsSync(join(out, 'sample', '2025', 'questions', n, 'index.html')))!;
      const pageOf = () => readFileSync(join(out, 'sample', '2025', 'questions', question, 'index.html'), 'utf8');
      const permalinks = () => [...pageOf().matchAll(/href="([^"]*)" class="permalink-link"/g)].map((m) => m[1]).filter(Boolean);
      expect(permalinks().length).toBeGreaterThan(0);
      for (const href of permalinks()) expect(href).toMatch(new RegExp(`^/sample/2025/questions/${question}/#fig-`));
      expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('example.org');

      const again = build();
      expect(again.status).toBe(0);
      expect(again.log).toContain('のサイトを作ってからデータ・原稿・コード・設定に変更がないので、そのままにしました');
      expect(again.log).not.toMatch(/\[build\]/);
      expect(statSync(join(out, 'index.html')).mtimeMs).toBe(built);

      // A data file changes: the build runs and the site shows the change.
      const codebook = join(data, 'sample', '2025', 'codebook.yaml');
      writeFileSync(codebook, readFileSync(codebook, 'utf8').replace('title: サンプル調査 2025', 'title: サンプル調査 2025 改訂版'));
      const changed = build();
      expect(changed.status).toBe(0);
      expect(changed.log).toContain('build: サイトを作ります（入力が変わりました）');
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('サンプル調査 2025 改訂版');

      const forced = build(['--force'], { HAKUSHO_SITE_URL: 'https://hakusho.example.jp' });
      expect(forced.status).toBe(0);
      expect(forced.log).toContain('build: サイトを作ります（--force の指定）');
      expect(forced.log).toMatch(/\[build\]/);
      // The configured address makes permalinks absolute, in pages and in downloads.
      for (const href of permalinks()) expect(href).toMatch(new RegExp(`^https://hakusho\\.example\\.jp/sample/2025/questions/${question}/#fig-`));
      const csv = readdirSync(join(out, 'sample', '2025', 'questions', question)).find((n) => n.endsWith('.csv'))!;
      expect(readFileSync(join(out, 'sample', '2025', 'questions', question, csv), 'utf8')).toContain(`https://hakusho.example.jp/sample/2025/questions/${question}/`);
      // …and is recorded: the next build with nothing changed is skipped again.
      expect(build([], { HAKUSHO_SITE_URL: 'https://hakusho.example.jp' }).log).toContain('のサイトを作ってからデータ・原稿・コード・設定に変更がないので、そのままにしました');
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 600_000);

  it('refuses a site address that is not the root of an https or http host, before building anything', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'hakusho-site-'));
    try {
      const { status, stdout, stderr } = spawnSync(process.execPath, ['scripts/build.ts'], {
        encoding: 'utf8',
        env: { ...process.env, HAKUSHO_OUT: join(tmp, 'site'), HAKUSHO_NO_CACHE: '1', HAKUSHO_LANG: '', HAKUSHO_SITE_URL: "javascript:alert('U1')", NO_COLOR: '1' },
      });
      expect(status).toBe(1);
      expect(stderr).toContain("build 失敗: HAKUSHO_SITE_URL「javascript:alert('U1')」の形式「javascript:」は使えません（https: か http: のみ）");
      expect(stdout).not.toMatch(/\[build\]/);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
