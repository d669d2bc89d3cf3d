/**
 * Astro content-layer glue for survey data: the `waves` loader (every wave, validated exactly
 * like `npm run validate`, failing `astro build` and `astro dev` with the same messages) and the
 * check that an MDX chapter's survey/wave/chapter resolve in a codebook.
 */
import { resolve, sep } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { Codebook } from '../lib/dataset/codebook.ts';
import type { PublishedTable } from '../lib/dataset/types.ts';
import { ProblemsError } from '../lib/dataset/problem.ts';
import { clearCatalogCache, dataRoot, loadCatalog, problemLanguage } from './catalog.ts';
import { closestField } from '../lib/dataset/schema-errors.ts';
import { prepareWorkbooks } from './workbook.ts';
import { prefetchCubes } from './cube.ts';

/** What the `waves` collection stores per wave (`survey/wave` id). Datasets stay in memory: use `loadCatalog()`. */
export interface WaveEntry {
  survey: string;
  wave: string;
  dir: string;
  kind: 'microdata' | 'tables';
  /** Respondents in responses.csv (microdata) or published n (tables). */
  n: number;
  codebook: Codebook;
  tables: PublishedTable[] | null;
  [key: string]: unknown;
}

async function syncWaves({ store, parseData, generateDigest }: LoaderContext, root: string): Promise<void[]> {
  clearCatalogCache();
  await prepareWorkbooks(root);
  const catalog = loadCatalog(root);
  store.clear();
  return Promise.all(
    catalog.waves.map(async (w) => {
      const id = `${w.survey}/${w.wave}`;
      const entry: WaveEntry = {
        survey: w.survey,
        wave: w.wave,
        dir: w.dir,
        kind: w.codebook.survey.kind,
        n: w.dataset?.n ?? w.codebook.survey.n,
        codebook: w.codebook,
        tables: w.tables ?? null,
      };
      const data = await parseData({ id, data: entry });
      store.set({ id, data, digest: generateDigest(JSON.stringify(entry)) });
    }),
  );
}

/** The `waves` collection loader: throws one error listing every data problem. */
export function wavesLoader(root = dataRoot()): Loader {
  return {
    name: 'hakusho-waves',
    async load(context) {
      const { watcher, logger } = context;
      await syncWaves(context, root);
      // A build: the protected cubes start building on the other cores now, while Astro bundles.
      if (!watcher) {
        prefetchCubes(loadCatalog(root).waves, root);
        return;
      }
      const folder = resolve(root) + sep;
      watcher.add(root);
      const resync = async (path: string) => {
        if (!resolve(path).startsWith(folder)) return;
        try {
          await syncWaves(context, root);
          logger.info(problemLanguage() === 'ja' ? `${path} が変わったので調査データを読み直しました` : `survey data reloaded after a change to ${path}`);
        } catch (error) {
          logger.error(error instanceof ProblemsError ? error.message : String(error));
        }
      };
      watcher.on('change', resync);
      watcher.on('add', resync);
      watcher.on('unlink', resync);
    },
  };
}

/** The folder of MDX chapters: `content`, or `$HAKUSHO_CONTENT` (tests point builds at fixture folders with it). */
export function contentRoot(): string {
  return process.env.HAKUSHO_CONTENT ?? 'content';
}

/**
 * Problem with an MDX chapter's frontmatter reference to the data, or null when it resolves; in
 * Japanese unless `lang` is `en`, with a guess when a name is close to one that exists.
 */
export function chapterReferenceProblem(ref: { survey: string; wave: string; chapter: string }, lang = problemLanguage()): string | null {
  const wave = loadCatalog().get(ref.survey, ref.wave);
  if (!wave) {
    const known = loadCatalog().waves.map((w) => `${w.survey}/${w.wave}`);
    // A survey id may be misspelt; wave ids are years, where one digit off is another wave, not a typo.
    const surveys = [...new Set(loadCatalog().waves.map((w) => w.survey))];
    const near = surveys.includes(ref.survey) ? undefined : closestField(ref.survey, surveys);
    const guess = near === undefined ? undefined : known.includes(`${near}/${ref.wave}`) ? `${near}/${ref.wave}` : near;
    if (lang === 'en') return `survey/wave "${ref.survey}/${ref.wave}" is not under ${dataRoot()}/${guess ? ` — did you mean "${guess}"?` : ''} (expected one of ${known.join(', ') || 'none yet'})`;
    return `調査/調査回 "${ref.survey}/${ref.wave}" は ${dataRoot()}/ にありません${guess ? `（もしかして: ${guess}）` : ''}（想定: ${known.length ? `${known.join(', ')} のいずれか` : 'まだありません'}）`;
  }
  const chapters = wave.codebook.chapters.map((c) => c.id);
  if (!chapters.includes(ref.chapter)) {
    const guess = closestField(ref.chapter, chapters);
    if (lang === 'en') return `chapter "${ref.chapter}" is not a chapter of ${wave.dir}/codebook.yaml${guess ? ` — did you mean "${guess}"?` : ''} (expected one of ${chapters.join(', ') || 'none: add chapters: to the codebook'})`;
    return `章 "${ref.chapter}" は ${wave.dir}/codebook.yaml の章にありません${guess ? `（もしかして: ${guess}）` : ''}（想定: ${chapters.length ? `${chapters.join(', ')} のいずれか` : 'なし。コードブックに chapters: を書いてください'}）`;
  }
  return null;
}
