/**
 * The cross-tab explorer in real Chromium against the built site, in both publication modes:
 * jcsa/2025 and virtualex/2023 publish a protected cube (`publish: aggregates`), fullstar/2023
 * public-use rows (`publish: microdata`). Building a table by clicking, URL state (round-trip,
 * back/forward, hostile input), exports, equality with the engine run in Node — on the built cube
 * file for an aggregates wave, on the original microdata for a microdata wave — and the privacy of
 * the public-use files.
 */
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import AxeBuilder from '@axe-core/playwright';
import { loadCatalog } from '../../src/server/catalog.ts';
import { decodePublicUse } from '../../src/lib/publicuse/decode.ts';
import { computeTable, computeTrend, sourceVariable, type ExploreSource } from '../../src/lib/explore/compute.ts';
import { parseState } from '../../src/lib/explore/state.ts';
import { catalogWave, findWave } from '../../src/lib/explore/catalog.ts';
import { fitToCube } from '../../src/lib/explore/restriction.ts';
import { decodeCube } from '../../src/lib/cube/format.ts';
import { OUT } from './site.ts';
import { publicCodebook } from '../../src/lib/publicuse/publicity.ts';
import { tableModel } from '../../src/lib/charts/model.ts';
import { roundHalfUp } from '../../src/lib/charts/fmt.ts';
import { formatInterval } from '../../src/lib/stats/format.ts';
import type { ExploreCatalog } from '../../src/lib/explore/catalog.ts';

const microdata = loadCatalog().waves.filter((w) => w.dataset && w.codebook.survey.publish === 'microdata');
const jcsa = loadCatalog().get('jcsa', '2025')!;

/** The explorer catalog as built into the page (modes, cube filters, data URLs). */
function builtCatalog(): ExploreCatalog {
  const html = readFileSync(`${OUT}/explore/index.html`, 'utf8');
  return JSON.parse(/<script type="application\/json" data-role="catalog">([\s\S]*?)<\/script>/.exec(html)![1]) as ExploreCatalog;
}

/** Where the explorer's numbers for a URL come from: the built cube file, or the original rows. */
function sourceFor(search: string) {
  const catalog = builtCatalog();
  const parsed = parseState(search, catalog);
  const wave = findWave(catalog, parsed.state.survey, parsed.state.wave)!;
  const fitted = fitToCube(parsed.state, wave);
  const notices = [...parsed.notices, ...fitted.notices];
  const state = fitted.state;
  const source: ExploreSource =
    wave.mode === 'aggregates'
      ? { kind: 'cube', cube: decodeCube(readFileSync(`${OUT}${wave.dataUrl}${state.question}.bin`)) }
      : { kind: 'rows', dataset: loadCatalog().get(wave.survey, wave.wave)!.dataset! };
  return { state, wave, source, notices };
}

/** Collects uncaught page errors so every test can assert there were none. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

async function rendered(page: Page): Promise<void> {
  await expect(page.locator('hakusho-explorer .x-table')).toBeVisible();
  await expect(page.locator('hakusho-explorer')).not.toHaveAttribute('aria-busy', '');
}

/** The table as shown: header labels and, per row, the cell texts (values only). */
async function shownTable(page: Page): Promise<{ columns: string[]; rows: { label: string; cells: string[] }[] }> {
  return page.locator('hakusho-explorer .x-table').evaluate((table) => ({
    columns: [...table.querySelectorAll('thead tr:first-child th[data-key]')].map((th) => (th as HTMLElement).dataset.key!),
    rows: [...table.querySelectorAll('tbody tr')].map((tr) => ({
      label: tr.querySelector('th')!.textContent!,
      cells: [...tr.querySelectorAll('td .x-value')].map((v) => v.textContent!),
    })),
  }));
}

/** The table body row whose header is exactly `label`. */
const tableRow = (page: Page, label: string) => page.locator('.x-table tbody tr', { has: page.getByRole('rowheader', { name: label, exact: true }) });

test('builds a cross-tab by clicking: question, banner, filter', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/explore/');
  await rendered(page);
  await page.getByLabel('調査', { exact: true }).selectOption('jcsa/2025');
  await expect(page).toHaveURL(/s=jcsa&w=2025/);
  await rendered(page);
  await page.getByLabel('設問（表側）').selectOption({ label: 'カスタマーサクセスに効果を感じているか' });
  await expect(page).toHaveURL(/q=cs_effect/);
  await page.getByLabel('集計軸（表頭）').selectOption({ label: '従業員規模' });
  await expect(page).toHaveURL(/b=employee_size/);
  await rendered(page);
  const sizes = catalogWave(publicCodebook(jcsa.codebook), '').variables.find((v) => v.id === 'employee_size')!;
  await expect(page.locator('.x-table thead th[data-key]')).toHaveCount(1 + sizes.options.length);
  await page.getByLabel('絞り込む項目を追加・変更').selectOption({ label: 'SaaS／非SaaS' });
  // A cube answers one value at a time: radio buttons.
  await page.getByRole('radio', { name: 'SaaS', exact: true }).check();
  await expect(page).toHaveURL(/f=sector%3Ain%3A1/);
  await expect(page.getByRole('list', { name: '適用中の絞り込み' })).toContainText('SaaS／非SaaS：SaaS');
  await rendered(page);
  await expect(page.locator('[data-role="chi"]')).toContainText('χ²');
  await expect(page.locator('[data-role="chart"] > svg')).toBeVisible();
  await page.getByLabel('人数').check();
  await expect(page).toHaveURL(/v=count/);
  expect(errors).toEqual([]);
});

test('the URL round-trips, and back/forward restore earlier states', async ({ page }) => {
  const errors = watchErrors(page);
  const url = '/explore/?s=jcsa&w=2025&q=cs_challenges&b=sector&f=employee_size%3Ain%3A1&mp=responses';
  await page.goto(url);
  await rendered(page);
  expect(new URL(page.url()).search).toBe(url.slice('/explore/'.length));
  await expect(page.getByLabel('設問（表側）')).toHaveValue('cs_challenges');
  await expect(page.getByLabel('集計軸（表頭）')).toHaveValue('sector');
  await expect(page.getByLabel('回答数')).toBeChecked();
  await page.getByLabel('集計軸（表頭）').selectOption('');
  await expect(page).not.toHaveURL(/b=/);
  await page.getByRole('button', { name: /絞り込み「従業員規模」を解除/ }).click();
  await expect(page).not.toHaveURL(/f=/);
  await rendered(page);
  await page.goBack();
  await expect(page.getByLabel('集計軸（表頭）')).toHaveValue('');
  await expect(page.getByRole('list', { name: '適用中の絞り込み' })).toContainText('従業員規模');
  await page.goBack();
  await expect(page.getByLabel('集計軸（表頭）')).toHaveValue('sector');
  await expect(page.locator('.x-table thead th[data-key]')).toHaveCount(3);
  await page.goForward();
  await expect(page.getByLabel('集計軸（表頭）')).toHaveValue('');
  expect(errors).toEqual([]);
});

