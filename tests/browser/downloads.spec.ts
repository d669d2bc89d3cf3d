/**
 * Downloads in the build output: every SVG file is well-formed XML (for an XML parser and for
 * Chromium), and no text cell of a built CSV starts with a formula character.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { builtFiles, OUT } from './site.ts';
import { parseXml } from '../unit/xml.ts';

const svgs = builtFiles((name) => name.endsWith('.svg'));
const csvs = builtFiles((name) => name.endsWith('.csv'));

test('every built SVG parses as XML', () => {
  expect(svgs.length).toBeGreaterThan(100);
  const bad: string[] = [];
  for (const f of svgs) {
    try {
      const root = parseXml(readFileSync(join(OUT, f), 'utf8')).documentElement;
      if (root?.localName !== 'svg') bad.push(`${f}: root is ${root?.localName}`);
    } catch (e) {
      bad.push(`${f}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  expect(bad).toEqual([]);
});

test('no built SVG carries Plot\'s warning glyph (issue 11)', () => {
  expect(svgs.filter((f) => readFileSync(join(OUT, f), 'utf8').includes('⚠'))).toEqual([]);
});

test('Chromium reads every built SVG as an SVG document', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const bad = await page.evaluate(async (paths) => {
    const out: string[] = [];
    for (const p of paths) {
      const doc = new DOMParser().parseFromString(await (await fetch(p)).text(), 'image/svg+xml');
      const error = doc.querySelector('parsererror');
      if (error || doc.documentElement.localName !== 'svg') out.push(`${p}: ${error?.textContent?.slice(0, 200) ?? doc.documentElement.localName}`);
    }
    return out;
  }, svgs.map((f) => `/${f}`));
  expect(bad).toEqual([]);
});

test('no text cell of a built CSV starts with a formula character', () => {
  expect(csvs.length).toBeGreaterThan(100);
  const bad: string[] = [];
  for (const f of csvs) {
    const { data } = Papa.parse<string[]>(readFileSync(join(OUT, f), 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true });
    for (const row of data) {
      for (const cell of row) {
        // A typed number (e.g. -1.5) is written as a number; any other text must not start with = + - @ tab CR.
        if (/^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell)) bad.push(`${f}: ${JSON.stringify(cell)}`);
      }
    }
  }
  expect(bad).toEqual([]);
});

test('a built chart file says what it shows: question, base, banner, source, protection and the synthetic mark (issue 11)', () => {
  const svg = readFileSync(`${OUT}/jcsa/2025/questions/cs_effect/saas_doing_cs--by-response_channel.svg`, 'utf8');
  const texts = [...svg.matchAll(/<text x="8"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join('');
  expect(texts).toContain('カスタマーサクセスに効果を感じているか（回答経路別）');
  expect(texts).toMatch(/対象：SaaS・CSに取り組んでいる（n=[\d,]+）／集計軸：回答経路/);
  expect(texts).toContain('秘匿処理');
  expect(texts).toMatch(/出典：日本カスタマーサクセス協会/);
  expect(texts).not.toContain('出典：出典');
  expect(texts).toContain('合成サンプルデータ');
  // Its CSV carries the same: banner, protection, source, the question page's address.
  const csv = readFileSync(`${OUT}/jcsa/2025/questions/cs_effect/saas_doing_cs--by-response_channel.csv`, 'utf8').replace(/^\uFEFF/, '');
  const [head, ...rows] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
  const at = (name: string) => head.indexOf(name);
  expect(rows.length).toBeGreaterThan(4);
  for (const r of rows) {
    expect(r[at('集計軸')]).toBe('回答経路');
    expect(r[at('注記')]).toContain('秘匿処理');
    // No site address is configured for the tests: the link is the site path (README, hosting).
    expect(r[at('固定リンク')]).toBe('/jcsa/2025/questions/cs_effect/');
  }
});
