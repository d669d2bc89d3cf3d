/**
 * One test per validation rule not already exercised by the malformed fixture corpus, on
 * in-memory edits of the valid wave; and a check that every rule id the loader can emit is
 * exercised somewhere (here or in the corpus), so no rule ships untested.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbook } from '../../../src/server/workbook.ts';
import { loadWave } from '../../../src/lib/dataset/load.ts';
import { readCatalog } from '../../../src/server/catalog.ts';
import { formatProblems } from '../../../src/lib/dataset/problem.ts';
import type { Problem } from '../../../src/lib/dataset/types.ts';

const root = 'tests/fixtures/dataset/valid/sample';
const codebook25 = readFileSync(`${root}/2025/codebook.yaml`, 'utf8');
const responses = readFileSync(`${root}/2025/responses.csv`, 'utf8');
const codebook24 = readFileSync(`${root}/2024/codebook.yaml`, 'utf8');
const tables = readFileSync(`${root}/2024/tables.csv`, 'utf8');
const seen = new Set<string>();

function once(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, `one "${from}"`).toBe(1);
  return text.replace(from, to);
}

function microdata(codebook = codebook25, csv = responses): Problem[] {
  const r = loadWave({ codebookPath: 'w/codebook.yaml', codebookText: codebook, responsesPath: 'w/responses.csv', responsesBytes: new TextEncoder().encode(csv) });
  return r.ok ? [] : r.problems;
}
function published(csv: string, codebook = codebook24): Problem[] {
  const r = loadWave({ codebookPath: 'p/codebook.yaml', codebookText: codebook, tablesPath: 'p/tables.csv', tablesBytes: new TextEncoder().encode(csv) });
  return r.ok ? [] : r.problems;
}
const lines = (problems: Problem[]) => {
  problems.forEach((p) => seen.add(p.rule));
  return formatProblems(problems, 'en');
};

describe('codebook schema problems (one friendly message per zod issue kind)', () => {
  it('codebook-empty: an empty label', () => {
    expect(lines(microdata(once(codebook25, 'label: 業種', 'label: ""')))).toMatchInlineSnapshot(`
      [
        "w/codebook.yaml line 18, questions[0] (id: sector).label: is empty (expected some text)",
      ]
    `);
  });
  it('codebook-type: a list where text is expected', () => {
    expect(lines(microdata(once(codebook25, 'label: 業種', 'label: [a, b]')))).toMatchInlineSnapshot(`
      [
        "w/codebook.yaml line 18, questions[0] (id: sector).label: "[\\"a\\",\\"b\\"]" is a list (expected text)",
      ]
    `);
  });
  it('codebook-range: a negative option code', () => {
    expect(lines(microdata(once(codebook25, '{ code: 2, label: 非SaaS }', '{ code: -2, label: 非SaaS }')))).toMatchInlineSnapshot(`
      [
        "w/codebook.yaml line 23, questions[0] (id: sector).options[1].code: "-2" is too small (expected a number ≥ 0)",
      ]
    `);
  });
  it('codebook-too-few: a question without options', () => {
    expect(lines(microdata(once(codebook25, '    options:\n      - { code: 1, label: ある }\n      - { code: 2, label: ない }\n', '    options: []\n')))).toMatchInlineSnapshot(`
      [
        "w/codebook.yaml line 29, questions[1] (id: cs_team).options: is an empty list (expected at least 1 entry)",
      ]
    `);
  });
  it('codebook-value: an unknown publication level', () => {
    expect(lines(microdata(once(codebook25, '    label: 業種\n', '    label: 業種\n    publication: secret\n')))).toMatchInlineSnapshot(`
      [
        "w/codebook.yaml line 19, questions[0] (id: sector).publication: "secret" is not allowed (expected one of public, restricted)",
      ]
    `);
  });
  it('codebook-filter: a filter of no known form', () => {
    expect(lines(microdata(once(codebook25, '{ q: cs_team, in: [1] }', '{ q: cs_team, is: 1 }')))).toMatchInlineSnapshot(`
      [
        "w/codebook.yaml line 102, universes[0] (id: doing_cs).filter: "{\\"q\\":\\"cs_team\\",\\"is\\":1}" is not a valid filter (expected one of {all: [...]}, {any: [...]}, {not: ...}, {universe: id}, {q: id, in: [codes]}, {q: id, includesAny: [codes]}, {q: id, includesAll: [codes]}, {q: id, range: {min, max}}, {q: id, answered: true|false})",
      ]
    `);
  });
  it('codebook-unknown-field: a misspelt field gets a suggestion', () => {
    expect(lines(microdata(once(codebook25, '    maxChoices: 3', '    max_choices: 3')))).toMatchInlineSnapshot(`
      [
        "w/codebook.yaml line 36, questions[2] (id: tools).max_choices: is not a known field — did you mean "maxChoices"? (expected a field documented in the codebook reference)",
      ]
    `);
    expect(lines(microdata(once(codebook25, '    label: 業種\n', '    lable: 業種\n')))).toMatchInlineSnapshot(`
      [
        "w/codebook.yaml line 18, questions[0] (id: sector).lable: is not a known field — did you mean "label"? (expected a field documented in the codebook reference)",
      ]
    `);
  });
  it('codebook-invalid: an id with a double underscore', () => {
    expect(lines(microdata(once(codebook25, '  - id: comment\n', '  - id: free__comment\n')))).toMatchInlineSnapshot(`
      [
        "w/codebook.yaml line 85, questions[7].id: "free__comment" is not allowed: an id may not contain "__" (it separates question and option in column names)",
      ]
    `);
  });
});

describe('codebook cross-references', () => {
  it('unknown-variable: cube.filters naming free text or nothing', () => {
    const text = codebook25.match(/  - id: (\w+)\n(?:.*\n){0,4}?    type: text/)![1];
    const edited = `${codebook25}\ncube:\n  filters: [${text}, nope]\n`;
    const line = edited.split('\n').indexOf(`  filters: [${text}, nope]`) + 1;
    expect(lines(microdata(edited)).map((l) => l.replace(/ \(expected .*/, ''))).toEqual([
      `w/codebook.yaml line ${line}, cube.filters[0]: "${text}" cannot filter the protected cube (restricted, free text or numeric)`,
      `w/codebook.yaml line ${line}, cube.filters[1]: "nope" is not a variable of this codebook`,
    ]);
  });
  it('bounds-order: numeric min above max', () => {
    expect(lines(microdata(once(codebook25, '    min: 1\n', '    min: 10\n    max: 5\n')))).toMatchInlineSnapshot(`
      [
        "w/codebook.yaml line 73, questions[5] (id: employees).max: "5" is below min (expected a number ≥ 10)",
      ]
    `);
  });
  it('unknown-universe: a chapter universe', () => {
    expect(lines(microdata(once(codebook25, 'title: CSの効果, universe: doing_cs }', 'title: CSの効果, universe: doers }')))).toMatchInlineSnapshot(`
      [
        "w/codebook.yaml line 108, chapters[1] (id: effect).universe: "doers" is not a universe of this codebook (expected one of all, doing_cs, saas_doing_cs)",
      ]
    `);
  });
});

