/**
 * A chart's numbers as CSV for download: UTF-8 with a byte-order mark (so Excel opens Japanese
 * text correctly), one row per cell in long ("tidy") form, quoted by d3-dsv. A suppressed
 * column's percentages and counts are left empty (a count would reveal what the × hides); a column
 * a protected cube withholds has no base either.
 *
 * Every row carries the table's provenance (issue 11): survey, question, universe, banner,
 * filters, notes (protection, assumptions), source, permalink and the synthetic-data mark. The
 * table's other statistics follow the cells as rows of their own, named in 指標 with the number
 * in 統計量: mean, median and quartiles per column (banded, numeric, scored ordinal questions),
 * and the χ² test (statistic, degrees of freedom, p) of the whole table or of each multi-answer
 * option.
 */
import { csvFormatRow } from 'd3-dsv';
import type { ChiSquare, CrossTab } from '../stats/types.ts';
import { datums, isChartRow } from './datum.ts';
import { roundHalfUp } from './fmt.ts';
import { answerType } from './describe.ts';
import { isGrid, isTrend, type ChartTable, type ChartVariable } from './types.ts';
import type { Option } from '../dataset/codebook.ts';
import { openClassShare, OPEN_CLASS_MAX_SHARE } from './banded.ts';
import { sourceText } from '../explore/export.ts';
import { chartWords } from './words.ts';
import type { Lang } from '../i18n/lang.ts';

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
  /** Label of the banner the table is broken down by. */
  banner?: string | null;
  /** Filters in words ("従業員規模：1〜99名"). */
  filters?: readonly string[];
  /** Notes every row carries (e.g. that the counts are perturbed). */
  notes?: readonly string[];
  /** Permalink of the view. */
  link?: string;
  /** Comparisons of one banner column: its name, in 区分 instead of 全体. */
  segment?: string | null;
  /** Language of the header and the CSV's own words (labels arrive in it); default Japanese. */
  lang?: Lang;
}


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

/** One output row, named by field (the order is HEADER's). */
interface Line {
  survey?: string;
  question?: string;
  type?: string;
  universe: string;
  item: string;
  column: string;
  n: number | null;
  metric: string;
  label: string;
  count?: number | null;
  percent?: CsvValue;
  ciLow?: CsvValue;
  ciHigh?: CsvValue;
  value?: CsvValue;
  caution?: boolean;
  letters?: string;
  note?: string;
  citation?: string;
  synthetic?: boolean;
}

function line(meta: CsvMeta, questionId: string, type: string, l: Line): CsvValue[] {
  const notes = [...(meta.notes ?? []), ...(l.note ? [l.note] : [])].join(' ');
  const w = chartWords(meta.lang);
  return [
    l.survey ?? meta.survey, l.question ?? questionId, meta.question, l.type ?? type, l.universe, meta.banner ?? '', (meta.filters ?? []).join(w.listSep),
    l.item, l.column, l.n, l.metric, l.label, l.count ?? null, l.percent ?? null, l.ciLow ?? null, l.ciHigh ?? null, l.value ?? null,
    l.caution ? w.caution : '', l.letters ?? '', notes, l.citation ?? meta.citation, meta.link ?? '', (l.synthetic ?? meta.synthetic) ? w.synthetic : '',
  ];
}

const columnName = (table: CrossTab, i: number) => table.columns[i].label;
const baseOf = (table: CrossTab, i: number) => (table.columns[i].withheld ? null : table.columns[i].n);

