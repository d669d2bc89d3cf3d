/**
 * What the explorer hands out besides the CSV (lib/charts/csv.ts) and the citations (cite.ts):
 * an embed snippet. Pure text functions.
 */

/** The publisher's citation without a leading "出典：" (callers add their own prefix). */
export function sourceText(citation: string): string {
  return citation.replace(/^出典\s*[：:]\s*/, '');
}

/** Escapes text for an HTML attribute value. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An iframe snippet showing the chart-only view of the same state. */
export function embedSnippet(embedUrl: string, title: string): string {
  return `<iframe src="${escapeAttribute(embedUrl)}" title="${escapeAttribute(title)}" width="100%" height="520" style="border:0" loading="lazy"></iframe>`;
}
