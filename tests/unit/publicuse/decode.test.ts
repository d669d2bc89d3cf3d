/**
 * The decoder's checks, message by message: every refusal names what is wrong, and every file it
 * accepts has each block where its header says and of the length n gives. Files are assembled by
 * hand (tiny.ts) so each check is reached on its own, with a valid checksum.
 */
import { describe, expect, it } from 'vitest';
import { encodePublicUse, decodePublicUse, readHeader, PublicUseError } from '../../../src/lib/publicuse/index.ts';
import { handMade, header, reseal, tinyDataset } from './tiny.ts';

const broken = (why: string) => `公開用データが壊れています（${why}）`;
const refusal = (bytes: Uint8Array) => {
  try {
    decodePublicUse(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(PublicUseError);
    return (e as Error).message;
  }
  throw new Error('decoded');
};

/** A u8 column "q" of n rows at `offset` with `length` bytes. */
const column = (offset: number, length: number) => ({ kind: 'coded', id: 'q', label: 'Q', options: [{ code: 1, label: 'a' }], encoding: 'u8', block: { offset, length } });

describe('PublicUseError', () => {
  it('is an Error named PublicUseError', () => {
    const e = new PublicUseError('x');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('PublicUseError');
    expect(String(e)).toBe('PublicUseError: x');
  });
});

describe('the preamble', () => {
  it('refuses fewer than 12 bytes, saying how many there are', () => {
    expect(refusal(new Uint8Array([1, 2, 3]))).toBe('公開用データではありません（3 バイトしかありません）');
    expect(refusal(encodePublicUse(tinyDataset()).subarray(0, 11))).toBe('公開用データではありません（11 バイトしかありません）');
  });

  it('refuses another magic, quoting it', () => {
    expect(refusal(new TextEncoder().encode('<!doctype html><html></html>'))).toBe('公開用データではありません（先頭が magic "<!do" で、"HKPU" ではありません）');
  });

  it('refuses 12 to 15 bytes of a real file as cut short, 16 bytes as a cut header', () => {
    const bytes = encodePublicUse(tinyDataset());
    const length = new DataView(bytes.buffer).getUint32(8, true);
    expect(refusal(bytes.subarray(0, 12))).toBe(broken('途中で切れています：12 バイト'));
    expect(refusal(bytes.subarray(0, 15))).toBe(broken('途中で切れています：15 バイト'));
    expect(refusal(bytes.subarray(0, 16))).toBe(broken(`途中で切れています：ヘッダー ${length} バイトのうち 0 バイトしかありません`));
    expect(refusal(bytes.subarray(0, 200))).toBe(broken(`途中で切れています：ヘッダー ${length} バイトのうち 184 バイトしかありません`));
  });

  it('refuses another version before anything else', () => {
    expect(refusal(handMade(header(), new Uint8Array(0), { version: 3 }))).toBe('公開用データの形式（版 3）はこの画面では読めません（版 2 が必要です）。ページを再読み込みしてください。');
  });
});

describe('the header', () => {
  it('refuses a header that is not JSON, or not UTF-8 even inside a string', () => {
    expect(refusal(handMade('{"format": '))).toBe(broken('ヘッダーが JSON ではありません'));
    const json = new TextEncoder().encode(JSON.stringify(header({ codebook: { questions: [], derived: [], note: 'XX' } })));
    const at = json.indexOf(0x58); // the first "X"
    json[at] = 0xff;
    expect(refusal(handMade(json))).toBe(broken('ヘッダーが JSON ではありません'));
  });

  it('refuses a header of the wrong shape, naming each wrong field', () => {
    expect(refusal(handMade(header({ format: 'zip' })))).toBe(broken('ヘッダーが不正です：format: Invalid input'));
    expect(refusal(handMade(header({ n: -1, universes: [{ id: 'u', block: { offset: 0, length: 'x' } }] })))).toBe(broken('ヘッダーが不正です：n: Invalid input; universes.0.block.length: Invalid input'));
  });

  it('accepts a header that ends the file exactly, with n = 0 and no blocks', () => {
    // Spaces pad the JSON to a multiple of 8 bytes: the data section starts at the very end of the file.
    const text = JSON.stringify(header());
    const exact = text + ' '.repeat((8 - ((16 + text.length) % 8)) % 8);
    expect((16 + exact.length) % 8).toBe(0);
    const bytes = handMade(exact);
    expect(bytes.byteLength).toBe(16 + exact.length);
    const decoded = decodePublicUse(bytes);
    expect(decoded.n).toBe(0);
    expect(decoded.variables.size).toBe(0);
    expect(decoded.weights).toBeNull();
    expect(readHeader(bytes).dataStart).toBe(bytes.byteLength);
  });

  it('refuses a file that ends inside the padding after its header', () => {
    const text = JSON.stringify(header());
    const unaligned = (16 + text.length) % 8 === 0 ? `${text} ` : text;
    const bytes = reseal(handMade(unaligned).subarray(0, 16 + unaligned.length));
    expect(refusal(bytes)).toBe(broken('途中で切れています：データ部がありません'));
  });

  it('returns the parsed header and where the data starts', () => {
    const bytes = handMade(header({ n: 3, columns: [column(0, 3)] }), new Uint8Array(8));
    const { header: h, dataStart } = readHeader(bytes);
    expect(dataStart).toBe(bytes.byteLength - 8);
    expect(dataStart % 8).toBe(0);
    expect(h.columns).toEqual([column(0, 3)]);
    expect(h.n).toBe(3);
  });
});

describe('block sizes', () => {
  it('decodes a wave of no respondents and no data section', () => {
    const decoded = decodePublicUse(handMade(header({ n: 0, universes: [{ id: 'all', block: { offset: 0, length: 0 } }] })));
    expect(decoded.n).toBe(0);
    expect([...decoded.universes.keys()]).toEqual(['all']);
    expect(decoded.universes.get('all')!.length).toBe(0);
  });

  it('refuses respondents without any data block', () => {
    expect(refusal(handMade(header({ n: 5 }), new Uint8Array(8)))).toBe(broken('n = 5 なのにデータがありません'));
    expect(refusal(handMade(header({ n: 1 })))).toBe(broken('n = 1 なのにデータがありません'));
  });

  it('refuses a block whose length is not the one its encoding and n give, naming it', () => {
    const data = new Uint8Array(64);
    expect(refusal(handMade(header({ n: 3, columns: [column(0, 4)] }), data))).toBe(broken('n = 3 では q は 3 バイトのはずが 4 バイトです'));
    const wide = { ...column(0, 3), encoding: 'i16' };
    expect(refusal(handMade(header({ n: 3, columns: [wide] }), data))).toBe(broken('n = 3 では q は 6 バイトのはずが 3 バイトです'));
    const multi = { kind: 'multi', id: 'm', label: 'M', options: [{ code: 1 }, { code: 2 }], encoding: 'bits', block: { offset: 0, length: 8 } };
    expect(refusal(handMade(header({ n: 33, columns: [multi] }), data))).toBe(broken('n = 33 では m は 24 バイトのはずが 8 バイトです'));
    const f32 = { kind: 'numeric', id: 'x', label: 'X', encoding: 'f32', block: { offset: 0, length: 24 } };
    expect(refusal(handMade(header({ n: 3, columns: [f32] }), data))).toBe(broken('n = 3 では x は 12 バイトのはずが 24 バイトです'));
    const f64 = { ...f32, encoding: 'f64', block: { offset: 0, length: 12 } };
    expect(refusal(handMade(header({ n: 3, columns: [f64] }), data))).toBe(broken('n = 3 では x は 24 バイトのはずが 12 バイトです'));
    expect(refusal(handMade(header({ n: 3, universes: [{ id: 'saas', block: { offset: 0, length: 8 } }] }), data))).toBe(broken('n = 3 では universe saas は 4 バイトのはずが 8 バイトです'));
    expect(refusal(handMade(header({ n: 3, columns: [column(0, 3)], weights: { offset: 8, length: 16 } }), data))).toBe(broken('n = 3 では weights は 24 バイトのはずが 16 バイトです'));
  });

  it('accepts blocks of the right lengths for every encoding', () => {
    const data = new Uint8Array(96);
    const columns = [
      { ...column(0, 3), encoding: 'i16', block: { offset: 0, length: 6 } },
      { kind: 'multi', id: 'm', label: 'M', options: [{ code: 1 }, { code: 2 }], encoding: 'bits', block: { offset: 8, length: 12 } },
      { kind: 'numeric', id: 'x', label: 'X', encoding: 'f32', block: { offset: 24, length: 12 } },
      { kind: 'numeric', id: 'y', label: 'Y', encoding: 'f64', block: { offset: 40, length: 24 } },
    ];
    const decoded = decodePublicUse(handMade(header({ n: 3, columns, universes: [{ id: 'u', block: { offset: 64, length: 4 } }], weights: { offset: 72, length: 24 } }), data));
    expect([...decoded.variables.keys()]).toEqual(['q', 'm', 'x', 'y']);
    expect([...decoded.weights!]).toEqual([0, 0, 0]);
  });

  it('refuses a block not aligned to 8 bytes or reaching past the data section', () => {
    const data = new Uint8Array(16);
    expect(refusal(handMade(header({ n: 3, columns: [column(4, 3)] }), data))).toBe(broken('n = 3: q (4+3) がファイル（データ部 16 バイト）に収まりません'));
    expect(refusal(handMade(header({ n: 3, columns: [column(16, 3)] }), data))).toBe(broken('n = 3: q (16+3) がファイル（データ部 16 バイト）に収まりません'));
    const big = { ...column(0, 17), encoding: 'u8' };
    expect(refusal(handMade(header({ n: 17, columns: [big] }), data))).toBe(broken('n = 17: q (0+17) がファイル（データ部 16 バイト）に収まりません'));
    // Exactly filling the data section is fine.
    expect(decodePublicUse(handMade(header({ n: 16, columns: [column(0, 16)] }), data)).n).toBe(16);
    expect(decodePublicUse(handMade(header({ n: 3, columns: [column(8, 3)] }), data)).n).toBe(3);
  });

  it('refuses a real file whose last block was cut off and its checksum forged', () => {
    const bytes = encodePublicUse(tinyDataset(), { seed: 42 });
    const { header: h, dataStart } = readHeader(bytes);
    const cut = reseal(bytes.subarray(0, bytes.byteLength - 8));
    expect(h.weights).toEqual({ offset: 128, length: 40 });
    expect(refusal(cut)).toBe(broken(`n = 5: weights (128+40) がファイル（データ部 ${bytes.byteLength - dataStart - 8} バイト）に収まりません`));
  });
});

describe('decoding columns', () => {
  it('reads u8 positions, i16 positions and their answered sets from hand-written bytes', () => {
    const data = new Uint8Array(16);
    data.set([1, 0, 3], 0); // u8: positions 0, none, 2
    new DataView(data.buffer).setInt16(8, 0, true);
    new DataView(data.buffer).setInt16(10, -1, true);
    new DataView(data.buffer).setInt16(12, 256, true);
    const options = Array.from({ length: 300 }, (_, k) => ({ code: k + 1, label: `o${k}` }));
    const columns = [
      { ...column(0, 3), options: options.slice(0, 3) },
      { kind: 'coded', id: 'w', label: 'W', options, encoding: 'i16', block: { offset: 8, length: 6 } },
    ];
    const d = decodePublicUse(handMade(header({ n: 3, columns }), data));
    const q = d.variables.get('q');
    const w = d.variables.get('w');
    if (q?.kind !== 'coded' || w?.kind !== 'coded') throw new Error('not coded');
    expect([...q.index]).toEqual([0, -1, 2]);
    expect([...q.answered]).toEqual([0b101]);
    expect([...w.index]).toEqual([0, -1, 256]);
    expect([...w.answered]).toEqual([0b101]);
    expect(w.options).toHaveLength(300);
  });

  it('reads f32 and f64 numbers, NaN as no answer', () => {
    const data = new Uint8Array(40);
    const view = new DataView(data.buffer);
    [0.5, NaN, -2].forEach((v, i) => view.setFloat32(4 * i, v, true));
    [0.1, 1e300, NaN].forEach((v, i) => view.setFloat64(16 + 8 * i, v, true));
    const columns = [
      { kind: 'numeric', id: 'x', label: 'X', encoding: 'f32', block: { offset: 0, length: 12 } },
      { kind: 'numeric', id: 'y', label: 'Y', encoding: 'f64', block: { offset: 16, length: 24 } },
    ];
    const d = decodePublicUse(handMade(header({ n: 3, columns }), data));
    const x = d.variables.get('x');
    const y = d.variables.get('y');
    if (x?.kind !== 'numeric' || y?.kind !== 'numeric') throw new Error('not numeric');
    expect([...x.values]).toEqual([0.5, NaN, -2]);
    expect([...x.answered]).toEqual([0b101]);
    expect([...y.values]).toEqual([0.1, 1e300, NaN]);
    expect([...y.answered]).toEqual([0b011]);
  });
});
