/**
 * The frontmatter of an MDX chapter: the content collection's schema (src/content.config.ts)
 * and `npm run validate` (src/server/chapters.ts) check the same fields.
 */
import { z } from 'zod';

export const chapterFrontmatter = z.object({
  /** Chapter title as shown in the contents and the page heading. */
  title: z.string().min(1),
  /** Survey id (data/<survey>/). */
  survey: z.string().min(1),
  /** Wave id (data/<survey>/<wave>/). */
  wave: z.string().min(1),
  /** A chapter id declared in that wave's codebook (chapters:). */
  chapter: z.string().min(1),
  /** Position in the contents. */
  order: z.number(),
  /** One-paragraph summary for the cover and the contents. */
  summary: z.string().min(1),
});

export type ChapterFrontmatter = z.infer<typeof chapterFrontmatter>;
