/**
 * A worker thread that builds protected cubes (src/server/cube.ts, `prefetchCubes`): it reads the
 * wave folder as the catalog reads it, checks that the files are the ones the build read (their
 * digest), builds and encodes the cube and hands its files back (transferred, not copied). Any
 * problem is answered as an error: the main thread then builds that cube itself.
 */
import { parentPort } from 'node:worker_threads';
import { readWave } from './catalog.ts';
import { buildCubeFiles, type CubeAnswer, type CubeJob } from './cube.ts';

parentPort!.on('message', (job: CubeJob) => {
  let answer: CubeAnswer;
  try {
    const { result } = readWave(job.root, job.survey, job.wave);
    if (!result.ok) throw new Error('the wave has problems');
    if (result.value.digest !== job.digest) throw new Error('the wave files changed since the build read them');
    if (!result.value.dataset) throw new Error('the wave has no microdata');
    const { files, report } = buildCubeFiles({ ...result.value, dataset: result.value.dataset }, job.root);
    answer = { ok: true, files: [...files], report };
  } catch (e) {
    answer = { ok: false, error: (e as Error).message };
  }
  parentPort!.postMessage(answer, answer.ok ? answer.files.map(([, bytes]) => bytes.buffer) : []);
});
