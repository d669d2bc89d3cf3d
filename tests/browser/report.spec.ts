/**
 * The report site in real Chromium: charts without JavaScript, the table toggle, downloads,
 * tooltips, copy-citation, responsive layout, dark mode and print.
 */
import { test, expect, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtFiles, chapterPages, OUT } from './site.ts';

const chapters = chapterPages();
const CHAPTER = '/jcsa/2025/ch1/';

test('the build has report chapters to test', () => {
  expect(chapters.length).toBeGreaterThan(0);
  expect(chapters).toContain(CHAPTER);
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  for (const path of chapters) {
    test(`${path} shows every chart as an SVG with its table`, async ({ page }) => {
      const res = await page.goto(path);
      expect(res?.status()).toBe(200);
      const figures = page.locator('figure.chart');
      const count = await figures.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const fig = figures.nth(i);
        const svg = fig.locator('.chart-wide > svg');
        await expect(svg).toBeVisible();
        const box = await svg.boundingBox();
        expect(box?.width).toBeGreaterThan(200);
        expect(box?.height).toBeGreaterThan(40);
        // Size known before load: no layout shift.
        expect(await svg.getAttribute('width')).toMatch(/^\d+$/);
        expect(await svg.getAttribute('height')).toMatch(/^\d+$/);
        await expect(fig.locator('.chart-wording')).not.toBeEmpty();
        await expect(fig.locator('.chart-base')).toContainText('n=');
        await expect(fig.locator('.badge')).toHaveText(/^(SA|MA|数値)$/);
        await expect(fig.locator('.citation-text')).not.toBeEmpty();
        await expect(fig.locator('details.chart-table table')).toHaveCount(1);
        await expect(fig.locator('.sr-only')).not.toBeEmpty();
      }
    });
  }

  test('a chapter draws a year-on-year trend as an SVG with its table of waves', async ({ page }) => {
    await page.goto('/virtualex/2023/kpis/');
    const fig = page.locator('figure.chart[id^="fig-metric_change_pre_post__sales-trend-"]').first();
    await expect(fig).toHaveAttribute('data-kind', /^(lines|slope)$/);
    await expect(fig.locator('.chart-wide > svg')).toBeVisible();
    await expect(fig.locator('details.chart-table thead th')).toContainText(['選択肢', '2022', '2023']);
  });

  test('the table toggle opens and closes a real table', async ({ page }) => {
    await page.goto(CHAPTER);
    const details = page.locator('figure.chart details.chart-table').first();
    const table = details.locator('table');
    await expect(table).toBeHidden();
    await details.locator('summary').click();
    await expect(table).toBeVisible();
    expect(await table.locator('thead th').count()).toBeGreaterThan(1);
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(1);
    await details.locator('summary').click();
    await expect(table).toBeHidden();
  });
});

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const stream = await dl.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return { name: dl.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

test.describe('downloads', () => {
  test('CSV is UTF-8 with a BOM and parses into the table', async ({ page }) => {
    await page.goto(CHAPTER);
    const fig = page.locator('figure.chart').first();
    const { name, bytes } = await download(page, () => fig.locator('a[data-download="csv"]').click());
    expect(name).toMatch(/\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1).trim());
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toContain('割合(%)');
    expect(parsed.data.length).toBeGreaterThan(1);
    expect(parsed.data.every((r) => r.length === parsed.data[0].length)).toBe(true);
  });

  test('SVG parses as an SVG document', async ({ page }) => {
    await page.goto(CHAPTER);
    const fig = page.locator('figure.chart').first();
    const { name, bytes } = await download(page, () => fig.locator('a[data-download="svg"]').click());
    expect(name).toMatch(/\.svg$/);
    const result = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { root: doc.documentElement.nodeName, errors: doc.getElementsByTagName('parsererror').length };
    }, bytes.toString('utf8'));
    expect(result).toEqual({ root: 'svg', errors: 0 });
  });

  test('PNG is drawn from the chart and is a real PNG', async ({ page }) => {
    await page.goto(CHAPTER);
    const fig = page.locator('figure.chart').first();
    const button = fig.locator('button.png-download');
    await expect(button).toBeVisible();
    const { name, bytes } = await download(page, () => button.click());
    expect(name).toMatch(/\.png$/);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(2000);
    // Issue 11: the PNG is the SVG file drawn at 2×, provenance included (not just the plot).
    const svgFile = await download(page, () => fig.locator('a[data-download="svg"]').click());
    const fileHeight = Number(/<svg\b[^>]*?\sheight="([\d.]+)"/.exec(svgFile.bytes.toString('utf8'))![1]);
    const plotHeight = Number(await fig.locator('.chart-wide svg').first().getAttribute('height'));
    expect(fileHeight).toBeGreaterThan(plotHeight + 60);
    expect(bytes.readUInt32BE(20)).toBe(Math.round(fileHeight * 2)); // IHDR height
  });

  test('a figure whose files are written into the page carries its provenance too (issue 11)', async ({ page }) => {
    // virtualex/2023 chapters chart grid rows: their SVG and CSV are data: URLs, not built files.
    await page.goto('/virtualex/2023/overview/');
    const fig = page.locator('figure.chart').filter({ has: page.locator('a[data-download="svg"][href^="data:"]') }).first();
    const svg = (await download(page, () => fig.locator('a[data-download="svg"]').click())).bytes.toString('utf8');
    const lines = await page.evaluate((text) => [...new DOMParser().parseFromString(text, 'image/svg+xml').documentElement.children].filter((e) => e.nodeName === 'text').map((e) => e.textContent).join(''), svg);
    expect(lines).toContain(await fig.locator('.chart-title').evaluate((h) => h.lastChild?.textContent ?? ''));
    expect(lines).toMatch(/対象：.+（(\d{4}年 )?n=[\d,]+/);
    // A trend cites each wave by its own report (issue 12), the permalink whole at the end.
    expect(lines).toMatch(/出典：(\d{4}年：)?バーチャレクス.+／\/virtualex\/2023\/overview\/#fig-\S+合成/);
    if (lines.includes('経年比較')) expect(lines).toMatch(/2023年：バーチャレクス[^／]+「2023年カスタマーサクセスに関する調査」.*／2024年：バーチャレクス[^／]+「2024年カスタマーサクセス日本市場動向&実態調査」/);
    expect(lines).toContain('合成サンプルデータ');
    const csv = (await download(page, () => fig.locator('a[data-download="csv"]').click())).bytes.toString('utf8');
    const [head, row] = Papa.parse<string[]>(csv.slice(1).trim()).data;
    expect(row[head.indexOf('固定リンク')]).toMatch(/\/virtualex\/2023\/overview\/#fig-/);
    const png = (await download(page, () => fig.locator('button.png-download').click())).bytes;
    expect(png.readUInt32BE(20)).toBe(Math.round(Number(/<svg\b[^>]*?\sheight="([\d.]+)"/.exec(svg)![1]) * 2));
  });
});

