/** Hand-built CrossTabs for chart tests: counts in, proportions and flags computed plainly. */
import type { CrossTab, StatsOptions, TableColumn, TableRow } from '../../../src/lib/stats/types.ts';
import type { Option } from '../../../src/lib/dataset/codebook.ts';
import { defaultStatsOptions } from '../../../src/lib/stats/options.ts';

export const OPTIONS: StatsOptions = { ...defaultStatsOptions };

interface Input {
  question?: string;
  type: CrossTab['type'];
  /** Column labels after the total, with their bases. */
  columns?: { key: string; label: string; n: number }[];
  totalN: number;
  rows: { key: string; label: string; counts: number[]; letters?: string[]; kind?: TableRow['kind']; nonSubstantive?: boolean }[];
  summaries?: CrossTab['summaries'];
}

function column(key: string, label: string, letter: string, n: number): TableColumn {
  return { key, label, letter, n, validN: n, weightedBase: n, effectiveBase: n, caution: n < 30, suppressed: n < 10 };
}

/** A CrossTab from counts: column 0 is the total. */
export function crossTab(input: Input): CrossTab {
  const columns = [column('total', '全体', '', input.totalN), ...(input.columns ?? []).map((c, i) => column(c.key, c.label, String.fromCharCode(65 + i), c.n))];
  return {
    spec: { question: input.question ?? 'q', banner: input.columns ? 'sector' : null, universe: 'all' },
    type: input.type,
    universeLabel: '全回答者',
    weighted: false,
    columns,
    rows: input.rows.map((r) => ({
      key: r.key,
      label: r.label,
      kind: r.kind ?? 'option',
      nonSubstantive: r.nonSubstantive ?? false,
      cells: r.counts.map((count, i) => {
        const n = columns[i].n;
        const p = n === 0 ? Number.NaN : count / n;
        return { count, weightedCount: count, proportion: p, ci: n === 0 ? null : { low: Math.max(0, p - 0.05), high: Math.min(1, p + 0.05) }, letters: r.letters?.[i] ?? '', vsTotal: 0, residual: null };
      }),
    })),
    chiSquare: null,
    summaries: input.summaries,
    options: OPTIONS,
  };
}

export const multiTotal = crossTab({
  type: 'multi',
  totalN: 221,
  rows: [
    { key: '1', label: '継続率の向上', counts: [150] },
    { key: '2', label: 'アップセル・クロスセルの増加', counts: [120] },
    { key: '3', label: '顧客ロイヤリティの向上（NPSなどの指標の改善を含む、とても長いラベル）', counts: [60] },
    { key: '4', label: '<script>alert(1)</script>', counts: [0] },
    { key: '9', label: 'わからない', counts: [5], nonSubstantive: true },
  ],
});

export const multiBanner = crossTab({
  type: 'multi',
  totalN: 781,
  columns: [
    { key: '1', label: 'SaaS', n: 257 },
    { key: '2', label: '非SaaS', n: 524 },
  ],
  rows: [
    { key: '1', label: 'カスタマーサクセス部門', counts: [300, 206, 94], letters: ['', 'B', ''] },
    { key: '2', label: '営業部門', counts: [420, 42, 378], letters: ['', '', 'A'] },
  ],
});

export const likert = crossTab({
  type: 'ordinal',
  totalN: 221,
  columns: [
    { key: '1', label: '1年未満', n: 25 },
    { key: '2', label: '1年以上', n: 196 },
  ],
  rows: [
    { key: '1', label: '全く浸透していない', counts: [20, 5, 15] },
    { key: '2', label: 'あまり浸透していない', counts: [50, 8, 42] },
    { key: '3', label: 'どちらともいえない', counts: [40, 4, 36] },
    { key: '4', label: 'やや浸透している', counts: [80, 6, 74] },
    { key: '5', label: 'とても浸透している', counts: [25, 2, 23] },
    { key: '9', label: 'わからない', counts: [6, 0, 6], nonSubstantive: true },
  ],
});

export const likertOptions: Option[] = [
  { code: 1, label: '全く浸透していない', score: -2 },
  { code: 2, label: 'あまり浸透していない', score: -1 },
  { code: 3, label: 'どちらともいえない', score: 0 },
  { code: 4, label: 'やや浸透している', score: 1 },
  { code: 5, label: 'とても浸透している', score: 2 },
  { code: 9, label: 'わからない', nonSubstantive: true },
];

export const banded = crossTab({
  type: 'banded',
  totalN: 200,
  rows: [
    { key: '1', label: '0〜1%未満', counts: [40] },
    { key: '2', label: '1〜3%未満', counts: [70] },
    { key: '3', label: '3〜5%未満', counts: [45] },
    { key: '4', label: '5〜10%未満', counts: [30] },
    { key: '5', label: '10%以上', counts: [15] },
  ],
  summaries: [{ mean: 3.7625, median: 2.714286, medianClass: '1〜3%未満', n: 200, openBandAssumed: 12.5 }],
});

export const bandedOptions: Option[] = [
  { code: 1, label: '0〜1%未満', lower: 0, upper: 1 },
  { code: 2, label: '1〜3%未満', lower: 1, upper: 3 },
  { code: 3, label: '3〜5%未満', lower: 3, upper: 5 },
  { code: 4, label: '5〜10%未満', lower: 5, upper: 10 },
  { code: 5, label: '10%以上', lower: 10 },
];

export const smallSingle = crossTab({
  type: 'single',
  totalN: 4,
  rows: [
    { key: '1', label: '取り組みたい', counts: [2] },
    { key: '2', label: '取り組みたくない', counts: [2] },
  ],
});
