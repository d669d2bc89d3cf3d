/**
 * validateCodebook rule by rule, on small in-memory codebooks: each test edits a valid codebook
 * that holds every question type and checks the exact problems (path, rule, value, message,
 * expectation), including the cases that must stay silent at each boundary.
 */
import { describe, expect, it } from 'vitest';
import { Codebook } from '../../../src/lib/dataset/codebook.ts';
import type { Filter } from '../../../src/lib/dataset/codebook.ts';
import { filterDeps, validateCodebook, variableShapes } from '../../../src/lib/dataset/validate-codebook.ts';
import { formatPath } from '../../../src/lib/dataset/schema-errors.ts';

type Obj = Record<string, unknown>;
/** A codebook as an editor writes it, loosely typed so tests can write what the schema forbids too. */
interface Input {
  survey: Obj;
  questions: Obj[];
  derived: Obj[];
  universes: Obj[];
  chapters: Obj[];
  headlines: Obj[];
  crosswalk?: Obj;
  cube?: Obj;
}

const opts = (...codes: number[]) => codes.map((code) => ({ code, label: `o${code}` }));

/** A valid codebook with every question type, a derived variable, a universe and a chapter. */
function base(): Input {
  return {
    survey: { id: 's', wave: '2025', title: 'T', publisher: 'P', fieldwork: { start: '2025-01-10', end: '2025-01-31' }, method: 'M', population: 'P', n: 10, citation: 'C', licence: 'L' },
    questions: [
      { id: 'sector', text: 't', label: 'l', type: 'single', chapter: 'ov', options: opts(1, 2) },
      { id: 'team', text: 't', label: 'l', type: 'single', options: opts(1, 2) },
      { id: 'tools', text: 't', label: 'l', type: 'multi', maxChoices: 3, options: opts(1, 2, 3) },
      { id: 'effect', text: 't', label: 'l', type: 'ordinal', universe: 'doing', options: opts(1, 2, 3), neutral: [2], nets: [{ id: 'top', label: 'l', codes: [3] }, { id: 'low', label: 'l', codes: [1] }] },
      {
        id: 'churn',
        text: 't',
        label: 'l',
        type: 'banded',
        unit: '%',
        options: [
          { code: 1, label: 'a', lower: 0, upper: 1 },
          { code: 2, label: 'b', lower: 1, upper: 3 },
          { code: 3, label: 'c', lower: 3 },
          { code: 9, label: 'dk', nonSubstantive: true },
        ],
      },
      { id: 'staff', text: 't', label: 'l', type: 'numeric', unit: '人', min: 1, max: 1 },
      { id: 'grid', text: 't', label: 'l', type: 'grid', rows: [{ id: 'r1', label: 'l' }, { id: 'r2', label: 'l', universe: 'doing' }], options: opts(1, 2) },
      { id: 'memo', text: 't', label: 'l', type: 'text' },
    ],
    derived: [{ id: 'size', label: 'l', options: opts(1, 2), rules: [{ code: 1, when: { q: 'staff', range: { max: 99 } } }], otherwise: 2 }],
    universes: [{ id: 'doing', label: 'l', filter: { q: 'team', in: [1] } }],
    chapters: [{ id: 'ov', title: 't' }],
    headlines: [],
  };
}

const line = (p: { path: (string | number)[]; rule: string; value?: string; message: string; expected?: string }) =>
  `${formatPath(p.path)} [${p.rule}]: ${p.value !== undefined ? `"${p.value}" ` : ''}${p.message} (expected ${p.expected})`;

/** The problems of the base codebook after `edit`. */
function check(edit: (c: Input) => void): string[] {
  const input = base();
  edit(input);
  return validateCodebook(Codebook.parse(input)).map(line);
}

const q = (c: Input, id: string) => c.questions.find((x) => x.id === id)!;
const addQuestion = (c: Input, question: Record<string, unknown>) => c.questions.push({ text: 't', label: 'l', ...question });
const filterOf = (c: Input, filter: Filter) => (c.universes[0].filter = filter);
/** The questions routed by universe doing stop being public (so it may read restricted data). */
const restrictRouted = (c: Input) => {
  q(c, 'effect').publication = 'restricted';
  q(c, 'grid').publication = 'restricted';
};

describe('validateCodebook: the base codebook', () => {
  it('has no problems', () => {
    expect(check(() => {})).toEqual([]);
  });
});

describe('survey', () => {
  it('fieldwork-order: an end before the start; the same day is fine', () => {
    expect(check((c) => (c.survey.fieldwork = { start: '2025-02-01', end: '2025-01-31' }))).toEqual([
      'survey.fieldwork.end [fieldwork-order]: "2025-01-31" is before the start (expected a date on or after 2025-02-01)',
    ]);
    expect(check((c) => (c.survey.fieldwork = { start: '2025-01-31', end: '2025-01-31' }))).toEqual([]);
  });
});

