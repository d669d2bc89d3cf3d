/**
 * `npm run preview` / `npm start` honour the port asked for (issue 12, point 7) and refuse a busy
 * one with a message naming it, instead of moving silently to another port.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { previewAddress } from '../../../scripts/preview.ts';

describe('previewAddress', () => {
  it('takes --port, then PORT, then npm\'s --port, then 4321', () => {
    expect(previewAddress([], {})).toEqual({ host: '127.0.0.1', port: 4321, rest: [] });
    expect(previewAddress(['--port', '4400', '--ignore-lock'], { PORT: '5000' })).toEqual({ host: '127.0.0.1', port: 4400, rest: ['--ignore-lock'] });
    expect(previewAddress(['--port=4401'], {})).toMatchObject({ port: 4401 });
    expect(previewAddress([], { PORT: '5000', npm_config_port: '6000' })).toMatchObject({ port: 5000 });
    expect(previewAddress([], { npm_config_port: '6000' })).toMatchObject({ port: 6000 });
    expect(previewAddress(['--host', '0.0.0.0'], { HOST: 'localhost' })).toMatchObject({ host: '0.0.0.0' });
    expect(previewAddress([], { HOST: 'localhost' })).toMatchObject({ host: 'localhost' });
  });
  it('refuses what is not a port, in Japanese', () => {
    expect(previewAddress(['--port', 'abc'], {})).toEqual({ error: 'ポート番号「abc」は使えません。1〜65535 の整数を指定してください（例：PORT=4400 npm start）。' });
    expect(previewAddress([], { PORT: '70000' })).toHaveProperty('error');
    expect(previewAddress([], { PORT: '0' })).toHaveProperty('error');
  });
});

describe('a busy port', () => {
  it('stops the preview with a message that names the port and how to choose another', async () => {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as AddressInfo).port;
    try {
      const r = spawnSync(process.execPath, ['scripts/preview.ts'], { env: { ...process.env, PORT: String(port) }, encoding: 'utf8', timeout: 20_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`ポート ${port}（127.0.0.1）は別のプログラムが使っています。`);
      expect(r.stderr).toContain(`PORT=${port + 1} npm start`);
    } finally {
      server.close();
    }
  });
});
