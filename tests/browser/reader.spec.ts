/**
 * Reading aids of issue 13: the question page's segment switch (one figure, a universe/banner
 * switch), the archive-style codebook, the compact chapter contents on phones and the home page's
 * side-by-side comparison across publishers.
 */
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

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

/** Counts of a question page's first table, total column (data-count), by option label. */
async function questionPageCounts(page: import('@playwright/test').Page, path: string): Promise<Map<string, string>> {
  await page.goto(path);
  const rows = page.locator('section.segment').first().locator('details.chart-table tbody tr.row-option');
  const out = new Map<string, string>();
  for (let i = 0; i < (await rows.count()); i++) {
    const r = rows.nth(i);
    out.set(((await r.locator('th').textContent()) ?? '').trim(), (await r.locator('td').first().getAttribute('data-count')) ?? '');
  }
  return out;
}

test.describe('codebook page (archive style)', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('a contents list by chapter and Q number links to every public question; keyboard reaches and follows it', async ({ page }) => {
    await page.goto('/jcsa/2025/codebook/');
    const jump = page.locator('nav.codebook-jump');
    await expect(jump.locator('a.codebook-jump-chapter', { hasText: '第1章' })).toHaveAttribute('href', '#ch-ch1');
    const links = jump.locator('.codebook-jump-questions a');
    const questions = page.locator('.codebook-question[id^="q-"]');
    expect(await links.count()).toBe(await questions.count());
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') as string))) await expect(page.locator(href)).toHaveCount(1);
    await expect(jump.locator('a[href="#q-industry"]')).toContainText('Q3');
    // Keyboard: Tab to a question link, Enter jumps to it.
    const target = jump.locator('a[href="#q-cs_effect"]');
    let reached = false;
    for (let i = 0; i < 120 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await target.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#q-cs_effect$/);
    await expect(page.locator('#q-cs_effect h4')).toBeInViewport();
  });

  test('every public universe is a term with its rule in words and its n; 非SaaS included, as a universe and as a derived code', async ({ page }) => {
    await page.goto('/jcsa/2025/codebook/');
    const universes = page.locator('#universes .universe');
    expect(await universes.count()).toBeGreaterThanOrEqual(10);
    for (let i = 0; i < (await universes.count()); i++) {
      const u = universes.nth(i);
      await expect(u.locator('dt .universe-name')).not.toBeEmpty();
      await expect(u.locator('dt .universe-n')).toHaveText(/^n=([\d,]+\*?|非公開)$/);
      await expect(u.locator('dd .universe-rule')).toContainText('条件');
      expect(((await u.locator('dd .universe-rule').textContent()) ?? '').replace('条件', '').trim().length).toBeGreaterThan(3);
    }
    await expect(page.locator('#u-non_saas dt')).toContainText('非SaaS');
    await expect(page.locator('#u-non_saas .universe-rule')).toContainText('SaaSではない');
    const nonSaas = page.locator('#d-sector .universe', { hasText: '非SaaS' });
    await expect(nonSaas.locator('.universe-rule')).toContainText('どれにも当てはまらない');
    await expect(nonSaas.locator('.universe-n')).toHaveText(/^n=[\d,]+（[\d.]+%）$/);
    // An aggregates wave says its numbers are the protected cube's.
    await expect(page.locator('[data-role="codebook-numbers"]')).toContainText('秘匿処理');
  });

  test('frequencies per option are the engine\'s: the same counts as the question page (cube for an aggregates wave, rows for a microdata wave)', async ({ page }) => {
    for (const [survey, q] of [['jcsa/2025', 'cs_effect'], ['fullstar/2023', 'role']]) {
      const expected = await questionPageCounts(page, `/${survey}/questions/${q}/`);
      expect(expected.size, q).toBeGreaterThan(1);
      await page.goto(`/${survey}/codebook/`);
      const table = page.locator(`#q-${q} table.freq-table`);
      await expect(table.locator('caption')).toContainText('基数 n=');
      for (const [label, count] of expected) {
        const row = table.locator('tbody tr', { has: page.locator(`th:text-is("${label}")`) });
        await expect(row.locator('td').nth(1), `${q} ${label}`).toHaveText(count);
        await expect(row.locator('td').nth(2)).toHaveText(/^(\d+\.\d|–)$/);
      }
    }
    await page.goto('/fullstar/2023/codebook/');
    await expect(page.locator('[data-role="codebook-numbers"]')).toContainText('公開している回答データ');
  });
});

