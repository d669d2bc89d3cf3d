/**
 * The Content-Security-Policy every page carries in a `<meta http-equiv>` tag (Base.astro and the
 * embed page). Scripts are files of the site only (Astro is configured never to inline them);
 * inline styles are allowed because Plot writes style attributes and Astro inlines small
 * stylesheets; images may be data: or blob: URLs (PNG export draws the SVG through a blob: image).
 * `frame-ancestors` cannot be set by a meta tag: hosting sets it as an HTTP header (README,
 * "Hosting").
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * The search page's policy (src/pages/search/): the same, plus 'wasm-unsafe-eval' — Pagefind runs
 * its search in WebAssembly, which a policy must allow by name. Only that page loads Pagefind;
 * every other page keeps CONTENT_SECURITY_POLICY (README, "Hosting").
 */
export const SEARCH_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'");
