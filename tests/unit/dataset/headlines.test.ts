/**
 * Headline figures: every headline in the repo's codebooks computes through <Stat>'s code (no
 * unknown name, no suppressed base), microdata waves have two to four of them, and the figure is
 * the engine's own cell (count / base), not a number typed anywhere.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { statValue } from '../../../src/components/stat.ts';
import { clearCatalogCache, dataRoot, loadCatalog } from '../../../src/server/catalog.ts';
import { validateCodebook } from '../../../src/lib/dataset/validate-codebook.ts';
import { Codebook } from '../../../src/lib/dataset/codebook.ts';

/** Microdata waves, found on disk so that the catalog is loaded inside each test, not at collection. */
const microdata = readdirSync(dataRoot()).flatMap((survey) =>
  readdirSync(`${dataRoot()}/${survey}`).filter((wave) => existsSync(`${dataRoot()}/${survey}/${wave}/responses.csv`)).map((wave) => ({ survey, wave })),
);
// Loaded before each test (the catalog is memoised: cleared first) so that mutation testing can
// trace coverage to a test.
let waves: ReturnType<typeof loadCatalog>['waves'];
beforeEach(() => {
  clearCatalogCache();
  waves = loadCatalog().waves;
});

describe('codebook headlines', () => {
  it('finds every microdata wave of the catalog on disk', () => {
    expect(waves.filter((x) => x.dataset).map((w) => ({ survey: w.survey, wave: w.wave }))).toEqual(microdata);
  });

  for (const { survey, wave } of microdata) {
    it(`${survey}/${wave}: 2–4 headlines, each computed from the data`, () => {
      const w = waves.find((x) => x.survey === survey && x.wave === wave)!;
      expect(w.codebook.headlines.length).toBeGreaterThanOrEqual(2);
      expect(w.codebook.headlines.length).toBeLessThanOrEqual(4);
      for (const h of w.codebook.headlines) {
        const v = statValue({ survey: w.survey, wave: w.wave, ...h });
        expect(v.text).toMatch(h.digits === 0 ? /^\d[\d,]*(%|社|人)?$/ : new RegExp(`^\\d[\\d,]*\\.\\d{${h.digits ?? 1}}(%|社|人)?$`));
        if (h.kind === 'percent') {
          const count = Number(statValue({ survey: w.survey, wave: w.wave, ...h, kind: 'count' }).text.replace(/,/g, ''));
          const n = Number(statValue({ survey: w.survey, wave: w.wave, ...h, kind: 'base' }).text.replace(/,/g, ''));
          // Unweighted waves: the percentage is the count over the base.
          if (!w.codebook.survey.weightColumn) expect(v.text).toBe(`${((count / n) * 100).toFixed(1)}%`);
        }
      }
    });
  }

  it('tables waves carry no headlines (they show published figures instead), and validation says so', () => {
    const tables = waves.filter((x) => !x.dataset);
    for (const w of tables) expect(w.codebook.headlines).toEqual([]);
    const bad = Codebook.parse({ ...tables[0].codebook, headlines: [{ q: 'touch_model', option: 1, label: 'x' }] });
    expect(validateCodebook(bad).map((p) => [p.path.join('.'), p.message])).toEqual([['headlines.0', 'is given for a wave of published tables only']]);
  });

  it('rejects a net that does not exist, a segment without by and a misspelt question', () => {
    const jcsa = waves.find((w) => w.survey === 'jcsa')!.codebook;
    const input = { ...jcsa, headlines: [
      { q: 'cs_effect', net: 'top2', label: 'x' },
      { q: 'industry', option: 1, segment: 1, label: 'x' },
      { q: 'cs_efect', option: 1, label: 'x' },
    ] };
    const problems = validateCodebook(Codebook.parse(input)).filter((p) => p.path[0] === 'headlines');
    expect(problems.map((p) => [p.path.join('.'), p.value, p.message])).toEqual([
      ['headlines.0.net', 'top2', 'is not a net of cs_effect'],
      ['headlines.1.segment', '1', 'names a banner column without by'],
      ['headlines.2.q', 'cs_efect', 'is not a question, grid row (question__row) or derived variable of this codebook — did you mean "cs_effect"?'],
    ]);
  });
});
