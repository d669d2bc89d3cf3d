/** Report structure for pages: waves with their chapters (codebook + MDX collection), in order. */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Chapter } from '../lib/dataset/codebook.ts';
import { allWaves } from './figure-data.ts';
import type { CatalogWave } from '../server/catalog.ts';

export interface ReportChapter {
  /** Chapter id (URL segment). */
  id: string;
  /** Number as printed ("1", "付録"). */
  number: string | undefined;
  title: string;
  summary: string;
  href: string;
  entry: CollectionEntry<'chapters'>;
  codebook: Chapter | undefined;
}

/** Chapters of a wave that have MDX, in `order`. */
export async function chaptersOf(wave: CatalogWave): Promise<ReportChapter[]> {
  const entries = (await getCollection('chapters')).filter((e) => e.data.survey === wave.survey && e.data.wave === wave.wave);
  return entries
    .sort((a, b) => a.data.order - b.data.order)
    .map((entry) => {
      const codebook = wave.codebook.chapters.find((c) => c.id === entry.data.chapter);
      return {
        id: entry.data.chapter,
        number: codebook?.number,
        title: entry.data.title,
        summary: entry.data.summary,
        href: `/${wave.survey}/${wave.wave}/${entry.data.chapter}/`,
        entry,
        codebook,
      };
    });
}

/** "第1章" / "付録" heading prefix. */
export function chapterPrefix(number: string | undefined): string {
  if (!number) return '';
  return /^\d+$/.test(number) ? `第${number}章` : number;
}

/** Report title for headings: shortTitle when given. */
export function reportTitle(wave: CatalogWave): string {
  return wave.codebook.survey.title;
}

/** Waves in display order: by survey, newest wave first. */
export function wavesForHome(): CatalogWave[] {
  return [...allWaves()].sort((a, b) => a.survey.localeCompare(b.survey) || b.wave.localeCompare(a.wave));
}

/** Public, tabulable questions of a wave (pages exist for these). */
export function publicQuestions(wave: CatalogWave) {
  // Free-text questions are always restricted.
  return wave.codebook.questions.filter((q) => q.publication === 'public');
}
