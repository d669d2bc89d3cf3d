/**
 * readTables on a small codebook: header problems, every per-row check with its exact message,
 * and how valid rows become tables (grouped, cells in option order).
 */
import { describe, expect, it } from 'vitest';
import { Codebook } from '../../../src/lib/dataset/codebook.ts';
import { readTables, TABLE_COLUMNS } from '../../../src/lib/dataset/tables.ts';
import { ProblemList } from '../../../src/lib/dataset/problem.ts';
import type { Problem } from '../../../src/lib/dataset/types.ts';

function codebook(): Codebook {
  const opts = (...codes: number[]) => codes.map((code) => ({ code, label: `o${code}` }));
  return Codebook.parse({
    survey: { id: 's', wave: '2024', kind: 'tables', title: 't', publisher: 'p', fieldwork: { start: '2024-01-01', end: '2024-01-02' }, method: 'm', population: 'p', n: 100, citation: 'c', licence: 'l' },
    questions: [
      { id: 'sector', text: 't', label: 'l', type: 'single', options: opts(3, 1, 2) },
      { id: 'tools', text: 't', label: 'l', type: 'multi', options: opts(1, 2) },
      { id: 'staff', text: 't', label: 'l', type: 'numeric', unit: '人' },
      { id: 'memo', text: 't', label: 'l', type: 'text' },
      { id: 'grid', text: 't', label: 'l', type: 'grid', rows: [{ id: 'r', label: 'l' }], options: opts(1, 2) },
    ],
    universes: [{ id: 'u', label: 'l', filter: { q: 'sector', in: [1] } }],
  });
}
const HEADER = TABLE_COLUMNS.join(',');
function read(csv: string) {
  const problems = new ProblemList();
  const tables = readTables(codebook(), csv, 't.csv', problems);
  const line = (p: Problem) => `row ${p.row} ${p.column} [${p.rule}]: ${p.value !== undefined ? `"${p.value}" ` : ''}${p.message} (expected ${p.expected})`;
  return { tables, problems: problems.problems.map(line) };
}
const rows = (...lines: string[]) => [HEADER, ...lines].join('\n');

describe('readTables: header', () => {
  it('unknown, repeated and missing columns; an unnamed column is named by its position', () => {
    expect(read('survey,wave,question,universe,segment,option,option,note,,count\n').problems).toEqual([
      'row 1 option [duplicate-column]: "option" appears twice in the header (expected each column once)',
      'row 1 note [unknown-column]: "note" is not a tables.csv column (expected survey, wave, question, universe, segment, option, percent, count, base, source)',
      'row 1 (column 9) [unknown-column]: "" is not a tables.csv column (expected survey, wave, question, universe, segment, option, percent, count, base, source)',
      'row 1 base [missing-column]: is missing from the header (expected survey, wave, question, universe, segment, option, percent, count, base, source)',
    ]);
  });
  it('a misspelt column is one problem with the column it was meant to be, not also a missing one', () => {
    expect(read('survey,wave,question,universe,segment,option,percnt,bsae\n').problems).toEqual([
      'row 1 percnt [unknown-column]: "percnt" is not a tables.csv column — did you mean "percent"? (expected survey, wave, question, universe, segment, option, percent, count, base, source)',
      'row 1 bsae [unknown-column]: "bsae" is not a tables.csv column — did you mean "base"? (expected survey, wave, question, universe, segment, option, percent, count, base, source)',
    ]);
    // Spaces around a header are not counted as edits: "  percnt " is still one letter from percent.
    expect(read('survey,wave,question,universe,segment,option,  percnt ,base\n').problems).toEqual([
      'row 1   percnt  [unknown-column]: "  percnt " is not a tables.csv column — did you mean "percent"? (expected survey, wave, question, universe, segment, option, percent, count, base, source)',
    ]);
  });
  it('neither percent nor count; names are trimmed; rows are not read without required columns', () => {
    expect(read(' survey , wave,question,universe,segment,option,base\ns,2024,sector,all,total,1,10\n').problems).toEqual([
      'row 1 percent [missing-column]: is missing, and so is count (expected a percent column, a count column or both)',
      'row 2 percent [table-figure]: "" is blank, and so is count (expected a percent (0–100), a count, or both)',
    ]);
    expect(read('survey,wave,question,universe,segment,option,percent\ns,2024,nope,all,total,1,10\n').problems).toEqual([
      'row 1 base [missing-column]: is missing from the header (expected survey, wave, question, universe, segment, option, percent, count, base, source)',
    ]);
  });
});

