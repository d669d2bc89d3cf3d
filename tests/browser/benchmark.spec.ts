/**
 * The self-benchmark (/benchmark/) in real Chromium against the built site: values typed into the
 * form give the class and shares of /data/benchmark.json (the texts of src/lib/benchmark/describe.ts
 * computed here from the built JSON), the URL round-trips, a hostile URL is ignored with a visible
 * notice, axe finds nothing, and no request leaves the site or carries a value typed.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { OUT } from './site.ts';
import { describeResult } from '../../src/lib/benchmark/describe.ts';
import type { BenchmarkAnswer, SegmentChoice } from '../../src/lib/benchmark/compare.ts';
import type { BenchmarkData } from '../../src/lib/benchmark/types.ts';

/** The JSON as built (what the page fetches). */
const built = (): BenchmarkData => JSON.parse(readFileSync(`${OUT}/data/benchmark.json`, 'utf8')) as BenchmarkData;

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** A control of the form by its label (the results' articles are labelled by the same names). */
const field = (page: Page, name: string) => page.locator('form[data-role="form"]').getByLabel(name, { exact: true });

async function ready(page: Page): Promise<void> {
  await expect(page.locator('hakusho-benchmark[data-ready]')).toBeAttached();
}

/** What the page must say for a metric, from the built JSON. */
function expected(data: BenchmarkData, id: string, answer: BenchmarkAnswer, segment: SegmentChoice, employees: number | null) {
  const metric = data.metrics.find((m) => m.id === id)!;
  return describeResult(data, metric, answer, segment, employees);
}

async function resultTexts(page: Page, id: string) {
  const article = page.locator(`article[data-metric="${id}"]`);
  await expect(article).toBeVisible();
  return {
    answer: await article.locator('.bm-answer').textContent(),
    summary: await article.locator('[data-role="summary"]').textContent(),
    rows: await article.locator('table[data-role="distribution"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? ''))),
    notes: await article.locator('.bm-notes li').allTextContents(),
  };
}

test('typed values give the class and the shares of benchmark.json, for 全体 and the reader\'s size class', async ({ page }) => {
  const errors = watchErrors(page);
  const data = built();
  await page.goto('/benchmark/');
  await ready(page);
  await field(page, '月次平均解約率').fill('1.5');
  await field(page, 'CSM1人あたりの担当顧客社数').fill('40');
  await field(page, '顧客支援を担当している部門の人数').fill('12');
  await field(page, '年間継続率').fill('100');
  await field(page, '売上継続率（NRR、年間）').selectOption({ label: '100〜110%未満' });
  await field(page, 'タッチモデルを構築している').check();
  await page.getByRole('button', { name: '比べる' }).click();
  const answers: [string, BenchmarkAnswer][] = [['churn', { value: 1.5 }], ['accounts', { value: 40 }], ['team', { value: 12 }], ['retention', { value: 100 }], ['nrr', { code: 4 }], ['touch', { code: 1 }]];
  for (const [id, answer] of answers) {
    const want = expected(data, id, answer, 'all', null);
    const got = await resultTexts(page, id);
    expect(want.compared).toBe(true);
    expect(got.answer).toBe(want.answer);
    expect(got.summary).toBe(want.summary);
    expect(got.rows.map((r) => [r[0], r[1], r[2].replace(/^◀ /, '')])).toEqual(want.rows.map((r) => [r.label, r.share, r.relation]));
    expect(got.notes).toEqual([want.universe, ...want.notes]);
  }
  // 100 % is in the closed top class 「90〜100%」.
  expect((await resultTexts(page, 'retention')).answer).toBe('あなたの値：100%（階級「90〜100%」）');
  // The churn figures by hand from the JSON: 1.5 % is in 「1〜2%未満」, the second class.
  const churn = data.metrics.find((m) => m.id === 'churn')!;
  const shares = churn.all.shares!;
  expect((await resultTexts(page, 'churn')).summary).toContain(`同じ階級の人は${(Math.round(shares[1] * 1000) / 10).toFixed(1)}%`);

  // Company size: each survey's own class for 250 employees (100〜299名).
  await field(page, '回答者の範囲').selectOption('size');
  await field(page, '自社の従業員数').fill('250');
  await page.getByRole('button', { name: '比べる' }).click();
  for (const [id, answer] of answers) {
    const want = expected(data, id, answer, 'size', 250);
    const got = await resultTexts(page, id);
    expect(got.summary).toBe(want.summary);
    expect(got.summary).toContain('従業員規模 100〜299名');
  }
  // The effect table of the touch model: 「効果を感じている」 by answer, the reader's row marked in words.
  const effect = page.locator('article[data-metric="touch"] table[data-role="effect"]');
  const want = expected(data, 'touch', { code: 1 }, 'all', null).effect!;
  expect(await effect.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)))).toEqual(want.rows.map((r) => [r.mine ? `${r.label}（あなた）` : r.label, r.share, r.base]));
  expect(errors).toEqual([]);
});

