/**
 * Content collections. `waves`: every survey wave under data/, validated on every build and dev
 * start (same checks and messages as `npm run validate`). `chapters`: the MDX chapters under
 * content/, whose frontmatter must name a wave and a chapter of its codebook. `guides`: the MDX
 * guides under content/guides/ (src/lib/content/guides.ts), which are not chapters.
 */
import { defineCollection } from 'astro:content';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'zod';
import type { Codebook } from './lib/dataset/codebook.ts';
import type { PublishedTable } from './lib/dataset/types.ts';
import { chapterFrontmatter } from './lib/content/frontmatter.ts';
import { GUIDES_FOLDER, guideFrontmatter } from './lib/content/guides.ts';
import { chapterReferenceProblem, contentRoot, wavesLoader } from './server/content.ts';

const waves = defineCollection({
  loader: wavesLoader(),
  schema: z.object({
    /** Survey id (folder name). */
    survey: z.string(),
    /** Wave id (folder name). */
    wave: z.string(),
    /** Folder of the wave, e.g. data/jcsa/2025. */
    dir: z.string(),
    /** microdata (responses.csv) or tables (published tables.csv). */
    kind: z.enum(['microdata', 'tables']),
    /** Respondents (microdata) or published n (tables). */
    n: z.number().int().nonnegative(),
    /** The validated codebook (already checked by the loader). */
    codebook: z.custom<Codebook>((v) => typeof v === 'object' && v !== null),
    /** Published tables of a tables wave, else null. */
    tables: z.custom<PublishedTable[] | null>((v) => v === null || Array.isArray(v)),
  }),
});

const chapters = defineCollection({
  // $HAKUSHO_CONTENT lets tests build against a fixture folder of chapters.
  // Guides live in the same content folder but are no chapters.
  loader: glob({ pattern: ['**/*.mdx', `!${GUIDES_FOLDER}/**`], base: contentRoot() }),
  // The same fields `npm run validate` checks (src/lib/content/frontmatter.ts).
  schema: chapterFrontmatter.superRefine((data, ctx) => {
    const problem = chapterReferenceProblem(data);
    if (problem) ctx.addIssue({ code: 'custom', path: ['chapter'], message: problem });
  }),
});

/** The guides of the content folder; none (and no warning) when it has no guides folder, as fixture content folders do not. */
function guidesLoader(): Loader {
  const inner = glob({ pattern: '**/*.mdx', base: join(contentRoot(), GUIDES_FOLDER), generateId: ({ entry }) => entry.replace(/\.mdx$/, '') });
  return {
    name: 'hakusho-guides',
    load: async (context) => {
      if (existsSync(join(contentRoot(), GUIDES_FOLDER))) return inner.load(context);
      context.store.clear();
    },
  };
}

const guides = defineCollection({
  loader: guidesLoader(),
  schema: guideFrontmatter,
});

export const collections = { waves, chapters, guides };
