/**
 * `npm run bench [name…]`: runs every benchmark module in scripts/bench/ (or the named ones) one
 * after another in this process order, printing a Markdown table per benchmark for the README.
 * Each module exports `default async function (): Promise<string>` returning its Markdown.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, dirname } from 'node:path';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort()
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.ts$/, '')));

console.log(`# Benchmarks — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.platform}/${process.arch}\n`);
for (const f of files) {
  const mod = await import(pathToFileURL(join(dir, f)).href);
  const started = performance.now();
  const md: string = await mod.default();
  console.log(`## ${f.replace(/\.ts$/, '')}\n\n${md.trim()}\n\n(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}
