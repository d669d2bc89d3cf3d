import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText } from '../../../src/lib/dataset/decode.ts';

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
});
