import { describe, expect, it, vi } from 'vitest';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { decodeCodebook, decodeText } from '../../../src/lib/dataset/decode.ts';
import { loadWave } from '../../../src/lib/dataset/load.ts';
import { formatProblems } from '../../../src/lib/dataset/problem.ts';
import { MAX_STRING_LENGTH } from '../../../src/lib/dataset/limits.ts';

const text = 'id,業種\nr1,ＳａａＳ・ソフトウェア\n';
describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
  });
  it('strips a UTF-8 BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toEqual({ ok: true, text, encoding: 'utf-8-bom' });
  });
  it('detects Shift_JIS (CP932), including NEC/IBM extensions such as ①', () => {
    const sjisText = `${text}①,髙\n`;
    expect(decodeText(new Uint8Array(iconv.encode(sjisText, 'cp932')))).toEqual({ ok: true, text: sjisText, encoding: 'shift_jis' });
  });
  it('reports UTF-16 and undecodable bytes instead of guessing', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toMatchObject({ ok: false, message: 'is UTF-16 ("Unicode text")' });
    expect(decodeText(new Uint8Array([0x41, 0xff, 0xff]))).toMatchObject({ ok: false, message: 'is neither valid UTF-8 nor valid Shift_JIS (CP932)' });
  });

  it('a file too long for a JavaScript string is reported with that limit, not as "neither UTF-8 nor Shift_JIS"', () => {
    // A real 1.3 GB file takes too long to make on 2 cores: the decoder fails exactly as Node does on one.
    const tooLong = Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), { code: 'ERR_STRING_TOO_LONG' });
    const spy = vi.spyOn(TextDecoder.prototype, 'decode').mockImplementation(() => {
      throw tooLong;
    });
    try {
      const bytes = new TextEncoder().encode('id\nr1\n');
      expect(decodeText(bytes)).toMatchObject({ ok: false, value: '6 bytes', message: `is too large to read: it decodes to more than ${MAX_STRING_LENGTH.toLocaleString('en')} characters, the longest text JavaScript can hold` });
      const codebook = readFileSync('tests/fixtures/dataset/valid/sample/2025/codebook.yaml', 'utf8');
      const r = loadWave({ codebookPath: 'w/codebook.yaml', codebookText: codebook, responsesPath: 'w/responses.csv', responsesBytes: bytes });
      expect(r.ok ? [] : formatProblems(r.problems, 'en')).toEqual([
        'w/responses.csv: "6 bytes" is too large to read: it decodes to more than 536,870,888 characters, the longest text JavaScript can hold (expected a file of at most 536,870,888 characters (split the wave or leave out unused columns))',
      ]);
      // A RangeError ("Invalid string length", browsers) is the same case.
      spy.mockImplementation(() => {
        throw new RangeError('Invalid string length');
      });
      expect(decodeText(bytes)).toMatchObject({ ok: false, value: '6 bytes' });
    } finally {
      spy.mockRestore();
    }
  });
  it('UTF-16 without a byte-order mark gets the UTF-16 hint', () => {
    const csv = 'id,sector\nr1,1\nr2,2\n';
    expect(decodeText(new Uint8Array(iconv.encode(csv, 'utf16le')))).toMatchObject({ ok: false, message: 'is UTF-16 ("Unicode text")' });
    expect(decodeText(new Uint8Array(iconv.encode(csv, 'utf16be')))).toMatchObject({ ok: false, message: 'is UTF-16 ("Unicode text")' });
  });
  it('decides Shift_JIS by evidence: Japanese text yes, one stray byte in ASCII no (reported with its row)', () => {
    expect(decodeText(new Uint8Array(iconv.encode('id,名前\nr1,ｱｲ株式会社\n', 'cp932')))).toMatchObject({ ok: true, encoding: 'shift_jis' });
    const stray = new Uint8Array([...new TextEncoder().encode('id,note\nr1,"a\nb"\nr2,'), 0xb1, 0x35, 0x0a]);
    expect(decodeText(stray)).toEqual({
      ok: false,
      row: 3,
      value: '0xB1',
      message: 'is not valid UTF-8 (byte 21 of the file), and the file holds no Japanese text in Shift_JIS',
      expected: 'a file saved as "CSV UTF-8" or "CSV (Shift_JIS)", with this byte corrected',
    });
    // Only half-width katakana is no evidence either.
    expect(decodeText(new Uint8Array([0x61, 0x0a, 0xb1, 0xb2]))).toMatchObject({ ok: false, row: 2, value: '0xB1' });
  });
  it('binary files are named as such', () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1];
    expect(decodeText(new Uint8Array(png))).toMatchObject({ ok: false, message: 'is a binary file, not CSV text (a NUL byte at byte 9 of the file)' });
    expect(decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toMatchObject({ ok: false, message: 'is a ZIP file such as an Excel workbook (.xlsx), not CSV text' });
  });
  it('codebooks are UTF-8 only: a BOM is dropped, UTF-16 and stray bytes are reported with their line', () => {
    expect(decodeCodebook(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('survey:\n')]))).toEqual({ ok: true, text: 'survey:\n', encoding: 'utf-8-bom' });
    expect(decodeCodebook(new Uint8Array(iconv.encode('survey:\n  id: x\n', 'utf16le')))).toEqual({ ok: false, message: 'is UTF-16 ("Unicode text")', expected: 'a codebook saved as UTF-8 text, not UTF-16' });
    expect(decodeCodebook(new Uint8Array([...new TextEncoder().encode('a: 1\nb: '), 0xb1, 0x0a]))).toEqual({
      ok: false,
      row: 2,
      value: '0xB1',
      message: 'is not valid UTF-8 (byte 9 of the file)',
      expected: 'a codebook saved as UTF-8 text (Shift_JIS is for responses.csv only)',
    });
  });
});