test.describe('home page', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('starts a reader: latest figures, the guides, the self-benchmark and the explorer', async ({ page }) => {
    await page.goto('/');
    const start = page.locator('nav.home-start');
    for (const href of ['#latest', '#compare', '/guides/', '/benchmark/', '/explore/']) await expect(start.locator(`a[href="${href}"]`)).toHaveCount(1);
    await expect(page.locator('#latest')).toBeVisible();
    await expect(page.locator('.headline-value').first()).not.toBeEmpty();
    await expect(page.locator('main .synthetic-notice').first()).toBeVisible();
  });

  test('the same topic across publishers: each survey\'s figure with its measure, wording, universe, base n and source', async ({ page }) => {
    await page.goto('/');
    const topics = page.locator('.home-compare .compare-topic');
    expect(await topics.count()).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < (await topics.count()); i++) {
      const items = topics.nth(i).locator('.compare-item');
      const waves = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-wave')));
      expect(new Set(waves)).toEqual(new Set(['jcsa/2025', 'fullstar/2023', 'virtualex/2023']));
      for (let k = 0; k < (await items.count()); k++) {
        const item = items.nth(k);
        await expect(item.locator('.compare-value')).toHaveText(/\d/);
        await expect(item.locator('.compare-base')).toHaveText(/^n=[\d,]+$/);
        await expect(item.locator('.compare-publisher a')).not.toBeEmpty();
        await expect(item.locator('.compare-measure')).not.toBeEmpty();
        const meta = (await item.locator('.compare-meta').innerText()).replace(/\s+/g, ' ');
        expect(meta).toMatch(/設問 .+ 対象 .+ 基数 n=[\d,]+ 出典 .+/);
        await expect(item.locator('.synthetic-badge')).toBeVisible();
      }
    }
    // The bases differ: the measures are not the same.
    const bases = await page.locator('#compare-effect .compare-base').allTextContents();
    expect(new Set(bases).size).toBeGreaterThan(1);
    // The figure is the engine's: the CS-effect share of jcsa/2025 is its chapter's <Stat>-computed top-3 net.
    const jcsa = page.locator('#compare-effect .compare-item[data-wave="jcsa/2025"]');
    await expect(jcsa.locator('.compare-value')).toHaveText(/^\d+\.\d%$/);
    await expect(jcsa.locator('.compare-meta')).toContainText('SaaS・CSに取り組んでいる');
  });
});

test.describe('chapter contents on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a compact 目次 bar stays at the top, opens to the sections, and does not cover the heading it jumps to', async ({ page }) => {
    await page.goto('/jcsa/2025/ch2/');
    await expect(page.locator('nav.toc')).toBeHidden();
    const bar = page.locator('nav.toc-compact');
    const summary = bar.locator('summary');
    await expect(summary).toBeVisible();
    await expect(summary).toContainText('目次');
    const box = (await bar.boundingBox())!;
    expect(box.height).toBeLessThan(60);
    expect(box.width).toBeLessThanOrEqual(390);
    // Scrolled far down the chapter, the bar is still at the top of the screen.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    const stuck = (await bar.boundingBox())!;
    expect(stuck.y).toBeGreaterThanOrEqual(-1);
    expect(stuck.y).toBeLessThanOrEqual(2);
    // Keyboard: the summary opens the list.
    await summary.focus();
    await page.keyboard.press('Enter');
    const links = bar.locator('ol a');
    await expect(links.first()).toBeVisible();
    const last = links.last();
    const target = (await last.getAttribute('href')) as string;
    await last.click();
    await expect(bar.locator('details')).not.toHaveAttribute('open', '');
    const heading = page.locator(target);
    await expect(heading).toBeInViewport();
    const h = (await heading.boundingBox())!;
    const b = (await bar.boundingBox())!;
    expect(h.y).toBeGreaterThanOrEqual(b.y + b.height - 1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('without JavaScript the compact contents still open and link to each section', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto('/jcsa/2025/ch2/');
    const bar = page.locator('nav.toc-compact');
    await bar.locator('summary').click();
    const links = bar.locator('ol a');
    expect(await links.count()).toBeGreaterThan(1);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') as string))) await expect(page.locator(href)).toHaveCount(1);
    await context.close();
  });
});

test.describe('axe at 390 px (light and dark)', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const scheme of ['light', 'dark'] as const) {
    test(`the home page, a chapter with its compact contents open, the codebook and a question page with its switch (${scheme})`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: scheme });
      const bad: string[] = [];
      for (const path of ['/', '/jcsa/2025/ch2/', '/jcsa/2025/codebook/', QUESTION]) {
        await page.goto(path);
        if (path.endsWith('/ch2/')) await page.locator('nav.toc-compact summary').click();
        const { violations } = await new AxeBuilder({ page }).analyze();
        bad.push(...violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${path} ${v.id}: ${v.nodes.length}× ${v.nodes[0]?.target.join(' ')}`));
      }
      expect(bad).toEqual([]);
    });
  }
});