test('a hostile URL falls back to a valid view with a visible notice', async ({ page }) => {
  const errors = watchErrors(page);
  let dialogs = 0;
  page.on('dialog', (d) => (dialogs++, d.dismiss()));
  await page.goto('/explore/?s=jcsa&w=2025&q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&b=__proto__&f=constructor%3Ain%3A1&f=%E0%A4%A&v=%27%22%3E&cmp=1');
  await rendered(page);
  const notice = page.getByRole('alert');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('設問「<img src=x onerror=alert(1)>」が見つからない');
  await expect(notice).toContainText('集計軸「__proto__」は使えない');
  await expect(page.locator('hakusho-explorer img')).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('q')).toBe(parseState('', { waves: [catalogWave(publicCodebook(jcsa.codebook), '')] }).state.question);
  expect(dialogs).toBe(0);
  expect(errors).toEqual([]);
});

/** The engine run in Node for the state a URL describes (cube file or original rows, as the wave publishes). */
function expected(search: string) {
  const { state, wave, source, notices } = sourceFor(search);
  expect(notices).toEqual([]);
  return computeTable(source, state, wave);
}

for (const search of [
  '?s=jcsa&w=2025&q=cs_effect&b=employee_size',
  '?s=jcsa&w=2025&q=cs_challenges&b=sector&u=saas_doing_cs',
  '?s=jcsa&w=2025&q=industry&b=revenue_size&f=cs_status%3Ain%3A1',
  '?s=jcsa&w=2025&q=cs_challenges&b=employee_size&mp=responses',
  '?s=fullstar&w=2023&q=monthly_churn&b=role&f=employee_size%3Ain%3A1%2C2%2C3',
  '?s=fullstar&w=2023&q=cs_tool_adoption&b=service_price_band',
]) {
  test(`numbers shown equal the engine's on the published data: ${search}`, async ({ page }) => {
    await page.goto(`/explore/${search}`);
    await rendered(page);
    const tab = expected(search);
    const model = tableModel(tab, sourceVariable(sourceFor(search).source, tab.spec.question));
    const shown = await shownTable(page);
    // Banner columns nobody is in are left out of the view (the total always stays) and named in the notes.
    const visible = tab.columns.filter((c, k) => k === 0 || c.n > 0 || c.withheld);
    expect(shown.columns).toEqual(visible.map((c) => c.key));
    for (const c of tab.columns.filter((c) => !visible.includes(c))) await expect(page.locator('.x-notes')).toContainText(c.label);
    expect(shown.rows).toEqual(model.body.map((r) => ({ label: r.label, cells: r.cells.map((c) => c.text) })));
    // Independent of the model: every option's total-column percent, straight from the engine.
    for (const row of tab.rows.filter((r) => r.kind === 'option' && r.cells[0].count > 0)) {
      const shownRow = shown.rows.find((r) => r.label === row.label)!;
      expect(shownRow.cells[0]).toBe(roundHalfUp(row.cells[0].proportion * 100, 1).toFixed(1));
    }
    const bases = await page.locator('.x-table .x-base td').allTextContents();
    const number = (b: string, label: RegExp) => Number((label.exec(b)?.[1] ?? 'NaN').replace(/,/g, ''));
    expect(bases.map((b) => (b.includes('非公開') ? -1 : number(b, /n=([\d,]+)/)))).toEqual(visible.map((c) => (c.withheld ? -1 : c.n)));
    // Percent of responses: the base row gives the responses each percentage is of (issue 11).
    const responses = tab.type === 'multi' && tab.options.multiPercent === 'responses' ? tab.responses : undefined;
    expect(bases.map((b) => (b.includes('回答数') ? number(b, /回答数 ([\d,]+)/) : null))).toEqual(visible.map((c) => (responses && !c.withheld ? responses[tab.columns.indexOf(c)] : null)));
    if (responses) expect(responses[0]).toBeGreaterThan(tab.columns[0].n);
    await page.getByLabel('人数').check();
    await rendered(page);
    const counts = await shownTable(page);
    expect(counts.rows).toEqual(model.body.map((r) => ({ label: r.label, cells: r.cells.map((c) => (c.count === null ? c.text : c.count === 0 ? '–' : c.count.toLocaleString('en-US'))) })));
  });
}

