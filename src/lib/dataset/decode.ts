/**
 * Bytes of a CSV as delivered → text. Excel in Japan writes Shift_JIS (CP932); newer tools write
 * UTF-8, often with a byte-order mark. Detection: a UTF-8 BOM, else strict UTF-8, else strict
 * Shift_JIS (WHATWG `shift_jis` is Windows-31J, i.e. CP932). Anything else is reported.
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'shift_jis';

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; message: string; expected: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function tryDecode(decoder: TextDecoder, bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode(utf8, bytes.subarray(3));
    if (text !== null) return { ok: true, text, encoding: 'utf-8-bom' };
    return { ok: false, message: 'starts with a UTF-8 byte-order mark but is not valid UTF-8', expected: 'a file saved as "CSV UTF-8" or "CSV (Shift_JIS)"' };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: 'is UTF-16 ("Unicode text")', expected: 'UTF-8 or Shift_JIS: save it from Excel as "CSV UTF-8 (comma delimited)"' };
  }
  const text = tryDecode(utf8, bytes);
  if (text !== null) return { ok: true, text, encoding: 'utf-8' };
  const sjis = tryDecode(new TextDecoder('shift_jis', { fatal: true }), bytes);
  if (sjis !== null) return { ok: true, text: sjis, encoding: 'shift_jis' };
  return { ok: false, message: 'is neither valid UTF-8 nor valid Shift_JIS (CP932)', expected: 'a file saved as "CSV UTF-8" or "CSV (Shift_JIS)"' };
}
