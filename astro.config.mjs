// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// HAKUSHO_OUT / HAKUSHO_CACHE let several builds run side by side (e.g. two developers' test runs).
export default defineConfig({
  site: 'https://hakusho.example.org',
  trailingSlash: 'always',
  integrations: [mdx()],
  build: { format: 'directory' },
  outDir: process.env.HAKUSHO_OUT ?? './dist',
  cacheDir: process.env.HAKUSHO_CACHE ?? './node_modules/.astro',
  devToolbar: { enabled: false },
});
