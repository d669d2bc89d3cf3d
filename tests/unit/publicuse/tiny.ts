/**
 * A five-respondent wave built by hand, with one variable of every kind the public-use format
 * encodes differently (u8 and i16 coded, multi bitsets, f32 and f64 numbers, a derived variable),
 * a restricted number, free text, a public universe and weights. Call it inside `it()`: data built
 * at module level cannot be traced to a test by mutation testing.
 */
import type { Codebook, Question } from '../../../src/lib/dataset/codebook.ts';
import type { Bitset, Dataset, Variable } from '../../../src/lib/dataset/types.ts';
import { crc32 } from 'node:zlib';

export const bits = (rows: number[], n = 5): Bitset => {
  const out = new Uint32Array((n + 31) >>> 5);
  for (const i of rows) out[i >>> 5] |= 1 << (i & 31);
  return out;
};

export function tinyDataset(): Dataset {
  const n = 5;
  const base = { universe: 'all', publication: 'public' as const, optional: true, reconstructed: false, notes: [] as string[] };
  const three = [{ code: 1, label: '高' }, { code: 2, label: '中' }, { code: 3, label: '低' }];
  const many = Array.from({ length: 300 }, (_, k) => ({ code: k + 1, label: `選択肢${k + 1}` }));
  const two = [{ code: 1, label: 'CRM' }, { code: 9, label: 'BI' }];
  const questions: Question[] = [
    { ...base, id: 'sa', text: '満足度は？', label: '満足度', type: 'single', options: three, nets: [] },
    { ...base, id: 'big', text: '地域は？', label: '地域', type: 'single', options: many, nets: [] },
    { ...base, id: 'ma', text: '使うツールは？', label: 'ツール', type: 'multi', options: two, nets: [] },
    { ...base, id: 'num', text: '比率は？', label: '比率', type: 'numeric', unit: '%', integer: false },
    { ...base, id: 'cnt', text: '人数は？', label: '人数', type: 'numeric', unit: '人', integer: false },
    { ...base, id: 'secret', text: '売上は？', label: '売上', type: 'numeric', unit: '円', integer: true, publication: 'restricted' },
    { ...base, id: 'note', text: '意見は？', label: '意見', type: 'text', publication: 'restricted' },
  ];
  const codebook: Codebook = {
    survey: {
      id: 'tiny', wave: '2026', title: '小調査', publisher: 'tests', fieldwork: { start: '2026-01-01', end: '2026-01-31' },
      method: 'web', population: 'test', n, citation: 'tests', licence: 'CC0-1.0', synthetic: true, notes: [],
      idColumn: 'id', weightColumn: 'weight', kind: 'microdata', publish: 'microdata',
    },
    questions,
    derived: [{ id: 'sa_high', label: '高満足', options: [{ code: 1, label: 'はい' }], rules: [{ code: 1, when: { q: 'sa', in: [1] } }], publication: 'public' }],
    universes: [{ id: 'high', label: '高満足層', filter: { q: 'sa', in: [1] } }],
    chapters: [],
    headlines: [],
    cube: { perturbation: { D: 2, V: 1, js: 2 } },
    checklist: [],
  };
  const coded = (id: string, label: string, options: typeof three, index: number[]): Variable => ({
    kind: 'coded', id, label, options, index: Int16Array.from(index), answered: bits(index.flatMap((x, i) => (x >= 0 ? [i] : []))),
  });
  const numeric = (id: string, label: string, values: number[]): Variable => ({
    kind: 'numeric', id, label, values: Float64Array.from(values), answered: bits(values.flatMap((x, i) => (Number.isNaN(x) ? [] : [i]))),
  });
  const variables = new Map<string, Variable>([
    ['sa', coded('sa', '満足度', three, [0, 2, -1, 1, 0])],
    ['big', coded('big', '地域', many, [299, -1, 0, 255, 1])],
    ['ma', { kind: 'multi', id: 'ma', label: 'ツール', options: two, chosen: [bits([0, 3]), bits([1, 3])], answered: bits([0, 1, 3]) }],
    ['num', numeric('num', '比率', [0.1, NaN, 3, -2.5, 1e300])],
    ['cnt', numeric('cnt', '人数', [1, NaN, 0.5, 2, -4])],
    ['secret', numeric('secret', '売上', [100, 200, 300, 400, 500])],
    ['note', { kind: 'text', id: 'note', label: '意見', values: ['よい', null, null, 'わるい', null], answered: bits([0, 3]) }],
    ['sa_high', coded('sa_high', '高満足', [{ code: 1, label: 'はい' }], [0, -1, -1, -1, 0])],
  ]);
  return {
    codebook,
    n,
    ids: ['R1', 'R2', 'R3', 'R4', 'R5'],
    weights: Float64Array.from([1, 2, 0.5, 1.5, 3]),
    variables,
    universes: new Map([['all', bits([0, 1, 2, 3, 4])], ['high', bits([0, 4])]]),
    questions: new Map(questions.map((q) => [q.id, q])),
    derived: new Map(codebook.derived.map((d) => [d.id, d])),
  };
}

/**
 * A public-use file assembled by hand from a header (an object, or raw JSON text to control its
 * exact bytes) and a data section, with a correct length and checksum (zlib's CRC-32), so only
 * the decoder's own checks can refuse it.
 */
export function handMade(header: object | string | Uint8Array, data: Uint8Array = new Uint8Array(0), options: { version?: number } = {}): Uint8Array {
  const json = header instanceof Uint8Array ? header : new TextEncoder().encode(typeof header === 'string' ? header : JSON.stringify(header));
  const start = Math.ceil((16 + json.byteLength) / 8) * 8;
  const out = new Uint8Array(start + data.byteLength);
  out.set(new TextEncoder().encode('HKPU'), 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, options.version ?? 2, true);
  view.setUint32(8, json.byteLength, true);
  out.set(json, 16);
  out.set(data, start);
  view.setUint32(12, crc32(out.subarray(16)), true);
  return out;
}

/** A valid header (no codebook content needed by the decoder's checks beyond questions/derived). */
export function header(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { format: 'hakusho-public-use', version: 2, n: 0, codebook: { questions: [], derived: [] }, weights: null, universes: [], columns: [], ...fields };
}

/** The same bytes with their checksum recomputed (a forger's last step). */
export function reseal(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  new DataView(out.buffer).setUint32(12, crc32(out.subarray(16)), true);
  return out;
}
