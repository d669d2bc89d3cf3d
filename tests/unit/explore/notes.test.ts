import { describe, expect, it } from 'vitest';
import { crosstab } from '../../../src/lib/stats/crosstab.ts';
import { syntheticDataset } from '../../../scripts/bench/synthetic.ts';
import { chiSquareText, tableNotes } from '../../../src/lib/explore/notes.ts';

/** Built inside each test (not at module level) so that mutation testing can trace coverage to it. */
const setup = () => ({ ds: syntheticDataset({ n: 600, questions: 6, seed: 5 }) });

describe('tableNotes', () => {
  it('names the banner columns left out because nobody is in them', () => {
    const { ds } = setup();
    const tab = crosstab(ds, { question: 'q1', banner: 'segment', universe: 'saas' });
    const empty = tab.columns.filter((c) => c.n === 0).map((c) => c.label);
    expect(empty).toEqual(['製造', '金融', 'その他']);
    expect(tableNotes(tab)).toContain('該当する回答者がいない列（製造、金融、その他）は表に含めていません。');
  });

  it('says nothing about empty columns when every column has respondents', () => {
    const { ds } = setup();
    const tab = crosstab(ds, { question: 'q1', banner: 'segment' });
    expect(tab.columns.every((c) => c.n > 0)).toBe(true);
    expect(tableNotes(tab).some((n) => n.includes('該当する回答者がいない列'))).toBe(false);
  });
});

describe('chiSquareText', () => {
  it('names Rao–Scott’s F with both degrees of freedom for a weighted (design-based) table, Pearson’s χ² with Kish', () => {
    const { ds } = setup();
    expect(ds.weights).not.toBeNull();
    const design = crosstab(ds, { question: 'q1', banner: 'segment' });
    const c = design.chiSquare!;
    expect(chiSquareText(design)).toMatch(new RegExp(`^独立性の検定（Rao–Scott 補正、標本設計に基づく）：F = ${c.statistic.toFixed(2)}、自由度 \\(${c.df.toFixed(2)}, ${c.ddf!.toFixed(1)}\\)、`));
    const kish = crosstab(ds, { question: 'q1', banner: 'segment' }, { variance: 'kish' });
    expect(chiSquareText(kish)).toMatch(new RegExp(`^独立性の χ² 検定：χ² = ${kish.chiSquare!.statistic.toFixed(2)}、自由度 ${kish.chiSquare!.df}、`));
  });
});
