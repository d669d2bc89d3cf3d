/**
 * Attacks on the built files of jcsa/2025 (`publish: aggregates`), played as an attacker with the
 * whole cube would, and checked against the true microdata (which only the test has):
 *  (a) isolation — no published column has a true base under the suppression threshold;
 *  (b) differencing — every pair of cube queries whose true populations differ by exactly one
 *      respondent is found; the attack (the option whose count rises by one names the answer) must
 *      recover that respondent's answer no more often than guessing the published marginal mode;
 *      the same attack against a cube built without the guard shows that it is real;
 *  (c) the wave's folder holds only cube files and totals: no rows, ids or free text.
 * (Node only: reads dist/ and data/, no browser.)
 */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { loadCatalog } from '../../src/server/catalog.ts';
import { decodeCube } from '../../src/lib/cube/format.ts';
import { buildCube } from '../../src/lib/cube/build.ts';
import type { QuestionCube } from '../../src/lib/cube/types.ts';
import { oneApartPairs, playDifferencing, populations } from '../../src/lib/cube/audit.ts';
import { publicCodebook } from '../../src/lib/publicuse/publicity.ts';
import { count } from '../../src/lib/dataset/bitset.ts';
import { OUT } from './site.ts';

const THRESHOLD = 10;
/** How much better than the marginal guess the attack may do, in recovered answers (share). */
const MARGIN = 0.02;

const wave = loadCatalog().get('jcsa', '2025')!;
const dataset = wave.dataset!;
const codebook = publicCodebook(wave.codebook);

function builtCubes(): Map<string, QuestionCube> {
  const dir = `${OUT}/data/jcsa/2025/cube`;
  return new Map(readdirSync(dir).map((f) => [f.replace(/\.bin$/, ''), decodeCube(readFileSync(`${dir}/${f}`))]));
}

test('(a) isolation: no published column of any cube query has a true base under the threshold', () => {
  test.setTimeout(300_000);
  const { population } = populations(dataset, codebook);
  let published = 0;
  // Plain checks in the loop (an expect per cell would cost more than the audit): failures are collected.
  const failures: string[] = [];
  for (const [id, cube] of builtCubes()) {
    const universe = cube.meta.universe;
    cube.banners.forEach((b, bi) =>
      cube.restrictions.forEach((_, ri) =>
        b.columns.forEach((col, c) => {
          const cell = cube.cells[bi][ri][c];
          if (!cell) return;
          published++;
          const n = count(population(universe, ri, b.id, col.key));
          if (n < THRESHOLD || cell.counts[0] < THRESHOLD) failures.push(`${id} by ${b.id} / ${cube.restrictions[ri].id}: column ${col.key} published with a true base of ${n} (shown ${cell.counts[0]})`);
        }),
      ),
    );
  }
  expect(failures.slice(0, 10)).toEqual([]);
  expect(published).toBeGreaterThan(100_000);
});

test('(b) differencing: pairs one respondent apart reveal no more than the marginal guess; without the guard they would', () => {
  test.setTimeout(600_000);
  const cubes = builtCubes();
  const pairs = oneApartPairs(dataset, codebook, cubes);
  expect(pairs.length).toBeGreaterThanOrEqual(200);
  const built = playDifferencing(dataset, cubes, pairs);
  console.log(`differencing on the built cube: ${built.pairs} query pairs, ${built.played} playable; attack ${(built.attack * 100).toFixed(1)} % vs marginal guess ${(built.guess * 100).toFixed(1)} %`);
  expect(built.attack).toBeLessThanOrEqual(built.guess + MARGIN);
  // The same attack on a cube without the differencing guard (cell key noise alone) succeeds far more often.
  const keys = new Float64Array(dataset.n).map((_, i) => (Math.imul(i + 7, 2246822519) >>> 0) % 2 ** 24);
  const unguarded = buildCube(dataset, codebook, keys, { perturbation: wave.codebook.cube.perturbation, suppressBase: THRESHOLD, guard: false });
  const open = playDifferencing(dataset, unguarded.questions, pairs);
  console.log(`differencing without the guard: ${open.played} playable; on those, attack ${(open.attackPlayed * 100).toFixed(1)} % vs marginal guess ${(open.guessPlayed * 100).toFixed(1)} %`);
  expect(open.played).toBeGreaterThan(50);
  expect(open.attackPlayed).toBeGreaterThan(open.guessPlayed + 0.1);
});

test('(c) the folder of an aggregates wave holds no respondent rows, ids or free text', () => {
  for (const [survey, w] of [['jcsa', '2025'], ['virtualex', '2023']]) {
    const dir = `${OUT}/data/${survey}/${w}`;
    expect(readdirSync(dir).sort(), `${survey}/${w}`).toEqual(['cube', 'tables.json']);
    const original = loadCatalog().get(survey, w)!.dataset!;
    const ids = new Set(original.ids);
    const texts = [...original.variables.values()].flatMap((v) => (v.kind === 'text' ? v.values.filter((x): x is string => !!x && x.length >= 6) : []));
    for (const file of [...readdirSync(`${dir}/cube`).map((f) => `cube/${f}`), 'tables.json']) {
      const text = readFileSync(`${dir}/${file}`).toString('utf8');
      const tokens = text.match(/[A-Za-z]+\d+/g) ?? [];
      expect(tokens.filter((t) => ids.has(t)), `${file}: respondent ids`).toEqual([]);
      expect(texts.filter((answer) => text.includes(answer)), `${file}: free text`).toEqual([]);
    }
    // Nor do the explorer and question pages offer rows for it.
    const explore = readFileSync(`${OUT}/explore/index.html`, 'utf8');
    expect(explore).not.toContain(`/data/${survey}/${w}/public-use.bin`);
  }
});
