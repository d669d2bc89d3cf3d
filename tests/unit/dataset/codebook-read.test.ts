/**
 * readCodebook on small YAML texts: syntax errors (one per line), nesting and alias limits located
 * by line and path, the line each problem points at, and what a valid codebook becomes.
 */
import { describe, expect, it } from 'vitest';
import { readCodebook, yamlLine } from '../../../src/lib/dataset/codebook-read.ts';
import { formatProblems } from '../../../src/lib/dataset/problem.ts';
import { CODEBOOK_MAX_CHARS } from '../../../src/lib/dataset/limits.ts';

/** A valid codebook: survey on lines 1–11, questions from line 12. */
function text(extra = ''): string {
  return [
    'survey:',
    '  id: s',
    '  wave: "2025"',
    '  title: T',
    '  publisher: P',
    '  fieldwork: { start: 2025-01-10, end: 2025-01-31 }',
    '  method: M',
    '  population: P',
    '  n: 10',
    '  citation: C',
    '  licence: L',
    'questions:',
    '  - id: team',
    '    text: t',
    '    label: l',
    '    type: single',
    '    options:',
    '      - { code: 1, label: a }',
    '      - { code: 2, label: b }',
    extra,
  ].join('\n');
}
const problems = (yaml: string) => {
  const r = readCodebook(yaml, 'c.yaml');
  return r.ok ? [] : formatProblems(r.problems, 'en');
};

