/**
 * Issue 11, finding 1: the virtualex chapters' year-on-year sentences come from <Change>, worded
 * by the test — as a reader sees them on the built pages.
 */
import { test, expect } from '@playwright/test';

test('the chapters word every change between waves by its test, with the test named next to it', async ({ page }) => {
  const expected: Record<string, number> = { '/virtualex/2023/kpis/': 6, '/virtualex/2023/overview/': 1, '/virtualex/2023/rules/': 2 };
  for (const [url, count] of Object.entries(expected)) {
    await page.goto(url);
    const changes = page.locator('.change');
    await expect(changes, url).toHaveCount(count);
    for (const change of await changes.all()) {
      await expect(change).toHaveText(/^\d{4}年の\d+\.\d%と\d{4}年の\d+\.\d%で、有意な差はみられません（2標本の比率の z 検定（両側）：p = 0\.\d{3}、有意水準 5%、回答者数 [\d,]+人・[\d,]+人/);
      await expect(change).toHaveAttribute('data-direction', 'none');
    }
    await expect(page.locator('main')).not.toContainText('上がりました');
  }
  await page.goto('/virtualex/2023/overview/');
  await expect(page.locator('.change-note')).toContainText('2024年は公表された割合と回答者数で検定');
});