test('exports: CSV with BOM, SVG that parses, non-empty PNG, citation and embed snippet', async ({ page }) => {
  await page.goto('/explore/?s=jcsa&w=2025&q=cs_effect&b=sector');
  await rendered(page);
  const tab = expected('?s=jcsa&w=2025&q=cs_effect&b=sector');

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '表を CSV で保存' }).click()]);
  expect(csvDownload.suggestedFilename()).toBe('hakusho-jcsa-2025-cs_effect-by-sector.csv');
  const csvBytes = readFileSync((await csvDownload.path())!);
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<string[]>(csvBytes.toString('utf8').slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const header = parsed.data[0];
  const [segment, option, percent, count] = ['区分', '選択肢', '割合(%)', '件数'].map((h) => header.indexOf(h));
  for (const row of tab.rows.filter((r) => r.kind === 'option')) {
    tab.columns.forEach((column, k) => {
      const line = parsed.data.find((l) => l[option] === row.label && l[segment] === (column.key === 'total' ? '全体' : column.label))!;
      expect(line[count]).toBe(column.suppressed ? '' : String(row.cells[k].count));
      expect(line[percent]).toBe(column.suppressed ? '' : roundHalfUp(row.cells[k].proportion * 100, 1).toFixed(1));
    });
  }
  // Issue 11: every row names the banner, the protection and the view's permalink, and the χ² test follows the cells.
  const field = (name: string) => header.indexOf(name);
  const cellRows = parsed.data.slice(1).filter((l) => l[field('指標')] === '割合');
  const sectorLabel = await page.locator('select[name="b"] option:checked').textContent();
  expect(new Set(cellRows.map((l) => `${l[field('集計軸')]}|${l[field('固定リンク')]}`))).toEqual(new Set([`${sectorLabel}|${page.url()}`]));
  expect(cellRows.every((l) => l[field('注記')].includes('秘匿処理'))).toBe(true);
  expect(parsed.data.filter((l) => l[field('指標')].startsWith('χ²')).map((l) => l[field('指標')])).toEqual(tab.chiSquare ? ['χ²値', 'χ²の自由度', 'χ²のp値'] : []);

  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'グラフを SVG で保存' }).click()]);
  const svgText = readFileSync((await svgDownload.path())!, 'utf8');
  const svgCheck = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { root: doc.documentElement.nodeName, errors: doc.getElementsByTagName('parsererror').length, rects: doc.querySelectorAll('rect').length };
  }, svgText);
  expect(svgCheck).toMatchObject({ root: 'svg', errors: 0 });
  expect(svgCheck.rects).toBeGreaterThan(tab.rows.length);
  // Issue 11: the file says what it shows — question, base, banner, source, protection, synthetic mark.
  const svgLines = await page.evaluate((text) => [...new DOMParser().parseFromString(text, 'image/svg+xml').documentElement.children].filter((e) => e.nodeName === 'text').map((e) => e.textContent), svgText);
  const meta = await page.locator('[data-role="meta"]').textContent();
  const bannerLabel = await page.locator('select[name="b"] option:checked').textContent();
  expect(svgLines[0]).toBe(await page.locator('select[name="q"] option:checked').textContent());
  expect(svgLines.join('\n')).toContain('カスタマーサクセスに効果を感じているか');
  expect(svgLines).toContainEqual(expect.stringMatching(new RegExp(`^対象：${meta!.match(/^対象：([^（、]+)/)![1]}（n=[\\d,]+）／集計軸：${bannerLabel}$`)));
  // Long lines wrap: read the footer as one text.
  const footer = svgLines.join('');
  expect(footer).toContain('秘匿処理');
  expect(footer).toMatch(/出典：.+／http:\/\/[^/]+\/explore\/\?s=jcsa&w=2025&q=cs_effect&b=sector合成サンプルデータ/);

  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'グラフを PNG で保存' }).click()]);
  const png = readFileSync((await pngDownload.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.readUInt32BE(16)).toBeGreaterThan(300); // IHDR width
  expect(png.length).toBeGreaterThan(5000);

  // jcsa publishes aggregates: no respondent rows are offered, and the rule is stated.
  await expect(page.getByRole('link', { name: 'CSV', exact: true })).toBeHidden();
  await expect(page.locator('[data-role="cube-rule"]')).toBeVisible();
  await expect(page.locator('.x-notes')).toContainText('集計値には秘匿のための撹乱を加えています（セルキー法');

  const citation = await page.getByLabel('引用表記').inputValue();
  expect(citation).toContain(page.url());
  expect(citation).toContain('カスタマーサクセスに効果を感じているか');
  // Issue 11: the report by its title, never the site's ids; BibTeX and RIS for reference managers.
  expect(citation).toContain(`${jcsa.codebook.survey.publisher}「${jcsa.codebook.survey.title}」（2025年）`);
  expect(citation).not.toMatch(/jcsa 2025/);
  await page.getByText('文献管理ソフト用（BibTeX・RIS）').click();
  const [bib] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'BibTeX で保存（.bib）' }).click()]);
  expect(bib.suggestedFilename()).toBe('hakusho-jcsa-2025-cs_effect-by-sector.bib');
  const bibText = readFileSync((await bib.path())!, 'utf8');
  expect(bibText).toMatch(/^@misc\{hakusho-jcsa-2025-cs_effect-by-sector,\n/);
  expect(bibText).toContain(`  url = {${page.url()}}`);
  const [ris] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'RIS で保存（.ris）' }).click()]);
  expect(ris.suggestedFilename()).toBe('hakusho-jcsa-2025-cs_effect-by-sector.ris');
  const risLines = readFileSync((await ris.path())!, 'utf8').split('\r\n');
  expect(risLines[0]).toBe('TY  - DATA');
  expect(risLines).toContain(`UR  - ${page.url()}`);
  expect(risLines).toContain(`T2  - ${jcsa.codebook.survey.title}`);
  expect(await page.getByLabel('BibTeX', { exact: true }).inputValue()).toBe(bibText);

  const snippet = await page.getByLabel('埋め込みコード（グラフのみ）').inputValue();
  const src = /<iframe src="([^"]+)"/.exec(snippet)![1].replace(/&amp;/g, '&');
  expect(new URL(src).pathname).toBe('/embed/');
  // A host page of its own (not under this site's CSP, which forbids the snippet's inline listener),
  // served from the same local address (Chromium blocks a blank page from framing a local server).
  const host = new URL('/embed-host-for-test.html', page.url()).href;
  await page.route(host, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><html lang="ja"><body>${snippet}</body></html>` }));
  await page.goto(host);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('[data-role="chart"] > svg')).toBeVisible();
  await expect(frame.locator('[data-role="title"]')).toHaveText(jcsa.codebook.questions.find((q) => q.id === 'cs_effect')!.text);
  await expect(frame.locator('form')).toHaveCount(0);
  // Issue 11: the embed explains its marks and sizes its frame to its content (no blank 200 px).
  await expect(frame.locator('[data-role="legend"]')).toContainText('A・B…：その列より5%水準で有意に高い');
  await expect(frame.locator('[data-role="legend"]')).toContainText('秘匿処理');
  await expect.poll(async () => {
    const [frameHeight, content] = await Promise.all([
      page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height),
      frame.locator('main').evaluate((m) => m.getBoundingClientRect().bottom),
    ]);
    return Math.abs(frameHeight - content);
  }).toBeLessThanOrEqual(2);
  expect(await page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height)).not.toBe(520);
});

test('fullstar (publish: microdata) offers its public-use rows next to the table', async ({ page }) => {
  await page.goto('/explore/?s=fullstar&w=2023&q=role');
  await rendered(page);
  await expect(page.getByRole('link', { name: 'CSV', exact: true })).toHaveAttribute('href', /\/data\/fullstar\/2023\/public\.csv$/);
  await expect(page.getByRole('link', { name: 'datapackage.json' })).toHaveAttribute('href', /\/data\/fullstar\/2023\/datapackage\.json$/);
  await expect(page.locator('[data-role="cube-rule"]')).toBeHidden();
  await expect(page.locator('.x-notes')).not.toContainText('撹乱');
});

test('public-use files (binary, CSV, data package) hold no restricted column, no id and no free text', async ({ request }) => {
  expect(microdata.map((w) => `${w.survey}/${w.wave}`)).toEqual(['fullstar/2023']);
  for (const wave of microdata) {
    const response = await request.get(`/data/${wave.survey}/${wave.wave}/public-use.bin`);
    expect(response.ok()).toBe(true);
    const bytes = await response.body();
    const decoded = decodePublicUse(new Uint8Array(bytes));
    const original = wave.dataset!;
    expect(decoded.n).toBe(original.n);
    expect(decoded.ids).toEqual([]);
    // Rows are shuffled: the same answers, in another order.
    const coded = [...decoded.variables.values()].filter((v) => v.kind === 'coded').map((v) => ({ v, o: original.variables.get(v.id)! }));
    expect(coded.length).toBeGreaterThan(0);
    const answers = (index: Int16Array, options: { code: number }[]) => Array.from(index, (k) => (k < 0 ? null : options[k].code));
    const pairs = coded.map(({ v, o }) => v.kind === 'coded' && o.kind === 'coded' ? [answers(v.index, v.options), answers(o.index, o.options)] : [[], []]);
    for (const [shown, before] of pairs) expect([...shown].sort()).toEqual([...before].sort());
    expect(pairs.filter(([shown, before]) => shown.join() !== before.join()).length).toBeGreaterThan(coded.length / 2);
    const restricted = [
      ...original.codebook.questions.filter((q) => q.type === 'text' || q.publication === 'restricted').map((q) => q.id),
      ...original.codebook.derived.filter((d) => d.publication === 'restricted').map((d) => d.id),
    ];
    for (const id of decoded.variables.keys()) expect(restricted.some((r) => id === r || id.startsWith(`${r}__`))).toBe(false);
    for (const q of decoded.codebook.questions) expect(q.type === 'text' || q.publication === 'restricted').toBe(false);
    const text = bytes.toString('latin1') + new TextDecoder().decode(bytes);
    for (const id of original.ids.slice(0, 200)) expect(text.includes(`"${id}"`)).toBe(false);
    for (const v of original.variables.values()) {
      if (v.kind !== 'text') continue;
      for (const answer of v.values.filter((x): x is string => !!x && x.length >= 4).slice(0, 200)) expect(text.includes(answer)).toBe(false);
    }
    for (const id of restricted) expect(text.includes(`"${id}"`)).toBe(false);

    const csv = await (await request.get(`/data/${wave.survey}/${wave.wave}/public.csv`)).text();
    const pkg = await (await request.get(`/data/${wave.survey}/${wave.wave}/datapackage.json`)).json();
    const header = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { preview: 1 }).data[0];
    expect(pkg.resources[0].schema.fields.map((f: { name: string }) => f.name)).toEqual(header);
    expect(header).not.toContain(original.codebook.survey.idColumn);
    for (const name of header) expect(restricted.some((r) => name === r || name.startsWith(`${r}__`))).toBe(false);
    for (const id of original.ids.slice(0, 200)) expect(csv.includes(`${id},`)).toBe(false);
  }
});

test('keyboard only: controls are labelled and reachable, and a filter can be set', async ({ page }) => {
  await page.goto('/explore/?s=jcsa&w=2025&q=cs_effect');
  await rendered(page);
  await page.getByLabel('集計軸（表頭）').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/b=/);
  await page.getByLabel('絞り込む項目を追加・変更').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/f=/);
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('hakusho-explorer select, hakusho-explorer input, hakusho-explorer textarea')].filter((el) => !(el as HTMLInputElement).labels?.length).map((el) => el.outerHTML));
  expect(unlabelled).toEqual([]);
});

test('arrowing through a menu is one history entry; leaving it commits (issue 11)', async ({ page }) => {
  await page.goto('/explore/?s=jcsa&w=2025&q=cs_effect');
  await rendered(page);
  const start = page.url();
  const entries = () => page.evaluate(() => history.length);
  const before = await entries();
  const menu = page.getByLabel('設問（表側）');
  await menu.focus();
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('ArrowDown');
    await rendered(page);
  }
  const browsed = page.url();
  expect(browsed).not.toBe(start);
  expect(await entries()).toBe(before + 1);
  // Leave the menu, come back, choose again: a new entry.
  await page.keyboard.press('Tab');
  await menu.focus();
  await page.keyboard.press('ArrowDown');
  await rendered(page);
  expect(await entries()).toBe(before + 2);
  await page.goBack();
  await expect(page).toHaveURL(browsed);
  await page.goBack();
  await expect(page).toHaveURL(start);
  await expect(menu).toHaveValue('cs_effect');
});

test('on a 390 px phone the chart comes first and the settings fold into a panel (issue 11)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/explore/?s=jcsa&w=2025&q=cs_effect&b=employee_size');
  await rendered(page);
  const question = page.getByLabel('設問（表側）');
  await expect(question).toBeHidden();
  const chartTop = await page.locator('[data-role="chart"]').evaluate((c) => c.getBoundingClientRect().top + window.scrollY);
  expect(chartTop).toBeLessThan(844 * 0.75);
  const summary = page.getByText('集計の設定（設問・集計軸・対象者・絞り込み）');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(question).toBeVisible();
  await question.selectOption('cs_status');
  await rendered(page);
  await expect(page).toHaveURL(/q=cs_status/);
  // Wide screens: always open, no panel to unfold.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.reload();
  await rendered(page);
  await expect(question).toBeVisible();
  await expect(summary).toBeHidden();
});

test('usable on a 360 px phone: no page-wide horizontal scroll', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto('/explore/?s=jcsa&w=2025&q=cs_effect&b=employee_size');
  await rendered(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByText('集計の設定（設問・集計軸・対象者・絞り込み）').click();
  await expect(page.getByLabel('設問（表側）')).toBeVisible();
  await expect(page.locator('[data-role="chart"] > svg')).toBeVisible();
});

test('a comparison says what it cannot apply, shows its own bases, and is never a one-point trend (issue 11)', async ({ page }) => {
  const errors = watchErrors(page);
  // jcsa-like trap: a banner and a filter set, then 前回調査と比較 — the comparison cannot filter printed tables.
  await page.goto('/explore/?s=virtualex&w=2023&q=touch_model&u=effect_felt&b=industry&cmp=1');
  await rendered(page);
  const industry = await page.locator('select[name="b"] option:checked').textContent();
  await expect(page.locator('[data-role="meta"]')).toHaveText(/^対象：[^／]+（2022年 n=276、2023年 n=[\d,]+）／調査回比較／/);
  const notes = page.locator('.x-notes');
  await expect(notes).toContainText(`集計軸（${industry}）は調査回比較に適用していません。集計軸別の値がない調査回があるためです：2022年（この集計軸に当たる変数がありません（その調査回にない設問か、対応表で推移を切った設問））。`);
  // 2023 is a protected cube: it could give the column (it is not listed); the printed 2022 cannot.
  await expect(page.locator('.x-table thead th[data-key]')).toHaveCount(2);
  // No wave-by-wave column here, so no column to choose (src/lib/explore/compute.ts applies one when every wave has it).
  await expect(page.getByLabel('比較する列（集計軸）')).toBeHidden();
  // One wave only: no trend chart, and the reason.
  await page.goto('/explore/?s=virtualex&w=2023&q=touch_model&cmp=1');
  await rendered(page);
  await expect(notes).toContainText('前回以前の調査に、この設問を「');
  await expect(notes).toContainText('で集計した値がないため、調査回比較は表示していません。');
  await expect(page.locator('[data-role="chart"]')).not.toContainText('⚠');
  await expect(page.locator('[data-role="meta"]')).not.toContainText('調査回比較');
  expect(errors).toEqual([]);
});

test('a wave of published tables is reachable: its printed totals, no banner or filter, and a comparison (issue 11)', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/explore/?s=virtualex&w=2023&q=cs_effect_felt');
  await rendered(page);
  const waves = await page.locator('select[name="wave"] option').allTextContents();
  expect(waves).toContainEqual(expect.stringMatching(/（2024・公表集計表）$/));
  await page.getByLabel('調査', { exact: true }).selectOption('virtualex/2024');
  await rendered(page);
  await expect(page).toHaveURL(/w=2024/);
  // Printed only for those doing CS: the view moves there and says so.
  await expect(page.locator('[data-role="notices"]')).toContainText('対象者を「CSに取り組んでいる」にしました');
  await expect(page.getByLabel('対象者')).toHaveValue('doing_cs');
  await expect(page.locator('[data-role="meta"]')).toContainText('（n=500・公表集計表の数値）');
  const shown = await shownTable(page);
  expect(shown.rows).toContainEqual({ label: '効果を感じている', cells: ['61.0'] });
  await expect(page.getByLabel('集計軸（表頭）')).toBeDisabled();
  await expect(page.locator('.x-notes')).toContainText('公表された集計表の数値です');
  await page.getByLabel('前回調査と比較').check();
  await rendered(page);
  expect((await shownTable(page)).columns).toEqual(['2023', '2024']);
  // 2023 has three options, 2024 printed one: still no Plot warning glyph.
  await expect(page.locator('[data-role="chart"]')).not.toContainText('⚠');
  expect(errors).toEqual([]);
});

test('compares a question with the crosswalked earlier wave, with the engine trend numbers', async ({ page }) => {
  const errors = watchErrors(page);
  const later = loadCatalog().get('virtualex', '2023');
  expect(later?.codebook.crosswalk).toBeDefined();
  const earlier = loadCatalog().get(later!.survey, later!.codebook.crosswalk!.wave)!;
  const search = '?s=virtualex&w=2023&q=touch_model&u=effect_felt&cmp=1';
  await page.goto(`/explore/${search}`);
  await rendered(page);
  await expect(page.getByLabel('前回調査と比較')).toBeChecked();
  const shown = await shownTable(page);
  expect(shown.columns).toEqual([earlier.wave, later!.wave]);
  const { state, wave, source } = sourceFor(search);
  const tab = computeTable(source, state, wave);
  const previous = earlier.dataset ? { codebook: earlier.codebook, dataset: earlier.dataset } : { codebook: earlier.codebook, tables: earlier.tables! };
  // virtualex/2023 publishes aggregates: its side of the comparison is the cube's totals (tables.json).
  const current = JSON.parse(readFileSync(`${OUT}${wave.cube!.tablesUrl}`, 'utf8'));
  const trendTable = computeTrend([previous, current], state, tab.universeLabel)!;
  expect(trendTable.waves).toEqual([earlier.wave, later!.wave]);
  expect(shown.rows).toEqual(tableModel(trendTable).body.map((r) => ({ label: r.label, cells: r.cells.map((c) => c.text) })));
  await page.getByLabel('前回調査と比較').uncheck();
  await expect(page).not.toHaveURL(/cmp=/);
  await expect(page.locator('.x-table thead th[data-key]')).toHaveCount(1);
  expect(errors).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  for (const width of [1280, 390]) {
    test(`no serious accessibility violations (axe, ${scheme}, ${width} px) on the explorer with a wide banner and a filter`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/explore/?s=jcsa&w=2025&q=cs_effect&b=employee_size&f=response_channel%3Ain%3A1');
      await rendered(page);
      // Phones: the settings are folded into a panel; open it so axe checks them too.
      if (width < 900) await page.getByText('集計の設定（設問・集計軸・対象者・絞り込み）').click();
      await page.getByLabel('絞り込む項目を追加・変更').selectOption('response_channel');
      // The chart's SVG comes from the shared chart layer (lib/charts, Observable Plot) and is checked there.
      const results = await new AxeBuilder({ page }).include('hakusho-explorer').exclude('[data-role="chart"] svg').analyze();
      expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
    test(`no serious accessibility violations (axe, ${scheme}, ${width} px) on the embed`, async ({ page }) => {
      await page.setViewportSize({ width, height: 700 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/embed/?s=jcsa&w=2025&q=cs_effect&b=employee_size');
      await expect(page.locator('[data-role="chart"] > svg')).toBeVisible();
      const results = await new AxeBuilder({ page }).exclude('[data-role="chart"] svg').analyze();
      expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
  test(`the explorer's focus ring has at least 3:1 contrast with the page (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/explore/?s=jcsa&w=2025&q=cs_effect');
    await rendered(page);
    await page.getByLabel('設問（表側）').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const [ring, back] = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      // The page colour behind the ring: the nearest opaque background (the canvas is white).
      let bg = 'rgb(255, 255, 255)';
      for (let at: Element | null = el.parentElement; at; at = at.parentElement) {
        const c = getComputedStyle(at).backgroundColor;
        if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') {
          bg = c;
          break;
        }
      }
      return [getComputedStyle(el).outlineColor, bg];
    });
    expect(contrast(ring, back)).toBeGreaterThanOrEqual(3);
  });
}

