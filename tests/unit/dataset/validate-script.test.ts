/**
 * `npm run validate` as editors use it: the grouped problems on stderr and exit code 1, or a
 * summary and 0 — in Japanese, or in English with `--lang en` or HAKUSHO_LANG=en.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// HAKUSHO_LANG of the machine running the tests must not decide the language expected here.
const env = (lang?: string) => {
  const { HAKUSHO_LANG: _, ...rest } = process.env;
  return lang === undefined ? rest : { ...rest, HAKUSHO_LANG: lang };
};
const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/validate.ts', ...args], { encoding: 'utf8', env: env() });
const runIn = (lang: string, ...args: string[]) => spawnSync(process.execPath, ['scripts/validate.ts', ...args], { encoding: 'utf8', env: env(lang) });

describe('scripts/validate.ts', () => {
  const root = 'tests/fixtures/dataset/malformed/routing-answered-outside';
  const english = `✗ ${root}/: 1 problem to fix\n\n  ${root}/sample/2025/responses.csv row 7, column cs_effect (column I): "3" is answered, but the respondent is outside the question's universe "doing_cs" (expected blank (the question was not asked))\n\n`;
  it('prints every problem, in Japanese, and exits 1', () => {
    const { status, stderr } = run(root, '--quiet');
    expect(status).toBe(1);
    expect(stderr).toBe(
      `✗ ${root}/: 直すべき問題が 1 件あります\n\n  ${root}/sample/2025/responses.csv 7行目・列 cs_effect (I列): "3" と回答していますが、回答者はこの設問の対象（universe "doing_cs"）外です（想定: 空欄（この設問は聞いていない））\n\n`,
    );
  });
  it('prints them in English with --lang en, --lang=en or HAKUSHO_LANG=en (the option wins)', () => {
    expect(run('--lang', 'en', root, '--quiet').stderr).toBe(english);
    expect(run(root, '--lang=en').stderr).toBe(english);
    expect(runIn('en', root).stderr).toBe(english);
    expect(runIn('en', root, '--lang', 'ja').stderr).toMatch(/^✗ .*: 直すべき問題が 1 件あります/);
  });
  it('summarises valid waves and exits 0; --quiet prints nothing', () => {
    const loud = run('tests/fixtures/dataset/valid');
    expect(loud.status).toBe(0);
    expect(loud.stdout).toContain('✓ tests/fixtures/dataset/valid/sample/2025: サンプル調査 2025 — 回答者 12 人、変数 10 個');
    expect(loud.stdout).toMatch(/\n調査回 2 件に問題なし（\d+\.\d 秒）\n$/);
    expect(runIn('en', 'tests/fixtures/dataset/valid').stdout).toContain('✓ tests/fixtures/dataset/valid/sample/2025: サンプル調査 2025 — 12 respondents, 10 variables');
    const quiet = run('tests/fixtures/dataset/valid', '--quiet');
    expect([quiet.status, quiet.stdout, quiet.stderr]).toEqual([0, '', '']);
  });
  it('a broken copy of a wave: every problem located in Japanese, repeats grouped, the codebook path named by its question', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'hakusho-validate-ja-'));
    try {
      cpSync('tests/fixtures/dataset/valid', tmp, { recursive: true });
      const csv = join(tmp, 'sample', '2025', 'responses.csv');
      const [header, ...rows] = readFileSync(csv, 'utf8').trimEnd().split('\n');
      const sector = header.split(',').indexOf('sector');
      // Three rows answer sector with a code it does not have.
      const broken = rows.map((r, i) => (i < 3 ? r.split(',').map((c, k) => (k === sector ? '7' : c)).join(',') : r));
      writeFileSync(csv, [header.replace('cs_effect', 'cs_efect'), ...broken, ''].join('\n'));
      const codebook = join(tmp, 'sample', '2025', 'codebook.yaml');
      writeFileSync(codebook, readFileSync(codebook, 'utf8').replace('    universe: doing_cs\n', '    universe: doing_cx\n'));
      const { status, stderr } = run(tmp);
      expect(status).toBe(1);
      const lines = stderr.split('\n').filter((l) => l.startsWith('  '));
      expect(stderr.split('\n')[0]).toBe(`✗ ${tmp}/: 直すべき問題が ${lines.length} 件あります`);
      expect(lines).toEqual([`  ${tmp}/sample/2025/codebook.yaml 46行目・設問 cs_effect（questions[3]）の universe: "doing_cx" はこのコードブックの universe にありません（もしかして: doing_cs）（想定: all, doing_cs, saas_doing_cs のいずれか）`]);
      // With the codebook mended, the data's own problems.
      writeFileSync(codebook, readFileSync(codebook, 'utf8').replace('universe: doing_cx', 'universe: doing_cs'));
      const data = run(tmp);
      expect(data.stderr.split('\n').filter((l) => l.startsWith('  '))).toEqual([
        `  ${tmp}/sample/2025/responses.csv 1行目・列 cs_efect (I列): "cs_efect" はコードブックにない列です（もしかして: cs_effect）（想定: ID列 "id"、設問ID、<複数回答の設問>__<選択肢コード>、<グリッドの設問>__<行ID> のいずれか）`,
        `  ${tmp}/sample/2025/responses.csv 列 sector (C列)、3行: 選択肢にありません（想定: 1, 2） — 2行目 "7"、3行目 "7"、4行目 "7"`,
      ]);
      expect(data.stderr).not.toMatch(/\b(?:row|column|expected|is not)\b/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
  it('never prints raw control characters from data files: column names, values and titles are escaped', () => {
    const bad = run('tests/fixtures/dataset/malformed/ansi-column-name', '--quiet');
    expect(bad.status).toBe(1);
    expect(bad.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(bad.stderr).toContain('列 \\u001b[2J\\u001b[Hfake (O列): "\\u001b[2J\\u001b[Hfake" はコードブックにない列です');
    const tmp = mkdtempSync(join(tmpdir(), 'hakusho-validate-escape-'));
    try {
      cpSync('tests/fixtures/dataset/valid', tmp, { recursive: true });
      const codebook = join(tmp, 'sample', '2025', 'codebook.yaml');
      writeFileSync(codebook, readFileSync(codebook, 'utf8').replace('  title: サンプル調査 2025\n', '  title: "サンプル\\e[2J\\e[H調査\\u202E"\n'));
      const good = run(tmp);
      expect(good.status).toBe(0);
      expect(good.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
      expect(good.stdout).toContain(`✓ ${tmp}/sample/2025: サンプル\\u001b[2J\\u001b[H調査\\u202e — 回答者 12 人、変数 10 個`);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
