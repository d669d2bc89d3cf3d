/**
 * The English site (/en/), walked as a reader in Chromium: home → a survey wave (English chapter
 * summaries, the Japanese chapters marked) → a question page (English chart title, option labels
 * in the table, an English CSV and SVG download) → the codebook → the explorer (English controls,
 * a banner switched, English labels in the table) → the language switch back to the same
 * Japanese page. Also: lang/hreflang attributes, the switch on pages without a counterpart, and
 * axe on the English pages walked.
 */
import { test, expect, type Page } from '@playwright/test';
import Papa from 'papaparse';
import AxeBuilder from '@axe-core/playwright';

/** Japanese script (kana, kanji, full-width forms). */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]/;

async function noSeriousAxe(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

test('a reader walks the English site: home, a wave, a question, its downloads, the codebook, the explorer and back to Japanese', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);

  // Home.
  await page.goto('/en/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customer success surveys, read from the data');
  const toJa = page.locator('[data-lang-switch]');
  await expect(toJa).toHaveAttribute('href', '/');
  await expect(toJa).toHaveAttribute('hreflang', 'ja');
  await expect(page.locator('link[rel="alternate"][hreflang="ja"]')).toHaveAttribute('href', /\/$/);
  await noSeriousAxe(page);

  // A wave: English title, chapter titles and summaries; each chapter linked in Japanese and marked so.
  await page.getByRole('link', { name: 'Customer Success White Paper 2025, Part 2: SaaS Report' }).click();
  await expect(page).toHaveURL(/\/en\/jcsa\/2025\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customer Success White Paper 2025, Part 2: SaaS Report');
  const ch3 = page.locator('#chapter-ch3');
  await expect(ch3).toContainText('Chapter 3');
  await expect(ch3).toContainText('How customer success has spread, its effects and challenges');
  await expect(ch3).toContainText('a shortage of people has become the biggest challenge');
  await expect(ch3.locator('[data-lang-note]')).toHaveText('日本語のみ / Japanese only');
  await expect(ch3.locator('a[hreflang="ja"]')).toHaveAttribute('href', '/jcsa/2025/ch3/');
  await expect(page.locator('.method-box')).toContainText('Japan Customer Success Association');
  await expect(page.locator('.method-box')).toContainText('1 December 2024');
  await noSeriousAxe(page);

  // The question index, then a question.
  await page.getByRole('link', { name: /^Results by question/ }).click();
  await expect(page).toHaveURL(/\/en\/jcsa\/2025\/questions\/$/);
  await page.getByRole('link', { name: 'Whether customer success feels effective', exact: true }).click();
  await expect(page).toHaveURL(/\/en\/jcsa\/2025\/questions\/cs_effect\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Whether customer success feels effective');
  await expect(page.locator('p.lead')).toHaveText('Do you feel customer success is effective?');
  const figure = page.locator('figure.chart').first();
  await expect(figure.locator('.chart-title')).toContainText('Whether customer success feels effective: Total (SaaS, practising CS)');
  await expect(figure.locator('.chart-base')).toContainText('Base');
  await expect(figure.locator('.chart-base')).toContainText(/Total \(?n=2\d\d/);
  // The chart itself is drawn with English labels.
  await expect(figure.locator('.chart-wide > svg')).toContainText('Very effective');
  // The table: English option labels, percentages formatted for English.
  await figure.getByText('Show as a table').click();
  const table = figure.locator('table.crosstab');
  await expect(table.locator('thead th').first()).toHaveText('Option');
  await expect(table.locator('tbody th', { hasText: /^Very effective$/ })).toBeVisible();
  await expect(table.locator('tbody th', { hasText: '[Net] Effective (total)' })).toBeVisible();
  await expect(table.locator('tbody td').first()).toHaveText(/^\d+\.\d/);
  for (const selector of ['.chart-title', '.chart-wording', '.chart-base', 'table.crosstab', '.chart-description', '.chart-notes']) {
    const text = (await figure.locator(selector).first().textContent()) ?? '';
    expect(text, selector).not.toMatch(JAPANESE);
  }

  // Its CSV: English header and labels, the same numbers as the table.
  const csvHref = await figure.locator('a[data-download="csv"]').getAttribute('href');
  expect(csvHref).toMatch(/^\/en\/jcsa\/2025\/questions\/cs_effect\/saas_doing_cs\.csv$/);
  const csvResponse = await page.request.get(csvHref!);
  expect(csvResponse.status()).toBe(200);
  const csv = Papa.parse<Record<string, string>>((await csvResponse.text()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  expect(csv.meta.fields?.slice(0, 4)).toEqual(['Survey', 'Question ID', 'Question', 'Answer type']);
  const row = csv.data.find((r) => r.Option === 'Very effective' && r.Column === 'Total');
  expect(row).toBeDefined();
  expect(row!.Universe).toBe('SaaS, practising CS');
  expect(row!.Question).toBe('Do you feel customer success is effective?');
  expect(row!.Measure).toBe('Share');
  expect(row!.Data).toBe('Synthetic sample data');
  const cellText = (await table.locator('tbody tr', { has: page.locator('th', { hasText: /^Very effective$/ }) }).locator('td').first().textContent())!.trim();
  expect(Number(row!['Share (%)']).toFixed(1)).toBe(cellText.replace(/[^\d.]/g, ''));
  expect(csv.data.filter((r) => r.Measure === 'Share').every((r) => !JAPANESE.test(`${r.Option}${r.Column}${r.Universe}`))).toBe(true);
  // Its SVG: English provenance.
  const svgHref = await figure.locator('a[data-download="svg"]').getAttribute('href');
  const svg = await (await page.request.get(svgHref!)).text();
  expect(svg).toContain('Base: SaaS, practising CS');
  expect(svg).toContain('Very effective');
  expect(svg).toContain('Synthetic sample data');
  await noSeriousAxe(page);

  // The codebook, at the question.
  await page.getByRole('link', { name: 'In the questionnaire' }).click();
  await expect(page).toHaveURL(/\/en\/jcsa\/2025\/codebook\/#q-cs_effect$/);
  const entry = page.locator('#q-cs_effect');
  await expect(entry.locator('h3')).toHaveText('Whether customer success feels effective');
  await expect(entry.locator('.options-list li')).toContainText(['Not effective', 'Not very effective', 'Somewhat effective', 'Effective', 'Very effective']);
  await expect(entry).toContainText('SaaS, practising CS');
  await expect(page.locator('dl.codebook-question').first()).toContainText('SaaS respondents whose company is "already practising" customer success');

  // The explorer: English controls, a banner switched, English labels in table and chart.
  await page.goto('/en/explore/?s=jcsa&w=2025&q=cs_effect');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('hakusho-explorer .x-table')).toBeVisible();
  await expect(page.getByLabel('Banner (columns)')).toBeVisible();
  await expect(page.locator('[data-role="meta"]')).toContainText('Base: SaaS, practising CS');
  await page.getByLabel('Banner (columns)').selectOption('sector');
  await expect(page).toHaveURL(/b=sector/);
  const head = page.locator('hakusho-explorer .x-table thead');
  await expect(head).toContainText('Total');
  await expect(head).toContainText('SaaS');
  await expect(page.locator('hakusho-explorer .x-table tbody th', { hasText: /^Very effective$/ })).toBeVisible();
  await expect(page.locator('[data-role="chart"] > svg')).toContainText('Very effective');
  await expect(page.locator('#x-question option:checked')).toHaveText('Whether customer success feels effective');
  const tableText = (await page.locator('hakusho-explorer .x-table').textContent()) ?? '';
  expect(tableText).not.toMatch(JAPANESE);
  await expect(page.locator('a[data-role="permalink"]')).toHaveAttribute('href', /\/en\/explore\/\?/);
  await expect(page.locator('.x-notes')).toContainText('Counts are perturbed for protection');

  // Back to Japanese from a question page: the same page.
  await page.goto('/en/jcsa/2025/questions/cs_effect/');
  await page.locator('[data-lang-switch]').click();
  await expect(page).toHaveURL(/\/jcsa\/2025\/questions\/cs_effect\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('カスタマーサクセスに効果を感じているか');
  await expect(page.locator('[data-lang-switch]')).toHaveAttribute('href', '/en/jcsa/2025/questions/cs_effect/');
  expect(errors).toEqual([]);
});

test('the language switch keeps the page, or goes to the nearest page that has the other language', async ({ page }) => {
  for (const [from, to] of [
    ['/', '/en/'],
    ['/fullstar/2023/', '/en/fullstar/2023/'],
    ['/virtualex/2023/codebook/', '/en/virtualex/2023/codebook/'],
    ['/methods/', '/en/methods/'],
    ['/explore/', '/en/explore/'],
    ['/jcsa/2025/ch3/', '/en/jcsa/2025/'],
    ['/guides/kpi/', '/en/'],
    ['/en/virtualex/2024/', '/virtualex/2024/'],
    ['/en/guides/', '/guides/'],
  ]) {
    await page.goto(from);
    await expect(page.locator('[data-lang-switch]'), from).toHaveAttribute('href', to);
    const response = await page.request.get(to);
    expect(response.status(), to).toBe(200);
  }
});

test('English pages say lang="en"; Japanese pages lang="ja"; both name each other with hreflang', async ({ page }) => {
  await page.goto('/en/fullstar/2023/questions/monthly_churn/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('link[rel="alternate"][hreflang="ja"]')).toHaveAttribute('href', /\/fullstar\/2023\/questions\/monthly_churn\/$/);
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', /\/en\/fullstar\/2023\/questions\/monthly_churn\/$/);
  // A banded question: the histogram's mean and median, and the table's summary rows, in English.
  const figure = page.locator('figure.chart').first();
  await expect(figure.locator('.chart-wide > svg')).toContainText('mean');
  await figure.getByText('Show as a table').click();
  await expect(figure.locator('table.crosstab tbody th', { hasText: /^Mean \(%\)$/ })).toBeVisible();
  await expect(figure.locator('.chart-notes')).toContainText('The mean is computed from class values');
  await page.goto('/fullstar/2023/questions/monthly_churn/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', /\/en\/fullstar\/2023\/questions\/monthly_churn\/$/);
});

test('the English explorer on a microdata wave filters with English labels and exports an English CSV', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/en/explore/?s=fullstar&w=2023&q=monthly_churn&b=cs_tool_adoption');
  await expect(page.locator('hakusho-explorer .x-table')).toBeVisible();
  await expect(page.locator('hakusho-explorer .x-table thead')).toContainText('Adopted');
  await page.getByLabel('Add or change a filter').selectOption('service_price_band');
  await page.getByLabel('Under ¥10,000 a month').check();
  await expect(page.locator('[data-role="filters"]')).toContainText('Price band of the service (monthly): Under ¥10,000 a month');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save the table as CSV' }).click()]);
  const text = await (await import('node:fs')).promises.readFile((await download.path())!, 'utf8');
  const csv = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  expect(csv.meta.fields?.[0]).toBe('Survey');
  expect(csv.data.some((r) => r.Option === '1% to under 2%' && r.Column === 'Adopted')).toBe(true);
  expect(csv.data[0].Filters).toBe('Price band of the service (monthly): Under ¥10,000 a month');
  expect(errors).toEqual([]);
});

test('the English explorer words its notices in English: a protected survey takes one restriction', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/en/explore/?s=jcsa&w=2025&q=cs_effect&u=saas_cs_budget&f=response_channel:in:1');
  await expect(page.locator('hakusho-explorer .x-table')).toBeVisible();
  const notices = page.locator('[data-role="notices"]');
  await expect(notices).toBeVisible();
  await expect(notices).toContainText('This survey publishes protected tables only.');
  await expect(notices).toContainText('Removed: the filter “Response channel”.');
  expect((await notices.textContent()) ?? '').not.toMatch(JAPANESE);
  expect(errors).toEqual([]);
});

test('copy-citation on an English page answers in English and copies the citation with the figure’s full address', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/en/fullstar/2023/questions/monthly_churn/');
  const fig = page.locator('figure.chart').first();
  const id = await fig.getAttribute('id');
  await expect(fig.locator('button.copy-citation')).toHaveText('Copy citation');
  await fig.locator('button.copy-citation').click();
  await expect(fig.locator('button.copy-citation')).toHaveText('Copied');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toContain('(synthetic sample data)');
  expect(text.endsWith(` ${new URL(`/en/fullstar/2023/questions/monthly_churn/#${id}`, page.url()).href}`)).toBe(true);
});

test('the English question page shows one figure with the same switch as the Japanese one, labelled in English', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/en/jcsa/2025/questions/cs_effect/');
  await expect(page.getByRole('navigation', { name: 'Switch the table (base or breakdown)' })).toBeVisible();
  const tabs = page.getByRole('tab');
  expect(await tabs.count()).toBeGreaterThanOrEqual(3);
  await expect(tabs.first()).toHaveText('Total');
  await expect(page.locator('section.segment:visible')).toHaveCount(1);
  const banner = page.getByRole('tab', { name: /^by / }).first();
  await banner.click();
  await expect(banner).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('section.segment:visible')).toHaveCount(1);
  const shown = page.locator('section.segment:visible figure.chart');
  await expect(shown.locator('.chart-title')).toContainText('by ');
  expect(JAPANESE.test((await shown.locator('.chart-title').textContent()) ?? '')).toBe(false);
});
