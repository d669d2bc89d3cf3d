/** The notes under a chart: bases, 参考値 and suppression marks, letters, form notes. */
import type { CrossTab } from '../lib/stats/types.ts';
import { columnAxisLabel } from '../lib/charts/datum.ts';
import { isGrid, isTrend, withoutEmptyColumns, type ChartTable } from '../lib/charts/index.ts';
import { formatBase } from '../lib/stats/format.ts';

function tablesOf(t: ChartTable): CrossTab[] {
  // Banner columns with n = 0 are not drawn, so their marks and bases are not explained.
  return isGrid(t) ? t.tables : isTrend(t) ? [] : [withoutEmptyColumns(t)];
}

/** "全体 n=781、A: SaaS n=257、B: 非SaaS n=524" (grid: per row). */
export function baseLine(t: ChartTable): string {
  if (isGrid(t)) {
    const ns = t.tables.map((x) => x.columns[0].n);
    if (ns.every((n) => n === ns[0])) return `各項目 ${formatBase(ns[0])}${t.tables[0].columns[0].caution ? '*' : ''}`;
    return t.tables.map((x, i) => `${t.rowLabels[i]} ${formatBase(x.columns[0].n)}${x.columns[0].caution ? '*' : ''}`).join('、');
  }
  if (isTrend(t)) return t.waves.map((w) => `${w}年 ${formatBase(t.points.find((p) => p.wave === w)?.base ?? 0)}`).join('、');
  return withoutEmptyColumns(t).columns.map((c) => `${c.letter ? `${c.letter}: ` : ''}${columnAxisLabel(c).replace(/ \(n=/, ' n=').replace(/\)$/, '')}`).join('、');
}

/** Notes explaining the marks that actually appear in this chart. */
export function markNotes(t: ChartTable): string[] {
  const tables = tablesOf(t);
  const columns = tables.flatMap((x) => x.columns);
  const notes: string[] = [];
  const opts = tables[0]?.options;
  if (columns.some((c) => c.caution && !c.suppressed)) notes.push(`*：基数が${opts?.cautionBase ?? 30}未満のため参考値（有意差検定の対象外）。`);
  if (columns.some((c) => c.suppressed)) notes.push(`×：基数が${opts?.suppressBase ?? 10}未満のため割合を表示していません。`);
  const banner = tables.find((x) => x.columns.length > 1);
  if (banner) {
    const o = banner.options;
    const adjust = o.adjust === 'bonferroni' ? 'Bonferroni補正' : o.adjust === 'bh' ? 'Benjamini–Hochberg補正' : '補正なし';
    if (banner.lettersNote) notes.push(`有意差の記号は付けていません：${banner.lettersNote}`);
    else notes.push(`A・B…：その列より${Math.round(o.alpha * 100)}%水準で有意に高いことを示します（列比率のz検定、${adjust}）${o.alpha2 ? `。小文字は${Math.round(o.alpha2 * 100)}%水準` : ''}。`);
  }
  if (tables.some((x) => x.weighted)) notes.push('ウェイト付き集計。基数nは重み付け前の人数です。');
  if (tables.some((x) => x.type === 'multi')) notes.push('複数回答のため合計は100%を超えます。');
  return notes;
}

/** Put before a question's codebook notes on a figure drawn from the protected cube. */
export const PRINTED_NOTES_CAVEAT = '以下の注記は報告書の正確な集計値についてのものです。この図表の値は秘匿処理（撹乱）後の値のため、注記の数値と一致しないことがあります。';