describe('duplicate ids', () => {
  it('a question id used three times points at the first use each time', () => {
    expect(
      check((c) => {
        addQuestion(c, { id: 'team', type: 'single', options: opts(1) });
        addQuestion(c, { id: 'team', type: 'single', options: opts(1) });
      }),
    ).toEqual([
      'questions[8].id [duplicate-id]: "team" repeats the question id of questions[1] (expected a unique question id)',
      'questions[9].id [duplicate-id]: "team" repeats the question id of questions[1] (expected a unique question id)',
    ]);
  });
  it('derived, chapter and universe ids; the built-in universe all; a derived id that is a question id', () => {
    expect(
      check((c) => {
        c.derived.push({ ...c.derived[0] });
        c.derived.push({ ...c.derived[0], id: 'sector' });
        c.chapters.push({ id: 'ov', title: 'again' });
        c.universes.push({ id: 'doing', label: 'l', filter: { q: 'team', in: [2] } });
        c.universes.push({ id: 'all', label: 'l', filter: { q: 'team', in: [2] } });
      }),
    ).toEqual([
      'derived[1].id [duplicate-id]: "size" repeats the derived variable id of derived[0] (expected a unique derived variable id)',
      'chapters[1].id [duplicate-id]: "ov" repeats the chapter id of chapters[0] (expected a unique chapter id)',
      'universes[2].id [duplicate-id]: "all" is built in and cannot be redefined (expected another universe id)',
      'universes[1].id [duplicate-id]: "doing" repeats the universe id of universes[0] (expected a unique universe id)',
      'derived[2].id [duplicate-id]: "sector" is also a question id (expected an id used by no question)',
    ]);
  });
  it('option codes, net codes and neutral codes of a question', () => {
    expect(
      check((c) => {
        q(c, 'effect').options = [...opts(1, 2, 3), { code: 2, label: 'again' }];
        q(c, 'effect').nets = [{ id: 'top', label: 'l', codes: [3, 7] }];
        q(c, 'effect').neutral = [8];
      }),
    ).toEqual([
      'questions[3].options[3].code [duplicate-id]: "2" repeats the option code of options[1] (expected a unique option code)',
      'questions[3].nets[0].codes[1] [unknown-code]: "7" is not an option of this question (expected one of 1, 2, 3)',
      'questions[3].neutral[0] [unknown-code]: "8" is not an option of this question (expected one of 1, 2, 3)',
    ]);
  });
});

describe('questions', () => {
  it('unknown-universe and unknown-chapter', () => {
    expect(
      check((c) => {
        q(c, 'sector').universe = 'nope';
        q(c, 'sector').chapter = 'nochapter';
      }),
    ).toEqual([
      'questions[0].universe [unknown-universe]: "nope" is not a universe of this codebook (expected one of all, doing)',
      'questions[0].chapter [unknown-chapter]: "nochapter" is not a chapter of this codebook (expected one of ov)',
    ]);
  });
  it('unknown-chapter when the codebook declares no chapters', () => {
    expect(check((c) => (c.chapters = []))).toEqual([
      'questions[0].chapter [unknown-chapter]: "ov" is not a chapter of this codebook (expected a chapter declared under chapters:)',
    ]);
  });
  it('bounds-order: numeric min above max (equal bounds are fine, one bound alone too)', () => {
    expect(check((c) => Object.assign(q(c, 'staff'), { min: 5, max: 4 }))).toEqual([
      'questions[5].max [bounds-order]: "4" is below min (expected a number ≥ 5)',
    ]);
    expect(check((c) => Object.assign(q(c, 'staff'), { min: 5, max: undefined }))).toEqual([]);
    expect(check((c) => Object.assign(q(c, 'staff'), { min: undefined, max: -5 }))).toEqual([]);
  });
  it('a text question has no options to check', () => {
    expect(check((c) => addQuestion(c, { id: 'memo2', type: 'text', universe: 'doing' }))).toEqual([]);
  });
  it('bounds-order: maxChoices above the number of options (equal is fine)', () => {
    expect(check((c) => (q(c, 'tools').maxChoices = 4))).toEqual([
      'questions[2].maxChoices [bounds-order]: "4" exceeds the number of options (expected at most 3)',
    ]);
  });
  it('grid rows: a repeated row id, an unknown row universe, a row id that makes the variable too long', () => {
    const long = 'r'.repeat(120 - 'grid__'.length);
    expect(
      check((c) => {
        q(c, 'grid').rows = [{ id: 'r1', label: 'l' }, { id: 'r1', label: 'l', universe: 'nope' }, { id: long, label: 'l' }, { id: `${long}x`, label: 'l' }];
      }),
    ).toEqual([
      'questions[6].rows[1].id [duplicate-id]: "r1" repeats the row id of rows[0] (expected a unique row id)',
      `questions[6].rows[3].id [id-too-long]: "${long}x" makes the grid row's variable id grid__<row> too long (121 characters) (expected question id, "__" and row id together at most 120 characters)`,
      'questions[6].rows[1].universe [unknown-universe]: "nope" is not a universe of this codebook (expected one of all, doing)',
    ]);
  });
  it('grid options and nets are checked like any coded question', () => {
    expect(check((c) => (q(c, 'grid').nets = [{ id: 'yes', label: 'l', codes: [1, 5] }]))).toEqual([
      'questions[6].nets[0].codes[1] [unknown-code]: "5" is not an option of this question (expected one of 1, 2)',
    ]);
  });
});

