/**
 * A chart's numbers as CSV for download: UTF-8 with a byte-order mark (so Excel opens Japanese
 * text correctly), one row per cell in long ("tidy") form, quoted by d3-dsv. A suppressed
 * column's percentages and counts are left empty (a count would reveal what the × hides); a column
 * a protected cube withholds has no base either.
 */
import { csvFormatRows } from 'd3-dsv';
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

/** Text a spreadsheet would run as a formula gets a leading apostrophe. */
function safeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
}

const r1 = (x: number | null) => (x === null || !Number.isFinite(x) ? '' : roundHalfUp(x, 1).toFixed(1));

function rowsOf(table: CrossTab, meta: CsvMeta, item: string): string[][] {
  return datums(table, (r) => isChartRow(r) || r.kind === 'net').map((d) => [
    meta.survey,
    table.spec.question,
    meta.question,
    answerType(table.type),
    table.universeLabel,
    item,
    d.columnKey === 'total' ? '全体' : d.columnLabel,
    table.columns[d.columnIndex].withheld ? '' : String(d.n),
    d.rowKind === 'net' ? `［計］${d.rowLabel}` : d.rowLabel,
    d.suppressed ? '' : String(d.count),
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
  const body = isGrid(table)
    ? table.tables.flatMap((t, i) => rowsOf(t, meta, table.rowLabels[i]))
    : isTrend(table)
      ? table.points.map((p) => [
          `${meta.survey}（${p.wave}）`, p.question, meta.question, 'SA', table.universeLabel, p.wave, '全体', String(p.base), p.label, '',
          r1(p.proportion * 100), r1(p.ci ? p.ci.low * 100 : null), r1(p.ci ? p.ci.high * 100 : null), p.base < 30 ? '参考値' : '', '',
          p.source === 'published' ? `${meta.citation}${p.sourceNote ? `（${p.sourceNote}）` : ''}` : meta.citation, meta.synthetic && p.source !== 'published' ? '合成サンプルデータ' : '',
        ])
      : rowsOf(table, meta, '');
  return BOM + csvFormatRows([HEADER, ...body.map((row) => row.map(safeCell))]) + '\r\n';
}
