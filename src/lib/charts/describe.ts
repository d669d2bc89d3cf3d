/**
 * A text description of a chart generated from its numbers, in Japanese, for screen readers and
 * for readers who skip the picture. It names the base, the largest shares, differences between
 * banner columns that are significant, and the mean/median of banded answers.
 */
import { withoutEmptyColumns } from './columns.ts';
import type { CrossTab, TableRow } from '../stats/types.ts';
import { rowOrder } from './spec-bars.ts';
import { baseText, numberText, percentText } from './fmt.ts';
import { isGrid, isTrend, type ChartTable, type ChartVariable } from './types.ts';
import { columnAxisLabel, isChartRow } from './datum.ts';
import { isLikert, likertMidpoint } from './kind.ts';
import { trendLabel } from './spec-trend.ts';
import { meanShown, medianClassLabel, medianInOpenClass } from './banded.ts';
import { describeEn, scoreNoteEn } from './describe-en.ts';
import type { Lang } from '../i18n/lang.ts';

/** "SA" / "MA" / "数値" for a table type. */
export function answerType(type: CrossTab['type'], lang: Lang = 'ja'): string {
  if (type === 'multi') return 'MA';
  if (type === 'numeric') return lang === 'en' ? 'Number' : '数値';
  return 'SA';
}

function pct(table: CrossTab, row: TableRow, col = 0): string {
  const t = percentText(row.cells[col], table.columns[col]);
  return /^[0-9]/.test(t) ? `${t}%` : t === '×' ? '非表示' : '0%';
}

/** "n=221、複数回答" preamble. */
function preamble(table: CrossTab): string {
  const total = table.columns[0];
  const kind = table.type === 'multi' ? '複数回答' : table.type === 'numeric' ? '数値回答' : '単一回答';
  return `対象は${table.universeLabel}（${baseText(total)}、${kind}）。`;
}

function topList(table: CrossTab, rows: TableRow[], count: number): string {
  return rows
    .slice(0, count)
    .map((r) => `「${r.label}」${pct(table, r)}`)
    .join('、');
}

function significantDifferences(table: CrossTab, rows: TableRow[]): string {
  if (table.columns.length < 2) return '';
  const parts: string[] = [];
  for (const row of rows) {
    row.cells.forEach((cell, i) => {
      if (i === 0 || !cell.letters || table.columns[i].caution) return;
      const lower = [...cell.letters].filter((l) => l >= 'A' && l <= 'Z').map((l) => table.columns.find((c) => c.letter === l)?.label).filter(Boolean);
      if (lower.length > 0) parts.push(`「${row.label}」は${table.columns[i].label}（${pct(table, row, i)}）が${lower.join('・')}より有意に高い`);
    });
  }
  if (parts.length === 0) return '列の間に統計的に有意な差は見られません。';
  return `${parts.slice(0, 4).join('。')}${parts.length > 4 ? `。ほか${parts.length - 4}件の有意差があります` : ''}。`;
}

function columnsSummary(table: CrossTab, rows: TableRow[]): string {
  if (table.columns.length < 2) return '';
  const top = rows[0];
  if (!top) return '';
  const cols = table.columns.slice(1).map((c, i) => `${columnAxisLabel(c)}で${pct(table, top, i + 1)}`);
  return `「${top.label}」は${cols.join('、')}。`;
}

