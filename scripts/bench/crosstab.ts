/**
 * Cross-tab speed: the same tables over 100,000 synthetic respondents (seeded) computed by
 * (a) Hakusho's engine — the full CrossTab: counts, weighted bases, CIs, letters, χ² — both on
 *     the first use of the filter ("cold": the filter is evaluated to a bitset) and with the
 *     filter's bitset already remembered ("warm": an explorer changing question or banner);
 * (b) Arquero 7 — filter / groupby / count (counts only);
 * (c) a naive array-of-objects loop with a Map (counts only);
 * (d) one bare pass over typed arrays (counts only): the floor the engine approaches.
 * Tables: Q (8 options) × banner (4 columns) with one 50 % filter; MA (10 options) × banner with
 * the same filter. Median of many runs after warm-up; ratios against the engine.
 */
import * as aq from 'arquero';
import { Codebook } from '../../src/lib/dataset/codebook.ts';
import type { Dataset, Bitset, Variable } from '../../src/lib/dataset/types.ts';
import { createBitset, fullBitset, setBit } from '../../src/lib/dataset/bitset.ts';
import { crosstab, forgetFilters } from '../../src/lib/stats/index.ts';
import type { TableSpec } from '../../src/lib/stats/index.ts';
import { mulberry32 } from '../samples/prng.ts';

const N = 100_000;
const Q_OPTIONS = 8;
const BANNER = 4;
const MA_OPTIONS = 10;

const options = (k: number) => Array.from({ length: k }, (_, i) => ({ code: i + 1, label: `選択肢${i + 1}` }));

function benchDataset(): { dataset: Dataset; q: Int16Array; seg: Int16Array; f: Int16Array; ma: Uint8Array[] } {
  const rng = mulberry32(100_000);
  const codebook = Codebook.parse({
    survey: { id: 'bench', wave: '2025', title: 'bench', publisher: 'bench', fieldwork: { start: '2025-01-01', end: '2025-01-02' }, method: 'synthetic', population: 'synthetic', n: N, citation: 'bench', licence: 'CC0', synthetic: true },
    questions: [
      { id: 'q', text: 'q', label: 'q', type: 'single', options: options(Q_OPTIONS) },
      { id: 'seg', text: 'seg', label: 'seg', type: 'single', options: options(BANNER) },
      { id: 'f', text: 'f', label: 'f', type: 'single', options: options(2) },
      { id: 'ma', text: 'ma', label: 'ma', type: 'multi', options: options(MA_OPTIONS) },
    ],
  });
  const q = new Int16Array(N);
  const seg = new Int16Array(N);
  const f = new Int16Array(N);
  const ma = Array.from({ length: MA_OPTIONS }, () => new Uint8Array(N));
  const chosen: Bitset[] = Array.from({ length: MA_OPTIONS }, () => createBitset(N));
  for (let i = 0; i < N; i++) {
    seg[i] = Math.floor(rng.next() * BANNER);
    q[i] = Math.min(Q_OPTIONS - 1, Math.floor(rng.next() * rng.next() * Q_OPTIONS * 1.6));
    f[i] = rng.next() < 0.5 ? 0 : 1;
    for (let k = 0; k < MA_OPTIONS; k++) {
      if (rng.next() < 0.1 + 0.05 * k) {
        ma[k][i] = 1;
        setBit(chosen[k], i);
      }
    }
  }
  const all = fullBitset(N);
  const coded = (id: string, index: Int16Array, k: number) => ({ kind: 'coded' as const, id, label: id, options: options(k), index, answered: all });
  const dataset: Dataset = {
    codebook,
    n: N,
    ids: Array.from({ length: N }, (_, i) => `r${i}`),
    weights: null,
    variables: new Map<string, Variable>([
      ['q', coded('q', q, Q_OPTIONS)],
      ['seg', coded('seg', seg, BANNER)],
      ['f', coded('f', f, 2)],
      ['ma', { kind: 'multi', id: 'ma', label: 'ma', options: options(MA_OPTIONS), chosen, answered: all }],
    ]),
    universes: new Map([['all', all]]),
    questions: new Map(codebook.questions.map((x) => [x.id, x])),
    derived: new Map(),
  };
  return { dataset, q, seg, f, ma };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall time of `fn` in ms over `runs` runs after `warm` warm-up runs. */
function time(fn: () => unknown, runs: number, warm = 20): number {
  let sink = 0;
  for (let i = 0; i < warm; i++) sink += fn() ? 1 : 0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    sink += fn() ? 1 : 0;
    times.push(performance.now() - t);
  }
  if (sink < 0) console.log(sink);
  return median(times);
}

