/**
 * readResponses on a small codebook: header binding (duplicates, unknown and misspelt columns,
 * missing ones), the variables built from the cells, growth past the claimed n, partial
 * multi-answer rows, and routing checks that skip cells already reported.
 */
import { describe, expect, it } from 'vitest';
import { Codebook } from '../../../src/lib/dataset/codebook.ts';
import { lineBreaks, readResponses } from '../../../src/lib/dataset/responses.ts';
import { ProblemList, formatProblem } from '../../../src/lib/dataset/problem.ts';
import { toIndices } from '../../../src/lib/dataset/bitset.ts';

function codebook(n: number, extra: Record<string, unknown> = {}): Codebook {
  const opts = (...codes: number[]) => codes.map((code) => ({ code, label: `o${code}` }));
  return Codebook.parse({
    survey: { id: 's', wave: '1', title: 't', publisher: 'p', fieldwork: { start: '2025-01-01', end: '2025-01-02' }, method: 'm', population: 'p', n, citation: 'c', licence: 'l', ...extra },
    questions: [
      { id: 'team', text: 't', label: 'チーム', type: 'single', options: [{ code: 2, label: 'b', order: 0 }, ...opts(1)] },
      { id: 'tools', text: 't', label: 'l', type: 'multi', universe: 'yes', options: opts(1, 2) },
      { id: 'staff', text: 't', label: '人数', type: 'numeric', unit: '人', optional: true },
      { id: 'g', text: 't', label: '施策', type: 'grid', rows: [{ id: 'r', label: '行' }], options: opts(1, 2) },
      { id: 'memo', text: 't', label: 'l', type: 'text', optional: true },
    ],
    universes: [{ id: 'yes', label: 'l', filter: { q: 'team', in: [1] } }],
    derived: [{ id: 'big', label: 'l', options: opts(1, 2), rules: [{ code: 1, when: { q: 'staff', range: { min: 100 } } }], otherwise: 2 }],
  });
}
const HEADER = 'id,team,tools__1,tools__2,staff,g__r,memo';
function read(cb: Codebook, csv: string) {
  const problems = new ProblemList();
  const dataset = readResponses(cb, csv, 'r.csv', problems);
  return { dataset, lines: problems.problems.map((p) => formatProblem(p, 'en')) };
}

describe('lineBreaks', () => {
  it('counts \\n, or \\r in a file without \\n', () => {
    expect(lineBreaks('a\nb\r\nc\n')).toBe(3);
    expect(lineBreaks('a\rb\rc')).toBe(2);
    expect(lineBreaks('a\r\nb')).toBe(1);
    expect(lineBreaks('abc')).toBe(0);
    expect(lineBreaks('\n')).toBe(1);
  });
});

