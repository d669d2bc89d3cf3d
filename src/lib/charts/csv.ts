/**
 * A chart's numbers as CSV for download: UTF-8 with a byte-order mark (so Excel opens Japanese
 * text correctly), one row per cell in long ("tidy") form, quoted by d3-dsv. A suppressed
 * column's percentages and counts are left empty (a count would reveal what the × hides); a column
 * a protected cube withholds has no base either.
 */
import { csvFormatRow } from 'd3-dsv';
import type { CrossTab } from '../stats/types.ts';
import { datums, isChartRow } from './datum.ts';
import { roundHalfUp } from './fmt.ts';
import { answerType } from './describe.ts';
import { isGrid, isTrend, type ChartTable } from './types.ts';

export const BOM = '\uFEFF';

/** What the CSV says about where the numbers come from. */
export interface CsvMeta {
  /** Survey title and wave, e.g. "カスタマーサクセス白書2025". */
  survey: string;
  /** Question wording. */
  question: string;
  /** Citation text required by the publisher. */
  citation: string;
  synthetic: boolean;
}

const HEADER = ['調査', '質問ID', '質問', '回答形式', '母集団', '項目', '区分', '区分の基数n', '選択肢', '件数', '割合(%)', '95%信頼区間下限(%)', '95%信頼区間上限(%)', '参考値', '有意差', '出典', 'データ'];

/** A number written with a fixed count of decimals (e.g. 80.0). */
export class Fixed {
  readonly value: number;
  readonly digits: number;
  constructor(value: number, digits: number) {
    this.value = value;
    this.digits = digits;
  }
}

/** One CSV cell: text (from labels, codebooks, citations) or a typed number. */
export type CsvValue = string | number | Fixed | null;

/**
 * The text of one cell. Text that a spreadsheet would run as a formula — starting with `=`, `+`,
 * `-`, `@`, tab or carriage return (OWASP "CSV injection") — gets a leading apostrophe, whatever
 * follows: text that merely looks like a number ("-1") is still text. Typed numbers are written
 * as numbers and never prefixed; a missing or non-finite number is an empty cell.
 */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (value instanceof Fixed) return Number.isFinite(value.value) ? roundHalfUp(value.value, value.digits).toFixed(value.digits) : '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Rows of typed cells as CSV text (d3-dsv quoting, CRLF between rows, no BOM, no final newline). */
export function csvRows(rows: readonly (readonly CsvValue[])[]): string {
  // d3-dsv joins rows with "\n"; RFC 4180 (and Excel) expect CRLF between records.
  return rows.map((row) => csvFormatRow(row.map(csvCell))).join('\r\n');
}

const r1 = (x: number | null): CsvValue => (x === null ? null : new Fixed(x, 1));

function rowsOf(table: CrossTab, meta: CsvMeta, item: string): CsvValue[][] {
  return datums(table, (r) => isChartRow(r) || r.kind === 'net').map((d) => [
    meta.survey,
    table.spec.question,
    meta.question,
    answerType(table.type),
    table.universeLabel,
    item,
    d.columnKey === 'total' ? '全体' : d.columnLabel,
    table.columns[d.columnIndex].withheld ? null : d.n,
    d.rowKind === 'net' ? `［計］${d.rowLabel}` : d.rowLabel,
    d.suppressed ? null : d.count,
    r1(d.percent),
    r1(d.ciLow),
    r1(d.ciHigh),
    d.caution ? '参考値' : '',
    d.letters,
    meta.citation,
    meta.synthetic ? '合成サンプルデータ' : '',
  ]);
}

/** CSV text (with BOM) of any chart table. */
export function tableCsv(table: ChartTable, meta: CsvMeta): string {
  const body: CsvValue[][] = isGrid(table)
    ? table.tables.flatMap((t, i) => rowsOf(t, meta, table.rowLabels[i]))
    : isTrend(table)
      ? table.points.map((p) => [
          `${meta.survey}（${p.wave}）`, p.question, meta.question, 'SA', table.universeLabel, p.wave, '全体', p.base, p.label, null,
          r1(p.proportion * 100), r1(p.ci ? p.ci.low * 100 : null), r1(p.ci ? p.ci.high * 100 : null), p.base < 30 ? '参考値' : '', '',
          p.source === 'published' ? `${meta.citation}${p.sourceNote ? `（${p.sourceNote}）` : ''}` : meta.citation, meta.synthetic && p.source !== 'published' ? '合成サンプルデータ' : '',
        ])
      : rowsOf(table, meta, '');
  return BOM + csvRows([HEADER, ...body]) + '\r\n';
}
