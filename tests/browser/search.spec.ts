/**
 * Site search (Pagefind): the header's search box on every page leads to /search/, which finds a
 * Japanese phrase from a chapter and a term of the methods page, shows the page and the matching
 * passage with the words marked, says when nothing matches, and shows a hostile query as text.
 * No other page loads the search code or its index.
 */
import { test, expect } from '@playwright/test';

test('a phrase from a chapter, typed in the header of another page, finds that chapter with its passage', async ({ page }) => {
  await page.goto('/virtualex/2023/overview/');
  await page.getByRole('searchbox', { name: 'サイト内を検索' }).fill('タッチモデル');
  await page.getByRole('searchbox', { name: 'サイト内を検索' }).press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=/);
  const results = page.locator('#search-results > li');
  await expect(results.first()).toBeVisible();
  await expect(page.locator('#search-status')).toContainText('「タッチモデル」に一致するページ');
  const rules = results.filter({ has: page.locator('a[href="/virtualex/2023/rules/"]') });
  await expect(rules).toHaveCount(1);
  await expect(rules.locator('a')).toContainText('効果体感に差が出るルール決め');
  await expect(rules.locator('mark').first()).toContainText('タッチモデル');
  await rules.locator('a').click();
  await expect(page).toHaveURL(/\/virtualex\/2023\/rules\/$/);
});

test('a term of the methods page (参考値) is found there', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('参考値')}`);
  await expect(page.locator('#search-results a[href="/methods/"]')).toHaveCount(1);
  await expect(page.getByRole('searchbox', { name: '検索する語句' })).toHaveValue('参考値');
});

test('nothing found is said, and a hostile query stays text', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('鱶鰐鼈')}`);
  await expect(page.locator('#search-status')).toHaveText('「鱶鰐鼈」に一致するページはありません。');
  const hostile = '<img src=x onerror="window.__pwned=1">';
  await page.goto(`/search/?q=${encodeURIComponent(hostile)}`);
  await expect(page.locator('#search-status')).toContainText(hostile);
  expect(await page.locator('main img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('pages other than /search/ load no search code or index', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  for (const path of ['/', '/jcsa/2025/ch1/', '/jcsa/2025/questions/department/', '/methods/']) await page.goto(path, { waitUntil: 'networkidle' });
  expect(requested.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
});