describe('readResponses', () => {
  it('builds every kind of variable, derived variables and universes from valid rows', () => {
    const { dataset, lines } = read(codebook(3), `${HEADER}\na,1,1,0,120,2,"x\r\ny"\nb,2,,,,1,\nc,1,0,1,5,1,\n\n`);
    expect(lines).toEqual([]);
    const d = dataset!;
    expect(d.n).toBe(3);
    expect(d.ids).toEqual(['a', 'b', 'c']);
    expect(d.weights).toBeNull();
    const team = d.variables.get('team')!;
    expect(team).toMatchObject({ kind: 'coded', label: 'チーム', options: [{ code: 2 }, { code: 1 }] });
    expect(team.kind === 'coded' && [...team.index]).toEqual([1, 0, 1]);
    expect(toIndices(team.answered)).toEqual([0, 1, 2]);
    const tools = d.variables.get('tools')!;
    expect(tools.kind === 'multi' && tools.chosen.map(toIndices)).toEqual([[0], [2]]);
    expect(toIndices(tools.answered)).toEqual([0, 2]);
    const staff = d.variables.get('staff')!;
    expect(staff.kind === 'numeric' && [...staff.values]).toEqual([120, NaN, 5]);
    expect(toIndices(staff.answered)).toEqual([0, 2]);
    expect(d.variables.get('g__r')).toMatchObject({ kind: 'coded', label: '施策：行' });
    const memo = d.variables.get('memo')!;
    expect(memo.kind === 'text' && memo.values).toEqual(['x\ny', null, null]);
    expect(toIndices(memo.answered)).toEqual([0]);
    const big = d.variables.get('big')!;
    expect(big.kind === 'coded' && [...big.index]).toEqual([0, 1, 1]);
    expect(toIndices(d.universes.get('yes')!)).toEqual([0, 2]);
    expect([...d.questions.keys()]).toEqual(['team', 'tools', 'staff', 'g', 'memo']);
    expect([...d.derived.keys()]).toEqual(['big']);
  });
  it('grows past the n the codebook claims, and says the count differs', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `r${i},2,,,${i},1,`);
    const { dataset, lines } = read(codebook(2), `${HEADER}\n${rows.join('\n')}\n`);
    expect(lines).toEqual(['r.csv: "40 respondents" does not match survey.n in codebook.yaml (expected 2 rows after the header (or correct survey.n))']);
    const staff = dataset!.variables.get('staff')!;
    expect(staff.kind === 'numeric' && [...staff.values]).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(dataset!.ids[39]).toBe('r39');
    expect(toIndices(dataset!.variables.get('g__r')!.answered)).toHaveLength(40);
  });
  it('a weight column is read when the codebook names one', () => {
    const { dataset, lines } = read(codebook(2, { weightColumn: 'w' }), `${HEADER},w\na,2,,,,1,,1.5\nb,2,,,,1,,\n`);
    expect(lines).toEqual(['r.csv row 3, column w (column H): is blank (expected a positive, finite weight on every row)']);
    expect([...dataset!.weights!]).toEqual([1.5, NaN]);
  });
  it('header: repeated, unnamed, unknown and misspelt columns, missing ones (a misspelling is one problem); an empty unnamed last column is Excel\'s and ignored', () => {
    const { dataset, lines } = read(codebook(1), 'id,team,team,tools__1,tools__3,staf,g__r, ,memo,\na,2,2,,,,1,,,\n');
    expect(lines).toEqual([
      'r.csv row 1, column team (column C): "team" repeats the header of column 2 (expected each column once)',
      'r.csv row 1, column tools__3 (column E): "tools__3" is not a column the codebook knows — did you mean "tools__2"? (expected the id column "id", a question id, <multi question>__<option code> or <grid question>__<row id>)',
      'r.csv row 1, column staf (column F): "staf" is not a column the codebook knows — did you mean "staff"? (expected the id column "id", a question id, <multi question>__<option code> or <grid question>__<row id>)',
      'r.csv row 1, unnamed column H: " " is not a column the codebook knows (expected the id column "id", a question id, <multi question>__<option code> or <grid question>__<row id>)',
    ]);
    expect(dataset!.n).toBe(1);
  });
  it('a missing id column: the dataset cannot be read; other missing columns are named', () => {
    const { dataset, lines } = read(codebook(1), 'team,tools__1,tools__2,staff,g__r\n2,,,,1\n');
    expect(dataset).toBeNull();
    expect(lines).toEqual([
      'r.csv row 1, column id: is missing from the header (expected the id column (survey.idColumn))',
      'r.csv row 1, column memo: is missing from the header (expected one column per question, multi-answer option and grid row in the codebook)',
    ]);
    expect(read(codebook(1), '').dataset).toBeNull();
  });
  it('with a column missing, routing is not checked', () => {
    const { dataset, lines } = read(codebook(1), 'id,team,tools__1,tools__2,staff,memo\na,1,,,,\n');
    expect(lines).toEqual(['r.csv row 1, column g__r: is missing from the header (expected one column per question, multi-answer option and grid row in the codebook)']);
    expect(dataset!.n).toBe(1);
  });
  it('multi-answer rows with some option columns blank; one option column missing still binds the others', () => {
    expect(read(codebook(2), `${HEADER}\na,1,1,,,1,\nb,1,0,1,,1,\n`).lines).toEqual([
      'r.csv row 2, column tools__*: "1 of 2 filled" has some option columns blank and others filled (expected all 2 option columns 0/1 inside the universe, all blank outside)',
    ]);
    const { dataset } = read(codebook(1), 'id,team,tools__2,staff,g__r,memo\na,1,1,,1,\n');
    const tools = dataset!.variables.get('tools')!;
    expect(tools.kind === 'multi' && tools.chosen.map(toIndices)).toEqual([[], [0]]);
  });
  it('routing: answers outside the universe and blanks inside are reported, unless the cell or an input of the universe was invalid', () => {
    expect(read(codebook(3), `${HEADER}\na,2,1,0,,1,\nb,1,,,,1,\nc,1,1,x,,1,\n`).lines).toEqual([
      'r.csv row 4, column tools__2 (column D): "x" is not 0 or 1 (expected 1 (chosen), 0 (not chosen) or blank (not asked))',
      'r.csv row 2, column tools__*: "chose 1" is answered, but the respondent is outside the question\'s universe "yes" (expected blank (the question was not asked))',
      'r.csv row 3, column tools__*: is blank, but the respondent is in the question\'s universe "yes" (expected 0 or 1 in every option column (or optional: true on the question))',
    ]);
    // team is invalid on row 2: whether tools was asked is unknown, so its answer is not a routing error.
    expect(read(codebook(2), `${HEADER}\na,7,1,0,,1,\nb,1,1,1,,1,\n`).lines).toEqual(['r.csv row 2, column team (column B): "7" is not an option (expected 1, 2)']);
  });
  it('ragged and blank rows inside the file are not checked further (a blank row is no respondent)', () => {
    const { lines } = read(codebook(2), `${HEADER}\na,1,1\n\nb,2,,,,1,\n`);
    expect(lines).toEqual([
      'r.csv row 2: "3 fields" has the wrong number of fields (expected 7 fields, as in the header)',
      'r.csv row 3: is empty (expected one respondent per row, no blank rows in between)',
    ]);
  });
});

