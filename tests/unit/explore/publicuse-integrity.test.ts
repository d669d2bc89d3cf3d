/**
 * Public-use files carry a CRC-32 of everything after the preamble; the decoder checks it and
 * every size the header claims against the file before it allocates anything from them.
 */
import { describe, expect, it } from 'vitest';
import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { encodePublicUse, decodePublicUse, readHeader, PublicUseError, VERSION } from '../../../src/lib/publicuse/index.ts';
import { crc32 } from '../../../src/lib/publicuse/crc32.ts';
import { PREAMBLE } from '../../../src/lib/publicuse/format.ts';
import { forge } from '../../fixtures/publicuse/forge.ts';
import { syntheticDataset } from '../../../scripts/bench/synthetic.ts';

const ascii = (s: string) => new TextEncoder().encode(s);
const fileOf = () => encodePublicUse(syntheticDataset({ n: 200, questions: 8, seed: 11 }));

describe('crc32', () => {
  it('matches the published check values of CRC-32/ISO-HDLC', () => {
    expect(crc32(ascii(''))).toBe(0);
    expect(crc32(ascii('a'))).toBe(0xe8b7be43);
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(ascii('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });
  it('agrees with zlib on any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => crc32(b) === zlibCrc32(b)));
  });
});

describe('public-use integrity', () => {
  it('decodes an intact file', () => {
    expect(decodePublicUse(fileOf()).n).toBe(200);
  });

  it('refuses a file with any one byte flipped, in the header or in the data', () => {
    const bytes = fileOf();
    const { dataStart } = readHeader(bytes);
    const positions = [16, 17, 40, dataStart - 1, dataStart, dataStart + 7, bytes.byteLength - 1];
    for (let p = dataStart; p < bytes.byteLength; p += 97) positions.push(p);
    for (const p of positions) {
      const copy = bytes.slice();
      copy[p] ^= 0x01;
      expect(() => decodePublicUse(copy), `byte ${p}`).toThrow('公開用データが壊れています（チェックサムが一致しません）');
    }
  });

  it('refuses "n":200 turned into "n":199 — no silently smaller table', () => {
    const bytes = fileOf();
    const text = new TextDecoder().decode(bytes);
    const at = text.indexOf('"n":200');
    expect(at).toBeGreaterThan(0);
    const copy = bytes.slice();
    copy.set(ascii('"n":199'), at);
    expect(() => decodePublicUse(copy)).toThrow(PublicUseError);
    expect(() => decodePublicUse(copy)).toThrow(/チェックサム/);
  });

  it('refuses at once a header claiming n = 2^31 − 1, even with a valid checksum', () => {
    const forged = forge(fileOf(), (h) => {
      h.n = 2 ** 31 - 1;
    });
    const t0 = performance.now();
    expect(() => decodePublicUse(forged)).toThrow(/公開用データが壊れています（.*n = 2147483647/);
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it('refuses a forged header whose blocks do not fit the file or n', () => {
    const grow = forge(fileOf(), (h) => {
      const columns = h.columns as { block: { offset: number; length: number } }[];
      columns[0].block.length = 1e9;
    });
    expect(() => decodePublicUse(grow)).toThrow(/公開用データが壊れています/);
    const shift = forge(fileOf(), (h) => {
      const columns = h.columns as { block: { offset: number; length: number } }[];
      columns[0].block.offset = 2 ** 40;
    });
    expect(() => decodePublicUse(shift)).toThrow(/公開用データが壊れています/);
  });

  it('refuses a file cut short or padded, before parsing its header', () => {
    const bytes = fileOf();
    expect(() => decodePublicUse(bytes.subarray(0, bytes.byteLength - 8))).toThrow(/公開用データが壊れています/);
    const longer = new Uint8Array(bytes.byteLength + 8);
    longer.set(bytes);
    expect(() => decodePublicUse(longer)).toThrow(/公開用データが壊れています/);
  });

  it('refuses another format version with a clear message', () => {
    const bytes = fileOf();
    expect(VERSION).toBe(2);
    const old = bytes.slice();
    new DataView(old.buffer).setUint32(4, 1, true);
    expect(() => decodePublicUse(old)).toThrow('公開用データの形式（版 1）はこの画面では読めません（版 2 が必要です）。ページを再読み込みしてください。');
  });
});