export default async function (): Promise<string> {
  const { dataset, q, seg, f, ma } = benchDataset();
  const sa: TableSpec = { question: 'q', banner: 'seg', filters: [{ q: 'f', in: [2] }] };
  const mas: TableSpec = { question: 'ma', banner: 'seg', filters: [{ q: 'f', in: [2] }] };

  const columns: Record<string, ArrayLike<number>> = { q, seg, f };
  ma.forEach((col, k) => (columns[`ma_${k + 1}`] = col));
  const table = aq.table(columns);
  const maSums = Object.fromEntries(ma.map((_, k) => [`ma_${k + 1}`, aq.op.sum(`ma_${k + 1}`)]));
  const objects = Array.from({ length: N }, (_, i) => ({ q: q[i], seg: seg[i], f: f[i], ma: ma.map((col) => col[i]) }));

  const naiveSa = () => {
    const counts = new Map<string, number>();
    for (const r of objects) {
      if (r.f !== 1) continue;
      const key = `${r.seg}|${r.q}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  };
  const naiveMa = () => {
    const counts = new Map<string, number>();
    for (const r of objects) {
      if (r.f !== 1) continue;
      r.ma.forEach((v, k) => {
        if (v === 1) counts.set(`${r.seg}|${k}`, (counts.get(`${r.seg}|${k}`) ?? 0) + 1);
      });
    }
    return counts;
  };
  const bareSa = () => {
    const counts = new Int32Array(BANNER * Q_OPTIONS);
    for (let i = 0; i < N; i++) if (f[i] === 1) counts[seg[i] * Q_OPTIONS + q[i]]++;
    return counts;
  };

  // Same counts from every implementation before timing anything.
  const ours = crosstab(dataset, sa);
  const arq = table.filter((d: { f: number }) => d.f === 1).groupby('seg', 'q').count().objects() as Array<{ seg: number; q: number; count: number }>;
  const naive = naiveSa();
  const bare = bareSa();
  for (const { seg: s, q: k, count } of arq) {
    const mine = ours.rows[k].cells[s + 1].count;
    if (mine !== count || naive.get(`${s}|${k}`) !== count || bare[s * Q_OPTIONS + k] !== count) throw new Error(`bench: implementations disagree at seg ${s}, q ${k}`);
  }
  const oursMa = crosstab(dataset, mas);
  const arqMa = table.filter((d: { f: number }) => d.f === 1).groupby('seg').rollup(maSums).objects() as Array<Record<string, number>>;
  for (const row of arqMa) for (let k = 0; k < MA_OPTIONS; k++) if (oursMa.rows[k].cells[row.seg + 1].count !== row[`ma_${k + 1}`]) throw new Error('bench: MA counts disagree');

  const runs = 200;
  const results = [
    { name: `SA ${Q_OPTIONS}×${BANNER}, 50 % filter`, cold: time(() => (forgetFilters(dataset), crosstab(dataset, sa)), runs), engine: time(() => crosstab(dataset, sa), runs), arquero: time(() => table.filter((d: { f: number }) => d.f === 1).groupby('seg', 'q').count(), 40, 5), naive: time(naiveSa, 60, 5), bare: time(bareSa, runs) },
    { name: `MA ${MA_OPTIONS} options ×${BANNER}, 50 % filter`, cold: time(() => (forgetFilters(dataset), crosstab(dataset, mas)), runs), engine: time(() => crosstab(dataset, mas), runs), arquero: time(() => table.filter((d: { f: number }) => d.f === 1).groupby('seg').rollup(maSums), 40, 5), naive: time(naiveMa, 40, 5), bare: NaN },
  ];
  const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
  const ratio = (x: number, y: number) => (Number.isFinite(x) ? `${(x / y).toFixed(1)}×` : '—');
  return [
    `${N.toLocaleString('en-US')} respondents; median ms per table (engine: full CrossTab with bases, CIs, letters, χ²; others: counts only).`,
    '',
    '| table | engine ms (warm) | engine ms (cold) | Arquero 7 ms | naive objects ms | bare typed-array pass ms | Arquero / engine warm | Arquero / engine cold | naive / engine warm |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.name} | ${ms(r.engine)} | ${ms(r.cold)} | ${ms(r.arquero)} | ${ms(r.naive)} | ${ms(r.bare)} | ${ratio(r.arquero, r.engine)} | ${ratio(r.arquero, r.cold)} | ${ratio(r.naive, r.engine)} |`),
  ].join('\n');
}
