/**
 * Every report page: axe-core finds no serious or critical violation; no internal link is broken;
 * no built file carries a respondent id, a free-text answer or a restricted question; every
 * report chart says 合成サンプルデータ.
 */
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtFiles, crawl, OUT, reportPages } from './site.ts';
import { loadCatalog } from '../../src/server/catalog.ts';
import { parseHTML } from 'linkedom';

test('crawling the site from / finds no broken internal link or anchor', async ({ request }) => {
  test.setTimeout(240_000);
  const { pages, links, status } = await crawl(request);
  expect(pages.size).toBeGreaterThan(10);
  const broken: string[] = [];
  for (const [target, from] of links) {
    const [path, encoded] = target.split("#");
    const fragment = encoded ? decodeURIComponent(encoded) : "";
    const code = status.get(path);
    if (code !== 200) broken.push(`${target} (${code}) ← ${[...from].slice(0, 3).join(', ')}`);
    else if (fragment && pages.has(path) && !new RegExp(`\\sid="${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).test(pages.get(path) as string)) {
      broken.push(`${target} (no element with id "${fragment}") ← ${[...from].slice(0, 3).join(', ')}`);
    }
  }
  expect(broken).toEqual([]);
});

const pages = reportPages();
test('the build has report pages', () => expect(pages.length).toBeGreaterThan(5));

for (const path of pages) {
  test(`axe: ${path}`, async ({ page }) => {
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
    expect(bad).toEqual([]);
  });
}

test('axe in dark mode on a chapter', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/jcsa/2025/ch1/');
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

/** Every text file of the build (HTML, CSV, SVG, JSON, JS, CSS) as [site path, content]. */
function builtTextFiles(): [string, string][] {
  return builtFiles((name) => /\.(html|csv|svg|json|js|css|txt|xml)$/.test(name)).map((f) => [`/${f}`, readFileSync(join(OUT, f), 'utf8')]);
}

/** Word-like tokens of a text (ids such as J001 or V0001 stand alone between separators). */
const tokens = (text: string) => text.match(/[A-Za-z0-9_-]+/g) ?? [];

test('no built file holds a respondent id, a free-text answer or a restricted question', () => {
  const microdata = loadCatalog().waves.filter((w) => w.dataset);
  const ids = new Set(microdata.flatMap((w) => w.dataset!.ids));
  const answers = new Set(
    microdata.flatMap((w) => [...w.dataset!.variables.values()].flatMap((v) => (v.kind === 'text' ? v.values.filter((x): x is string => !!x && x.length >= 4) : []))),
  );
  const hidden = microdata.flatMap((w) =>
    [...w.codebook.questions.filter((q) => q.type === 'text' || q.publication === 'restricted').map((q) => q.id), ...w.codebook.derived.filter((d) => d.publication === 'restricted').map((d) => d.id)].map((id) => ({ survey: w.survey, wave: w.wave, id })),
  );
  // The detectors are live: the sample data has ids, free text and restricted questions, and the
  // token scan finds the ids in the raw responses file.
  expect(ids.size).toBeGreaterThan(100);
  expect(answers.size).toBeGreaterThan(10);
  expect(hidden.length).toBeGreaterThan(0);
  const raw = readFileSync(join(loadCatalog().waves.find((w) => w.dataset)!.dir, 'responses.csv'), 'utf8');
  expect(tokens(raw).filter((t) => ids.has(t)).length).toBeGreaterThan(100);

  const files = builtTextFiles();
  expect(files.length).toBeGreaterThan(100);
  const leaks: string[] = [];
  for (const [path, text] of files) {
    const id = tokens(text).find((t) => ids.has(t));
    if (id) leaks.push(`${path}: respondent id ${id}`);
    for (const answer of answers) if (text.includes(answer)) leaks.push(`${path}: free-text answer "${answer.slice(0, 20)}…"`);
    for (const h of hidden) {
      if (path.startsWith(`/${h.survey}/${h.wave}/questions/${h.id}/`)) leaks.push(`${path}: page of restricted question ${h.id}`);
      if (path.endsWith('.csv')) {
        const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0].split(',');
        if (header.some((c) => c === h.id || c.startsWith(`${h.id}__`))) leaks.push(`${path}: column of restricted question ${h.id}`);
      }
    }
  }
  expect(leaks).toEqual([]);
});

test('every chart of the built report says 合成サンプルデータ (every sample wave is synthetic; English pages: Synthetic sample data)', () => {
  expect(loadCatalog().waves.every((w) => w.codebook.survey.synthetic)).toBe(true);
  const unlabelled: string[] = [];
  let figures = 0;
  for (const [path, html] of builtTextFiles()) {
    if (!path.endsWith('.html')) continue;
    const { document } = parseHTML(html);
    for (const figure of document.querySelectorAll('figure.chart')) {
      figures++;
      const mark = path.startsWith('/en/') ? 'Synthetic sample data' : '合成サンプルデータ';
      if (!(figure.textContent ?? '').includes(mark)) unlabelled.push(`${path}: ${(figure.querySelector('figcaption, .chart-title, h3, h4')?.textContent ?? '').trim().slice(0, 40)}`);
    }
  }
  expect(figures).toBeGreaterThan(100);
  expect(unlabelled).toEqual([]);
});

test('every figure whose table shows – or … explains the symbol in its notes (issue 11)', () => {
  const unexplained: string[] = [];
  let explained = 0;
  for (const [path, html] of builtTextFiles()) {
    if (!path.endsWith('.html')) continue;
    const { document } = parseHTML(html);
    for (const figure of document.querySelectorAll('figure.chart')) {
      const cells = [...figure.querySelectorAll('.chart-table td')].map((td) => (td.textContent ?? '').trim());
      const notes = figure.querySelector('.chart-notes')?.textContent ?? '';
      const legends = path.startsWith('/en/')
        ? [['–', '–: no one gave this answer (0%)'], ['…', '…: not asked in that wave, or not published']]
        : [['–', '–：該当する回答がない（0%）'], ['…', '…：その調査回では聞いていない、または公表されていない']];
      for (const [symbol, legend] of legends) {
        if (!cells.some((c) => c === symbol || c.startsWith(`${symbol}`) && !/\d/.test(c))) continue;
        if (notes.includes(legend)) explained++;
        else unexplained.push(`${path}: ${(figure.querySelector('.chart-title')?.textContent ?? '').trim().slice(0, 40)} (${symbol})`);
      }
    }
  }
  expect(explained).toBeGreaterThan(0);
  expect(unexplained).toEqual([]);
});

test('a figure with an ordinal mean discloses the scores it is computed from (issue 11)', () => {
  const html = readFileSync(join(OUT, 'jcsa/2025/questions/cs_penetration/index.html'), 'utf8');
  const { document } = parseHTML(html);
  const withMean = [...document.querySelectorAll('figure.chart')].filter((f) => [...f.querySelectorAll('.chart-table th')].some((th) => th.textContent?.trim() === '平均'));
  expect(withMean.length).toBeGreaterThan(0);
  for (const f of withMean) expect(f.querySelector('.chart-notes')?.textContent).toContain('平均・中央値は次の得点から計算：浸透していない=1、個人レベル=2、単一部門レベル=3');
});

test('banded summaries do not overclaim: no mean over a crowded open class, no boundary as a median (issue 11)', () => {
  const page = (path: string) => parseHTML(readFileSync(join(OUT, path), 'utf8')).document;
  // jcsa employee size: 31.8 % of answers in 「5000名以上」 — the mean (3,541.7名) rested on the 7,000 assumed for it.
  const employees = page('jcsa/2025/questions/employee_size/index.html');
  expect(employees.body.textContent).not.toMatch(/平均 3,541\.7名/);
  expect(employees.querySelector('.chart-notes')?.textContent).toContain('最上位の階級の回答が20%を超える列は、平均がこの仮定に大きく左右されるため、平均の代わりに中央値の階級を示しています。');
  expect(employees.querySelector('.chart-notes')?.textContent).toMatch(/上限のない最上位の階級「5000名以上」（全体の回答の[\d.]+%）は[\d,.]+名とみなしています/);
  // jcsa revenue: the median falls in the open class; its boundary (100.0億円) is not a median.
  const revenue = page('jcsa/2025/questions/revenue_size/index.html');
  expect(revenue.body.textContent).toContain('上限のない階級のため中央値の値は示しません');
  expect(revenue.body.textContent).not.toMatch(/中央値 100\.0億円/);
});

test('every chart links its notes to the 集計方法 page, which states the engine\'s parameters (issue 11)', async ({ page }) => {
  let figures = 0;
  const missing: string[] = [];
  for (const [path, html] of builtTextFiles()) {
    if (!path.endsWith('.html')) continue;
    for (const figure of parseHTML(html).document.querySelectorAll('figure.chart')) {
      figures++;
      const methods = path.startsWith('/en/') ? '/en/methods/' : '/methods/';
      if (!figure.querySelector(`.chart-notes a[href="${methods}"]`)) missing.push(path);
    }
  }
  expect(figures).toBeGreaterThan(100);
  expect(missing).toEqual([]);
  await page.goto('/methods/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('集計方法');
  const text = await page.locator('article').textContent();
  for (const phrase of ['基数が30未満の列は参考値', '基数が10未満の列は割合も人数も示しません', '有意水準 5%', '95%信頼区間は Wilson 法', '回答が20%を超えるときは', '±2人']) expect(text).toContain(phrase);
  await page.goto('/explore/?s=jcsa&w=2025&q=cs_effect');
  await expect(page.locator('.x-notes a[href="/methods/"]')).toHaveText('集計方法');
});

test('no page publishes a chart whose every column is suppressed: it is the 掲載していない図 box (issue 11)', () => {
  const empty: string[] = [];
  let boxes = 0;
  for (const [path, html] of builtTextFiles()) {
    if (!path.endsWith('.html')) continue;
    const { document } = parseHTML(html);
    boxes += document.querySelectorAll('aside.omitted-chart').length;
    for (const figure of document.querySelectorAll('figure.chart')) {
      const cells = [...figure.querySelectorAll('.chart-table tbody td')].map((td) => (td.textContent ?? '').trim()).filter((t) => t !== '');
      if (cells.length > 0 && cells.every((t) => t.startsWith('×'))) empty.push(`${path}: ${(figure.querySelector('.chart-title')?.textContent ?? '').trim().slice(0, 50)}`);
    }
  }
  expect(boxes).toBeGreaterThan(3);
  expect(empty).toEqual([]);
});