describe('bands of a banded question', () => {
  const band = (code: number, lower?: number, upper?: number) => ({ code, label: `b${code}`, lower, upper });
  it('band-bounds: a missing lower bound stops the checks of that band', () => {
    expect(check((c) => (q(c, 'churn').options = [band(1, 0, 1), band(2, undefined, 0), band(3, 3)]))).toEqual([
      'questions[4].options[1].lower [band-bounds]: is missing (expected a lower bound on every band (mark わからない etc. as nonSubstantive: true))',
    ]);
  });
  it('band-bounds: an open band that is not the last; a band that does not start after the open one is not compared', () => {
    expect(check((c) => (q(c, 'churn').options = [band(1, 0, 1), band(2, 1), band(3, 0, 5)]))).toEqual([
      'questions[4].options[1].upper [band-bounds]: is missing (expected an upper bound on every band but the last (open) one)',
    ]);
  });
  it('band-bounds: an upper bound not above the lower one', () => {
    expect(check((c) => (q(c, 'churn').options = [band(1, 0, 0), band(2, 3, 2)]))).toEqual([
      'questions[4].options[0].upper [band-bounds]: "0" is not above the lower bound (expected a number > 0)',
      'questions[4].options[1].upper [band-bounds]: "2" is not above the lower bound (expected a number > 3)',
    ]);
  });
  it('band-bounds: overlapping bands name the band before (non-substantive options are skipped)', () => {
    expect(check((c) => (q(c, 'churn').options = [band(1, 0, 2), { code: 9, label: 'dk', nonSubstantive: true }, band(2, 1, 3), band(3, 3)]))).toEqual([
      'questions[4].options[2].lower [band-bounds]: "1" overlaps or precedes the band before it (options[0] ends at 2) (expected bands from lowest to highest, this one starting at 2 or above)',
    ]);
  });
  it('a band compares with the one just before, not the first', () => {
    expect(check((c) => (q(c, 'churn').options = [band(1, 0, 5), band(2, 5, 6), band(3, 5.5, 7)]))).toEqual([
      'questions[4].options[2].lower [band-bounds]: "5.5" overlaps or precedes the band before it (options[1] ends at 6) (expected bands from lowest to highest, this one starting at 6 or above)',
    ]);
  });
});

describe('derived variables', () => {
  it('an unknown universe, a repeated option code, rule and otherwise codes that are not options', () => {
    expect(
      check((c) => {
        Object.assign(c.derived[0], { universe: 'nope', options: [...opts(1, 2), { code: 1, label: 'x' }], rules: [{ code: 1, when: { q: 'staff', answered: true } }, { code: 5, when: { q: 'stafff', answered: true } }], otherwise: 6 });
      }),
    ).toEqual([
      'derived[0].universe [unknown-universe]: "nope" is not a universe of this codebook (expected one of all, doing)',
      'derived[0].options[2].code [duplicate-id]: "1" repeats the option code of options[0] (expected a unique option code)',
      'derived[0].rules[1].code [unknown-code]: "5" is not an option of this derived variable (expected one of 1, 2)',
      'derived[0].rules[1].when.q [unknown-question]: "stafff" is not a question, grid row (question__row) or derived variable of this codebook — did you mean "staff"? (expected an id declared under questions: or derived:)',
      'derived[0].otherwise [unknown-code]: "6" is not an option of this derived variable (expected one of 1, 2)',
    ]);
  });
  it('a known universe and no otherwise are fine', () => {
    expect(check((c) => Object.assign(c.derived[0], { universe: 'doing', otherwise: undefined }))).toEqual([]);
  });
  it('a chapter universe must exist', () => {
    expect(check((c) => c.chapters.push({ id: 'two', title: 't', universe: 'nope' }))).toEqual([
      'chapters[1].universe [unknown-universe]: "nope" is not a universe of this codebook (expected one of all, doing)',
    ]);
  });
});

