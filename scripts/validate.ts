/**
 * `npm run validate [-- --quiet] [--lang en] [root]`: loads and validates every wave under data/
 * ($HAKUSHO_DATA, or root) exactly as the build does, then every MDX chapter under content/
 * ($HAKUSHO_CONTENT) against those waves with the build's own resolvers (src/server/chapters.ts);
 * prints every problem (data problems with repeats grouped, chapter problems as `file:line` in
 * Japanese) and exits 1 if there are any. Warnings (a chapter the codebook lists without MDX)
 * are printed but pass. A data folder named as `root` is checked alone, unless $HAKUSHO_CONTENT
 * names the chapters written for it (content/ belongs to data/).
 * `--quiet` prints nothing but warnings when all is well (the build runs it before `astro build`).
 * Messages are in Japanese; `--lang en` (or `$HAKUSHO_LANG=en`) prints the data problems and the
 * summary in English (chapter problems are written in Japanese only).
 */
import { cacheCatalog, dataRoot, readCatalog } from '../src/server/catalog.ts';
import { prepareWorkbooks } from '../src/server/workbook.ts';
import { formatProblems, languageOf, printable } from '../src/lib/dataset/problem.ts';
import { contentRoot } from '../src/server/content.ts';
import type { ChapterProblem, ChapterReport } from '../src/server/chapters.ts';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
// `--lang en` or `--lang=en`; its value is no root folder.
const langAt = args.indexOf('--lang');
const langArg = langAt >= 0 ? args[langAt + 1] : args.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
const rootArg = args.find((a, i) => !a.startsWith('--') && !(langAt >= 0 && i === langAt + 1));
const root = rootArg ?? dataRoot();
const lang = languageOf(langArg ?? process.env.HAKUSHO_LANG);
// The figure resolvers read the catalog of $HAKUSHO_DATA, in $HAKUSHO_LANG: the same folder and language as here.
process.env.HAKUSHO_DATA = root;
process.env.HAKUSHO_LANG = lang;
const ja = lang === 'ja';
const content = rootArg === undefined || process.env.HAKUSHO_CONTENT !== undefined ? contentRoot() : null;

const started = performance.now();
await prepareWorkbooks(root);
const result = readCatalog(root);
const dataSeconds = (performance.now() - started) / 1000;
if (result.ok) cacheCatalog(root, result.value);

// Notices that need no fix (e.g. codes read after normalising full-width digits): printed once each, never fatal.
if (result.warnings.length > 0) for (const line of formatProblems(result.warnings, lang)) console.error(`  ! ${line}`);

const chaptersStarted = performance.now();
let chapters: ChapterReport = { problems: [], warnings: [], files: 0 };
const located = (p: ChapterProblem) => printable(`${p.file}:${p.line} ${p.message}`);
if (content !== null) {
  // Imported only when there are chapters to check (the resolvers bring the chart code with them).
  const { checkChapters } = await import('../src/server/chapters.ts');
  chapters = checkChapters(result.ok ? result.value : null, content);
}
const chapterSeconds = (performance.now() - chaptersStarted) / 1000;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
if (!result.ok) {
  const lines = formatProblems(result.problems, lang);
  console.error(ja ? `✗ ${printable(root)}/: 直すべき問題が ${lines.length} 件あります\n` : `✗ ${printable(root)}/: ${plural(lines.length, 'problem')} to fix\n`);
  for (const line of lines) console.error(`  ${line}`);
  console.error('');
}
if (chapters.problems.length > 0) {
  console.error(ja ? `✗ ${printable(String(content))}/: 章に ${chapters.problems.length} 件の問題があります\n` : `✗ ${printable(String(content))}/: ${plural(chapters.problems.length, 'chapter problem')}\n`);
  for (const p of chapters.problems) console.error(`  ${located(p)}`);
  console.error('');
}
if (!result.ok && chapters.files > 0)
  console.error(ja ? `  （データに問題があるため、章の <Stat>・<Chart>・<Change> が指す名前はまだ確かめていません）\n` : `  (the data has problems: the names chapters' <Stat>, <Chart> and <Change> use are not checked yet)\n`);
if (chapters.warnings.length > 0) {
  console.warn(ja ? `⚠ 注意 ${chapters.warnings.length} 件\n` : `⚠ ${plural(chapters.warnings.length, 'warning')}\n`);
  for (const p of chapters.warnings) console.warn(`  ${located(p)}`);
  console.warn('');
}
if (!result.ok || chapters.problems.length > 0) process.exitCode = 1;
else if (!quiet) {
  for (const w of result.value.waves) {
    const what = ja
      ? w.dataset
        ? `回答者 ${w.dataset.n} 人、変数 ${w.dataset.variables.size} 個`
        : `公表された表 ${w.tables!.length} 個`
      : w.dataset
        ? `${w.dataset.n} respondents, ${w.dataset.variables.size} variables`
        : `${w.tables!.length} published tables`;
    // Titles and folder names come from data files: never raw control characters to the terminal.
    console.log(printable(`✓ ${w.dir}: ${w.codebook.survey.title} — ${what}`));
  }
  if (ja) {
    const checked = content === null ? '' : `、章 ${chapters.files} 件に問題なし（${chapterSeconds.toFixed(1)} 秒）`;
    if (content !== null) console.log(`✓ ${printable(content)}/: 章 ${chapters.files} 件をこれらの調査回と照合しました`);
    console.log(`\n調査回 ${result.value.waves.length} 件に問題なし（${dataSeconds.toFixed(1)} 秒）${checked}`);
  } else {
    const checked = content === null ? '' : `, ${plural(chapters.files, 'chapter')} valid (${chapterSeconds.toFixed(1)} s)`;
    if (content !== null) console.log(`✓ ${printable(content)}/: ${plural(chapters.files, 'chapter')} checked against these waves`);
    console.log(`\n${plural(result.value.waves.length, 'wave')} valid (${dataSeconds.toFixed(1)} s)${checked}`);
  }
}
