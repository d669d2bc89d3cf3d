/** The public-use encoder, byte by byte, on a hand-made five-respondent wave (tiny.ts). */
import { describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { encodePublicUse, decodePublicUse, defaultSeed, readHeader } from '../../../src/lib/publicuse/index.ts';
import { permutation } from '../../../src/lib/publicuse/shuffle.ts';
import { getBit } from '../../../src/lib/dataset/bitset.ts';
import { tinyDataset } from './tiny.ts';

const u32 = (bytes: Uint8Array, at: number) => new DataView(bytes.buffer, bytes.byteOffset).getUint32(at, true);

describe('public-use file layout', () => {
  it('writes the preamble, the header, zero padding and 8-byte aligned blocks in variable order', () => {
    const ds = tinyDataset();
    const bytes = encodePublicUse(ds, { seed: 42 });
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('HKPU');
    expect(u32(bytes, 4)).toBe(2);
    const length = u32(bytes, 8);
    expect(u32(bytes, 12)).toBe(crc32(bytes.subarray(16)));
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + length)));
    const dataStart = Math.ceil((16 + length) / 8) * 8;
    expect([...bytes.subarray(16 + length, dataStart)].every((b) => b === 0)).toBe(true);
    expect(header.columns.map((c: { id: string; encoding: string; block: unknown }) => [c.id, c.encoding, c.block])).toEqual([
      ['sa', 'u8', { offset: 0, length: 5 }],
      ['big', 'i16', { offset: 8, length: 10 }],
      ['ma', 'bits', { offset: 24, length: 12 }],
      ['num', 'f64', { offset: 40, length: 40 }],
      ['cnt', 'f32', { offset: 80, length: 20 }],
      ['sa_high', 'u8', { offset: 104, length: 5 }],
    ]);
    expect(header.universes).toEqual([{ id: 'all', block: { offset: 112, length: 4 } }, { id: 'high', block: { offset: 120, length: 4 } }]);
    expect(header.weights).toEqual({ offset: 128, length: 40 });
    expect(bytes.byteLength).toBe(dataStart + 168);
    expect(header).toMatchObject({ format: 'hakusho-public-use', version: 2, n: 5 });
    expect(header.columns[0]).toEqual({ kind: 'coded', id: 'sa', label: '満足度', options: [{ code: 1, label: '高' }, { code: 2, label: '中' }, { code: 3, label: '低' }], encoding: 'u8', block: { offset: 0, length: 5 } });
    expect(header.columns[2]).toMatchObject({ kind: 'multi', label: 'ツール', options: [{ code: 1, label: 'CRM' }, { code: 9, label: 'BI' }] });
    expect(header.columns[3]).toEqual({ kind: 'numeric', id: 'num', label: '比率', encoding: 'f64', block: { offset: 40, length: 40 } });

    const perm = permutation(5, 42);
    const data = bytes.subarray(dataStart);
    const view = new DataView(data.buffer, data.byteOffset);
    const sa = [0, 2, -1, 1, 0];
    const big = [299, -1, 0, 255, 1];
    const num = [0.1, NaN, 3, -2.5, 1e300];
    const cnt = [1, NaN, 0.5, 2, -4];
    const weights = [1, 2, 0.5, 1.5, 3];
    for (let j = 0; j < 5; j++) {
      const i = perm[j];
      expect(data[j], `sa row ${j}`).toBe(sa[i] + 1);
      expect(view.getInt16(8 + 2 * j, true), `big row ${j}`).toBe(big[i]);
      expect(view.getFloat64(40 + 8 * j, true)).toEqual(num[i]);
      expect(view.getFloat32(80 + 4 * j, true)).toEqual(cnt[i]);
      expect(view.getFloat64(128 + 8 * j, true)).toBe(weights[i]);
      const bit = (word: number) => (view.getUint32(word, true) >>> j) & 1;
      expect(bit(24), `ma option 1 row ${j}`).toBe([0, 3].includes(i) ? 1 : 0);
      expect(bit(28), `ma option 9 row ${j}`).toBe([1, 3].includes(i) ? 1 : 0);
      expect(bit(32), `ma answered row ${j}`).toBe([0, 1, 3].includes(i) ? 1 : 0);
      expect(bit(112)).toBe(1);
      expect(bit(120)).toBe([0, 4].includes(i) ? 1 : 0);
    }
    // Block padding and the bits past n are zero.
    expect([...data.subarray(5, 8), ...data.subarray(18, 24), ...data.subarray(36, 40), ...data.subarray(100, 104), ...data.subarray(109, 112)]).toEqual(new Array(3 + 6 + 4 + 4 + 3).fill(0));
    for (const word of [24, 28, 32, 112, 120]) expect(view.getUint32(word, true) >>> 5).toBe(0);
    for (const word of [116, 124]) expect(view.getUint32(word, true)).toBe(0);
  });

  it('writes no restricted column, no free text and no ids', () => {
    const ds = tinyDataset();
    const bytes = encodePublicUse(ds, { seed: 1 });
    const { header } = readHeader(bytes);
    expect(header.columns.map((c) => c.id)).not.toContain('secret');
    expect(header.columns.map((c) => c.id)).not.toContain('note');
    const text = new TextDecoder().decode(bytes);
    for (const s of ['"secret"', '"note"', '売上', '意見', 'よい', 'わるい', '"R1"']) expect(text).not.toContain(s);
  });

  it('writes an unweighted wave with null weights', () => {
    const ds = { ...tinyDataset(), weights: null };
    const { header } = readHeader(encodePublicUse(ds, { seed: 1 }));
    expect(header.weights).toBeNull();
    expect(decodePublicUse(encodePublicUse(ds, { seed: 1 })).weights).toBeNull();
  });

  it('uses i16 above 255 options, f64 when a value does not survive single precision, f32 otherwise', () => {
    const ds = tinyDataset();
    const { header } = readHeader(encodePublicUse(ds, { seed: 3 }));
    const enc = (id: string) => header.columns.find((c) => c.id === id)?.encoding;
    expect([enc('sa'), enc('big'), enc('num'), enc('cnt')]).toEqual(['u8', 'i16', 'f64', 'f32']);
    // Exactly 255 options still fit one byte (positions 0..254 are written as 1..255).
    const big = ds.variables.get('big')!;
    if (big.kind !== 'coded') throw new Error('fixture changed');
    const v255 = { ...big, options: big.options.slice(0, 255), index: Int16Array.from([254, -1, 0, 200, 1]) };
    const ds255 = { ...ds, variables: new Map(ds.variables).set('big', v255) };
    const bytes255 = encodePublicUse(ds255, { seed: 3 });
    expect(readHeader(bytes255).header.columns.find((c) => c.id === 'big')?.encoding).toBe('u8');
    const decoded = decodePublicUse(bytes255).variables.get('big');
    if (decoded?.kind !== 'coded') throw new Error('big not decoded');
    const perm = permutation(5, 3);
    expect([...decoded.index]).toEqual([...perm].map((i) => v255.index[i]));
    // A column of no answers at all fits single precision.
    const cnt = ds.variables.get('cnt')!;
    if (cnt.kind !== 'numeric') throw new Error('fixture changed');
    const empty = { ...ds, variables: new Map(ds.variables).set('num', { ...cnt, id: 'num', values: new Float64Array(5).fill(NaN) }) };
    expect(readHeader(encodePublicUse(empty, { seed: 3 })).header.columns.find((c) => c.id === 'num')?.encoding).toBe('f32');
  });
});

