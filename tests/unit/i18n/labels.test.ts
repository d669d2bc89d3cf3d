/**
 * English codebook fields: validated like the Japanese ones (located errors in both languages),
 * used through `codebookLabels` with a marked Japanese fallback, present for every public
 * question, option, universe and chapter of the sample codebooks, and applied to computed tables
 * without touching a number.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { globSync } from 'node:fs';
import { readCodebook } from '../../../src/lib/dataset/codebook-read.ts';
import { formatProblems } from '../../../src/lib/dataset/problem.ts';
import { loadWave } from '../../../src/lib/dataset/load.ts';
import { crosstab } from '../../../src/lib/stats/crosstab.ts';
import { codebookLabels, FALLBACK_MARK, missingEnglish } from '../../../src/lib/i18n/labels.ts';
import { relabelChartTable } from '../../../src/lib/i18n/relabel.ts';
import type { Codebook } from '../../../src/lib/dataset/codebook.ts';
import type { CrossTab } from '../../../src/lib/stats/types.ts';

const FIXTURE = 'tests/fixtures/dataset/valid/sample/2025/codebook.yaml';
const fixture = () => readFileSync(FIXTURE, 'utf8');
function read(text: string): { codebook?: Codebook; en: string[]; ja: string[] } {
  const r = readCodebook(text, 'c.yaml');
  return r.ok ? { codebook: r.value, en: [], ja: [] } : { en: formatProblems(r.problems, 'en'), ja: formatProblems(r.problems, 'ja') };
}
const withEnglish = (en: string) => fixture().replace('    label: 業種\n', `    label: 業種\n    en: ${en}\n`);

describe('English fields in the codebook schema', () => {
  it('a valid English label, wording and option labels are accepted', () => {
    const text = withEnglish('{ label: Industry, text: "What is your industry?" }').replace('{ code: 1, label: SaaS }', '{ code: 1, label: SaaS, en: { label: SaaS } }');
    const r = read(text);
    expect(r.en).toEqual([]);
    const q = r.codebook!.questions.find((x) => x.id === 'sector')!;
    expect(q.en).toEqual({ label: 'Industry', text: 'What is your industry?' });
    expect(q.type === 'single' && q.options[0].en).toEqual({ label: 'SaaS' });
  });

  it('an English label that is too long is refused with file, line, path and limit, in both languages', () => {
    const r = read(withEnglish(`{ label: ${'x'.repeat(201)} }`));
    expect(r.en).toEqual([`c.yaml line 19, questions[0] (id: sector).en.label: "${'x'.repeat(37)}…" is too long (201 characters) (expected at most 200 characters)`]);
    expect(r.ja).toEqual([`c.yaml 19行目・設問 sector（questions[0]）の en.label: "${'x'.repeat(37)}…" は長すぎます（201文字）（想定: 200文字以内）`]);
  });

  it('an English label of the wrong type, or a misspelt field, is located', () => {
    expect(read(withEnglish('{ label: 3 }')).en).toEqual(['c.yaml line 19, questions[0] (id: sector).en.label: "3" is a number (expected text)']);
    expect(read(withEnglish('{ lable: Industry }')).en).toEqual([
      'c.yaml line 19, questions[0] (id: sector).en.lable: is not a known field — did you mean "label"? (expected a field documented in the codebook reference)',
    ]);
  });

  it('an English option label that is too long names the option', () => {
    const r = read(fixture().replace('{ code: 2, label: 非SaaS }', `{ code: 2, label: 非SaaS, en: { label: ${'y'.repeat(201)} } }`));
    expect(r.en).toHaveLength(1);
    expect(r.en[0]).toMatch(/^c\.yaml line \d+, questions\[0\] \(id: sector\)\.options\[1\]\.en\.label: "y+…" is too long \(201 characters\) \(expected at most 200 characters\)$/);
  });

  it('English universe and chapter fields are checked too', () => {
    const text = fixture();
    const universe = /\n  - id: doing_cs\n    label: [^\n]+\n/.exec(text)![0];
    const r = read(text.replace(universe, `${universe}    en: { label: Doing CS, description: ${'z'.repeat(2001)} }\n`));
    expect(r.en).toHaveLength(1);
    expect(r.en[0]).toMatch(/universes\[\d\] \(id: doing_cs\)\.en\.description: "z+…" is too long \(2,001 characters\) \(expected at most 2,000 characters\)/);
  });
});

describe('codebookLabels', () => {
  const cb = read(withEnglish('{ label: Industry }').replace('{ code: 1, label: SaaS }', '{ code: 1, label: SaaS, en: { label: SaaS companies } }')).codebook!;

  it('Japanese as written', () => {
    const ja = codebookLabels(cb, 'ja');
    expect(ja.variable('sector')).toBe('業種');
    expect(ja.option('sector', 2)).toBe('非SaaS');
    expect(ja.universe('all')).toBe('全回答者');
  });

  it('English where given, the Japanese marked where not', () => {
    const en = codebookLabels(cb, 'en');
    expect(en.variable('sector')).toBe('Industry');
    expect(en.option('sector', 1)).toBe('SaaS companies');
    expect(en.option('sector', 2)).toBe(`${FALLBACK_MARK}非SaaS`);
    expect(en.isFallback(en.option('sector', 2)!)).toBe(true);
    expect(en.text('sector')).toBe(`${FALLBACK_MARK}あなたの会社の業種を教えてください。`);
    expect(en.universe('all')).toBe('All respondents');
    expect(en.option('sector', 99)).toBeUndefined();
  });

  it('missingEnglish names every public field without English, by its path', () => {
    const missing = missingEnglish(cb);
    expect(missing).toContain('survey.en.title');
    expect(missing).toContain('questions[0] (id: sector).en.text');
    expect(missing).toContain('questions[0] (id: sector).options[1] (code: 2).en.label');
    expect(missing).not.toContain('questions[0] (id: sector).en.label');
    expect(missing).not.toContain('questions[0] (id: sector).options[0] (code: 1).en.label');
  });
});

describe('the sample codebooks', () => {
  const files = globSync('data/*/*/codebook.yaml').sort();
  it('there are sample codebooks', () => expect(files.length).toBeGreaterThanOrEqual(5));
  for (const file of files) {
    it(`${file}: English for every public question, option, net, grid row, universe, derived variable, chapter and headline`, () => {
      const r = readCodebook(readFileSync(file, 'utf8'), file);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(missingEnglish(r.value)).toEqual([]);
      // English is English: no Japanese script in the labels a chart shows.
      const en = codebookLabels(r.value, 'en');
      const japanese = /[\u3040-\u30ff\u3400-\u9fff]/;
      const shown = r.value.questions.filter((q) => q.publication === 'public').flatMap((q) => [en.variable(q.id), en.text(q.id), ...('options' in q ? q.options.map((o) => en.option(q.id, o.code)!) : [])]);
      expect(shown.filter((s) => japanese.test(s))).toEqual([]);
      expect(r.value.chapters.every((c) => en.chapter(c.id)?.summary && !japanese.test(en.chapter(c.id)!.summary!))).toBe(true);
    });
  }
});

