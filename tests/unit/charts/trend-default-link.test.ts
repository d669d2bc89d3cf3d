/**
 * Question-page trends (trendsFor) link a question to the earlier wave the way the rest of the
 * site does (src/lib/dataset/crosswalk-link.ts): the same id links by default, with no crosswalk
 * entry, and a declared break stops it. A new wave scaffolded from the last one lists no unchanged
 * question in its crosswalk, so without this its question pages would show no trend at all.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearCatalogCache } from '../../../src/server/catalog.ts';
import { getWave, trendsFor } from '../../../src/components/figure-data.ts';

const roots: string[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  clearCatalogCache();
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** jcsa 2025 and a 2026 copy whose crosswalk names only the wave (plus `extra`). */
function twoWaves(extra = ''): void {
  const root = mkdtempSync(join(tmpdir(), 'hakusho-trend-'));
  roots.push(root);
  cpSync('data/jcsa/2025', join(root, 'jcsa/2025'), { recursive: true });
  cpSync('data/jcsa/2025', join(root, 'jcsa/2026'), { recursive: true });
  const path = join(root, 'jcsa/2026/codebook.yaml');
  const text = readFileSync(path, 'utf8').replace("  wave: '2025'", "  wave: '2026'");
  writeFileSync(path, `${text}\ncrosswalk:\n  wave: '2025'\n${extra}`);
  vi.stubEnv('HAKUSHO_DATA', root);
  clearCatalogCache();
}

describe('trendsFor with the default link', () => {
  it('links a question with the same id in both waves, from either wave', () => {
    twoWaves();
    const [from2026] = trendsFor(getWave('jcsa', '2026'), 'department');
    expect(from2026?.waves).toEqual(['2025', '2026']);
    const [from2025] = trendsFor(getWave('jcsa', '2025'), 'department');
    expect(from2025?.waves).toEqual(['2025', '2026']);
    // The same data twice: every option's share is the same in both waves.
    const byOption = new Map<number, number[]>();
    for (const p of from2026.points) byOption.set(p.option, [...(byOption.get(p.option) ?? []), p.proportion]);
    for (const [option, [a, b]] of byOption) expect(a, String(option)).toBeCloseTo(b, 12);
  });
  it('stops at a declared break', () => {
    twoWaves('  breaks: [department]\n');
    expect(trendsFor(getWave('jcsa', '2026'), 'department')).toEqual([]);
    expect(trendsFor(getWave('jcsa', '2025'), 'department')).toEqual([]);
    expect(trendsFor(getWave('jcsa', '2026'), 'industry')[0]?.waves).toEqual(['2025', '2026']);
  });
});