test.describe('with JavaScript', () => {
  test('no layout shift while a chapter loads', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(CHAPTER);
    const cls = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) total += e.value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 500);
        }),
    );
    expect(cls).toBeLessThan(0.01);
  });
  test('tooltips show value, n and CI on hover', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(CHAPTER);
    const marks = page.locator('figure.chart .chart-wide rect[data-tip]');
    let index = 0;
    while (((await marks.nth(index).boundingBox())?.width ?? 0) < 10) index++;
    await marks.nth(index).hover();
    const tip = page.locator('.chart-tip');
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('%');
    await expect(tip).toContainText('95%信頼区間');
  });

  test('copy-citation puts the publisher citation and the permalink on the clipboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(CHAPTER);
    const fig = page.locator('figure.chart').first();
    const id = await fig.getAttribute('id');
    const citation = await fig.locator('.citation-text').textContent();
    await fig.locator('button.copy-citation').click();
    await expect(fig.locator('button.copy-citation')).toHaveText('コピーしました');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain(citation ?? '');
    // No site address configured in tests: the page holds a site path, completed with the page's address on copy.
    expect(text).toContain(` ${new URL(`${CHAPTER}#${id}`, page.url()).href}`);
    expect(text).not.toContain('example.org');
    expect(text).toContain('合成サンプルデータ');
  });

  test('the permalink and explorer link point to this chart and its question', async ({ page }) => {
    await page.goto(CHAPTER);
    const fig = page.locator('figure.chart').first();
    const id = await fig.getAttribute('id');
    expect(await fig.locator('a.permalink-link').getAttribute('href')).toBe(`${CHAPTER}#${id}`);
    const explore = new URL((await fig.locator('a.explore-link').getAttribute('href')) ?? '', 'http://x');
    expect(explore.pathname).toBe('/explore/');
    expect(explore.searchParams.get('s')).toBe('jcsa');
    expect(explore.searchParams.get('w')).toBe('2025');
    expect(explore.searchParams.get('q')).toBeTruthy();
  });
});

