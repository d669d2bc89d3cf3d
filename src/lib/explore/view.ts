/**
 * The explorer's table as display strings: one pure function from a CrossTab to header, rows
 * and base row, used by the DOM table, the CSV export and the tests alike (so what the reader
 * sees is what the file holds). Proportions are never rounded before this point.
 */
import type { CrossTab, TableCell, TableColumn } from '../stats/types.ts';
import { DASH, SUPPRESSED, percentText as cellPercent, roundHalfUp } from '../charts/fmt.ts';

export type Show = 'percent' | 'count';

export interface ViewCell {
  /** Text as shown ("42.3", "–", "0.0", "×"). */
  text: string;
  /** Significance letters (uppercase at alpha, lowercase at alpha2). */
  letters: string;
  /** The column's base is small (参考値). */
  caution: boolean;
  /** The column's base is too small: percentage hidden. */
  suppressed: boolean;
  /** Confidence interval as text ("35.1–49.8"), empty when none. */
  ci: string;
}

export interface ViewRow {
  key: string;
  label: string;
  kind: 'option' | 'net' | 'noAnswer';
  cells: ViewCell[];
}

export interface TableView {
  columns: { key: string; label: string; letter: string; n: number; caution: boolean; suppressed: boolean }[];
  rows: ViewRow[];
  /** The unit of the cells: "%" or "人". */
  unit: string;
  /** Notes under the table (legend of marks, letters refused …). */
  notes: string[];
}

/** An interval bound as percent text. */
function bound(x: number): string {
  return roundHalfUp(x * 100).toFixed(1);
}

function cellView(cell: TableCell, column: TableColumn, show: Show): ViewCell {
  const base = { letters: column.caution ? '' : cell.letters, caution: column.caution, suppressed: column.suppressed };
  if (show === 'count') return { ...base, text: cell.count === 0 ? DASH : String(cell.count), ci: '' };
  const ci = cell.ci && !column.suppressed && cell.count > 0 ? `${bound(cell.ci.low)}–${bound(cell.ci.high)}` : '';
  return { ...base, text: cellPercent(cell, column), ci };
}

/** The display model of a cross-tab. */
export function tableView(tab: CrossTab, show: Show): TableView {
  const columns = tab.columns.map((c) => ({ key: c.key, label: c.label, letter: c.letter, n: c.n, caution: c.caution, suppressed: c.suppressed }));
  const rows = tab.rows.map((r) => ({ key: r.key, label: r.label, kind: r.kind, cells: r.cells.map((cell, k) => cellView(cell, tab.columns[k], show)) }));
  const notes: string[] = [];
  if (tab.columns.some((c) => c.suppressed)) notes.push(`${SUPPRESSED} 基数が${tab.options.suppressBase}未満のため割合を表示していません。`);
  if (tab.columns.some((c) => c.caution && !c.suppressed)) notes.push(`† 基数が${tab.options.cautionBase}未満の列は参考値です（有意差の検定なし）。`);
  if (tab.columns.length > 2) notes.push(`英大文字は、その列が該当する列より有意に高いことを示します（α=${tab.options.alpha}、${adjustLabel(tab.options.adjust)}）。`);
  if (tab.lettersNote) notes.push(tab.lettersNote);
  return { columns, rows, unit: show === 'count' ? '人' : '%', notes };
}

function adjustLabel(adjust: CrossTab['options']['adjust']): string {
  return adjust === 'bonferroni' ? 'Bonferroni 補正' : adjust === 'bh' ? 'Benjamini–Hochberg 補正' : '補正なし';
}

/** χ² summary as one line of text, or null when there is none. */
export function chiSquareText(tab: CrossTab): string | null {
  const c = tab.chiSquare;
  if (!c) return null;
  const p = c.p < 0.001 ? 'p < 0.001' : `p = ${c.p.toFixed(3)}`;
  return `χ² = ${c.statistic.toFixed(2)}、自由度 ${c.df}、${p}${c.p < tab.options.alpha ? '（有意）' : ''}${c.lowExpected ? '。期待度数5未満のセルがあります' : ''}`;
}
