/**
 * `npm run validate [-- --quiet] [root]`: loads and validates every wave under data/ (or root)
 * exactly as the build does, prints every problem (repeats grouped) and exits 1 if there are any.
 * `--quiet` prints nothing when all is well (the build runs it before `astro build`).
 */
import { dataRoot, readCatalog } from '../src/server/catalog.ts';
import { formatProblems, printable } from '../src/lib/dataset/problem.ts';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const root = args.find((a) => !a.startsWith('--')) ?? dataRoot();

const started = performance.now();
const result = readCatalog(root);
const seconds = ((performance.now() - started) / 1000).toFixed(1);

// Notices that need no fix (e.g. codes read after normalising full-width digits): printed once each, never fatal.
if (result.warnings.length > 0) for (const line of formatProblems(result.warnings)) console.error(`  ! ${line}`);

if (!result.ok) {
  const lines = formatProblems(result.problems);
  console.error(`✗ ${printable(root)}/: ${lines.length} problem${lines.length === 1 ? '' : 's'} to fix\n`);
  for (const line of lines) console.error(`  ${line}`);
  console.error('');
  process.exitCode = 1;
} else if (!quiet) {
  for (const w of result.value.waves) {
    const what = w.dataset ? `${w.dataset.n} respondents, ${w.dataset.variables.size} variables` : `${w.tables!.length} published tables`;
    // Titles and folder names come from data files: never raw control characters to the terminal.
    console.log(printable(`✓ ${w.dir}: ${w.codebook.survey.title} — ${what}`));
  }
  console.log(`\n${result.value.waves.length} wave${result.value.waves.length === 1 ? '' : 's'} valid (${seconds} s)`);
}
