import { describe, expect, it } from 'vitest';
import { siteLink, siteUrl, SiteUrlError } from '../../src/lib/site-url.ts';

describe('siteUrl', () => {
  it('is undefined when nothing (or only blanks) is configured', () => {
    expect(siteUrl(undefined)).toBeUndefined();
    expect(siteUrl('')).toBeUndefined();
    expect(siteUrl('  ')).toBeUndefined();
  });
  it('accepts https and http addresses and ends them with a slash', () => {
    expect(siteUrl('https://hakusho.jcsa.example.jp')).toBe('https://hakusho.jcsa.example.jp/');
    expect(siteUrl(' http://localhost:8080 ')).toBe('http://localhost:8080/');
    expect(siteUrl('https://a.example/')).toBe('https://a.example/');
  });
  it('refuses other schemes, non-URLs, credentials, queries and fragments, naming the value', () => {
    for (const bad of ["javascript:alert('U1')", 'ftp://files.example/', 'data:text/html,x', 'hakusho.example.jp', 'https://user:pw@a.example/', 'https://a.example/?x=1', 'https://a.example/#top', 'https://a.example/white-paper/']) {
      expect(() => siteUrl(bad), bad).toThrow(SiteUrlError);
      expect(() => siteUrl(bad), bad).toThrow(`HAKUSHO_SITE_URL「${bad}」`);
    }
    expect(() => siteUrl('ftp://files.example/')).toThrow('https: か http: のみ');
    expect(() => siteUrl('https://a.example/wp')).toThrow('パス「/wp」');
  });
});

describe('siteLink', () => {
  it('is the path itself without a configured site', () => {
    expect(siteLink('/jcsa/2025/ch2/#fig-cs_effect-all', undefined)).toBe('/jcsa/2025/ch2/#fig-cs_effect-all');
  });
  it('is absolute under the configured site', () => {
    expect(siteLink('/jcsa/2025/ch2/#fig-x', 'https://a.example/')).toBe('https://a.example/jcsa/2025/ch2/#fig-x');
    expect(siteLink('/explore/?s=jcsa&q=a', new URL('http://localhost:8080/'))).toBe('http://localhost:8080/explore/?s=jcsa&q=a');
  });
  it('refuses what is not a site path', () => {
    expect(() => siteLink('jcsa/2025/', undefined)).toThrow('not a site path');
  });
});
