/**
 * The public CSV and its data package on a hand-made five-row wave, whole: every header, cell and
 * field is asserted, including grid rows, derived variables with and without wording, a multi
 * question the codebook does not know and a universe without a label.
 */
import { describe, expect, it } from 'vitest';
import { publicCsv, dataPackage } from '../../../src/lib/publicuse/tabular.ts';
import type { Question } from '../../../src/lib/dataset/codebook.ts';
import type { Dataset, Variable } from '../../../src/lib/dataset/types.ts';
import { bits, tinyDataset } from './tiny.ts';

/** tiny.ts without its restricted, text and 300-option columns, plus a grid row and more. */
function wave(): Dataset {
  const ds = tinyDataset();
  const variables = new Map(ds.variables);
  for (const id of ['big', 'secret', 'note', 'num']) variables.delete(id);
  const grid: Question = {
    id: 'g', text: '各項目の評価は？', label: '評価', type: 'grid', universe: 'all', publication: 'public', optional: true, reconstructed: false, notes: [],
    rows: [{ id: 'r1', label: '価格' }], options: [{ code: 1, label: '良い' }, { code: 2, label: '悪い' }], nets: [],
  };
  const gridRow: Variable = { kind: 'coded', id: 'g__r1', label: '評価：価格', options: grid.options, index: Int16Array.from([1, 0, -1, 0, 1]), answered: bits([0, 1, 3, 4]) };
  variables.set('g__r1', gridRow);
  // A derived variable with wording, and a multi question missing from the codebook.
  const worded: Variable = { kind: 'coded', id: 'worded', label: '区分', options: [{ code: 7, label: 'x' }], index: Int16Array.from([0, 0, -1, -1, 0]), answered: bits([0, 1, 4]) };
  variables.set('worded', worded);
  variables.set('loose', { kind: 'multi', id: 'loose', label: '外部', options: [{ code: 3, label: 'A' }], chosen: [bits([2])], answered: bits([1, 2]) });
  const derived = new Map(ds.derived);
  derived.set('worded', { id: 'worded', label: '区分', text: '区分の定義', options: [{ code: 7, label: 'x' }], rules: [{ code: 7, when: { q: 'sa', in: [1, 2] } }] });
  const questions = new Map(ds.questions);
  questions.set('g', grid);
  const universes = new Map(ds.universes);
  universes.set('unlabelled', bits([4]));
  return { ...ds, variables, derived, questions, universes };
}

describe('public CSV, cell by cell', () => {
  it('writes the header and every row exactly', () => {
    const csv = publicCsv(wave());
    expect(csv).toBe(
      [
        '\uFEFFsa,ma__1,ma__9,cnt,sa_high,g__r1,worded,loose__3,universe__high,universe__unlabelled,weight',
        '1,1,0,1,1,2,7,,1,0,1',
        '3,0,1,,,1,7,0,0,0,2',
        ',,,0.5,,,,1,0,0,0.5',
        '2,1,1,2,,1,,,0,0,1.5',
        '1,,,-4,1,2,7,,1,1,3',
        '',
      ].join('\r\n'),
    );
  });

  it('writes only the header line for a wave of no rows, and no weight column when unweighted', () => {
    const ds = { ...wave(), n: 0, weights: null };
    expect(publicCsv(ds)).toBe('\uFEFFsa,ma__1,ma__9,cnt,sa_high,g__r1,worded,loose__3,universe__high,universe__unlabelled\r\n');
  });
});

describe('public CSV, never text', () => {
  it('writes no column for a free-text variable, even when the dataset holds one', () => {
    const ds = tinyDataset();
    const withText = { ...wave(), variables: new Map(wave().variables).set('note', ds.variables.get('note')!) };
    const csv = publicCsv(withText);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFsa,ma__1,ma__9,cnt,sa_high,g__r1,worded,loose__3,universe__high,universe__unlabelled,weight');
    expect(csv).not.toContain('よい');
    const fields = (dataPackage(withText, 'x.csv') as { resources: { schema: { fields: { name: string }[] } }[] }).resources[0].schema.fields;
    expect(fields.map((f) => f.name)).not.toContain('note');
  });
});

