/** Exported charts carry their provenance (issue 11): lines, order, escaping, size, well-formed XML. */
import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { provenanceLines, withProvenance, type Provenance } from '../../../src/lib/charts/provenance.ts';

const p: Provenance = {
  title: '効果の実感',
  question: 'カスタマーサクセスに効果を感じていますか。',
  universe: 'SaaS・CSに取り組んでいる',
  base: 'n=221',
  filters: ['従業員規模：1〜99名'],
  banner: '業種',
  source: 'JCSA「白書」',
  synthetic: true,
  notes: ['秘匿処理をした集計値から作成'],
};
const chart = '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="640" height="300" viewBox="0 0 640 300"><rect width="10" height="10"/></svg>';

describe('chart provenance', () => {
  it('puts title and question above; base, banner, filters, notes, source and the synthetic mark below', () => {
    expect(provenanceLines(p)).toEqual({
      header: ['効果の実感', 'カスタマーサクセスに効果を感じていますか。'],
      footer: ['対象：SaaS・CSに取り組んでいる（n=221）／集計軸：業種', '絞り込み：従業員規模：1〜99名', '秘匿処理をした集計値から作成', '出典：JCSA「白書」', '合成サンプルデータ（公表値を再現するよう生成したもので、実際の回答ではありません）'],
    });
    expect(provenanceLines({ ...p, filters: [], banner: null, notes: [], synthetic: false }).footer).toEqual(['対象：SaaS・CSに取り組んでいる（n=221）', '出典：JCSA「白書」']);
  });

  it('nests the chart unchanged between the lines, in well-formed XML, hostile labels as text', () => {
    const hostile = { ...p, title: '<script>alert(1)</script> & "q"', filters: ['規模：<1億円'] };
    const { svg, height } = withProvenance(chart, 640, 300, hostile);
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(svg, 'image/svg+xml');
    expect(errors).toEqual([]);
    const root = doc.documentElement!;
    expect(root.getAttribute('height')).toBe(String(height));
    const texts = Array.from(root.getElementsByTagName('text')).map((t) => t.textContent);
    expect(texts[0]).toBe('<script>alert(1)</script> & "q"');
    expect(texts).toContain('絞り込み：規模：<1億円');
    const inner = root.getElementsByTagName('svg')[0];
    const top = Number(inner.getAttribute('y'));
    expect(top).toBeGreaterThan(0);
    expect(height).toBeGreaterThan(top + 300);
    expect(inner.getAttribute('width')).toBe('640');
    expect(svg).not.toContain('<script>');
  });
  it('never cuts the source line, however many waves it cites: the permalink at its end stays whole', () => {
    const link = 'https://example.org/virtualex/2023/overview/#fig-cs_effect_felt-trend';
    const source = `${Array.from({ length: 4 }, (_, i) => `${2021 + i}年：バーチャレクス・コンサルティング株式会社「${2021 + i}年カスタマーサクセスに関する調査」（カスタマーサクセス実態調査 第三弾・第四弾）`).join('／')}／${link}`;
    const { svg } = withProvenance(chart, 640, 300, { ...p, source });
    const texts = Array.from(new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement!.getElementsByTagName('text')).map((t) => t.textContent ?? '');
    expect(texts.join('')).toContain(`出典：${source}`);
    expect(texts.join('')).not.toContain('…');
  });
});
