/**
 * tables.csv: published aggregates for waves known only from reports. One row per figure:
 * survey, wave, question, universe, segment, option, percent and/or count, base, source.
 */
import type { Codebook } from './codebook.ts';
import type { PublishedTable } from './types.ts';
import type { ProblemList } from './problem.ts';
import { readCsv } from './csv.ts';
import { parseNumber } from './columns.ts';
import { variableShapes } from './validate-codebook.ts';
import { describeCodes } from './options.ts';
import { closestField, didYouMean } from './schema-errors.ts';
import { TEXT_MAX_LENGTH } from './limits.ts';

/** Columns of tables.csv, in the canonical order. */
export const TABLE_COLUMNS = ['survey', 'wave', 'question', 'universe', 'segment', 'option', 'percent', 'count', 'base', 'source'] as const;
type TableColumn = (typeof TABLE_COLUMNS)[number];
const REQUIRED: TableColumn[] = ['survey', 'wave', 'question', 'universe', 'segment', 'option', 'base'];

export function readTables(codebook: Codebook, text: string, file: string, problems: ProblemList): PublishedTable[] {
  const shapes = variableShapes(codebook);
  const universes = new Set(['all', ...codebook.universes.map((u) => u.id)]);
  const at = new Map<TableColumn, number>();
  const tables = new Map<string, PublishedTable>();

  readCsv(
    text,
    file,
    {
      header(names) {
        const unknown: { raw: string; col: number }[] = [];
        names.forEach((raw, col) => {
          const name = raw.trim() as TableColumn;
          if (!TABLE_COLUMNS.includes(name)) unknown.push({ raw, col });
          else if (at.has(name)) problems.add({ file, row: 1, column: name, columnIndex: col, value: raw, rule: 'duplicate-column', message: 'appears twice in the header', expected: 'each column once' });
          else at.set(name, col);
        });
        const missing = new Set(TABLE_COLUMNS.filter((c) => !at.has(c)));
        for (const { raw, col } of unknown) {
          // A misspelt header is one problem, not "unknown" plus "missing".
          const guess = closestField(raw.trim(), missing);
          if (guess) missing.delete(guess as TableColumn);
          problems.add({ file, row: 1, column: raw || `(column ${col + 1})`, columnIndex: col, value: raw, rule: 'unknown-column', message: `is not a tables.csv column${didYouMean(guess)}`, expected: TABLE_COLUMNS.join(', ') });
        }
        for (const c of REQUIRED) if (missing.has(c)) problems.add({ file, row: 1, column: c, rule: 'missing-column', message: 'is missing from the header', expected: TABLE_COLUMNS.join(', ') });
        if (missing.has('percent') && missing.has('count')) problems.add({ file, row: 1, column: 'percent', rule: 'missing-column', message: 'is missing, and so is count', expected: 'a percent column, a count column or both' });
        return REQUIRED.every((c) => at.has(c));
      },
      records(rows, firstRow) {
        rows.forEach((cells, j) => cells && readRow(cells, firstRow + j));
      },
    },
    problems,
  );
  for (const table of tables.values()) {
    const codes = shapes.get(table.question)!.codes;
    table.cells.sort((a, b) => codes.indexOf(a.option) - codes.indexOf(b.option));
  }
  return [...tables.values()];

  function readRow(cells: string[], row: number): void {
    const get = (c: TableColumn) => (at.has(c) ? cells[at.get(c)!].trim() : '');
    const bad = (column: TableColumn, rule: string, message: string, expected: string) => problems.add({ file, row, column, ...(at.has(column) ? { columnIndex: at.get(column)! } : {}), value: get(column), rule, message, expected });
    let ok = true;
    if (get('survey') !== codebook.survey.id) ((ok = false), bad('survey', 'table-survey', 'is not the survey of this codebook', codebook.survey.id));
    if (get('wave') !== codebook.survey.wave) ((ok = false), bad('wave', 'table-wave', 'is not the wave of this codebook', codebook.survey.wave));
    const question = get('question');
    const shape = shapes.get(question);
    if (!shape || shape.kind === 'numeric' || shape.kind === 'text') {
      const guess = shape ? undefined : closestField(question, shapes.keys());
      bad('question', 'unknown-question', shape ? `is a ${shape.kind} question, which has no option table` : `is not a question of this codebook${didYouMean(guess)}`, 'a single, multi, ordinal or banded question id, or <grid>__<row>');
      return;
    }
    const universe = get('universe');
    if (!universes.has(universe)) ((ok = false), bad('universe', 'unknown-universe', `is not a universe of this codebook${didYouMean(closestField(universe, universes))}`, [...universes].join(', ')));
    const segment = get('segment');
    if (!validSegment(segment)) ((ok = false), bad('segment', 'table-segment', 'is not a segment', 'total, or <variable>=<code> such as sector=1'));
    const option = parseNumber(get('option'));
    if (!shape.codes.includes(option)) ((ok = false), bad('option', 'unknown-code', `is not an option of ${question}`, describeCodes(shape.codes)));
    const base = parseNumber(get('base'));
    if (!(Number.isInteger(base) && base > 0)) ((ok = false), bad('base', 'table-base', 'is not a positive whole number', 'the published base n, e.g. 312'));
    const percentText = get('percent');
    const countText = get('count');
    const percent = percentText === '' ? null : parseNumber(percentText);
    const count = countText === '' ? null : parseNumber(countText);
    if (percent === null && count === null) ((ok = false), bad('percent', 'table-figure', 'is blank, and so is count', 'a percent (0–100), a count, or both'));
    if (percent !== null && !(percent >= 0 && percent <= 100)) ((ok = false), bad('percent', 'table-percent', 'is not a percentage', 'a number from 0 to 100 (no % sign)'));
    if (count !== null && !(Number.isInteger(count) && count >= 0 && (!(base > 0) || count <= base)))
      ((ok = false), bad('count', 'table-count', 'is not a count within the base', `a whole number from 0 to the base${base > 0 ? ` (${base})` : ''}`));
    const source = get('source');
    if (source.length > TEXT_MAX_LENGTH) ((ok = false), bad('source', 'table-source', `is too long (${source.length.toLocaleString('en')} characters)`, `at most ${TEXT_MAX_LENGTH.toLocaleString('en')} characters`));
    if (!ok) return;
    const key = `${question}\u0000${universe}\u0000${segment}`;
    let table = tables.get(key);
    if (!table) tables.set(key, (table = { question, universe, segment, base, source: get('source') || null, cells: [] }));
    else if (table.base !== base) return bad('base', 'table-base', `differs from the base ${table.base} given earlier for the same question, universe and segment (row ${table.cells[0].row})`, String(table.base));
    if (table.cells.some((c) => c.option === option)) return bad('option', 'table-duplicate', 'appears twice for the same question, universe and segment', 'each option once per table');
    table.cells.push({ option, percent, count, row });
  }

  function validSegment(segment: string): boolean {
    if (segment === 'total') return true;
    const m = /^([a-z][a-z0-9_]*)=(-?\d+)$/.exec(segment);
    if (!m) return false;
    const shape = shapes.get(m[1]);
    return shape !== undefined && shape.kind === 'coded' && shape.codes.includes(Number(m[2]));
  }
}
