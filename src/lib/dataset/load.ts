/**
 * One survey wave from its files' contents (no file system here): codebook.yaml text plus
 * responses.csv or tables.csv bytes → `Wave`, or every problem found. Pure, so it runs in
 * tests, at build time and in the browser alike.
 */
import type { Problem, Result, Wave } from './types.ts';
import { ProblemList } from './problem.ts';
import { readCodebook } from './codebook-read.ts';
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
  const codebook = read.value;
  const { kind } = codebook.survey;
  const problems = new ProblemList();
  const dataFile = kind === 'tables' ? 'tables.csv' : 'responses.csv';
  const bytes = kind === 'tables' ? files.tablesBytes : files.responsesBytes;
  const path = (kind === 'tables' ? files.tablesPath : files.responsesPath) ?? files.codebookPath.replace(/codebook\.ya?ml$/, dataFile);
  const other = kind === 'tables' ? files.responsesBytes : files.tablesBytes;
  if (other !== undefined)
    problems.add({ file: kind === 'tables' ? (files.responsesPath ?? 'responses.csv') : (files.tablesPath ?? 'tables.csv'), rule: 'wave-files', message: `is present, but survey.kind is ${kind}`, expected: `only ${dataFile} next to codebook.yaml (or set survey.kind in ${files.codebookPath})` });
  if (bytes === undefined) {
    problems.add({ file: path, rule: 'wave-files', message: 'is missing', expected: `${dataFile} next to codebook.yaml, since survey.kind is ${kind}` });
    return fail(problems.problems);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    problems.add({ file: path, rule: 'encoding', message: decoded.message, expected: decoded.expected });
    return fail(problems.problems);
  }
  if (kind === 'tables') {
    const tables = readTables(codebook, decoded.text, path, problems);
    return problems.size > 0 ? fail(problems.problems) : { ok: true, value: { codebook, tables }, warnings: [] };
  }
  const dataset = readResponses(codebook, decoded.text, path, problems);
  if (dataset === null || problems.size > 0) return fail(problems.problems);
  return { ok: true, value: { codebook, dataset }, warnings: [] };
}
