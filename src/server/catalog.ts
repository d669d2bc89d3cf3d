/**
 * Build-time access to every survey wave under `data/<survey>/<wave>/`: reads the files, runs
 * the pure loader, and checks what spans waves (folder names, crosswalk targets). All problems
 * of all waves are reported together.
 */
import { crosstab } from '../lib/stats/crosstab.ts';
import { meanShown, medianInOpenClass, openClass, openClassShare, OPEN_CLASS_MAX_SHARE } from '../lib/charts/banded.ts';
import { checklistProblems, readCodebook, yamlLine } from '../lib/dataset/codebook-read.ts';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset, Problem, Result, Wave } from '../lib/dataset/types.ts';
import type { Codebook } from '../lib/dataset/codebook.ts';
import { loadWaveData } from '../lib/dataset/load.ts';
import { ProblemsError, languageOf } from '../lib/dataset/problem.ts';
import type { Lang } from '../lib/dataset/problem.ts';
import { checkAcrossWaves } from '../lib/dataset/crosswalk.ts';
import { CODEBOOK_MAX_CHARS } from '../lib/dataset/limits.ts';
import { decodeCodebook } from '../lib/dataset/decode.ts';
import type { WaveCodebook } from '../lib/dataset/crosswalk.ts';
import { prepareWorkbooks, preparedWorkbook, WORKBOOK_FILE } from './workbook.ts';

// Excel deliveries are read ahead (read-excel-file is asynchronous, the catalog is not): those of
// the default data folder here, before any page asks for the catalog; other folders by their caller.
await prepareWorkbooks(dataRoot());

/** A loaded wave and where it lives. */
export interface CatalogWave extends Wave {
  /** Survey folder name (= codebook survey.id). */
  survey: string;
  /** Wave folder name (= codebook survey.wave). */
  wave: string;
  /** Folder of the wave, e.g. `data/jcsa/2025`. */
  dir: string;
  /** SHA-256 (hex) of the files the wave was read from (codebook and data file), as read: what a cached cube is keyed by. */
  digest: string;
}

export interface Catalog {
  /** Every wave, sorted by survey then wave. */
  waves: CatalogWave[];
  /** The wave of a survey, if it exists. */
  get(survey: string, wave: string): CatalogWave | undefined;
}

/**
 * The folders in `dir`, sorted. A folder whose name starts with "." is not read (it can be no
 * survey or wave id), but it is reported, never skipped silently: an editor's `.2025` or a copy
 * named `.jcsa` would otherwise vanish from the site without a word.
 */
function subfolders(dir: string, problems: Problem[]): string[] {
  const folders = readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
  for (const name of folders.filter((n) => n.startsWith('.')))
    problems.push({ file: `${dir}/${name}`, rule: 'hidden-folder', message: 'is a folder whose name starts with "." and is not read', expected: 'survey and wave folders named by their ids (rename it, or move it out of the data folder)' });
  return folders.filter((n) => !n.startsWith('.'));
}

function readIfPresent(path: string): Uint8Array | undefined {
  return existsSync(path) ? readFileSync(path) : undefined; // a Buffer is a Uint8Array: no copy
}

/**
 * A wave's respondent-level delivery: responses.csv as bytes, or responses.xlsx as the CSV text of
 * its first sheet (src/server/workbook.ts), or nothing. Both at once is a problem: which one is meant?
 */
function readResponsesFile(dir: string): Result<{ path: string; bytes?: Uint8Array; sheet?: string }> {
  const csvPath = `${dir}/responses.csv`;
  const xlsxPath = `${dir}/${WORKBOOK_FILE}`;
  const csv = readIfPresent(csvPath);
  if (!existsSync(xlsxPath)) return { ok: true, value: { path: csvPath, bytes: csv }, warnings: [] };
  if (csv !== undefined) return { ok: false, problems: [{ file: xlsxPath, rule: 'wave-files', message: 'is present together with responses.csv', expected: 'one delivery per wave: responses.csv or responses.xlsx (move the other out of the data folder)' }], warnings: [] };
  const workbook = preparedWorkbook(xlsxPath);
  if (!workbook.ok) return workbook;
  const { sheet, otherSheets, csv: text } = workbook.value;
  const warnings: Problem[] =
    otherSheets.length > 0
      ? [{ file: xlsxPath, rule: 'workbook-sheets', value: sheet, message: `is the sheet read; the other sheets (${otherSheets.join(', ')}) are not read`, expected: 'the responses on the first sheet (nothing to fix when they are)' }]
      : [];
  return { ok: true, value: { path: xlsxPath, bytes: new TextEncoder().encode(text), sheet }, warnings };
}

