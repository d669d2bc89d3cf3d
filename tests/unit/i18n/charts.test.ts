/**
 * The chart layer in English: a table relabelled for the English site is described, tabulated,
 * exported and framed in English — and Japanese output is exactly what it was.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/server/catalog.ts';
import { crosstab } from '../../../src/lib/stats/crosstab.ts';
import { relabelChartTable, relabelVariable } from '../../../src/lib/i18n/relabel.ts';
import { chartVariable, describe as describeChart, tableCsv, tableModel } from '../../../src/lib/charts/index.ts';
import { provenanceLines } from '../../../src/lib/charts/provenance.ts';
import { baseLine, markNotes } from '../../../src/components/figure-notes.ts';
import type { CrossTab } from '../../../src/lib/stats/types.ts';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
const wave = loadCatalog().get('fullstar', '2023')!;
const ds = wave.dataset!;
const ja = crosstab(ds, { question: 'monthly_churn', banner: 'cs_tool_adoption' });
const en = relabelChartTable(ja, ds.codebook, 'en') as CrossTab;
const variable = chartVariable(ds, 'monthly_churn');
const enVariable = relabelVariable(variable, 'monthly_churn', ds.codebook, 'en');

describe('a banded question by a banner, in English', () => {
  it('the description, table model and notes have no Japanese', () => {
    const text = describeChart(en, enVariable, 'en');
    expect(text).toMatch(/^Base: All respondents \(n=200, single answer\)\. The most common class is “/);
    expect(text).toMatch(/The mean is \d+\.\d%; the median is \d+\.\d%/);
    const model = tableModel(en, enVariable, 'en');
    expect(model.corner).toBe('Option');
    expect(model.head.map((h) => h.label)).toEqual(['Total', ...en.columns.slice(1).map((c) => c.label)]);
    expect(model.body.map((r) => r.label)).toContain('Mean (%)');
    expect(model.body.map((r) => r.label)).toContain('Median class');
    const all = [text, JSON.stringify(model), ...markNotes(en, 'en'), baseLine(en, 'en')].join(' ');
    expect(all).not.toMatch(JAPANESE);
  });

  it('the CSV has an English header and English labels, and the numbers of the Japanese CSV', () => {
    const meta = { survey: 'Fullstar CS Survey 2023', question: 'Which band…?', citation: 'Source', synthetic: true, lang: 'en' as const };
    const csvEn = tableCsv(en, meta, enVariable).replace(/^\uFEFF/, '').split('\r\n');
    const csvJa = tableCsv(ja, { ...meta, lang: undefined }, variable).replace(/^\uFEFF/, '').split('\r\n');
    expect(csvEn[0]).toBe('Survey,Question ID,Question,Answer type,Universe,Banner,Filters,Item,Column,Column base n,Measure,Option,Count,Share (%),95% CI low (%),95% CI high (%),Statistic,Indicative,Significance,Notes,Source,Permalink,Data');
    expect(csvJa[0].startsWith('調査,質問ID,質問')).toBe(true);
    expect(csvEn.length).toBe(csvJa.length);
    expect(csvEn.slice(1).join('\n')).not.toMatch(JAPANESE);
    // Same numbers, row by row: only the words differ.
    const numbers = (line: string) => line.match(/(?<=,)-?\d+(\.\d+)?(?=,)/g);
    csvEn.forEach((line, i) => expect(numbers(line)).toEqual(numbers(csvJa[i])));
  });

  it('the provenance of a downloaded chart is worded in English', () => {
    const lines = provenanceLines({ title: 'T', question: 'Q', universe: 'All respondents', base: 'n=200', filters: [], banner: 'CS tool adoption', source: 'S', synthetic: true, lang: 'en' });
    expect(lines.footer).toEqual(['Base: All respondents (n=200) / Banner: CS tool adoption', 'Source: S', 'Synthetic sample data (generated to reproduce the published figures; not real responses)']);
    const linesJa = provenanceLines({ title: 'T', question: 'Q', universe: '全回答者', base: 'n=200', filters: [], banner: 'CSツールの導入', source: 'S', synthetic: true });
    expect(linesJa.footer[0]).toBe('対象：全回答者（n=200）／集計軸：CSツールの導入');
  });

  it('Japanese is the default everywhere and unchanged by the relabelling', () => {
    expect(describeChart(ja, variable)).toBe(describeChart(ja, variable, 'ja'));
    expect(describeChart(ja, variable)).toMatch(/^対象は全体（n=200、単一回答）。/);
    expect(tableModel(ja, variable).corner).toBe('選択肢');
  });
});
