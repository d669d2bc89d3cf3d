/**
 * The site's two languages: Japanese at the current URLs (the default), English under `/en/`.
 * Pure (no Astro, no DOM): pages, components and the explorer's client all use it.
 */

export const LANGS = ['ja', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'ja';

/** The URL prefix of a language's pages ('' for Japanese, '/en' for English). */
export function langPrefix(lang: Lang): string {
  return lang === 'ja' ? '' : `/${lang}`;
}

/** The language of a site path (`/en/…` is English, everything else Japanese). */
export function pathLang(pathname: string): Lang {
  return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'ja';
}

/** A site path (`/jcsa/2025/`) in a language (`/en/jcsa/2025/`); the path is given without language prefix. */
export function localPath(path: string, lang: Lang): string {
  return `${langPrefix(lang)}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The path without its language prefix (`/en/jcsa/2025/` → `/jcsa/2025/`). */
export function stripLang(pathname: string): string {
  if (pathname === '/en') return '/';
  return pathname.startsWith('/en/') ? pathname.slice(3) : pathname;
}

/**
 * The pages that exist in both languages, as patterns over the path without prefix (the English
 * site mirrors the reader pages; chapters stay Japanese). `nearest` maps a page without a
 * counterpart to the closest page that has one (a chapter → its report's cover, which summarises
 * every chapter in English); anything else goes to the home page.
 */
const MIRRORED: RegExp[] = [
  /^\/$/,
  /^\/[a-z][a-z0-9_]*\/[0-9a-z-]+\/$/,
  /^\/[a-z][a-z0-9_]*\/[0-9a-z-]+\/questions\/$/,
  /^\/[a-z][a-z0-9_]*\/[0-9a-z-]+\/questions\/[a-z][a-z0-9_]*\/$/,
  /^\/[a-z][a-z0-9_]*\/[0-9a-z-]+\/codebook\/$/,
  /^\/methods\/$/,
  /^\/explore\/$/,
  /^\/guides\/$/,
  /^\/benchmark\/$/,
];
const NOT_REPORTS = new Set(['explore', 'embed', 'guides', 'benchmark', 'methods', 'search', 'editors', 'data', 'en']);

/** Whether a path (without prefix) is a page both languages have. */
function mirrored(bare: string): boolean {
  const first = bare.split('/')[1] ?? '';
  const reportLike = bare !== '/' && /^\/[^/]+\/[^/]+\/$/.test(bare);
  return MIRRORED.some((re) => re.test(bare)) && !(reportLike && NOT_REPORTS.has(first));
}

const withSlash = (pathname: string) => stripLang(pathname.endsWith('/') ? pathname : `${pathname}/`);

/** Whether a path has a page in the other language (not only a fallback). */
export function isMirrored(pathname: string): boolean {
  return mirrored(withSlash(pathname));
}

/**
 * The same page in the other language: the mirrored page when there is one, a chapter's report
 * cover for a chapter, else that language's home. `pathname` is the current page's path.
 */
export function alternatePath(pathname: string, to: Lang): string {
  const bare = withSlash(pathname);
  if (mirrored(bare)) return localPath(bare, to);
  // A chapter (/<survey>/<wave>/<chapter>/): its report's cover.
  const chapter = /^\/([a-z][a-z0-9_]*)\/([0-9a-z-]+)\/[a-z0-9_-]+\/$/.exec(bare);
  if (chapter && !NOT_REPORTS.has(chapter[1])) return localPath(`/${chapter[1]}/${chapter[2]}/`, to);
  return localPath('/', to);
}
