/**
 * Publication fails closed, end to end: the fixture wave with `employees` restricted makes the
 * derived variable `size` (built from it, no publication given) restricted too. Built into a site,
 * nothing of `size` — its label, its option labels, its column — may appear in any built file
 * (pages, downloads, the protected cube's files and totals), nor a universe defined on
 * `employees`.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('a derived variable built on a restricted question', () => {
  it('reaches no built file', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'hakusho-publication-build-'));
    const data = join(tmp, 'data');
    const out = join(tmp, 'dist');
    try {
      cpSync('tests/fixtures/dataset/valid', data, { recursive: true });
      const codebookPath = join(data, 'sample', '2025', 'codebook.yaml');
      const codebook = readFileSync(codebookPath, 'utf8');
      expect(codebook.split('    integer: true\n').length).toBe(2);
      // employees restricted; a universe defined on it (used by no question) must stay unpublished too.
      const edited = codebook
        .replace('    integer: true\n', '    integer: true\n    publication: restricted\n')
        .replace('universes:\n', 'universes:\n  - id: big_firms\n    label: 従業員百人超の会社\n    filter: { q: employees, range: { min: 100 } }\n');
      writeFileSync(codebookPath, edited);
      mkdirSync(join(tmp, 'content'));

      const { status, stdout, stderr } = spawnSync(process.execPath, ['scripts/build.ts'], {
        encoding: 'utf8',
        env: {
          ...process.env,
          HAKUSHO_DATA: data,
          HAKUSHO_CONTENT: join(tmp, 'content'),
          HAKUSHO_OUT: out,
          HAKUSHO_CACHE: join(tmp, 'cache'),
          ASTRO_TELEMETRY_DISABLED: '1',
          NO_COLOR: '1',
          FORCE_COLOR: '0',
        },
      });
      expect(status, stdout + stderr).toBe(0);

      const built = files(out);
      // The fixture wave publishes aggregates (the default): a cube file per public question.
      const cube = built.filter((f) => f.includes(join('sample', '2025', 'cube'))).map((f) => f.split(/[\\/]/).pop());
      // The public variables are there (the check can see them) …
      expect(cube).toContain('cs_team.bin');
      // … the restricted question and the derived variable built on it are not.
      expect(cube).not.toContain('employees.bin');
      expect(cube).not.toContain('size.bin');
      expect(built.some((f) => f.endsWith('public.csv'))).toBe(false);
      // Label and option labels of size, and the restricted universe, in every file (text and binary alike, read as UTF-8).
      const secrets = ['企業規模', '100人未満', '100人以上', '従業員百人超の会社', 'big_firms'];
      const leaks = built.flatMap((f) => {
        const text = readFileSync(f).toString('utf8');
        return secrets.filter((s) => text.includes(s)).map((s) => `${f}: ${s}`);
      });
      expect(leaks).toEqual([]);
      expect(built.some((f) => readFileSync(f).toString('utf8').includes('CSチーム'))).toBe(true);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 300_000);
});
