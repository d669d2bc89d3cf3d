/**
 * `npm run validate` checks the chapters too ($HAKUSHO_DATA + $HAKUSHO_CONTENT, as the build
 * reads them): every problem located and in Japanese, exit 1; the real content passes; and
 * `npm run build` stops at validate, before Astro starts, with the located message.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DATA = 'tests/fixtures/dataset/valid';
const MISTAKES = 'tests/fixtures/content/mistakes';
const validate = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, ['scripts/validate.ts', ...args], { encoding: 'utf8', env: { ...process.env, HAKUSHO_LANG: '', ...env } });
/** The environment without the two folders (data/ and content/), and in the default language. */
function withoutFolders(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const { HAKUSHO_DATA: _d, HAKUSHO_CONTENT: _c, HAKUSHO_LANG: _l, ...rest } = env;
  return rest;
}

describe('scripts/validate.ts on chapters', () => {
  it('exits 1 listing every chapter problem with file:line, what was found and what is expected', () => {
    const { status, stdout, stderr } = validate({ HAKUSHO_DATA: DATA, HAKUSHO_CONTENT: MISTAKES }, '--quiet');
    expect(status).toBe(1);
    expect(stdout).toBe('');
    const ch = `${MISTAKES}/sample/2025/overview.mdx`;
    expect(stderr).toBe(
      [
        `✗ ${MISTAKES}/: 章に 15 件の問題があります`,
        '',
        `  ${MISTAKES}/sample/2025/overview のコピー.mdx:5 と ${ch}:5 が同じページ /sample/2025/overview/ を作ります（chapter: overview）。1つの章は1つのファイルにしてください（コピーなら削除するか、chapter を変えてください）。`,
        `  ${ch}:14 <Stat q="cs_teem"> の設問「cs_teem」は sample/2025 にありません（もしかして：cs_team）。`,
        `  ${ch}:16 <Stat q="nps_score"> の設問「nps_score」は sample/2025 にありません。選べる設問：sector、cs_team、tools、cs_effect、churn、employees、measures、measures__onboarding、measures__health、size。`,
        `  ${ch}:18 <Stat q="sector" option={3}> の選択肢「3」は設問 sector にありません。選べる選択肢：1（SaaS）、2（非SaaS）。`,
        `  ${ch}:18 <Stat q="sector" net="top2"> のネット「top2」は設問 sector にありません。設問 sector にはネットがありません。`,
        `  ${ch}:20 <Stat q="cs_team" universe="doing_cx"> の集計対象「doing_cx」は sample/2025 にありません（もしかして：doing_cs）。`,
        `  ${ch}:22 <Chart q="tools" universe="saas_only"> の集計対象「saas_only」は sample/2025 にありません。選べる集計対象：all、doing_cs、saas_doing_cs。`,
        `  ${ch}:24 <Chart q="tools" by="sectr"> の分析軸「sectr」は sample/2025 にありません（もしかして：sector）。`,
        `  ${ch}:26 <Stat q="sector" wave="2023"> の調査回「2023」は調査 sample にありません（もしかして：2024）。`,
        `  ${ch}:28 本文に数値「86.0」が直接書かれています（…回答者の86.0%がツールを使っています…）。数値は <Stat> で引用してください。`,
        `  ${ch}:30 <Chart q="tools" univers="doing_cs"> の属性 univers は <Chart> にありません（もしかして：universe）。使える属性：q、by、universe、filters、kind、title、survey、wave、id、level、lang。`,
        `  ${ch}:30 <Chart q="tools" kind="bras"> の表示形式「bras」は <Chart> にありません（もしかして：bars）。`,
        `  ${ch}:32 <Change q="cs_team" from="2023"> の調査回「2023」には、この設問・選択肢の経年比較の値がありません（もしかして：2024）。`,
        `  ${ch}:34 <Stat q="comment"> の設問「comment」は非公開のデータのため、章では使えません。選べる設問：sector、cs_team、tools、cs_effect、churn、employees、measures、measures__onboarding、measures__health、size。`,
        `  ${ch}:36 <Stat q="tools"> の設問「tools」は sample/2024 の公表集計表にありません。選べる設問：sector、cs_team、cs_effect_old。`,
        '',
        '⚠ 注意 1 件',
        '',
        `  ${DATA}/sample/2025/codebook.yaml:108 章 effect（「CSの効果」）の MDX がありません（${MISTAKES}/ に survey: sample、wave: '2025'、chapter: effect の .mdx がありません）。報告書の表紙には未掲載の章として表示されます。`,
        '',
        '',
      ].join('\n'),
    );
  });

  it('passes on the real content against the real data, quietly: every listed chapter is written', () => {
    const { status, stdout, stderr } = spawnSync(process.execPath, ['scripts/validate.ts'], { encoding: 'utf8', env: withoutFolders(process.env) });
    expect(status).toBe(0);
    expect(stdout).toMatch(/✓ content\/: 章 \d+ 件をこれらの調査回と照合しました\n/);
    expect(stdout).toMatch(/\n調査回 5 件に問題なし（\d+\.\d 秒）、章 \d+ 件に問題なし（\d+\.\d 秒）\n$/);
    expect(stderr).toBe('');
  });

  it('npm run build stops at validate with the located message, before Astro starts', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'hakusho-validate-build-'));
    const out = join(tmp, 'dist');
    try {
      const { status, stdout, stderr } = spawnSync('npm', ['run', 'build'], {
        encoding: 'utf8',
        env: { ...process.env, HAKUSHO_DATA: DATA, HAKUSHO_CONTENT: MISTAKES, HAKUSHO_OUT: out, HAKUSHO_CACHE: join(tmp, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      });
      const log = stdout + stderr;
      expect(status).not.toBe(0);
      expect(log).toContain(`  ${MISTAKES}/sample/2025/overview.mdx:14 <Stat q="cs_teem"> の設問「cs_teem」は sample/2025 にありません（もしかして：cs_team）。`);
      // Astro never ran: none of its log, nothing written.
      expect(log).not.toMatch(/\[build\]|\[content\]|\[vite\]/);
      expect(existsSync(out)).toBe(false);
      expect(existsSync(join(tmp, 'cache'))).toBe(false);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
