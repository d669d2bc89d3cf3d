/**
 * What the explorer hands out: the table as CSV (UTF-8 with BOM, so Excel opens Japanese text
 * correctly), a citation with the permalink, and an embed snippet. Pure text functions.
 */
import { csvFormatRows } from 'd3-dsv';
import type { CrossTab } from '../stats/types.ts';
import type { CatalogWave } from './catalog.ts';
import type { TableView } from './view.ts';

/** Byte order mark that tells spreadsheet programs the file is UTF-8. */
export const BOM = '\uFEFF';

/** Cells that a spreadsheet would run as a formula are quoted with a leading apostrophe. */
function safeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
}

/** The table as CSV: a header with column labels and bases, one line per row, notes last. */
export function tableCsv(tab: CrossTab, view: TableView, wave: CatalogWave): string {
  const header = ['', ...view.columns.flatMap((c) => [`${c.letter ? `${c.letter} ` : ''}${c.label}（${view.unit}）`, `${c.label} 有意差`])];
  const base = ['基数（n）', ...view.columns.flatMap((c) => [String(c.n), ''])];
  const body = view.rows.map((r) => [r.label, ...r.cells.flatMap((c) => [c.text, c.letters])]);
  const meta = [
    [`設問: ${tab.spec.question}`],
    [`対象: ${tab.universeLabel}`],
    [`出典: ${wave.citation}`],
    ...(wave.synthetic ? [['合成サンプルデータ（実在の回答ではありません）']] : []),
    ...view.notes.map((n) => [n]),
  ];
  return BOM + csvFormatRows([header, base, ...body, [], ...meta].map((line) => line.map(safeCell)));
}

/** Citation text for a view, with its permalink and the access date (YYYY-MM-DD). */
export function citationText(wave: CatalogWave, questionLabel: string, permalink: string, accessed: string): string {
  return `${wave.citation}「${questionLabel}」Hakusho クロス集計（${wave.survey} ${wave.wave}）${permalink}（${accessed} 閲覧）${wave.synthetic ? ' ※合成サンプルデータ' : ''}`;
}

/** Escapes text for an HTML attribute value. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An iframe snippet showing the chart-only view of the same state. */
export function embedSnippet(embedUrl: string, title: string): string {
  return `<iframe src="${escapeAttribute(embedUrl)}" title="${escapeAttribute(title)}" width="100%" height="520" style="border:0" loading="lazy"></iframe>`;
}
