/**
 * `npm run mutation [-- dataset|stats|publicuse ...] [-- any stryker option]`: mutation testing of
 * src/lib/{dataset,stats,publicuse} with Stryker and the vitest runner (scripts/mutation/
 * stryker.config.mjs). Without a directory name, all three. Reports: tmp/mutation/<name>.html.
 * Not part of CI: tens of minutes on 2 cores.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const known = ['dataset', 'stats', 'publicuse'];
const args = process.argv.slice(2);
const targets: string[] = [];
const rest: string[] = [];
for (const [i, a] of args.entries()) {
  if (known.includes(a)) targets.push(a);
  else if (a.startsWith('-') || (i > 0 && args[i - 1].startsWith('--'))) rest.push(a);
  else {
    console.error(`unknown directory "${a}": expected one of ${known.join(', ')}`);
    process.exit(2);
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const stryker = `${root}node_modules/@stryker-mutator/core/bin/stryker.js`;
const result = spawnSync(process.execPath, [stryker, 'run', 'scripts/mutation/stryker.config.mjs', ...rest], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, MUTATION_TARGETS: (targets.length ? targets : known).join(',') },
});
process.exit(result.status ?? 1);
