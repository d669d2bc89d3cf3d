/**
 * The text under the explorer's table: what the marks mean, why letters are missing, and the
 * χ² summary. Plain strings (rendered as text).
 */
import type { CrossTab } from '../stats/types.ts';
import { formatP } from '../stats/format.ts';
import { SUPPRESSED } from '../charts/fmt.ts';
import { emptyColumns } from '../charts/columns.ts';
import type { CatalogCube } from './catalog.ts';
import type { Lang } from '../i18n/lang.ts';

/**
 * What a reader of a protected cube must know (docs/statistics.md, "Protected cube"): the counts
 * are perturbed (the method and its parameters), and which columns are withheld and why.
 */
export function protectionNotes(cube: CatalogCube, tab: CrossTab, lang: Lang = 'ja'): string[] {
  const { D, js } = cube.perturbation;
  if (lang === 'en') {
    const en = [`Counts are perturbed for protection (cell key method: each cell count is off by at most ±${D}.${js > 0 ? ` Cells of 1–${js} are shown as 0 or as ${js + 1} or more.` : ''} Shares, intervals, letters, χ² and means are computed from the perturbed counts). The same cell of the same group has the same value in every table.`];
    if (tab.columns.some((c) => c.withheld)) en.push(`${SUPPRESSED} (base withheld): columns with fewer than ${cube.suppressBase} respondents, or whose difference with another table could reveal someone's answers, show neither counts nor shares.`);
    return en;
  }
  const notes = [
    `集計値には秘匿のための撹乱を加えています（セルキー法：各セルの人数に最大±${D}の誤差。${js > 0 ? `1〜${js}人のセルは0人または${js + 1}人以上として表示。` : ''}割合・信頼区間・有意差・χ²・平均も撹乱後の人数から計算）。同じ集団の同じセルはどの表でも同じ値です。`,
  ];
  if (tab.columns.some((c) => c.withheld)) notes.push(`${SUPPRESSED}（基数 非公開）：回答者が${cube.suppressBase}人未満の列、または他の表との差から個人の回答が分かるおそれのある列は、人数も割合も公開していません。`);
  return notes;
}

function adjustLabel(adjust: CrossTab['options']['adjust']): string {
  return adjust === 'bonferroni' ? 'Bonferroni 補正' : adjust === 'bh' ? 'Benjamini–Hochberg 補正' : '補正なし';
}

/** Legend of the marks the table actually shows. */
export function tableNotes(tab: CrossTab, lang: Lang = 'ja'): string[] {
  const notes: string[] = [];
  const empty = emptyColumns(tab);
  if (lang === 'en') {
    const adjust = tab.options.adjust === 'bonferroni' ? 'Bonferroni adjustment' : tab.options.adjust === 'bh' ? 'Benjamini–Hochberg adjustment' : 'no adjustment';
    if (empty.length > 0) notes.push(`Columns without respondents (${empty.join(', ')}) are left out of the table.`);
    if (tab.columns.some((c) => c.suppressed && c.n > 0)) notes.push(`${SUPPRESSED} Shares are not shown where the base is under ${tab.options.suppressBase}.`);
    if (tab.columns.some((c) => c.caution && !c.suppressed)) notes.push(`† Columns with a base under ${tab.options.cautionBase} are indicative (not tested).`);
    if (tab.columns.length > 2 && !tab.lettersNote) notes.push(`Capital letters mark a value significantly higher than in the column with that letter (α=${tab.options.alpha}, ${adjust}).`);
    if (tab.lettersNote) notes.push(tab.lettersNote);
    if (tab.type === 'multi') notes.push(tab.options.multiPercent === 'responses' ? 'Multiple answers: shares of all responses.' : 'Multiple answers: shares of respondents (they add up to more than 100%).');
    return notes;
  }
  if (empty.length > 0) notes.push(`該当する回答者がいない列（${empty.join('、')}）は表に含めていません。`);
  if (tab.columns.some((c) => c.suppressed && c.n > 0)) notes.push(`${SUPPRESSED} 基数が${tab.options.suppressBase}未満のため割合を表示していません。`);
  if (tab.columns.some((c) => c.caution && !c.suppressed)) notes.push(`† 基数が${tab.options.cautionBase}未満の列は参考値です（有意差の検定なし）。`);
  if (tab.columns.length > 2 && !tab.lettersNote) notes.push(`英大文字は、その列が該当する列より有意に高いことを示します（α=${tab.options.alpha}、${adjustLabel(tab.options.adjust)}）。`);
  if (tab.lettersNote) notes.push(tab.lettersNote);
  if (tab.type === 'multi') notes.push(tab.options.multiPercent === 'responses' ? '複数回答：割合は回答数の合計に対する比率です。' : '複数回答：割合は回答者数に対する比率です（合計は100%を超えます）。');
  return notes;
}

/**
 * χ² summary as one line of text, or null when the engine computed none. A weighted table's
 * design-based test is Rao–Scott's F with two degrees of freedom (docs/statistics.md, §χ² test of independence).
 */
export function chiSquareText(tab: CrossTab, lang: Lang = 'ja'): string | null {
  const c = tab.chiSquare;
  if (!c) return null;
  if (lang === 'en') {
    const testEn = c.method === 'rao-scott' ? `Test of independence (Rao–Scott, design-based): F = ${c.statistic.toFixed(2)}, df (${c.df.toFixed(2)}, ${c.ddf!.toFixed(1)})` : `χ² test of independence: χ² = ${c.statistic.toFixed(2)}, df ${c.df}`;
    return `${testEn}, ${formatP(c.p)}${c.p < tab.options.alpha ? ' (significant)' : ' (not significant)'}${c.lowExpected ? '. Some expected counts are below 5, so the result is indicative' : ''}`;
  }
  const test = c.method === 'rao-scott' ? `独立性の検定（Rao–Scott 補正、標本設計に基づく）：F = ${c.statistic.toFixed(2)}、自由度 (${c.df.toFixed(2)}, ${c.ddf!.toFixed(1)})` : `独立性の χ² 検定：χ² = ${c.statistic.toFixed(2)}、自由度 ${c.df}`;
  return `${test}、${formatP(c.p)}${c.p < tab.options.alpha ? '（有意）' : '（有意差なし）'}${c.lowExpected ? '。期待度数が5未満のセルがあるため、結果は参考です' : ''}`;
}
