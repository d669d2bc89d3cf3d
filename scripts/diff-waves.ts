/**
 * `npm run diff-waves -- <survey> <earlier wave> <later wave>`: what changed between two waves of
 * a survey — questions added, dropped and renamed; wording, universe, answer type, grid rows and
 * options (added, dropped, relabelled, recoded) of linked questions; crosswalk gaps (src/lib/waves/
 * diff.ts). Reads the two codebooks from the data folder (`$HAKUSHO_DATA`, else `data`). The dev
 * site shows the same at /editors/diff/.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Codebook } from '../src/lib/dataset/codebook.ts';
import { diffText, diffWaves } from '../src/lib/waves/diff.ts';
import { dataRoot, readCodebookFile } from '../src/server/catalog.ts';
import { ID_MAX_LENGTH, WAVE_ID_MAX_LENGTH, WAVE_ID_PATTERN } from '../src/lib/dataset/limits.ts';

/** The codebook of a wave, or a message (Japanese) saying what is missing and what there is. */
export function waveCodebook(dataDir: string, survey: string, wave: string): Codebook | string {
  const dir = join(dataDir, survey);
  if (survey.length > ID_MAX_LENGTH || !/^[a-z0-9_-]+$/i.test(survey) || !existsSync(dir)) {
    const surveys = existsSync(dataDir) ? readdirSync(dataDir).filter((n) => !n.startsWith('.')) : [];
    return `調査「${survey.slice(0, 40)}」は ${dataDir}/ にありません（あるもの：${surveys.join('、') || 'なし'}）。`;
  }
  const file = join(dir, wave, 'codebook.yaml');
  if (wave.length > WAVE_ID_MAX_LENGTH || !WAVE_ID_PATTERN.test(wave) || !existsSync(file)) return `調査回「${wave.slice(0, 40)}」の codebook.yaml が ${dir}/ にありません（ある調査回：${readdirSync(dir).filter((n) => !n.startsWith('.')).join('、') || 'なし'}）。`;
  const r = readCodebookFile(file);
  return r.ok ? r.value.codebook : `${file} を読めません：${r.problems[0].message}（npm run validate で全ての問題を確認できます）`;
}

function main(): void {
  const [survey, a, b] = process.argv.slice(2);
  if (!survey || !a || !b) {
    console.error('使い方：npm run diff-waves -- <調査> <前の調査回> <後の調査回>　（例：npm run diff-waves -- virtualex 2022 2023）');
    process.exit(2);
  }
  const dataDir = dataRoot();
  const before = waveCodebook(dataDir, survey, a);
  const after = waveCodebook(dataDir, survey, b);
  const errors = [before, after].filter((x): x is string => typeof x === 'string');
  if (errors.length > 0) {
    for (const e of errors) console.error(`diff-waves: ${e}`);
    process.exit(1);
  }
  console.log(diffText(diffWaves(before as Codebook, after as Codebook)).join('\n'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