describe('relabelling a computed table', () => {
  it('swaps labels by key and keeps every number', () => {
    const dir = 'data/jcsa/2025';
    const loaded = loadWave({ codebookPath: `${dir}/codebook.yaml`, codebookText: readFileSync(`${dir}/codebook.yaml`, 'utf8'), responsesPath: `${dir}/responses.csv`, responsesBytes: new Uint8Array(readFileSync(`${dir}/responses.csv`)) });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const ds = loaded.value.dataset!;
    const t = crosstab(ds, { question: 'cs_effect', banner: 'sector', universe: 'saas_doing_cs' });
    const en = relabelChartTable(t, ds.codebook, 'en') as CrossTab;
    expect(en.columns.map((c) => c.label)).toEqual(['Total', ...t.columns.slice(1).map((c) => codebookLabels(ds.codebook, 'en').option('sector', Number(c.key)))]);
    expect(en.universeLabel).toBe('SaaS, practising CS');
    expect(en.rows.find((r) => r.key === '4')?.label).toBe('Somewhat effective');
    expect(en.rows.find((r) => r.kind === 'net')?.label).toBe('Effective (total)');
    expect(en.rows.map((r) => r.cells.map((c) => c.count))).toEqual(t.rows.map((r) => r.cells.map((c) => c.count)));
    expect(en.columns.map((c) => c.n)).toEqual(t.columns.map((c) => c.n));
    // Japanese stays exactly as computed.
    expect(relabelChartTable(t, ds.codebook, 'ja')).toBe(t);
  });
});
