/**
 * The numbers of a codebook page (`/<survey>/<wave>/codebook/`): n per universe and the
 * frequencies of every public variable, computed by the engine with the question pages' view
 * (`protected`): for a `publish: microdata` wave from the respondent rows (public anyway), for a
 * `publish: aggregates` wave from the protected cube (perturbed counts, withheld columns); a wave of
 * published tables has none. Suppression and marks are the charts' own (frequencies.ts, fmt.ts).
 */
import type { CatalogWave } from '../server/catalog.ts';
import { frequencies, type Frequencies } from '../lib/charts/frequencies.ts';
import { baseText } from '../lib/charts/fmt.ts';
import { publicUniverseIds } from '../lib/publicuse/publicity.ts';
import { tableFor } from './figure-data.ts';

/** Where a codebook page's numbers come from. */
export type CodebookNumbers = 'rows' | 'cube' | 'none';

export function codebookNumbers(wave: CatalogWave): CodebookNumbers {
  if (!wave.dataset) return 'none';
  return wave.codebook.survey.publish === 'aggregates' ? 'cube' : 'rows';
}

/** A universe's size: "n=257" (or "n=非公開"), with the table flags behind it. */
export interface UniverseSize {
  base: string;
  suppressed: boolean;
  caution: boolean;
}

/**
 * n of every public universe (and `all`), from the total column of a public question asked of
 * everyone (its base is the universe, 無回答 included), in the page's view. Empty when the wave has
 * no respondent data or no such question.
 */
export function universeSizes(wave: CatalogWave): Map<string, UniverseSize> {
  const out = new Map<string, UniverseSize>();
  if (!wave.dataset) return out;
  const probe = wave.codebook.questions.find((q) => q.publication === 'public' && q.universe === 'all' && q.type !== 'grid');
  if (!probe) return out;
  const published = publicUniverseIds(wave.codebook);
  for (const id of ['all', ...wave.codebook.universes.map((u) => u.id).filter((u) => published.has(u))]) {
    const col = tableFor(wave, { question: probe.id, ...(id === 'all' ? {} : { universe: id }) }, 'protected').columns[0];
    out.set(id, { base: baseText(col), suppressed: col.suppressed || Boolean(col.withheld), caution: col.caution });
  }
  return out;
}

/** Frequencies of a public question, grid row or derived variable on its own base (page view). */
export function variableFrequencies(wave: CatalogWave, id: string): Frequencies {
  return frequencies(tableFor(wave, { question: id }, 'protected'));
}