/** The cells, then summaries and χ² tests, of one cross-tab. */
function rowsOf(table: CrossTab, meta: CsvMeta, item: string, options?: readonly Option[]): CsvValue[][] {
  const w = chartWords(meta.lang);
  const en = meta.lang === 'en';
  const type = answerType(table.type, meta.lang);
  const out = (l: Line) => line(meta, table.spec.question, type, l);
  const cells = datums(table, (r) => isChartRow(r) || r.kind === 'net', meta.lang).map((d) =>
    out({
      universe: table.universeLabel, item, column: d.columnLabel, n: baseOf(table, d.columnIndex),
      metric: w.share, label: d.rowKind === 'net' ? w.net(d.rowLabel) : d.rowLabel,
      count: d.suppressed ? null : d.count, percent: r1(d.percent), ciLow: r1(d.ciLow), ciHigh: r1(d.ciHigh), caution: d.caution, letters: d.letters,
    }),
  );
  const summaries = (table.summaries ?? []).flatMap((s, i) => {
    const column = table.columns[i];
    if (!column || column.suppressed || column.withheld || s.n === 0) return [];
    const at = { universe: table.universeLabel, item, column: columnName(table, i), n: baseOf(table, i), caution: column.caution };
    const share = options ? openClassShare(table, i, options) : null;
    const assumed = s.openBandAssumed !== undefined && en ? `Mean taking the top class as ${s.openBandAssumed}${share !== null ? ` (${roundHalfUp(share * 100, 1).toFixed(1)}% of answers are in the top class${share > OPEN_CLASS_MAX_SHARE ? `; above ${OPEN_CLASS_MAX_SHARE * 100}%, so the charts show no mean` : ''})` : ''}` : s.openBandAssumed !== undefined ? `最上位の階級の値を${s.openBandAssumed}とみなした平均${share !== null ? `（最上位の階級の回答は${roundHalfUp(share * 100, 1).toFixed(1)}%${share > OPEN_CLASS_MAX_SHARE ? `。${OPEN_CLASS_MAX_SHARE * 100}%を超えるため図表では平均を示していません` : ''}）` : ''}` : '';
    return [
      out({ ...at, metric: w.mean, label: '', value: s.mean, note: assumed }),
      out({ ...at, metric: w.median, label: '', value: s.median }),
      ...(s.medianClass !== undefined ? [out({ ...at, metric: w.medianClass, label: s.medianClass })] : []),
      ...(s.q1 !== undefined ? [out({ ...at, metric: w.q1, label: '', value: s.q1 })] : []),
      ...(s.q3 !== undefined ? [out({ ...at, metric: w.q3, label: '', value: s.q3 })] : []),
    ];
  });
  const chi = (c: ChiSquare, label: string) => {
    const at = { universe: table.universeLabel, item, column: '', n: null, label, note: c.lowExpected ? w.lowExpected : '' };
    // Weighted, design-based: Rao–Scott's F with both degrees of freedom (docs/statistics.md, §χ² test of independence).
    if (c.method === 'rao-scott') return [out({ ...at, metric: w.raoScott, value: c.statistic }), out({ ...at, metric: w.raoDf, value: c.df }), out({ ...at, metric: w.raoDdf, value: c.ddf! }), out({ ...at, metric: w.raoP, value: c.p })];
    return [out({ ...at, metric: w.chi, value: c.statistic }), out({ ...at, metric: w.chiDf, value: c.df }), out({ ...at, metric: w.chiP, value: c.p })];
  };
  const tests = [
    ...(table.chiSquare ? chi(table.chiSquare, '') : []),
    ...table.rows.flatMap((r) => (r.chiSquare ? chi(r.chiSquare, r.label) : [])),
  ];
  return [...cells, ...summaries, ...tests];
}

/** CSV text (with BOM) of any chart table. */
export function tableCsv(table: ChartTable, meta: CsvMeta, variable?: ChartVariable): string {
  const w = chartWords(meta.lang);
  const body: CsvValue[][] = isGrid(table)
    ? table.tables.flatMap((t, i) => rowsOf(t, meta, table.rowLabels[i]))
    : isTrend(table)
      ? table.points.map((p) => {
          // Each wave titled and cited by its own report, with the question's answer type in that wave (issue 12).
          const own = table.waveInfo?.find((w) => w.wave === p.wave);
          const citation = own ? sourceText(own.citation) : meta.citation;
          return line(meta, p.question, own ? answerType(own.type as CrossTab['type'], meta.lang) : 'SA', {
            survey: meta.lang === 'en' ? `${own ? own.title : meta.survey} (${p.wave})` : `${own ? own.title : meta.survey}（${p.wave}）`, question: p.question, universe: table.universeLabel, item: p.wave, column: meta.segment ?? w.total, n: p.base,
            metric: w.share, label: p.label, percent: r1(p.proportion * 100), ciLow: r1(p.ci ? p.ci.low * 100 : null), ciHigh: r1(p.ci ? p.ci.high * 100 : null),
            caution: p.base < 30, citation: p.source === 'published' ? `${citation}${p.sourceNote ? `（${p.sourceNote}）` : ''}` : citation,
            synthetic: (own ? own.synthetic : meta.synthetic) && p.source !== 'published',
          });
        })
      : rowsOf(table, meta, '', variable?.options);
  return BOM + csvRows([[...w.csvHeader], ...body]) + '\r\n';
}