describe('public-use round trip', () => {
  it('decodes row j to original row permutation[j]: codes, answered sets, multi sets, numbers, universes, weights', () => {
    const ds = tinyDataset();
    const decoded = decodePublicUse(encodePublicUse(ds, { seed: 42 }));
    const perm = [...permutation(5, 42)];
    expect(decoded.n).toBe(5);
    expect(decoded.ids).toEqual([]);
    expect([...decoded.variables.keys()]).toEqual(['sa', 'big', 'ma', 'num', 'cnt', 'sa_high']);
    const at = (id: string) => decoded.variables.get(id)!;
    const rows = (set: Uint32Array) => [0, 1, 2, 3, 4].filter((j) => getBit(set, j));
    const expectRows = (set: Uint32Array, original: number[]) => expect(rows(set)).toEqual([0, 1, 2, 3, 4].filter((j) => original.includes(perm[j])));
    const sa = at('sa');
    const big = at('big');
    const ma = at('ma');
    const num = at('num');
    const cnt = at('cnt');
    if (sa.kind !== 'coded' || big.kind !== 'coded' || ma.kind !== 'multi' || num.kind !== 'numeric' || cnt.kind !== 'numeric') throw new Error('kinds changed');
    expect([...sa.index]).toEqual(perm.map((i) => [0, 2, -1, 1, 0][i]));
    expectRows(sa.answered, [0, 1, 3, 4]);
    expect(sa.label).toBe('満足度');
    expect(sa.options).toEqual([{ code: 1, label: '高' }, { code: 2, label: '中' }, { code: 3, label: '低' }]);
    expect([...big.index]).toEqual(perm.map((i) => [299, -1, 0, 255, 1][i]));
    expectRows(big.answered, [0, 2, 3, 4]);
    expect(ma.chosen).toHaveLength(2);
    expectRows(ma.chosen[0], [0, 3]);
    expectRows(ma.chosen[1], [1, 3]);
    expectRows(ma.answered, [0, 1, 3]);
    expect(ma.options.map((o) => o.code)).toEqual([1, 9]);
    expect([...num.values]).toEqual(perm.map((i) => [0.1, NaN, 3, -2.5, 1e300][i]));
    expectRows(num.answered, [0, 2, 3, 4]);
    expect([...cnt.values]).toEqual(perm.map((i) => [1, NaN, 0.5, 2, -4][i]));
    expectRows(cnt.answered, [0, 2, 3, 4]);
    expect([...decoded.weights!]).toEqual(perm.map((i) => [1, 2, 0.5, 1.5, 3][i]));
    expect([...decoded.universes.keys()]).toEqual(['all', 'high']);
    expectRows(decoded.universes.get('all')!, [0, 1, 2, 3, 4]);
    expectRows(decoded.universes.get('high')!, [0, 4]);
  });

  it('carries the public codebook, with questions and derived variables by id', () => {
    const ds = tinyDataset();
    const decoded = decodePublicUse(encodePublicUse(ds, { seed: 42 }));
    expect([...decoded.questions.keys()]).toEqual(['sa', 'big', 'ma', 'num', 'cnt']);
    expect(decoded.questions.get('ma')).toEqual(ds.questions.get('ma'));
    expect([...decoded.derived.keys()]).toEqual(['sa_high']);
    expect(decoded.derived.get('sa_high')).toEqual(ds.codebook.derived[0]);
    expect(decoded.codebook.survey).toEqual(ds.codebook.survey);
  });

  it('decodes from an ArrayBuffer and from a Uint8Array view into a larger buffer', () => {
    const bytes = encodePublicUse(tinyDataset(), { seed: 42 });
    const fromBuffer = decodePublicUse(bytes.buffer);
    const padded = new Uint8Array(bytes.byteLength + 24);
    padded.set(bytes, 24);
    const fromView = decodePublicUse(padded.subarray(24));
    for (const d of [fromBuffer, fromView]) {
      const sa = d.variables.get('sa');
      const num = d.variables.get('num');
      if (sa?.kind !== 'coded' || num?.kind !== 'numeric') throw new Error('kinds changed');
      const perm = [...permutation(5, 42)];
      expect([...sa.index]).toEqual(perm.map((i) => [0, 2, -1, 1, 0][i]));
      expect([...num.values]).toEqual(perm.map((i) => [0.1, NaN, 3, -2.5, 1e300][i]));
      expect([...d.weights!]).toEqual(perm.map((i) => [1, 2, 0.5, 1.5, 3][i]));
    }
  });
});

