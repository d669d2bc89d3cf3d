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

/**
 * The listener a host page runs to size embedded charts to their content: each embed posts
 * `{ type: 'hakusho:height', height }` (client/explore/explorer.ts, postHeight); only a message
 * from one of the page's Hakusho iframes, from that iframe's origin, with a sane height, is used.
 */
const RESIZER =
  '<script>window.addEventListener("message",function(e){var d=e.data;if(!d||d.type!=="hakusho:height"||typeof d.height!=="number")return;' +
  'document.querySelectorAll("iframe[data-hakusho-embed]").forEach(function(f){if(f.contentWindow===e.source&&new URL(f.src).origin===e.origin)f.style.height=Math.min(Math.max(d.height,120),4000)+"px";});});</script>';

/**
 * An iframe snippet showing the chart-only view of the same state, with the listener that sizes
 * it to its content (520 px until the chart has told its height, or without scripts).
 */
export function embedSnippet(embedUrl: string, title: string): string {
  return `<iframe src="${escapeAttribute(embedUrl)}" title="${escapeAttribute(title)}" width="100%" height="520" style="border:0" loading="lazy" data-hakusho-embed></iframe>\n${RESIZER}`;
}
