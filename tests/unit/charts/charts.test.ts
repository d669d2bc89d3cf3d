import { describe as group, it, expect } from 'vitest';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { chooseKind, chartSpec, parseKind, renderChartSvg, describe, scoreNote, tableModel, tableCsv, wrapLines, BOM, type ChartVariable, type GridTable, type TrendTable } from '../../../src/lib/charts/index.ts';
import { bandPosition } from '../../../src/lib/charts/spec-histogram.ts';
import { columnColour, SERIES, textOn } from '../../../src/lib/charts/palette.ts';

/** CIE76 colour difference of two sRGB hex colours (D65). */
function deltaE(a: string, b: string): number {
  const lab = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const x = f((0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047);
    const y = f(0.2126 * r + 0.7152 * g + 0.0722 * bl);
    const z = f((0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
  };
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}
import { symbolLegend } from '../../../src/lib/charts/fmt.ts';
import { openClassShare } from '../../../src/lib/charts/banded.ts';
import { baseLine, markNotes } from '../../../src/components/figure-notes.ts';
import { multiTotal, multiBanner, likert, likertOptions, banded, bandedOptions, smallSingle, crossTab } from './fixtures.ts';

const doc = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
const likertVar: ChartVariable = { options: likertOptions, neutral: [3], unit: null };
const bandedVar: ChartVariable = { options: bandedOptions, neutral: [], unit: '%' };
const grid: GridTable = { type: 'grid', question: 'g', rowLabels: ['オンボーディング', 'ヘルススコア'], tables: [smallSingle, smallSingle] };
const point = (wave: string, option: number, label: string, proportion: number, base: number) =>
  ({ wave, option, label, question: 'q', code: option, proportion, ci: null, base, effectiveBase: base, weightedBase: base, source: wave === '2022' ? 'published' : 'microdata', sourceNote: null }) as const;
const trend: TrendTable = {
  type: 'trend',
  question: 'q',
  universe: 'doing_cs',
  universeLabel: 'CSに取り組んでいる人',
  waves: ['2022', '2023'],
  points: [point('2022', 1, '効果を感じている', 0.48, 500), point('2023', 1, '効果を感じている', 0.552, 500), point('2022', 2, '感じていない', 0.2, 500), point('2023', 2, '感じていない', 0.15, 500)],
};

group('chooseKind', () => {
  it('picks sorted bars for multi answers and grouped bars when a banner is shown', () => {
    expect(chooseKind(multiTotal)).toBe('bars');
    expect(chooseKind(multiBanner)).toBe('grouped');
  });
  it('picks diverging bars for a Likert scale and stacked bars otherwise', () => {
    expect(chooseKind(likert, likertVar)).toBe('diverging');
    expect(chooseKind(likert)).toBe('stacked');
    expect(chooseKind(smallSingle)).toBe('stacked');
  });
  it('picks a histogram for banded answers, a heat table for grids, lines/slopes for trends', () => {
    expect(chooseKind(banded, bandedVar)).toBe('histogram');
    expect(chooseKind(grid)).toBe('heat');
    expect(chooseKind(trend)).toBe('slope');
    expect(chooseKind({ ...trend, waves: ['2021', '2022', '2023'] })).toBe('lines');
  });
  it('rejects unknown kinds and kinds that do not fit the table, naming the choices', () => {
    expect(() => parseKind('pie')).toThrow('invalid kind: pie (expected bars, stacked, diverging, grouped, histogram, heat, lines, slope)');
    expect(() => chartSpec(grid, { kind: 'bars' })).toThrow(/expected heat/);
  });
});

group('chartSpec', () => {
  it('sorts multi-answer bars by the total share, non-substantive answers last', () => {
    const spec = chartSpec(multiTotal);
    expect((spec.plot.y as { domain: string[] }).domain).toEqual(['1', '2', '3', '4', '9']);
  });
  it('centres the neutral answer on zero in a diverging chart', () => {
    const spec = chartSpec(likert, { variable: likertVar });
    const bars = spec.plot.marks?.[0] as unknown as { data: { rowKey: string; columnKey: string; x1: number; x2: number }[] };
    const neutral = bars.data.find((d) => d.rowKey === '3' && d.columnKey === 'total');
    expect(neutral).toBeDefined();
    expect(neutral!.x1).toBeCloseTo(-neutral!.x2, 9);
    const negative = bars.data.filter((d) => d.columnKey === 'total' && (d.rowKey === '1' || d.rowKey === '2'));
    expect(negative.every((d) => d.x2 <= 0)).toBe(true);
    expect(spec.notes.join()).toContain('わからない');
  });
  it('places the banded mean and median inside their classes', () => {
    const bands = bandedOptions.map((o) => ({ key: String(o.code), label: o.label, lower: o.lower ?? null, upper: o.upper ?? null }));
    expect(bandPosition(bands, 2)).toBeCloseTo(1.5, 9);
    expect(bandPosition(bands, 3.7625)).toBeCloseTo(2 + 0.7625 / 2, 9);
    expect(bandPosition(bands, 12.5)).toBeCloseTo(4.25, 9);
  });
});

group('renderChartSvg', () => {
  it('draws every form to standalone SVG with width and height (no layout shift)', () => {
    const cases = [
      [multiTotal, undefined],
      [multiBanner, undefined],
      [likert, likertVar],
      [banded, bandedVar],
      [smallSingle, undefined],
      [grid, undefined],
      [trend, undefined],
    ] as const;
    for (const [table, variable] of cases) {
      const svg = renderChartSvg(table, { document: doc(), variable, width: 640 });
      const root = parseHTML(`<html><body>${svg}</body></html>`).document.querySelector('svg');
      expect(root?.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
      expect(root?.getAttribute('width')).toBe('640');
      expect(Number(root?.getAttribute('height'))).toBeGreaterThan(50);
      expect(root?.getAttribute('viewBox')).toBe(`0 0 640 ${root?.getAttribute('height')}`);
    }
  });
  it('writes labels as text, never as markup', () => {
    const svg = renderChartSvg(multiTotal, { document: doc() });
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
  it('labels values, letters and 参考値 marks, and gives each bar a tooltip with n and CI', () => {
    const svg = renderChartSvg(multiBanner, { document: doc() });
    expect(svg).toContain('80.2% B');
    expect(svg).toContain('A: SaaS (n=257)');
    expect(svg).toMatch(/<title>カスタマーサクセス部門 — SaaS\n80.2%（206\/257）\n95%信頼区間 75.2–85.2%<\/title>/);
    const small = renderChartSvg(likert, { document: doc(), variable: likertVar });
    expect(small).toContain('1年未満* (n=25)');
  });
  it('puts significance letters on stacked segments', () => {
    const t = crossTab({
      type: 'single',
      totalN: 200,
      columns: [
        { key: '1', label: 'A群', n: 100 },
        { key: '2', label: 'B群', n: 100 },
      ],
      rows: [
        { key: '1', label: 'はい', counts: [120, 80, 40], letters: ['', 'B', ''] },
        { key: '2', label: 'いいえ', counts: [80, 20, 60], letters: ['', '', 'A'] },
      ],
    });
    const svg = renderChartSvg(t, { document: doc() });
    expect(svg).toContain('>80.0 B<');
    expect(svg).toContain('>60.0 A<');
  });
  it('says so where a suppressed column would be drawn', () => {
    const svg = renderChartSvg(smallSingle, { document: doc() });
    expect(svg).toContain('× 基数が小さいため非表示');
    expect(svg).not.toMatch(/50\.0/);
  });
  it('marks the mean and median of banded answers', () => {
    const svg = renderChartSvg(banded, { document: doc(), variable: bandedVar });
    expect(svg).toContain('平均 3.8%');
    expect(svg).toContain('中央値 2.7%');
  });
});

group('describe', () => {
  it('names the base, the answer type and the largest shares', () => {
    expect(describe(multiTotal)).toBe('対象は全回答者（n=221、複数回答）。多い順に「継続率の向上」67.9%、「アップセル・クロスセルの増加」54.3%、「顧客ロイヤリティの向上（NPSなどの指標の改善を含む、とても長いラベル）」27.1%。');
  });
  it('states significant differences between banner columns', () => {
    expect(describe(multiBanner)).toContain('「カスタマーサクセス部門」はSaaS（80.2%）が非SaaSより有意に高い');
  });
  it('sums the positive and negative sides of a Likert scale', () => {
    expect(describe(likert, likertVar)).toContain('肯定的な回答は合わせて47.5%、否定的な回答は31.7%');
  });
  it('gives the banded mean and median and flags small bases', () => {
    expect(describe(banded, bandedVar)).toContain('平均は3.8%、中央値は2.7%（「1〜3%未満」の階級）');
    expect(describe(smallSingle)).toBe('対象は全回答者（n=4、単一回答）。基数が小さいため割合は表示していません。');
  });
});

group('trends', () => {
  it('describes the change from the first to the last wave', () => {
    expect(describe(trend)).toBe('CSに取り組んでいる人の2022から2023にかけての推移。「効果を感じている」は48.0%から55.2%、「感じていない」は20.0%から15.0%。');
  });
  it('draws the 95 % interval of each point, labels both ends, marks a significant last change and names the printed wave (issue 11)', () => {
    const withCi = (p: ReturnType<typeof point>, source: 'published' | 'microdata') => ({ ...p, source, ci: { low: p.proportion - 0.04, high: p.proportion + 0.04 } });
    // The published wave is the later one: the note must name it, not say "past waves".
    const t: TrendTable = { ...trend, waves: ['2023', '2024'], points: [withCi(point('2023', 1, 'A', 0.48, 500), 'microdata'), withCi(point('2024', 1, 'A', 0.6, 500), 'published'), withCi(point('2023', 2, 'B', 0.2, 500), 'microdata'), withCi(point('2024', 2, 'B', 0.19, 500), 'published')] };
    const svg = renderChartSvg(t, { document: doc(), width: 640 });
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toEqual(expect.arrayContaining(['48.0%', '20.0%', '60.0%↑ A', '19.0% B']));
    expect((svg.match(/stroke-opacity="0.55"/g) ?? []).length).toBe(2); // one group of interval rules per option
    expect(chartSpec(t, { width: 640 }).notes).toEqual([
      '縦線は95%信頼区間です。',
      '2024年の値は公表資料の数値です（信頼区間は公表された割合と回答者数から計算）。',
      '↑↓：前回の調査からの変化が統計的に有意（2標本の比率の z 検定、5%水準）。',
    ]);
    // No intervals: no interval note; 48.0 → 55.2 % on 500 each is significant (p ≈ 0.02), 20 → 15 % too.
    expect(chartSpec(trend, { width: 640 }).notes).toEqual(['2022年の値は公表資料の数値です（信頼区間は公表された割合と回答者数から計算）。', '↑↓：前回の調査からの変化が統計的に有意（2標本の比率の z 検定、5%水準）。']);
    // Smaller samples: the same shares are not significant, and nothing is marked.
    const small: TrendTable = { ...trend, points: trend.points.map((p) => ({ ...p, base: 50, effectiveBase: 50, weightedBase: 50 })) };
    expect(chartSpec(small, { width: 640 }).notes).toEqual(['2022年の値は公表資料の数値です（信頼区間は公表された割合と回答者数から計算）。']);
    expect(renderChartSvg(small, { document: doc(), width: 640 })).not.toMatch(/↑|↓/);
  });
  it('gives each option the colour its question\'s own chart gives it (issue 11)', () => {
    const pts = likertOptions.filter((o) => !o.nonSubstantive).flatMap((o, i) => [point('2022', o.code, o.label, 0.1 + i * 0.05, 200), point('2023', o.code, o.label, 0.12 + i * 0.05, 200)]);
    const likertTrend: TrendTable = { ...trend, points: pts };
    const colours = (legend: { label: string; colour: string }[]) => new Map(legend.map((l) => [l.label, l.colour]));
    const diverging = colours(chartSpec(likert, { variable: likertVar }).legend);
    const lines = colours(chartSpec(likertTrend, { variable: likertVar }).legend);
    expect(lines.size).toBe(5);
    for (const [label, colour] of lines) expect([label, colour]).toEqual([label, diverging.get(label)]);
    // An unordered question: the series colours in codebook order, as its stacked bars.
    const plain: ChartVariable = { options: [{ code: 1, label: '効果を感じている' }, { code: 2, label: '感じていない' }], neutral: [], unit: null };
    const stacked = colours(chartSpec(crossTab({ type: 'single', totalN: 100, rows: [{ key: '1', label: '効果を感じている', counts: [60] }, { key: '2', label: '感じていない', counts: [40] }] }), { variable: plain, kind: 'stacked' }).legend);
    expect(colours(chartSpec(trend, { variable: plain }).legend)).toEqual(stacked);
  });
  it('spreads the end labels of a dozen close series so that none overlaps (issue 11)', () => {
    const many: TrendTable = { ...trend, points: Array.from({ length: 12 }, (_, k) => [point('2022', k + 1, `選択肢${k + 1}`, 0.3 + k * 0.002, 500), point('2023', k + 1, `選択肢${k + 1}`, 0.31 + k * 0.001, 500)]).flat() };
    const svg = parseHTML(renderChartSvg(many, { document: doc(), width: 640 })).document;
    for (const side of [/^\d+\.\d%$/, /選択肢/]) {
      const ys = [...svg.querySelectorAll('text')]
        .filter((t) => side.test(t.textContent ?? '') && t.hasAttribute('transform'))
        .map((t) => Number(/translate\([\d.]+,([\d.]+)\)/.exec(t.getAttribute('transform') ?? '')?.[1]))
        .sort((a, b) => a - b);
      expect(ys).toHaveLength(12);
      for (let k = 1; k < ys.length; k++) expect(ys[k] - ys[k - 1]).toBeGreaterThanOrEqual(12.9);
    }
  });
  it('draws no Plot warning glyph when most options appear in one wave only (issue 11)', () => {
    // virtualex 2023 → 2024: three options in 2023, only the printed one in 2024.
    const sparse: TrendTable = { ...trend, points: [point('2022', 3, 'A', 0.15, 498), point('2022', 2, 'B', 0.3, 498), point('2022', 1, 'C', 0.55, 498), point('2023', 1, 'C', 0.61, 500)] };
    expect(renderChartSvg(sparse, { document: doc(), width: 640 })).not.toContain('⚠');
    // The table lists every option the chart draws, … where a wave has none.
    expect(tableModel(sparse).body.map((r) => `${r.label}:${r.cells.map((c) => c.text).join('→')}`)).toEqual(['C:55.0→61.0', 'A:15.0→…', 'B:30.0→…']);
  });
  it('tabulates options × waves and exports one CSV row per point', () => {
    expect(tableModel(trend).body.map((r) => r.cells.map((c) => c.text).join('→'))).toEqual(['48.0→55.2', '20.0→15.0']);
    const csv = tableCsv(trend, { survey: 's', question: 'q', citation: 'c', synthetic: true });
    expect(Papa.parse(csv.slice(1).trim()).data.length).toBe(5);
  });
});

group('tableModel', () => {
  it('has one head cell per column with its base and letter', () => {
    const m = tableModel(multiBanner);
    expect(m.head.map((h) => `${h.letter}${h.label} ${h.base}`)).toEqual(['全体 n=781', 'ASaaS n=257', 'B非SaaS n=524']);
    expect(m.body.map((r) => r.label)).toEqual(['営業部門', 'カスタマーサクセス部門']);
    expect(m.body[1].cells.map((c) => c.text + c.letters)).toEqual(['38.4', '80.2B', '17.9']);
  });
  it('shows – for a true zero and × for a suppressed column', () => {
    expect(tableModel(multiTotal).body.find((r) => r.label.startsWith('<script'))?.cells[0].text).toBe('–');
    expect(tableModel(smallSingle).body[0].cells[0].text).toBe('×');
  });
  it('gives 0 %, suppressed and not asked three symbols, each with its legend (issue 11)', () => {
    // 2022 did not ask option 2: not "–" (which means nobody chose it).
    const gap: TrendTable = { ...trend, points: trend.points.filter((p) => !(p.wave === '2022' && p.option === 2)) };
    expect(tableModel(gap).body.map((r) => r.cells.map((c) => c.text).join('→'))).toEqual(['48.0→55.2', '…→15.0']);
    expect(symbolLegend(['48.0', '…', '–', '×'])).toEqual(['–：該当する回答がない（0%）', '×：基数が小さい、または秘匿のため非表示', '…：その調査回では聞いていない、または公表されていない']);
    expect(symbolLegend(['12.0', '×'], ['×'])).toEqual([]);
    expect(symbolLegend(['12.0'])).toEqual([]);
  });
  it('discloses the scores behind an ordinal mean (issue 11)', () => {
    const scored = { ...likert, summaries: likert.columns.map(() => ({ mean: 0.2, median: 0, n: 215 })) };
    expect(scoreNote(scored, likertVar)).toBe('平均・中央値は次の得点から計算：全く浸透していない=-2、あまり浸透していない=-1、どちらともいえない=0、やや浸透している=1、とても浸透している=2（「わからない」は除く）。');
    expect(scoreNote(likert, likertVar)).toBeNull(); // no summaries shown
    expect(scoreNote(banded, bandedVar)).toBeNull(); // class midpoints, not scores: the histogram notes say so
    expect(scoreNote(scored, { ...likertVar, options: likertOptions.map(({ score: _, ...o }) => o) })).toBeNull();
  });
  it('adds mean and median rows for banded answers', () => {
    const m = tableModel(banded, bandedVar);
    expect(m.body.slice(-3).map((r) => `${r.label}=${r.cells[0].text}`)).toEqual(['平均（%）=3.8', '中央値（%）=2.7', '中央値の階級=1〜3%未満']); // as the chart prints them (issue 11: charts said 0.1, tables 0.01)
  });
  it('shows the median class instead of a banded mean when the open class holds over 20 % (issue 11)', () => {
    // 15 of 200 (7.5 %) in 「10%以上」: the mean is shown, and the notes state the assumption and the share.
    expect(openClassShare(banded, 0, bandedOptions)).toBeCloseTo(0.075, 10);
    expect(chartSpec(banded, { variable: bandedVar, width: 640 }).notes).toContain('平均は各階級の中央の値から計算し、上限のない最上位の階級「10%以上」（全体の回答の7.5%）は12.5%とみなしています。');
    // 60 of 200 (30 %) in the open class: no mean in chart, table or description.
    const heavy = crossTab({
      type: 'banded',
      totalN: 200,
      rows: [
        { key: '1', label: '0〜1%未満', counts: [40] },
        { key: '2', label: '1〜3%未満', counts: [50] },
        { key: '3', label: '3〜5%未満', counts: [30] },
        { key: '4', label: '5〜10%未満', counts: [20] },
        { key: '5', label: '10%以上', counts: [60] },
      ],
      summaries: [{ mean: 5.9, median: 3.67, medianClass: '3〜5%未満', n: 200, openBandAssumed: 12.5 }],
    });
    expect(openClassShare(heavy, 0, bandedOptions)).toBeCloseTo(0.3, 10);
    expect(tableModel(heavy, bandedVar).body.slice(-3).map((r) => `${r.label}=${r.cells[0].text}`)).toEqual(['平均（%）=（中央値の階級を参照）', '中央値（%）=3.7', '中央値の階級=3〜5%未満']);
    const spec = chartSpec(heavy, { variable: bandedVar, width: 640 });
    expect(spec.notes).toContain('最上位の階級の回答が20%を超える列は、平均がこの仮定に大きく左右されるため、平均の代わりに中央値の階級を示しています。');
    const svg = renderChartSvg(heavy, { document: doc(), variable: bandedVar, width: 640 });
    expect(svg).toContain('中央値の階級「3〜5%未満」（中央値 3.7%、破線）');
    expect(svg).not.toContain('平均 5.9');
    expect(describe(heavy, bandedVar)).toContain('中央値は3.7%（「3〜5%未満」の階級）。');
    expect(describe(heavy, bandedVar)).not.toContain('平均');
  });
  it('names the open class, not its boundary, when the median falls in it (issue 11)', () => {
    const top = crossTab({
      type: 'banded',
      totalN: 100,
      rows: [
        { key: '1', label: '0〜1%未満', counts: [10] },
        { key: '2', label: '1〜3%未満', counts: [10] },
        { key: '3', label: '3〜5%未満', counts: [10] },
        { key: '4', label: '5〜10%未満', counts: [10] },
        { key: '5', label: '10%以上', counts: [60] },
      ],
      summaries: [{ mean: 9.9, median: 10, medianClass: '≥ 10%', n: 100, openBandAssumed: 12.5 }],
    });
    expect(tableModel(top, bandedVar).body.slice(-3).map((r) => `${r.label}=${r.cells[0].text}`)).toEqual(['平均（%）=（中央値の階級を参照）', '中央値（%）=（中央値の階級を参照）', '中央値の階級=10%以上']);
    expect(renderChartSvg(top, { document: doc(), variable: bandedVar, width: 640 })).toContain('中央値の階級「10%以上」（上限のない階級のため中央値の値は示しません）');
    expect(describe(top, bandedVar)).toContain('中央値は上限のない「10%以上」の階級に入る。');
  });
});

group('tableCsv', () => {
  const header = (csv: string) => Papa.parse<string[]>(csv.slice(1).trim()).data[0];
  /** Rows as objects keyed by the header, so a test names the field it checks. */
  const records = (csv: string) => {
    const [head, ...rows] = Papa.parse<string[]>(csv.slice(1).trim()).data;
    return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
  };
  it('starts with a BOM and parses back into one row per cell', () => {
    const csv = tableCsv(multiBanner, { survey: '白書', question: '所属部門', citation: '出典：JCSA', synthetic: true });
    expect(csv.startsWith(BOM)).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trim());
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.length).toBe(1 + 2 * 3);
    expect(header(csv)).toEqual(['調査', '質問ID', '質問', '回答形式', '母集団', '集計軸', '絞り込み', '項目', '区分', '区分の基数n', '指標', '選択肢', '件数', '割合(%)', '95%信頼区間下限(%)', '95%信頼区間上限(%)', '統計量', '参考値', '有意差', '注記', '出典', '固定リンク', 'データ']);
    const row = parsed.data.find((r) => r[8] === 'SaaS' && r[11] === 'カスタマーサクセス部門');
    expect(row).toEqual(['白書', 'q', '所属部門', 'MA', '全回答者', '', '', '', 'SaaS', '257', '割合', 'カスタマーサクセス部門', '206', '80.2', '75.2', '85.2', '', '', 'B', '', '出典：JCSA', '', '合成サンプルデータ']);
  });
  it('carries the banner, filters, notes and permalink on every row (issue 11)', () => {
    const csv = tableCsv(multiBanner, {
      survey: '白書', question: '所属部門', citation: '出典：JCSA', synthetic: false,
      banner: '事業形態', filters: ['従業員規模：1〜99名', 'CSの効果：感じている'], notes: ['撹乱あり'], link: 'https://example.org/explore/?q=dept',
    });
    const rows = records(csv);
    expect(rows).toHaveLength(6);
    for (const r of rows) {
      expect([r['集計軸'], r['絞り込み'], r['注記'], r['固定リンク'], r['データ']]).toEqual(['事業形態', '従業員規模：1〜99名、CSの効果：感じている', '撹乱あり', 'https://example.org/explore/?q=dept', '']);
    }
  });
  it('adds the mean, median and median class of a banded question, with the value assumed for the open class', () => {
    const rows = records(tableCsv(banded, { survey: 's', question: '解約率', citation: 'c', synthetic: false }, bandedVar));
    const stats = rows.filter((r) => r['指標'] !== '割合').map((r) => [r['区分'], r['区分の基数n'], r['指標'], r['選択肢'], r['統計量'], r['注記']]);
    expect(stats).toEqual([
      ['全体', '200', '平均', '', '3.7625', '最上位の階級の値を12.5とみなした平均（最上位の階級の回答は7.5%）'],
      ['全体', '200', '中央値', '', '2.714286', ''],
      ['全体', '200', '中央値の階級', '1〜3%未満', '', ''],
    ]);
    expect(records(tableCsv(banded, { survey: 's', question: '解約率', citation: 'c', synthetic: false })).find((r) => r['指標'] === '平均')!['注記']).toBe('最上位の階級の値を12.5とみなした平均');
  });
  it('adds the χ² test of the table and of each multi-answer option', () => {
    const single = { ...likert, chiSquare: { statistic: 12.5, df: 4, p: 0.014, lowExpected: true } };
    const rows = records(tableCsv(single, { survey: 's', question: 'q', citation: 'c', synthetic: false })).filter((r) => r['指標'].startsWith('χ²'));
    expect(rows.map((r) => [r['指標'], r['選択肢'], r['区分'], r['統計量'], r['注記']])).toEqual([
      ['χ²値', '', '', '12.5', '期待度数が5未満のセルがあるため参考'],
      ['χ²の自由度', '', '', '4', '期待度数が5未満のセルがあるため参考'],
      ['χ²のp値', '', '', '0.014', '期待度数が5未満のセルがあるため参考'],
    ]);
    const multi = { ...multiBanner, rows: multiBanner.rows.map((r, i) => ({ ...r, chiSquare: i === 0 ? { statistic: 3.25, df: 1, p: 0.07, lowExpected: false } : null })) };
    const tests = records(tableCsv(multi, { survey: 's', question: 'q', citation: 'c', synthetic: false })).filter((r) => r['指標'].startsWith('χ²'));
    expect(tests.map((r) => `${r['選択肢']} ${r['指標']}=${r['統計量']}`)).toEqual(['カスタマーサクセス部門 χ²値=3.25', 'カスタマーサクセス部門 χ²の自由度=1', 'カスタマーサクセス部門 χ²のp値=0.07']);
  });
  it('gives a design-based test as Rao–Scott’s F with both degrees of freedom', () => {
    const single = { ...likert, weighted: true, chiSquare: { statistic: 2.5, df: 3.25, ddf: 1296.75, p: 0.05, lowExpected: false, method: 'rao-scott' as const } };
    const rows = records(tableCsv(single, { survey: 's', question: 'q', citation: 'c', synthetic: false })).filter((r) => r['指標'].includes('F'));
    expect(rows.map((r) => `${r['指標']}=${r['統計量']}`)).toEqual(['Rao–Scott F値=2.5', 'F の分子自由度=3.25', 'F の分母自由度=1296.75', 'F のp値=0.05']);
  });
  it('leaves out the summaries of a suppressed column', () => {
    const t = crossTab({ type: 'numeric', totalN: 4, rows: [], summaries: [{ mean: 5, median: 4, q1: 2, q3: 7, n: 4 }] });
    expect(records(tableCsv(t, { survey: 's', question: 'q', citation: 'c', synthetic: false })).filter((r) => r['指標'] !== '割合')).toEqual([]);
    const shown = crossTab({ type: 'numeric', totalN: 40, rows: [], summaries: [{ mean: 5, median: 4, q1: 2, q3: 7, n: 40 }] });
    expect(records(tableCsv(shown, { survey: 's', question: 'q', citation: 'c', synthetic: false })).map((r) => `${r['指標']}=${r['統計量']}`)).toEqual(['平均=5', '中央値=4', '第1四分位数=2', '第3四分位数=7']);
  });
  it('quotes labels with commas and quotes', () => {
    const t = crossTab({ type: 'single', totalN: 50, rows: [{ key: '1', label: 'A, "B"', counts: [50] }] });
    expect(tableCsv(t, { survey: 's', question: 'q', citation: 'c', synthetic: false })).toContain('"A, ""B"""');
  });
});

group('labels on faded (参考値) segments', () => {
  it('are dark text on a white halo, whatever the fill (issue 11)', () => {
    // Column 1 (n=25) is a 参考値 column: its segments are drawn at half opacity.
    const svg = parseHTML(renderChartSvg(likert, { document: doc(), width: 640 })).document;
    // Value labels: "20.0*" on a 参考値 segment, "22.6" on a full-colour one.
    const values = [...svg.querySelectorAll('text')].filter((t) => /^\d+\.\d\*?$/.test(t.textContent ?? ''));
    const starred = values.filter((t) => t.textContent!.endsWith('*'));
    expect(starred.length).toBe(5);
    for (const t of starred) {
      const g = t.parentElement!;
      expect([g.getAttribute('fill'), g.getAttribute('stroke'), g.getAttribute('paint-order')]).toEqual(['#111111', '#FFFFFF', 'stroke']);
    }
    // Labels on full-colour segments keep the colour chosen for their fill, with no halo.
    const plain = values.filter((t) => !t.textContent!.endsWith('*'));
    expect(plain.length).toBeGreaterThan(0);
    for (const t of plain) expect(t.parentElement!.getAttribute('stroke')).toBeNull();
  });
});

group('palette', () => {
  it('gives up to 12 series (the total and 11 banner columns) distinct colours (issue 11)', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => columnColour(i));
    expect(new Set(twelve).size).toBe(12);
    // CIE76 ΔE between every pair ≥ 20 (clearly different hues or lightness), and no grey (the colour of わからない).
    for (let i = 0; i < 12; i++) for (let j = i + 1; j < 12; j++) expect([twelve[i], twelve[j], deltaE(twelve[i], twelve[j]) >= 20]).toEqual([twelve[i], twelve[j], true]);
    expect(twelve).not.toContain('#999999');
    expect(SERIES.length).toBeGreaterThanOrEqual(11);
  });
  it('draws a Likert question in its diverging colours as stacked bars too, as in its trend (issue 11)', () => {
    const colours = (legend: { label: string; colour: string }[]) => new Map(legend.map((l) => [l.label, l.colour]));
    const stacked = colours(chartSpec(likert, { variable: likertVar, kind: 'stacked' }).legend);
    const diverging = colours(chartSpec(likert, { variable: likertVar }).legend);
    for (const [label, colour] of diverging) expect([label, stacked.get(label)]).toEqual([label, colour]);
  });
  it('picks the text colour with the better contrast', () => {
    expect(textOn('#08519C')).toBe('#FFFFFF');
    expect(textOn('#F0E442')).toBe('#111111');
  });
});

group('wrapLines', () => {
  it('breaks at natural points and never inside a number', () => {
    expect(wrapLines('100〜299名', 4)).toEqual(['100〜', '299名']);
    expect(wrapLines('情報通信業（SaaS以外）', 10)).toEqual(['情報通信業', '（SaaS以外）']);
    expect(wrapLines('短い', 10)).toEqual(['短い']);
    expect(wrapLines('カスタマーサクセス部門', 10)).toEqual(['カスタマーサクセス部門']);
  });
  it('cuts with an ellipsis after the last allowed line', () => {
    const lines = wrapLines('あ'.repeat(40), 5, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
  });
});

group('empty banner columns', () => {
  const withEmpty = crossTab({
    type: 'single',
    totalN: 120,
    columns: [
      { key: '1', label: '導入済み', n: 80 },
      { key: '2', label: '検討中', n: 0 },
      { key: '3', label: '未導入', n: 40 },
    ],
    rows: [
      { key: '1', label: '顧客維持', counts: [70, 50, 0, 20] },
      { key: '2', label: '売上拡大', counts: [50, 30, 0, 20] },
    ],
  });
  it('are left out of every chart form and of the table, which names them', () => {
    for (const kind of ['grouped', 'stacked'] as const) {
      const svg = renderChartSvg(withEmpty, { document: doc(), kind });
      expect(svg, kind).not.toContain('検討中');
      expect(svg, kind).not.toContain('×');
      expect(svg, kind).toContain('未導入');
    }
    const m = tableModel(withEmpty);
    expect(m.head.map((h) => h.label)).toEqual(['全体', '導入済み', '未導入']);
    expect(m.body[0].cells.map((c) => c.text)).toEqual(['58.3', '62.5', '50.0']);
    expect(m.emptyColumns).toEqual(['検討中']);
    expect(tableModel(multiBanner).emptyColumns).toBeUndefined();
    expect(describe(withEmpty)).not.toContain('検討中');
    expect(baseLine(withEmpty)).toBe('全体 n=120、A: 導入済み n=80、C: 未導入 n=40');
    expect(markNotes(withEmpty).some((n) => n.startsWith('×'))).toBe(false);
  });
});