describe('the default shuffle seed', () => {
  it('is what encodePublicUse uses when no seed is given', () => {
    const ds = tinyDataset();
    expect(encodePublicUse(ds)).toEqual(encodePublicUse(ds, { seed: defaultSeed(ds) }));
  });

  it('is a 32-bit number that depends on the survey, the wave, n and every id, with ids kept apart', () => {
    const ds = tinyDataset();
    const seed = defaultSeed(ds);
    expect(Number.isInteger(seed)).toBe(true);
    expect(seed).toBeGreaterThanOrEqual(0);
    expect(seed).toBeLessThan(2 ** 32);
    const withSurvey = (fields: Record<string, string>) => ({ ...ds, codebook: { ...ds.codebook, survey: { ...ds.codebook.survey, ...fields } } });
    const others = [
      defaultSeed(withSurvey({ id: 'tiny2' })),
      defaultSeed(withSurvey({ wave: '2027' })),
      defaultSeed({ ...ds, n: 6 }),
      defaultSeed({ ...ds, ids: ['R1', 'R2', 'R3', 'R4', 'R6'] }),
      defaultSeed({ ...ds, ids: ['R2', 'R1', 'R3', 'R4', 'R5'] }),
    ];
    for (const other of others) expect(other).not.toBe(seed);
    // The ids are hashed one by one: "ab" + "c" is not "a" + "bc".
    expect(defaultSeed({ ...ds, ids: ['ab', 'c'] })).not.toBe(defaultSeed({ ...ds, ids: ['a', 'bc'] }));
    expect(defaultSeed({ ...ds, ids: ['ab', 'c'] })).toBe(defaultSeed({ ...ds, ids: ['ab', 'c'] }));
  });
});