describe('filters', () => {
  it('paths through all, any and not; an unknown universe', () => {
    expect(check((c) => filterOf(c, { all: [{ q: 'team', in: [1] }, { any: [{ not: { universe: 'nope' } }, { q: 'team', in: [3] }] }] }))).toEqual([
      'universes[0].filter.all[1].any[0].not.universe [unknown-universe]: "nope" is not a universe of this codebook (expected one of all, doing)',
      'universes[0].filter.all[1].any[1].in[0] [unknown-code]: "3" is not an option of team (expected one of 1, 2)',
    ]);
  });
  it('an unknown variable without a close name gets no guess', () => {
    expect(check((c) => filterOf(c, { q: 'zzzzzzzz', answered: true }))).toEqual([
      'universes[0].filter.q [unknown-question]: "zzzzzzzz" is not a question, grid row (question__row) or derived variable of this codebook (expected an id declared under questions: or derived:)',
    ]);
  });
  it('grid rows and derived variables are variables; answered fits every kind, text included', () => {
    expect(
      check((c) => {
        restrictRouted(c);
        filterOf(c, { all: [{ q: 'grid__r1', in: [2] }, { q: 'size', in: [1] }, { q: 'memo', answered: true }, { q: 'tools', answered: false }] });
      }),
    ).toEqual([]);
    expect(check((c) => filterOf(c, { q: 'grid', in: [1] }))).toEqual([
      'universes[0].filter.q [unknown-question]: "grid" is not a question, grid row (question__row) or derived variable of this codebook (expected an id declared under questions: or derived:)',
    ]);
  });
  it('range and in fit coded and numeric variables; numeric codes are not options', () => {
    expect(check((c) => filterOf(c, { all: [{ q: 'staff', in: [42] }, { q: 'staff', range: { min: 1 } }, { q: 'churn', range: { min: 1 } }, { q: 'effect', in: [1, 3] }] }))).toEqual([]);
  });
  it('filter-kind: each form on a variable it does not fit says which forms do', () => {
    expect(
      check((c) => {
        restrictRouted(c);
        filterOf(c, {
          all: [
            { q: 'tools', range: { min: 1 } },
            { q: 'tools', in: [1] },
            { q: 'memo', in: [1] },
            { q: 'memo', range: { max: 1 } },
            { q: 'team', includesAny: [1] },
            { q: 'staff', includesAll: [1] },
          ],
        });
      }),
    ).toEqual([
      'universes[0].filter.all[0].range [filter-kind]: "tools" is a multi variable and cannot be filtered with range (expected includesAny or includesAll)',
      'universes[0].filter.all[1].in [filter-kind]: "tools" is a multi variable and cannot be filtered with in (expected includesAny or includesAll)',
      'universes[0].filter.all[2].in [filter-kind]: "memo" is a text variable and cannot be filtered with in (expected answered)',
      'universes[0].filter.all[3].range [filter-kind]: "memo" is a text variable and cannot be filtered with range (expected answered)',
      'universes[0].filter.all[4].includesAny [filter-kind]: "team" is a coded variable and cannot be filtered with includesAny (expected in or range)',
      'universes[0].filter.all[5].includesAll [filter-kind]: "staff" is a numeric variable and cannot be filtered with includesAll (expected in or range)',
    ]);
  });
  it('unknown-code: includesAny and includesAll codes of a multi variable', () => {
    expect(check((c) => filterOf(c, { any: [{ q: 'tools', includesAny: [1, 4] }, { q: 'tools', includesAll: [5, 2] }] }))).toEqual([
      'universes[0].filter.any[0].includesAny[1] [unknown-code]: "4" is not an option of tools (expected one of 1, 2, 3)',
      'universes[0].filter.any[1].includesAll[0] [unknown-code]: "5" is not an option of tools (expected one of 1, 2, 3)',
    ]);
  });
  it('a duplicated question is filtered by its first definition', () => {
    expect(
      check((c) => {
        addQuestion(c, { id: 'team', type: 'multi', options: opts(1, 2, 3) });
        filterOf(c, { q: 'team', in: [2] });
      }),
    ).toEqual(['questions[8].id [duplicate-id]: "team" repeats the question id of questions[1] (expected a unique question id)']);
  });
});

describe('crosswalk', () => {
  it('unknown questions and option codes; grid rows are questions; a numeric question has no options', () => {
    expect(
      check((c) => {
        c.crosswalk = {
          wave: '2024',
          questions: [
            { question: 'sector', options: { '1': 1, '2': 1 } },
            { question: 'sectr' },
            { question: 'grid__r2', options: { '2': 1, '3': 1 } },
            { question: 'grid__r9' },
            { question: 'staff', options: { '1': 1 } },
          ],
        };
      }),
    ).toEqual([
      'crosswalk.questions[1].question [unknown-question]: "sectr" is not a question of this wave — did you mean "sector"? (expected a question id (or grid row grid__row) of this codebook)',
      'crosswalk.questions[2].options.3 [unknown-code]: "3" is not an option code of grid (expected one of 1, 2)',
      'crosswalk.questions[3].question [unknown-question]: "grid__r9" is not a question of this wave — did you mean "grid__r1"? (expected a question id (or grid row grid__row) of this codebook)',
      'crosswalk.questions[4].options.1 [unknown-code]: "1" is not an option code of staff (expected no option mapping (the question has no options))',
    ]);
  });
});

