import { defineConfig } from '@playwright/test';

// HAKUSHO_PORT / HAKUSHO_OUT let two checkouts' browser tests run side by side.
const port = Number(process.env.HAKUSHO_PORT ?? 4321);

export default defineConfig({
  testDir: 'tests/browser',
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    locale: 'ja-JP',
  },
  webServer: {
    // The README's own preview script (it honours --port); --ignore-lock: a stale lock file left by
    // a killed preview (its PID reused) must not stop the tests.
    command: `node scripts/preview.ts --port ${port} --ignore-lock`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
