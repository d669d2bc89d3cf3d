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