/**
 * A codebook.yaml read as the site reads it: never a file too large to be valid (UTF-8 is at most
 * 3 bytes per character), decoded (BOM, Shift_JIS, UTF-16 hints), then parsed and validated.
 */
export function readCodebookFile(path: string, seen?: (bytes: Uint8Array) => void): Result<{ text: string; codebook: Codebook }> {
  const bytes = statSync(path).size;
  if (bytes > 3 * CODEBOOK_MAX_CHARS)
    return { ok: false, problems: [{ file: path, rule: 'codebook-size', value: `${bytes.toLocaleString('en')} bytes`, message: 'is too large', expected: `a codebook of at most ${CODEBOOK_MAX_CHARS.toLocaleString('en')} characters` }], warnings: [] };
  const raw = readFileSync(path);
  seen?.(raw);
  const decoded = decodeCodebook(raw);
  if (!decoded.ok) {
    const { ok: _ok, row, ...rest } = decoded;
    return { ok: false, problems: [{ file: path, ...(row !== undefined ? { line: row } : {}), rule: 'encoding', ...rest }], warnings: [] };
  }
  const read = readCodebook(decoded.text, path);
  return read.ok ? { ok: true, value: { text: decoded.text, codebook: read.value }, warnings: [] } : read;
}

/** The language of editors' messages: Japanese, or English when `$HAKUSHO_LANG` is `en` (the one place the server reads it). */
export function problemLanguage(): Lang {
  return languageOf(process.env.HAKUSHO_LANG);
}

/** The data folder: `data`, or `$HAKUSHO_DATA` (tests point builds at fixture folders with it). */
export function dataRoot(): string {
  return process.env.HAKUSHO_DATA ?? 'data';
}

/**
 * One wave folder read and loaded as the catalog reads it (the checks across waves aside): the
 * codebook and its wave, or its problems. `codebook` is set whenever the codebook itself was valid.
 */
export function readWave(root: string, survey: string, wave: string): { codebook?: WaveCodebook; result: Result<CatalogWave> } {
  const dir = `${root}/${survey}/${wave}`;
  const codebookPath = `${dir}/codebook.yaml`;
  if (!existsSync(codebookPath)) return { result: { ok: false, problems: [{ file: codebookPath, rule: 'wave-files', message: 'is missing', expected: 'a codebook.yaml in every wave folder' }], warnings: [] } };
  const digest = createHash('sha256');
  const read = readCodebookFile(codebookPath, (bytes) => digest.update(`codebook\0${bytes.length}\0`).update(bytes));
  if (!read.ok) return { result: read };
  const codebookText = read.value.text;
  const codebook: WaveCodebook = { file: codebookPath, text: codebookText, survey, wave, codebook: read.value.codebook };
  // Open checklist items stop publication; the data is still read and checked.
  const problems = checklistProblems(read.value.codebook, codebookText, codebookPath);
  const responses = readResponsesFile(dir);
  if (!responses.ok) return { codebook, result: { ok: false, problems: [...problems, ...responses.problems], warnings: responses.warnings } };
  const { path: responsesPath, bytes: responsesBytes, sheet } = responses.value;
  const tablesBytes = readIfPresent(`${dir}/tables.csv`);
  // The digest covers the data as read: a workbook's first sheet as the CSV text it was read into, under its own file name.
  for (const [name, bytes] of [[`responses ${responsesPath.slice(dir.length + 1)}`, responsesBytes], ['tables', tablesBytes]] as const) digest.update(bytes ? `${name}\0${bytes.length}\0` : `${name}\0none\0`).update(bytes ?? new Uint8Array());
  const result = loadWaveData(read.value.codebook, { codebookPath, codebookText, responsesPath, responsesBytes, tablesPath: `${dir}/tables.csv`, tablesBytes });
  const onSheet = (p: Problem): Problem => (sheet !== undefined && p.file === responsesPath ? { ...p, sheet } : p);
  const warnings = [...responses.warnings, ...result.warnings.map(onSheet)];
  if (!result.ok) return { codebook, result: { ok: false, problems: [...problems, ...result.problems.map(onSheet)], warnings } };
  if (result.value.dataset) problems.push(...headlineProblems(read.value.codebook, result.value.dataset, codebookPath, codebookText));
  if (problems.length > 0) return { codebook, result: { ok: false, problems, warnings } };
  return { codebook, result: { ok: true, value: { ...result.value, survey, wave, dir, digest: digest.digest('hex') }, warnings } };
}

