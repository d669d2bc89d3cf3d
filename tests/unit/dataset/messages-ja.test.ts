/**
 * The Japanese catalogue (messages-ja.ts): it words every English message and expectation the
 * source can produce (found by message-sources.ts, not listed by hand), the malformed fixtures
 * come out as located Japanese lines, and what it cannot word falls back to English, never to a
 * crash. English stays what it was (fixtures.test.ts checks every case in English).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { z } from 'zod';
import { expectedJa, languageOf, messageJa, restrictionJa, valueJa } from '../../../src/lib/dataset/messages-ja.ts';
import { formatProblem, formatProblems, ProblemList, ProblemsError } from '../../../src/lib/dataset/problem.ts';
import { issueProblems } from '../../../src/lib/dataset/schema-errors.ts';
import { describeRestriction } from '../../../src/lib/dataset/publication.ts';
import { readCatalog } from '../../../src/server/catalog.ts';
import type { Problem } from '../../../src/lib/dataset/types.ts';
import { messageSources, SAMPLE } from './message-sources.ts';
import type { MessageSource } from './message-sources.ts';

/** English words left in a Japanese text, outside quoted values, 「labels」, {YAML} and <placeholders>. */
function englishLeft(text: string): string[] {
  const outside = text
    .replace(/"[^"]*"/g, ' ')
    .replace(/「[^」]*」/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/a-z/g, ' ')
    .replaceAll(SAMPLE, ' ');
  return outside.match(/\b(?:is|are|was|were|not|the|a|an|of|or|and|to|with|from|than|this|that|but|be|has|have|which|its|it|every|one|no|only|at|for|as|on|must|found|expected|missing|allowed|valid|did you mean)\b/gi) ?? [];
}
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** A source text in Japanese, as the formatter words it; undefined when the catalogue has no entry. */
function translate(s: MessageSource): string | undefined {
  // decode.ts's results become problems of rule `encoding` (load.ts, catalog.ts).
  const rule = s.rule ?? (s.file.endsWith('decode.ts') ? 'encoding' : '');
  switch (s.kind) {
    case 'message':
      return messageJa(s.text, rule);
    case 'expected':
      return expectedJa(s.text);
    case 'value':
      return valueJa(s.text, rule);
    case 'error':
      // A zod `error:` is an expectation ("expected a date …") or the reason of a refinement.
      return s.text.startsWith('expected ') ? expectedJa(s.text.slice('expected '.length)) : messageJa(`is not allowed: ${s.text}`, 'codebook-invalid');
  }
}