/** WCAG contrast ratio of two computed rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((x) => {
      const s = Number(x) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test('the embed view reads the same URL state and survives a hostile one', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/embed/?s=jcsa&w=2025&q=cs_effect&b=sector');
  await expect(page.locator('[data-role="chart"] > svg')).toBeVisible();
  await expect(page.locator('[data-role="title"]')).toHaveText(jcsa.codebook.questions.find((q) => q.id === 'cs_effect')!.text);
  await expect(page.getByRole('link', { name: 'Hakusho で表と詳細を見る' })).toHaveAttribute('href', /\/explore\/\?s=jcsa&w=2025&q=cs_effect&b=sector$/);
  await page.goto('/embed/?s=%00&q=../../&f=' + 'x'.repeat(5000));
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.locator('[data-role="chart"] > svg')).toBeVisible();
  expect(errors).toEqual([]);
});

test('every public variable of every wave can be tabulated, alone and by a banner', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await page.goto('/explore/');
  await rendered(page);
  const failures = await page.evaluate(async () => {
    type El = HTMLElement & { catalog: ExploreCatalog; change: (p: object) => void; state: { question: string }; table: unknown; update: () => Promise<void> };
    const el = document.querySelector('hakusho-explorer') as El;
    const out: string[] = [];
    const notices = () => document.querySelector('[data-role="notices"]')!.textContent ?? '';
    for (const wave of el.catalog.waves) {
      const banner = wave.variables.find((v) => v.kind === 'coded')!.id;
      el.change({ survey: wave.survey, wave: wave.wave, question: wave.variables[0].id, banner: null, filters: [], compare: false });
      await el.update();
      for (const v of wave.variables) {
        // A published-tables wave has no banner (tested on its own above).
        for (const b of [null, v.id === banner || wave.mode === 'tables' ? null : banner]) {
          const before = { svg: document.querySelector('[data-role="chart"] > svg') ?? document.querySelector('[data-role="chart"] > .x-empty'), table: document.querySelector('.x-table') };
          const count = (el as unknown as { renderCount: number }).renderCount;
          el.change({ question: v.id, banner: b });
          // A cube wave loads the question's file first (one fetch, then cached): wait for that render.
          if ((el as unknown as { renderCount: number }).renderCount === count) await new Promise((done) => el.addEventListener('explore:rendered', done, { once: true }));
          // A view whose whole base is withheld (cube) shows why instead of a chart.
          const svg = document.querySelector('[data-role="chart"] > svg') ?? document.querySelector('[data-role="chart"] > .x-empty');
          const table = document.querySelector('.x-table');
          // …whose questions show in the universe they were printed for, saying so.
          const expected = wave.mode === 'tables' && /対象者を「[^」]+」にしました。$/.test(notices());
          if (notices() && !expected) out.push(`${wave.survey}/${wave.wave} ${v.id} by ${b}: ${notices()}`);
          else if (!svg || !table) out.push(`${wave.survey}/${wave.wave} ${v.id} by ${b}: nothing drawn`);
          // Drawn anew for this variable, not left over from the one before.
          else if (svg === before.svg || table === before.table || !table.querySelector('caption')?.textContent?.startsWith(v.label)) out.push(`${wave.survey}/${wave.wave} ${v.id} by ${b}: not redrawn`);
          // Issue 11: never Plot's warning glyph (it would end up in exports).
          else if (svg.textContent?.includes('⚠')) out.push(`${wave.survey}/${wave.wave} ${v.id} by ${b}: Plot warning glyph`);
        }
      }
    }
    return out;
  });
  expect(failures).toEqual([]);
  expect(errors).toEqual([]);
});

test('confidence intervals shown in the table are the engine’s', async ({ page }) => {
  const search = '?s=jcsa&w=2025&q=cs_effect&b=sector&ci=1';
  await page.goto(`/explore/${search}`);
  await rendered(page);
  await expect(page.getByLabel('95%信頼区間を表に表示')).toBeChecked();
  const tab = expected(search);
  for (const row of tab.rows.filter((r) => r.kind === 'option' && r.cells[0].count > 0)) {
    const cell = tableRow(page, row.label).locator('td').first();
    await expect(cell.locator('.x-ci')).toHaveText(formatInterval(row.cells[0].ci));
  }
  await page.getByLabel('95%信頼区間を表に表示').uncheck();
  await expect(page.locator('.x-ci')).toHaveCount(0);
  await expect(page).not.toHaveURL(/ci=/);
});

/**
 * Engine column index of each column the table shows, matched by key; checks that only columns
 * nobody is in were left out.
 */
