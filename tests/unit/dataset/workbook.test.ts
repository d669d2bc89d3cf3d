/**
 * Excel deliveries (responses.xlsx): read with the same checks as responses.csv, with problems
 * named by sheet, row and column; workbooks that cannot be read say why; nothing is read that
 * was not prepared. Workbooks are written here with write-excel-file, as Excel would save them.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { zipSync } from 'fflate';
import writeExcelFile from 'write-excel-file/node';
import { clearCatalogCache, readCatalog } from '../../../src/server/catalog.ts';
import { prepareWorkbooks, preparedWorkbook, readWorkbook } from '../../../src/server/workbook.ts';
import { formatProblems } from '../../../src/lib/dataset/problem.ts';

const valid = 'tests/fixtures/dataset/valid/sample/2025';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  clearCatalogCache();
});

/** A data folder with the valid sample wave, its responses.csv replaced by nothing yet. */
function dataFolder(): { root: string; wave: string } {
  const root = mkdtempSync(join(tmpdir(), 'hakusho-xlsx-'));
  dirs.push(root);
  const wave = join(root, 'sample', '2025');
  cpSync('tests/fixtures/dataset/valid', root, { recursive: true });
  rmSync(join(wave, 'responses.csv'));
  return { root, wave };
}

type Cell = { value: string | number } | null;
/** The sample's CSV rows as Excel cells: codes and numbers as numbers (what Excel stores), text as text. */
function csvRows(): string[][] {
  return Papa.parse<string[]>(readFileSync(join(valid, 'responses.csv'), 'utf8').trim()).data;
}
function cells(rows: string[][]): Cell[][] {
  return rows.map((row, r) => row.map((v) => (v === '' ? null : r > 0 && /^-?\d+(\.\d+)?$/.test(v) ? { value: Number(v) } : { value: v })));
}
async function writeWorkbook(path: string, sheets: { sheet: string; rows: Cell[][] }[]): Promise<void> {
  if (sheets.length === 1) await writeExcelFile(sheets[0].rows as never, { sheet: sheets[0].sheet }).toFile(path);
  else await writeExcelFile(sheets.map((s) => ({ data: s.rows, sheet: s.sheet })) as never).toFile(path);
}

