import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { encodePublicUse, decodePublicUse } from '../../../src/lib/publicuse/index.ts';
import { publicCsv, dataPackage } from '../../../src/lib/publicuse/tabular.ts';
import { syntheticDataset } from '../../../scripts/bench/synthetic.ts';
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

describe('public CSV and data package, field by field', () => {
  it('describes each kind of column exactly: coded, multi option, numeric, universe, weight', () => {
    const { decoded, pkg } = setup();
    const fields = new Map((pkg.resources[0].schema.fields as unknown as Record<string, unknown>[]).map((f) => [f.name as string, f]));
    expect(fields.get('segment')).toEqual({ name: 'segment', type: 'integer', title: '業種', description: '業種をお答えください。', categories: [{ value: 1, label: 'SaaS' }, { value: 2, label: '製造' }, { value: 3, label: '金融' }, { value: 4, label: 'その他' }], missingValues: [''] });
    expect(fields.get('q5__2')).toEqual({
      name: 'q5__2', type: 'integer', title: '施策5：ヘルススコア',
      description: '施策5で実施しているものをすべてお選びください。（1 = 選択、0 = 非選択、空欄 = 回答対象外・無回答）',
      categories: [{ value: 0, label: '非選択' }, { value: 1, label: '選択' }], missingValues: [''],
    });
    expect(fields.get('staff')).toEqual({ name: 'staff', type: 'number', title: 'CS人数', description: 'CS部門の人数をお答えください。', missingValues: [''] });
    expect(fields.get('universe__saas')).toEqual({ name: 'universe__saas', type: 'integer', title: '対象者：SaaS企業', description: '1 = この対象者に含まれる', categories: [{ value: 0, label: '含まれない' }, { value: 1, label: '含まれる' }], missingValues: [''] });
    expect(fields.get('weight')).toEqual({ name: 'weight', type: 'number', title: 'ウェイト', missingValues: [''] });
    expect(fields.has('universe__all')).toBe(false);
    expect([...fields.keys()].filter((k) => k.startsWith('q5__'))).toEqual(['q5__1', 'q5__2', 'q5__3', 'q5__4', 'q5__5', 'q5__6']);
    expect(decoded.weights).not.toBeNull();
  });

  it('writes every value as the decoded data holds it: codes, 1/0/blank, numbers, universes, weights', () => {
    const { decoded, parsed } = setup();
    const segment = decoded.variables.get('segment')!;
    const q1 = decoded.variables.get('q1')!;
    const q5 = decoded.variables.get('q5')!;
    const staff = decoded.variables.get('staff')!;
    const saas = decoded.universes.get('saas')!;
    const bit = (bits: Uint32Array, i: number) => (bits[i >>> 5] >>> (i & 31)) & 1;
    let blanks = 0;
    parsed.data.forEach((row, i) => {
      if (segment.kind !== 'coded' || q1.kind !== 'coded' || q5.kind !== 'multi' || staff.kind !== 'numeric') throw new Error('fixture changed');
      expect(row.segment).toBe(String(segment.options[segment.index[i]].code));
      expect(row.q1).toBe(q1.index[i] < 0 ? '' : String(q1.options[q1.index[i]].code));
      if (q1.index[i] < 0) blanks++;
      expect(row.q5__1).toBe(bit(q5.answered, i) ? String(bit(q5.chosen[0], i)) : '');
      expect(row.staff).toBe(Number.isNaN(staff.values[i]) ? '' : String(staff.values[i]));
      expect(row.universe__saas).toBe(String(bit(saas, i)));
      expect(Number(row.weight)).toBe(decoded.weights![i]);
    });
    expect(blanks).toBeGreaterThan(0);
  });

  it('says what the package is: name, title, synthetic note, licence, source, dialect', () => {
    const { decoded } = setup();
    const s = decoded.codebook.survey;
    const pkg = dataPackage(decoded, 'x/public.csv');
    expect(pkg).toMatchObject({
      name: `hakusho-${s.id}-${s.wave}`,
      title: `${s.title}（公開用データ）`,
      version: s.wave,
      licenses: [{ name: s.licence }],
      sources: [{ title: s.citation }],
      keywords: ['カスタマーサクセス', 'survey', s.id],
    });
    expect(pkg.description).toBe(`${s.population}を対象とした${s.method}の回答のうち、公開設問のみを収めたデータです。回答者IDと自由回答は含まず、行の順序は無作為に並べ替えています。合成サンプルデータであり、実在の回答ではありません。`);
    const resource = (pkg.resources as Record<string, unknown>[])[0];
    expect(resource).toMatchObject({ name: 'responses', path: 'x/public.csv', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8-sig', dialect: { delimiter: ',', lineTerminator: '\r\n', header: true }, rows: decoded.n });
    expect((resource.schema as { missingValues: string[] }).missingValues).toEqual(['']);
    const real = { ...decoded, codebook: { ...decoded.codebook, survey: { ...s, synthetic: false, sourceUrl: 'https://example.org/report' } } };
    const realPkg = dataPackage(real, 'public.csv');
    expect(realPkg.description).not.toContain('合成サンプルデータ');
    expect(realPkg.sources).toEqual([{ title: s.citation, path: 'https://example.org/report' }]);
  });

  it('ends every line with CRLF, the last one too, and has no final blank line', () => {
    const { csv, original } = setup();
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.endsWith('\r\n\r\n')).toBe(false);
    expect(csv.split('\r\n').length).toBe(original.n + 2);
  });
});

describe('public CSV numbers', () => {
  it('writes negative and fractional numbers as numbers, never as apostrophe-prefixed text', () => {
    const { decoded } = setup();
    const staff = decoded.variables.get('staff')!;
    if (staff.kind !== 'numeric') throw new Error('fixture changed');
    const values = staff.values.slice();
    values[0] = -3.5;
    values[1] = Number.NaN;
    const ds = { ...decoded, variables: new Map(decoded.variables).set('staff', { ...staff, values }) };
    const rows = Papa.parse<Record<string, string>>(publicCsv(ds).slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows[0].staff).toBe('-3.5');
    expect(rows[1].staff).toBe('');
  });
});