async function shownColumns(page: Page, tab: ReturnType<typeof expected>): Promise<number[]> {
  const { columns: keys } = await shownTable(page);
  const columns = keys.map((key) => tab.columns.findIndex((c) => c.key === key));
  expect(columns).not.toContain(-1);
  expect(tab.columns.filter((_, k) => !columns.includes(k)).every((c) => c.n === 0 && !c.withheld)).toBe(true);
  return columns;
}

for (const search of [
  '?s=jcsa&w=2025&q=cs_effect&b=employee_size&u=saas_doing_cs',
  '?s=jcsa&w=2025&q=cs_effect&b=employee_size&f=response_channel%3Ain%3A1',
  '?s=jcsa&w=2025&q=cs_effect&b=revenue_size&f=response_channel%3Ain%3A2',
  '?s=fullstar&w=2023&q=monthly_churn&b=employee_size&f=role%3Ain%3A1',
]) {
  test(`caution (†), suppression (×) and significance letters are the engine's: ${search}`, async ({ page }) => {
    await page.goto(`/explore/${search}`);
    await rendered(page);
    const tab = expected(search);
    const columns = await shownColumns(page, tab);
    const bases = await page.locator('.x-table .x-base td').allTextContents();
    expect(bases.map((b) => b.replace(/^n=([\d,]+|非公開)/, ''))).toEqual(columns.map((k) => (tab.columns[k].withheld ? '' : tab.columns[k].suppressed ? '×' : tab.columns[k].caution ? '†' : '')));
    const cautionCells = await page.locator('.x-table .x-base td').evaluateAll((tds) => tds.map((td) => td.classList.contains('x-caution')));
    expect(cautionCells).toEqual(columns.map((k) => tab.columns[k].caution));
    for (const row of tab.rows.filter((r) => r.kind === 'option')) {
      const tr = tableRow(page, row.label);
      const letters = await tr.locator('td').evaluateAll((tds) => tds.map((td) => td.querySelector('.x-letters')?.textContent ?? ''));
      expect(letters, row.label).toEqual(columns.map((k) => row.cells[k].letters ?? ''));
      const shown = await tr.locator('td .x-value').allTextContents();
      columns.forEach((k, j) => {
        if (tab.columns[k].suppressed) expect(shown[j], `${row.label} / ${tab.columns[k].label}`).not.toMatch(/\d/);
      });
    }
  });
}

