/** The notes under a chart: bases, 参考値 and suppression marks, letters, form notes. */
import type { CrossTab } from '../lib/stats/types.ts';
import { columnAxisLabel } from '../lib/charts/datum.ts';
import { isGrid, isTrend, withoutEmptyColumns, type ChartTable } from '../lib/charts/index.ts';
import { formatBase } from '../lib/stats/format.ts';
import type { Lang } from '../lib/i18n/lang.ts';

function tablesOf(t: ChartTable): CrossTab[] {
  // Banner columns with n = 0 are not drawn, so their marks and bases are not explained.
  return isGrid(t) ? t.tables : isTrend(t) ? [] : [withoutEmptyColumns(t)];
}

/** "全体 n=781、A: SaaS n=257、B: 非SaaS n=524" (grid: per row). */
export function baseLine(t: ChartTable, lang: Lang = 'ja'): string {
  const en = lang === 'en';
  const sep = en ? ', ' : '、';
  if (isGrid(t)) {
    const ns = t.tables.map((x) => x.columns[0].n);
    if (ns.every((n) => n === ns[0])) return `${en ? 'each item' : '各項目'} ${formatBase(ns[0])}${t.tables[0].columns[0].caution ? '*' : ''}`;
    return t.tables.map((x, i) => `${t.rowLabels[i]} ${formatBase(x.columns[0].n)}${x.columns[0].caution ? '*' : ''}`).join(sep);
  }
  if (isTrend(t)) return t.waves.map((w) => `${w}${en ? '' : '年'} ${formatBase(t.points.find((p) => p.wave === w)?.base ?? 0)}`).join(sep);
  return withoutEmptyColumns(t).columns.map((c) => `${c.letter ? `${c.letter}: ` : ''}${columnAxisLabel(c, lang).replace(/ \(n=/, ' n=').replace(/\)$/, '')}`).join(sep);
}

/** Notes explaining the marks that actually appear in this chart. */
export function markNotes(t: ChartTable, lang: Lang = 'ja'): string[] {
  if (lang === 'en') return markNotesEn(t);
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

/** The notes explaining a chart's marks, in English. */
function markNotesEn(t: ChartTable): string[] {
  const tables = tablesOf(t);
  const columns = tables.flatMap((x) => x.columns);
  const notes: string[] = [];
  const opts = tables[0]?.options;
  if (columns.some((c) => c.caution && !c.suppressed)) notes.push(`*: indicative only, the base is under ${opts?.cautionBase ?? 30} (not tested for significance).`);
  if (columns.some((c) => c.suppressed)) notes.push(`×: shares are not shown where the base is under ${opts?.suppressBase ?? 10}.`);
  const banner = tables.find((x) => x.columns.length > 1);
  if (banner) {
    const o = banner.options;
    const adjust = o.adjust === 'bonferroni' ? 'Bonferroni adjustment' : o.adjust === 'bh' ? 'Benjamini–Hochberg adjustment' : 'no adjustment';
    if (banner.lettersNote) notes.push(`No significance letters: ${banner.lettersNote}`);
    else notes.push(`A, B…: significantly higher than that column at the ${Math.round(o.alpha * 100)}% level (z-test of column proportions, ${adjust})${o.alpha2 ? `; lower case at the ${Math.round(o.alpha2 * 100)}% level` : ''}.`);
  }
  if (tables.some((x) => x.weighted)) notes.push('Weighted; the base n is the unweighted number of respondents.');
  if (tables.some((x) => x.type === 'multi')) notes.push('Multiple answers: shares add up to more than 100%.');
  return notes;
}

/** PRINTED_NOTES_CAVEAT in English. */
export const PRINTED_NOTES_CAVEAT_EN = 'The notes below are about the exact figures of the report. This chart shows protected (perturbed) values, which may differ from the numbers in the notes.';

/** Put before a question's codebook notes on a figure drawn from the protected cube. */
export const PRINTED_NOTES_CAVEAT = '以下の注記は報告書の正確な集計値についてのものです。この図表の値は秘匿処理（撹乱）後の値のため、注記の数値と一致しないことがあります。';
