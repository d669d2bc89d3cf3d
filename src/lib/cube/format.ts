/**
 * The cube file of one question (`/data/<survey>/<wave>/cube/<question>.bin`):
 *
 * ```
 * bytes 0–3   "HKCB"
 * bytes 4–7   header length H (u32, little endian)
 * bytes 8–11  body length B (u32)
 * bytes 12–15 CRC-32 of the body (the public-use files' checksum, src/lib/publicuse/crc32.ts)
 * H bytes     header: UTF-8 JSON — the QuestionCube without `cells`
 * B bytes     body: for every banner × restriction × column, an unsigned LEB128 varint
 *             0 (withheld) or base + 1, then valid and every line's count; weighted cubes
 *             follow with Σw and Σw² of every published column as float64 (little endian)
 * ```
 * The decoder checks the lengths against the file before allocating and the checksum before
 * reading a count: a damaged file is refused with a message, never shown with wrong numbers.
 */
import { CUBE_VERSION, type CubeColumn, type QuestionCube } from './types.ts';
import { crc32 } from '../publicuse/crc32.ts';

const MAGIC = [0x48, 0x4b, 0x43, 0x42]; // HKCB
const PREFIX = 16;

export class CubeFormatError extends Error {
  override name = 'CubeFormatError';
}

class Writer {
  bytes = new Uint8Array(1024);
  length = 0;
  reserve(k: number): void {
    if (this.length + k <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + k));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
  varint(x: number): void {
    // Most counts fit one byte: written without the general loop.
    if (x >= 0 && x < 0x80 && (x | 0) === x) {
      if (this.length === this.bytes.length) this.reserve(1);
      this.bytes[this.length++] = x;
      return;
    }
    if (!Number.isInteger(x) || x < 0) throw new CubeFormatError(`cube: ${x} is not a count`);
    this.reserve(8);
    while (x >= 0x80) {
      this.bytes[this.length++] = (x % 0x80) | 0x80;
      x = Math.floor(x / 0x80);
    }
    this.bytes[this.length++] = x;
  }
  float64(x: number): void {
    this.reserve(8);
    new DataView(this.bytes.buffer).setFloat64(this.length, x, true);
    this.length += 8;
  }
}

/** Encodes one question's cube. */
export function encodeCube(cube: QuestionCube): Uint8Array<ArrayBuffer> {
  const { cells, ...header } = cube;
  const body = new Writer();
  const weighted: CubeColumn[] = [];
  for (const block of cells) {
    for (const columns of block) {
      for (const column of columns) {
        if (!column) {
          body.varint(0);
          continue;
        }
        body.varint(column.counts[0] + 1);
        for (let k = 1; k < column.counts.length; k++) body.varint(column.counts[k]);
        if (cube.meta.weighted) weighted.push(column);
      }
    }
  }
  for (const column of weighted) for (const xs of [column.w!, column.w2!]) for (const x of xs) body.float64(x);
  const head = new TextEncoder().encode(JSON.stringify(header));
  const bodyBytes = body.bytes.subarray(0, body.length);
  const out = new Uint8Array(PREFIX + head.length + bodyBytes.length);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, head.length, true);
  view.setUint32(8, bodyBytes.length, true);
  view.setUint32(12, crc32(bodyBytes), true);
  out.set(head, PREFIX);
  out.set(bodyBytes, PREFIX + head.length);
  return out;
}

const DAMAGED = '集計データが壊れています';

/** Decodes one question's cube; throws CubeFormatError (Japanese message) on any damage. */
export function decodeCube(bytes: Uint8Array): QuestionCube {
  if (bytes.length < PREFIX || MAGIC.some((m, i) => bytes[i] !== m)) throw new CubeFormatError(`${DAMAGED}（集計ファイルの形式ではありません）`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headLength = view.getUint32(4, true);
  const bodyLength = view.getUint32(8, true);
  if (PREFIX + headLength + bodyLength !== bytes.length) throw new CubeFormatError(`${DAMAGED}（長さが一致しません：${bytes.length} バイト）`);
  const body = bytes.subarray(PREFIX + headLength);
  if (crc32(body) !== view.getUint32(12, true)) throw new CubeFormatError(`${DAMAGED}（チェックサムが一致しません）`);
  let header: Omit<QuestionCube, 'cells'>;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREFIX, PREFIX + headLength)));
  } catch {
    throw new CubeFormatError(`${DAMAGED}（見出しを読めません）`);
  }
  if (header.version !== CUBE_VERSION) throw new CubeFormatError(`集計ファイルの版（${header.version}）に対応していません（対応：${CUBE_VERSION}）`);
  let at = 0;
  const varint = (): number => {
    let x = 0;
    let scale = 1;
    for (;;) {
      if (at >= body.length) throw new CubeFormatError(`${DAMAGED}（途中で終わっています）`);
      const byte = body[at++];
      x += (byte & 0x7f) * scale;
      if (byte < 0x80) return x;
      scale *= 0x80;
      if (scale > 2 ** 49) throw new CubeFormatError(`${DAMAGED}（数値が大きすぎます）`);
    }
  };
  const width = 2 + header.lines.length;
  const published: CubeColumn[] = [];
  const cells = header.banners.map((banner) =>
    header.restrictions.map(() =>
      banner.columns.map((): CubeColumn | null => {
        const first = varint();
        if (first === 0) return null;
        const counts = [first - 1];
        for (let k = 1; k < width; k++) counts.push(varint());
        const column: CubeColumn = { counts };
        published.push(column);
        return column;
      }),
    ),
  );
  if (header.meta.weighted) {
    if (body.length - at !== published.length * width * 16) throw new CubeFormatError(`${DAMAGED}（重み付き集計の長さが一致しません）`);
    const floats = new DataView(body.buffer, body.byteOffset + at, body.length - at);
    let f = 0;
    const next = () => floats.getFloat64(8 * f++, true);
    for (const column of published) {
      column.w = Array.from({ length: width }, next);
      column.w2 = Array.from({ length: width }, next);
    }
  } else if (at !== body.length) throw new CubeFormatError(`${DAMAGED}（余分なデータがあります）`);
  return { ...header, cells };
}
