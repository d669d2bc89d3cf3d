/**
 * The public address of the site, from `$HAKUSHO_SITE_URL` (astro.config.mjs), and the links
 * built from it. Permalinks in pages and downloads are absolute only when the publisher has
 * configured that address; otherwise they are site paths (`/jcsa/2025/ch2/#fig-…`), which the
 * browser resolves against the page and the copy-citation button completes with its address
 * (src/components/chart-client.ts). A placeholder domain is never written.
 */

/** Why `$HAKUSHO_SITE_URL` was refused, in Japanese and English (the build prints it). */
export class SiteUrlError extends Error {}

/**
 * The configured site address, normalised to end with `/`, or undefined when none is set (empty
 * counts as unset). Only the root of an `https:` or `http:` host is accepted — the site's links
 * are root paths (`/jcsa/…`), so it cannot live below a sub-path — without credentials, query or
 * fragment: anything else fails the build (fail closed).
 */
export function siteUrl(raw: string | undefined): string | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SiteUrlError(`HAKUSHO_SITE_URL「${text}」は URL として読めません（例: https://hakusho.example.jp/）。 / HAKUSHO_SITE_URL "${text}" is not a URL (e.g. https://hakusho.example.jp/).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new SiteUrlError(`HAKUSHO_SITE_URL「${text}」の形式「${url.protocol}」は使えません（https: か http: のみ）。 / HAKUSHO_SITE_URL "${text}": scheme "${url.protocol}" is not allowed (only https: or http:).`);
  if (url.username || url.password || url.search || url.hash)
    throw new SiteUrlError(`HAKUSHO_SITE_URL「${text}」にユーザー名・パスワード・クエリ（?）・フラグメント（#）は含められません。 / HAKUSHO_SITE_URL "${text}" must not carry credentials, a query or a fragment.`);
  if (url.pathname !== '/')
    throw new SiteUrlError(`HAKUSHO_SITE_URL「${text}」にパス「${url.pathname}」があります。サイトはホストの直下に置きます（例: https://hakusho.example.jp/）。 / HAKUSHO_SITE_URL "${text}" has the path "${url.pathname}": the site lives at the root of its host (e.g. https://hakusho.example.jp/).`);
  return url.href;
}

/** A link to `path` (a site path starting with `/`, may end in `#anchor`): absolute under `site` when configured, else the path itself. */
export function siteLink(path: string, site: URL | string | undefined): string {
  if (!path.startsWith('/')) throw new Error(`siteLink: "${path}" is not a site path`);
  return site === undefined ? path : new URL(path, site).href;
}