describe('the Japanese catalogue covers every message in the source', () => {
  const sources = messageSources();

  it('finds the messages however the source writes them', () => {
    const has = (file: string, kind: MessageSource['kind'], text: string) => sources.some((s) => s.file.endsWith(file) && s.kind === kind && s.text === text);
    expect(sources.length).toBeGreaterThan(250);
    // A property, a ternary's branches, a template with a sample value and a did-you-mean.
    expect(has('columns.ts', 'message', 'is not an option')).toBe(true);
    expect(has('columns.ts', 'message', 'is not a whole number')).toBe(true);
    expect(has('responses.ts', 'message', `is not a column the codebook knows — did you mean "${SAMPLE}"?`)).toBe(true);
    // A shorthand `{ message, expected }` of consts (load.ts), a method's returns (NumericSink.describe), a local function's parameters (tables.ts `bad`).
    expect(has('load.ts', 'message', 'needs responses.csv next to codebook.yaml, which is missing')).toBe(true);
    expect(has('columns.ts', 'expected', `a whole number from ${SAMPLE} to ${SAMPLE}`)).toBe(true);
    expect(has('tables.ts', 'message', 'is not a percentage')).toBe(true);
    // The codebook schema's own texts, and computed values.
    expect(has('codebook.ts', 'error', 'expected a date as YYYY-MM-DD')).toBe(true);
    expect(has('csv.ts', 'value', `${SAMPLE} fields`)).toBe(true);
  });

  it('words each one in Japanese, with no English left but names and values', () => {
    const untranslated = sources.filter((s) => translate(s) === undefined).map((s) => `${s.file}:${s.line} ${s.kind} "${s.text}"`);
    expect(untranslated).toEqual([]);
    const english = sources.flatMap((s) => {
      const ja = translate(s)!;
      const left = englishLeft(ja);
      return left.length > 0 || !JAPANESE.test(ja) ? [`${s.file}:${s.line} "${s.text}" → "${ja}" (${left.join(' ') || 'no Japanese'})`] : [];
    });
    expect(english).toEqual([]);
  });

  it('words the field types of a type mismatch, every way zod reports one', () => {
    const schemas = { text: z.string(), number: z.number(), flag: z.boolean(), list: z.array(z.string()), map: z.object({ a: z.string() }) };
    const inputs = ['x', 1, true, ['x'], { a: 'x' }, null, undefined];
    const problems = Object.values(schemas).flatMap((schema) =>
      inputs.flatMap((input) => {
        const parsed = z.object({ field: schema }).safeParse({ field: input }, { reportInput: true });
        return parsed.success ? [] : parsed.error.issues.flatMap((issue) => issueProblems(issue));
      }),
    );
    expect(new Set(problems.map((p) => p.rule))).toEqual(new Set(['codebook-type', 'codebook-missing']));
    for (const p of problems) {
      const message = messageJa(p.message, p.rule, '"x"');
      const expected = expectedJa(p.expected!);
      expect([p.message, message && englishLeft(message)], p.message).toEqual([p.message, []]);
      expect([p.expected, expected && englishLeft(expected)], p.expected).toEqual([p.expected, []]);
    }
  });

  it('words why a variable or universe is restricted (publication.ts), chain and all', () => {
    expect(restrictionJa(describeRestriction({ chain: [] }))).toBe('非公開（restricted）です');
    expect(restrictionJa(describeRestriction({ chain: ['employees'] }))).toBe('非公開（restricted）の employees を参照しています');
    expect(restrictionJa(describeRestriction({ chain: ['universe rich', 'size', 'revenue_exact'] }))).toBe('非公開（restricted）の revenue_exact を参照しています（universe rich → size → revenue_exact）');
  });
});