describe('responses.csv', () => {
  it('missing-id: a blank id cell', () => {
    expect(lines(microdata(codebook25, once(responses, 'r03,', ',')))).toMatchInlineSnapshot(`
      [
        "w/responses.csv row 4, column id (column A): is blank (expected a respondent id on every row)",
      ]
    `);
  });
  it('weight: a weight that is not a number', () => {
    expect(lines(microdata(codebook25, once(responses, 'r03,1,', 'r03,abc,')))).toMatchInlineSnapshot(`
      [
        "w/responses.csv row 4, column weight (column B): "abc" is not a positive number (expected a positive, finite weight on every row)",
      ]
    `);
  });
  it('optional questions may be blank inside their universe', () => {
    expect(lines(microdata(codebook25, once(responses, '"とても良い, 満足"', '')))).toEqual([]);
  });
});

describe('tables.csv', () => {
  const row = 'sample,2024,sector,all,total,1,60.0,120,200,p.3 図1';
  const edit = (to: string) => lines(published(once(tables, row, to)));
  it('table-survey and table-wave: rows of another survey or wave', () => {
    expect(edit('other,2023,sector,all,total,1,60.0,120,200,p.3 図1')).toMatchInlineSnapshot(`
      [
        "p/tables.csv row 2, column survey (column A): "other" is not the survey of this codebook (expected sample)",
        "p/tables.csv row 2, column wave (column B): "2023" is not the wave of this codebook (expected 2024)",
      ]
    `);
  });
  it('unknown-question: a question that is not in the codebook, or has no option table', () => {
    expect(edit('sample,2024,sectors,all,total,1,60.0,120,200,p.3 図1')).toMatchInlineSnapshot(`
      [
        "p/tables.csv row 2, column question (column C): "sectors" is not a question of this codebook — did you mean "sector"? (expected a single, multi, ordinal or banded question id, or <grid>__<row>)",
      ]
    `);
  });
  it('table-figure: neither percent nor count', () => {
    expect(edit('sample,2024,sector,all,total,1,,,200,p.3 図1')).toMatchInlineSnapshot(`
      [
        "p/tables.csv row 2, column percent (column G): is blank, and so is count (expected a percent (0–100), a count, or both)",
      ]
    `);
  });
  it('table-count: a count above the base', () => {
    expect(edit('sample,2024,sector,all,total,1,60.0,220,200,p.3 図1')).toMatchInlineSnapshot(`
      [
        "p/tables.csv row 2, column count (column H): "220" is not a count within the base (expected a whole number from 0 to the base (200))",
      ]
    `);
  });
  it('table-base: a base that differs within one table', () => {
    expect(edit('sample,2024,sector,all,total,1,60.0,120,201,p.3 図1')).toMatchInlineSnapshot(`
      [
        "p/tables.csv row 3, column base (column I): "200" differs from the base 201 given earlier for the same question, universe and segment (row 2) (expected 201)",
      ]
    `);
  });
  it('table-duplicate: the same option twice in one table', () => {
    expect(edit('sample,2024,sector,all,total,2,60.0,120,200,p.3 図1')).toMatchInlineSnapshot(`
      [
        "p/tables.csv row 3, column option (column F): "2" appears twice for the same question, universe and segment (expected each option once per table)",
      ]
    `);
  });
  it('missing-column, unknown-column, duplicate-column in the header', () => {
    expect(lines(published(once(tables, 'segment,option,percent,count,base,source', 'option,percent,count,base,base,note')))).toMatchInlineSnapshot(`
      [
        "p/tables.csv row 1, column base (column I): "base" appears twice in the header (expected each column once)",
        "p/tables.csv row 1, column note (column J): "note" is not a tables.csv column (expected survey, wave, question, universe, segment, option, percent, count, base, source)",
        "p/tables.csv row 1, column segment: is missing from the header (expected survey, wave, question, universe, segment, option, percent, count, base, source)",
      ]
    `);
  });
});