export function readCatalog(root = dataRoot()): Result<Catalog> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const waves: CatalogWave[] = [];
  const codebooks: WaveCodebook[] = [];
  if (!existsSync(root)) return { ok: false, problems: [{ file: root, rule: 'wave-files', message: 'does not exist', expected: 'a data folder with <survey>/<wave>/codebook.yaml' }], warnings: [] };
  for (const survey of subfolders(root, problems)) {
    for (const wave of subfolders(`${root}/${survey}`, problems)) {
      const { codebook, result } = readWave(root, survey, wave);
      if (codebook) codebooks.push(codebook);
      warnings.push(...result.warnings);
      if (!result.ok) problems.push(...result.problems);
      else waves.push(result.value);
    }
  }
  problems.push(...checkAcrossWaves(codebooks));
  if (problems.length > 0) return { ok: false, problems, warnings };
  const byKey = new Map(waves.map((w) => [`${w.survey}/${w.wave}`, w]));
  return { ok: true, value: { waves, get: (survey, wave) => byKey.get(`${survey}/${wave}`) }, warnings };
}

/**
 * Headlines the data cannot support, found here so that `npm run validate` reports them instead
 * of the build failing: a mean of a banded question whose open top class holds more than
 * OPEN_CLASS_MAX_SHARE of the answers (src/lib/charts/banded.ts; `<Stat>` refuses it too).
 */
export function headlineProblems(codebook: Codebook, dataset: Dataset, file: string, text: string): Problem[] {
  const out: Problem[] = [];
  codebook.headlines.forEach((h, i) => {
    if (h.kind !== 'mean' && h.kind !== 'median') return;
    const variable = dataset.variables.get(h.q);
    const question = codebook.questions.find((q) => q.id === h.q);
    if (!variable || variable.kind !== 'coded' || question?.type !== 'banded') return;
    const table = crosstab(dataset, { question: h.q, banner: h.by ?? null, universe: h.universe });
    const column = h.by ? table.columns.findIndex((c) => c.key === String(h.segment)) : 0;
    if (column < 0) return;
    const summary = table.summaries?.[column];
    if (h.kind === 'median') {
      if (summary && medianInOpenClass(summary)) {
        out.push({ file, line: yamlLine(text, ['headlines', i, 'kind']), column: `headlines[${i}].kind`, entry: h.q, rule: 'headline-open-class', value: 'median', message: `the median of ${h.q} falls in its open top class 「${openClass(variable.options)?.label}」, so its value would be only the class's lower bound`, expected: 'percent of a class (option:), or a question whose median falls in a bounded class' });
      }
      return;
    }
    if (meanShown(table, column, variable.options)) return;
    const share = openClassShare(table, column, variable.options);
    out.push({
      file,
      line: yamlLine(text, ['headlines', i, 'kind']),
      column: `headlines[${i}].kind`,
      entry: h.q,
      rule: 'headline-open-class',
      value: 'mean',
      message: `${(share * 100).toFixed(1)}% of the answers to ${h.q} are in its open top class 「${openClass(variable.options)?.label}」, so the mean rests on the value assumed for that class`,
      expected: `kind: median (a banded mean needs at most ${OPEN_CLASS_MAX_SHARE * 100}% in the open class)`,
    });
  });
  return out;
}

const cache = new Map<string, Catalog>();

/**
 * Every wave under `root`, memoised per root for the life of the process; throws one
 * `ProblemsError` listing every problem, formatted for editors (in `problemLanguage()`).
 */
export function loadCatalog(root = dataRoot()): Catalog {
  const cached = cache.get(root);
  if (cached) return cached;
  const result = readCatalog(root);
  if (!result.ok) throw new ProblemsError(result.problems, { ja: `${root}/ の調査データに問題があります`, en: `Survey data under ${root}/ has problems` }, problemLanguage());
  cache.set(root, result.value);
  return result.value;
}

/** Remembers a catalog read with `readCatalog(root)`, so `loadCatalog(root)` (the figure resolvers) does not read it again. */
export function cacheCatalog(root: string, catalog: Catalog): void {
  cache.set(root, catalog);
}

/** Forget memoised catalogs (the dev server calls this when data/ changes). */
export function clearCatalogCache(): void {
  cache.clear();
}
