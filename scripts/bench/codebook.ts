/**
 * `npm run bench codebook`: validating a generated codebook of 20,000 questions (and one of
 * 10,000, to show the time grows linearly): YAML parse, size checks, schema, every
 * cross-reference and headline check, publication. Target: 20,000 questions in ≤ 2 s.
 */
import { cpus, loadavg } from 'node:os';
import { parseDocument } from 'yaml';
import { readCodebook } from '../../src/lib/dataset/codebook-read.ts';

const RUNS = 3;

/** Single, multi, numeric and grid questions in turn, universes and derived variables on them, 50 headlines. */
export function bigCodebook(questions: number): string {
  const lines = [
    'survey:',
    '  id: bench',
    '  wave: "2025"',
    '  title: Benchmark codebook',
    '  publisher: Hakusho benchmark',
    '  fieldwork: { start: 2025-01-01, end: 2025-01-31 }',
    '  method: generated',
    '  population: generated respondents',
    '  n: 1000',
    '  citation: generated',
    '  licence: CC0',
    'questions:',
  ];
  const options = '[{ code: 1, label: はい }, { code: 2, label: いいえ }, { code: 9, label: わからない, nonSubstantive: true }]';
  for (let q = 0; q < questions; q++) {
    const universe = q % 10 === 9 ? ', universe: routed' : '';
    if (q % 4 === 0) lines.push(`  - { id: q${q}, text: 設問${q}, label: 設問${q}, type: single${universe}, options: ${options}, nets: [{ id: yes, label: はい, codes: [1] }] }`);
    else if (q % 4 === 1) lines.push(`  - { id: q${q}, text: 設問${q}, label: 設問${q}, type: multi${universe}, options: ${options} }`);
    else if (q % 4 === 2) lines.push(`  - { id: q${q}, text: 設問${q}, label: 設問${q}, type: numeric${universe}, unit: 人, min: 0 }`);
    else lines.push(`  - { id: q${q}, text: 設問${q}, label: 設問${q}, type: grid${universe}, rows: [{ id: a, label: A }, { id: b, label: B }], options: ${options} }`);
  }
  lines.push('derived:');
  for (let d = 0; d < questions / 100; d++) lines.push(`  - { id: d${d}, label: 区分${d}, options: [{ code: 1, label: 該当 }, { code: 2, label: 非該当 }], rules: [{ code: 1, when: { all: [{ q: q${d * 4}, in: [1] }, { universe: routed }] } }], otherwise: 2 }`);
  lines.push('universes:', '  - { id: routed, label: 対象, filter: { q: q0, in: [1] } }');
  lines.push('headlines:');
  for (let h = 0; h < 50; h++) lines.push(`  - { q: q${h * 4}, option: 1, by: d${h % (questions / 100)}, segment: 1, label: 見出し${h} }`);
  return `${lines.join('\n')}\n`;
}

function time(text: string): { ms: number; yamlMs: number; ok: boolean; detail: string } {
  let started = performance.now();
  parseDocument(text);
  const yamlMs = performance.now() - started;
  started = performance.now();
  const r = readCodebook(text, 'bench/codebook.yaml');
  const ms = performance.now() - started;
  const first = r.ok ? undefined : r.problems[0];
  return { ms, yamlMs, ok: r.ok, detail: first ? `${r.ok ? 0 : r.problems.length} problem: line ${first.line}, ${first.column}: ${first.message}` : `${r.ok ? r.value.questions.length : 0} questions valid` };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function bench(): Promise<string> {
  const rows: string[] = [];
  const medians: number[] = [];
  for (const [questions, broken] of [[10_000, false], [20_000, false], [20_000, true]] as const) {
    // One headline naming a question that does not exist: the located path names its line.
    const text = broken ? bigCodebook(questions).replace(/q: q0, option: 1/, 'q: nowhere, option: 1') : bigCodebook(questions);
    const runs = Array.from({ length: RUNS }, () => time(text));
    const ms = median(runs.map((r) => r.ms));
    if (!broken) medians.push(ms);
    const yaml = median(runs.map((r) => r.yamlMs));
    rows.push(`| ${questions.toLocaleString('en')} questions${broken ? ' with one problem' : ''}, ${(text.length / 1e6).toFixed(1)} M characters | ${(ms / 1000).toFixed(2)} s | ${runs.map((r) => (r.ms / 1000).toFixed(2)).join(' / ')} | ${(yaml / 1000).toFixed(2)} s | ${runs[0].detail} |`);
  }
  return [
    `readCodebook on generated codebooks (single, multi, numeric and grid questions in turn, 1 in 10 routed, a derived variable per 100 questions, 50 headlines with a banner); median of ${RUNS}.`,
    '',
    '| codebook | readCodebook, median | runs | the located path alone would parse with `yaml` (median; taken only when a codebook has problems) | result |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    `Twice the questions take **${(medians[1] / medians[0]).toFixed(2)}×** the time (linear: 2×). Target: 20,000 questions in ≤ 2 s. A valid codebook is read by js-yaml (no positions); one with problems is read again by \`yaml\` so each problem names its line. ${cpus().length} cores, 1-minute load average ${loadavg()[0].toFixed(1)} at the end (other work slows every row alike).`,
  ].join('\n');
}
