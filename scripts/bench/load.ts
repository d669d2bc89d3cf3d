/**
 * `npm run bench load`: load + validate a generated 100,000-respondent × 150-question wave
 * (50 single, 50 banded, 50 multi-answer with 10 options each → 602 columns), against papaparse
 * parsing the same bytes alone. Each measurement runs in a fresh child process so peak RSS is
 * its own. The file is generated into the OS temp folder with a fixed seed (same bytes every run).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, statSync, renameSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { loadWave } from '../../src/lib/dataset/load.ts';

const RESPONDENTS = 100_000;
const PER_TYPE = 50;
const MULTI_OPTIONS = 10;
const RUNS = 3;
const dir = join(tmpdir(), `hakusho-bench-load-${RESPONDENTS}-v1`);

/** mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function codebookYaml(): string {
  const lines = [
    'survey:',
    '  id: bench',
    '  wave: "2025"',
    '  title: Benchmark wave',
    '  publisher: Hakusho benchmark',
    '  fieldwork: { start: 2025-01-01, end: 2025-01-31 }',
    '  method: generated',
    '  population: generated respondents',
    `  n: ${RESPONDENTS}`,
    '  citation: generated',
    '  licence: CC0',
    '  synthetic: true',
    '  weightColumn: weight',
    'questions:',
  ];
  for (let q = 1; q <= PER_TYPE; q++) {
    // Every fifth single question is routed: asked only of s1 = 1 or 2.
    lines.push(`  - { id: s${q}, text: single ${q}, label: s${q}, type: single${q % 5 === 0 ? ', universe: routed' : ''}, options: [${[1, 2, 3, 4, 5].map((c) => `{ code: ${c}, label: o${c} }`).join(', ')}] }`);
  }
  for (let q = 1; q <= PER_TYPE; q++) {
    const bands = [0, 1, 3, 5, 10, 20].map((lower, k, all) => `{ code: ${k + 1}, label: b${k + 1}, lower: ${lower}${k < all.length - 1 ? `, upper: ${all[k + 1]}` : ''} }`);
    lines.push(`  - { id: b${q}, text: banded ${q}, label: b${q}, type: banded, unit: "%", options: [${bands.join(', ')}, { code: 9, label: dk, nonSubstantive: true }] }`);
  }
  for (let q = 1; q <= PER_TYPE; q++) {
    const options = Array.from({ length: MULTI_OPTIONS }, (_, k) => `{ code: ${k + 1}, label: m${k + 1}${k === MULTI_OPTIONS - 1 ? ', exclusive: true' : ''} }`);
    lines.push(`  - { id: m${q}, text: multi ${q}, label: m${q}, type: multi, options: [${options.join(', ')}] }`);
  }
  lines.push('universes:', '  - { id: routed, label: routed, filter: { q: s1, in: [1, 2] } }');
  return `${lines.join('\n')}\n`;
}

function responsesCsv(): string {
  const rand = random(20251123);
  const header = ['id', 'weight'];
  for (let q = 1; q <= PER_TYPE; q++) header.push(`s${q}`);
  for (let q = 1; q <= PER_TYPE; q++) header.push(`b${q}`);
  for (let q = 1; q <= PER_TYPE; q++) for (let k = 1; k <= MULTI_OPTIONS; k++) header.push(`m${q}__${k}`);
  const chunks: string[] = [header.join(',')];
  const row: string[] = new Array(header.length);
  for (let i = 0; i < RESPONDENTS; i++) {
    let c = 0;
    row[c++] = `r${i + 1}`;
    row[c++] = (0.5 + rand()).toFixed(3);
    const s1 = 1 + Math.floor(rand() * 5);
    row[c++] = String(s1);
    for (let q = 2; q <= PER_TYPE; q++) row[c++] = q % 5 === 0 && s1 > 2 ? '' : String(1 + Math.floor(rand() * 5));
    for (let q = 1; q <= PER_TYPE; q++) row[c++] = rand() < 0.05 ? '9' : String(1 + Math.floor(rand() * 6));
    for (let q = 1; q <= PER_TYPE; q++) {
      const none = rand() < 0.1;
      for (let k = 1; k <= MULTI_OPTIONS; k++) row[c++] = k === MULTI_OPTIONS ? (none ? '1' : '0') : !none && rand() < 0.3 ? '1' : '0';
    }
    chunks.push(row.join(','));
  }
  return `${chunks.join('\r\n')}\r\n`;
}

function ensureFiles(): { codebook: string; responses: string } {
  const codebook = join(dir, 'codebook.yaml');
  const responses = join(dir, 'responses.csv');
  if (!existsSync(responses)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(codebook, codebookYaml());
    writeFileSync(`${responses}.partial`, responsesCsv());
    renameSync(`${responses}.partial`, responses);
  }
  return { codebook, responses };
}

interface Measurement {
  ms: number;
  maxRssMb: number;
  detail: string;
}

/** Child-process side: one measurement, printed as JSON. */
function measure(mode: string, codebookPath: string, responsesPath: string): Measurement {
  const codebookText = readFileSync(codebookPath, 'utf8');
  const bytes: Uint8Array = readFileSync(responsesPath);
  const started = performance.now();
  let detail: string;
  if (mode === 'papaparse') {
    const parsed = Papa.parse<string[]>(new TextDecoder().decode(bytes), { delimiter: ',', newline: '\r\n' });
    detail = `${parsed.data.length} records`;
  } else {
    const result = loadWave({ codebookPath, codebookText, responsesPath, responsesBytes: bytes });
    detail = result.ok ? `${result.value.dataset!.n} respondents, ${result.value.dataset!.variables.size} variables` : `${result.problems.length} problems: ${result.problems[0].message}`;
  }
  const ms = performance.now() - started;
  return { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, detail };
}