test('SaaS: jcsa metrics say their SaaS respondents are 全体, the other surveys that they have no SaaS segment', async ({ page }) => {
  await page.goto('/benchmark/?churn=2&nrr=3&seg=saas');
  await ready(page);
  const data = built();
  expect((await resultTexts(page, 'churn')).notes).toContain(expected(data, 'churn', { value: 2 }, 'saas', null).notes[0]);
  expect((await resultTexts(page, 'churn')).notes.join('')).toContain('SaaSかどうかの区分がないため、全体と比べています');
  expect((await resultTexts(page, 'nrr')).notes.join('')).toContain('SaaSの回答者は全体と同じです');
});

test('a value outside every class is not compared, and says so', async ({ page }) => {
  await page.goto('/benchmark/?retention=120&churn=-1');
  await ready(page);
  await expect(page.locator('article[data-metric="retention"] [data-role="summary"]')).toHaveText(expected(built(), 'retention', { value: 120 }, 'all', null).summary);
  await expect(page.locator('article[data-metric="retention"] table')).toHaveCount(0);
  await expect(page.locator('article[data-metric="churn"] [data-role="summary"]')).toContainText('最も低い階級より低い');
});

test('the URL holds the state: restored into the form and the results, updated by the form, shareable', async ({ page }) => {
  const errors = watchErrors(page);
  const search = '?churn=3.2&accounts=120&nrr=2&touch=3&seg=size&emp=6000';
  await page.goto(`/benchmark/${search}`);
  await ready(page);
  await expect(field(page, '月次平均解約率')).toHaveValue('3.2');
  await expect(field(page, 'CSM1人あたりの担当顧客社数')).toHaveValue('120');
  await expect(field(page, '売上継続率（NRR、年間）')).toHaveValue('2');
  await expect(field(page, '構築していない')).toBeChecked();
  await expect(field(page, '回答者の範囲')).toHaveValue('size');
  await expect(field(page, '自社の従業員数')).toHaveValue('6000');
  await expect(page.locator('article.bm-result')).toHaveCount(4);
  await expect(page.getByRole('alert')).toBeHidden();
  const data = built();
  // 6,000 employees: 「1000名以上」 in fullstar, 「5000名以上」 in jcsa and virtualex.
  expect((await resultTexts(page, 'churn')).summary).toBe(expected(data, 'churn', { value: 3.2 }, 'size', 6000).summary);
  expect((await resultTexts(page, 'churn')).summary).toContain('従業員規模 1000名以上');
  expect((await resultTexts(page, 'nrr')).summary).toContain('従業員規模 5000名以上');
  expect(new URL(page.url()).search).toBe(search);
  await expect(page.getByRole('link', { name: 'この結果へのリンク（共有用）' })).toHaveAttribute('href', `/benchmark/${search}`);

  // The form rewrites the URL in place (no navigation, no request).
  await field(page, '月次平均解約率').fill('0.5');
  await field(page, 'CSM1人あたりの担当顧客社数').fill('');
  await page.getByRole('button', { name: '比べる' }).click();
  await expect(page).toHaveURL(/\/benchmark\/\?churn=0\.5&nrr=2&touch=3&seg=size&emp=6000$/);
  await expect(page.locator('article.bm-result')).toHaveCount(3);
  const shared = page.url();
  const again = await page.context().newPage();
  await again.goto(shared);
  await ready(again);
  await expect(again.locator('article[data-metric="churn"] .bm-answer')).toHaveText('あなたの値：0.5%（階級「1%未満」）');
  await again.close();
  expect(errors).toEqual([]);
});

