/**
 * Bytes of a CSV as delivered → text. Excel in Japan writes Shift_JIS (CP932); newer tools write
 * UTF-8, often with a byte-order mark. Detection: a UTF-8 BOM, else strict UTF-8, else strict
 * Shift_JIS (WHATWG `shift_jis` is Windows-31J, i.e. CP932) — but only when the bytes hold
 * Japanese text in Shift_JIS: an ASCII file with one stray byte is reported with the byte and its
 * row, not read as Shift_JIS. UTF-16 (with or without BOM) and binary files get their own hint; a
 * file too large for a JavaScript string is reported with that limit.
 */
import { MAX_STRING_LENGTH } from './limits.ts';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'shift_jis';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding }
  /** `row` (Excel's, header = 1) and `value` locate a bad byte when there is one to show. */
  | { ok: false; message: string; expected: string; row?: number; value?: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const SAVE_AS = 'a file saved as "CSV UTF-8" or "CSV (Shift_JIS)"';
const UTF16 = { ok: false, message: 'is UTF-16 ("Unicode text")', expected: 'UTF-8 or Shift_JIS: save it from Excel as 「CSV UTF-8 (コンマ区切り)」 ("CSV UTF-8 (Comma delimited)" in English Excel)' } as const;

/** The text, null when the bytes are not valid in this encoding, or 'too-long' when they decode to more than a string can hold. */
function tryDecode(decoder: TextDecoder, bytes: Uint8Array): string | null | 'too-long' {
  try {
    return decoder.decode(bytes);
  } catch (error) {
    // Invalid bytes are a TypeError (WHATWG); anything else (RangeError "Invalid string length",
    // Node's ERR_STRING_TOO_LONG) means the text is too long — never "not valid".
    return error instanceof TypeError ? null : 'too-long';
  }
}

const fmt = (n: number) => n.toLocaleString('en');

function tooLong(bytes: Uint8Array): Decoded {
  return {
    ok: false,
    value: `${fmt(bytes.length)} bytes`,
    message: `is too large to read: it decodes to more than ${fmt(MAX_STRING_LENGTH)} characters, the longest text JavaScript can hold`,
    expected: `a file of at most ${fmt(MAX_STRING_LENGTH)} characters (split the wave or leave out unused columns)`,
  };
}

/** UTF-16 without a BOM: CSV text is mostly ASCII, so every other byte of the start is 0. */
function looksUtf16(bytes: Uint8Array): boolean {
  const pairs = Math.min(bytes.length, 4096) >> 1;
  if (pairs < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZeros++;
    if (bytes[2 * i + 1] === 0) oddZeros++;
  }
  return Math.max(evenZeros, oddZeros) >= pairs * 0.3 && Math.min(evenZeros, oddZeros) <= pairs * 0.05;
}

/** Excel's row of byte `offset`: line breaks before it outside quotes, + 1 (quotes and line breaks are ASCII in UTF-8 and Shift_JIS alike). */
function rowAt(bytes: Uint8Array, offset: number): number {
  const nl = bytes.indexOf(0x0a) >= 0 ? 0x0a : 0x0d;
  let row = 1;
  let quoted = false;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x22) quoted = !quoted;
    else if (b === nl && !quoted) row++;
  }
  return row;
}

/** The first byte that is not part of a valid UTF-8 character, and how many valid multi-byte characters there are. */
function utf8Evidence(bytes: Uint8Array): { firstInvalid: number; multiByte: number } {
  let firstInvalid = -1;
  let multiByte = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok && length === 3) ok = !(b === 0xe0 && bytes[i + 1] < 0xa0) && !(b === 0xed && bytes[i + 1] > 0x9f);
    if (ok && length === 4) ok = !(b === 0xf0 && bytes[i + 1] < 0x90) && !(b === 0xf4 && bytes[i + 1] > 0x8f);
    if (ok) {
      multiByte++;
      i += length;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      i++;
    }
  }
  return { firstInvalid, multiByte };
}

/** Characters that Japanese text in Shift_JIS decodes to: kana, kanji, full-width forms, Japanese punctuation. */
function japaneseCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3000 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff01 && c <= 0xff5e)) count++;
  }
  return count;
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode(utf8, bytes.subarray(3));
    if (text === 'too-long') return tooLong(bytes);
    if (text !== null) return { ok: true, text, encoding: 'utf-8-bom' };
    return { ok: false, message: 'starts with a UTF-8 byte-order mark but is not valid UTF-8', expected: SAVE_AS };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksUtf16(bytes)) return UTF16;
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
    return {
      ok: false,
      message: zip ? 'is a ZIP file such as an Excel workbook (.xlsx), not CSV text' : `is a binary file, not CSV text (a NUL byte at byte ${fmt(nul + 1)} of the file)`,
      expected: 'CSV text: save it from Excel as 「CSV UTF-8 (コンマ区切り)」 ("CSV UTF-8 (Comma delimited)" in English Excel)',
    };
  }
  const text = tryDecode(utf8, bytes);
  if (text === 'too-long') return tooLong(bytes);
  if (text !== null) return { ok: true, text, encoding: 'utf-8' };
  const sjis = tryDecode(new TextDecoder('shift_jis', { fatal: true }), bytes);
  if (sjis === 'too-long') return tooLong(bytes);
  if (sjis === null) return { ok: false, message: 'is neither valid UTF-8 nor valid Shift_JIS (CP932)', expected: SAVE_AS };
  // Valid as Shift_JIS — but a stray byte in an ASCII or UTF-8 file often is too. Decide by evidence.
  const { firstInvalid, multiByte } = utf8Evidence(bytes);
  const japanese = japaneseCharacters(sjis);
  if (japanese > 0 && multiByte * 2 < japanese) return { ok: true, text: sjis, encoding: 'shift_jis' };
  const byte = bytes[firstInvalid];
  return {
    ok: false,
    row: rowAt(bytes, firstInvalid),
    value: `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    message: `is not valid UTF-8 (byte ${fmt(firstInvalid + 1)} of the file), and the file holds no Japanese text in Shift_JIS`,
    expected: `${SAVE_AS}, with this byte corrected`,
  };
}

/**
 * codebook.yaml bytes → text: UTF-8 only (a BOM is dropped). A binary file or a byte that is not
 * UTF-8 is reported with its line (`row` holds the line here), never replaced by U+FFFD silently.
 */
export function decodeCodebook(bytes: Uint8Array): Decoded {
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const expected = 'a codebook saved as UTF-8 text';
  if ((body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff) || looksUtf16(body)) return { ...UTF16, expected: `${expected}, not UTF-16` };
  const nul = body.indexOf(0);
  if (nul >= 0) return { ok: false, message: `is a binary file, not YAML text (a NUL byte at byte ${fmt(nul + 1)} of the file)`, expected };
  const text = tryDecode(utf8, body);
  if (text === 'too-long') return tooLong(bytes);
  if (text !== null) return { ok: true, text, encoding: body === bytes ? 'utf-8' : 'utf-8-bom' };
  const { firstInvalid } = utf8Evidence(body);
  let line = 1;
  for (let i = 0; i < firstInvalid; i++) if (body[i] === 0x0a) line++;
  return { ok: false, row: line, value: `0x${body[firstInvalid].toString(16).toUpperCase().padStart(2, '0')}`, message: `is not valid UTF-8 (byte ${fmt(firstInvalid + 1)} of the file)`, expected: `${expected} (Shift_JIS is for responses.csv only)` };
}