function child(mode: string, files: { codebook: string; responses: string }): Measurement {
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, files.codebook, files.responses], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`bench child ${mode} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function bench(): Promise<string> {
  const busy = loadavg()[0];
  const generated = performance.now();
  const files = ensureFiles();
  const genSeconds = (performance.now() - generated) / 1000;
  const sizeMb = statSync(files.responses).size / 1e6;
  const loads: Measurement[] = [];
  const parses: Measurement[] = [];
  for (let r = 0; r < RUNS; r++) {
    parses.push(child('papaparse', files));
    loads.push(child('load', files));
  }
  const loadMs = median(loads.map((m) => m.ms));
  const parseMs = median(parses.map((m) => m.ms));
  const row = (name: string, ms: Measurement[], note: string) =>
    `| ${name} | ${(median(ms.map((m) => m.ms)) / 1000).toFixed(2)} s | ${ms.map((m) => (m.ms / 1000).toFixed(2)).join(' / ')} | ${Math.max(...ms.map((m) => m.maxRssMb)).toFixed(0)} MB | ${note} |`;
  return [
    `${RESPONDENTS.toLocaleString('en')} respondents × ${PER_TYPE * 3} questions (${PER_TYPE} single, ${PER_TYPE} banded, ${PER_TYPE} multi × ${MULTI_OPTIONS} options; ${2 + PER_TYPE * 2 + PER_TYPE * MULTI_OPTIONS} columns), ${sizeMb.toFixed(0)} MB CSV (CRLF, UTF-8), seed 20251123${genSeconds > 1 ? `, generated in ${genSeconds.toFixed(1)} s` : ' (cached in the temp folder)'}. ${cpus().length} cores (1-minute load average ${busy.toFixed(1)} when the benchmark started: other work on the machine slows both rows alike); each run in a fresh process; median of ${RUNS}.`,
    '',
    '| step | median wall time | runs | peak RSS | result |',
    '|---|---|---|---|---|',
    row('loadWave: decode, parse, fill typed arrays, derive universes, validate every rule', loads, loads[0].detail),
    row('papaparse alone (decode + `Papa.parse` to arrays)', parses, parses[0].detail),
    '',
    `Load + validate takes **${(loadMs / parseMs).toFixed(2)}×** the time of papaparse parsing alone. Target: under 3 s and under 1 GB.`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--child') {
  console.log(JSON.stringify(measure(process.argv[3], process.argv[4], process.argv[5])));
}
