/**
 * Guides (README "Guides"): MDX pages under content/guides/ that explain practice — KPIs, CS
 * organisation — and quote survey figures through the same components as chapters. A guide is a
 * folder `content/guides/<guide>/` with a cover, `index.mdx` (/guides/<guide>/), and optional
 * pages `<page>.mdx` (/guides/<guide>/<page>/). The content collection (src/content.config.ts)
 * and `npm run validate` (src/server/chapters.ts) read the same frontmatter and routes from here.
 */
import { z } from 'zod';

/** The folder of the content root that holds guides (not chapters). */
export const GUIDES_FOLDER = 'guides';

export const guideFrontmatter = z.object({
  /** Page title (the cover's title is the guide's name). */
  title: z.string().min(1),
  /** One paragraph shown under the title and in the guide's list of pages. */
  summary: z.string().min(1),
  /** Position in the guide's list of pages (covers: position in the list of guides). */
  order: z.number(),
});

export type GuideFrontmatter = z.infer<typeof guideFrontmatter>;

/** Guide and page ids: lower case letters, digits and hyphens, as in a URL. */
const SEGMENT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface GuideRoute {
  /** The guide: the folder under content/guides/. */
  guide: string;
  /** The page, or null for the guide's cover (index.mdx). */
  page: string | null;
  /** The page's address. */
  href: string;
}

/**
 * The route of a guide file from its path under content/guides/ (`kpi/churn.mdx`, `kpi/index.mdx`,
 * also without the extension); an error in Japanese (for validate) when the path cannot be one.
 */
export function guideRoute(path: string): GuideRoute | { error: string } {
  const parts = path.replace(/\\/g, '/').replace(/\.mdx$/, '').split('/');
  if (parts.length !== 2) return { error: `ガイドのファイルは ${GUIDES_FOLDER}/<ガイド>/index.mdx（ガイドの表紙）か ${GUIDES_FOLDER}/<ガイド>/<ページ>.mdx に置きます（「${path}」）。` };
  const [guide, page] = parts;
  for (const segment of parts) {
    if (!SEGMENT.test(segment)) return { error: `ガイドのフォルダ名とファイル名は、URLになるため小文字の英数字とハイフンで書きます（「${segment}」）。` };
  }
  return page === 'index' ? { guide, page: null, href: `/${GUIDES_FOLDER}/${guide}/` } : { guide, page, href: `/${GUIDES_FOLDER}/${guide}/${page}/` };
}

/** Whether a path under the content root is a guide's (`guides/…`), not a chapter's. */
export const isGuidePath = (path: string): boolean => path.replace(/\\/g, '/').startsWith(`${GUIDES_FOLDER}/`);
