/** Engine options: defaults, the keyword validator and every field's range check (src/lib/stats/options.ts). */
import { describe, expect, it } from 'vitest';
import { defaultStatsOptions, keyword, resolveStatsOptions, StatsOptionError } from '../../../src/lib/stats/index.ts';

describe('defaultStatsOptions', () => {
  it('is frozen and is what resolveStatsOptions gives without arguments', () => {
    expect(Object.isFrozen(defaultStatsOptions)).toBe(true);
    expect(resolveStatsOptions()).toEqual({ level: 0.95, interval: 'wilson', alpha: 0.05, alpha2: null, adjust: 'bonferroni', cautionBase: 30, suppressBase: 10, percentBase: 'question', multiPercent: 'respondents', variance: 'design' });
    expect(resolveStatsOptions({})).toEqual(resolveStatsOptions());
  });
});

describe('keyword', () => {
  it('returns the allowed spelling of a case-insensitive match', () => {
    expect(keyword('WILSON', 'interval', ['wilson', 'clopper-pearson'])).toBe('wilson');
    expect(keyword('Clopper-Pearson', 'interval', ['wilson', 'clopper-pearson'])).toBe('clopper-pearson');
    // The allowed entry is lower-cased too before comparing, and returned as written.
    expect(keyword('weightedbase', 'stat', ['count', 'weightedBase'])).toBe('weightedBase');
  });
  it('rejects an unknown word with the name and the allowed list', () => {
    const call = () => keyword('wald', 'interval', ['wilson', 'clopper-pearson']);
    expect(call).toThrow(StatsOptionError);
    expect(call).toThrow(new StatsOptionError('invalid interval: wald (expected wilson, clopper-pearson)'));
  });
  it('rejects a non-string with a StatsOptionError (not a TypeError)', () => {
    let error: unknown;
    try {
      keyword(5, 'adjust', ['bonferroni', 'bh', 'none']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StatsOptionError);
    expect((error as Error).name).toBe('StatsOptionError');
    expect((error as Error).message).toBe('invalid adjust: 5 (expected bonferroni, bh, none)');
    expect(() => keyword(undefined, 'adjust', ['bonferroni'])).toThrow(/^invalid adjust: undefined \(expected bonferroni\)$/);
    // null is not the string "null": not even when "null" is allowed.
    expect(() => keyword(null, 'x', ['null'])).toThrow('invalid x: null (expected null)');
  });
});

describe('resolveStatsOptions', () => {
  it('overlays the given fields on the defaults', () => {
    const o = resolveStatsOptions({ level: 0.9, interval: 'clopper-pearson', alpha: 0.01, alpha2: 0.1, adjust: 'bh', cautionBase: 0, suppressBase: 0, percentBase: 'valid', multiPercent: 'responses', variance: 'kish' });
    expect(o).toEqual({ level: 0.9, interval: 'clopper-pearson', alpha: 0.01, alpha2: 0.1, adjust: 'bh', cautionBase: 0, suppressBase: 0, percentBase: 'valid', multiPercent: 'responses', variance: 'kish' });
    expect(resolveStatsOptions({ percentBase: 'substantive', adjust: 'none' })).toMatchObject({ percentBase: 'substantive', adjust: 'none', level: 0.95 });
  });
  it('accepts fractions strictly between 0 and 1 for level, alpha and alpha2', () => {
    expect(resolveStatsOptions({ level: 0.999, alpha: 0.001, alpha2: 0.5 })).toMatchObject({ level: 0.999, alpha: 0.001, alpha2: 0.5 });
    for (const field of ['level', 'alpha', 'alpha2'] as const) {
      for (const bad of [0, 1, -0.5, 1.5, NaN]) {
        expect(() => resolveStatsOptions({ [field]: bad })).toThrow(new StatsOptionError(`invalid ${field}: ${bad} (expected a number between 0 and 1)`));
      }
      // A numeric string would pass `> 0 && < 1` by coercion: it is refused for not being a number.
      expect(() => resolveStatsOptions({ [field]: '0.5' as unknown as number })).toThrow(`invalid ${field}: 0.5 (expected a number between 0 and 1)`);
    }
  });
  it('keeps alpha2 null (off) and refuses undefined for it', () => {
    expect(resolveStatsOptions({ alpha2: null }).alpha2).toBeNull();
    expect(() => resolveStatsOptions({ alpha2: undefined as unknown as null })).toThrow('invalid alpha2: undefined');
  });
  it('accepts bases ≥ 0 and refuses negative, infinite and non-numbers', () => {
    expect(resolveStatsOptions({ cautionBase: 0, suppressBase: 0 })).toMatchObject({ cautionBase: 0, suppressBase: 0 });
    expect(resolveStatsOptions({ cautionBase: 2.5, suppressBase: 1e6 })).toMatchObject({ cautionBase: 2.5, suppressBase: 1e6 });
    for (const field of ['cautionBase', 'suppressBase'] as const) {
      for (const bad of [-1, -0.001, Infinity, NaN]) {
        expect(() => resolveStatsOptions({ [field]: bad })).toThrow(new StatsOptionError(`invalid ${field}: ${bad} (expected a number ≥ 0)`));
      }
      expect(() => resolveStatsOptions({ [field]: '5' as unknown as number })).toThrow(`invalid ${field}: 5 (expected a number ≥ 0)`);
    }
  });
  it('names the field of a bad keyword', () => {
    expect(() => resolveStatsOptions({ interval: 'wald' as 'wilson' })).toThrow('invalid interval: wald (expected wilson, clopper-pearson)');
    expect(() => resolveStatsOptions({ adjust: 'holm' as 'bh' })).toThrow('invalid adjust: holm (expected bonferroni, bh, none)');
    expect(() => resolveStatsOptions({ percentBase: 'all' as 'valid' })).toThrow('invalid percentBase: all (expected question, valid, substantive)');
    expect(() => resolveStatsOptions({ multiPercent: 'cases' as 'responses' })).toThrow('invalid multiPercent: cases (expected respondents, responses)');
    expect(resolveStatsOptions({ interval: 'Clopper-Pearson' as 'clopper-pearson', adjust: 'BH' as 'bh' })).toMatchObject({ interval: 'clopper-pearson', adjust: 'bh' });
  });
});