describe('publication', () => {
  it('publication-leak: a public derived variable that reads a restricted question (restricted or inferred is fine)', () => {
    const restrict = (c: Input) => (q(c, 'staff').publication = 'restricted');
    expect(
      check((c) => {
        restrict(c);
        c.derived[0].publication = 'public';
      }),
    ).toEqual([
      'derived[0].publication [publication-leak]: "public" is not allowed: derived variable size reads staff, which is restricted (expected publication: restricted, or no publication (a derived variable is restricted when any input is))',
    ]);
    expect(check((c) => (restrict(c), (c.derived[0].publication = 'restricted')))).toEqual([]);
    expect(check(restrict)).toEqual([]);
  });
  it('a public derived variable reading an unknown name is reported as unknown, not as a leak', () => {
    expect(check((c) => Object.assign(c.derived[0], { publication: 'public', rules: [{ code: 1, when: { q: 'nothing', answered: true } }] }))).toEqual([
      'derived[0].rules[0].when.q [unknown-question]: "nothing" is not a question, grid row (question__row) or derived variable of this codebook (expected an id declared under questions: or derived:)',
    ]);
  });
  it('publication-leak: a public question or grid row routed by a universe on restricted data', () => {
    expect(check((c) => (q(c, 'team').publication = 'restricted'))).toEqual([
      'questions[3].universe [publication-leak]: "doing" reads team, which is restricted: the base of a public question would reveal it (expected a universe defined on public variables only, or publication: restricted on this question)',
      'questions[6].rows[1].universe [publication-leak]: "doing" reads team, which is restricted: the base of a public question would reveal it (expected a universe defined on public variables only, or publication: restricted on this question)',
    ]);
  });
  it('a restricted question may be routed by restricted data; free text is never public', () => {
    expect(
      check((c) => {
        q(c, 'team').publication = 'restricted';
        q(c, 'effect').publication = 'restricted';
        q(c, 'grid').publication = 'restricted';
        q(c, 'memo').universe = 'doing';
      }),
    ).toEqual([]);
  });
  it('a public grid whose own universe leaks is reported once for the question', () => {
    expect(
      check((c) => {
        q(c, 'team').publication = 'restricted';
        q(c, 'effect').publication = 'restricted';
        q(c, 'grid').universe = 'doing';
        q(c, 'grid').rows = [{ id: 'r1', label: 'l' }];
      }),
    ).toEqual([
      'questions[6].universe [publication-leak]: "doing" reads team, which is restricted: the base of a public question would reveal it (expected a universe defined on public variables only, or publication: restricted on this question)',
    ]);
  });
});

