/**
 * Builds the synthetic sample microdata (data/<survey>/<wave>/responses.csv) from each wave's
 * codebook, deterministically: a fixed seed per wave and a seeded PRNG, so the same code always
 * writes byte-identical files.
 *
 *   npx node scripts/generate-samples.ts           write the files (atomically: temp file + rename)
 *   npx node scripts/generate-samples.ts --check   fail if the committed files differ from a fresh run
 *
 * Every wave's builder asserts its published targets itself (scripts/samples/checks.ts), and the
 * rows are checked against the codebook's routing (answered iff in universe) before anything is
 * written. The figures are recomputed through the real engine in tests/unit/samples/.
 */
import { readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32, type Rng } from './samples/prng.ts';
import { checkSample, readCodebook, toCsv } from './samples/codebook-io.ts';
import type { Sample } from './samples/sample.ts';
import { buildJcsa } from './samples/jcsa2025.ts';
import { buildFullstar } from './samples/fullstar2023.ts';
import { buildVirtualex } from './samples/virtualex2023.ts';

/** One synthetic microdata wave: where it lives, its seed and its builder. */
export interface SampleWave {
  survey: string;
  wave: string;
  seed: number;
  /** Prefix of respondent ids (ids are private and never published). */
  idPrefix: string;
  build(rng: Rng): { sample: Sample; checks: number };
}

export const WAVES: SampleWave[] = [
  { survey: 'jcsa', wave: '2025', seed: 20250101, idPrefix: 'J', build: buildJcsa },
  { survey: 'fullstar', wave: '2023', seed: 20230809, idPrefix: 'F', build: buildFullstar },
  { survey: 'virtualex', wave: '2023', seed: 20230317, idPrefix: 'V', build: buildVirtualex },
];

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Generates every wave in memory: repo-relative path → file content, plus the number of checks passed. */
export function generateAll(root = ROOT): { files: Map<string, string>; checks: Map<string, number> } {
  const files = new Map<string, string>();
  const checks = new Map<string, number>();
  for (const w of WAVES) {
    const dir = join('data', w.survey, w.wave);
    const codebook = readCodebook(join(root, dir, 'codebook.yaml'));
    const { sample, checks: passed } = w.build(mulberry32(w.seed));
    if (sample.n !== codebook.survey.n) throw new Error(`${dir}: generated ${sample.n} rows, codebook says n = ${codebook.survey.n}`);
    const problems = checkSample(codebook, sample);
    if (problems.length > 0) throw new Error(`${dir}: ${problems.length} routing/coding problem(s):\n  ${problems.slice(0, 40).join('\n  ')}`);
    const width = String(sample.n).length;
    const ids = Array.from({ length: sample.n }, (_, i) => `${w.idPrefix}${String(i + 1).padStart(width, '0')}`);
    files.set(join(dir, 'responses.csv'), toCsv(codebook, sample, ids));
    checks.set(`${w.survey}/${w.wave}`, passed);
  }
  return { files, checks };
}

/** Write a file atomically: a temp file next to it, then rename over the target. */
function writeAtomic(path: string, content: string): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, content, 'utf8');
  renameSync(temp, path);
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const { files, checks } = generateAll();
  const stale: string[] = [];
  for (const [path, content] of files) {
    const full = join(ROOT, path);
    if (check) {
      if (!existsSync(full) || readFileSync(full, 'utf8') !== content) stale.push(path);
    } else {
      writeAtomic(full, content);
    }
  }
  for (const [wave, passed] of checks) console.log(`${wave}: ${passed} generation checks passed`);
  if (stale.length > 0) {
    console.error(`Out of date (run npx node scripts/generate-samples.ts): ${stale.join(', ')}`);
    return 1;
  }
  console.log(check ? `${files.size} files up to date` : `wrote ${[...files.keys()].join(', ')}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
