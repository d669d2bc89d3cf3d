/**
 * The English explorer: the catalog carries the codebooks' English labels, a table computed in
 * the browser is relabelled from it by key (numbers untouched), and citations are worded in English.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/server/catalog.ts';
import { catalogWave } from '../../../src/lib/explore/catalog.ts';
import { publicCodebook } from '../../../src/lib/publicuse/publicity.ts';
import { localCatalog, relabelFromCatalog } from '../../../src/lib/i18n/catalog.ts';
import { crosstab } from '../../../src/lib/stats/crosstab.ts';
import { citationBibtex, citationPlain, citationRis, type CiteView } from '../../../src/lib/explore/cite.ts';
import { chiSquareText, tableNotes } from '../../../src/lib/explore/notes.ts';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
const wave = loadCatalog().get('fullstar', '2023')!;
const ja = { waves: [catalogWave(publicCodebook(wave.codebook), '/data/fullstar/2023/public-use.bin')] };
const en = localCatalog(ja, 'en', (s, w) => loadCatalog().get(s, w)?.codebook);

describe('the English catalog', () => {
  it('has English titles, variables, options and universes, and says it is English', () => {
    expect(en.lang).toBe('en');
    const w = en.waves[0];
    expect(w.title).toBe('Fullstar CS Survey 2023');
    expect(w.publisher).toBe('Cloud CIRCUS, Inc. (Fullstar)');
    const churn = w.variables.find((v) => v.id === 'monthly_churn')!;
    expect(churn.label).toBe('Average monthly churn rate');
    expect(churn.options.map((o) => o.label)).toContain('1% to under 2%');
    const everything = JSON.stringify({ titles: [w.title, w.reportTitle], variables: w.variables.map((v) => [v.label, v.text, v.options]), universes: w.universes });
    expect(everything).not.toMatch(JAPANESE);
    // The Japanese catalog is untouched.
    expect(localCatalog(ja, 'ja', () => undefined)).toBe(ja);
  });

  it('relabels a table computed from the Japanese data by key, keeping every number', () => {
    const t = crosstab(wave.dataset!, { question: 'monthly_churn', banner: 'cs_tool_adoption' });
    const r = relabelFromCatalog(t, en.waves[0], 'en');
    expect(r.columns.map((c) => c.label)).toEqual(['Total', 'Adopted', 'Not adopted', "Don't know"].slice(0, t.columns.length));
    expect(r.rows.find((x) => x.key === '2')?.label).toBe('1% to under 2%');
    expect(r.universeLabel).toBe('All respondents');
    expect(r.rows.map((x) => x.cells.map((c) => c.count))).toEqual(t.rows.map((x) => x.cells.map((c) => c.count)));
    expect(relabelFromCatalog(t, ja.waves[0], 'ja')).toBe(t);
    expect(tableNotes(r, 'en').join(' ')).not.toMatch(JAPANESE);
    expect(chiSquareText(r, 'en')).toMatch(/^χ² test of independence: χ² = [\d.]+, df \d+, p [=<] [\d.]+ \((not )?significant\)/);
  });
});

describe('English citations', () => {
  const view: CiteView = { reportTitle: 'Customer Success Survey, Part 1 (2023 edition)', publisher: 'Cloud CIRCUS, Inc. (Fullstar)', year: '2023', viewTitle: 'Average monthly churn rate (by CS tool adoption)', permalink: 'https://example.org/en/explore/?s=fullstar', accessed: '2026-11-28', synthetic: true, key: 'hakusho-fullstar-2023-monthly_churn', lang: 'en' };
  it('plain, BibTeX and RIS are worded in English', () => {
    expect(citationPlain(view)).toBe('Cloud CIRCUS, Inc. (Fullstar), “Customer Success Survey, Part 1 (2023 edition)” (2023): cross-tabulation of “Average monthly churn rate (by CS tool adoption)”, Hakusho, https://example.org/en/explore/?s=fullstar (accessed 2026-11-28). Note: Synthetic sample data (generated to reproduce the published figures; not real responses)');
    expect(citationBibtex(view)).toContain('title = {Average monthly churn rate (by CS tool adoption) (tabulated from Customer Success Survey, Part 1 (2023 edition))}');
    expect(citationRis(view)).toContain('TI  - Average monthly churn rate (by CS tool adoption) (tabulated from Customer Success Survey, Part 1 (2023 edition))');
    for (const text of [citationPlain(view), citationBibtex(view), citationRis(view)]) expect(text).not.toMatch(JAPANESE);
    // Japanese stays as it was.
    expect(citationPlain({ ...view, lang: undefined })).toContain('の集計、Hakusho、');
  });
});
