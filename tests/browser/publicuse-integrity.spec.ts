/**
 * A damaged public-use file is refused with a notice in the explorer: no table from wrong numbers,
 * no frozen tab for a header that claims 2^31 − 1 respondents.
 */
import { test, expect } from '@playwright/test';
import { readHeader, PREAMBLE, crc32 } from '../../src/lib/publicuse/index.ts';

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
    const bytes = new Uint8Array(await (await route.fetch()).body());
    // A forged file: the header rewritten with the claim, length and checksum fixed up.
    const length = new DataView(bytes.buffer).getUint32(8, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREAMBLE, PREAMBLE + length))) as { n: number };
    header.n = 2 ** 31 - 1;
    const json = new TextEncoder().encode(JSON.stringify(header));
    const oldStart = Math.ceil((PREAMBLE + length) / 8) * 8;
    const start = Math.ceil((PREAMBLE + json.byteLength) / 8) * 8;
    const out = new Uint8Array(start + bytes.byteLength - oldStart);
    out.set(bytes.subarray(0, PREAMBLE));
    out.set(json, PREAMBLE);
    out.set(bytes.subarray(oldStart), start);
    const view = new DataView(out.buffer);
    view.setUint32(8, json.byteLength, true);
    view.setUint32(12, crc32(out.subarray(PREAMBLE)), true);
    await route.fulfill({ body: Buffer.from(out), contentType: 'application/octet-stream' });
  });
  const t0 = Date.now();
  await page.goto(URL);
  await expect(page.locator('[data-role="notices"]')).toContainText('n = 2147483647', { timeout: 5_000 });
  expect(Date.now() - t0).toBeLessThan(5_000);
  await expect(page.locator('[data-role="chart"] > svg')).toHaveCount(0);
});