describe('readTables: rows', () => {
  it('valid rows become tables grouped by question, universe and segment, cells in option order', () => {
    const { tables, problems } = read(
      rows('s,2024,sector,all,total,2,20.0,,100,p.1', 's,2024,sector,all,total,3,30,30,100,p.1', ' s , 2024 ,sector,all,total,1,,50,100,', 's,2024,sector,u,sector=1,1,100,40,40,', 's,2024,grid__r,all,total,2,0,0,100,', 's,2024,tools,all,sector=3,1,12.5,5,40,'),
    );
    expect(problems).toEqual([]);
    expect(tables).toEqual([
      {
        question: 'sector',
        universe: 'all',
        segment: 'total',
        base: 100,
        source: 'p.1',
        cells: [
          { option: 3, percent: 30, count: 30, row: 3 },
          { option: 1, percent: null, count: 50, row: 4 },
          { option: 2, percent: 20, count: null, row: 2 },
        ],
      },
      { question: 'sector', universe: 'u', segment: 'sector=1', base: 40, source: null, cells: [{ option: 1, percent: 100, count: 40, row: 5 }] },
      { question: 'grid__r', universe: 'all', segment: 'total', base: 100, source: null, cells: [{ option: 2, percent: 0, count: 0, row: 6 }] },
      { question: 'tools', universe: 'all', segment: 'sector=3', base: 40, source: null, cells: [{ option: 1, percent: 12.5, count: 5, row: 7 }] },
    ]);
  });
  it('another survey or wave; questions that are unknown, numeric or free text', () => {
    expect(read(rows('x,2023,sector,all,total,1,10,,100,', 's,2024,sectr,all,total,1,10,,100,', 's,2024,zzzzzz,all,total,1,10,,100,', 's,2024,staff,all,total,1,10,,100,', 's,2024,memo,all,total,1,10,,100,', 's,2024,grid,all,total,1,10,,100,')).problems).toEqual([
      'row 2 survey [table-survey]: "x" is not the survey of this codebook (expected s)',
      'row 2 wave [table-wave]: "2023" is not the wave of this codebook (expected 2024)',
      'row 3 question [unknown-question]: "sectr" is not a question of this codebook — did you mean "sector"? (expected a single, multi, ordinal or banded question id, or <grid>__<row>)',
      'row 4 question [unknown-question]: "zzzzzz" is not a question of this codebook (expected a single, multi, ordinal or banded question id, or <grid>__<row>)',
      'row 5 question [unknown-question]: "staff" is a numeric question, which has no option table (expected a single, multi, ordinal or banded question id, or <grid>__<row>)',
      'row 6 question [unknown-question]: "memo" is a text question, which has no option table (expected a single, multi, ordinal or banded question id, or <grid>__<row>)',
      'row 7 question [unknown-question]: "grid" is not a question of this codebook (expected a single, multi, ordinal or banded question id, or <grid>__<row>)',
    ]);
  });
  it('a row of another survey or wave is left out of the tables, whatever else is right', () => {
    const { tables, problems } = read(rows('x,2024,sector,all,total,1,10,,100,', 's,2023,sector,all,total,2,10,,100,'));
    expect(problems).toEqual(['row 2 survey [table-survey]: "x" is not the survey of this codebook (expected s)', 'row 3 wave [table-wave]: "2023" is not the wave of this codebook (expected 2024)']);
    expect(tables).toEqual([]);
  });
  it('universe, segment, option and base', () => {
    const segment = 'row 3 segment [table-segment]';
    const expectedSegment = 'is not a segment (expected total, or <variable>=<code> such as sector=1)';
    expect(
      read(rows('s,2024,sector,v,total,1,10,,100,', 's,2024,sector,all,Total,1,10,,100,', 's,2024,sector,all,sector=4,1,10,,100,', 's,2024,sector,all,tools=1,1,10,,100,', 's,2024,sector,all,sector=1x,1,10,,100,', 's,2024,sector,all,x sector=1,1,10,,100,', 's,2024,sector,all,total,4,10,,100,', 's,2024,sector,all,total,1,10,,0,', 's,2024,sector,all,total,1,10,,2.5,', 's,2024,sector,all,total,1,10,,x,')).problems,
    ).toEqual([
      'row 2 universe [unknown-universe]: "v" is not a universe of this codebook (expected all, u)',
      `${segment}: "Total" ${expectedSegment}`,
      `${segment.replace('3', '4')}: "sector=4" ${expectedSegment}`,
      `${segment.replace('3', '5')}: "tools=1" ${expectedSegment}`,
      `${segment.replace('3', '6')}: "sector=1x" ${expectedSegment}`,
      `${segment.replace('3', '7')}: "x sector=1" ${expectedSegment}`,
      'row 8 option [unknown-code]: "4" is not an option of sector (expected 1–3)',
      'row 9 base [table-base]: "0" is not a positive whole number (expected the published base n, e.g. 312)',
      'row 10 base [table-base]: "2.5" is not a positive whole number (expected the published base n, e.g. 312)',
      'row 11 base [table-base]: "x" is not a positive whole number (expected the published base n, e.g. 312)',
    ]);
  });
  it('percent and count: bounds, whole counts within the base (inclusive), blank both', () => {
    const { problems, tables } = read(
      rows('s,2024,sector,all,total,1,100,100,100,', 's,2024,sector,u,total,1,0,0,100,', 's,2024,sector,all,sector=1,1,-1,,100,', 's,2024,sector,all,sector=2,1,100.1,,100,', 's,2024,sector,all,sector=3,1,x,,100,', 's,2024,tools,all,total,1,,101,100,', 's,2024,tools,all,total,2,,1.5,100,', 's,2024,tools,u,total,2,,-1,100,', 's,2024,tools,u,total,1,,5,0,', 's,2024,grid__r,u,total,1,,,10,'),
    );
    expect(problems).toEqual([
      'row 4 percent [table-percent]: "-1" is not a percentage (expected a number from 0 to 100 (no % sign))',
      'row 5 percent [table-percent]: "100.1" is not a percentage (expected a number from 0 to 100 (no % sign))',
      'row 6 percent [table-percent]: "x" is not a percentage (expected a number from 0 to 100 (no % sign))',
      'row 7 count [table-count]: "101" is not a count within the base (expected a whole number from 0 to the base (100))',
      'row 8 count [table-count]: "1.5" is not a count within the base (expected a whole number from 0 to the base (100))',
      'row 9 count [table-count]: "-1" is not a count within the base (expected a whole number from 0 to the base (100))',
      'row 10 base [table-base]: "0" is not a positive whole number (expected the published base n, e.g. 312)',
      'row 11 percent [table-figure]: "" is blank, and so is count (expected a percent (0–100), a count, or both)',
    ]);
    expect(tables.map((t) => [t.universe, t.cells.map((c) => [c.percent, c.count])])).toEqual([
      ['all', [[100, 100]]],
      ['u', [[0, 0]]],
    ]);
    expect(read(rows('s,2024,tools,u,total,1,,x,0,')).problems).toEqual([
      'row 2 base [table-base]: "0" is not a positive whole number (expected the published base n, e.g. 312)',
      'row 2 count [table-count]: "x" is not a count within the base (expected a whole number from 0 to the base)',
    ]);
  });
  it('a source over 2,000 characters; a base that changes within a table; an option given twice', () => {
    const long = 'x'.repeat(2001);
    const { problems, tables } = read(rows(`s,2024,sector,all,total,1,10,,100,${long}`, `s,2024,sector,all,total,2,10,,100,${'y'.repeat(2000)}`, 's,2024,sector,all,total,3,10,,99,', 's,2024,sector,all,total,2,15,,100,'));
    expect(problems.map((p) => p.replace(/"x+"/, '"x…"'))).toEqual([
      'row 2 source [table-source]: "x…" is too long (2,001 characters) (expected at most 2,000 characters)',
      'row 4 base [table-base]: "99" differs from the base 100 given earlier for the same question, universe and segment (row 3) (expected 100)',
      'row 5 option [table-duplicate]: "2" appears twice for the same question, universe and segment (expected each option once per table)',
    ]);
    expect(tables).toEqual([{ question: 'sector', universe: 'all', segment: 'total', base: 100, source: 'y'.repeat(2000), cells: [{ option: 2, percent: 10, count: null, row: 3 }] }]);
  });
});