describe('checkRouting through readResponses', () => {
  function routed(): Codebook {
    const opts = (...codes: number[]) => codes.map((code) => ({ code, label: `o${code}` }));
    return Codebook.parse({
      survey: { id: 's', wave: '1', title: 't', publisher: 'p', fieldwork: { start: '2025-01-01', end: '2025-01-02' }, method: 'm', population: 'p', n: 3, citation: 'c', licence: 'l' },
      questions: [
        { id: 'team', text: 't', label: 'l', type: 'single', options: opts(1, 2) },
        { id: 'effect', text: 't', label: 'l', type: 'single', universe: 'yes', options: opts(1, 2) },
        { id: 'staff', text: 't', label: 'l', type: 'numeric', unit: '人', universe: 'yes' },
        { id: 'memo', text: 't', label: 'l', type: 'text', universe: 'yes', optional: true },
        { id: 'tools', text: 't', label: 'l', type: 'multi', universe: 'yes', maxChoices: 2, options: [...opts(1, 2, 3), { code: 9, label: 'none', exclusive: true }] },
        { id: 'g', text: 't', label: 'l', type: 'grid', rows: [{ id: 'a', label: 'l' }, { id: 'b', label: 'l', universe: 'yes' }], options: opts(1, 2) },
      ],
      universes: [{ id: 'yes', label: 'l', filter: { q: 'team', in: [1] } }],
    });
  }
  const H = 'id,team,effect,staff,memo,tools__1,tools__2,tools__3,tools__9,g__a,g__b';
  it('names the value found outside the universe for every kind of variable', () => {
    expect(read(routed(), `${H}\na,2,1,3.5,hi,0,0,0,0,1,2\nb,2,,,,,,,,1,\nc,1,2,1,,1,0,0,0,2,1\n`).lines).toEqual([
      'r.csv row 2, column effect (column C): "1" is answered, but the respondent is outside the question\'s universe "yes" (expected blank (the question was not asked))',
      'r.csv row 2, column staff (column D): "3.5" is answered, but the respondent is outside the question\'s universe "yes" (expected blank (the question was not asked))',
      'r.csv row 2, column memo (column E): "hi" is answered, but the respondent is outside the question\'s universe "yes" (expected blank (the question was not asked))',
      'r.csv row 2, column tools__*: "chose none" is answered, but the respondent is outside the question\'s universe "yes" (expected blank (the question was not asked))',
      'r.csv row 2, column g__b (column K): "2" is answered, but the respondent is outside the question\'s universe "yes" (expected blank (the question was not asked))',
    ]);
  });
  it('blanks inside the universe, for every kind but optional ones; a grid row in the universe all', () => {
    expect(read(routed(), `${H}\na,1,,,,,,,,,\nb,2,,,,,,,,1,\nc,2,,,,,,,,1,\n`).lines).toEqual([
      'r.csv row 2, column effect (column C): is blank, but the respondent is in the question\'s universe "yes" (expected an answer (or optional: true on the question))',
      'r.csv row 2, column staff (column D): is blank, but the respondent is in the question\'s universe "yes" (expected an answer (or optional: true on the question))',
      'r.csv row 2, column tools__*: is blank, but the respondent is in the question\'s universe "yes" (expected 0 or 1 in every option column (or optional: true on the question))',
      'r.csv row 2, column g__a (column J): is blank, but the respondent is in the question\'s universe "all" (expected an answer (or optional: true on the question))',
      'r.csv row 2, column g__b (column K): is blank, but the respondent is in the question\'s universe "yes" (expected an answer (or optional: true on the question))',
    ]);
  });
  it('an exclusive option combined with others, and more choices than allowed (the limit itself is fine)', () => {
    expect(read(routed(), `${H}\na,1,1,1,,1,0,0,1,1,1\nb,1,1,1,,1,1,1,0,1,1\nc,1,1,1,,1,1,0,0,1,1\n`).lines).toEqual([
      'r.csv row 2, column tools__9 (column I): "chose 1, 9" combines the exclusive option 9 (none) with others (expected 9 alone)',
      'r.csv row 3, column tools__*: "3 options" chose more options than allowed (expected at most 2)',
    ]);
  });
});

