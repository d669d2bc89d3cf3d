/**
 * `npm run preview` (and the second half of `npm start`): serves the built site with
 * `astro preview`. The port comes from `--port <n>` (`npm run preview -- --port 4400`), the `PORT`
 * environment variable (`PORT=4400 npm start`), npm's own `--port` (`npm start --port=4400`), else
 * 4321; the host from `--host <name>` or `HOST`, else 127.0.0.1. A busy port is an error that
 * names it and how to choose another — the site never moves silently to a different port.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PreviewAddress {
  host: string;
  port: number;
  /** Arguments passed on to `astro preview` (everything but --host / --port). */
  rest: string[];
}

/** Where to serve, from the command line and the environment; a message (Japanese) when the port is not a port. */
export function previewAddress(argv: string[], env: Record<string, string | undefined>): PreviewAddress | { error: string } {
  const rest: string[] = [];
  let port: string | undefined;
  let host: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === '--port' || flag === '--host') {
      const value = inline ?? argv[++i];
      if (flag === '--port') port = value;
      else host = value;
    } else rest.push(argv[i]);
  }
  const raw = port ?? env.PORT ?? env.npm_config_port ?? '4321';
  const n = /^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= 1 && n <= 65535)) return { error: `ポート番号「${raw.slice(0, 20)}」は使えません。1〜65535 の整数を指定してください（例：PORT=4400 npm start）。` };
  return { host: host ?? env.HOST ?? '127.0.0.1', port: n, rest };
}

/** Whether something already listens on host:port. */
function busy(host: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) => done(e.code === 'EADDRINUSE' || e.code === 'EACCES'));
    probe.listen(port, host, () => probe.close(() => done(false)));
  });
}

async function main(): Promise<void> {
  const address = previewAddress(process.argv.slice(2), process.env);
  if ('error' in address) {
    console.error(`preview: ${address.error}`);
    process.exit(2);
  }
  const { host, port, rest } = address;
  if (await busy(host, port)) {
    console.error(`preview: ポート ${port}（${host}）は別のプログラムが使っています。別のポートを指定してください：PORT=${port === 4321 ? 4400 : port + 1} npm start、または npm run preview -- --port ${port === 4321 ? 4400 : port + 1}`);
    process.exit(1);
  }
  const astro = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'astro', 'bin', 'astro.mjs');
  const child = spawn(process.execPath, [astro, 'preview', '--host', host, '--port', String(port), ...rest], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