describe('cube filters', () => {
  it('unknown-variable: numeric, restricted, free text and unknown names; multi, grid rows and derived variables are usable', () => {
    expect(
      check((c) => {
        q(c, 'team').publication = 'restricted';
        q(c, 'effect').publication = 'restricted';
        q(c, 'grid').publication = 'restricted';
        c.cube = { filters: ['tools', 'size', 'staff', 'team', 'memo', 'nope'] };
      }),
    ).toEqual(
      [
        'cube.filters[2] [unknown-variable]: "staff" cannot filter the protected cube (restricted, free text or numeric)',
        'cube.filters[3] [unknown-variable]: "team" cannot filter the protected cube (restricted, free text or numeric)',
        'cube.filters[4] [unknown-variable]: "memo" cannot filter the protected cube (restricted, free text or numeric)',
        'cube.filters[5] [unknown-variable]: "nope" is not a variable of this codebook',
      ].map((l) => `${l} (expected a public single- or multi-answer variable: sector, tools, churn, size)`),
    );
  });
  it('the list of usable variables stops after 12', () => {
    const usable = (n: number) =>
      check((c) => {
        c.questions = Array.from({ length: n }, (_, i) => ({ id: `v${i}`, text: 't', label: 'l', type: 'single', options: opts(1) }));
        Object.assign(c, { derived: [], universes: [], chapters: [], cube: { filters: ['nope'] } });
      });
    const names = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`).join(', ');
    expect(usable(12)).toEqual([`cube.filters[0] [unknown-variable]: "nope" is not a variable of this codebook (expected a public single- or multi-answer variable: ${names(12)})`]);
    expect(usable(13)).toEqual([`cube.filters[0] [unknown-variable]: "nope" is not a variable of this codebook (expected a public single- or multi-answer variable: ${names(12)} …)`]);
  });
});

describe('headlines', () => {
  const headline = (h: Record<string, unknown>) => (c: Input) => c.headlines.push({ label: 'h', ...h });
  const problemsOf = (...hs: Record<string, unknown>[]) => check((c) => hs.forEach((h) => headline(h)(c)));

  it('valid headlines of each kind', () => {
    expect(
      problemsOf(
        { q: 'sector', option: 1 },
        { q: 'effect', net: 'top', universe: 'doing', by: 'sector', segment: 2 },
        { q: 'churn', kind: 'mean' },
        { q: 'staff', kind: 'median' },
        { q: 'grid__r1', kind: 'base' },
        { q: 'size', kind: 'count', option: 2, by: 'grid__r2' },
        { q: 'tools', option: 3, universe: 'all' },
      ),
    ).toEqual([]);
  });
  it('headline-kind: a wave of published tables has no headlines', () => {
    expect(
      check((c) => {
        c.survey.kind = 'tables';
        headline({ q: 'nothing' })(c);
      }),
    ).toEqual(['headlines[0] [headline-kind]: is given for a wave of published tables only (expected headlines on microdata waves only (the engine computes them from responses.csv))']);
  });
  it('universes: unknown, and restricted (a leak)', () => {
    expect(problemsOf({ q: 'sector', option: 1, universe: 'nope' })).toEqual(['headlines[0].universe [unknown-universe]: "nope" is not a universe of this codebook (expected one of all, doing)']);
    expect(
      check((c) => {
        q(c, 'team').publication = 'restricted';
        q(c, 'effect').publication = 'restricted';
        q(c, 'grid').publication = 'restricted';
        headline({ q: 'sector', option: 1, universe: 'doing' })(c);
      }),
    ).toEqual(['headlines[0].universe [publication-leak]: "doing" reads team, which is restricted: a published figure would reveal it (expected a universe defined on public variables only)']);
  });
  it('unknown-question: a misspelt, a grid without its row, free text and restricted variables', () => {
    const expected = 'a public question, grid row or derived variable';
    expect(problemsOf({ q: 'sectr', option: 1 }, { q: 'zzzzzzzz', option: 1 }, { q: 'grid', option: 1 }, { q: 'memo', kind: 'base' }, { q: 'grid__r9', kind: 'base' })).toEqual([
      `headlines[0].q [unknown-question]: "sectr" is not a question, grid row (question__row) or derived variable of this codebook — did you mean "sector"? (expected ${expected})`,
      `headlines[1].q [unknown-question]: "zzzzzzzz" is not a question, grid row (question__row) or derived variable of this codebook (expected ${expected})`,
      `headlines[2].q [unknown-question]: "grid" is a grid; name one of its rows as question__row (expected ${expected})`,
      `headlines[3].q [unknown-question]: "memo" is not a public question with answers to count (expected ${expected})`,
      `headlines[4].q [unknown-question]: "grid__r9" is not a question, grid row (question__row) or derived variable of this codebook — did you mean "grid__r1"? (expected ${expected})`,
    ]);
    expect(
      check((c) => {
        q(c, 'team').publication = 'restricted';
        headline({ q: 'team', option: 1 })(c);
        headline({ q: 'tem', option: 1 })(c);
        headline({ q: 'memo', option: 1 })(c);
      }).filter((l) => l.startsWith('headlines')),
    ).toEqual([
      `headlines[0].q [unknown-question]: "team" is not a public question with answers to count (expected ${expected})`,
      // The guess is among public variables only: not the restricted team, nor free text.
      `headlines[1].q [unknown-question]: "tem" is not a question, grid row (question__row) or derived variable of this codebook (expected ${expected})`,
      `headlines[2].q [unknown-question]: "memo" is not a public question with answers to count (expected ${expected})`,
    ]);
  });
  it('by: unknown, multi, numeric, restricted; a segment that is not an option; a segment without by', () => {
    const expected = 'a single-answer, ordinal, banded question, grid row or derived variable';
    expect(
      check((c) => {
        q(c, 'team').publication = 'restricted';
        q(c, 'effect').publication = 'restricted';
        q(c, 'grid').publication = 'restricted';
        for (const h of [{ by: 'nope' }, { by: 'tools' }, { by: 'staff' }, { by: 'team' }, { by: 'sector', segment: 3 }, { segment: 1 }, { by: 'churn', segment: 9 }]) headline({ q: 'sector', option: 1, ...h })(c);
      }),
    ).toEqual([
      ...['nope', 'tools', 'staff', 'team'].map((by, i) => `headlines[${i}].by [unknown-question]: "${by}" is not a public single-answer variable of this codebook (expected ${expected})`),
      'headlines[4].segment [unknown-code]: "3" is not an option of sector (expected one of 1, 2)',
      'headlines[5].segment [headline-kind]: "1" names a banner column without by (expected by: the variable whose column this is)',
    ]);
  });
  it('headline-kind: mean and median need a banded or numeric question', () => {
    expect(problemsOf({ q: 'sector', kind: 'mean' }, { q: 'size', kind: 'median' }, { q: 'grid__r1', kind: 'mean' }, { q: 'tools', kind: 'median', option: 1 })).toEqual([
      'headlines[0].kind [headline-kind]: "mean" needs a banded or numeric question (sector is single) (expected percent, count or base)',
      'headlines[1].kind [headline-kind]: "median" needs a banded or numeric question (size is derived) (expected percent, count or base)',
      'headlines[2].kind [headline-kind]: "mean" needs a banded or numeric question (grid__r1 is grid) (expected percent, count or base)',
      'headlines[3].kind [headline-kind]: "median" needs a banded or numeric question (tools is multi) (expected percent, count or base)',
    ]);
  });
  it('percent and count need exactly one of option and net, each of the variable', () => {
    expect(
      problemsOf(
        { q: 'effect' },
        { q: 'sector', kind: 'count' },
        { q: 'staff' },
        { q: 'effect', option: 1, net: 'top' },
        { q: 'effect', option: 4 },
        { q: 'staff', option: 1 },
        { q: 'effect', net: 'bottom' },
        { q: 'sector', net: 'top' },
        { q: 'size', net: 'top' },
        { q: 'grid__r1', option: 2 },
      ),
    ).toEqual([
      'headlines[0] [headline-kind]: has kind percent but neither option nor net (expected option: one of 1, 2, 3, or net: one of top, low)',
      'headlines[1] [headline-kind]: has kind count but neither option nor net (expected option: one of 1, 2)',
      'headlines[2] [headline-kind]: has kind percent but neither option nor net (expected kind mean, median or base (a numeric question has no options))',
      'headlines[3].net [headline-kind]: "top" is given together with option (expected option or net, not both)',
      'headlines[4].option [unknown-code]: "4" is not an option of effect (expected one of 1, 2, 3)',
      'headlines[5].option [unknown-code]: "1" is not an option of staff (expected kind mean, median or base (a numeric question has no options))',
      'headlines[6].net [unknown-code]: "bottom" is not a net of effect (expected one of top, low)',
      'headlines[7].net [unknown-code]: "top" is not a net of sector (expected option (this question has no nets))',
      'headlines[8].net [unknown-code]: "top" is not a net of size (expected option (this question has no nets))',
    ]);
  });
  it('mean of a numeric question whose id is also a derived variable', () => {
    expect(
      check((c) => {
        c.derived.push({ id: 'staff', label: 'l', options: opts(1), rules: [{ code: 1, when: { q: 'team', in: [1] } }] });
        headline({ q: 'staff', kind: 'mean' })(c);
      }),
    ).toEqual([
      'derived[1].id [duplicate-id]: "staff" is also a question id (expected an id used by no question)',
      'headlines[0].kind [headline-kind]: "mean" needs a banded or numeric question (staff is derived) (expected percent, count or base)',
    ]);
  });

  it('a grid row headline may use the grid\'s nets', () => {
    expect(
      check((c) => {
        q(c, 'grid').nets = [{ id: 'done', label: 'l', codes: [1] }];
        headline({ q: 'grid__r1', net: 'done' })(c);
        headline({ q: 'grid__r1', net: 'undone' })(c);
      }),
    ).toEqual(['headlines[1].net [unknown-code]: "undone" is not a net of grid__r1 (expected one of done)']);
  });
});

describe('dependency cycles', () => {
  it('a universe that refers to itself', () => {
    expect(check((c) => filterOf(c, { all: [{ q: 'team', in: [1] }, { universe: 'doing' }] }))).toEqual([
      'universes[0].filter [dependency-cycle]: depends on itself: universe doing → universe doing (expected universes and derived variables that refer to each other without a circle)',
    ]);
  });
  it('a circle through universes and derived variables is reported once, from where it was entered', () => {
    expect(
      check((c) => {
        filterOf(c, { q: 'size', in: [1] });
        c.universes.push({ id: 'big', label: 'l', filter: { not: { universe: 'doing' } } });
        c.derived[0].rules = [{ code: 1, when: { any: [{ q: 'team', in: [1] }, { universe: 'big' }] } }];
        c.derived[0].universe = 'all';
      }),
    ).toEqual([
      'universes[0].filter [dependency-cycle]: depends on itself: universe doing → derived size → universe big → universe doing (expected universes and derived variables that refer to each other without a circle)',
    ]);
  });
  it('derived variables reading each other', () => {
    expect(
      check((c) => {
        c.derived[0].rules = [{ code: 1, when: { q: 'size2', in: [1] } }];
        c.derived.push({ id: 'size2', label: 'l', options: opts(1), rules: [{ code: 1, when: { q: 'size', in: [1] } }] });
      }),
    ).toEqual([
      'derived[0].rules [dependency-cycle]: depends on itself: derived size → derived size2 → derived size (expected universes and derived variables that refer to each other without a circle)',
    ]);
  });
  it('a circle entered from outside names only the universes on the circle', () => {
    expect(
      check((c) => {
        c.universes.unshift({ id: 'outer', label: 'l', filter: { universe: 'inner' } });
        c.universes.push({ id: 'inner', label: 'l', filter: { universe: 'back' } });
        c.universes.push({ id: 'back', label: 'l', filter: { any: [{ universe: 'inner' }, { universe: 'doing' }] } });
      }),
    ).toEqual([
      'universes[2].filter [dependency-cycle]: depends on itself: universe inner → universe back → universe inner (expected universes and derived variables that refer to each other without a circle)',
    ]);
  });
  it('a chain without a circle, an unknown universe and shared inputs are no cycle', () => {
    expect(
      check((c) => {
        c.universes.push({ id: 'big', label: 'l', filter: { all: [{ universe: 'doing' }, { universe: 'nope' }, { q: 'size', in: [2] }] } });
        c.universes.push({ id: 'big2', label: 'l', filter: { all: [{ universe: 'big' }, { universe: 'doing' }, { q: 'size', in: [2] }] } });
        c.derived.push({ id: 'size2', label: 'l', options: opts(1), rules: [{ code: 1, when: { all: [{ universe: 'big2' }, { q: 'size', in: [1] }] } }] });
      }),
    ).toEqual(['universes[1].filter.all[1].universe [unknown-universe]: "nope" is not a universe of this codebook (expected one of all, doing, big, big2)']);
  });
});

describe('filterDeps and variableShapes', () => {
  it('filterDeps lists universes and variables in order, through every combinator', () => {
    expect(filterDeps({ all: [{ q: 'a', in: [1] }, { any: [{ universe: 'u' }, { not: { q: 'b', answered: true } }] }] })).toEqual(['q:a', 'u:u', 'q:b']);
  });
  it('variableShapes: one shape per question, grid row and derived variable; the first of a duplicate wins', () => {
    const input = base();
    addQuestion(input, { id: 'sector', type: 'multi', options: opts(7) });
    input.derived.push({ id: 'team', label: 'l', options: opts(5), rules: [{ code: 5, when: { q: 'team', in: [1] } }] });
    expect(Object.fromEntries(variableShapes(Codebook.parse(input)))).toEqual({
      sector: { kind: 'coded', codes: [1, 2] },
      team: { kind: 'coded', codes: [1, 2] },
      tools: { kind: 'multi', codes: [1, 2, 3] },
      effect: { kind: 'coded', codes: [1, 2, 3] },
      churn: { kind: 'coded', codes: [1, 2, 3, 9] },
      staff: { kind: 'numeric', codes: [] },
      grid__r1: { kind: 'coded', codes: [1, 2] },
      grid__r2: { kind: 'coded', codes: [1, 2] },
      memo: { kind: 'text', codes: [] },
      size: { kind: 'coded', codes: [1, 2] },
    });
  });
});

describe('did you mean: every unknown name gets the nearest valid one (closestField), when one is close', () => {
  it('universes named by questions, filters, chapters and headlines', () => {
    expect(check((c) => (q(c, 'effect').universe = 'doign'))).toEqual(['questions[3].universe [unknown-universe]: "doign" is not a universe of this codebook — did you mean "doing"? (expected one of all, doing)']);
    expect(check((c) => filterOf(c, { not: { universe: 'doin' } }))).toEqual(['universes[0].filter.not.universe [unknown-universe]: "doin" is not a universe of this codebook — did you mean "doing"? (expected one of all, doing)']);
    expect(check((c) => (c.chapters[0].universe = 'al'))).toEqual(['chapters[0].universe [unknown-universe]: "al" is not a universe of this codebook — did you mean "all"? (expected one of all, doing)']);
    // Short names allow one edit at most: two are no guess.
    expect(check((c) => (c.chapters[0].universe = 'a'))).toEqual(['chapters[0].universe [unknown-universe]: "a" is not a universe of this codebook (expected one of all, doing)']);
  });
  it('a chapter of a question', () => {
    expect(check((c) => ((c.chapters[0].id = 'overview'), (q(c, 'sector').chapter = 'overveiw')))).toEqual([
      'questions[0].chapter [unknown-chapter]: "overveiw" is not a chapter of this codebook — did you mean "overview"? (expected one of overview)',
    ]);
  });
  it("a headline's banner variable among public single-answer variables, and its net among the question's nets", () => {
    const headline = (h: Record<string, unknown>) => check((c) => c.headlines.push({ label: 'h', ...h }));
    expect(headline({ q: 'effect', net: 'top', by: 'sectr' })).toEqual([
      'headlines[0].by [unknown-question]: "sectr" is not a public single-answer variable of this codebook — did you mean "sector"? (expected a single-answer, ordinal, banded question, grid row or derived variable)',
    ]);
    // tools exists but is a multi-answer question: no guess for a name that exists.
    expect(headline({ q: 'effect', net: 'top', by: 'tools' })).toEqual([
      'headlines[0].by [unknown-question]: "tools" is not a public single-answer variable of this codebook (expected a single-answer, ordinal, banded question, grid row or derived variable)',
    ]);
    // A name close to a multi-answer or numeric question is not guessed to be it: only coded variables are banners.
    expect(headline({ q: 'effect', net: 'top', by: 'toolz' })).toEqual([
      'headlines[0].by [unknown-question]: "toolz" is not a public single-answer variable of this codebook (expected a single-answer, ordinal, banded question, grid row or derived variable)',
    ]);
    expect(headline({ q: 'effect', net: 'top', by: 'staf' })).toEqual([
      'headlines[0].by [unknown-question]: "staf" is not a public single-answer variable of this codebook (expected a single-answer, ordinal, banded question, grid row or derived variable)',
    ]);
    expect(headline({ q: 'effect', net: 'tpo' })).toEqual(['headlines[0].net [unknown-code]: "tpo" is not a net of effect — did you mean "top"? (expected one of top, low)']);
  });
  it('a cube filter among the variables that can filter the cube', () => {
    expect(check((c) => (c.cube = { filters: ['tols'] }))).toEqual([
      'cube.filters[0] [unknown-variable]: "tols" is not a variable of this codebook — did you mean "tools"? (expected a public single- or multi-answer variable: sector, team, tools, effect, churn, grid__r1, grid__r2, size)',
    ]);
  });
});

describe('openChecklist', () => {
  it('names each open item, cut after 80 characters with …, and skips the done ones', async () => {
    const { openChecklist } = await import('../../../src/lib/dataset/validate-codebook.ts');
    const cb = Codebook.parse({ ...base(), checklist: [{ item: 'a'.repeat(80), done: false }, { item: 'b'.repeat(81), done: false }, { item: 'done', done: true }] });
    expect(openChecklist(cb).map((p) => [formatPath(p.path), p.rule, p.value])).toEqual([
      ['checklist[0].done', 'checklist-open', 'a'.repeat(80)],
      ['checklist[1].done', 'checklist-open', `${'b'.repeat(80)}…`],
    ]);
  });
});

describe('crosswalk breaks', () => {
  it('a break names a question (or grid row) of this wave, never one the crosswalk also links', () => {
    expect(
      check((c) => {
        c.crosswalk = { wave: '2024', questions: [{ question: 'team', previous: 'team_old' }], breaks: ['sectr', 'team', 'grid__r1', 'effect'] };
      }),
    ).toEqual([
      'crosswalk.breaks[0] [unknown-question]: "sectr" is not a question of this wave — did you mean "sector"? (expected a question id (or grid row grid__row) of this codebook)',
      'crosswalk.breaks[1] [crosswalk-break]: "team" is also linked under crosswalk.questions (expected either a link (questions) or a break (breaks), not both)',
    ]);
  });
});
