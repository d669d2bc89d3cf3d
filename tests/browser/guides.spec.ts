/**
 * The guides (content/guides/) in real Chromium: the KPI guide's cover, a KPI page (churn) and
 * the organisation guide each show live survey figures — a <Stat> value and a chart with its data
 * table — inside an <Evidence> passage that links to the question's page; the worked example is
 * labelled as invented numbers and quotes no survey figure; the header and the home page lead to
 * the guides; axe finds no violation.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { builtPages } from './site.ts';

const PAGES = ['/guides/kpi/', '/guides/kpi/churn/', '/guides/organisation/'];

/** The KPI pages the guide has: one per KPI of src/lib/guides/kpis.ts. */
const KPI_PAGES = ['churn', 'nrr-grr', 'ltv', 'nps', 'csat', 'health-score', 'onboarding', 'expansion'].map((p) => `/guides/kpi/${p}/`);

test('the build has the guides', () => {
  const built = builtPages();
  for (const p of ['/guides/', ...PAGES, ...KPI_PAGES]) expect(built).toContain(p);
});

/** The first evidence passage with both a <Stat> and a chart. */
async function liveEvidence(page: Page) {
  const evidence = page.locator('section.evidence').filter({ has: page.locator('.stat') }).filter({ has: page.locator('figure.chart') }).first();
  await expect(evidence).toBeVisible();
  return evidence;
}

for (const path of PAGES) {
  test(`${path}: a live figure and a chart with its table, linked to the question's page`, async ({ page, request }) => {
    const res = await page.goto(path);
    expect(res?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('.synthetic-notice')).toContainText('合成サンプルデータ');

    const evidence = await liveEvidence(page);
    // The <Stat>: a number computed at build time, its base in the tooltip.
    const stat = evidence.locator('.stat').first();
    await expect(stat).toHaveText(/^\d[\d,.]*(%|社|名)?/);
    await expect(stat).toHaveAttribute('title', /n=\d/);

    // The chart: base, source and synthetic mark visible; its data table behind the toggle.
    const fig = evidence.locator('figure.chart').first();
    await expect(fig.locator('.chart-wide > svg')).toBeVisible();
    await expect(fig.locator('.chart-base')).toContainText('n=');
    await expect(fig.locator('.citation-text')).not.toBeEmpty();
    await expect(fig.locator('.synthetic-badge')).toHaveText('合成サンプルデータ');
    const table = fig.locator('details.chart-table table');
    await expect(table).toBeHidden();
    await fig.locator('details.chart-table summary').click();
    await expect(table).toBeVisible();
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    await expect(fig.locator('.chart-description')).not.toBeEmpty();

    // The passage's link to its question page, which exists and is that question's.
    const link = evidence.locator('a.question-link');
    await expect(link).toHaveAttribute('href', /^\/[a-z]+\/\d{4}\/questions\/[a-z_]+\/$/);
    const label = /設問「(.+)」のすべての集計を見る/.exec((await link.textContent()) ?? '')?.[1] ?? '';
    expect(label.length).toBeGreaterThan(0);
    await expect(evidence.locator('.evidence-meta')).toContainText(/対象.*n=\d/);
    await expect(evidence.locator('.evidence-meta')).toContainText('出典');
    const href = (await link.getAttribute('href')) as string;
    expect((await request.get(href)).status()).toBe(200);
    await link.click();
    await expect(page).toHaveURL(href);
    await expect(page.locator('h1')).toContainText(label.split('：')[0]);
  });

  test(`axe: ${path} has no violations`, async ({ page }) => {
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× ${v.nodes[0]?.target.join(' ')} — ${v.help}`)).toEqual([]);
  });
}

test('every evidence passage links to a question page, and every chart of a guide sits in one', async ({ page }) => {
  for (const path of [...PAGES, ...KPI_PAGES]) {
    await page.goto(path);
    const passages = page.locator('section.evidence');
    const n = await passages.count();
    expect(n, path).toBeGreaterThan(0);
    await expect(passages.locator('a.question-link'), path).toHaveCount(n);
    expect(await page.locator('figure.chart').count(), path).toBe(await page.locator('section.evidence figure.chart').count());
  }
});

test('a KPI page: formula in words, and a worked example labelled as invented numbers, apart from the survey figures', async ({ page }) => {
  await page.goto('/guides/kpi/churn/');
  await expect(page.locator('.formula').first()).toContainText('顧客解約率（カスタマーチャーンレート） ＝ 期間中に解約した顧客数 ÷ 期首の顧客数 × 100（%）');
  await expect(page.locator('.formula var').first()).toHaveText('期間中に解約した顧客数');
  const example = page.locator('figure.worked-example');
  await expect(example.locator('figcaption')).toContainText('計算例');
  await expect(example.locator('figcaption')).toContainText('調査の結果ではありません');
  await expect(example.locator('.example-calc').first()).toHaveText('6社 ÷ 200社 × 100 ＝ 3.0%');
  await expect(example.locator('.stat')).toHaveCount(0);
});

test('on a phone (360 px) the guides fit without horizontal scrolling, and the meaning of a term keeps the width of the text', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  for (const path of [...PAGES, ...KPI_PAGES]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), path).toBeLessThanOrEqual(0);
  }
  await page.goto('/guides/kpi/onboarding/');
  for (const selector of ['.formula-terms dd', '.example-values dd']) expect((await page.locator(selector).first().boundingBox())?.width, selector).toBeGreaterThan(250);
});

test('the KPI guide lists every KPI page; each page links back and to its neighbours', async ({ page }) => {
  await page.goto('/guides/kpi/');
  const links = page.locator('nav.guide-pages ol li a');
  expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(KPI_PAGES);
  await links.nth(1).click();
  await expect(page).toHaveURL(KPI_PAGES[1]);
  await expect(page.locator('nav.breadcrumbs li')).toHaveText(['調査一覧', 'ガイド', 'KPIガイド', /売上継続率/]);
  await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', KPI_PAGES[0]);
  await expect(page.locator('a[rel="next"]')).toHaveAttribute('href', KPI_PAGES[2]);
  await page.locator('nav.breadcrumbs a', { hasText: 'KPIガイド' }).click();
  await expect(page).toHaveURL('/guides/kpi/');
});

test('the header and the home page lead to the guides', async ({ page }) => {
  await page.goto('/');
  await page.locator('header nav a', { hasText: 'ガイド' }).click();
  await expect(page).toHaveURL('/guides/');
  await expect(page.locator('main a[href="/guides/kpi/"]')).toHaveCount(1);
  await expect(page.locator('main a[href="/guides/organisation/"]')).toHaveCount(1);
  await page.goto('/');
  await expect(page.locator('main a[href="/guides/kpi/"]')).toHaveText('KPIガイド');
  await expect(page.locator('main a[href="/guides/organisation/"]')).toHaveText('CS組織ガイド');
});
