/**
 * A generated survey wave of any size, straight into a `Dataset`: used to measure the explorer
 * at 100,000 respondents and to test the public-use encoding on every variable kind (including a
 * restricted question and free text, which must never be encoded). Answers are drawn from a
 * seeded PRNG with a designed relationship (single answers lean on `segment`), so cross-tabs
 * show real differences.
 * Benchmark and test data, not library code: no page or `src/lib` module imports it, so it lives
 * here rather than under `src/lib` (and is not mutation-tested as if it were).
 */
import type { Codebook, Question } from '../../src/lib/dataset/codebook.ts';
import type { Bitset, Dataset, Variable } from '../../src/lib/dataset/types.ts';
import { bitsetWords, setBit } from '../../src/lib/dataset/bitset.ts';
import { mulberry32 } from '../../src/lib/random.ts';

export interface SyntheticSpec {
  /** Respondents. */
  n: number;
  /** Coded questions besides `segment` (single answers with 5 options, every 5th one multi). */
  questions: number;
  seed?: number;
  /** Add a weight column (default true). */
  weighted?: boolean;
}

const SCALE = ['とても当てはまる', 'やや当てはまる', 'どちらともいえない', 'あまり当てはまらない', '全く当てはまらない'];
const SEGMENTS = ['SaaS', '製造', '金融', 'その他'];

function options(labels: string[]) {
  return labels.map((label, k) => ({ code: k + 1, label }));
}

function codebookFor(spec: SyntheticSpec): Codebook {
  const base = { universe: 'all', publication: 'public' as const, optional: true, reconstructed: false, notes: [] as string[] };
  const questions: Question[] = [
    { ...base, id: 'segment', text: '業種をお答えください。', label: '業種', type: 'single', options: options(SEGMENTS), nets: [] },
    { ...base, id: 'staff', text: 'CS部門の人数をお答えください。', label: 'CS人数', type: 'numeric', unit: '人', integer: true },
  ];
  for (let k = 1; k <= spec.questions; k++) {
    const id = `q${k}`;
    if (k % 5 === 0) {
      questions.push({ ...base, id, text: `施策${k}で実施しているものをすべてお選びください。`, label: `施策${k}`, type: 'multi', options: options(['オンボーディング', 'ヘルススコア', 'QBR', 'コミュニティ', 'ウェビナー', '特になし']), nets: [] });
    } else {
      questions.push({ ...base, id, text: `設問${k}についてどの程度当てはまりますか。`, label: `設問${k}`, type: 'single', options: options(SCALE), nets: [] });
    }
  }
  questions.push({ ...base, id: 'revenue_exact', text: '売上高（非公開）', label: '売上高', type: 'numeric', unit: '円', integer: true, publication: 'restricted' });
  questions.push({ ...base, id: 'comment', text: 'ご意見をご自由にお書きください。', label: '自由回答', type: 'text', publication: 'restricted' });
  return {
    survey: {
      id: 'synthetic', wave: `n${spec.n}`, title: '合成ベンチマーク調査', publisher: 'Hakusho', fieldwork: { start: '2026-01-01', end: '2026-01-31' },
      method: 'インターネット調査（合成）', population: '合成回答者', n: spec.n, citation: 'Hakusho 合成ベンチマークデータ', licence: 'CC0-1.0',
      synthetic: true, notes: [], idColumn: 'id', weightColumn: spec.weighted === false ? undefined : 'weight', kind: 'microdata', publish: 'microdata',
    },
    questions,
    derived: [],
    universes: [{ id: 'saas', label: 'SaaS企業', filter: { q: 'segment', in: [1] } }],
    chapters: [],
    headlines: [],
    cube: { perturbation: { D: 2, V: 1, js: 2 } },
    checklist: [],
  };
}

/** Builds a synthetic Dataset with `spec.n` respondents. */
export function syntheticDataset(spec: SyntheticSpec): Dataset {
  const random = mulberry32(spec.seed ?? 20260101);
  const { n } = spec;
  const codebook = codebookFor(spec);
  const words = bitsetWords(n);
  const all = new Uint32Array(words);
  for (let i = 0; i < n; i++) setBit(all, i);
  const segment = new Int16Array(n);
  for (let i = 0; i < n; i++) segment[i] = Math.min(3, Math.floor(random() * random() * 5));
  const variables = new Map<string, Variable>();
  for (const q of codebook.questions) {
    const answered = new Uint32Array(words) as Bitset;
    if (q.type === 'single') {
      const index = q.id === 'segment' ? segment : new Int16Array(n);
      for (let i = 0; i < n; i++) {
        if (q.id !== 'segment') index[i] = random() < 0.02 ? -1 : Math.min(4, Math.floor(random() * 4 + segment[i] * random() * 0.8));
        if (index[i] >= 0) setBit(answered, i);
      }
      variables.set(q.id, { kind: 'coded', id: q.id, label: q.label, options: q.options, index, answered });
    } else if (q.type === 'multi') {
      const chosen = q.options.map(() => new Uint32Array(words) as Bitset);
      for (let i = 0; i < n; i++) {
        setBit(answered, i);
        let any = false;
        for (let k = 0; k < q.options.length - 1; k++) if (random() < 0.2 + 0.1 * segment[i] - 0.03 * k) (setBit(chosen[k], i), (any = true));
        if (!any) setBit(chosen[q.options.length - 1], i);
      }
      variables.set(q.id, { kind: 'multi', id: q.id, label: q.label, options: q.options, chosen, answered });
    } else if (q.type === 'numeric') {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = random() < 0.05 ? NaN : Math.round(random() * 50 * (segment[i] + 1));
      for (let i = 0; i < n; i++) if (!Number.isNaN(values[i])) setBit(answered, i);
      variables.set(q.id, { kind: 'numeric', id: q.id, label: q.label, values, answered });
    } else if (q.type === 'text') {
      const values = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? `自由回答${i}` : null));
      values.forEach((v, i) => v !== null && setBit(answered, i));
      variables.set(q.id, { kind: 'text', id: q.id, label: q.label, values, answered });
    }
  }
  const saas = new Uint32Array(words);
  for (let i = 0; i < n; i++) if (segment[i] === 0) setBit(saas, i);
  const weights = spec.weighted === false ? null : Float64Array.from({ length: n }, () => 0.5 + random());
  return {
    codebook,
    n,
    ids: Array.from({ length: n }, (_, i) => `R${String(i + 1).padStart(6, '0')}`),
    weights,
    variables,
    universes: new Map([['all', all], ['saas', saas]]),
    questions: new Map(codebook.questions.map((q) => [q.id, q])),
    derived: new Map(),
  };
}
