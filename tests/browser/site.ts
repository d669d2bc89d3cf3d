/**
 * Helpers for browser tests of the built report site: the pages in the build output and a
 * crawler that follows every internal link.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { APIRequestContext } from '@playwright/test';

/** Build output the preview server serves. */
export const OUT = process.env.HAKUSHO_OUT ?? 'dist';

/** Every file of the build whose name passes `keep`, as its path inside OUT (`jcsa/2025/ch1/index.html`). */
export function builtFiles(keep: (name: string) => boolean): string[] {
  if (!existsSync(OUT)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (keep(name)) out.push(relative(OUT, p).split(sep).join('/'));
    }
  };
  walk(OUT);
  return out.sort();
}

/** Site paths ("/jcsa/2025/ch1/") of every HTML page in the build. */
export function builtPages(): string[] {
  return builtFiles((name) => name === 'index.html')
    .map((f) => `/${f.slice(0, -'index.html'.length)}`)
    .sort();
}

/** Report chapter pages: /<survey>/<wave>/<chapter>/ (not questions or codebook, nor a guide's page /guides/<guide>/<page>/, nor an English cover /en/<survey>/<wave>/). */
export function chapterPages(): string[] {
  return builtPages().filter((p) => /^\/[^/]+\/[^/]+\/[^/]+\/$/.test(p) && !/\/(questions|codebook)\/$/.test(p) && !p.startsWith('/data/') && !p.startsWith('/guides/') && !p.startsWith('/en/'));
}

/** Pages of the report (everything except the explorer's and embed pages, tested by their owner). */
export function reportPages(): string[] {
  return builtPages().filter((p) => !p.startsWith('/explore/') && !p.startsWith('/embed/'));
}

export interface CrawlResult {
  /** HTML of every page reached. */
  pages: Map<string, string>;
  /** Every internal link target (path + optional #fragment) → pages linking to it. */
  links: Map<string, Set<string>>;
  /** Non-HTML targets and their HTTP status. */
  status: Map<string, number>;
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

/** Internal links (href/src) of an HTML page, resolved against its path. */
export function linksOf(html: string, from: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    const raw = decode(m[1]);
    if (/^(data|mailto|javascript):/i.test(raw)) continue;
    const url = new URL(raw, `http://site${from}`);
    if (url.host !== 'site') continue;
    out.push(url.pathname + url.hash);
  }
  return out;
}

/** Follows every internal link from `/`, fetching each page and file once. */
export async function crawl(request: APIRequestContext): Promise<CrawlResult> {
  const pages = new Map<string, string>();
  const links = new Map<string, Set<string>>();
  const status = new Map<string, number>();
  const queue = ['/'];
  links.set('/', new Set(['(start)']));
  while (queue.length > 0) {
    const path = queue.shift() as string;
    const res = await request.get(path);
    status.set(path, res.status());
    if (!res.ok() || !(res.headers()['content-type'] ?? '').includes('text/html')) continue;
    const html = await res.text();
    pages.set(path, html);
    for (const link of linksOf(html, path)) {
      if (!links.has(link)) links.set(link, new Set());
      links.get(link)?.add(path);
      const target = link.split('#')[0];
      if (!status.has(target) && !queue.includes(target)) {
        status.set(target, 0);
        queue.push(target);
      }
    }
  }
  return { pages, links, status };
}
