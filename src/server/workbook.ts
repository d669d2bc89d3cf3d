/**
 * Excel deliveries: `responses.xlsx` read with read-excel-file and turned into the CSV text the
 * same delivery saved as CSV would give, so that a workbook goes through exactly the checks of
 * responses.csv (src/lib/dataset/responses.ts): rows keep Excel's numbering (row 1 is row 1, the
 * header), columns keep their letters, numbers are kept as written in the file.
 *
 * read-excel-file is asynchronous and the catalog is synchronous, so workbooks are read ahead:
 * `prepareWorkbooks(root)` (awaited when this module loads for `data/`, by the `waves` content
 * loader and by `npm run validate` for their folder) and `preparedWorkbook(path)` for the catalog.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { unzipSync } from 'fflate';
import readExcelFile from 'read-excel-file/node';
import type { Problem, Result } from '../lib/dataset/types.ts';
import { MAX_STRING_LENGTH } from '../lib/dataset/limits.ts';

/** The file name of an Excel delivery in a wave folder. */
export const WORKBOOK_FILE = 'responses.xlsx';

export interface Workbook {
  /** The sheet read: the first one. */
  sheet: string;
  /** The other sheets, not read (named in a notice). */
  otherSheets: string[];
  /** The sheet as CSV text (`,`, `"` quoting, `\n` between rows). */
  csv: string;
}

const SAVE_AS = 'an Excel workbook saved as 「Excel ブック (*.xlsx)」 ("Excel Workbook" in English Excel), or the sheet saved as 「CSV UTF-8 (コンマ区切り)」';
const fmt = (n: number) => n.toLocaleString('en');

/** A cell as text: numbers as written in the file, dates as ISO dates, booleans as TRUE/FALSE, empty as blank. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().replace(/T00:00:00\.000Z$/, '');
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/**
 * The sizes a workbook's parts claim once unpacked, read from the ZIP directory without unpacking
 * anything: a small file that unpacks to gigabytes (a "zip bomb") is refused before it is read.
 */
function unpackedSize(bytes: Uint8Array): number {
  let total = 0;
  unzipSync(bytes, {
    filter: (entry) => {
      total += entry.originalSize;
      return false;
    },
  });
  return total;
}

/** Reads one workbook: its first sheet as CSV text, or the problem that stops it, named for the editor. */
export async function readWorkbook(path: string): Promise<Result<Workbook>> {
  const fail = (problem: Omit<Problem, 'file' | 'rule'>): Result<Workbook> => ({ ok: false, problems: [{ file: path, rule: 'workbook', ...problem }], warnings: [] });
  const bytes = readFileSync(path);
  if (bytes.length === 0) return fail({ message: 'is empty', expected: SAVE_AS });
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return fail({ message: 'is an Excel 97–2003 workbook (.xls) or a workbook protected by a password, which cannot be read', expected: `${SAVE_AS}, without a password` });
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return fail({ message: 'is not an Excel workbook (.xlsx): it is not a ZIP file', expected: SAVE_AS });
  let size: number;
  try {
    size = unpackedSize(bytes);
  } catch (error) {
    return fail({ message: `is a damaged ZIP file: ${(error as Error).message}`, expected: SAVE_AS });
  }
  // The sheet's XML is several times the size of its text; once unpacked it must fit a string.
  if (size > MAX_STRING_LENGTH) return fail({ value: `${fmt(size)} bytes unpacked`, message: 'is too large to read', expected: `a workbook of at most ${fmt(MAX_STRING_LENGTH)} bytes once unpacked (split the wave or leave out unused columns)` });
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readExcelFile(bytes, { trim: false, parseNumber: (text: string) => text })) as { sheet: string; data: unknown[][] }[];
  } catch (error) {
    const code = (error as { code?: string }).code;
    const detail = code ? `${code}: ${(error as Error).message}` : (error as Error).message;
    return fail({ message: `cannot be read as an Excel workbook (${detail})`, expected: SAVE_AS });
  }
  const [first, ...others] = sheets;
  if (!first || first.data.length === 0) return fail({ ...(first ? { value: first.sheet } : {}), message: 'has an empty first sheet', expected: 'the responses on the first sheet: the header in row 1, one respondent per row' });
  const csv = Papa.unparse(
    first.data.map((row) => row.map(cellText)),
    { newline: '\n', quotes: false },
  );
  return { ok: true, value: { sheet: first.sheet, otherSheets: others.map((s) => s.sheet), csv }, warnings: [] };
}

interface Prepared {
  mtimeMs: number;
  size: number;
  result: Result<Workbook>;
}
const prepared = new Map<string, Prepared>();

/** Every `<root>/<survey>/<wave>/responses.xlsx`, read (again when it changed since the last time). */
export async function prepareWorkbooks(root: string): Promise<void> {
  if (!existsSync(root)) return;
  const folders = (dir: string) => readdirSync(dir).filter((name) => !name.startsWith('.') && statSync(join(dir, name)).isDirectory());
  for (const survey of folders(root))
    for (const wave of folders(join(root, survey))) {
      const path = `${root}/${survey}/${wave}/${WORKBOOK_FILE}`;
      if (!existsSync(path)) continue;
      const { mtimeMs, size } = statSync(path);
      const known = prepared.get(path);
      if (known && known.mtimeMs === mtimeMs && known.size === size) continue;
      prepared.set(path, { mtimeMs, size, result: await readWorkbook(path) });
    }
}

/**
 * The workbook at `path` as `prepareWorkbooks` read it. A workbook it did not read, or one changed
 * since, is a problem to report, never a stale or partial read.
 */
export function preparedWorkbook(path: string): Result<Workbook> {
  const known = prepared.get(path);
  const { mtimeMs, size } = statSync(path);
  if (known && known.mtimeMs === mtimeMs && known.size === size) return known.result;
  return {
    ok: false,
    problems: [{ file: path, rule: 'workbook', message: known ? 'changed while the data was being read' : 'was not read ahead of the other files', expected: 'the command run again (npm run validate or npm run build)' }],
    warnings: [],
  };
}
