/** Small helpers about a question's options shared by the loaders and validators. */
import type { Option } from './codebook.ts';

/** Options in display order: by `order` when given (else their list position), ties kept stable (Array.prototype.sort is stable). */
export function displayOrder(options: Option[]): Option[] {
  return options
    .map((o, k) => ({ o, key: o.order ?? k }))
    .sort((a, b) => a.key - b.key)
    .map(({ o }) => o);
}

/** Codes as an editor reads them: `1–5` for a run, else a list. */
export function describeCodes(codes: number[]): string {
  const sorted = [...codes].sort((a, b) => a - b);
  const run = sorted.length > 2 && sorted.every((c, i) => i === 0 || c === sorted[i - 1] + 1);
  if (run) return `${sorted[0]}–${sorted[sorted.length - 1]}`;
  return sorted.length <= 12 ? sorted.join(', ') : `${sorted.slice(0, 12).join(', ')}, …`;
}