test('confidence intervals stay with their column when an empty banner column is left out', async ({ page }) => {
  const search = '?s=fullstar&w=2023&q=role&b=service_price_band&f=monthly_churn%3Ain%3A1&ci=1';
  await page.goto(`/explore/${search}`);
  await rendered(page);
  const tab = expected(search);
  expect(tab.columns.some((c) => c.n === 0)).toBe(true);
  const columns = await shownColumns(page, tab);
  let compared = 0;
  for (const row of tab.rows.filter((r) => r.kind === 'option' && r.cells[0].count > 0)) {
    const tr = tableRow(page, row.label);
    const shown = await tr.locator('td').evaluateAll((tds) => tds.map((td) => td.querySelector('.x-ci')?.textContent ?? null));
    const want = columns.map((k) => (tab.columns[k].suppressed || !row.cells[k].ci ? null : formatInterval(row.cells[k].ci)));
    expect(shown, row.label).toEqual(want);
    compared += want.filter((x) => x !== null).length;
  }
  expect(compared).toBeGreaterThan(4);
});

test('synthetic data says so, with its source, in the explorer, its exports and the embed view', async ({ page }) => {
  const search = '?s=jcsa&w=2025&q=cs_effect&b=sector';
  const source = jcsa.codebook.survey.citation;
  expect(jcsa.codebook.survey.synthetic).toBe(true);
  await page.goto(`/explore/${search}`);
  await rendered(page);
  await expect(page.locator('[data-role="meta"]')).toContainText('合成サンプルデータ');
  await expect(page.locator('[data-role="meta"]')).toContainText(source.slice(0, 12));
  expect(await page.getByLabel('引用表記').inputValue()).toContain('合成サンプルデータ');
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '表を CSV で保存' }).click()]);
  expect(readFileSync((await csvDownload.path())!, 'utf8')).toContain('合成サンプルデータ');
  await page.goto(`/embed/${search}`);
  await expect(page.locator('[data-role="chart"] > svg')).toBeVisible();
  await expect(page.locator('[data-role="meta"]')).toContainText('合成サンプルデータ');
});

