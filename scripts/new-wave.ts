/**
 * `npm run new-wave -- <survey> <wave> [--from <wave>]`: starts a wave from the previous one
 * (default: the survey's latest wave) — data/<survey>/<wave>/codebook.yaml with a crosswalk to it
 * and a checklist of what to confirm, and content/<survey>/<wave>/ chapter stubs
 * (src/lib/waves/scaffold.ts). Never overwrites: an existing wave folder is an error. Messages
 * are in Japanese, or in English with `$HAKUSHO_LANG=en` (the checklist written into the codebook
 * stays Japanese: it is part of the wave's file, not a message).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chapterStub, scaffoldCodebook } from '../src/lib/waves/scaffold.ts';
import { dataRoot } from '../src/server/catalog.ts';
import { contentRoot } from '../src/server/content.ts';
import { WAVE_ID_MAX_LENGTH, WAVE_ID_PATTERN } from '../src/lib/dataset/limits.ts';
import { languageOf } from '../src/lib/dataset/problem.ts';
import type { Lang } from '../src/lib/dataset/problem.ts';

export function newWave(argv: string[], dataDir: string, contentDir: string, lang: Lang = 'ja'): { ok: boolean; lines: string[] } {
  const ja = lang === 'ja';
  const fail = (jaLine: string, enLine: string) => ({ ok: false, lines: [ja ? jaLine : enLine] });
  const positional: string[] = [];
  let from0: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--from') from0 = argv[++i];
    else if (argv[i].startsWith('--from=')) from0 = argv[i].slice('--from='.length);
    else positional.push(argv[i]);
  }
  const [survey, wave] = positional;
  if (!survey || !wave)
    return fail(
      '使い方：npm run new-wave -- <調査> <新しい調査回> [--from <元の調査回>]　（例：npm run new-wave -- jcsa 2026 --from 2025）',
      'usage: npm run new-wave -- <survey> <new wave> [--from <earlier wave>]   (e.g. npm run new-wave -- jcsa 2026 --from 2025)',
    );
  const surveyDir = join(dataDir, survey);
  if (!existsSync(surveyDir)) {
    const surveys = readdirSync(dataDir).filter((n) => !n.startsWith('.'));
    return fail(`調査「${survey.slice(0, 40)}」は ${dataDir}/ にありません（あるもの：${surveys.join('、')}）。`, `survey "${survey.slice(0, 40)}" is not in ${dataDir}/ (there are: ${surveys.join(', ')}).`);
  }
  if (wave.length > WAVE_ID_MAX_LENGTH || !WAVE_ID_PATTERN.test(wave))
    return fail(
      `調査回「${wave.slice(0, 40)}」は使えません。半角の英小文字・数字・ハイフン（40文字まで）で指定してください（例：2026）。`,
      `wave "${wave.slice(0, 40)}" cannot be used: give lower-case letters, digits and hyphens, at most 40 characters (e.g. 2026).`,
    );
  const waves = readdirSync(surveyDir).filter((n) => !n.startsWith('.') && existsSync(join(surveyDir, n, 'codebook.yaml'))).sort();
  const from = from0 ?? waves[waves.length - 1];
  if (!from || !waves.includes(from))
    return fail(
      `元にする調査回「${String(from0 ?? '').slice(0, 40)}」の codebook.yaml が ${surveyDir}/ にありません（ある調査回：${waves.join('、') || 'なし'}）。`,
      `no codebook.yaml of the wave to start from, "${String(from0 ?? '').slice(0, 40)}", in ${surveyDir}/ (waves: ${waves.join(', ') || 'none'}).`,
    );
  const target = join(surveyDir, wave);
  if (existsSync(target)) return fail(`${target}/ はもうあります。上書きはしません（作り直すときはフォルダを移動してから実行してください）。`, `${target}/ exists already and is not overwritten (move the folder away to start again).`);
  const chaptersFrom = join(contentDir, survey, from);
  const chapters = existsSync(chaptersFrom) ? readdirSync(chaptersFrom).filter((f) => f.endsWith('.mdx')).sort() : [];
  const chaptersTo = join(contentDir, survey, wave);
  if (chapters.length > 0 && existsSync(chaptersTo)) return fail(`${chaptersTo}/ はもうあります。上書きはしません。`, `${chaptersTo}/ exists already and is not overwritten.`);
  const { text, checklist } = scaffoldCodebook(readFileSync(join(surveyDir, from, 'codebook.yaml'), 'utf8'), from, wave, chapters);
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, 'codebook.yaml'), text);
  if (chapters.length > 0) {
    mkdirSync(chaptersTo, { recursive: true });
    for (const f of chapters) writeFileSync(join(chaptersTo, f), chapterStub(readFileSync(join(chaptersFrom, f), 'utf8'), from, wave, join(chaptersFrom, f)));
  }
  if (!ja)
    return {
      ok: true,
      lines: [
        `✓ wrote ${join(target, 'codebook.yaml')} (from ${from}; ${checklist.length} checklist items, crosswalk to ${from})`,
        ...(chapters.length > 0 ? [`✓ wrote ${chapters.length} chapter drafts to ${chaptersTo}/ (${chapters.join(', ')})`] : []),
        '',
        'Next:',
        `  1. put the responses (responses.csv) in ${target}/`,
        `  2. edit the questions of codebook.yaml to this wave's questionnaire (renames and recodes under crosswalk.questions, trends to stop under crosswalk.breaks; questions with the same id link by themselves)`,
        `  3. check the checklist items and set done: true on those done (npm run validate shows what is left; the wave cannot be published while any is open)`,
        `  4. check the changes with npm run diff-waves -- ${survey} ${from} ${wave}`,
        '  5. write the chapters (figures through <Stat> / <Change>)',
      ],
    };
  return {
    ok: true,
    lines: [
      `✓ ${join(target, 'codebook.yaml')} を作りました（${from} から。確認項目 ${checklist.length} 件、crosswalk は ${from} へ）`,
      ...(chapters.length > 0 ? [`✓ ${chaptersTo}/ に章の下書きを ${chapters.length} 件作りました（${chapters.join('、')}）`] : []),
      '',
      '次にすること：',
      `  1. 回答データ（responses.csv）を ${target}/ に置く`,
      `  2. codebook.yaml の設問を今回の調査票に合わせる（改名・コードの変更は crosswalk.questions、推移を切る設問は crosswalk.breaks に書く。同じIDの設問は自動でつながります）`,
      `  3. checklist の項目を確かめ、済んだものを done: true にする（npm run validate が残りを示します。残っている間は公開できません）`,
      `  4. npm run diff-waves -- ${survey} ${from} ${wave} で変更点を確かめる`,
      '  5. 章の本文を書く（数値は <Stat> / <Change> で引用）',
    ],
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = newWave(process.argv.slice(2), dataRoot(), contentRoot(), languageOf(process.env.HAKUSHO_LANG));
  (r.ok ? console.log : console.error)(r.lines.join('\n'));
  process.exit(r.ok ? 0 : 1);
}