describe('crosswalk breaks (issue 12: a question of the same id links by default; a break stops it)', () => {
  const lines = (problems: Problem[]) => formatProblems(problems, 'en');
  it('crosswalk-break and unknown-question: a break that is also linked, or names no question of this wave', () => {
    const edited = once(codebook25, 'headlines:\n', '  breaks: [cs_team, nosuch]\nheadlines:\n');
    const out = lines(microdata(edited));
    expect(out).toEqual([
      expect.stringMatching(/crosswalk\.breaks\[0\]: "cs_team" is also linked under crosswalk\.questions \(expected either a link \(questions\) or a break \(breaks\), not both\)/),
      expect.stringMatching(/crosswalk\.breaks\[1\]: "nosuch" is not a question of this wave/),
    ]);
    microdata(edited).forEach((p) => seen.add(p.rule));
  });
});

describe('checklist (issue 12: npm run new-wave moves the previous wave\'s provenance into it)', () => {
  it('checklist-open: an item not done yet stops the wave, located', () => {
    const edited = `${codebook25}checklist:\n  - { item: "survey.title を確認する", previous: 前回の題名, done: false }\n  - { item: 済んだ項目, done: true }\n`;
    const problems = microdata(edited);
    problems.forEach((p) => seen.add(p.rule));
    expect(formatProblems(problems, 'en')).toEqual([expect.stringMatching(/^w\/codebook\.yaml line \d+, checklist\[0\]\.done: "survey\.title を確認する" is not checked yet \(expected done: true once checked \(or delete the item\); the wave is not published while an item is open\)$/)]);
  });
});

