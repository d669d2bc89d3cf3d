/**
 * docs/editors-guide.md (毎年の追加手順, shown at /editors/guide/ on the dev site): every command it
 * tells an editor to run exists, every option it names is one the scripts read, and the README
 * points to it. A renamed script or option makes the guide wrong: this test fails first.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const guide = readFileSync('docs/editors-guide.md', 'utf8');
const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;

describe('the editors guide', () => {
  it('names only npm scripts that exist, and every step of a new wave', () => {
    const named = [...guide.matchAll(/npm (?:run )?([a-z:-]+)/g)].map((m) => (m[0].startsWith('npm run') ? m[1] : m[1] === 'start' ? 'start' : `?${m[1]}`));
    expect(named.length).toBeGreaterThan(6);
    for (const name of named) expect(scripts, name).toHaveProperty(name);
    for (const step of ['new-wave', 'diff-waves', 'validate', 'start', 'dev']) expect(named).toContain(step);
  });
  it('names options the scripts read', () => {
    expect(readFileSync('scripts/new-wave.ts', 'utf8')).toContain("'--from'");
    expect(readFileSync('scripts/preview.ts', 'utf8')).toMatch(/--port/);
    expect(readFileSync('scripts/preview.ts', 'utf8')).toMatch(/env\.PORT|PORT/);
    expect(readFileSync('src/server/workbook.ts', 'utf8')).toContain("WORKBOOK_FILE = 'responses.xlsx'");
  });
  it('is linked from the README and served by the dev site', () => {
    expect(readFileSync('README.md', 'utf8')).toContain('docs/editors-guide.md');
    expect(readFileSync('src/pages/editors/[page].astro', 'utf8')).toMatch(/docs\/editors-guide\.md/);
  });
});
