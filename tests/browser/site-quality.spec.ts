/** Every report page: axe-core finds no serious or critical violation; no internal link is broken. */
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { crawl, reportPages } from './site.ts';

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