test('the trial URLs of issue 9 are answered from the cube: one restriction, no small column, no differencing by value sets', async ({ page }) => {
  const errors = watchErrors(page);
  // Three filters, one of them an unknown code: the cube keeps the first one it can answer and says why.
  await page.goto('/explore/?s=jcsa&w=2025&q=response_channel&v=count&f=employee_size:in:4&f=revenue_size:in:99&f=job_title:in:6');
  await rendered(page);
  await expect(page.getByRole('alert')).toContainText('この調査は秘匿処理をした集計値だけを公開しています');
  expect(new URL(page.url()).searchParams.getAll('f')).toEqual(['employee_size:in:4']);
  const tab = expected(new URL(page.url()).search);
  const shown = await shownTable(page);
  expect(shown.columns).toEqual(['total']);
  expect(tab.columns[0].withheld || tab.columns[0].n >= 10).toBe(true);
  // A value set that is not a codebook net cannot be asked: 1..5 and 1..6 would differ by one person.
  for (const codes of ['1,2,3,4,5', '1,2,3,4,5,6']) {
    await page.goto(`/explore/?s=jcsa&w=2025&q=response_channel&b=employee_size&f=job_title:in:${codes}`);
    await rendered(page);
    await expect(page.getByRole('alert')).toContainText('絞り込み「役職」を外しました');
    expect(new URL(page.url()).searchParams.getAll('f')).toEqual([]);
  }
  // The filter editor offers one value or one net, and a new filter replaces the universe.
  await page.goto('/explore/?s=jcsa&w=2025&q=cs_effect&u=saas');
  await rendered(page);
  await page.getByLabel('絞り込む項目を追加・変更').selectOption({ label: '従業員規模' });
  await expect(page.locator('input[name="fcode"][type="checkbox"]')).toHaveCount(0);
  await page.locator('input[name="fcode"]').first().check();
  await expect(page).toHaveURL(/f=employee_size%3Ain%3A/);
  await expect(page).not.toHaveURL(/u=saas/);
  await expect(page.getByRole('alert')).toContainText('対象者「SaaS」を外しました');
  await rendered(page);
  expect(errors).toEqual([]);
});

test('withheld columns show no number at all, in percent and count views', async ({ page }) => {
  const search = '?s=jcsa&w=2025&q=cs_effect&b=revenue_size&f=response_channel%3Ain%3A2';
  await page.goto(`/explore/${search}`);
  await rendered(page);
  const tab = expected(search);
  const withheld = tab.columns.map((c, k) => (c.withheld ? k : -1)).filter((k) => k >= 0);
  expect(withheld.length).toBeGreaterThan(0);
  const keys = (await shownTable(page)).columns;
  for (const view of ['percent', 'count'] as const) {
    if (view === 'count') {
      await page.getByLabel('人数').check();
      await rendered(page);
    }
    const shown = await shownTable(page);
    for (const k of withheld) {
      const j = keys.indexOf(tab.columns[k].key);
      expect(j).toBeGreaterThanOrEqual(0);
      for (const row of shown.rows) expect(row.cells[j], `${view} ${row.label}`).toBe('×');
    }
    const bases = await page.locator('.x-table .x-base td').allTextContents();
    for (const k of withheld) expect(bases[keys.indexOf(tab.columns[k].key)]).toBe('n=非公開');
  }
  await expect(page.locator('.x-notes')).toContainText('他の表との差から個人の回答が分かるおそれのある列');
});

test('question pages of an aggregates wave show the cube, with the rule stated; a microdata wave shows its rows', async ({ page }) => {
  await page.goto('/jcsa/2025/questions/cs_effect/');
  await expect(page.locator('[data-role="protected-note"]')).toContainText('秘匿処理');
  const { source, wave } = sourceFor('?s=jcsa&w=2025&q=cs_effect');
  const tab = computeTable(source, { ...sourceFor('?s=jcsa&w=2025&q=cs_effect').state }, wave);
  const first = page.locator('table').first();
  for (const row of tab.rows.filter((r) => r.kind === 'option')) {
    await expect(first.locator("tbody tr").filter({ has: page.locator(`th:text-is("${row.label}")`) }).locator("td").first()).toContainText(roundHalfUp(row.cells[0].proportion * 100, 1).toFixed(1));
  }
  await page.goto('/fullstar/2023/questions/role/');
  await expect(page.locator('[data-role="protected-note"]')).toHaveCount(0);
});