describe('the malformed fixtures in Japanese', () => {
  const base = 'tests/fixtures/dataset/malformed';
  const problemsOf = (name: string): Problem[] => {
    const r = readCatalog(`${base}/${name}`);
    return r.ok ? [] : r.problems;
  };
  const lines = (name: string) => formatProblems(problemsOf(name)).map((l) => l.slice(`${base}/${name}/`.length));

  it('every problem of every case is worded by the catalogue (no English fallback)', () => {
    const fallbacks: string[] = [];
    for (const name of readdirSync(base)) {
      for (const p of problemsOf(name)) {
        const value = p.value ? `"${p.value}"` : undefined;
        const message = messageJa(p.message, p.rule, value);
        const expected = p.expected === undefined ? '' : expectedJa(p.expected);
        // A YAML parser's own wording is passed through as found.
        const left = englishLeft(`${message ?? p.message} ${expected ?? p.expected}`.replace(/YAML として正しくありません: .*$/, ''));
        if (message === undefined || expected === undefined || left.length > 0) fallbacks.push(`${name}: ${p.message} (${p.expected}) → ${message} (${expected})`);
      }
    }
    expect(fallbacks).toEqual([]);
  });

  it('an unknown option code: file, Excel row, column with its letter, the value and the codes expected', () => {
    expect(lines('sjis-unknown-code')).toEqual(['sample/2025/responses.csv 3行目・列 cs_effect (I列): "9" は選択肢にありません（想定: 1–5）']);
  });
  it('a row with the wrong number of fields', () => {
    expect(lines('crlf-ragged-row')).toEqual(['sample/2025/responses.csv 7行目: 13列あり、ヘッダーと列の数が違います（想定: ヘッダーと同じ14列）']);
  });
  it('a misspelt column with the one it was meant to be, and a missing column', () => {
    expect(lines('misspelt-column')).toEqual([
      'sample/2025/responses.csv 1行目・列 cs_efect (I列): "cs_efect" はコードブックにない列です（もしかして: cs_effect）（想定: ID列 "id"、設問ID、<複数回答の設問>__<選択肢コード>、<グリッドの設問>__<行ID> のいずれか）',
    ]);
    expect(lines('missing-column')).toEqual(['sample/2025/responses.csv 1行目・列 cs_team: ヘッダーにありません（想定: コードブックの設問・複数回答の選択肢・グリッドの行ごとに1列）']);
  });
  it('UTF-16, a stray byte and bytes that are neither UTF-8 nor Shift_JIS: how to save from Excel', () => {
    expect(lines('utf16-file')).toEqual([
      'sample/2025/responses.csv: UTF-16（「Unicode テキスト」）で保存されています（想定: UTF-8 か Shift_JIS。Excel で「CSV UTF-8 (コンマ区切り)」として保存してください（英語版 Excel では "CSV UTF-8 (Comma delimited)"））',
    ]);
    expect(lines('ascii-stray-byte')).toEqual([
      'sample/2025/responses.csv 9行目: バイト "0xB1" が UTF-8 として正しくなく（ファイルの405バイト目）、Shift_JIS の日本語も含まれていません（想定: 「CSV UTF-8 (コンマ区切り)」か「CSV (コンマ区切り)」（Shift_JIS）で保存したファイル。このバイトは直してください）',
    ]);
    expect(lines('not-utf8-nor-sjis')).toEqual([
      'sample/2025/responses.csv: UTF-8 としても Shift_JIS（CP932）としても正しくありません（想定: 「CSV UTF-8 (コンマ区切り)」か「CSV (コンマ区切り)」（Shift_JIS）で保存したファイル）',
    ]);
  });
  it('a codebook naming an unknown universe: YAML line, the question by its id, and a guess', () => {
    expect(lines('bad-universe-ref')).toEqual([
      'sample/2025/codebook.yaml 46行目・設問 cs_effect（questions[3]）の universe: "doing_cx" はこのコードブックの universe にありません（もしかして: doing_cs）（想定: all, doing_cs, saas_doing_cs のいずれか）',
    ]);
  });
  it('computed values in Japanese: a multi-answer row, respondents counted, routing of a multi question', () => {
    expect(lines('multi-partial')).toEqual(['sample/2025/responses.csv 10行目・列 tools__*: 選択肢の列に空欄と記入済みが混ざっています（4列中3列に記入）（想定: 対象者なら4列すべてに 0/1、対象外ならすべて空欄）']);
    expect(lines('respondent-count')).toEqual(['sample/2025/responses.csv: 回答者が12人で、codebook.yaml の survey.n と一致しません（想定: ヘッダーの後に13行（または survey.n を直す））']);
    expect(lines('ma-exclusive-clash')).toEqual(['sample/2025/responses.csv 9行目・列 tools__9 (H列): 排他の選択肢 9（特になし）がほかの選択肢と同時に選ばれています（選択肢 1, 9）（想定: 9 のみ）']);
  });
  it('a leak through publication, and a headline named by the question it quotes', () => {
    expect(lines('publication-derived-leak')).toEqual([
      'sample/2025/codebook.yaml 100行目・派生変数 size（derived[0]）の publication: "public" は使えません。派生変数 size は非公開（restricted）の employees を参照しています（想定: publication: restricted、または publication を書かない（入力のどれかが非公開なら派生変数も非公開になります））',
    ]);
    expect(lines('headline-unknown-option')).toEqual(['sample/2025/codebook.yaml 118行目・見出しの数値（headlines[0]、q: sector）の option: "3" は sector の選択肢にありません（想定: 1, 2 のいずれか）']);
  });
});

