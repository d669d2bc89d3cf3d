/** Label placement helpers of the chart layer (src/lib/charts/layout.ts). */
import { describe, it, expect } from 'vitest';
import { dodge } from '../../../src/lib/charts/layout.ts';

describe('dodge', () => {
  it('moves labels apart as little as possible, in order, within the bounds', () => {
    expect(dodge([10, 10.5, 30], 2)).toEqual([10, 12, 30]);
    expect(dodge([30, 10.5, 10], 2)).toEqual([30, 12, 10]);
    // Pushed past the top, the stack slides down keeping its gaps.
    expect(dodge([99, 99.5, 100], 2, 0, 100)).toEqual([96, 98, 100]);
    // Far apart: unchanged.
    expect(dodge([5, 50, 95], 2, 0, 100)).toEqual([5, 50, 95]);
    expect(dodge([], 2)).toEqual([]);
  });
});