test('on a protected question page, the codebook notes quoting printed figures are introduced as such; chapters print them plainly', async ({ page }) => {
  const caveat = '以下の注記は報告書の正確な集計値についてのものです。';
  await page.goto('/jcsa/2025/questions/cs_effect/');
  const notes = page.locator('.chart-notes').first().locator('li');
  const texts = await notes.allTextContents();
  const at = texts.findIndex((t) => t.startsWith(caveat));
  expect(at, texts.join('\n')).toBeGreaterThanOrEqual(0);
  expect(texts[at + 1]).toContain('88.8%');
  await page.goto('/jcsa/2025/ch3/');
  await expect(page.locator('.chart-notes li', { hasText: '88.8%' }).first()).toBeVisible();
  await expect(page.locator('.chart-notes li', { hasText: caveat })).toHaveCount(0);
});

test('the explorer and embed pages are tuned for the first visit: every chunk preloaded after the CSP, styles inline, compile hints on large chunks', () => {
  const imports = (path: string) => [...readFileSync(`${OUT}${path}`, 'utf8').matchAll(/(?:import\s*\(\s*|import\s*|from\s*)["'`](\.\/[\w.-]+\.js)["'`]/g)].map((m) => `/_astro/${m[1].slice(2)}`);
  for (const page of ['explore', 'embed']) {
    const html = readFileSync(`${OUT}/${page}/index.html`, 'utf8');
    const entries = [...html.matchAll(/<script type="module" src="([^"]+)">/g)].map((m) => m[1]);
    const reached = new Set(entries);
    for (const path of reached) for (const i of imports(path)) reached.add(i);
    const cspAt = html.indexOf('http-equiv="Content-Security-Policy"');
    const links = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)];
    expect(new Set(links.map((m) => m[1])), page).toEqual(reached);
    for (const m of links) expect(m.index, `${page}: ${m[1]} preloaded before the CSP`).toBeGreaterThan(cspAt);
    expect(reached.size, page).toBeGreaterThanOrEqual(4); // entry, boot, explorer, Plot
    expect(html, page).not.toMatch(/<link rel="stylesheet"/);
    expect(html, page).toMatch(/<style>[^<]*\.x-layout/);
    const large = [...reached].filter((c) => readFileSync(`${OUT}${c}`).byteLength > 20_000);
    expect(large.length, page).toBeGreaterThanOrEqual(2);
    for (const c of large) expect(readFileSync(`${OUT}${c}`, 'utf8').startsWith('//# allFunctionsCalledOnLoad\n'), c).toBe(true);
  }
});

test('the page asks for the shown data file once, before the explorer code runs, and the explorer uses that response', async ({ page }) => {
  for (const [search, file] of [['?s=jcsa&w=2025&q=cs_effect&b=employee_size', '/data/jcsa/2025/cube/cs_effect.bin'], ['?s=fullstar&w=2023&q=role', '/data/fullstar/2023/public-use.bin']]) {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`/explore/${search}`);
    await expect(page.locator('[data-role="chart"] svg').first()).toBeVisible();
    expect(requests.filter((r) => r === file), search).toHaveLength(1);
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
    expect(marks['explore:prefetch'], search).toBeLessThan(marks['explore:module']);
    expect(await page.evaluate(() => '__hakushoPrefetch' in globalThis), search).toBe(false); // taken over
    page.removeAllListeners('request');
  }
});

test('issue 11 explorer traps: the 対象者 menu names the base, the table names its banner, numeric questions are labelled as such (summaries, not options in %), an empty view says so', async ({ page }) => {
  // A question asked of a subgroup: the menu's default entry is that subgroup, as the meta line says.
  await page.goto('/explore/?s=fullstar&w=2023&q=csm_accounts_per_person');
  await expect(page.locator('[data-role="chart"] svg').first()).toBeVisible();
  const meta = page.locator('[data-role="meta"]');
  const universeLabel = (await meta.textContent())!.match(/^対象：([^（、]+)/)![1];
  await expect(page.locator('select[name="u"] option:checked')).toHaveText(`設問の対象者全員（${universeLabel}）`);
  await expect(page.locator('select[name="u"] option:checked')).not.toHaveText('全体');
  // Numeric: 数値回答, value classes.
  await expect(meta).toContainText('／数値回答／');
  await expect(page.locator('[data-role="table"] thead th').first()).toHaveText('集計値');
  await expect(page.locator('[data-role="table"] tbody th')).toContainText([/^平均（/, /^中央値（/]);
  // A question asked of everyone keeps 全体; the banner's name is in the table's caption.
  await page.goto('/explore/?s=fullstar&w=2023&q=role&b=employee_size');
  await expect(page.locator('[data-role="chart"] svg').first()).toBeVisible();
  await expect(page.locator('select[name="u"] option:checked')).toHaveText('全体');
  await expect(page.locator('[data-role="meta"]')).toContainText('／単一回答／');
  await expect(page.locator('[data-role="table"] caption')).toContainText('集計軸：');
  const bannerLabel = await page.locator('select[name="b"] option:checked').textContent();
  await expect(page.locator('[data-role="table"] caption')).toContainText(`集計軸：${bannerLabel}`);
  // Nobody matches: a message where the chart would be, not an empty plot.
  await page.goto('/explore/?s=fullstar&w=2023&q=role&f=csm_accounts_per_person:range:999999..');
  await expect(page.locator('[data-role="chart"] .x-empty')).toHaveText(/当てはまる回答者はいません（n=0）/);
  await expect(page.locator('[data-role="chart"] svg')).toHaveCount(0);
  // A cube view whose whole base is withheld says why, where the chart would be.
  await page.goto('/explore/?s=jcsa&w=2025&q=would_start_if_solved');
  await expect(page.locator('[data-role="chart"] .x-empty')).toHaveText(/公開していません/);
  await expect(page.locator('[data-role="meta"]')).toContainText('n=非公開');
  // Percent of responses is never tested: no letters, and no line claiming letters show the differences.
  await page.goto('/explore/?s=jcsa&w=2025&q=cs_challenges&b=employee_size&mp=responses');
  await rendered(page);
  await expect(page.locator('.x-notes')).toContainText('回答数に対する割合のため、有意差検定と信頼区間は示していません');
  await expect(page.locator('[data-role="chi"]')).not.toContainText('英字で示しています');
  expect((await shownTable(page)).rows.flatMap((r) => r.cells).filter((c) => /[A-E]$/.test(c))).toEqual([]);
});