describe('responses.xlsx', () => {
  it('reads like the same delivery as CSV: the same respondents, answers and weights', async () => {
    const { root, wave } = dataFolder();
    await writeWorkbook(join(wave, 'responses.xlsx'), [{ sheet: 'Sheet1', rows: cells(csvRows()) }]);
    await prepareWorkbooks(root);
    const fromXlsx = readCatalog(root);
    const fromCsv = readCatalog('tests/fixtures/dataset/valid');
    expect(fromXlsx.ok, JSON.stringify(!fromXlsx.ok && fromXlsx.problems)).toBe(true);
    if (!fromXlsx.ok || !fromCsv.ok) return;
    const a = fromXlsx.value.get('sample', '2025')!.dataset!;
    const b = fromCsv.value.get('sample', '2025')!.dataset!;
    expect(a.n).toBe(12);
    expect(a.ids).toEqual(b.ids);
    expect(a.weights).toEqual(b.weights);
    expect([...a.variables.keys()]).toEqual([...b.variables.keys()]);
    for (const [id, v] of b.variables) expect(a.variables.get(id), id).toEqual(v);
  });

  it('names the sheet, row and column of a wrong cell, and reads full-width digits and a trailing empty row as Excel writes them', async () => {
    const { root, wave } = dataFolder();
    const rows = cells(csvRows());
    rows[4][2] = { value: 3 }; // sector of row 5: not an option
    rows[2][8] = { value: '４' }; // cs_effect 4 typed as a full-width digit (text)
    rows.push(rows[0].map(() => null));
    await writeWorkbook(join(wave, 'responses.xlsx'), [{ sheet: '回答データ', rows }]);
    await prepareWorkbooks(root);
    const result = readCatalog(root);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { file: `${root}/sample/2025/responses.xlsx`, sheet: '回答データ', row: 5, column: 'sector', columnIndex: 2, value: '3', rule: 'unknown-code', message: 'is not an option', expected: '1, 2' },
    ]);
    // As the editor reads it: the cell as Excel names it.
    expect(formatProblems(result.problems)).toEqual([`${root}/sample/2025/responses.xlsx 回答データ!C5・列 sector: "3" は選択肢にありません（想定: 1, 2）`]);
    expect(formatProblems(result.problems, 'en')).toEqual([`${root}/sample/2025/responses.xlsx 回答データ!C5, column sector: "3" is not an option (expected 1, 2)`]);
    expect(result.warnings.map((w) => [w.rule, w.sheet, w.value])).toEqual([['normalised-codes', '回答データ', '1 cells']]);
  });

  it('reads the first sheet and names the others in a notice', async () => {
    const { root, wave } = dataFolder();
    await writeWorkbook(join(wave, 'responses.xlsx'), [
      { sheet: 'data', rows: cells(csvRows()) },
      { sheet: '設問一覧', rows: [[{ value: 'メモ' }]] },
    ]);
    await prepareWorkbooks(root);
    const result = readCatalog(root);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => `${w.rule} ${w.value} ${w.message}`)).toEqual(['workbook-sheets data is the sheet read; the other sheets (設問一覧) are not read']);
  });

  it('refuses a wave delivered twice, as CSV and as a workbook', async () => {
    const { root, wave } = dataFolder();
    cpSync(join(valid, 'responses.csv'), join(wave, 'responses.csv'));
    await writeWorkbook(join(wave, 'responses.xlsx'), [{ sheet: 'Sheet1', rows: cells(csvRows()) }]);
    await prepareWorkbooks(root);
    const result = readCatalog(root);
    expect(!result.ok && result.problems.map((p) => `${p.file} ${p.message}`)).toEqual([`${root}/sample/2025/responses.xlsx is present together with responses.csv`]);
  });

  it('a workbook not read ahead, or changed since, is a problem, never a stale read', async () => {
    const { root, wave } = dataFolder();
    const path = join(wave, 'responses.xlsx');
    await writeWorkbook(path, [{ sheet: 'Sheet1', rows: cells(csvRows()) }]);
    expect(preparedWorkbook(path)).toMatchObject({ ok: false, problems: [{ message: 'was not read ahead of the other files' }] });
    await prepareWorkbooks(root);
    expect(preparedWorkbook(path).ok).toBe(true);
    const rows = cells(csvRows());
    rows.pop();
    await writeWorkbook(path, [{ sheet: 'Sheet1', rows }]);
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    expect(preparedWorkbook(path)).toMatchObject({ ok: false, problems: [{ message: 'changed while the data was being read' }] });
  });

  it('says why a file cannot be read: an old .xls or a password, not a workbook, damaged, empty, too large unpacked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hakusho-xlsx-'));
    dirs.push(dir);
    const file = (name: string, bytes: Uint8Array) => {
      writeFileSync(join(dir, name), bytes);
      return join(dir, name);
    };
    const message = async (path: string) => {
      const r = await readWorkbook(path);
      return r.ok ? 'ok' : r.problems[0].message;
    };
    expect(await message(file('old.xlsx', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])))).toBe('is an Excel 97–2003 workbook (.xls) or a workbook protected by a password, which cannot be read');
    expect(await message(file('text.xlsx', new TextEncoder().encode('id,q1\nr1,1\n')))).toBe('is not an Excel workbook (.xlsx): it is not a ZIP file');
    expect(await message(file('empty.xlsx', new Uint8Array(0)))).toBe('is empty');
    expect(await message(file('notbook.xlsx', zipSync({ 'hello.txt': new TextEncoder().encode('hi') })))).toMatch(/^cannot be read as an Excel workbook \(/);
    // A ZIP whose directory claims 4 GB once unpacked: refused before anything is unpacked.
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(10) }, { level: 0 });
    const view = new DataView(bomb.buffer);
    for (let at = 0; at < bomb.length - 4; at++) if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 0xfffffff0, true);
    const r = await readWorkbook(file('bomb.xlsx', bomb));
    expect(r.ok || [r.problems[0].value, r.problems[0].message]).toEqual(['4,294,967,280 bytes unpacked', 'is too large to read']);
    expect(await message(file('damaged.xlsx', bomb.subarray(0, 30)))).toMatch(/^is a damaged ZIP file: /);
  });
});
