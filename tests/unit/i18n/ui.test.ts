/** The UI string tables: every key in both languages, nothing empty, English actually English. */
import { describe, expect, it } from 'vitest';
import { UI, ui } from '../../../src/lib/i18n/ui.ts';
import { EXPLORE } from '../../../src/lib/i18n/explore.ts';
import { CHART_WORDS } from '../../../src/lib/charts/words.ts';
import { alternatePath, isMirrored, localPath, pathLang, stripLang } from '../../../src/lib/i18n/lang.ts';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/;
/** English strings that name the other language in its own script (the language switch). */
const NATIVE_NAMES = new Set(['switchTo']);

/** Sample calls of a function entry (every argument shape the tables use), so its text can be checked too. */
function render(value: unknown): string {
  if (typeof value === 'string') return value;
  const f = value as (...args: unknown[]) => string;
  const samples: unknown[][] = [['2025-01-05'], [3], [['2022', '2024']], ['SaaS', 'n=12'], ['Source', 'Title', true, 'https://x/'], ['Label', 'detail (x)']];
  const out: string[] = [];
  for (const args of samples) {
    try {
      const text = f(...args);
      if (typeof text === 'string' && !text.includes('NaN') && !text.includes('Invalid')) out.push(text);
    } catch {
      // not this function's argument shape
    }
  }
  return out.join(' ');
}

describe('UI strings', () => {
  it('English has every key Japanese has, and no other', () => {
    expect(Object.keys(UI.en).sort()).toEqual(Object.keys(UI.ja).sort());
  });

  it('no entry is empty, and a function stays a function', () => {
    for (const lang of ['ja', 'en'] as const) {
      for (const [key, value] of Object.entries(UI[lang])) {
        expect(typeof value, `${lang}.${key}`).toBe(typeof UI.ja[key as keyof typeof UI.ja]);
        expect(render(value).trim().length, `${lang}.${key}`).toBeGreaterThan(0);
      }
    }
  });

  it('English entries contain no Japanese (except the name of the Japanese language on the switch)', () => {
    const untranslated = Object.entries(UI.en).filter(([key, value]) => !NATIVE_NAMES.has(key) && JAPANESE.test(render(value))).map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it('English formats dates, numbers and titles the English way', () => {
    expect(ui('en').date('2024-12-01')).toBe('1 December 2024');
    expect(ui('ja').date('2024-12-01')).toBe('2024年12月1日');
    expect(ui('en').qualified('Industry', 'by SaaS / non-SaaS')).toBe('Industry (by SaaS / non-SaaS)');
    expect(ui('en').qualified('Touch model', 'by Feels effective (two groups)')).toBe('Touch model: by Feels effective (two groups)');
    expect(ui('en').chapterPrefix('3')).toBe('Chapter 3');
    expect(ui('en').validN(1000)).toBe('1,000 valid responses');
  });
});

describe('the explorer\'s and the chart layer\'s word tables', () => {
  for (const [name, tables] of [['explore', EXPLORE], ['chart words', CHART_WORDS]] as const) {
    it(`${name}: the same keys and kinds in both languages, none empty, English without Japanese`, () => {
      expect(Object.keys(tables.en).sort()).toEqual(Object.keys(tables.ja).sort());
      const untranslated: string[] = [];
      for (const [key, value] of Object.entries(tables.en)) {
        const ja = (tables.ja as Record<string, unknown>)[key];
        expect(typeof value, key).toBe(typeof ja);
        const text = Array.isArray(value) ? value.join(' ') : render(value);
        expect(text.trim().length, key).toBeGreaterThan(0);
        if (JAPANESE.test(text)) untranslated.push(key);
      }
      expect(untranslated).toEqual([]);
    });
  }

  it('the English CSV header has as many columns as the Japanese one', () => {
    expect(CHART_WORDS.en.csvHeader.length).toBe(CHART_WORDS.ja.csvHeader.length);
  });
});

describe('language paths', () => {
  it('Japanese at the current URLs, English under /en/', () => {
    expect(localPath('/jcsa/2025/', 'ja')).toBe('/jcsa/2025/');
    expect(localPath('/jcsa/2025/', 'en')).toBe('/en/jcsa/2025/');
    expect(pathLang('/en/jcsa/2025/')).toBe('en');
    expect(pathLang('/english/')).toBe('ja');
    expect(stripLang('/en/')).toBe('/');
  });

  it('the switch keeps the page where both languages have it', () => {
    for (const p of ['/', '/jcsa/2025/', '/jcsa/2025/questions/', '/jcsa/2025/questions/cs_effect/', '/fullstar/2023/codebook/', '/explore/', '/methods/']) {
      expect(alternatePath(p, 'en'), p).toBe(`/en${p}`);
      expect(alternatePath(`/en${p}`, 'ja'), p).toBe(p);
      expect(isMirrored(p)).toBe(true);
    }
  });

  it('a chapter switches to its report cover; pages without a counterpart to the home page', () => {
    expect(alternatePath('/jcsa/2025/ch3/', 'en')).toBe('/en/jcsa/2025/');
    expect(alternatePath('/search/', 'en')).toBe('/en/');
    expect(alternatePath('/guides/kpi/churn/', 'en')).toBe('/en/');
    expect(alternatePath('/guides/kpi/', 'en')).toBe('/en/');
    expect(alternatePath('/embed/', 'en')).toBe('/en/');
    expect(isMirrored('/jcsa/2025/ch3/')).toBe(false);
    expect(isMirrored('/guides/kpi/')).toBe(false);
  });
});
