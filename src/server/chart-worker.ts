/**
 * A worker thread that draws charts ahead of the pages that show them (src/components/figure-data.ts,
 * `drawAhead`): the same `renderChart` and `svgMarkup` on its own server-side DOM, answering each
 * drawing with the key the build files it under. A drawing is a pure function of its table, form
 * and width, so it is the same whichever thread draws it (tests/unit/charts/draw-ahead.test.ts).
 */
import { parentPort } from 'node:worker_threads';
import { drawChart, type DrawJob } from './chart-draw.ts';

parentPort!.on('message', (job: DrawJob) => {
  const drawings = job.widths.map((width, i) => {
    try {
      return { key: job.keys[i], ...drawChart({ table: job.table, variable: job.variable, kind: job.kind, width, lang: job.lang }) };
    } catch (e) {
      return { key: job.keys[i], error: (e as Error).message };
    }
  });
  parentPort!.postMessage(drawings);
});
