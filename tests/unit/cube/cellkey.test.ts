/** Record keys: from the secret, stable, 24-bit; a real wave without a secret fails closed. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { configuredSecret, recordKeys, secretFor, SECRET_ENV } from '../../../src/server/cellkey.ts';
import { loadCatalog } from '../../../src/server/catalog.ts';

const saved = process.env[SECRET_ENV];
afterEach(() => {
  if (saved === undefined) delete process.env[SECRET_ENV];
  else process.env[SECRET_ENV] = saved;
  vi.restoreAllMocks();
});

describe('record keys', () => {
  it('are 24-bit integers, the same for the same secret and id, different for another secret', () => {
    const ds = loadCatalog('data').get('fullstar', '2023')!.dataset!;
    const a = recordKeys(ds, { secret: 'one secret', source: 'env' });
    const b = recordKeys(ds, { secret: 'one secret', source: 'env' });
    const c = recordKeys(ds, { secret: 'another secret', source: 'env' });
    expect(a).toEqual(b);
    for (const k of a) expect(Number.isInteger(k) && k >= 0 && k < 2 ** 24).toBe(true);
    expect([...a].filter((k, i) => k === c[i]).length).toBeLessThan(3);
    expect(new Set(a).size).toBeGreaterThan(ds.n - 3);
  });

  it('read the secret from the environment, then from data/.cellkey-secret', () => {
    const root = mkdtempSync(join(tmpdir(), 'hakusho-secret-'));
    delete process.env[SECRET_ENV];
    expect(configuredSecret(root)).toBeNull();
    writeFileSync(join(root, '.cellkey-secret'), '  file secret \n');
    expect(configuredSecret(root)).toEqual({ secret: 'file secret', source: 'file' });
    process.env[SECRET_ENV] = 'env secret';
    expect(configuredSecret(root)).toEqual({ secret: 'env secret', source: 'env' });
  });

  it('fail the build for real data without a secret, and warn (once) for synthetic samples', () => {
    const root = mkdtempSync(join(tmpdir(), 'hakusho-secret-'));
    delete process.env[SECRET_ENV];
    const ds = loadCatalog('data').get('jcsa', '2025')!.dataset!;
    const real = { ...ds, codebook: { ...ds.codebook, survey: { ...ds.codebook.survey, synthetic: false } } };
    expect(() => secretFor(real, root)).toThrow(/集計値公開モード（publish: aggregates）の調査には撹乱用の秘密鍵が必要です。環境変数 HAKUSHO_CELL_KEY_SECRET/);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(secretFor(ds, root).source).toBe('sample');
    secretFor(ds, root);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toContain('合成サンプルデータ用の公開鍵');
  });
});
