/**
 * `npm run new-wave` (issue 12, point 1): the next wave started from the previous one — the
 * codebook copied with a crosswalk and a checklist holding the previous wave's provenance
 * (validation fails while an item is open), chapter stubs; once the checklist is cleared the new
 * wave links to the previous one question by question without listing any.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { newWave } from '../../../scripts/new-wave.ts';
import { readCatalog } from '../../../src/server/catalog.ts';
import { trend } from '../../../src/lib/stats/trend.ts';
import { chapterStub, scaffoldCodebook } from '../../../src/lib/waves/scaffold.ts';

function sandbox() {
  const dir = mkdtempSync(join(tmpdir(), 'hakusho-new-wave-'));
  cpSync('data/jcsa', join(dir, 'data', 'jcsa'), { recursive: true });
  cpSync('content/jcsa', join(dir, 'content', 'jcsa'), { recursive: true });
  return { dir, data: join(dir, 'data'), content: join(dir, 'content') };
}

describe('scaffoldCodebook', () => {
  it('moves survey notes, question sources, notes, reconstructed and headlines into the checklist, keeps comments, and links to the previous wave', () => {
    const before = readFileSync('data/jcsa/2025/codebook.yaml', 'utf8');
    const { text, checklist } = scaffoldCodebook(before, '2025', '2026', ['ch1.mdx']);
    const cb = parse(text);
    expect(cb.survey.wave).toBe('2026');
    expect(cb.survey.notes).toBeUndefined();
    expect(cb.headlines).toBeUndefined();
    expect(cb.crosswalk).toEqual({ wave: '2025' });
    expect(cb.questions.filter((q: Record<string, unknown>) => 'source' in q || 'notes' in q || 'reconstructed' in q)).toEqual([]);
    expect(text).toContain('# ---------------------------------------------------------------- Chapter 1 調査対象の属性');
    const old = parse(before);
    const withProvenance = old.questions.filter((q: Record<string, unknown>) => 'source' in q || 'notes' in q || 'reconstructed' in q).length;
    // Each wave-specific survey field present (title … licence), the notes, each question with provenance, headlines, chapters.
    const fields = ['title', 'shortTitle', 'fieldwork', 'n', 'citation', 'contractor', 'method', 'population', 'licence'].filter((k) => k in old.survey).length;
    expect(fields).toBe(9);
    expect(checklist.length).toBe(fields + 1 + withProvenance + 1 + 1);
    expect(checklist.every((c) => c.done === false)).toBe(true);
    const cs = checklist.find((c) => c.item.startsWith('questions の cs_effect：'))!;
    expect(cs.previous).toEqual(Object.fromEntries(['source', 'notes', 'reconstructed'].filter((k) => k in old.questions.find((q: { id: string }) => q.id === 'cs_effect')).map((k) => [k, old.questions.find((q: { id: string }) => q.id === 'cs_effect')[k]])));
    expect(cb.checklist).toEqual(JSON.parse(JSON.stringify(checklist)));
  });
  it('writes chapter stubs with the frontmatter, the new wave and the previous charts', () => {
    const stub = chapterStub(readFileSync('content/jcsa/2025/ch3.mdx', 'utf8'), '2025', '2026', 'content/jcsa/2025/ch3.mdx');
    expect(stub).toMatch(/^---\ntitle: カスタマーサクセスの組織への浸透とその効果・課題\nsurvey: jcsa\nwave: '2026'\nchapter: ch3\n/);
    expect(stub).toContain('<Chart q="cs_effect" />');
    expect(stub).not.toContain('<Stat q=');
    expect(() => chapterStub('no frontmatter', '2025', '2026', 'x.mdx')).toThrow('x.mdx: no frontmatter');
  });
});

describe('npm run new-wave', () => {
  it('scaffolds jcsa/2026; validation lists every open item; cleared, the wave links to 2025 without a listed crosswalk', () => {
    const box = sandbox();
    try {
      const r = newWave(['jcsa', '2026'], box.data, box.content);
      expect(r.ok).toBe(true);
      expect(r.lines[0]).toMatch(/codebook\.yaml を作りました（2025 から。確認項目 \d+ 件、crosswalk は 2025 へ）$/);
      expect(existsSync(join(box.content, 'jcsa', '2026', 'ch3.mdx'))).toBe(true);
      // The delivery arrives (here: 2025's rows again).
      cpSync('data/jcsa/2025/responses.csv', join(box.data, 'jcsa', '2026', 'responses.csv'));
      const open = readCatalog(box.data);
      expect(open.ok).toBe(false);
      const problems = open.ok ? [] : open.problems;
      expect(problems.length).toBeGreaterThan(10);
      expect(new Set(problems.map((p) => p.rule))).toEqual(new Set(['checklist-open']));
      expect(problems[0]).toMatchObject({ file: join(box.data, 'jcsa', '2026', 'codebook.yaml'), column: 'checklist[0].done' });
      const file = join(box.data, 'jcsa', '2026', 'codebook.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll('done: false', 'done: true'));
      const done = readCatalog(box.data);
      expect(done.ok).toBe(true);
      if (!done.ok) return;
      const waves = ['2025', '2026'].map((w) => done.value.get('jcsa', w)!).map((w) => ({ codebook: w.codebook, dataset: w.dataset! }));
      expect(new Set(trend(waves, 'cs_effect', { universe: 'saas_doing_cs' }).points.map((p) => p.wave))).toEqual(new Set(['2025', '2026']));
      // Never overwrites.
      expect(newWave(['jcsa', '2026'], box.data, box.content)).toEqual({ ok: false, lines: [`${join(box.data, 'jcsa', '2026')}/ はもうあります。上書きはしません（作り直すときはフォルダを移動してから実行してください）。`] });
    } finally {
      rmSync(box.dir, { recursive: true, force: true });
    }
  }, 120_000);
  it('names what is wrong, in Japanese', () => {
    const box = sandbox();
    try {
      expect(newWave([], box.data, box.content).lines[0]).toMatch(/^使い方：npm run new-wave -- /);
      expect(newWave(['nosuch', '2026'], box.data, box.content).lines[0]).toBe(`調査「nosuch」は ${box.data}/ にありません（あるもの：jcsa）。`);
      expect(newWave(['jcsa', '2026/..'], box.data, box.content).lines[0]).toMatch(/^調査回「2026\/\.\.」は使えません。/);
      expect(newWave(['jcsa', '2026', '--from', '2019'], box.data, box.content).lines[0]).toBe(`元にする調査回「2019」の codebook.yaml が ${join(box.data, 'jcsa')}/ にありません（ある調査回：2025）。`);
    } finally {
      rmSync(box.dir, { recursive: true, force: true });
    }
  });
  it('names what is wrong, and what it did, in English on request', () => {
    const box = sandbox();
    try {
      expect(newWave([], box.data, box.content, 'en').lines[0]).toMatch(/^usage: npm run new-wave -- /);
      expect(newWave(['nosuch', '2026'], box.data, box.content, 'en').lines[0]).toBe(`survey "nosuch" is not in ${box.data}/ (there are: jcsa).`);
      expect(newWave(['jcsa', '2026/..'], box.data, box.content, 'en').lines[0]).toMatch(/^wave "2026\/\.\." cannot be used: /);
      expect(newWave(['jcsa', '2026', '--from', '2019'], box.data, box.content, 'en').lines[0]).toBe(`no codebook.yaml of the wave to start from, "2019", in ${join(box.data, 'jcsa')}/ (waves: 2025).`);
      const r = newWave(['jcsa', '2026'], box.data, box.content, 'en');
      expect(r.lines[0]).toMatch(/^✓ wrote .*codebook\.yaml \(from 2025; \d+ checklist items, crosswalk to 2025\)$/);
      expect(r.lines.join('\n')).not.toMatch(/[ぁ-んァ-ン]/);
      expect(newWave(['jcsa', '2026'], box.data, box.content, 'en').lines).toEqual([`${join(box.data, 'jcsa', '2026')}/ exists already and is not overwritten (move the folder away to start again).`]);
    } finally {
      rmSync(box.dir, { recursive: true, force: true });
    }
  });
});
