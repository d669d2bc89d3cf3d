/**
 * The malformed corpus: each folder under tests/fixtures/dataset/malformed is the valid fixture
 * with exactly one defect (see make-fixtures.ts). Every case must produce exactly these lines —
 * file, row or line, column, value and expectation — so the messages editors rely on cannot
 * silently get worse.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { readCatalog } from '../../../src/server/catalog.ts';
import { formatProblems } from '../../../src/lib/dataset/problem.ts';
import { CASES } from '../../fixtures/dataset/make-fixtures.ts';

const base = 'tests/fixtures/dataset/malformed';

/** Expected lines per case, paths relative to the case folder. */
const EXPECTED: Record<string, string[]> = {
  'bad-chapter-ref': [
    'sample/2025/codebook.yaml line 47, questions[3] (id: cs_effect).chapter: "effects" is not a chapter of this codebook — did you mean "effect"? (expected one of overview, effect)',
  ],
  'bad-filter-code': [
    'sample/2025/codebook.yaml line 102, universes[0] (id: doing_cs).filter.in[0]: "3" is not an option of cs_team (expected one of 1, 2)',
  ],
  'bad-filter-kind': [
    'sample/2025/codebook.yaml line 97, derived[0] (id: size).rules[0].when.range: "tools" is a multi variable and cannot be filtered with range (expected includesAny or includesAll)',
  ],
  'bad-filter-question': [
    'sample/2025/codebook.yaml line 102, universes[0] (id: doing_cs).filter.q: "cs_teem" is not a question, grid row (question__row) or derived variable of this codebook — did you mean "cs_team"? (expected an id declared under questions: or derived:)',
  ],
  'bad-universe-ref': [
    'sample/2025/codebook.yaml line 46, questions[3] (id: cs_effect).universe: "doing_cx" is not a universe of this codebook — did you mean "doing_cs"? (expected one of all, doing_cs, saas_doing_cs)',
  ],
  'band-overlap': [
    'sample/2025/codebook.yaml line 64, questions[4] (id: churn).options[1].lower: "0.5" overlaps or precedes the band before it (options[0] ends at 1) (expected bands from lowest to highest, this one starting at 1 or above)',
  ],
  'band-upper-below-lower': [
    'sample/2025/codebook.yaml line 64, questions[4] (id: churn).options[1].upper: "1" is not above the lower bound (expected a number > 1)',
  ],
  'blank-id': [
    'sample/2025/responses.csv row 8, column id (column A): is blank (expected a respondent id on every row)',
  ],
  'blank-row-between': [
    'sample/2025/responses.csv row 10: is empty (expected one respondent per row, no blank rows in between)',
  ],
  'bom-duplicate-id': [
    'sample/2025/responses.csv row 6, column id (column A): "r04" repeats the id of row 5 (expected a unique respondent id)',
  ],
  'crlf-ragged-row': [
    'sample/2025/responses.csv row 7: "13 fields" has the wrong number of fields (expected 14 fields, as in the header)',
  ],
  'crosswalk-missing-wave': [
    'sample/2025/codebook.yaml line 110, crosswalk.wave: "2023" is not a wave of survey sample (expected one of 2024)',
  ],
  'crosswalk-unknown-code': [
    'sample/2025/codebook.yaml line 116, crosswalk.questions[2] (question: cs_effect).options.5: "4" is not an option of cs_effect_old in wave 2024 (expected one of 1, 2, 3)',
  ],
  'dependency-cycle': [
    'sample/2025/codebook.yaml line 102, universes[0] (id: doing_cs).filter: depends on itself: universe doing_cs → universe saas_doing_cs → universe doing_cs (expected universes and derived variables that refer to each other without a circle)',
  ],
  'derived-unknown-code': [
    'sample/2025/codebook.yaml line 98, derived[0] (id: size).otherwise: "3" is not an option of this derived variable (expected one of 1, 2)',
  ],
  'duplicate-column': [
    'sample/2025/responses.csv row 1, column sector (column O): "sector" repeats the header of column 3 (expected each column once)',
  ],
  'duplicate-id': [
    'sample/2025/responses.csv row 12, column id (column A): "r10" repeats the id of row 11 (expected a unique respondent id)',
  ],
  'duplicate-option-code': [
    'sample/2025/codebook.yaml line 39, questions[2] (id: tools).options[1].code: "1" repeats the option code of options[0] (expected a unique option code)',
  ],
  'duplicate-question-id': [
    'sample/2025/codebook.yaml line 85, questions[7].id: "sector" repeats the question id of questions[0] (expected a unique question id)',
  ],
  'empty-responses': [
    'sample/2025/responses.csv: is empty (expected a header row and one row per respondent)',
  ],
  'fieldwork-order': [
    'sample/2025/codebook.yaml line 7, survey.fieldwork.end: "2024-12-31" is before the start (expected a date on or after 2025-01-10)',
  ],
  'ma-exclusive-clash': [
    'sample/2025/responses.csv row 9, column tools__9 (column H): "chose 1, 9" combines the exclusive option 9 (特になし) with others (expected 9 alone)',
  ],
  'max-choices': [
    'sample/2025/responses.csv row 8, column tools__*: "3 options" chose more options than allowed (expected at most 2)',
  ],
  'misspelt-column': [
    'sample/2025/responses.csv row 1, column cs_efect (column I): "cs_efect" is not a column the codebook knows — did you mean "cs_effect"? (expected the id column "id", a question id, <multi question>__<option code> or <grid question>__<row id>)',
  ],
  'missing-column': [
    'sample/2025/responses.csv row 1, column cs_team: is missing from the header (expected one column per question, multi-answer option and grid row in the codebook)',
  ],
  'missing-id-column': [
    'sample/2025/responses.csv row 1, column respondent (column A): "respondent" is not a column the codebook knows (expected the id column "id", a question id, <multi question>__<option code> or <grid question>__<row id>)',
    'sample/2025/responses.csv row 1, column id: is missing from the header (expected the id column (survey.idColumn))',
  ],
  'missing-responses': [
    'sample/2025/codebook.yaml line 2, survey.kind: "microdata" needs responses.csv next to codebook.yaml, which is missing (expected responses.csv (or responses.xlsx) in the wave folder (or kind: tables with tables.csv))',
  ],
  'multi-blank-inside': [
    'sample/2025/responses.csv row 11, column tools__*: is blank, but the respondent is in the question\'s universe "all" (expected 0 or 1 in every option column (or optional: true on the question))',
  ],
  'multi-cell-not-01': [
    'sample/2025/responses.csv row 3, column tools__1 (column E): "2" is not 0 or 1 (expected 1 (chosen), 0 (not chosen) or blank (not asked))',
  ],
  'multi-partial': [
    'sample/2025/responses.csv row 10, column tools__*: "3 of 4 filled" has some option columns blank and others filled (expected all 4 option columns 0/1 inside the universe, all blank outside)',
  ],
  'net-unknown-code': [
    'sample/2025/codebook.yaml line 56, questions[3] (id: cs_effect).nets[0].codes[1]: "6" is not an option of this question (expected one of 1, 2, 3, 4, 5)',
  ],
  'not-utf8-nor-sjis': [
    'sample/2025/responses.csv: is neither valid UTF-8 nor valid Shift_JIS (CP932) (expected a file saved as "CSV UTF-8" or "CSV (Shift_JIS)")',
  ],
  'numeric-below-min': [
    'sample/2025/responses.csv row 7, column employees (column K): "0" is out of range (expected a whole number ≥ 1)',
  ],
  'numeric-not-integer': [
    'sample/2025/responses.csv row 11, column employees (column K): "99.5" is not a whole number (expected a whole number ≥ 1)',
  ],
  'numeric-not-number': [
    'sample/2025/responses.csv row 3, column employees (column K): "45人" is not a number (expected a whole number ≥ 1)',
  ],
  'ragged-row-extra-field': [
    'sample/2025/responses.csv row 9: "15 fields" has the wrong number of fields (expected 14 fields, as in the header)',
  ],
  'respondent-count': [
    'sample/2025/responses.csv: "12 respondents" does not match survey.n in codebook.yaml (expected 13 rows after the header (or correct survey.n))',
  ],
  'routing-answered-outside': [
    'sample/2025/responses.csv row 7, column cs_effect (column I): "3" is answered, but the respondent is outside the question\'s universe "doing_cs" (expected blank (the question was not asked))',
  ],
  'routing-blank-inside': [
    'sample/2025/responses.csv row 5, column cs_effect (column I): is blank, but the respondent is in the question\'s universe "doing_cs" (expected an answer (or optional: true on the question))',
  ],
  'routing-grid-row': [
    'sample/2025/responses.csv row 12, column measures__onboarding (column L): "1" is answered, but the respondent is outside the question\'s universe "doing_cs" (expected blank (the question was not asked))',
  ],
  'sjis-unknown-code': [
    'sample/2025/responses.csv row 3, column cs_effect (column I): "9" is not an option (expected 1–5)',
  ],
  'survey-folder-mismatch': [
    'sample/2025/codebook.yaml line 3, survey.id: "sampel" differs from the survey folder name (expected sample)',
  ],
  'table-base-zero': [
    'sample/2024/tables.csv row 4, column base (column I): "0" is not a positive whole number (expected the published base n, e.g. 312)',
  ],
  'table-kind-mismatch': [
    'sample/2024/codebook.yaml line 2, survey.kind: "microdata" does not match the data: the folder has tables.csv, not responses.csv (expected kind: tables (or provide responses.csv))',
  ],
  'table-percent-over-100': [
    'sample/2024/tables.csv row 3, column percent (column G): "140.0" is not a percentage (expected a number from 0 to 100 (no % sign))',
  ],
  'table-unknown-option': [
    'sample/2024/tables.csv row 8, column option (column F): "4" is not an option of cs_effect_old (expected 1–3)',
  ],
  'table-unknown-segment': [
    'sample/2024/tables.csv row 9, column segment (column E): "sector=3" is not a segment (expected total, or <variable>=<code> such as sector=1)',
  ],
  'table-unknown-universe': [
    'sample/2024/tables.csv row 6, column universe (column D): "doing_it" is not a universe of this codebook — did you mean "doing_cs"? (expected all, doing_cs)',
  ],
  'text-in-coded-cell': [
    'sample/2025/responses.csv row 11, column sector (column C): "SaaS" is not an option (expected 1, 2)',
  ],
  'unclosed-quote': [
    'sample/2025/responses.csv row 13: has a quoted field that is never closed (expected quotes around a whole field, with "" for a quote inside it)',
  ],
  'unknown-code': [
    'sample/2025/responses.csv row 5, column sector (column C): "3" is not an option (expected 1, 2)',
  ],
  'unknown-code-in-universe-input': [
    // cs_team decides the doing_cs universe: its bad cell must not also raise routing errors on cs_effect and measures.
    'sample/2025/responses.csv row 5, column cs_team (column D): "7" is not an option (expected 1, 2)',
  ],
  'unknown-column': [
    'sample/2025/responses.csv row 1, column extra (column O): "extra" is not a column the codebook knows (expected the id column "id", a question id, <multi question>__<option code> or <grid question>__<row id>)',
  ],
  'utf16-file': [
    'sample/2025/responses.csv: is UTF-16 ("Unicode text") (expected UTF-8 or Shift_JIS: save it from Excel as 「CSV UTF-8 (コンマ区切り)」 ("CSV UTF-8 (Comma delimited)" in English Excel))',
  ],
  'variance-unknown': [
    'sample/2025/codebook.yaml line 15, survey.variance: "taylor" is not allowed (expected one of design, kish)',
  ],
  'variance-without-weights': [
    'sample/2025/codebook.yaml line 14, survey.variance: "kish" is declared but the wave has no weightColumn (expected a weightColumn, or no variance: it applies to weighted waves only)',
  ],
  'weight-blank': [
    'sample/2025/responses.csv row 4, column weight (column B): is blank (expected a positive, finite weight on every row)',
  ],
  'weight-nan': [
    'sample/2025/responses.csv row 8, column weight (column B): "NaN" is not a positive number (expected a positive, finite weight on every row)',
  ],
  'weight-overflow': [
    // 1e999 parses to Infinity: the "finite" half of the rule.
    'sample/2025/responses.csv row 6, column weight (column B): "1e999" is not a positive number (expected a positive, finite weight on every row)',
  ],
  'weight-text': [
    'sample/2025/responses.csv row 9, column weight (column B): "重い" is not a positive number (expected a positive, finite weight on every row)',
  ],
  'weight-zero': [
    'sample/2025/responses.csv row 5, column weight (column B): "0" is not a positive number (expected a positive, finite weight on every row)',
  ],
  'weight-negative': [
    'sample/2025/responses.csv row 3, column weight (column B): "-0.8" is not a positive number (expected a positive, finite weight on every row)',
  ],
  'publication-derived-leak': [
    'sample/2025/codebook.yaml line 100, derived[0] (id: size).publication: "public" is not allowed: derived variable size reads employees, which is restricted (expected publication: restricted, or no publication (a derived variable is restricted when any input is))',
  ],
  'publication-universe-leak': [
    // cs_team restricted makes the universe doing_cs restricted: every public question it routes would reveal it.
    'sample/2025/codebook.yaml line 47, questions[3] (id: cs_effect).universe: "doing_cs" reads cs_team, which is restricted: the base of a public question would reveal it (expected a universe defined on public variables only, or publication: restricted on this question)',
    'sample/2025/codebook.yaml line 79, questions[6] (id: measures).universe: "doing_cs" reads cs_team, which is restricted: the base of a public question would reveal it (expected a universe defined on public variables only, or publication: restricted on this question)',
    'sample/2025/codebook.yaml line 120, headlines[1].q: "cs_team" is not a public question with answers to count (expected a public question, grid row or derived variable)',
  ],
  'source-url-javascript': [
    // Would become a clickable link on the report cover and be copied into datapackage.json.
    `sample/2025/codebook.yaml line 13, survey.sourceUrl: "javascript:alert('U1')" has the wrong form (expected an http:// or https:// address)`,
  ],
  'source-url-data': [
    'sample/2025/codebook.yaml line 13, survey.sourceUrl: "data:text/html,<script>alert(1)</script>" has the wrong form (expected an http:// or https:// address)',
  ],
  'ascii-stray-byte': [
    // Before: silently read as Shift_JIS ("±" became "ｱ").
    'sample/2025/responses.csv row 9: "0xB1" is not valid UTF-8 (byte 405 of the file), and the file holds no Japanese text in Shift_JIS (expected a file saved as "CSV UTF-8" or "CSV (Shift_JIS)", with this byte corrected)',
  ],
  'utf16le-no-bom': [
    'sample/2025/responses.csv: is UTF-16 ("Unicode text") (expected UTF-8 or Shift_JIS: save it from Excel as 「CSV UTF-8 (コンマ区切り)」 ("CSV UTF-8 (Comma delimited)" in English Excel))',
  ],
  'utf16be-no-bom': [
    'sample/2025/responses.csv: is UTF-16 ("Unicode text") (expected UTF-8 or Shift_JIS: save it from Excel as 「CSV UTF-8 (コンマ区切り)」 ("CSV UTF-8 (Comma delimited)" in English Excel))',
  ],
  'binary-file': [
    'sample/2025/responses.csv: is a binary file, not CSV text (a NUL byte at byte 9 of the file) (expected CSV text: save it from Excel as 「CSV UTF-8 (コンマ区切り)」 ("CSV UTF-8 (Comma delimited)" in English Excel))',
  ],
  'binary-codebook': [
    'sample/2025/codebook.yaml: is a binary file, not YAML text (a NUL byte at byte 9 of the file) (expected a codebook saved as UTF-8 text)',
  ],
  'sjis-codebook': [
    // Before: 78 lines of YAML syntax errors about the U+FFFD characters the bytes were read as.
    'sample/2025/codebook.yaml line 5: "0x83" is not valid UTF-8 (byte 140 of the file) (expected a codebook saved as UTF-8 text (Shift_JIS is for responses.csv only))',
  ],
  'xlsx-file': [
    'sample/2025/responses.csv: is a ZIP file such as an Excel workbook (.xlsx), not CSV text (expected CSV text: save it from Excel as 「CSV UTF-8 (コンマ区切り)」 ("CSV UTF-8 (Comma delimited)" in English Excel))',
  ],
  'hidden-folder': [
    'sample/.2026: is a folder whose name starts with "." and is not read (expected survey and wave folders named by their ids (rename it, or move it out of the data folder))',
  ],
  'ansi-column-name': [
    // ESC [2J ESC [H would clear the terminal: printed escaped, in the column and in the value.
    'sample/2025/responses.csv row 1, column \\u001b[2J\\u001b[Hfake (column O): "\\u001b[2J\\u001b[Hfake" is not a column the codebook knows (expected the id column "id", a question id, <multi question>__<option code> or <grid question>__<row id>)',
  ],
  'control-chars-in-value': [
    'sample/2025/responses.csv row 5, column sector (column C): "\\u001b[31m1\\u0007" is not an option (expected 1, 2)',
  ],
  'label-too-long': [
    'sample/2025/codebook.yaml line 18, questions[0] (id: sector).label: "業業業業業業業業業業業業業業業業業業業業業業業業業業業業業業業業業業業業業…" is too long (201 characters) (expected at most 200 characters)',
  ],
  'text-too-long': [
    'sample/2025/codebook.yaml line 17, questions[0] (id: sector).text: "あああああああああああああああああああああああああああああああああああああ…" is too long (2,001 characters) (expected at most 2,000 characters)',
  ],
  'id-too-long': [
    // The explorer refuses variable ids over 120 characters in URLs: the codebook must refuse them too.
    'sample/2025/codebook.yaml line 85, questions[7].id: "coooooooooooooooooooooooooooooooooooo…" is too long (121 characters) (expected at most 120 characters)',
  ],
  'grid-row-id-too-long': [
    `sample/2025/codebook.yaml line 81, questions[6] (id: measures).rows[1].id: "heeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee…" makes the grid row's variable id measures__<row> too long (121 characters) (expected question id, "__" and row id together at most 120 characters)`,
  ],
  'table-source-too-long': [
    'sample/2024/tables.csv row 2, column source (column J): "p.3 図1 p.3 図1 p.3 図1 p.3 図1 p.3 図1 p.…" is too long (2,099 characters) (expected at most 2,000 characters)',
  ],
  'path-like-wave': [
    'sample/2025/codebook.yaml line 110, crosswalk.wave: "../2024" has the wrong form (expected a wave id such as 2025)',
  ],
  'path-like-id': [
    'sample/2025/codebook.yaml line 85, questions[7].id: "../comment" has the wrong form (expected an id in lower snake case (a-z, 0-9, _), starting with a letter)',
  ],
  'yaml-deep-nesting': [
    'sample/2025/codebook.yaml line 102, universes[0].filter.not: "65 levels" is nested too deeply (expected at most 64 levels of lists and mappings)',
  ],
  'yaml-stack-overflow': [
    'sample/2025/codebook.yaml line 102: is nested too deeply to read (more than 64 levels of lists and mappings are refused anyway) (expected YAML as in the codebook reference (indent with spaces, quote text containing ": " or "#"))',
  ],
  'headline-mean-of-single': [
    'sample/2025/codebook.yaml line 119, headlines[1] (q: cs_team).kind: "mean" needs a banded or numeric question (cs_team is single) (expected percent, count or base)',
  ],
  'headline-open-class-mean': [
    'sample/2025/codebook.yaml line 120, headlines[2] (q: churn).kind: "mean" 23.0% of the answers to churn are in its open top class 「3%以上」, so the mean rests on the value assumed for that class (expected kind: median (a banded mean needs at most 20% in the open class))',
  ],
  'headline-unknown-option': [
    'sample/2025/codebook.yaml line 118, headlines[0] (q: sector).option: "3" is not an option of sector (expected one of 1, 2)',
  ],
  'yaml-bad-id': [
    'sample/2025/codebook.yaml line 24, questions[1].id: "CS-team" has the wrong form (expected an id in lower snake case (a-z, 0-9, _), starting with a letter)',
  ],
  'yaml-bad-type': [
    'sample/2025/codebook.yaml line 70, questions[5] (id: employees).type: "number" is not a known type (expected one of single, ordinal, multi, banded, numeric, grid, text)',
  ],
  'yaml-missing-field': [
    'sample/2025/codebook.yaml line 85, questions[7] (id: comment).text: is missing (expected text)',
  ],
  'yaml-syntax': [
    'sample/2025/codebook.yaml line 5: is not valid YAML: Nested mappings are not allowed in compact mappings (expected YAML as in the codebook reference (indent with spaces, quote text containing ": " or "#"))',
  ],
  'yaml-unknown-field': [
    'sample/2025/codebook.yaml line 66, questions[4] (id: churn).options[3].colour: is not a known field (expected a field documented in the codebook reference)',
  ],};

