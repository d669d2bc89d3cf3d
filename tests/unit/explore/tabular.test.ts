import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { encodePublicUse, decodePublicUse } from '../../../src/lib/publicuse/index.ts';
import { publicCsv, dataPackage } from '../../../src/lib/publicuse/tabular.ts';
import { syntheticDataset } from '../../../src/lib/publicuse/synthetic.ts';
import { crosstab } from '../../../src/lib/stats/crosstab.ts';

/** Built inside each test (not at module level) so that mutation testing can trace coverage to it. */
function setup() {
  const original = syntheticDataset({ n: 600, questions: 10, seed: 5 });
  const decoded = decodePublicUse(encodePublicUse(original));
  const csv = publicCsv(decoded);
  const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  const pkg = dataPackage(decoded, 'public.csv') as { resources: { schema: { fields: { name: string; type: string }[] }; rows: number }[] };
  return { original, decoded, csv, parsed, pkg };
}

describe('public CSV and data package', () => {
  it('starts with a BOM and parses cleanly, one line per respondent', () => {
    const { original, csv, parsed } = setup();
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.length).toBe(original.n);
  });

  it('describes every CSV column, in order, and nothing else', () => {
    const { original, parsed, pkg } = setup();
    expect(pkg.resources[0].schema.fields.map((f) => f.name)).toEqual(parsed.meta.fields);
    expect(pkg.resources[0].rows).toBe(original.n);
  });

  it('has no id, no free text and no restricted column', () => {
    const { csv, parsed } = setup();
    expect(parsed.meta.fields).not.toContain('id');
    expect(parsed.meta.fields).not.toContain('comment');
    expect(parsed.meta.fields).not.toContain('revenue_exact');
    expect(csv).not.toContain('R000001');
    expect(csv).not.toContain('自由回答');
  });

  it('reproduces the engine counts of the original data', () => {
    const { original, parsed } = setup();
    const counts = new Map<string, number>();
    for (const row of parsed.data) if (row.q1 !== '') counts.set(`${row.segment}/${row.q1}`, (counts.get(`${row.segment}/${row.q1}`) ?? 0) + 1);
    const tab = crosstab(original, { question: 'q1', banner: 'segment', weighted: false });
    for (const row of tab.rows.filter((r) => r.kind === 'option'))
      tab.columns.slice(1).forEach((c, k) => expect(counts.get(`${c.key}/${row.key}`) ?? 0).toBe(row.cells[k + 1].count));
  });
});
