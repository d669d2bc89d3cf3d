import { describe, expect, it } from 'vitest';
import { encodePublicUse, decodePublicUse, defaultSeed, readHeader, PublicUseError } from '../../../src/lib/publicuse/index.ts';
import { syntheticDataset } from '../../../scripts/bench/synthetic.ts';
import { permutation } from '../../../src/lib/publicuse/shuffle.ts';
import { getBit as hasBit } from '../../../src/lib/dataset/bitset.ts';
import type { Dataset } from '../../../src/lib/dataset/types.ts';

/** Built inside each test (not at module level) so that mutation testing can trace coverage to it. */
function setup() {
  const original = syntheticDataset({ n: 1003, questions: 12, seed: 7 });
  const bytes = encodePublicUse(original);
  const decoded = decodePublicUse(bytes);
  const perm = permutation(original.n, defaultSeed(original));
  return { original, bytes, decoded, perm };
}

function row(ds: Dataset, i: number): string {
  const parts: string[] = [];
  for (const v of ds.variables.values()) {
    if (v.kind === 'coded') parts.push(`${v.id}=${v.index[i]}`);
    else if (v.kind === 'multi') parts.push(`${v.id}=${v.chosen.map((b) => (hasBit(b, i) ? 1 : 0)).join('')}${hasBit(v.answered, i) ? '' : '?'}`);
    else if (v.kind === 'numeric') parts.push(`${v.id}=${v.values[i]}`);
  }
  for (const [id, bits] of ds.universes) parts.push(`${id}:${hasBit(bits, i) ? 1 : 0}`);
  parts.push(`w=${ds.weights?.[i]}`);
  return parts.join(' ');
}

describe('public-use encoding', () => {
  it('decodes row j to what original row permutation[j] held, for every public column, universe and weight', () => {
    const { original, decoded, perm } = setup();
    const publicOnly = { ...original, variables: new Map([...original.variables].filter(([id]) => decoded.variables.has(id))) };
    for (let j = 0; j < original.n; j++) expect(row(decoded, j)).toBe(row(publicOnly, perm[j]));
  });

  it('actually shuffles the rows', () => {
    const { original, perm } = setup();
    let same = 0;
    for (let j = 0; j < original.n; j++) if (perm[j] === j) same++;
    expect(same).toBeLessThan(10);
  });

  it('keeps no restricted column, no free text and no respondent id', () => {
    const { bytes, decoded } = setup();
    expect([...decoded.variables.keys()]).not.toContain('revenue_exact');
    expect([...decoded.variables.keys()]).not.toContain('comment');
    expect(decoded.ids).toEqual([]);
    expect(decoded.codebook.questions.map((q) => q.id)).not.toContain('comment');
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    expect(text).not.toContain('R000001');
    expect(text).not.toContain('自由回答');
    expect(text).not.toContain('revenue_exact');
  });

  it('keeps every public variable, with labels and options', () => {
    const { original, decoded } = setup();
    const expected = [...original.variables.values()].filter((v) => v.id !== 'revenue_exact' && v.kind !== 'text').map((v) => v.id);
    expect([...decoded.variables.keys()].sort()).toEqual(expected.sort());
    expect(decoded.variables.get('q1')?.label).toBe('設問1');
    expect(decoded.questions.get('q5')?.type).toBe('multi');
  });

  it('is deterministic for the same data and changes order for another seed', () => {
    const { original, bytes } = setup();
    expect(encodePublicUse(original)).toEqual(bytes);
    expect(encodePublicUse(original, { seed: 1 })).not.toEqual(bytes);
  });

  it('uses one byte per single answer', () => {
    const { original, bytes } = setup();
    const { header } = readHeader(bytes);
    const q1 = header.columns.find((c) => c.id === 'q1');
    expect(q1?.encoding).toBe('u8');
    expect(q1?.block.length).toBe(original.n);
    expect(header.columns.find((c) => c.id === 'staff')?.encoding).toBe('f32');
  });

  it('rejects bytes that are not a public-use file with a clear error', () => {
    const { bytes } = setup();
    expect(() => decodePublicUse(new Uint8Array([1, 2, 3]))).toThrow(PublicUseError);
    expect(() => decodePublicUse(new TextEncoder().encode('<!doctype html><html>…</html>'))).toThrow(/magic "<!do"/);
    expect(() => decodePublicUse(bytes.subarray(0, 200))).toThrow(/途中で切れています/);
  });
});