test.describe('layout', () => {
  for (const width of [360, 1280]) {
    test(`a chapter fits ${width} px without horizontal scrolling`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(CHAPTER);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const visibleSvg = page.locator(width < 600 ? 'figure.chart .chart-narrow > svg' : 'figure.chart .chart-wide > svg').first();
      await expect(visibleSvg).toBeVisible();
    });
  }

  test('on a wide screen the chapter contents sit in the right margin and stay in view while reading (issue 13)', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(CHAPTER);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const list = page.locator('nav.toc ol');
    const article = await page.locator('article.chapter-article').boundingBox();
    const toc = (await list.boundingBox())!;
    // Beside the article, never over it, and inside the window.
    expect(toc.x).toBeGreaterThanOrEqual(article!.x + article!.width);
    expect(toc.x + toc.width).toBeLessThanOrEqual(1440);
    // Half way down the chapter it is still on screen, and its links still work.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    const scrolled = (await list.boundingBox())!;
    expect(scrolled.y).toBeGreaterThanOrEqual(0);
    expect(scrolled.y + Math.min(scrolled.height, 100)).toBeLessThanOrEqual(900);
    const last = list.locator('a').last();
    await last.click();
    const target = (await last.getAttribute('href'))!;
    await expect(page.locator(target)).toBeInViewport();
    // Narrower screens keep the contents above the text.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const inline = (await list.boundingBox())!;
    const body = (await page.locator('.chapter-body').boundingBox())!;
    expect(inline.y + inline.height).toBeLessThanOrEqual(body.y);
  });

  test('dark mode follows the system setting', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(CHAPTER);
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(150);
  });

  test('print hides navigation and keeps charts whole on A4', async ({ page }) => {
    await page.goto(CHAPTER);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.pager')).toBeHidden();
    await expect(page.locator('figure.chart .chart-actions').first()).toBeHidden();
    await expect(page.locator('figure.chart .chart-wide > svg').first()).toBeVisible();
    expect(await page.locator('figure.chart').first().evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

test('a chapter chart whose every column is suppressed is the 掲載していない図 box with its reason and base, not × marks on an empty axis (issue 11)', async ({ page }) => {
  await page.goto('/jcsa/2025/ch2/');
  const boxes = page.locator('aside.omitted-chart');
  await expect(boxes).toHaveCount(3);
  for (const box of await boxes.all()) await expect(box).toContainText(/回答者が少ない（n=\d）ため、本サイトでは割合を掲載していません/);
  await expect(page.locator('figure', { hasText: '取り組まない理由' })).toHaveCount(0);
});

test('figures are numbered per chapter in reading order, and prose refers to them by number', async ({ page }) => {
  await page.goto('/virtualex/2023/rules/');
  const numbers = await page.locator('figure.chart .fig-number').allTextContents();
  expect(numbers.length).toBeGreaterThan(2);
  expect(numbers).toEqual(numbers.map((_, i) => `図2-${i + 1}`));
  // <FigRef to="touch-model" /> prints the number of the chart given that id, and links to it.
  const refs = page.locator('a.figref[href="#touch-model"]');
  await expect(refs).toHaveCount(2);
  await expect(refs.first()).toHaveText('図2-1');
  await expect(page.locator('figure#touch-model .fig-number')).toHaveText('図2-1');
  await refs.first().click();
  await expect(page).toHaveURL(/#touch-model$/);
  // Printed, the numbers stay in the captions.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('figure#touch-model .fig-number')).toBeVisible();
});

test('typography: Latin words stay whole, folded Japanese has no stray gap, no nested brackets, footers say what the page does', async ({ page }) => {
  await page.goto('/jcsa/2025/');
  const body = await page.locator('main').innerText();
  // codebook.yaml folds the population over lines; YAML joins them with a space.
  expect(body).toContain('告知した調査');
  expect(body).not.toContain('告知した 調査');
  expect(await page.locator('main p').first().evaluate((p) => getComputedStyle(p).textJustify)).not.toBe('inter-character');
  await expect(page.locator('.site-footer')).toContainText('ページを作るときに調査データから計算');
  await page.goto('/virtualex/2023/questions/touch_model/');
  expect(await page.locator('main').innerText()).not.toMatch(/（[^（）]*（/);
  await page.goto('/explore/');
  await expect(page.locator('.site-footer')).toContainText('ブラウザの中で公開データから計算');
  await page.goto('/methods/');
  await expect(page.locator('.site-footer')).not.toContainText('計算しています');
});

test('no chart title on any built page nests brackets', () => {
  const nested: string[] = [];
  for (const file of builtFiles((name) => name === 'index.html')) {
    const html = readFileSync(join(OUT, file), 'utf8');
    for (const m of html.matchAll(/<h[234] class="chart-title">([\s\S]*?)<\/h[234]>/g)) {
      const title = m[1].replace(/<[^>]+>/g, '');
      if (/（[^（）]*（/.test(title)) nested.push(`${file}: ${title}`);
    }
  }
  expect(nested).toEqual([]);
});
