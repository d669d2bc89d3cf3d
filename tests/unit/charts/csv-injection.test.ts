/** CSV downloads: text a spreadsheet would run as a formula is neutralised (OWASP), numbers stay numbers. */
import { describe, it, expect } from 'vitest';
import Papa from 'papaparse';
import { tableCsv, csvCell } from '../../../src/lib/charts/csv.ts';
import { crossTab } from './fixtures.ts';

const HOSTILE = ["-1+cmd|' /C calc'!A0", '=1+1', '+1', '-1', '-5%', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x")', '-', '+', '@'];

describe('csvCell', () => {
  it.each(HOSTILE)('prefixes text %j with an apostrophe', (text) => {
    expect(csvCell(text)).toBe(`'${text}`);
  });
  it('has no "looks like a number" exemption for text', () => {
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('-0.5')).toBe("'-0.5");
    expect(csvCell('+81 3')).toBe("'+81 3");
  });
  it('leaves ordinary text alone', () => {
    for (const text of ['', 'SaaS', '1-9名', '１−９名', ' =1', "'=1", '全体', 'a=b']) expect(csvCell(text)).toBe(text);
  });
  it('writes numbers as numbers, never prefixed', () => {
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(206)).toBe('206');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });
});

describe('tableCsv with hostile labels', () => {
  it('neutralises every label cell and keeps counts numeric', () => {
    const t = crossTab({
      type: 'single',
      totalN: 60,
      columns: [{ key: '1', label: '-1+1', n: 30 }, { key: '2', label: '@x', n: 30 }],
      rows: HOSTILE.slice(0, 6).map((label, i) => ({ key: String(i + 1), label, counts: [10, 5, 5] })),
    });
    const csv = tableCsv(t, { survey: '=s', question: "-1+cmd|' /C calc'!A0", citation: '+c', synthetic: false, banner: '=HYPERLINK("x")', filters: ['-2+3'], notes: ['@SUM(1)'], link: '\thttps://x' });
    const rows = Papa.parse<string[]>(csv.slice(1).trim()).data.slice(1);
    expect(rows.length).toBe(18);
    for (const row of rows) {
      // no cell of a text column starts with a formula character
      for (const i of [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 17, 18, 19, 20, 21, 22]) expect(row[i]).not.toMatch(/^[=+\-@\t\r]/);
      expect(row[2]).toBe("'-1+cmd|' /C calc'!A0");
      expect([row[5], row[6], row[19], row[21]]).toEqual(['\'=HYPERLINK("x")', "'-2+3", "'@SUM(1)", "'\thttps://x"]);
      expect(row[9]).toMatch(/^\d+$/);
      expect(row[12]).toMatch(/^\d+$/);
    }
    expect(new Set(rows.map((r) => r[11]))).toEqual(new Set(HOSTILE.slice(0, 6).map((t) => `'${t}`)));
    expect(new Set(rows.map((r) => r[8]))).toEqual(new Set(['全体', "'-1+1", "'@x"]));
  });
});
