/**
 * `npm run diff-waves -- <survey> <earlier wave> <later wave>`: what changed between two waves of
 * a survey — questions added, dropped and renamed; wording, universe, answer type, grid rows and
 * options (added, dropped, relabelled, recoded) of linked questions; crosswalk gaps (src/lib/waves/
 * diff.ts). Reads the two codebooks from the data folder (`$HAKUSHO_DATA`, else `data`). The dev
 * site shows the same at /editors/diff/. In Japanese, or in English with `$HAKUSHO_LANG=en`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Codebook } from '../src/lib/dataset/codebook.ts';
import { diffText, diffWaves } from '../src/lib/waves/diff.ts';
import { dataRoot, readCodebookFile } from '../src/server/catalog.ts';
import { ID_MAX_LENGTH, WAVE_ID_MAX_LENGTH, WAVE_ID_PATTERN } from '../src/lib/dataset/limits.ts';
import { formatProblem, languageOf } from '../src/lib/dataset/problem.ts';
import type { Lang } from '../src/lib/dataset/problem.ts';

/** The codebook of a wave, or a message (Japanese, or English) saying what is missing and what there is. */
export function waveCodebook(dataDir: string, survey: string, wave: string, lang: Lang = 'ja'): Codebook | string {
  const ja = lang === 'ja';
  const dir = join(dataDir, survey);
  if (survey.length > ID_MAX_LENGTH || !/^[a-z0-9_-]+$/i.test(survey) || !existsSync(dir)) {
    const surveys = existsSync(dataDir) ? readdirSync(dataDir).filter((n) => !n.startsWith('.')) : [];
    return ja ? `調査「${survey.slice(0, 40)}」は ${dataDir}/ にありません（あるもの：${surveys.join('、') || 'なし'}）。` : `survey "${survey.slice(0, 40)}" is not in ${dataDir}/ (there are: ${surveys.join(', ') || 'none'}).`;
  }
  const file = join(dir, wave, 'codebook.yaml');
  if (wave.length > WAVE_ID_MAX_LENGTH || !WAVE_ID_PATTERN.test(wave) || !existsSync(file)) {
    const waves = readdirSync(dir).filter((n) => !n.startsWith('.'));
    return ja ? `調査回「${wave.slice(0, 40)}」の codebook.yaml が ${dir}/ にありません（ある調査回：${waves.join('、') || 'なし'}）。` : `no codebook.yaml of wave "${wave.slice(0, 40)}" in ${dir}/ (waves: ${waves.join(', ') || 'none'}).`;
  }
  const r = readCodebookFile(file);
  if (r.ok) return r.value.codebook;
  // The first problem, located and worded like `npm run validate` words it.
  return ja ? `codebook.yaml を読めません：${formatProblem(r.problems[0], lang)}（npm run validate で全ての問題を確認できます）` : `cannot read codebook.yaml: ${formatProblem(r.problems[0], lang)} (npm run validate lists every problem)`;
}

function main(): void {
  const lang = languageOf(process.env.HAKUSHO_LANG);
  const [survey, a, b] = process.argv.slice(2);
  if (!survey || !a || !b) {
    console.error(lang === 'ja' ? '使い方：npm run diff-waves -- <調査> <前の調査回> <後の調査回>　（例：npm run diff-waves -- virtualex 2022 2023）' : 'usage: npm run diff-waves -- <survey> <earlier wave> <later wave>   (e.g. npm run diff-waves -- virtualex 2022 2023)');
    process.exit(2);
  }
  const dataDir = dataRoot();
  const before = waveCodebook(dataDir, survey, a, lang);
  const after = waveCodebook(dataDir, survey, b, lang);
  const errors = [before, after].filter((x): x is string => typeof x === 'string');
  if (errors.length > 0) {
    for (const e of errors) console.error(`diff-waves: ${e}`);
    process.exit(1);
  }
  console.log(diffText(diffWaves(before as Codebook, after as Codebook), lang).join('\n'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