describe('decode: byte-order marks and four-byte characters', () => {
  const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
  it('a BOM followed by bytes that are not UTF-8 is named as such', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'id\n', [0xff, 0x0a]))).toEqual({
      ok: false,
      message: 'starts with a UTF-8 byte-order mark but is not valid UTF-8',
      expected: 'a file saved as "CSV UTF-8" or "CSV (Shift_JIS)"',
    });
  });
  it('only the first BOM is dropped: a second one stays in the text', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'id\n'))).toEqual({ ok: true, text: '\uFEFFid\n', encoding: 'utf-8-bom' });
    expect(decodeCodebook(bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'a: 1\n'))).toEqual({ ok: true, text: '\uFEFFa: 1\n', encoding: 'utf-8-bom' });
  });
  it('a UTF-16 BOM of either byte order, even on a file too short to look like UTF-16', () => {
    for (const bom of [[0xff, 0xfe, 0x61, 0x00], [0xfe, 0xff, 0x00, 0x61]]) {
      expect(decodeText(new Uint8Array(bom))).toMatchObject({ ok: false, message: 'is UTF-16 ("Unicode text")' });
      expect(decodeCodebook(new Uint8Array(bom))).toEqual({ ok: false, message: 'is UTF-16 ("Unicode text")', expected: 'a codebook saved as UTF-8 text, not UTF-16' });
    }
  });
  it('a file starting with 0xFF or 0xFE alone is no UTF-16', () => {
    expect(decodeText(new Uint8Array([0xfe, 0x61, 0x0a]))).toMatchObject({ ok: false, message: 'is neither valid UTF-8 nor valid Shift_JIS (CP932)' });
    expect(decodeText(new Uint8Array([0xff, 0x61, 0x0a]))).toMatchObject({ ok: false, message: 'is neither valid UTF-8 nor valid Shift_JIS (CP932)' });
    expect(decodeCodebook(new Uint8Array([0xff, 0x61, 0x0a]))).toMatchObject({ ok: false, row: 1, value: '0xFF', message: 'is not valid UTF-8 (byte 1 of the file)' });
    expect(decodeCodebook(new Uint8Array([0xfe, 0x61, 0x0a]))).toMatchObject({ ok: false, row: 1, value: '0xFE', message: 'is not valid UTF-8 (byte 1 of the file)' });
  });
  it('a codebook starting with a character whose UTF-8 bytes resemble a BOM keeps it', () => {
    // ＿ is EF BC BF, ﻀ is EF BB 80: neither is a byte-order mark.
    expect(decodeCodebook(bytes('＿: 1\n'))).toEqual({ ok: true, text: '＿: 1\n', encoding: 'utf-8' });
    expect(decodeCodebook(bytes('ﻀ: 1\n'))).toEqual({ ok: true, text: 'ﻀ: 1\n', encoding: 'utf-8' });
  });
  it('four-byte characters up to U+10FFFF are valid UTF-8; past it, the first invalid byte is reported', () => {
    // F4 8F BF BF is U+10FFFF (valid UTF-8, and valid Shift_JIS bytes too): the stray byte is the later B1.
    expect(decodeText(bytes('id\n', [0xf4, 0x8f, 0xbf, 0xbf], '\n', [0xb1], '\n'))).toMatchObject({ ok: false, row: 3, value: '0xB1', message: 'is not valid UTF-8 (byte 9 of the file), and the file holds no Japanese text in Shift_JIS' });
    // F4 90 B1 B1 would be past U+10FFFF: F4 is the first invalid byte.
    expect(decodeText(bytes('id\n', [0xf4, 0x90, 0xb1, 0xb1], '\n'))).toMatchObject({ ok: false, row: 2, value: '0xF4', message: 'is not valid UTF-8 (byte 4 of the file), and the file holds no Japanese text in Shift_JIS' });
  });
});
