/**
 * A damaged public-use file is refused with a notice in the explorer: no table from wrong numbers,
 * no frozen tab for a header that claims 2^31 − 1 respondents.
 */
import { test, expect } from '@playwright/test';
import { readHeader } from '../../src/lib/publicuse/index.ts';
import { forge } from '../fixtures/publicuse/forge.ts';

const URL = '/explore/?s=fullstar&w=2023&q=company_has_cs_role';

test('the explorer works on the intact file', async ({ page }) => {
  await page.goto(URL);
  await expect(page.locator('[data-role="chart"] > svg')).toBeVisible();
  await expect(page.locator('[data-role="notices"]')).toBeHidden();
});

test('one flipped byte: a notice, no chart', async ({ page }) => {
  await page.route('**/data/fullstar/2023/public-use.bin', async (route) => {
    const bytes = new Uint8Array(await (await route.fetch()).body());
    const { dataStart } = readHeader(bytes);
    bytes[dataStart + 3] ^= 0x01;
    await route.fulfill({ body: Buffer.from(bytes), contentType: 'application/octet-stream' });
  });
  await page.goto(URL);
  await expect(page.locator('[data-role="notices"]')).toContainText('公開用データが壊れています（チェックサムが一致しません）');
  await expect(page.locator('[data-role="chart"] > svg')).toHaveCount(0);
});

test('a header claiming n = 2^31 − 1 (with a valid checksum): a notice at once, no freeze', async ({ page }) => {
  await page.route('**/data/fullstar/2023/public-use.bin', async (route) => {
    // A forged file: the header rewritten with the claim, length and checksum fixed up.
    const out = forge(new Uint8Array(await (await route.fetch()).body()), (header) => (header.n = 2 ** 31 - 1));
    await route.fulfill({ body: Buffer.from(out), contentType: 'application/octet-stream' });
  });
  const t0 = Date.now();
  await page.goto(URL);
  await expect(page.locator('[data-role="notices"]')).toContainText('n = 2147483647', { timeout: 5_000 });
  expect(Date.now() - t0).toBeLessThan(5_000);
  await expect(page.locator('[data-role="chart"] > svg')).toHaveCount(0);
});