/**
 * A second correct outcome, where the first depends on the machine: 5,000 nested brackets overflow
 * the YAML parser's stack in a default Node process, but not with the larger stack of a Stryker
 * test runner, where the depth limit of `readCodebook` catches the same line instead.
 */
const ALSO: Record<string, string[]> = {
  'yaml-stack-overflow': ['sample/2025/codebook.yaml line 102, universes[0].filter[0]: "65 levels" is nested too deeply (expected at most 64 levels of lists and mappings)'],
};

describe('malformed fixture corpus', () => {
  it('has at least 30 cases, each generated by make-fixtures.ts and each with expected messages', () => {
    const folders = readdirSync(base).sort();
    expect(folders.length).toBeGreaterThanOrEqual(30);
    expect(folders).toEqual(Object.keys(CASES).sort());
    expect(Object.keys(EXPECTED).sort()).toEqual(folders);
  });

  for (const [name, lines] of Object.entries(EXPECTED)) {
    it(`${name}: reports the defect with its location`, () => {
      const result = readCatalog(`${base}/${name}`);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const got = formatProblems(result.problems, 'en');
      const want = lines.map((l) => `${base}/${name}/${l}`);
      const also = ALSO[name]?.map((l) => `${base}/${name}/${l}`);
      expect(got).toEqual(also && got.join('\n') === also.join('\n') ? also : want);
    });
  }
});

describe('valid fixtures in every encoding', () => {
  it.each(['valid', 'valid-sjis', 'valid-bom-crlf'])('%s loads without problems', (root) => {
    const result = readCatalog(`tests/fixtures/dataset/${root}`);
    expect(result.ok ? [] : formatProblems(result.problems, 'en')).toEqual([]);
  });
});
