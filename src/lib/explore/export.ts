/**
 * What the explorer hands out besides the CSV (lib/charts/csv.ts): a citation with the
 * permalink, and an embed snippet. Pure text functions.
 */
import type { CatalogWave } from './catalog.ts';

/** The publisher's citation without a leading "出典：" (callers add their own prefix). */
export function sourceText(citation: string): string {
  return citation.replace(/^出典\s*[：:]\s*/, '');
}

/** Citation text for a view, with its permalink and the access date (YYYY-MM-DD). */
export function citationText(wave: CatalogWave, questionLabel: string, permalink: string, accessed: string): string {
  return `${sourceText(wave.citation)}「${questionLabel}」Hakusho クロス集計（${wave.survey} ${wave.wave}）${permalink}（${accessed} 閲覧）${wave.synthetic ? ' ※合成サンプルデータ' : ''}`;
}

/** Escapes text for an HTML attribute value. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An iframe snippet showing the chart-only view of the same state. */
export function embedSnippet(embedUrl: string, title: string): string {
  return `<iframe src="${escapeAttribute(embedUrl)}" title="${escapeAttribute(title)}" width="100%" height="520" style="border:0" loading="lazy"></iframe>`;
}