describe('data package fields', () => {
  it('describes every column: wording from the question, the grid, the derived variable, or none', () => {
    const pkg = dataPackage(wave(), 'data/tiny.csv') as { resources: { schema: { fields: Record<string, unknown>[]; missingValues: string[] } }[] };
    const fields = pkg.resources[0].schema.fields;
    const yesNo = [{ value: 0, label: '非選択' }, { value: 1, label: '選択' }];
    const inOut = [{ value: 0, label: '含まれない' }, { value: 1, label: '含まれる' }];
    expect(fields).toEqual([
      { name: 'sa', type: 'integer', title: '満足度', description: '満足度は？', categories: [{ value: 1, label: '高' }, { value: 2, label: '中' }, { value: 3, label: '低' }], missingValues: [''] },
      { name: 'ma__1', type: 'integer', title: 'ツール：CRM', description: '使うツールは？（1 = 選択、0 = 非選択、空欄 = 回答対象外・無回答）', categories: yesNo, missingValues: [''] },
      { name: 'ma__9', type: 'integer', title: 'ツール：BI', description: '使うツールは？（1 = 選択、0 = 非選択、空欄 = 回答対象外・無回答）', categories: yesNo, missingValues: [''] },
      { name: 'cnt', type: 'number', title: '人数', description: '人数は？', missingValues: [''] },
      { name: 'sa_high', type: 'integer', title: '高満足', categories: [{ value: 1, label: 'はい' }], missingValues: [''] },
      { name: 'g__r1', type: 'integer', title: '評価：価格', description: '各項目の評価は？', categories: [{ value: 1, label: '良い' }, { value: 2, label: '悪い' }], missingValues: [''] },
      { name: 'worded', type: 'integer', title: '区分', description: '区分の定義', categories: [{ value: 7, label: 'x' }], missingValues: [''] },
      { name: 'loose__3', type: 'integer', title: '外部：A', description: '外部（1 = 選択、0 = 非選択、空欄 = 回答対象外・無回答）', categories: yesNo, missingValues: [''] },
      { name: 'universe__high', type: 'integer', title: '対象者：高満足層', description: '1 = この対象者に含まれる', categories: inOut, missingValues: [''] },
      { name: 'universe__unlabelled', type: 'integer', title: '対象者：unlabelled', description: '1 = この対象者に含まれる', categories: inOut, missingValues: [''] },
      { name: 'weight', type: 'number', title: 'ウェイト', missingValues: [''] },
    ]);
    expect(pkg.resources[0].schema.missingValues).toEqual(['']);
  });

  it('describes the package and its one resource', () => {
    const ds = wave();
    expect(dataPackage(ds, 'data/tiny.csv')).toEqual({
      name: 'hakusho-tiny-2026',
      title: '小調査（公開用データ）',
      description: 'testを対象としたwebの回答のうち、公開設問のみを収めたデータです。回答者IDと自由回答は含まず、行の順序は無作為に並べ替えています。合成サンプルデータであり、実在の回答ではありません。',
      version: '2026',
      licenses: [{ name: 'CC0-1.0' }],
      sources: [{ title: 'tests' }],
      keywords: ['カスタマーサクセス', 'survey', 'tiny'],
      resources: [
        expect.objectContaining({
          name: 'responses', path: 'data/tiny.csv', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8-sig',
          dialect: { delimiter: ',', lineTerminator: '\r\n', header: true }, rows: 5,
        }),
      ],
    });
    const real = { ...ds, codebook: { ...ds.codebook, survey: { ...ds.codebook.survey, synthetic: false } } };
    expect((dataPackage(real, 'x.csv') as { description: string }).description).toBe('testを対象としたwebの回答のうち、公開設問のみを収めたデータです。回答者IDと自由回答は含まず、行の順序は無作為に並べ替えています。');
  });
});
