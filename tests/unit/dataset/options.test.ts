import { describe, expect, it } from 'vitest';
import { describeCodes, displayOrder } from '../../../src/lib/dataset/options.ts';
import { closestField, fieldNames, formatPath } from '../../../src/lib/dataset/schema-errors.ts';
import { Codebook } from '../../../src/lib/dataset/codebook.ts';

describe('options', () => {
  it('displayOrder sorts by `order`, falling back to list position, ties stable', () => {
    const options = [
      { code: 1, label: 'a' },
      { code: 2, label: 'b', order: 0 },
      { code: 3, label: 'c' },
    ];
    expect(displayOrder(options).map((o) => o.code)).toEqual([1, 2, 3]);
    expect(displayOrder([{ code: 9, label: 'x', order: -1 }, ...options]).map((o) => o.code)).toEqual([9, 2, 1, 3]);
  });
  it('describeCodes writes runs as ranges and other sets as lists', () => {
    expect(describeCodes([3, 1, 2, 5, 4])).toBe('1–5');
    expect(describeCodes([1, 2])).toBe('1, 2');
    expect(describeCodes([1, 2, 9])).toBe('1, 2, 9');
  });
  it('displayOrder keeps list order among equal `order` values', () => {
    const options = [
      { code: 1, label: 'a', order: 1 },
      { code: 2, label: 'b', order: 1 },
      { code: 3, label: 'c', order: 0 },
      { code: 4, label: 'd', order: 1 },
    ];
    expect(displayOrder(options).map((o) => o.code)).toEqual([3, 1, 2, 4]);
    expect(displayOrder([{ code: 5, label: 'e', order: 10 }, { code: 6, label: 'f' }, { code: 7, label: 'g', order: 0.5 }]).map((o) => o.code)).toEqual([7, 6, 5]);
  });
  it('describeCodes sorts numerically, needs three codes for a run, lists at most 12', () => {
    expect(describeCodes([10, 2, 1])).toBe('1, 2, 10');
    expect(describeCodes([7, 6, 5])).toBe('5–7');
    expect(describeCodes([4])).toBe('4');
    expect(describeCodes([])).toBe('');
    const evens = (n: number) => Array.from({ length: n }, (_, i) => 2 * i);
    expect(describeCodes(evens(12))).toBe('0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22');
    expect(describeCodes(evens(13))).toBe('0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, …');
  });
});

describe('schema error helpers', () => {
  it('formatPath writes YAML paths as editors read them', () => {
    expect(formatPath(['questions', 3, 'options', 1, 'code'])).toBe('questions[3].options[1].code');
  });
  it('fieldNames lists every field of the codebook schema, filters included', () => {
    const names = fieldNames(Codebook);
    for (const name of ['survey', 'weightColumn', 'maxChoices', 'nonSubstantive', 'includesAny', 'previous']) expect(names.has(name)).toBe(true);
  });
  it('closestField suggests near misses only', () => {
    const known = ['label', 'maxChoices', 'universe', 'id'];
    expect(closestField('lable', known)).toBe('label');
    expect(closestField('max_choices', known)).toBe('maxChoices');
    expect(closestField('univers', known)).toBe('universe');
    expect(closestField('colour', known)).toBeUndefined();
    expect(closestField('ix', known)).toBeUndefined();
  });
});
