/**
 * Report navigation in real Chromium, for every chapter of every wave: breadcrumbs back to the
 * cover and home, the cover's contents (every chapter, in order, working links), previous/next
 * links to the neighbouring chapters, and the chart's table toggle reached and opened by keyboard.
 * The expected order and titles come from the chapters' MDX frontmatter (`order`, `title`), not
 * from the pages under test.
 */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { chapterPages } from './site.ts';
import { loadCatalog } from '../../src/server/catalog.ts';

interface ExpectedChapter {
  survey: string;
  wave: string;
  title: string;
  order: number;
  href: string;
}

/** Chapters of the content folder from their frontmatter, grouped by wave and sorted by `order`. */
function expectedChapters(): Map<string, ExpectedChapter[]> {
  const byWave = new Map<string, ExpectedChapter[]>();
  // content/guides/ holds guides, not chapters (tests/browser/guides.spec.ts).
  const files = readdirSync('content', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx') && !f.replace(/\\/g, '/').startsWith('guides/'));
  for (const file of files) {
    const front = parse(readFileSync(join('content', file), 'utf8').split(/^---\s*$/m)[1]) as { survey: string; wave: string; chapter: string; title: string; order: number };
    const key = `/${front.survey}/${String(front.wave)}/`;
    if (!byWave.has(key)) byWave.set(key, []);
    byWave.get(key)?.push({ survey: front.survey, wave: String(front.wave), title: front.title, order: front.order, href: `${key}${front.chapter}/` });
  }
  for (const list of byWave.values()) list.sort((a, b) => a.order - b.order);
  return byWave;
}

const waves = expectedChapters();
const catalog = loadCatalog();
/** The cover's label in the breadcrumbs: the survey's short title, else its title. */
const coverLabel = (survey: string, wave: string) => {
  const s = catalog.waves.find((w) => w.survey === survey && w.wave === wave)?.codebook.survey;
  return s?.shortTitle ?? s?.title ?? '';
};
/** A string as a literal RegExp source. */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('every chapter of the content folder is built, and nothing else', () => {
  const expected = [...waves.values()].flat().map((c) => c.href).sort();
  expect(expected.length).toBeGreaterThan(5);
  expect(chapterPages().sort()).toEqual(expected);
});

for (const [cover, chapters] of waves) {
  test(`${cover}: the cover's contents lists every chapter in order, each link opens its chapter`, async ({ page }) => {
    const res = await page.goto(cover);
    expect(res?.status()).toBe(200);
    const links = page.locator('ol.contents li a');
    await expect(links).toHaveCount(chapters.length);
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(chapters.map((c) => c.href));
    await expect(links).toHaveText(chapters.map((c) => c.title));
    for (let i = 0; i < chapters.length; i++) {
      await page.goto(cover);
      await page.locator('ol.contents li a').nth(i).click();
      await expect(page).toHaveURL(chapters[i].href);
      await expect(page.locator('h1')).toContainText(chapters[i].title);
    }
  });

  chapters.forEach((chapter, i) => {
    const prev = chapters[i - 1];
    const next = chapters[i + 1];
    test(`${chapter.href}: breadcrumbs lead to the cover and home; previous/next go to the neighbours`, async ({ page }) => {
      const res = await page.goto(chapter.href);
      expect(res?.status()).toBe(200);

      const crumbs = page.locator('nav.breadcrumbs');
      await expect(crumbs.locator('li')).toHaveText(['調査一覧', coverLabel(chapter.survey, chapter.wave), new RegExp(`${escape(chapter.title)}$`)]);
      await expect(crumbs.locator('li').last()).toHaveAttribute('aria-current', 'page');
      await expect(crumbs.locator('li').last().locator('a')).toHaveCount(0);

      const pager = page.locator('nav[aria-label="章の移動"]');
      const prevLink = pager.locator('a[rel="prev"]');
      const nextLink = pager.locator('a[rel="next"]');
      await expect(prevLink).toHaveCount(prev ? 1 : 0);
      await expect(nextLink).toHaveCount(next ? 1 : 0);
      if (prev) {
        await expect(prevLink).toHaveAttribute('href', prev.href);
        await expect(prevLink).toContainText(prev.title);
      }
      if (next) {
        await expect(nextLink).toHaveAttribute('href', next.href);
        await expect(nextLink).toContainText(next.title);
      }
      // Following them lands on the neighbouring chapter.
      if (next) {
        await nextLink.click();
        await expect(page).toHaveURL(next.href);
        await expect(page.locator('h1')).toContainText(next.title);
        await page.goBack();
      }
      if (prev) {
        await page.locator('nav[aria-label="章の移動"] a[rel="prev"]').click();
        await expect(page).toHaveURL(prev.href);
        await expect(page.locator('h1')).toContainText(prev.title);
        await page.goBack();
      }
      await expect(page).toHaveURL(chapter.href);

      // Breadcrumbs: the cover, then home from the cover.
      await page.locator('nav.breadcrumbs a', { hasText: coverLabel(chapter.survey, chapter.wave) }).click();
      await expect(page).toHaveURL(cover);
      await expect(page.locator('ol.contents a[href="' + chapter.href + '"]')).toHaveCount(1);
      await page.locator('nav.breadcrumbs a', { hasText: '調査一覧' }).click();
      await expect(page).toHaveURL('/');
      await expect(page.locator(`main a[href="${cover}"]`).first()).toBeVisible();
    });
  });
}

test('keyboard: Tab reaches the first chart\'s table toggle and Enter opens the table', async ({ page }) => {
  await page.goto('/jcsa/2025/ch1/');
  const details = page.locator('figure.chart details.chart-table').first();
  const summary = details.locator('summary');
  await expect(details.locator('table')).toBeHidden();
  let reached = false;
  for (let presses = 0; presses < 200 && !reached; presses++) {
    await page.keyboard.press('Tab');
    reached = await summary.evaluate((el) => el === document.activeElement);
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await expect(details).toHaveAttribute('open', '');
  await expect(details.locator('table')).toBeVisible();
  await expect(details.locator('table tbody tr').first()).toBeVisible();
});
