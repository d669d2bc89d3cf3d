/**
 * Test datasets for the engine: a small codebook with every question type, respondents given as
 * plain objects, built through the real loader (codebook YAML + CSV bytes → Dataset).
 */
import { stringify } from 'yaml';
import { loadWave } from '../../../src/lib/dataset/load.ts';
import { formatProblems } from '../../../src/lib/dataset/problem.ts';
import type { CodebookInput } from '../../../src/lib/dataset/codebook.ts';
import type { Dataset } from '../../../src/lib/dataset/types.ts';

/** One respondent: codes (null/undefined = blank) by column, `ma` as the chosen codes, `weight`. */
export type Answers = { [column: string]: unknown; ma?: readonly number[] | null; weight?: number };

/** seg (SA banner), sa (SA with わからない and a net), ma (MA with exclusive 特になし and a net), band, num, nps, grid, derived size. */
export function testCodebook(n: number, weighted: boolean): CodebookInput {
  return {
    survey: {
      id: 'unit',
      wave: '2025',
      title: 'テスト',
      publisher: 'tests',
      fieldwork: { start: '2025-01-01', end: '2025-01-31' },
      method: 'web',
      population: 'test',
      n,
      citation: 'test',
      licence: 'CC0',
      synthetic: true,
      ...(weighted ? { weightColumn: 'weight' } : {}),
    },
    questions: [
      { id: 'seg', text: '区分', label: '区分', type: 'single', options: [{ code: 1, label: 'A社' }, { code: 2, label: 'B社' }, { code: 3, label: 'C社' }] },
      {
        id: 'sa',
        text: '満足度',
        label: '満足度',
        type: 'single',
        optional: true,
        options: [{ code: 1, label: '満足' }, { code: 2, label: 'やや満足' }, { code: 3, label: '不満' }, { code: 9, label: 'わからない', nonSubstantive: true }],
        nets: [{ id: 'top2', label: '満足（計）', codes: [1, 2] }],
      },
      {
        id: 'ma',
        text: 'ツール',
        label: 'ツール',
        type: 'multi',
        optional: true,
        options: [{ code: 1, label: 'CRM' }, { code: 2, label: 'BI' }, { code: 3, label: 'MA' }, { code: 9, label: '特になし', exclusive: true }],
        nets: [{ id: 'any_tool', label: 'いずれか', codes: [1, 2, 3] }],
      },
      {
        id: 'band',
        text: '解約率',
        label: '解約率',
        type: 'banded',
        unit: '%',
        optional: true,
        options: [
          { code: 1, label: '0〜1%', lower: 0, upper: 1 },
          { code: 2, label: '1〜3%', lower: 1, upper: 3 },
          { code: 3, label: '3〜5%', lower: 3, upper: 5 },
          { code: 4, label: '5〜10%', lower: 5, upper: 10 },
          { code: 5, label: '10%以上', lower: 10 },
          { code: 9, label: 'わからない', nonSubstantive: true },
        ],
      },
      { id: 'num', text: '人数', label: '人数', type: 'numeric', unit: '人', optional: true },
      { id: 'nps', text: '推奨度', label: '推奨度', type: 'single', universe: 'seg_ab', options: Array.from({ length: 11 }, (_, k) => ({ code: k, label: String(k) })) },
      {
        id: 'grid',
        text: '施策',
        label: '施策',
        type: 'grid',
        optional: true,
        rows: [{ id: 'onb', label: 'オンボーディング' }, { id: 'hs', label: 'ヘルススコア' }],
        options: [{ code: 1, label: '実施' }, { code: 2, label: '未実施' }],
      },
    ],
    derived: [{ id: 'big', label: '規模', options: [{ code: 1, label: '大' }, { code: 2, label: '小' }], rules: [{ code: 1, when: { q: 'num', range: { min: 100 } } }], otherwise: 2 }],
    universes: [{ id: 'seg_ab', label: 'A社・B社', filter: { q: 'seg', in: [1, 2] } }],
  };
}

const MA_CODES = [1, 2, 3, 9];

function csvRow(values: (string | number)[]): string {
  return values.map((v) => String(v)).join(',');
}

/**
 * A Dataset from respondents. Each respondent: seg, sa, band, num, nps, grid__onb, grid__hs (codes
 * or null for blank), ma (array of chosen codes, or null for no answer), weight.
 */
export function makeDataset(respondents: Answers[], weighted = false, patch: (c: CodebookInput) => CodebookInput = (c) => c): Dataset {
  const header = ['id', ...(weighted ? ['weight'] : []), 'seg', 'sa', ...MA_CODES.map((c) => `ma__${c}`), 'band', 'num', 'nps', 'grid__onb', 'grid__hs'];
  const lines = respondents.map((r, i) => {
    const blank = (v: unknown) => (v === null || v === undefined ? '' : String(v));
    const ma = MA_CODES.map((c) => (r.ma === null || r.ma === undefined ? '' : r.ma.includes(c) ? 1 : 0));
    const nps = r.seg === 3 ? '' : blank(r.nps ?? 5);
    return csvRow([`r${i + 1}`, ...(weighted ? [r.weight ?? 1] : []), blank(r.seg), blank(r.sa), ...ma, blank(r.band), blank(r.num), nps, blank(r.grid__onb), blank(r.grid__hs)]);
  });
  const csv = [header.join(','), ...lines].join('\n') + '\n';
  const result = loadWave({
    codebookPath: 'tests/unit/codebook.yaml',
    codebookText: stringify(patch(testCodebook(respondents.length, weighted))),
    responsesBytes: new TextEncoder().encode(csv),
  });
  if (!result.ok) throw new Error(formatProblems(result.problems).join('\n'));
  return result.value.dataset!;
}
