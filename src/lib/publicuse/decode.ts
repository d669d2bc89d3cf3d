/**
 * Public-use bytes → a real `Dataset`, so the very same cross-tab engine runs on it in the
 * browser as at build time. The decoded dataset has no ids (`ids` is empty) and only the public
 * codebook.
 */
import type { Codebook, Option } from '../dataset/codebook.ts';
import type { Bitset, Dataset, Variable } from '../dataset/types.ts';
import { MAGIC, PREAMBLE, PublicUseHeader, VERSION, type Column } from './format.ts';
import { crc32 } from './crc32.ts';
import { bitsetWords, setBit } from '../dataset/bitset.ts';

/**
 * Thrown when bytes are not a public-use file this decoder understands. The message is shown to
 * readers as it is (the explorer turns it into a notice), so it is Japanese.
 */
export class PublicUseError extends Error {
  override name = 'PublicUseError';
}

const broken = (why: string) => new PublicUseError(`公開用データが壊れています（${why}）`);

/** Checks the preamble and the checksum, then reads the header without touching the columns. */
export function readHeader(bytes: Uint8Array): { header: PublicUseHeader; dataStart: number } {
  if (bytes.byteLength < 12) throw new PublicUseError(`公開用データではありません（${bytes.byteLength} バイトしかありません）`);
  const magic = new TextDecoder().decode(bytes.subarray(0, 4));
  if (magic !== MAGIC) throw new PublicUseError(`公開用データではありません（先頭が magic "${magic}" で、"${MAGIC}" ではありません）`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== VERSION) throw new PublicUseError(`公開用データの形式（版 ${version}）はこの画面では読めません（版 ${VERSION} が必要です）。ページを再読み込みしてください。`);
  if (bytes.byteLength < PREAMBLE) throw broken(`途中で切れています：${bytes.byteLength} バイト`);
  const length = view.getUint32(8, true);
  if (PREAMBLE + length > bytes.byteLength) throw broken(`途中で切れています：ヘッダー ${length} バイトのうち ${bytes.byteLength - PREAMBLE} バイトしかありません`);
  if (crc32(bytes.subarray(PREAMBLE)) !== view.getUint32(12, true)) throw broken('チェックサムが一致しません');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREAMBLE, PREAMBLE + length)));
  } catch {
    throw broken('ヘッダーが JSON ではありません');
  }
  const parsed = PublicUseHeader.safeParse(json);
  if (!parsed.success) throw broken(`ヘッダーが不正です：${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const header = parsed.data;
  const dataStart = Math.ceil((PREAMBLE + length) / 8) * 8;
  checkSizes(header, bytes.byteLength - dataStart);
  return { header, dataStart };
}

/**
 * Every block the header describes has exactly the length its encoding and `n` give and lies
 * inside the data section, so nothing is allocated from a claim the file's bytes do not back.
 */
function checkSizes(header: PublicUseHeader, dataLength: number): void {
  const { n } = header;
  const bitsetBytes = Math.ceil(n / 32) * 4;
  const blocks: [string, { offset: number; length: number }, number][] = [
    ...header.columns.map((c): [string, { offset: number; length: number }, number] => [
      c.id,
      c.block,
      c.kind === 'coded' ? (c.encoding === 'u8' ? n : 2 * n) : c.kind === 'multi' ? (c.options.length + 1) * bitsetBytes : c.encoding === 'f32' ? 4 * n : 8 * n,
    ]),
    ...header.universes.map((u): [string, { offset: number; length: number }, number] => [`universe ${u.id}`, u.block, bitsetBytes]),
    ...(header.weights ? [['weights', header.weights, 8 * n] as [string, { offset: number; length: number }, number]] : []),
  ];
  if (dataLength < 0) throw broken('途中で切れています：データ部がありません');
  if (n > 0 && blocks.length === 0) throw broken(`n = ${n} なのにデータがありません`);
  for (const [name, block, expected] of blocks) {
    if (block.length !== expected) throw broken(`n = ${n} では ${name} は ${expected} バイトのはずが ${block.length} バイトです`);
    if (block.offset % 8 !== 0 || block.offset + block.length > dataLength) throw broken(`n = ${n}: ${name} (${block.offset}+${block.length}) がファイル（データ部 ${dataLength} バイト）に収まりません`);
  }
}

/** Copies a block into a fresh, aligned ArrayBuffer (its bounds were checked by readHeader). */
function blockBuffer(bytes: Uint8Array, dataStart: number, block: { offset: number; length: number }): ArrayBuffer {
  const from = bytes.byteOffset + dataStart + block.offset;
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
