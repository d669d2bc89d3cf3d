/** The oracle's sample wave, read through the real loader (tests/fixtures/oracle). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadWave } from '../../../src/lib/dataset/load.ts';
import { formatProblems } from '../../../src/lib/dataset/problem.ts';
import type { Dataset } from '../../../src/lib/dataset/types.ts';

const dir = fileURLToPath(new URL('../../fixtures/oracle/', import.meta.url));

export function oracleDataset(): Dataset {
  const result = loadWave({
    codebookPath: 'tests/fixtures/oracle/codebook.yaml',
    codebookText: readFileSync(dir + 'codebook.yaml', 'utf8'),
    responsesPath: 'tests/fixtures/oracle/responses.csv',
    responsesBytes: readFileSync(dir + 'responses.csv'),
  });
  if (!result.ok) throw new Error(formatProblems(result.problems).join('\n'));
  return result.value.dataset!;
}
