/** Display formatting is a separate step: half-up rounding, "0.0" vs "–", bases as "n=221". */
import { describe, expect, it } from 'vitest';
import { formatPercent, formatCount, formatBase, formatNumber, formatInterval, roundHalfUp } from '../../../src/lib/stats/index.ts';

describe('roundHalfUp', () => {
  it('rounds halves up on the decimal value, not its binary neighbour', () => {
    expect(roundHalfUp(12.35, 1)).toBe(12.4);
    expect(roundHalfUp(0.1235 * 100, 1)).toBe(12.4);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(12.345, 1)).toBe(12.3);
  });
  it('rounds negative halves away from zero (四捨五入)', () => {
    expect(roundHalfUp(-2.5)).toBe(-3);
    expect(roundHalfUp(-0.04, 1)).toBe(-0);
  });
});

describe('formatPercent', () => {
  it('shows a proportion as a percentage to 0.1 by default', () => {
    expect(formatPercent(0.1235)).toBe('12.4');
    expect(formatPercent(1)).toBe('100.0');
    expect(formatPercent(0.1235, { digits: 0 })).toBe('12');
  });
  it('shows "0.0" for a non-zero value that rounds to zero and "–" for a true zero', () => {
    expect(formatPercent(0.0004)).toBe('0.0');
    expect(formatPercent(0)).toBe('–');
  });
  it('shows "–" without a base and the suppressed mark for a small base', () => {
    expect(formatPercent(NaN)).toBe('–');
    expect(formatPercent(0.5, { suppressed: true })).toBe('*');
    expect(formatPercent(0.5, { suppressed: true, suppressedText: '—' })).toBe('—');
  });
});

describe('counts, bases, numbers and intervals', () => {
  it('formats counts with thousands separators and "–" for zero', () => {
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(1234.5)).toBe('1,235');
    expect(formatCount(12.25, { digits: 1 })).toBe('12.3');
    expect(formatCount(0)).toBe('–');
  });
  it('labels a base as n=221', () => {
    expect(formatBase(221)).toBe('n=221');
    expect(formatBase(12345)).toBe('n=12,345');
  });
  it('formats means and intervals', () => {
    expect(formatNumber(3.7625, 2)).toBe('3.76');
    expect(formatNumber(-0.04, 1)).toBe('0.0');
    expect(formatInterval({ low: 0.1807484523, high: 0.4543001882 })).toBe('18.1–45.4');
    expect(formatInterval(null)).toBe('–');
  });
});
