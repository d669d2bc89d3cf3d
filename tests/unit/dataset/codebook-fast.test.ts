/**
 * The fast path of readCodebook (js-yaml, no positions) must answer exactly as the located path
 * (`yaml` with positions) whenever it answers at all: the same value for a valid codebook, and no
 * answer for anything the located path rejects. Checked on every codebook in the repository, every
 * fixture, and edge cases where the two YAML readers could differ.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliasCandidates, joinFoldedLines, readLocated, readValidCodebook } from '../../../src/lib/dataset/codebook-read.ts';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const head = [
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
];
const codebook = (...lines: string[]) => [...head, ...lines].join('\n');

function agree(text: string): void {
  const located = readLocated(text, 'c.yaml');
  const fast = readValidCodebook(text);
  if (located.ok) {
    if (fast !== undefined) expect(fast).toEqual(located.value);
  } else expect(fast).toBeUndefined();
}

describe('readValidCodebook (the fast path)', () => {
  it('gives the located value for every sample codebook, and is taken for each of them', () => {
    const files = yamlFiles('data');
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const located = readLocated(text, file);
      expect(located.ok, file).toBe(true);
      expect(located.warnings, file).toEqual([]);
      if (located.ok) expect(readValidCodebook(text), file).toEqual(located.value);
    }
  });

  it('never accepts a fixture the located path rejects, and agrees on the rest', () => {
    const files = yamlFiles('tests/fixtures');
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const bytes = readFileSync(file);
      agree(bytes.toString('utf8'));
    }
  });

  it('agrees where the two YAML readers could differ: scalars, keys, strings, nulls', () => {
    const q = (extra: string) => codebook('  - id: team', '    text: t', '    label: l', '    type: single', '    options:', '      - { code: 1, label: a }', extra);
    for (const extra of [
      '      - { code: 2, label: 017 }',
      '      - { code: 2, label: 0o17 }',
      '      - { code: 2, label: 0x1F }',
      '      - { code: 2, label: 1_000 }',
      '      - { code: 2, label: .inf }',
      '      - { code: 2, label: 2025-01-01 }',
      '      - { code: 2, label: yes }',
      '      - { code: 2, label: ~ }',
      '      - { code: 2, label: "\\u00e9\\x41" }',
      "      - { code: 2, label: 'it''s' }",
      '      - { code: 2.0, label: b }',
      '      - { code: 0x2, label: b }',
      '      - { code: "2", label: b }',
      '      - { code: 2, label: !!str 2 }',
      '      - { code: 2, label: !!binary aGk= }',
      '      - { code: 2, label: !custom b }',
      '      - { code: 2, label: b, label: c }',
      '      - { code: 2, label: >-\n          folded\n          text }',
      '      - code: 2\n        label: |\n          literal\n          text',
      '      - { code: 2, label: b }\n---\nsurvey: {}',
      '      - { code: 2, label: b }\n      - { code: 3, label: c, __proto__: { polluted: true } }',
      '      - { code: 2, label: b }\n      - { ? [a, b] : c }',
      '      - { code: 2, label: b }\n\t- { code: 3, label: c }',
      // A merge key is YAML 1.1: the core schema reads "<<" as a plain (unknown) field.
      '      - { code: 2, label: b }\n      - { <<: { code: 3 }, label: c }',
    ])
      agree(q(extra));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads aliases, and leaves the limits they can break to the located path', () => {
    const text = codebook('  - &q { id: team, text: t, label: l, type: single, options: [{ code: 1, label: a }] }', '  - *q');
    expect(aliasCandidates(text)).toBe(1);
    expect(readValidCodebook(text)).toEqual((readLocated(text, 'c.yaml') as { value: unknown }).value);
    const most = codebook('  - { id: team, text: t, label: &l l, type: single, options: [{ code: 1, label: a }] }', ...Array.from({ length: 1000 }, (_, i) => `  - { id: q${i}, text: t, label: *l, type: numeric, unit: 人 }`));
    expect(aliasCandidates(most)).toBe(1000);
    expect(readValidCodebook(most)?.questions).toHaveLength(1001);
    const many = codebook('  - { id: team, text: t, label: &l l, type: single, options: [{ code: 1, label: a }] }', ...Array.from({ length: 1001 }, (_, i) => `  - { id: q${i}, text: t, label: *l, type: numeric }`));
    expect(readValidCodebook(many)).toBeUndefined();
    expect(readLocated(many, 'c.yaml').ok).toBe(false);
    const deep = codebook(`  - { id: team, text: t, label: l, type: single, options: [{ code: 1, label: a }], notes: ${'['.repeat(70)}${']'.repeat(70)} }`);
    expect(readValidCodebook(deep)).toBeUndefined();
    expect(readLocated(deep, 'c.yaml').ok).toBe(false);
  });

  it('aliasCandidates: every place an alias can start, and no false alarm on ordinary text', () => {
    for (const yes of ['a: *x', '- *x', '[*x]', '{a: *x}', '[a,*x]', '{"a":*x}', '? *x', '*x: 1', 'a:\n\t*x']) expect(aliasCandidates(yes), yes).toBe(1);
    expect(aliasCandidates('a: [*x, *y]\nb: *z')).toBe(3);
    for (const no of ['a: 2 * 3', 'a: 注*印', 'a: "**"', 'a: b*c', 'a: 5*']) expect(aliasCandidates(no), no).toBe(0);
  });
});

describe('joinFoldedLines', () => {
  it('drops the space YAML puts where a Japanese text was folded, and keeps spaces next to Latin text', () => {
    expect(joinFoldedLines('告知した 調査に応じた人、営業・ カスタマーサポート（全体） です')).toBe('告知した調査に応じた人、営業・カスタマーサポート（全体）です');
    expect(joinFoldedLines('SaaS 企業の CS 担当 (1) 日本')).toBe('SaaS 企業の CS 担当 (1) 日本');
    expect(joinFoldedLines({ a: ['一 二', { b: 'x y' }], n: 1, z: null })).toEqual({ a: ['一二', { b: 'x y' }], n: 1, z: null });
  });
  it('applies to a folded codebook text, by either reader', () => {
    const text = codebook('  - id: team', '    text: >-', '      カスタマーサクセスの', '      体制を尋ねます', '    label: l', '    type: single', '    options: [{ code: 1, label: a }]');
    expect(readValidCodebook(text)?.questions[0].text).toBe('カスタマーサクセスの体制を尋ねます');
    const located = readLocated(text, 'c.yaml');
    expect(located.ok && located.value.questions[0].text).toBe('カスタマーサクセスの体制を尋ねます');
  });
});
