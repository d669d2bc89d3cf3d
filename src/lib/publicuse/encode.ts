/**
 * Dataset → public-use bytes. Only public variables (publicity.ts), no ids, no free text, rows
 * shuffled with a seeded permutation. The default seed hashes the respondent ids, which never
 * leave the building: the build is deterministic, yet the shuffle cannot be undone from public
 * information.
 */
import type { Bitset, Dataset } from '../dataset/types.ts';
import { MAGIC, PREAMBLE, VERSION, type Column, type PublicUseHeader } from './format.ts';
import { crc32 } from './crc32.ts';
import { isPublicVariable, publicCodebook, publicUniverseIds } from './publicity.ts';
import { bitsetWords } from '../dataset/bitset.ts';
import { fnv1a } from '../random.ts';
import { permutation, permuteBitset, permuteValues } from './shuffle.ts';

export interface EncodeOptions {
  /** PRNG seed for the row shuffle (default: a hash of the respondent ids and the wave). */
  seed?: number;
}

/** The default shuffle seed: secret in practice because the ids are never published. */
export function defaultSeed(dataset: Dataset): number {
  let h = fnv1a(`${dataset.codebook.survey.id}/${dataset.codebook.survey.wave}/${dataset.n}`);
  for (const id of dataset.ids) h = fnv1a(id, fnv1a('\u0000', h));
  return h;
}

/** Collects column blocks, each aligned to 8 bytes. */
class Blocks {
  parts: Uint8Array[] = [];
  size = 0;
  add(bytes: Uint8Array): { offset: number; length: number } {
    const offset = this.size;
    this.parts.push(bytes);
    const padded = Math.ceil(bytes.byteLength / 8) * 8;
    if (padded > bytes.byteLength) this.parts.push(new Uint8Array(padded - bytes.byteLength));
    this.size += padded;
    return { offset, length: bytes.byteLength };
  }
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function fitsFloat32(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isNaN(v) && Math.fround(v) !== v) return false;
  }
  return true;
}

function codedBytes(index: Int16Array, optionCount: number): { encoding: 'u8' | 'i16'; bytes: Uint8Array } {
  if (optionCount > 255) return { encoding: 'i16', bytes: bytesOf(index) };
  const out = new Uint8Array(index.length);
  for (let i = 0; i < index.length; i++) out[i] = index[i] + 1;
  return { encoding: 'u8', bytes: out };
}

function concatBitsets(sets: Bitset[], words: number): Uint8Array {
  const out = new Uint32Array(words * sets.length);
  sets.forEach((s, k) => out.set(s.subarray(0, words), k * words));
  return bytesOf(out);
}

/** Encodes the public part of a dataset as a public-use file (format.ts). */
export function encodePublicUse(dataset: Dataset, options: EncodeOptions = {}): Uint8Array<ArrayBuffer> {
  const perm = permutation(dataset.n, options.seed ?? defaultSeed(dataset));
  const words = bitsetWords(dataset.n);
  const blocks = new Blocks();
  const columns: Column[] = [];
  for (const v of dataset.variables.values()) {
    if (!isPublicVariable(dataset.codebook, v.id)) continue;
    if (v.kind === 'coded') {
      const { encoding, bytes } = codedBytes(permuteValues(v.index, perm), v.options.length);
      columns.push({ kind: 'coded', id: v.id, label: v.label, options: v.options, encoding, block: blocks.add(bytes) });
    } else if (v.kind === 'multi') {
      const sets = [...v.chosen, v.answered].map((b) => permuteBitset(b, perm));
      columns.push({ kind: 'multi', id: v.id, label: v.label, options: v.options, encoding: 'bits', block: blocks.add(concatBitsets(sets, words)) });
    } else if (v.kind === 'numeric') {
      const values = permuteValues(v.values, perm);
      const f32 = fitsFloat32(values);
      const bytes = bytesOf(f32 ? Float32Array.from(values) : values);
      columns.push({ kind: 'numeric', id: v.id, label: v.label, encoding: f32 ? 'f32' : 'f64', block: blocks.add(bytes) });
    }
    // text variables are never written.
  }
  const allowed = publicUniverseIds(dataset.codebook);
  const universes = [...dataset.universes]
    .filter(([id]) => allowed.has(id))
    .map(([id, bits]) => ({ id, block: blocks.add(concatBitsets([permuteBitset(bits, perm)], words)) }));
  const weights = dataset.weights ? blocks.add(bytesOf(permuteValues(dataset.weights, perm))) : null;
  const header: PublicUseHeader = {
    format: 'hakusho-public-use',
    version: VERSION,
    n: dataset.n,
    codebook: publicCodebook(dataset.codebook) as unknown as Record<string, unknown>,
    weights,
    universes,
    columns,
  };
  return assemble(header, blocks);
}

function assemble(header: PublicUseHeader, blocks: Blocks): Uint8Array<ArrayBuffer> {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = Math.ceil((PREAMBLE + json.byteLength) / 8) * 8;
  const out = new Uint8Array(start + blocks.size);
  out.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, json.byteLength, true);
  out.set(json, PREAMBLE);
  let at = start;
  for (const p of blocks.parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  view.setUint32(12, crc32(out.subarray(PREAMBLE)), true);
  return out;
}
