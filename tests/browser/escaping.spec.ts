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
import { decodePublicUse, encodePublicUse } from '../../src/lib/publicuse/index.ts';
import type { Dataset, Variable } from '../../src/lib/dataset/types.ts';
import { catalogScriptJson, type ExploreCatalog } from '../../src/lib/explore/catalog.ts';
import { decodeCube, encodeCube } from '../../src/lib/cube/format.ts';
import type { QuestionCube } from '../../src/lib/cube/types.ts';

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

/** A label that closes the catalog's <script>, injects an image and a script, and quotes attributes. */
const HOSTILE = '</script><img src=x onerror="window.__pwned = 3"><script>window.__pwned = 4</script>"\'&';

/** A question and its options (public-use file) relabelled with HOSTILE. */
function hostileDataset(ds: Dataset, id: string): Dataset {
  const relabel = <T extends { code: number; label: string }>(o: T): T => ({ ...o, label: `${HOSTILE}${o.code}` });
  const questions = ds.codebook.questions.map((q) => (q.id === id && 'options' in q ? { ...q, text: HOSTILE, label: HOSTILE, options: q.options.map(relabel) } : q));
  const codebook = { ...ds.codebook, questions } as Dataset['codebook'];
  const v = ds.variables.get(id)!;
  const variables = new Map(ds.variables);
  if (v.kind === 'coded') variables.set(id, { ...v, label: HOSTILE, options: v.options.map(relabel) } as Variable);
  return { ...ds, codebook, variables, questions: new Map(codebook.questions.map((q) => [q.id, q])) };
}

/** A question's cube file (aggregates waves) with its option rows and banner columns relabelled with HOSTILE. */
function hostileCube(cube: QuestionCube): QuestionCube {
  return {
    ...cube,
    meta: { ...cube.meta, options: cube.meta.options.map((o) => ({ ...o, label: `${HOSTILE}${o.code}` })) },
    lines: cube.lines.map((l) => (l.kind === 'option' ? { ...l, label: `${HOSTILE}${l.key}` } : l)),
    banners: cube.banners.map((b) => ({ ...b, columns: b.columns.map((c, k) => (k === 0 ? c : { ...c, label: `${HOSTILE}${c.key}` })) })),
  };
}

for (const [survey, wave, id, banner, file] of [
  ['jcsa', '2025', 'cs_effect', 'sector', 'cube/cs_effect.bin'],
  ['fullstar', '2023', 'role', 'employee_size', 'public-use.bin'],
] as const) {
  test(`labels from data render as text in the explorer (catalog in the page and ${file} of ${survey}/${wave})`, async ({ page }) => {
    await page.route(`**/data/${survey}/${wave}/${file}`, async (route) => {
      const body = new Uint8Array(await (await route.fetch()).body());
      const hostile = file.startsWith('cube/') ? encodeCube(hostileCube(decodeCube(body))) : encodePublicUse(hostileDataset(decodePublicUse(body), id));
      await route.fulfill({ body: Buffer.from(hostile), contentType: 'application/octet-stream' });
    });
    await page.route(/\/explore\/(\?.*)?$/, async (route) => {
      const html = await (await route.fetch()).text();
      const found = /(<script type="application\/json" data-role="catalog">)([\s\S]*?)(<\/script>)/.exec(html)!;
      const catalog = JSON.parse(found[2]) as ExploreCatalog;
      const w = catalog.waves.find((x) => x.survey === survey && x.wave === wave)!;
      w.variables = w.variables.map((v) => (v.id === id ? { ...v, text: HOSTILE, label: HOSTILE, options: v.options.map((o) => ({ ...o, label: `${HOSTILE}${o.code}` })) } : v));
      // Escaped by the pages' own function: the catalog JSON never contains a literal "<".
      const json = catalogScriptJson(catalog);
      await route.fulfill({ body: html.replace(found[0], `${found[1]}${json}${found[3]}`), contentType: 'text/html; charset=utf-8' });
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`/explore/?s=${survey}&w=${wave}&q=${id}&b=${banner}`);
    await expect(page.locator('hakusho-explorer .x-table')).toBeVisible();
    await expect(page.locator('[data-role="chart"] > svg')).toBeVisible();

    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator('hakusho-explorer img')).toHaveCount(0);
    await expect(page.locator('hakusho-explorer script')).toHaveCount(1);
    await expect(page.locator('[data-role="title"]')).toHaveText(HOSTILE);
    await expect(page.locator('.x-table tbody th', { hasText: `${HOSTILE}1` }).first()).toBeAttached();
    await expect(page.locator('[data-role="chart"] svg text', { hasText: '<img src=x' }).first()).toBeAttached();
    await expect(page.getByLabel('設問（表側）').locator(`option[value="${id}"]`)).toHaveText(HOSTILE);
    expect(errors).toEqual([]);
  });
}