function describeTable(table: CrossTab, variable?: ChartVariable): string {
  const rows = rowOrder(table).filter((r) => r.kind === 'option' && !r.nonSubstantive);
  if (table.columns[0].suppressed) return `${preamble(table)}基数が小さいため割合は表示していません。`;
  const caution = table.columns[0].caution ? '基数が30未満のため参考値です。' : '';
  const byShare = [...rows].sort((a, b) => (b.cells[0].proportion || 0) - (a.cells[0].proportion || 0));
  let body: string;
  if (table.type === 'banded' || table.type === 'numeric') {
    const s = table.summaries?.[0];
    const unit = variable?.unit ?? '';
    const mode = byShare[0] ? `最も多い階級は「${byShare[0].label}」（${pct(table, byShare[0])}）。` : '';
    const median = !s ? '' : medianInOpenClass(s) ? `中央値は上限のない「${medianClassLabel(s, variable?.options ?? [])}」の階級に入る` : `中央値は${numberText(s.median)}${unit}${s.medianClass ? `（「${s.medianClass}」の階級）` : ''}`;
    const mean = s && meanShown(table, 0, variable?.options ?? []) ? `平均は${numberText(s.mean)}${unit}、` : '';
    const stats = s && s.n > 0 ? `${mean}${median}。` : '';
    body = mode + stats;
  } else if (isLikert(variable) && variable) {
    const mid = likertMidpoint(variable);
    const score = new Map(variable.options.map((o) => [String(o.code), o.score]));
    const sum = (pred: (s: number) => boolean) =>
      rows.filter((r) => pred(score.get(r.key) ?? mid)).reduce((a, r) => a + (Number.isFinite(r.cells[0].proportion) ? r.cells[0].proportion : 0), 0);
    body = `肯定的な回答は合わせて${numberText(sum((s) => s > mid) * 100)}%、否定的な回答は${numberText(sum((s) => s < mid) * 100)}%。内訳は${topList(table, rows, rows.length)}。`;
  } else if (table.type === 'multi') {
    body = `多い順に${topList(table, byShare, 3)}。`;
  } else {
    body = `最も多いのは${topList(table, byShare, 1)}、次いで${topList(table, byShare.slice(1), 2) || 'なし'}。`;
  }
  return `${preamble(table)}${caution}${body}${columnsSummary(table, byShare)}${significantDifferences(table, byShare)}`;
}

/** The description of any chart table. */
export function describe(table: ChartTable, variable?: ChartVariable, lang: Lang = 'ja'): string {
  if (lang === 'en') return describeEn(table, variable);
  if (isGrid(table)) {
    const parts = table.tables.map((t, i) => {
      const rows = t.rows.filter((r) => isChartRow(r) && r.kind === 'option');
      const top = [...rows].sort((a, b) => (b.cells[0].proportion || 0) - (a.cells[0].proportion || 0))[0];
      return t.columns[0].suppressed || !top ? `「${table.rowLabels[i]}」は基数が小さいため非表示` : `「${table.rowLabels[i]}」（${baseText(t.columns[0])}）は「${top.label}」が最多で${pct(t, top)}`;
    });
    return `${table.tables.length}項目それぞれの回答分布。${parts.join('。')}。`;
  }
  if (isTrend(table)) {
    const [first, last] = [table.waves[0], table.waves[table.waves.length - 1]];
    const at = (wave: string, option: number) => table.points.find((p) => p.wave === wave && p.option === option);
    const changes = table.points
      .filter((p) => p.wave === last)
      .slice(0, 6)
      .map((p) => {
        const before = at(first, p.option);
        return `「${p.label}」は${before ? trendLabel(before) : '–'}から${trendLabel(p)}`;
      });
    return `${table.universeLabel}の${first}から${last}にかけての推移。${changes.join('、')}。`;
  }
  return describeTable(withoutEmptyColumns(table), variable);
}

/**
 * An ordinal question's mean and median are of scores the codebook gives its options: the note
 * discloses them (issue 11), e.g. 「平均・中央値は次の得点から計算：全く浸透していない=-2、…」.
 * Null when the table shows no summary or the options carry no scores.
 */
export function scoreNote(table: ChartTable, variable?: ChartVariable, lang: Lang = 'ja'): string | null {
  const tables = isGrid(table) ? table.tables : isTrend(table) ? [] : [table];
  if (!variable || !tables.some((t) => t.type === 'ordinal' || t.type === 'grid-row') || !tables.some((t) => t.summaries?.length)) return null;
  const scored = variable.options.filter((o) => o.score !== undefined && !o.nonSubstantive);
  if (scored.length === 0) return null;
  if (lang === 'en') return scoreNoteEn(variable);
  const left = variable.options.filter((o) => o.score === undefined || o.nonSubstantive).map((o) => `「${o.label}」`);
  return `平均・中央値は次の得点から計算：${scored.map((o) => `${o.label}=${o.score}`).join('、')}${left.length ? `（${left.join('')}は除く）` : ''}。`;
}