describe('Excel habits (issue 12, point 3)', () => {
  it('full-width digits and "5.0" are read as codes with one notice; ",,,," rows and an empty unnamed last column are ignored; a value under no header is reported', () => {
    const [header, ...rows] = responses.trimEnd().split(/\r?\n/);
    const cells = rows.map((r) => r.split(','));
    const sector = header.split(',').indexOf('sector');
    cells[0][sector] = String.fromCharCode(0xff10 + Number(cells[0][sector]));
    cells[1][sector] = `${cells[1][sector]}.0`;
    const excel = [`${header},`, ...cells.map((c) => `${c.join(',')},`), ','.repeat(header.split(',').length), ','.repeat(header.split(',').length), ''].join('\r\n');
    const r = loadWave({ codebookPath: 'w/codebook.yaml', codebookText: codebook25, responsesPath: 'w/responses.csv', responsesBytes: new TextEncoder().encode(excel) });
    expect(r.ok ? [] : formatProblems(r.problems, 'en')).toEqual([]);
    r.warnings.forEach((w) => seen.add(w.rule));
    expect(formatProblems(r.warnings, 'en')).toEqual([expect.stringMatching(/^w\/responses\.csv: "2 cells" were read as codes after normalising them as Excel writes them \(full-width digits, "5\.0", spaces\), e\.g\. sector 行2「[０-９]」、sector 行3「\d\.0」/)]);
    const plain = loadWave({ codebookPath: 'w/codebook.yaml', codebookText: codebook25, responsesPath: 'w/responses.csv', responsesBytes: new TextEncoder().encode(responses) });
    expect(r.ok && plain.ok && r.value.dataset!.variables.get('sector')).toEqual(plain.ok && plain.value.dataset!.variables.get('sector'));
    // Something under the unnamed last column is not silently dropped.
    const stray = excel.replace(`${cells[2].join(',')},`, `${cells[2].join(',')},メモ`);
    const problems = microdata(codebook25, stray);
    problems.forEach((p) => seen.add(p.rule));
    expect(formatProblems(problems, 'en')).toEqual([expect.stringMatching(/^w\/responses\.csv row 4, unnamed column [A-Z]+: "メモ" is a value in the last column, which has no header \(expected a header for the column, or nothing in it\)$/)]);
  });
});

describe('Excel deliveries (src/server/workbook.ts; tests/unit/dataset/workbook.test.ts has the rest)', () => {
  it('workbook: a file that is not a workbook is refused with its reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hakusho-rules-'));
    try {
      writeFileSync(join(dir, 'responses.xlsx'), 'id,q1\n');
      const r = await readWorkbook(join(dir, 'responses.xlsx'));
      expect(r.ok || r.problems.map((p) => `${p.rule}: ${p.message}`)).toEqual(['workbook: is not an Excel workbook (.xlsx): it is not a ZIP file']);
      if (!r.ok) r.problems.forEach((p) => seen.add(p.rule));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rule coverage', () => {
  it('every rule id the loader can emit is exercised by a test or a malformed fixture', () => {
    const source = readdirSync('src/lib/dataset')
      .map((f) => readFileSync(`src/lib/dataset/${f}`, 'utf8'))
      .join('\n');
    const declared = new Set([...source.matchAll(/rule: '([a-z-]+)'|bad\('[a-z]+', '([a-z-]+)'/g)].map((m) => m[1] ?? m[2]));
    for (const name of readdirSync('tests/fixtures/dataset/malformed')) {
      const r = readCatalog(`tests/fixtures/dataset/malformed/${name}`);
      if (!r.ok) r.problems.forEach((p) => seen.add(p.rule));
    }
    expect([...declared].filter((rule) => !seen.has(rule)).sort()).toEqual([]);
  });
});
