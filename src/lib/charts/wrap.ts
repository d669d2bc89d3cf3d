/**
 * Wrapping long Japanese labels for SVG text (Plot's own wrapping breaks only at spaces, which
 * Japanese does not have). Widths are estimated in ems: full-width characters 1 em, others 0.55.
 */

/** Estimated width of a string in ems. */
export function textWidthEm(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u0000-\u00ff\uff61-\uff9f]/.test(ch) ? 0.55 : 1;
  return w;
}

/** Characters after which a line may break naturally. */
const BREAK_AFTER = /[、。・／/）)」』】,，〜~\s]/;
/** Characters that form words (numbers, Latin) which should not be split. */
const WORD = /[0-9A-Za-z.,%]/;
/** Characters before which a line may break naturally. */
const BREAK_BEFORE = /[（(「『【]/;

/**
 * Splits `label` into lines of at most `maxEm` ems, preferring natural break points in the last
 * third of a line; at most `maxLines` lines, the last one ending in "…" when cut.
 */
export function wrapLines(label: string, maxEm: number, maxLines = 3): string[] {
  const chars = [...label];
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    if (lines.length === maxLines - 1) {
      lines.push(fitWithEllipsis(chars.slice(start).join(''), maxEm));
      break;
    }
    const end = lineEnd(chars, start, maxEm);
    lines.push(chars.slice(start, end).join('').trim());
    start = end;
  }
  return lines.filter((l) => l.length > 0);
}

/** Index where a line starting at `start` should end. */
function lineEnd(chars: string[], start: number, maxEm: number): number {
  let w = 0;
  let i = start;
  while (i < chars.length && w + textWidthEm(chars[i]) <= maxEm) w += textWidthEm(chars[i++]);
  if (i >= chars.length) return chars.length;
  if (i === start) return start + 1;
  // Never leave a single character alone on the next line: let the line run one character long.
  if (chars.length - i === 1) return chars.length;
  const minBreak = start + Math.ceil((i - start) * 0.35);
  for (let j = i; j > minBreak; j--) {
    if (BREAK_AFTER.test(chars[j - 1]) || BREAK_BEFORE.test(chars[j])) return j;
  }
  let j = i;
  while (j > start + 1 && WORD.test(chars[j - 1]) && WORD.test(chars[j])) j--;
  return j > start + 1 ? j : i;
}

function fitWithEllipsis(text: string, maxEm: number): string {
  if (textWidthEm(text) <= maxEm) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidthEm(chars.join('')) + 1 > maxEm) chars.pop();
  return `${chars.join('')}…`;
}

/** `wrapLines` joined with "\n" (Plot draws each line as a tspan). */
export function wrapLabel(label: string, maxEm: number, maxLines = 3): string {
  return wrapLines(label, maxEm, maxLines).join('\n');
}