describe('formatting in Japanese', () => {
  const file = 'data/jcsa/2025/responses.csv';
  const bad = (row: number, value: string): Problem => ({ file, row, column: 'cs_effect', columnIndex: 180, value, rule: 'unknown-code', message: 'is not an option', expected: '1–5' });

  it('is the default; English on request is the English of before, with the column letters', () => {
    expect(formatProblem(bad(214, '9'))).toBe('data/jcsa/2025/responses.csv 214行目・列 cs_effect (FY列): "9" は選択肢にありません（想定: 1–5）');
    expect(formatProblem(bad(214, '9'), 'en')).toBe('data/jcsa/2025/responses.csv row 214, column cs_effect (column FY): "9" is not an option (expected 1–5)');
  });
  it('groups repeats with the count, the first rows and how many more', () => {
    const list = new ProblemList();
    for (let row = 214; row < 251; row++) list.add(bad(row, String(row % 10)));
    expect(formatProblems(list.problems)).toEqual(['data/jcsa/2025/responses.csv 列 cs_effect (FY列)、37行: 選択肢にありません（想定: 1–5） — 214行目 "4"、215行目 "5"、216行目 "6"、217行目 "7"、218行目 "8"、… ほか32件']);
    const yaml = 'data/x/codebook.yaml';
    const p = (line: number): Problem => ({ file: yaml, line, rule: 'yaml-syntax', message: 'is not valid YAML: bad indentation', expected: 'YAML as in the codebook reference (indent with spaces, quote text containing ": " or "#")' });
    expect(formatProblems([p(3), p(5)])).toEqual([
      `${yaml}、2件: YAML として正しくありません: bad indentation（想定: コードブックの説明どおりの YAML（字下げは半角スペース、": " や "#" を含む文字列は引用符で囲む）） — 3行目、5行目`,
    ]);
  });
  it('computed values of grouped rows in Japanese too', () => {
    const ragged = (row: number, n: number): Problem => ({ file, row, rule: 'ragged-row', value: `${n} fields`, message: 'has the wrong number of fields', expected: '14 fields, as in the header' });
    expect(formatProblems([ragged(7, 13), ragged(9, 15)])).toEqual([`${file}、2行: ヘッダーと列の数が違います（想定: ヘッダーと同じ14列） — 7行目 13列、9行目 15列`]);
  });
  it('codebook paths: the entry named by its id, a headline by its q, the top level', () => {
    const yaml = 'data/jcsa/2025/codebook.yaml';
    const at = (column: string, entry?: string): Problem => ({ file: yaml, line: 48, column, ...(entry ? { entry } : {}), rule: 'codebook-missing', message: 'is missing' });
    expect(formatProblem(at('questions[30].options[2].code', 'cs_effect'))).toBe(`${yaml} 48行目・設問 cs_effect（questions[30]）の options[2].code: ありません`);
    expect(formatProblem(at('universes[1]', 'doing_cs'))).toBe(`${yaml} 48行目・universe doing_cs（universes[1]）: ありません`);
    expect(formatProblem(at('headlines[1].kind', 'cs_team'))).toBe(`${yaml} 48行目・見出しの数値（headlines[1]、q: cs_team）の kind: ありません`);
    expect(formatProblem(at('(top level)'))).toBe(`${yaml} 48行目・（最上位）: ありません`);
    expect(formatProblem({ ...at('survey.n'), line: undefined })).toBe(`${yaml} survey.n: ありません`);
  });
  it('falls back to the English text for what the catalogue cannot word, and never throws', () => {
    const odd: Problem = { file, row: 3, column: 'x', value: 'v', rule: 'new-rule', message: 'is frobnicated', expected: 'something plain' };
    expect(formatProblem(odd)).toBe(`${file} 3行目・列 x: "v" is frobnicated（想定: something plain）`);
    expect(formatProblem({ ...odd, message: '', expected: '' })).toBe(`${file} 3行目・列 x: "v" （想定: ）`);
  });
  it('ProblemsError: the heading and count in Japanese by default, or the English heading', () => {
    expect(new ProblemsError([bad(214, '9')]).message).toBe(`調査データに問題があります（問題 1 件）:\n  ${formatProblem(bad(214, '9'))}`);
    expect(new ProblemsError([bad(2, '9'), bad(3, '9'), { ...bad(4, '9'), column: 'sector' }]).message.split('\n')[0]).toBe('調査データに問題があります（問題 2 行）:');
    expect(new ProblemsError([bad(214, '9')], { ja: 'ja 見出し', en: 'en heading' }, 'en').message.split('\n')[0]).toBe('en heading (1 problem):');
  });
});

describe('languageOf (HAKUSHO_LANG, --lang)', () => {
  it('is English for en and its regional forms, Japanese for anything else', () => {
    expect(['en', 'EN', 'en_US', 'en-GB', 'en_US.UTF-8', ' en '].map(languageOf)).toEqual(Array(6).fill('en'));
    expect([undefined, '', 'ja', 'ja_JP.UTF-8', 'english', 'fr', 'e'].map(languageOf)).toEqual(Array(7).fill('ja'));
  });
});
