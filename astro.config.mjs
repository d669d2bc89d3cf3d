// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { siteUrl } from './src/lib/site-url.ts';

// HAKUSHO_OUT / HAKUSHO_CACHE let several builds run side by side (e.g. two developers' test runs).
export default defineConfig({
  // The public address, for absolute permalinks in pages and downloads: $HAKUSHO_SITE_URL
  // (README, hosting). Unset, permalinks are site paths; never a placeholder domain.
  site: siteUrl(process.env.HAKUSHO_SITE_URL),
  trailingSlash: 'always',
  integrations: [mdx()],
  build: { format: 'directory' },
  outDir: process.env.HAKUSHO_OUT ?? './dist',
  cacheDir: process.env.HAKUSHO_CACHE ?? './node_modules/.astro',
  devToolbar: { enabled: false },
  // Pages carry a Content-Security-Policy with script-src 'self' and no 'unsafe-eval'
  // (src/lib/csp.ts): scripts are always files, never inlined into the HTML however small (other
  // assets keep Vite's default); stdlib's eval probe for generators is replaced by its answer.
  vite: {
    build: {
      sourcemap: process.env.HAKUSHO_SOURCEMAP === '1',
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
      // Observable Plot and d3 in a chunk of their own: the explorer's two large chunks then
      // stream in and compile on two background threads at once (src/server/fastload.ts).
      rollupOptions: { output: { manualChunks: (id) => (/node_modules\/(@observablehq\/plot|d3-[\w-]+|isoformat|interval-tree-1d|binary-search-bounds)\/|rolldown[:/]runtime/.test(id) ? 'plot' : undefined) } },
    },
    resolve: { alias: { '@stdlib/assert-has-generator-support': fileURLToPath(new URL('./src/client/shims/has-generator-support.cjs', import.meta.url)) } },
  },
});
