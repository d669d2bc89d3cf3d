/**
 * Reading aids of issue 13: the question page's segment switch (one figure, a universe/banner
 * switch), the archive-style codebook, the compact chapter contents on phones and the home page's
 * side-by-side comparison across publishers.
 */
import { test, expect } from '@playwright/test';

const QUESTION = '/jcsa/2025/questions/cs_effect/';

test.describe('question page: one figure with a universe/banner switch', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('shows one segment at a time; clicking the switch shows the other segment\'s chart and table', async ({ page }) => {
    await page.goto(QUESTION);
    const tabs = page.getByRole('tab');
    expect(await tabs.count()).toBeGreaterThanOrEqual(3);
    await expect(page.locator('section.segment:visible')).toHaveCount(1);
    await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
    const first = page.locator('section.segment').first();
    await expect(first.locator('figure.chart .chart-wide > svg')).toBeVisible();

    const banner = page.getByRole('tab', { name: '回答経路別' });
    await banner.click();
    await expect(banner).toHaveAttribute('aria-selected', 'true');
    await expect(first).toBeHidden();
    const shown = page.locator('#seg-saas_doing_cs--by-response_channel');
    await expect(shown).toBeVisible();
    await expect(page.locator('section.segment:visible')).toHaveCount(1);
    const fig = shown.locator('figure.chart');
    await expect(fig.locator('.chart-wide > svg')).toBeVisible();
    await expect(fig.locator('.chart-title')).toContainText('回答経路別');
    await fig.locator('details.chart-table summary').click();
    const table = fig.locator('details.chart-table table');
    await expect(table).toBeVisible();
    await expect(table.locator('thead')).toContainText('SNS経由');
    await expect(table.locator('thead')).toContainText('調査会社経由');
    // Its own downloads and explorer link.
    await expect(fig.locator('a[data-download="csv"]')).toHaveAttribute('href', /saas_doing_cs--by-response_channel\.csv$/);
    await expect(fig.locator('a[data-download="svg"]')).toHaveAttribute('href', /saas_doing_cs--by-response_channel\.svg$/);
    await expect(fig.locator('a.explore-link')).toHaveAttribute('href', /b=response_channel/);
    await expect(page).toHaveURL(/#seg-saas_doing_cs--by-response_channel$/);
  });

  test('the switch works from the keyboard (arrow keys move between tabs)', async ({ page }) => {
    await page.goto(QUESTION);
    const tabs = page.getByRole('tab');
    await tabs.first().focus();
    await page.keyboard.press('ArrowRight');
    await expect(tabs.nth(1)).toBeFocused();
    await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
    const id = (await tabs.nth(1).getAttribute('aria-controls')) as string;
    await expect(page.locator(`#${id}`)).toBeVisible();
    await page.keyboard.press('End');
    await expect(tabs.last()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Home');
    await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
  });

  test('a figure\'s permalink (#fig-…) selects its segment', async ({ page }) => {
    await page.goto(`${QUESTION}#fig-cs_effect-channel_panel`);
    const fig = page.locator('#fig-cs_effect-channel_panel');
    await expect(fig).toBeVisible();
    await expect(fig.locator('.chart-wide > svg')).toBeVisible();
    await expect(page.locator('section.segment:visible')).toHaveCount(1);
    await expect(page.getByRole('tab', { name: '調査会社経由' })).toHaveAttribute('aria-selected', 'true');
    await expect(fig).toBeInViewport();
  });
});

test.describe('question page without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });

  test('every segment is on the page with its own chart, table and downloads; the switch links to each', async ({ page }) => {
    await page.goto(QUESTION);
    const sections = page.locator('section.segment');
    const n = await sections.count();
    expect(n).toBeGreaterThanOrEqual(3);
    const links = page.locator('nav.segment-tabs a');
    await expect(links).toHaveCount(n);
    const csv = new Set<string>();
    for (let i = 0; i < n; i++) {
      const s = sections.nth(i);
      await expect(s).toBeVisible();
      await expect(links.nth(i)).toHaveAttribute('href', `#${await s.getAttribute('id')}`);
      await expect(s.locator('figure.chart .chart-wide > svg')).toBeVisible();
      await expect(s.locator('details.chart-table table')).toHaveCount(1);
      await expect(s.locator('figure.chart .sr-only')).not.toBeEmpty();
      csv.add((await s.locator('a[data-download="csv"]').getAttribute('href')) as string);
    }
    expect(csv.size).toBe(n);
  });
});
