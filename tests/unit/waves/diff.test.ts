/**
 * `diffWaves` (issue 12, point 2): every kind of change between two waves, found from the two
 * codebooks and the later wave's crosswalk; and the CLI's messages.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readCodebook } from '../../../src/lib/dataset/codebook-read.ts';
import type { Codebook } from '../../../src/lib/dataset/codebook.ts';
import { diffText, diffWaves } from '../../../src/lib/waves/diff.ts';
import { waveCodebook } from '../../../scripts/diff-waves.ts';

function codebook(wave: string, questions: string, crosswalk = ''): Codebook {
  const text = `survey:
  id: s
  wave: '${wave}'
  title: 調査${wave}
  publisher: P
  fieldwork: { start: ${wave}-01-01, end: ${wave}-01-31 }
  method: web
  population: p
  n: 10
  citation: c
  licence: CC0
universes:
  - { id: doers, label: 取り組んでいる, filter: { q: engaged, in: [1] } }
questions:
  - { id: engaged, text: 取り組んでいますか, label: 取り組み, type: single, options: [{ code: 1, label: はい }, { code: 2, label: いいえ }] }
${questions}${crosswalk}`;
  const r = readCodebook(text, `${wave}.yaml`);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe('diffWaves', () => {
  it('finds added, dropped, renamed, relabelled, recoded, reworded and re-based questions and options, and crosswalk gaps', () => {
    const a = codebook('2025', `  - { id: effect, text: 効果はありますか, label: 効果, type: single, options: [{ code: 1, label: ある }, { code: 2, label: ない }, { code: 3, label: わからない }] }
  - { id: old_name, text: 人数, label: 人数, type: single, options: [{ code: 1, label: 少ない }, { code: 2, label: 多い }] }
  - { id: dropped_q, text: 消える設問, label: 消える, type: single, options: [{ code: 1, label: A }] }
  - { id: moved_q, text: 同じ文の設問, label: 動く, type: single, options: [{ code: 1, label: A }] }
  - { id: same_id, text: 同じID, label: 同じ, type: single, options: [{ code: 1, label: A }] }
  - { id: grid_q, text: 表, label: 表, type: grid, rows: [{ id: r1, label: 行1 }, { id: r2, label: 行2 }], options: [{ code: 1, label: A }] }
`);
    const b = codebook('2026', `  - { id: effect, text: 効果を感じていますか, label: 効果, type: single, universe: doers, options: [{ code: 1, label: 感じている }, { code: 2, label: ない }, { code: 4, label: 未定 }] }
  - { id: new_name, text: 人数, label: 人数, type: single, options: [{ code: 1, label: 多い }, { code: 2, label: 少ない }] }
  - { id: added_q, text: 新しい設問, label: 新しい, type: single, options: [{ code: 1, label: A }] }
  - { id: moved_q2, text: 同じ文の設問, label: 動いた, type: single, options: [{ code: 1, label: A }] }
  - { id: same_id, text: 同じID, label: 同じ, type: single, options: [{ code: 1, label: A }] }
  - { id: grid_q, text: 表, label: 表, type: grid, rows: [{ id: r1, label: 行1 }, { id: r3, label: 行3 }], options: [{ code: 1, label: A }] }
`, `crosswalk:
  wave: '2025'
  questions:
    - { question: engaged }
    - { question: effect }
    - { question: new_name, previous: old_name, options: { '1': 2, '2': 1 } }
    - { question: grid_q }
  breaks: [same_id]
`);
    const d = diffWaves(a, b);
    expect(d.linked).toBe(true);
    expect(d.added).toEqual([{ id: 'added_q', label: '新しい' }, { id: 'moved_q2', label: '動いた' }]);
    expect(d.dropped).toEqual([{ id: 'dropped_q', label: '消える' }, { id: 'moved_q', label: '動く' }]);
    expect(d.likelyRenames).toEqual([{ from: 'moved_q', to: 'moved_q2' }]);
    expect(d.renamed).toEqual([{ from: 'old_name', to: 'new_name', label: '人数' }]);
    expect(d.gaps).toEqual([{ id: 'same_id', label: '同じ' }]);
    // engaged is linked without being listed: the same id links by default.
    expect(d.unchanged).toBe(1);
    const effect = d.changed.find((c) => c.id === 'effect')!;
    expect(effect.text).toEqual({ from: '効果はありますか', to: '効果を感じていますか' });
    expect(effect.universe).toEqual({ from: 'all', to: 'doers' });
    expect(effect.options).toEqual([
      { kind: 'relabelled', to: 1, from: 1, label: '感じている', previousLabel: 'ある' },
      { kind: 'added', to: 4, label: '未定' },
      { kind: 'dropped', from: 3, label: 'わからない' },
    ]);
    // Recoded with the same labels: no relabel.
    expect(d.changed.find((c) => c.id === 'new_name')!.options).toEqual([
      { kind: 'recoded', to: 1, from: 2, label: '多い' },
      { kind: 'recoded', to: 2, from: 1, label: '少ない' },
    ]);
    expect(d.changed.find((c) => c.id === 'grid_q')!.rows).toEqual({ added: ['r3'], dropped: ['r2'] });
    const text = diffText(d).join('\n');
    expect(text).toContain('選択肢の表記の変更：1「ある」→「感じている」');
    expect(text).toContain('推移を切った設問（crosswalk.breaks、1）：same_id');
    expect(text).toContain('改名かもしれません：moved_q → moved_q2（設問文が同じです。改名なら crosswalk.questions に { question: moved_q2, previous: moved_q } を書いてください）');
    expect(text).toContain('IDが変わった設問（1）：old_name → new_name');
    expect(text).toContain('設問文：「効果はありますか」→「効果を感じていますか」');
  });
  it('links the same ids without a crosswalk, and says the earlier wave is not in the history', () => {
    const a = codebook('2025', '');
    const b = codebook('2026', '');
    const d = diffWaves(a, b);
    expect([d.linked, d.gaps, d.added, d.dropped, d.unchanged]).toEqual([false, [], [], [], 1]);
    expect(diffText(d)[1]).toBe('  注意：2026 の codebook に 2025 への対応表（crosswalk）がありません。同じIDの設問はつながりますが、調査回の履歴（比較できる前回調査）には 2025 が入りません。');
    expect(diffText(d, 'en').slice(0, 2)).toEqual([
      's: what changed from 2025 to 2026',
      "  Note: the codebook of 2026 has no crosswalk to 2025. Questions with the same id still link, but 2025 is not in the wave's history (earlier waves to compare with).",
    ]);
  });
});

describe('npm run diff-waves', () => {
  it('prints the diff of two sample waves, and names what is missing otherwise (Japanese)', () => {
    const ok = spawnSync(process.execPath, ['scripts/diff-waves.ts', 'virtualex', '2022', '2023'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('virtualex：2022 → 2023 の違い');
    expect(ok.stdout).toContain('追加された設問（12）');
    const missing = spawnSync(process.execPath, ['scripts/diff-waves.ts', 'virtualex', '2021', '2023'], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('調査回「2021」の codebook.yaml が data/virtualex/ にありません（ある調査回：2022、2023、2024）。');
    const usage = spawnSync(process.execPath, ['scripts/diff-waves.ts'], { encoding: 'utf8' });
    expect([usage.status, usage.stderr]).toEqual([2, expect.stringContaining('使い方：npm run diff-waves --')]);
  });
  it('a codebook that does not read is named with its first problem, located as validate locates it', () => {
    const root = 'tests/fixtures/dataset/malformed/bad-universe-ref';
    const where = `${root}/sample/2025/codebook.yaml`;
    expect(waveCodebook(root, 'sample', '2025')).toBe(
      `codebook.yaml を読めません：${where} 46行目・設問 cs_effect（questions[3]）の universe: "doing_cx" はこのコードブックの universe にありません（もしかして: doing_cs）（想定: all, doing_cs, saas_doing_cs のいずれか）（npm run validate で全ての問題を確認できます）`,
    );
    expect(waveCodebook(root, 'sample', '2025', 'en')).toBe(
      `cannot read codebook.yaml: ${where} line 46, questions[3] (id: cs_effect).universe: "doing_cx" is not a universe of this codebook — did you mean "doing_cs"? (expected one of all, doing_cs, saas_doing_cs) (npm run validate lists every problem)`,
    );
  });
  it('in English with HAKUSHO_LANG=en', () => {
    const env = { ...process.env, HAKUSHO_LANG: 'en' };
    const ok = spawnSync(process.execPath, ['scripts/diff-waves.ts', 'virtualex', '2022', '2023'], { encoding: 'utf8', env });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('virtualex: what changed from 2022 to 2023');
    expect(ok.stdout).toContain('Questions added (12): ');
    const missing = spawnSync(process.execPath, ['scripts/diff-waves.ts', 'virtualex', '2021', '2023'], { encoding: 'utf8', env });
    expect([missing.status, missing.stderr]).toEqual([1, 'diff-waves: no codebook.yaml of wave "2021" in data/virtualex/ (waves: 2022, 2023, 2024).\n']);
  });
});
