/** `npm run validate` as editors use it: the grouped problems on stderr and exit code 1, or a summary and 0. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/validate.ts', ...args], { encoding: 'utf8' });

describe('scripts/validate.ts', () => {
  it('prints every problem and exits 1', () => {
    const root = 'tests/fixtures/dataset/malformed/routing-answered-outside';
    const { status, stderr } = run(root, '--quiet');
    expect(status).toBe(1);
    expect(stderr).toBe(
      `✗ ${root}/: 1 problem to fix\n\n  ${root}/sample/2025/responses.csv row 7, column cs_effect: "3" is answered, but the respondent is outside the question's universe "doing_cs" (expected blank (the question was not asked))\n\n`,
    );
  });
  it('summarises valid waves and exits 0; --quiet prints nothing', () => {
    const loud = run('tests/fixtures/dataset/valid');
    expect(loud.status).toBe(0);
    expect(loud.stdout).toContain('✓ tests/fixtures/dataset/valid/sample/2025: サンプル調査 2025 — 12 respondents, 10 variables');
    const quiet = run('tests/fixtures/dataset/valid', '--quiet');
    expect([quiet.status, quiet.stdout, quiet.stderr]).toEqual([0, '', '']);
  });
});
