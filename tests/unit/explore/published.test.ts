/** A wave of published tables in the explorer (issue 11: every crosswalked wave reachable). */
import { describe, it, expect } from 'vitest';
import { loadCatalog } from '../../../src/server/catalog.ts';
import { publishedCrossTab, publishedUniverses } from '../../../src/lib/explore/published.ts';
import { fitToCube, TABLES_RULE } from '../../../src/lib/explore/restriction.ts';
import { catalogWave } from '../../../src/lib/explore/catalog.ts';
import { defaultState } from '../../../src/lib/explore/state.ts';

const wave2024 = () => {
  const w = loadCatalog('data').get('virtualex', '2024')!;
  return { codebook: w.codebook, tables: w.tables! };
};

describe('publishedCrossTab', () => {
  it('is the printed total: share as printed, interval on the printed base, no letters', () => {
    const t = publishedCrossTab(wave2024(), 'cs_effect_felt', 'doing_cs');
    expect(t.columns).toHaveLength(1);
    expect([t.columns[0].n, t.columns[0].caution, t.columns[0].suppressed]).toEqual([500, false, false]);
    expect(t.universeLabel).toBe('CSに取り組んでいる');
    // Only 「効果を感じている」 was printed (61.0 % of an assumed 500): 305 respondents.
    expect(t.rows.map((r) => [r.key, r.label, r.cells[0].proportion, r.cells[0].count])).toEqual([['1', '効果を感じている', 0.61, 305]]);
    // Wilson 95 % on 0.61 of 500: 0.5666 – 0.6518.
    expect(t.rows[0].cells[0].ci!.low).toBeCloseTo(0.5666, 3);
    expect(t.rows[0].cells[0].ci!.high).toBeCloseTo(0.6518, 3);
    expect(t.rows[0].cells[0].letters).toBe('');
    expect(t.chiSquare).toBeNull();
  });
  it('says which universes a question was printed for when another is asked', () => {
    expect(publishedUniverses(wave2024(), 'cs_effect_felt')).toEqual(['doing_cs']);
    expect(() => publishedCrossTab(wave2024(), 'cs_effect_felt', 'all')).toThrow('公表された集計表には、「カスタマーサクセスの効果の実感」の「全体」の集計がありません（あるのは：CSに取り組んでいる）');
    expect(() => publishedCrossTab(wave2024(), 'nope', 'all')).toThrow('公表された集計表に設問「nope」はありません');
  });
});

describe('a published-tables wave in the explorer catalog and state', () => {
  it('offers only the questions it printed, and drops banner and filters with a notice', () => {
    const w = wave2024();
    const entry = catalogWave(w.codebook, '/data/virtualex/2024/tables.json', [], undefined, { cs_effect_felt: ['doing_cs'] });
    expect(entry.mode).toBe('tables');
    expect(entry.variables.map((v) => v.id)).toEqual(['cs_effect_felt']);
    const state = { ...defaultState({ waves: [entry] }), question: 'cs_effect_felt', universe: 'doing_cs', banner: 'cs_engagement', filters: [{ variable: 'cs_engagement', mode: 'in' as const, codes: [1] }] };
    const fitted = fitToCube(state, { ...entry, variables: [...entry.variables, { id: 'cs_engagement', label: 'カスタマーサクセスへの取り組み', text: '', kind: 'coded', type: 'single', options: [], universe: 'all' }] });
    expect([fitted.state.banner, fitted.state.filters]).toEqual([null, []]);
    expect(fitted.notices).toEqual([`${TABLES_RULE}集計軸「カスタマーサクセスへの取り組み」・絞り込み「カスタマーサクセスへの取り組み」を外しました。`]);
    // The universe moves to one the question was printed for, with a notice.
    const everyone = fitToCube({ ...state, banner: null, filters: [], universe: 'all' }, entry);
    expect(everyone.state.universe).toBe('doing_cs');
    expect(everyone.notices).toEqual(['公表された集計表には、この設問の「全体」の集計がないため、対象者を「CSに取り組んでいる」にしました。']);
  });
});

describe('grid rows of a published-tables wave', () => {
  it('take their grid\'s scale and label', () => {
    const w = loadCatalog('data').get('virtualex', '2022')!;
    const row = w.tables!.find((t) => t.question.includes('__'))!;
    const t = publishedCrossTab({ codebook: w.codebook, tables: w.tables! }, row.question, row.universe);
    expect(t.type).toBe('grid-row');
    expect(t.columns[0].n).toBe(row.base);
    expect(t.rows.length).toBe(row.cells.length);
  });
});
