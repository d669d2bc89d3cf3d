/**
 * Issue 11, finding 7: code comments cited a STATS.md that is not in the repository. The methods
 * live in docs/statistics.md; every section a source file cites by name must exist there.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|astro|mjs)$/.test(name) ? [path] : [];
  });
}

const headings = new Set([...readFileSync('docs/statistics.md', 'utf8').matchAll(/^#{2,4} (.+)$/gm)].map((m) => m[1].trim()));

/** Section names cited as `docs/statistics.md, "A", "B"` (a comma list of quoted names after the file). */
export function citedSections(text: string): string[] {
  return [...text.matchAll(/docs\/statistics\.md,?((?:\s*,?\s*(?:and\s+)?"[^"\n]+")+)/g)].flatMap((m) => [...m[1].matchAll(/"([^"\n]+)"/g)].map((x) => x[1]));
}

describe('the statistics methods are documented in the repository', () => {
  const files = [...sources('src'), ...sources('scripts')];

  it('the citation reader finds section names', () => {
    expect(citedSections('(docs/statistics.md, "Weights") and docs/statistics.md "Defaults"')).toEqual(['Weights', 'Defaults']);
    expect(citedSections('(docs/statistics.md, "Significance letters", "χ² test of independence")')).toEqual(['Significance letters', 'χ² test of independence']);
  });

  it('no source cites STATS.md, and every cited section of docs/statistics.md exists', () => {
    const missing: string[] = [];
    let cited = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (text.includes('STATS.md')) missing.push(`${file}: cites STATS.md`);
      for (const section of citedSections(text)) {
        cited++;
        if (!headings.has(section)) missing.push(`${file}: "${section}" is not a section of docs/statistics.md`);
      }
    }
    expect(missing).toEqual([]);
    expect(cited).toBeGreaterThanOrEqual(10);
  });
});
