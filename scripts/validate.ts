/**
 * `npm run validate [-- --quiet] [root]`: loads and validates every wave under data/
 * ($HAKUSHO_DATA, or root) exactly as the build does, then every MDX chapter under content/
 * ($HAKUSHO_CONTENT) against those waves with the build's own resolvers (src/server/chapters.ts);
 * prints every problem (data problems with repeats grouped, chapter problems as `file:line` in
 * Japanese) and exits 1 if there are any. Warnings (a chapter the codebook lists without MDX)
 * are printed but pass. A data folder named as `root` is checked alone, unless $HAKUSHO_CONTENT
 * names the chapters written for it (content/ belongs to data/).
 * `--quiet` prints nothing but warnings when all is well (the build runs it before `astro build`).
 */
import { cacheCatalog, dataRoot, readCatalog } from '../src/server/catalog.ts';
import { prepareWorkbooks } from '../src/server/workbook.ts';
import { formatProblems, printable } from '../src/lib/dataset/problem.ts';
import { contentRoot } from '../src/server/content.ts';
import type { ChapterProblem, ChapterReport } from '../src/server/chapters.ts';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const rootArg = args.find((a) => !a.startsWith('--'));
const root = rootArg ?? dataRoot();
// The figure resolvers read the catalog of $HAKUSHO_DATA: the same folder as the one checked here.
process.env.HAKUSHO_DATA = root;
const content = rootArg === undefined || process.env.HAKUSHO_CONTENT !== undefined ? contentRoot() : null;

const started = performance.now();
await prepareWorkbooks(root);
const result = readCatalog(root);
const dataSeconds = (performance.now() - started) / 1000;
if (result.ok) cacheCatalog(root, result.value);

// Notices that need no fix (e.g. codes read after normalising full-width digits): printed once each, never fatal.
if (result.warnings.length > 0) for (const line of formatProblems(result.warnings)) console.error(`  ! ${line}`);

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
  const lines = formatProblems(result.problems);
  console.error(`✗ ${printable(root)}/: ${plural(lines.length, 'problem')} to fix\n`);
  for (const line of lines) console.error(`  ${line}`);
  console.error('');
}
if (chapters.problems.length > 0) {
  console.error(`✗ ${printable(String(content))}/: 章に ${chapters.problems.length} 件の問題があります\n`);
  for (const p of chapters.problems) console.error(`  ${located(p)}`);
  console.error('');
}
if (!result.ok && chapters.files > 0) console.error(`  （データに問題があるため、章の <Stat>・<Chart>・<Change> が指す名前はまだ確かめていません）\n`);
if (chapters.warnings.length > 0) {
  console.warn(`⚠ 注意 ${chapters.warnings.length} 件\n`);
  for (const p of chapters.warnings) console.warn(`  ${located(p)}`);
  console.warn('');
}
if (!result.ok || chapters.problems.length > 0) process.exitCode = 1;
else if (!quiet) {
  for (const w of result.value.waves) {
    const what = w.dataset ? `${w.dataset.n} respondents, ${w.dataset.variables.size} variables` : `${w.tables!.length} published tables`;
    // Titles and folder names come from data files: never raw control characters to the terminal.
    console.log(printable(`✓ ${w.dir}: ${w.codebook.survey.title} — ${what}`));
  }
  const checked = content === null ? '' : `, ${plural(chapters.files, 'chapter')} valid (${chapterSeconds.toFixed(1)} s)`;
  if (content !== null) console.log(`✓ ${printable(content)}/: ${plural(chapters.files, 'chapter')} checked against these waves`);
  console.log(`\n${plural(result.value.waves.length, 'wave')} valid (${dataSeconds.toFixed(1)} s)${checked}`);
}
