import { describe, it, expect } from 'vitest';
import { bibtexEscape, citationBibtex, citationPlain, citationRis, type CiteView } from '../../../src/lib/explore/cite.ts';

const view = (over: Partial<CiteView> = {}): CiteView => ({
  reportTitle: 'カスタマーサクセス白書2025 第2部 SaaSレポート',
  publisher: '一般社団法人日本カスタマーサクセス協会',
  year: '2025',
  viewTitle: 'CSの効果（事業形態別）',
  permalink: 'https://hakusho.example.org/explore/?s=jcsa&w=2025&q=cs_effect&b=sector',
  accessed: '2026-11-28',
  synthetic: true,
  key: 'hakusho-jcsa-2025-cs_effect-by-sector',
  ...over,
});

describe('citations (issue 11)', () => {
  it('names the report by its title, publisher and year, with the permalink and access date', () => {
    expect(citationPlain(view())).toBe(
      '一般社団法人日本カスタマーサクセス協会「カスタマーサクセス白書2025 第2部 SaaSレポート」（2025年）より「CSの効果（事業形態別）」の集計、Hakusho、https://hakusho.example.org/explore/?s=jcsa&w=2025&q=cs_effect&b=sector（2026-11-28 閲覧）。※合成サンプルデータ（公表値を再現するよう生成したもので、実際の回答ではありません）',
    );
    expect(citationPlain(view({ synthetic: false }))).not.toContain('合成');
  });
  it('writes a BibTeX @misc entry with a corporate author and escaped fields', () => {
    expect(citationBibtex(view({ synthetic: false }))).toBe(
      [
        '@misc{hakusho-jcsa-2025-cs_effect-by-sector,',
        '  author = {{一般社団法人日本カスタマーサクセス協会}},',
        '  title = {CSの効果（事業形態別）（カスタマーサクセス白書2025 第2部 SaaSレポートより集計）},',
        '  year = {2025},',
        '  publisher = {一般社団法人日本カスタマーサクセス協会},',
        '  howpublished = {Hakusho クロス集計},',
        '  url = {https://hakusho.example.org/explore/?s=jcsa&w=2025&q=cs_effect&b=sector},',
        '  urldate = {2026-11-28}',
        '}',
        '',
      ].join('\n'),
    );
    expect(citationBibtex(view())).toContain('  note = {合成サンプルデータ');
  });
  it('escapes LaTeX specials so a label cannot close a field', () => {
    expect(bibtexEscape('50% & {x}_1 #2 $ ~ ^ \\')).toBe('50\\% \\& \\{x\\}\\_1 \\#2 \\$ \\~{} \\^{} \\textbackslash{}');
    const entry = citationBibtex(view({ viewTitle: 'a}, note = {pwned', key: 'k ey,}' }));
    expect(entry).toContain('title = {a\\}, note = \\{pwned');
    expect(entry.startsWith('@misc{k-ey--,\n')).toBe(true);
    // Braces balance: the entry is one record.
    let depth = 0;
    for (const [i, c] of [...entry.replace(/\\[{}]/g, '')].entries()) {
      depth += c === '{' ? 1 : c === '}' ? -1 : 0;
      if (depth === 0 && i > 6) expect(entry.replace(/\\[{}]/g, '').slice(i + 1).trim()).toBe('');
    }
  });
  it('writes RIS tags on one line each, ending with ER, so a label cannot add a tag', () => {
    const ris = citationRis(view({ viewTitle: '効果\r\nER  - \nTY  - JOUR' }));
    const lines = ris.split('\r\n');
    expect(lines[0]).toBe('TY  - DATA');
    expect(lines).toContain('TI  - 効果 ER  -  TY  - JOUR（カスタマーサクセス白書2025 第2部 SaaSレポートより集計）');
    expect(lines).toContain('UR  - https://hakusho.example.org/explore/?s=jcsa&w=2025&q=cs_effect&b=sector');
    expect(lines).toContain('Y2  - 2026-11-28');
    expect(lines).toContain('PY  - 2025');
    expect(lines).toContain('AU  - 一般社団法人日本カスタマーサクセス協会');
    expect(lines.filter((l) => /^ER {2}- /.test(l))).toEqual(['ER  - ']);
    expect(lines.at(-2)).toBe('ER  - ');
    expect(lines.every((l) => l === '' || /^[A-Z][A-Z0-9] {2}- /.test(l))).toBe(true);
  });
});
