/**
 * The public-use data for use outside the site: a CSV of the public columns and a
 * Frictionless-style `datapackage.json` describing it. Both are written from a DECODED public-use
 * dataset, so they hold exactly what the explorer's file holds (same rows, same shuffled order,
 * no ids, no free text, no restricted columns).
 */
import type { Dataset } from '../dataset/types.ts';
import { getBit as hasBit } from '../dataset/bitset.ts';
import { csvRows, type CsvValue } from '../charts/csv.ts';

/** One CSV column: its name, Frictionless field description and per-row value. */
interface ColumnSpec {
  field: DataField;
  /** A number, or null for a blank cell (never text: a text cell could be read as a formula). */
  value: (row: number) => number | null;
}

/** A field of the Table Schema (https://specs.frictionlessdata.io/table-schema/). */
export interface DataField {
  name: string;
  type: 'integer' | 'number' | 'boolean';
  title: string;
  description?: string;
  /** Coded answers: the codes and their labels. */
  categories?: { value: number; label: string }[];
  missingValues?: string[];
}

function columns(dataset: Dataset): ColumnSpec[] {
  const out: ColumnSpec[] = [];
  for (const v of dataset.variables.values()) {
    const text = dataset.questions.get(v.id.split('__')[0])?.text ?? dataset.derived.get(v.id)?.text;
    if (v.kind === 'coded') {
      out.push({
        field: { name: v.id, type: 'integer', title: v.label, ...(text ? { description: text } : {}), categories: v.options.map((o) => ({ value: o.code, label: o.label })) },
        value: (i) => (v.index[i] < 0 ? null : v.options[v.index[i]].code),
      });
    } else if (v.kind === 'multi') {
      v.options.forEach((o, k) =>
        out.push({
          field: { name: `${v.id}__${o.code}`, type: 'integer', title: `${v.label}：${o.label}`, description: `${text ?? v.label}（1 = 選択、0 = 非選択、空欄 = 回答対象外・無回答）`, categories: [{ value: 0, label: '非選択' }, { value: 1, label: '選択' }] },
          value: (i) => (hasBit(v.answered, i) ? (hasBit(v.chosen[k], i) ? 1 : 0) : null),
        }),
      );
    } else if (v.kind === 'numeric') {
      out.push({ field: { name: v.id, type: 'number', title: v.label, ...(text ? { description: text } : {}) }, value: (i) => (Number.isNaN(v.values[i]) ? null : v.values[i]) });
    }
  }
  for (const [id, bits] of dataset.universes) {
    if (id === 'all') continue;
    const label = dataset.codebook.universes.find((u) => u.id === id)?.label ?? id;
    out.push({ field: { name: `universe__${id}`, type: 'integer', title: `対象者：${label}`, description: '1 = この対象者に含まれる', categories: [{ value: 0, label: '含まれない' }, { value: 1, label: '含まれる' }] }, value: (i) => (hasBit(bits, i) ? 1 : 0) });
  }
  if (dataset.weights) {
    const w = dataset.weights;
    out.push({ field: { name: 'weight', type: 'number', title: 'ウェイト' }, value: (i) => w[i] });
  }
  return out;
}

/**
 * The public columns as CSV (UTF-8 with BOM, CRLF), one line per respondent, no id column. Every
 * value is a number written by `value`; the header (ids) goes through csvCell like any text cell
 * (csvRows).
 */
export function publicCsv(dataset: Dataset): string {
  const cols = columns(dataset);
  // Values are typed numbers (written as numbers); the header (ids) is text and goes through csvCell.
  const rows: CsvValue[][] = [cols.map((c) => c.field.name)];
  for (let i = 0; i < dataset.n; i++) rows.push(cols.map((c) => c.value(i)));
  return `\uFEFF${csvRows(rows)}\r\n`;
}

/** A Frictionless-style data package descriptor for `publicCsv` saved at `csvPath`. */
export function dataPackage(dataset: Dataset, csvPath: string): Record<string, unknown> {
  const s = dataset.codebook.survey;
  return {
    name: `hakusho-${s.id}-${s.wave}`,
    title: `${s.title}（公開用データ）`,
    description: `${s.population}を対象とした${s.method}の回答のうち、公開設問のみを収めたデータです。回答者IDと自由回答は含まず、行の順序は無作為に並べ替えています。${s.synthetic ? '合成サンプルデータであり、実在の回答ではありません。' : ''}`,
    version: s.wave,
    licenses: [{ name: s.licence }],
    sources: [{ title: s.citation, ...(s.sourceUrl ? { path: s.sourceUrl } : {}) }],
    keywords: ['カスタマーサクセス', 'survey', s.id],
    resources: [
      {
        name: 'responses',
        path: csvPath,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8-sig',
        dialect: { delimiter: ',', lineTerminator: '\r\n', header: true },
        schema: { fields: columns(dataset).map((c) => ({ ...c.field, missingValues: [''] })), missingValues: [''] },
        rows: dataset.n,
      },
    ],
  };
}