test('a hostile URL is ignored with a visible notice, and rewritten', async ({ page }) => {
  const errors = watchErrors(page);
  let dialogs = 0;
  page.on('dialog', (d) => (dialogs++, d.dismiss()));
  await page.goto('/benchmark/?churn=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&nrr=99&touch=1&seg=__proto__&emp=%27%22%3E&accounts=1e999');
  await ready(page);
  const notice = page.getByRole('alert');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('月次平均解約率の値「<img src=x onerror=alert(1)>」は数値ではないため無視しました。');
  await expect(notice).toContainText('売上継続率（NRR、年間）の選択「99」は選択肢にないため無視しました。');
  await expect(notice).toContainText('比べる相手「__proto__」は選択肢にないため、全体と比べています。');
  await expect(notice).toContainText('従業員数「\'">」は数値ではないため無視しました。');
  await expect(notice).toContainText('CSM1人あたりの担当顧客社数の値「1e999」は数値ではないため無視しました。');
  await expect(page.locator('hakusho-benchmark img')).toHaveCount(0);
  // What was valid is kept; the URL keeps only that.
  await expect(page.locator('article.bm-result')).toHaveCount(1);
  await expect(page.locator('article[data-metric="touch"]')).toBeVisible();
  expect(new URL(page.url()).search).toBe('?touch=1');
  expect(dialogs).toBe(0);
  expect(errors).toEqual([]);
});

test('no request leaves the site, and no request carries the values typed', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/benchmark/?churn=1.5&seg=size&emp=250');
  await ready(page);
  const origin = new URL(page.url()).origin;
  expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
  // The only data the page asks for is the site's own JSON.
  expect(requests.filter((u) => /\.(json|bin|csv)(\?|$)/.test(new URL(u).pathname))).toEqual([`${origin}/data/benchmark.json`]);
  const before = requests.length;
  await field(page, '月次平均解約率').fill('7.5');
  await field(page, '顧客支援を担当している部門の人数').fill('40');
  await field(page, '構築を検討している').check();
  await page.getByRole('button', { name: '比べる' }).click();
  await expect(page.locator('article[data-metric="team"]')).toBeVisible();
  await page.waitForTimeout(300);
  // Chromium fetches the site's icon again when history.replaceState changes the address: a fixed URL, nothing else.
  expect(requests.slice(before).filter((u) => u !== `${origin}/favicon.svg`)).toEqual([]);
  expect(requests.filter((u) => /7\.5|=40|touch/.test(u))).toEqual([]);
  expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
});

for (const scheme of ['light', 'dark'] as const) {
  for (const width of [1280, 390]) {
    test(`axe finds no violation on the benchmark with results (${scheme}, ${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/benchmark/?churn=1.5&accounts=40&team=12&retention=95&nrr=4&touch=1&seg=size&emp=250');
      await ready(page);
      await expect(page.locator('article.bm-result')).toHaveCount(6);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}

test('the page is linked from the home page and every page\'s header', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('main a[href="/benchmark/"]')).toHaveText('自社の位置を確かめる');
  await page.goto('/jcsa/2025/');
  await page.locator('nav[aria-label="サイト"] a[href="/benchmark/"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('自社の位置を確かめる');
});
