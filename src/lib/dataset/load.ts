/**
 * One survey wave from its files' contents (no file system here): codebook.yaml text plus
 * responses.csv or tables.csv bytes → `Wave`, or every problem found. Pure, so it runs in
 * tests, at build time and in the browser alike.
 */
import type { Codebook } from './codebook.ts';
import type { Problem, Result, Wave } from './types.ts';
import { ProblemList } from './problem.ts';
import { checklistProblems, readCodebook, yamlLine } from './codebook-read.ts';
import { decodeText } from './decode.ts';
import { readResponses } from './responses.ts';
import { readTables } from './tables.ts';

export interface WaveFiles {
  /** Path of codebook.yaml as the editor knows it (used in messages). */
  codebookPath: string;
  codebookText: string;
  responsesPath?: string;
  responsesBytes?: Uint8Array;
  tablesPath?: string;
  tablesBytes?: Uint8Array;
}

const fail = (problems: Problem[]): Result<Wave> => ({ ok: false, problems, warnings: [] });

export function loadWave(files: WaveFiles): Result<Wave> {
  const read = readCodebook(files.codebookText, files.codebookPath);
  if (!read.ok) return read;
  // An open checklist item stops the wave, but its data is checked all the same.
  const open = checklistProblems(read.value, files.codebookText, files.codebookPath);
  const result = loadWaveData(read.value, files);
  if (open.length === 0) return result;
  return { ok: false, problems: [...open, ...(result.ok ? [] : result.problems)], warnings: result.warnings };
}

/** The data half of `loadWave`, for a codebook already read (the catalog keeps codebooks of waves whose data fails). */
export function loadWaveData(codebook: Codebook, files: WaveFiles): Result<Wave> {
  const { kind } = codebook.survey;
  const tables = kind === 'tables';
  const dataFile = tables ? 'tables.csv' : 'responses.csv';
  const bytes = tables ? files.tablesBytes : files.responsesBytes;
  const path = (tables ? files.tablesPath : files.responsesPath) ?? files.codebookPath.replace(/codebook\.ya?ml$/, dataFile);
  const otherPresent = (tables ? files.responsesBytes : files.tablesBytes) !== undefined;
  if (bytes === undefined || otherPresent) {
    // responses.csv, or responses.xlsx when the delivery is a workbook.
    const otherFile = tables ? (files.responsesPath?.split('/').pop() ?? 'responses.csv') : 'tables.csv';
    const message =
      bytes === undefined && otherPresent
        ? `does not match the data: the folder has ${otherFile}, not ${dataFile}`
        : bytes === undefined
          ? `needs ${dataFile} next to codebook.yaml, which is missing`
          : `allows only ${dataFile}, but ${otherFile} is present too`;
    const expected =
      bytes === undefined && otherPresent
        ? `kind: ${tables ? 'microdata' : 'tables'} (or provide ${dataFile})`
        : bytes === undefined
          ? `${tables ? dataFile : 'responses.csv (or responses.xlsx)'} in the wave folder (or kind: ${tables ? 'microdata with responses.csv' : 'tables with tables.csv'})`
          : `${dataFile} alone next to codebook.yaml`;
    // Without a kind: field, the line of survey: (yamlLine points at the nearest parent that exists).
    const line = yamlLine(files.codebookText, ['survey', 'kind']);
    return fail([{ file: files.codebookPath, ...(line !== undefined ? { line } : {}), column: 'survey.kind', value: kind, rule: 'wave-files', message, expected }]);
  }
  const problems = new ProblemList();
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    const { ok: _ok, ...located } = decoded;
    return fail([{ file: path, rule: 'encoding', ...located }]);
  }
  if (tables) {
    const published = readTables(codebook, decoded.text, path, problems);
    return problems.size > 0 ? fail(problems.problems) : { ok: true, value: { codebook, tables: published }, warnings: [] };
  }
  const warnings: Problem[] = [];
  const dataset = readResponses(codebook, decoded.text, path, problems, warnings);
  if (dataset === null || problems.size > 0) return { ok: false, problems: problems.problems, warnings };
  return { ok: true, value: { codebook, dataset }, warnings };
}
