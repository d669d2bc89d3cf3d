/**
 * Labels from data are text, never markup: the chart figure component is rendered with Astro's
 * container API from a fixture whose labels are `<script>` and `<img onerror>` (vitest, see
 * tests/unit/charts/figure.astro-test.ts), then loaded into Chromium.
 */
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

test('a label containing <script> renders as text and never runs', async ({ page }) => {
  test.setTimeout(120_000);
  const out = join(tmpdir(), `hakusho-hostile-${process.pid}.html`);
  execFileSync('npx', ['vitest', 'run', '--config', 'tests/unit/charts/astro.vitest.config.ts'], { env: { ...process.env, HAKUSHO_FIXTURE_OUT: out }, stdio: 'pipe' });
  const html = readFileSync(out, 'utf8');
  await page.setContent(`<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>t</title></head><body>${html}</body></html>`);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('script').count()).toBe(0);
  expect(await page.locator('img').count()).toBe(0);
  await page.locator('summary').click();
  await expect(page.locator('tbody th').first()).toHaveText('<script>window.__pwned = 1</script>');
  await expect(page.locator('.chart-svg.chart-wide svg text', { hasText: '<script>' }).first()).toBeAttached();
  await expect(page.locator('thead th').nth(2)).toContainText('<img src=x onerror="window.__pwned = 2">');
});
