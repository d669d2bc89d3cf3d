/** `npm run validate` as editors use it: the grouped problems on stderr and exit code 1, or a summary and 0. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/validate.ts', ...args], { encoding: 'utf8' });

describe('scripts/validate.ts', () => {
  it('prints every problem and exits 1', () => {
    const root = 'tests/fixtures/dataset/malformed/routing-answered-outside';
    const { status, stderr } = run(root, '--quiet');
    expect(status).toBe(1);
    expect(stderr).toBe(
      `✗ ${root}/: 1 problem to fix\n\n  ${root}/sample/2025/responses.csv row 7, column cs_effect (column I): "3" is answered, but the respondent is outside the question's universe "doing_cs" (expected blank (the question was not asked))\n\n`,
    );
  });
  it('summarises valid waves and exits 0; --quiet prints nothing', () => {
    const loud = run('tests/fixtures/dataset/valid');
    expect(loud.status).toBe(0);
    expect(loud.stdout).toContain('✓ tests/fixtures/dataset/valid/sample/2025: サンプル調査 2025 — 12 respondents, 10 variables');
    const quiet = run('tests/fixtures/dataset/valid', '--quiet');
    expect([quiet.status, quiet.stdout, quiet.stderr]).toEqual([0, '', '']);
  });
  it('never prints raw control characters from data files: column names, values and titles are escaped', () => {
    const bad = run('tests/fixtures/dataset/malformed/ansi-column-name', '--quiet');
    expect(bad.status).toBe(1);
    expect(bad.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(bad.stderr).toContain('column \\u001b[2J\\u001b[Hfake (column O): "\\u001b[2J\\u001b[Hfake" is not a column the codebook knows');
    const tmp = mkdtempSync(join(tmpdir(), 'hakusho-validate-escape-'));
    try {
      cpSync('tests/fixtures/dataset/valid', tmp, { recursive: true });
      const codebook = join(tmp, 'sample', '2025', 'codebook.yaml');
      writeFileSync(codebook, readFileSync(codebook, 'utf8').replace('  title: サンプル調査 2025\n', '  title: "サンプル\\e[2J\\e[H調査\\u202E"\n'));
      const good = run(tmp);
      expect(good.status).toBe(0);
      expect(good.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
      expect(good.stdout).toContain(`✓ ${tmp}/sample/2025: サンプル\\u001b[2J\\u001b[H調査\\u202e — 12 respondents, 10 variables`);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
