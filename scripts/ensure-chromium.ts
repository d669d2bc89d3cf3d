/**
 * Make sure a Chromium for Playwright exists: nothing to do when `$CHROMIUM_PATH` (default
 * /usr/bin/chromium) answers `--version`; otherwise install Debian's package with apt (as root or
 * with passwordless sudo), retrying, and fail with a clear message.
 */
import { execFileSync, spawnSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function version(): string | null {
  const r = spawnSync(path, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function run(cmd: string[]): boolean {
  const asRoot = process.getuid?.() === 0;
  const argv = asRoot ? cmd : ['sudo', '-n', ...cmd];
  const r = spawnSync(argv[0], argv.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0;
}

const found = version();
if (found) {
  console.log(`chromium: ${found} (${path})`);
} else {
  console.log(`chromium: not found at ${path}; installing Debian's chromium with apt …`);
  let ok = false;
  for (let attempt = 1; attempt <= 3 && !ok; attempt++) {
    ok =
      run(['apt-get', 'update', '-qq']) &&
      run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation', 'fonts-noto-cjk']);
    if (!ok) execFileSync('sleep', [String(5 * attempt)]);
  }
  const now = version();
  if (!now) {
    console.error(
      `chromium: could not install or run ${path}.\n` +
        `Install Chromium yourself (Debian/Ubuntu: apt-get install chromium; elsewhere: npx playwright install chromium)\n` +
        `and point CHROMIUM_PATH at it.`,
    );
    process.exit(1);
  }
  console.log(`chromium: ${now} (${path})`);
}