describe('readCodebook', () => {
  it('a valid codebook gets its defaults, inferred publication and derived universes', () => {
    const r = readCodebook(
      text(
        [
          'universes:',
          '  - { id: yes, label: l, filter: { q: team, in: [1] } }',
          'derived:',
          '  - { id: d, label: l, options: [{ code: 1, label: a }], rules: [{ code: 1, when: { all: [{ universe: yes }, { q: team, in: [1] }] } }] }',
        ].join('\n'),
      ),
      'c.yaml',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    expect(r.value.survey.fieldwork).toEqual({ start: '2025-01-10', end: '2025-01-31' });
    expect(r.value.questions[0]).toMatchObject({ universe: 'all', publication: 'public', optional: false, nets: [] });
    expect(r.value.derived[0]).toMatchObject({ publication: 'public', universe: 'yes' });
  });
  it('an empty document misses the survey and the questions (no line to point at)', () => {
    const missing = ['c.yaml, survey: is missing (expected a mapping of fields)', 'c.yaml, questions: is missing (expected a list)'];
    expect(problems('')).toEqual(missing);
    expect(problems('# only a comment\n')).toEqual(missing);
    expect(problems('[]\n')).toEqual(['c.yaml line 1, (top level): "[]" is a list (expected a mapping of fields)']);
  });
  it('YAML syntax errors: the first of each line, with its line and the parser message', () => {
    const syntax = (yaml: string) => {
      const r = readCodebook(yaml, 'c.yaml');
      return r.ok ? [] : r.problems.map((p) => `${p.file}:${p.line} [${p.rule}] ${p.message} (expected ${p.expected})`);
    };
    const expected = '(expected YAML as in the codebook reference (indent with spaces, quote text containing ": " or "#"))';
    expect(syntax('a: b\n  c: d\ne: [\n')).toEqual([
      `c.yaml:1 [yaml-syntax] is not valid YAML: Nested mappings are not allowed in compact mappings ${expected}`,
      `c.yaml:4 [yaml-syntax] is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] ${expected}`,
    ]);
    expect(syntax('x: {a: 1, a: 2}\n')).toEqual([`c.yaml:1 [yaml-syntax] is not valid YAML: Map keys must be unique ${expected}`]);
  });
  it('nesting deeper than 64 levels: located at the first too-deep node, the path cut to four steps', () => {
    const deep = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;
    expect(problems(text(`headlines: ${deep(70)}`))).toEqual(['c.yaml line 20, headlines[0][0][0]: "65 levels" is nested too deeply (expected at most 64 levels of lists and mappings)']);
    expect(problems(`${deep(70)}\n`)).toEqual(['c.yaml line 1, [0][0][0][0]: "65 levels" is nested too deeply (expected at most 64 levels of lists and mappings)']);
    // 63 brackets under a top-level key: 64 levels with the value, within the limit.
    expect(problems(text(`headlines: ${deep(63)}`))).toEqual([expect.stringMatching(/^c\.yaml line 20, headlines\[0\]: /)]);
  });
  it('an alias counts the size of what it names', () => {
    const aliases = (n: number) => `notes:\n  - &a ${'x'.repeat(10)}\n${'  - *a\n'.repeat(n)}`;
    // 1,000 aliases are fine: the schema then reports the unknown top-level field, not the aliases.
    expect(problems(text(aliases(1000)))).toEqual(['c.yaml line 20, notes: is not a known field (expected a field documented in the codebook reference)']);
    expect(problems(text(aliases(1001)))).toEqual(['c.yaml line 1022, notes[1001]: "*a" is alias number 1,001 (expected at most 1,000 aliases (*name) in a codebook)']);
  });
  it('lines point at a scalar value, a collection key, or the nearest existing parent', () => {
    expect(problems(text().replace('  n: 10', '  n:\n    10'))).toEqual([]);
    expect(problems(text().replace('  n: 10', '  n:\n    -10'))).toEqual(['c.yaml line 10, survey.n: "-10" is too small (expected a number > 0)']);
    expect(problems(text().replace('  n: 10', '  n: [10]'))).toEqual(['c.yaml line 9, survey.n: "[10]" is a list (expected a number)']);
    expect(problems(text().replace('  citation: C\n', ''))).toEqual(['c.yaml line 1, survey.citation: is missing (expected text)']);
    expect(problems(text().replace('      - { code: 2, label: b }', '      - { code: 2 }'))).toEqual(['c.yaml line 19, questions[0] (id: team).options[1].label: is missing (expected text)']);
    expect(problems(text('headlines:\n  - { q: team, option: 3, label: h }'))).toEqual(['c.yaml line 21, headlines[0] (q: team).option: "3" is not an option of team (expected one of 1, 2)']);
  });
  it('a misspelt field is reported once, as unknown with a suggestion, not also as missing', () => {
    expect(problems(text().replace('    label: l\n', '    lable: l\n'))).toEqual(['c.yaml line 15, questions[0] (id: team).lable: is not a known field — did you mean "label"? (expected a field documented in the codebook reference)']);
    expect(problems(text().replace('    label: l\n', '    colour: l\n'))).toEqual([
      'c.yaml line 13, questions[0] (id: team).label: is missing (expected text)',
      'c.yaml line 15, questions[0] (id: team).colour: is not a known field (expected a field documented in the codebook reference)',
    ]);
  });
});

describe('yamlLine', () => {
  it('the line of a path, of its nearest parent, or nothing when the text does not parse', () => {
    const t = text();
    expect(yamlLine(t, ['survey', 'n'])).toBe(9);
    expect(yamlLine(t, ['questions', 0, 'options', 1])).toBe(19);
    expect(yamlLine(t, ['questions', 0, 'options', 1, 'code'])).toBe(19);
    expect(yamlLine(t, ['questions', 0, 'options'])).toBe(17);
    expect(yamlLine(t, ['questions', 5, 'id'])).toBe(12);
    expect(yamlLine(t, ['survey', 'n', 'deeper'])).toBe(9);
    expect(yamlLine(t, ['nothing'])).toBe(1);
    expect(yamlLine(t, [])).toBe(1);
    expect(yamlLine('a: [1\n', ['a'])).toBeUndefined();
    expect(yamlLine('', ['a'])).toBeUndefined();
  });
});

describe('readCodebook: size limits, exactly', () => {
  it('a text of the maximum size is read; one character more is refused before parsing', () => {
    const atLimit = '#'.repeat(CODEBOOK_MAX_CHARS);
    expect(problems(atLimit)).toEqual(['c.yaml, survey: is missing (expected a mapping of fields)', 'c.yaml, questions: is missing (expected a list)']);
    expect(readCodebook(`${atLimit}#`, 'c.yaml')).toEqual({
      ok: false,
      problems: [{ file: 'c.yaml', rule: 'codebook-size', value: '10,000,001 characters', message: 'is too large', expected: 'a codebook of at most 10,000,000 characters' }],
      warnings: [],
    });
  });
  it('aliases may expand the document to exactly the maximum size, not one character more', () => {
    // The anchor's scalar counts 1 + 9,999 characters, and so does each of the 999 aliases: 10,000,000.
    const list = (extra: string) => `- &a ${'x'.repeat(9999)}\n${extra}${'- *a\n'.repeat(999)}`;
    expect(problems(list(''))).toEqual([expect.stringMatching(/^c\.yaml line 1, \(top level\): ".*" is a list \(expected a mapping of fields\)$/)]);
    // An empty scalar counts 1: the last alias passes the limit.
    expect(readCodebook(list("- ''\n"), 'c.yaml')).toEqual({
      ok: false,
      problems: [{ file: 'c.yaml', line: 1001, column: '[1000]', rule: 'codebook-size', value: '*a', message: 'makes the codebook too large once aliases are expanded (10,000,001 characters so far)', expected: 'at most 10,000,000 characters with every alias (*name) written out' }],
      warnings: [],
    });
  });
  it('nested aliases (a "billion laughs") are counted with the size of every list and mapping they name', () => {
    // l0 is 19: the list 1, "xxxxxxxxxx" 11, the mapping 1, k 2, ~ 1, e 2 and its missing value 1.
    // Each l(k+1) is 1 + 10 × lk; the document walked so far: 2,123,467 characters up to l6's key,
    // and l6's fifth alias of l5 (1,911,111 each) passes the limit.
    const bomb = ['l0: &l0 [xxxxxxxxxx, { k: ~, ? e }]', ...Array.from({ length: 9 }, (_, k) => `l${k + 1}: &l${k + 1} [${Array(10).fill(`*l${k}`).join(', ')}]`)].join('\n');
    expect(readCodebook(`${bomb}\n`, 'c.yaml')).toEqual({
      ok: false,
      problems: [{ file: 'c.yaml', line: 7, column: 'l6[4]', rule: 'codebook-size', value: '*l5', message: 'makes the codebook too large once aliases are expanded (11,679,022 characters so far)', expected: 'at most 10,000,000 characters with every alias (*name) written out' }],
      warnings: [],
    });
  });
  it('too many aliases: the rule and the problem in full', () => {
    expect(readCodebook(`a: &a x\nb: [${Array(1001).fill('*a').join(', ')}]\n`, 'c.yaml')).toEqual({
      ok: false,
      problems: [{ file: 'c.yaml', line: 2, column: 'b[1000]', rule: 'codebook-size', value: '*a', message: 'is alias number 1,001', expected: 'at most 1,000 aliases (*name) in a codebook' }],
      warnings: [],
    });
  });
  it('keys are walked one level below their mapping, with its path', () => {
    const deep = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;
    // A mapping nested as the key of a key …: 66 mappings deep, every one at the top-level path.
    let key = 'a';
    for (let i = 0; i < 66; i++) key = `{ ${key}: 1 }`;
    expect(problems(`${key}\n`)).toEqual(['c.yaml line 1, (top level): "65 levels" is nested too deeply (expected at most 64 levels of lists and mappings)']);
    // A list key of 64 levels under the top-level mapping: its number at level 65.
    expect(problems(`? ${deep(64)}\n: 1\n`)).toEqual(['c.yaml line 1, [0][0][0][0]: "65 levels" is nested too deeply (expected at most 64 levels of lists and mappings)']);
    // The value of a key that is not text is found under "?".
    expect(problems(`? [a]\n: ${deep(70)}\n`)).toEqual(['c.yaml line 2, ?[0][0][0]: "65 levels" is nested too deeply (expected at most 64 levels of lists and mappings)']);
  });
});
