/**
 * The editor's afternoon, end to end (issue 12): jcsa/2026 scaffolded from 2025 with
 * `npm run new-wave`, the codebook edited to this year's questionnaire (one question dropped, two
 * added, one option relabelled — no crosswalk entry for any unchanged question), the research
 * firm's delivery as a Shift_JIS CSV with CRLF and Excel's habits, then again as an .xlsx; every
 * message asserted as the editor reads it (Japanese, located by row, column letters, sheet and
 * cell); the mistakes fixed; the site built; and the new wave, its trend (with the relabel note)
 * and its chapter found in the built pages. Runs the real scripts in child processes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import writeExcelFile from 'write-excel-file/node';
import { parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import { columnLetters } from '../../../src/lib/dataset/problem.ts';

const root = mkdtempSync(join(tmpdir(), 'hakusho-editor-'));
const data = join(root, 'data');
const content = join(root, 'content');
const out = join(root, 'site');
const wave = join(data, 'jcsa', '2026');
const env = { ...process.env, HAKUSHO_DATA: data, HAKUSHO_CONTENT: content, HAKUSHO_OUT: out, HAKUSHO_CACHE: join(root, 'cache'), HAKUSHO_LANG: '', NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' };
const run = (script: string, ...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env });
/** The problem lines `validate` prints (two-space indented), and its notices (`  ! …`). */
const printed = (r: { stdout: string; stderr: string }) => `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.startsWith('  '));

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The 2025 delivery as rows (header first), edited as this year's: cs_comment dropped, ai_usage and ai_plan added. */
function deliveryRows(): string[][] {
  const rows = Papa.parse<string[]>(readFileSync('data/jcsa/2025/responses.csv', 'utf8').trim()).data;
  const drop = rows[0].indexOf('cs_comment');
  return rows.map((row, i) => [...row.filter((_, j) => j !== drop), i === 0 ? 'ai_usage' : String(1 + (i % 2)), i === 0 ? 'ai_plan' : String(1 + (i % 3))]);
}

describe('a new wave from delivery to the built site', () => {
  const header = deliveryRows()[0];
  const sizeColumn = header.indexOf('employee_size');
  const channelColumn = header.indexOf('response_channel');
  const letters = columnLetters(sizeColumn + 1);

  it('new-wave scaffolds 2026 from 2025 (codebook with a checklist, chapter stubs)', () => {
    cpSync('data/jcsa/2025', join(data, 'jcsa', '2025'), { recursive: true });
    cpSync('content/jcsa/2025', join(content, 'jcsa', '2025'), { recursive: true });
    const r = run('scripts/new-wave.ts', 'jcsa', '2026');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`✓ ${join(wave, 'codebook.yaml')} を作りました（2025 から。`);
    expect(existsSync(join(content, 'jcsa', '2026', 'ch1.mdx'))).toBe(true);
  });

  it('the codebook is edited to this year: a question dropped, two added, an option relabelled, one checklist item left open', () => {
    const path = join(wave, 'codebook.yaml');
    const doc = parseDocument(readFileSync(path, 'utf8'));
    doc.setIn(['survey', 'title'], 'カスタマーサクセス白書2026 第2部 SaaSレポート');
    doc.setIn(['survey', 'fieldwork'], doc.createNode({ start: '2025-12-01', end: '2025-12-31' }));
    const questions = doc.get('questions') as YAMLSeq<YAMLMap>;
    questions.items = questions.items.filter((q) => q.get('id') !== 'cs_comment');
    const jobTitle = questions.items.find((q) => q.get('id') === 'job_title')!;
    ((jobTitle.get('options') as YAMLSeq<YAMLMap>).items[0]).set('label', '経営者・役員（取締役を含む）');
    for (const [id, label] of [
      ['ai_usage', 'AIの活用'],
      ['ai_plan', 'AI活用の予定'],
    ])
      questions.items.push(doc.createNode({ id, chapter: 'ch1', type: 'single', text: `${label}について当てはまるものを選んでください。`, label, options: [{ code: 1, label: 'はい' }, { code: 2, label: 'いいえ' }, { code: 3, label: 'わからない', nonSubstantive: true }] }) as YAMLMap);
    const checklist = doc.get('checklist') as YAMLSeq<YAMLMap>;
    expect(checklist.items.length).toBeGreaterThan(3);
    checklist.items.forEach((item, i) => item.set('done', i > 0));
    writeFileSync(path, doc.toString());
  });

  it('a Shift_JIS CRLF delivery with Excel habits: each message in Japanese, located, all at once', () => {
    const rows = deliveryRows();
    rows[4][sizeColumn] = String.fromCharCode(0xff10 + Number(rows[4][sizeColumn])); // 「３」: full-width, read as the code
    rows[5][channelColumn] = `${rows[5][channelColumn]}.0`; // "1.0": read as the code
    rows[9][sizeColumn] = '99'; // row 10: not an option
    const csv = `${Papa.unparse(rows, { newline: '\r\n' })}\r\n${','.repeat(header.length - 1)}\r\n${','.repeat(header.length - 1)}\r\n`;
    writeFileSync(join(wave, 'responses.csv'), iconv.encode(csv, 'Shift_JIS'));
    const r = run('scripts/validate.ts');
    expect(r.status).toBe(1);
    const lines = printed(r);
    expect(lines).toContain(`  ${wave}/responses.csv 10行目・列 employee_size (${letters}列): "99" は選択肢にありません（想定: 1–5）`);
    expect(lines.filter((l) => l.includes('checklist'))).toHaveLength(1);
    expect(lines.find((l) => l.includes('checklist'))).toMatch(/^ {2}.*codebook\.yaml \d+行目・checklist\[0\].*まだ確認されていません/);
    // Excel's habits: one notice, not errors.
    expect(lines.filter((l) => l.startsWith('  ! '))).toEqual([expect.stringMatching(new RegExp(`^ {2}! ${wave}/responses\\.csv: 2セルを、Excel の書き方（全角数字、"5\\.0"、前後の空白）を直してからコードとして読みました（例: response_channel 行6「\\d\\.0」、employee_size 行5「[０-９]」）`))]);
    expect(lines.some((l) => /,,|blank-row|空行/.test(l))).toBe(false);
  });

  it('fixed, it validates: the same-id questions link to 2025 with no crosswalk entry', () => {
    const path = join(wave, 'codebook.yaml');
    const doc = parseDocument(readFileSync(path, 'utf8'));
    (doc.get('checklist') as YAMLSeq<YAMLMap>).items.forEach((item) => item.set('done', true));
    writeFileSync(path, doc.toString());
    expect(doc.getIn(['crosswalk', 'questions'])).toBeUndefined();
    const rows = deliveryRows();
    writeFileSync(join(wave, 'responses.csv'), iconv.encode(`${Papa.unparse(rows, { newline: '\r\n' })}\r\n`, 'Shift_JIS'));
    const r = run('scripts/validate.ts');
    expect(r.status, printed(r).join('\n')).toBe(0);
    expect(r.stdout).toMatch(/✓ .*jcsa\/2026: カスタマーサクセス白書2026 第2部 SaaSレポート/);
  });

  it('the same delivery as a workbook: the wrong cell named as Excel names it, then fixed', async () => {
    rmSync(join(wave, 'responses.csv'));
    const rows = deliveryRows();
    const cells = (broken: boolean) =>
      rows.map((row, r) => row.map((v, c) => (v === '' ? null : broken && r === 9 && c === sizeColumn ? { value: 99 } : r > 0 && /^\d+$/.test(v) ? { value: Number(v) } : { value: v })));
    await writeExcelFile(cells(true) as never, { sheet: '回答データ' }).toFile(join(wave, 'responses.xlsx'));
    const bad = run('scripts/validate.ts');
    expect(bad.status).toBe(1);
    expect(printed(bad)).toContain(`  ${wave}/responses.xlsx 回答データ!${letters}10・列 employee_size: "99" は選択肢にありません（想定: 1–5）`);
    await writeExcelFile(cells(false) as never, { sheet: '回答データ' }).toFile(join(wave, 'responses.xlsx'));
    const good = run('scripts/validate.ts');
    expect(good.status, printed(good).join('\n')).toBe(0);
  });

  it('builds, and the new wave, its trend with the relabel note and its chapter are on the site', () => {
    const r = spawnSync('npm', ['run', 'build'], { encoding: 'utf8', env });
    expect(r.status, `${r.stdout}\n${r.stderr}`.slice(-3000)).toBe(0);
    const cover = readFileSync(join(out, 'jcsa', '2026', 'index.html'), 'utf8');
    expect(cover).toContain('カスタマーサクセス白書2026 第2部 SaaSレポート');
    expect(cover).toContain('href="/jcsa/2026/ch1/"');
    const question = readFileSync(join(out, 'jcsa', '2026', 'questions', 'job_title', 'index.html'), 'utf8');
    expect(question).toContain('経年比較');
    expect(question).toContain('選択肢「経営者・役員（取締役を含む）」は調査回で表記が異なります（2025年：「経営者・役員」）。');
    expect(existsSync(join(out, 'jcsa', '2026', 'questions', 'ai_usage', 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'jcsa', '2026', 'questions', 'cs_comment', 'index.html'))).toBe(false);
    expect(readFileSync(join(out, 'jcsa', '2026', 'ch1', 'index.html'), 'utf8')).toContain('<h1>第1章');
  }, 600_000);
});
