/**
 * A trend's CSV titles and cites each wave by its own report, with the question's answer type in
 * that wave (issue 12, point 6): earlier waves were titled with the latest report and typed SA.
 */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { loadCatalog } from '../../../src/server/catalog.ts';
import { trend, type TrendWave } from '../../../src/lib/stats/trend.ts';
import { tableCsv } from '../../../src/lib/charts/csv.ts';
import type { TrendTable } from '../../../src/lib/charts/types.ts';
import { trendSources, wordingNotes } from '../../../src/lib/charts/trend-notes.ts';
import { chartSpec } from '../../../src/lib/charts/index.ts';

describe('trend CSV provenance per wave', () => {
  it('names each wave\'s own report and citation, and the answer type there', () => {
    const catalog = loadCatalog('data');
    const waves: TrendWave[] = ['2022', '2023', '2024'].map((id) => {
      const w = catalog.get('virtualex', id)!;
      return w.dataset ? { codebook: w.codebook, dataset: w.dataset } : { codebook: w.codebook, tables: w.tables! };
    });
    const t = trend(waves, 'cs_effect_felt', { universe: 'doing_cs' });
    expect(t.waves.map((w) => [w.wave, w.title, w.type])).toEqual([
      ['2022', '2022年カスタマーサクセスに関する実態調査', 'ordinal'],
      ['2023', '2023年カスタマーサクセスに関する調査', 'ordinal'],
      ['2024', '2024年カスタマーサクセス日本市場動向&実態調査', 'ordinal'],
    ]);
    const table: TrendTable = { type: 'trend', question: 'cs_effect_felt', universeLabel: 'CSに取り組んでいる', waves: [...new Set(t.points.map((p) => p.wave))], points: t.points, waveInfo: t.waves };
    const rows = Papa.parse<Record<string, string>>(tableCsv(table, { survey: 'latest report', question: 'q', citation: 'latest citation', synthetic: true }).slice(1).trim(), { header: true }).data;
    const byWave = new Map(rows.map((r) => [r['項目'], r]));
    expect([...byWave.keys()].sort()).toEqual(table.waves);
    for (const w of t.waves.filter((x) => byWave.has(x.wave))) {
      const r = byWave.get(w.wave)!;
      expect(r['調査']).toBe(`${w.title}（${w.wave}）`);
      expect(r['出典']).toContain(w.citation.replace(/^出典：/, ''));
      expect(r['出典']).not.toContain('latest citation');
    }
    // A multi-answer question in a wave says MA there.
    const [first, second] = table.waves;
    expect(second).toBeDefined();
    const multi: TrendTable = { ...table, waveInfo: t.waves.map((w) => (w.wave === first ? { ...w, type: 'multi' } : w)) };
    const typed = Papa.parse<Record<string, string>>(tableCsv(multi, { survey: 's', question: 'q', citation: 'c', synthetic: true }).slice(1).trim(), { header: true }).data;
    expect(new Set(typed.filter((r) => r['項目'] === first).map((r) => r['回答形式']))).toEqual(new Set(['MA']));
    expect(new Set(typed.filter((r) => r['項目'] === second).map((r) => r['回答形式']))).toEqual(new Set(['SA']));
  });
  it('cites a trend figure by each wave\'s own report (one citation when all waves share it)', () => {
    const info = (wave: string, citation: string) => ({ wave, title: 't', citation, synthetic: true, question: 'q', type: 'single' });
    const strip = (c: string) => c.replace(/^出典：/, '');
    expect(trendSources({ waves: ['2022', '2023'], waveInfo: [info('2022', '出典：A'), info('2023', '出典：B')] }, strip)).toBe('2022年：A／2023年：B');
    expect(trendSources({ waves: ['2023'], waveInfo: [info('2022', '出典：A'), info('2023', '出典：B')] }, strip)).toBe('B');
    expect(trendSources({ waves: ['2022', '2023'], waveInfo: [info('2022', '出典：A'), info('2023', '出典：A')] })).toBe('出典：A');
    expect(trendSources({ waves: ['2022'] })).toBeNull();
  });
});

describe('wording that changed between waves (issue 12)', () => {
  it('is noted on the trend: a relabelled option and a reworded question, by wave', () => {
    const info = (wave: string, text: string, labels: Record<number, string>) => ({ wave, title: 't', citation: 'c', synthetic: true, question: 'q', type: 'single', text, labels });
    const points = [1, 2].flatMap((option) => ['2025', '2026'].map((wave) => ({ wave, option, label: option === 1 ? '感じている' : 'ない' })));
    const table = { waves: ['2025', '2026'], points, waveInfo: [info('2025', '効果はありますか', { 1: 'ある', 2: 'ない' }), info('2026', '効果を感じていますか', { 1: '感じている', 2: 'ない' })] };
    expect(wordingNotes(table)).toEqual([
      '設問文は調査回で異なります（2025年：「効果はありますか」。最新は「効果を感じていますか」）。',
      '選択肢「感じている」は調査回で表記が異なります（2025年：「ある」）。',
    ]);
    expect(wordingNotes({ ...table, waveInfo: [info('2025', 'x', { 1: '感じている', 2: 'ない' }), info('2026', 'x', { 1: '感じている', 2: 'ない' })] })).toEqual([]);
    // The chart carries them among its notes.
    const t: TrendTable = { type: 'trend', question: 'q', universeLabel: '全体', waves: table.waves, points: points.map((p) => ({ ...p, question: 'q', code: p.option, proportion: 0.4, ci: null, base: 100, effectiveBase: 100, weightedBase: 100, source: 'microdata' as const })), waveInfo: table.waveInfo };
    expect(chartSpec(t, { width: 640 }).notes).toEqual(expect.arrayContaining(['選択肢「感じている」は調査回で表記が異なります（2025年：「ある」）。']));
  });
  it('is read by the trend engine through a recode: labels by the latest wave\'s code', () => {
    const catalog = loadCatalog('data');
    const waves: TrendWave[] = ['2022', '2023'].map((id) => {
      const w = catalog.get('virtualex', id)!;
      return w.dataset ? { codebook: w.codebook, dataset: w.dataset } : { codebook: w.codebook, tables: w.tables! };
    });
    const t = trend(waves, 'cs_effect_felt', { universe: 'doing_cs' });
    const latest = t.waves[t.waves.length - 1];
    const options = catalog.get('virtualex', '2023')!.codebook.questions.find((q) => q.id === 'cs_effect_felt')!;
    expect(latest.labels).toEqual(Object.fromEntries(('options' in options ? options.options : []).map((o) => [o.code, o.label])));
    expect(latest.text).toBe(options.text);
  });
});
