/**
 * Vitest config for component tests that render .astro files with Astro's container API (needs
 * Astro's Vite plugins). Run by tests/browser/escaping.spec.ts, which then loads the HTML into
 * Chromium; not picked up by the default unit-test config (file names end in .astro-test.ts).
 */
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/unit/charts/**/*.astro-test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
