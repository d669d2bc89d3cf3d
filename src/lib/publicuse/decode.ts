/**
 * Public-use bytes → a real `Dataset`, so the very same cross-tab engine runs on it in the
 * browser as at build time. The decoded dataset has no ids (`ids` is empty) and only the public
 * codebook.
 */
import type { Codebook, Option } from '../dataset/codebook.ts';
import type { Bitset, Dataset, Variable } from '../dataset/types.ts';
import { MAGIC, PublicUseHeader, VERSION, type Column } from './format.ts';
import { bitsetWords, setBit } from '../dataset/bitset.ts';

/** Thrown when bytes are not a public-use file this decoder understands. */
export class PublicUseError extends Error {
  override name = 'PublicUseError';
}

/** Reads the header without touching the columns. */
export function readHeader(bytes: Uint8Array): { header: PublicUseHeader; dataStart: number } {
  if (bytes.byteLength < 12) throw new PublicUseError(`not a public-use file: ${bytes.byteLength} bytes (expected a 12-byte preamble at least)`);
  const magic = new TextDecoder().decode(bytes.subarray(0, 4));
  if (magic !== MAGIC) throw new PublicUseError(`not a public-use file: magic "${magic}" (expected "${MAGIC}")`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== VERSION) throw new PublicUseError(`unsupported public-use version ${version} (expected ${VERSION})`);
  const length = view.getUint32(8, true);
  if (12 + length > bytes.byteLength) throw new PublicUseError(`truncated public-use header: ${length} bytes announced, ${bytes.byteLength - 12} present`);
  const parsed = PublicUseHeader.safeParse(JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + length))));
  if (!parsed.success) throw new PublicUseError(`invalid public-use header: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { header: parsed.data, dataStart: Math.ceil((12 + length) / 8) * 8 };
}

/** Copies a block into a fresh, aligned ArrayBuffer. */
function blockBuffer(bytes: Uint8Array, dataStart: number, block: { offset: number; length: number }): ArrayBuffer {
  const from = bytes.byteOffset + dataStart + block.offset;
  if (dataStart + block.offset + block.length > bytes.byteLength) throw new PublicUseError(`truncated public-use file: block at ${block.offset} (+${block.length}) runs past the end`);
  return bytes.buffer.slice(from, from + block.length) as ArrayBuffer;
}

function answeredFrom(n: number, has: (i: number) => boolean): Bitset {
  const bits = new Uint32Array(bitsetWords(n));
  for (let i = 0; i < n; i++) if (has(i)) setBit(bits, i);
  return bits;
}

function decodeColumn(column: Column, n: number, buffer: ArrayBuffer): Variable {
  const words = bitsetWords(n);
  if (column.kind === 'coded') {
    let index: Int16Array;
    if (column.encoding === 'u8') {
      const raw = new Uint8Array(buffer);
      index = new Int16Array(n);
      for (let i = 0; i < n; i++) index[i] = raw[i] - 1;
    } else index = new Int16Array(buffer);
    const options = column.options as unknown as Option[];
    return { kind: 'coded', id: column.id, label: column.label, options, index, answered: answeredFrom(n, (i) => index[i] >= 0) };
  }
  if (column.kind === 'multi') {
    const all = new Uint32Array(buffer);
    const options = column.options as unknown as Option[];
    const chosen = options.map((_, k) => all.slice(k * words, (k + 1) * words));
    return { kind: 'multi', id: column.id, label: column.label, options, chosen, answered: all.slice(options.length * words, (options.length + 1) * words) };
  }
  const values = column.encoding === 'f32' ? Float64Array.from(new Float32Array(buffer)) : new Float64Array(buffer);
  return { kind: 'numeric', id: column.id, label: column.label, values, answered: answeredFrom(n, (i) => !Number.isNaN(values[i])) };
}

/** Decodes a public-use file into a Dataset (throws PublicUseError on a malformed file). */
export function decodePublicUse(input: Uint8Array | ArrayBuffer): Dataset {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const { header, dataStart } = readHeader(bytes);
  const codebook = header.codebook as unknown as Codebook;
  const variables = new Map<string, Variable>();
  for (const c of header.columns) variables.set(c.id, decodeColumn(c, header.n, blockBuffer(bytes, dataStart, c.block)));
  const universes = new Map<string, Bitset>();
  for (const u of header.universes) universes.set(u.id, new Uint32Array(blockBuffer(bytes, dataStart, u.block)));
  return {
    codebook,
    n: header.n,
    ids: [],
    weights: header.weights ? new Float64Array(blockBuffer(bytes, dataStart, header.weights)) : null,
    variables,
    universes,
    questions: new Map(codebook.questions.map((q) => [q.id, q])),
    derived: new Map(codebook.derived.map((d) => [d.id, d])),
  };
}