describe('columns without a header, and the notice of normalised codes (mutation survivors)', () => {
  it('names a column without a header by its number: a value in the unnamed last column, an unnamed column, and a second one', () => {
    const problems = new ProblemList();
    readResponses(codebook(1), `${HEADER},\na,2,,,,1,,x\n`, 'r.csv', problems);
    expect(problems.problems.map((p) => [p.row, p.column, p.columnIndex, p.value, p.rule])).toEqual([[2, '(column 8)', 7, 'x', 'unnamed-column']]);
    const header = new ProblemList();
    readResponses(codebook(1), 'id,,team,,tools__1,tools__2,staff,g__r,memo\na,,2,,,,,1,\n', 'r.csv', header);
    expect(header.problems.map((p) => [p.column, p.columnIndex, p.rule])).toEqual([
      ['(column 4)', 3, 'duplicate-column'],
      ['(column 2)', 1, 'unknown-column'],
    ]);
  });
  it('tells once how many cells were read as codes after normalising, with examples', () => {
    const problems = new ProblemList();
    const warnings: Parameters<typeof readResponses>[4] = [];
    readResponses(codebook(2), `${HEADER}\na,２,,,,1,\nb,2.0,,,,1,\n`, 'r.csv', problems, warnings);
    expect(problems.problems).toEqual([]);
    expect(warnings).toEqual([
      {
        file: 'r.csv',
        rule: 'normalised-codes',
        value: '2 cells',
        message: 'were read as codes after normalising them as Excel writes them (full-width digits, "5.0", spaces), e.g. team 行2「２」、team 行3「2.0」',
        expected: 'plain half-width codes (nothing to fix: the values are used as read)',
      },
    ]);
  });
});
