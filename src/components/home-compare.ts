/**
 * The home page's 「同じテーマを調査ごとに比べる」: one topic (churn, CS effectiveness) as each
 * survey measured it, side by side, each with its question wording, universe, base and source, so
 * a reader sees they are not the same measure. The list names questions only; every figure is
 * computed by `<Stat>`'s own code (statValue: exact, as headlines and chapters), and a name that
 * does not resolve fails the build.
 */
import { formatBase } from '../lib/stats/format.ts';
import { statValue, type StatRequest } from './stat.ts';
import { allWaves, getWave, tableFor, variableInfo } from './figure-data.ts';

/** One survey's measure of a topic: what `<Stat>` is asked, and what the number is, in words. */
export interface CompareEntry extends StatRequest {
  /** What the figure is (no number in it). */
  measure: string;
}

export interface CompareTopic {
  id: string;
  title: string;
  /** Why the figures differ (no number in it). */
  caveat: string;
  entries: CompareEntry[];
}

export const COMPARE_TOPICS: CompareTopic[] = [
  {
    id: 'churn',
    title: '解約・継続',
    caveat: '月次の解約率、年間の継続率、取り組みの前後での変化と、調査ごとに測っているものも期間も対象者も違います。数値を直接比べることはできません。',
    entries: [
      { survey: 'jcsa', wave: '2025', q: 'retention_rate_annual', kind: 'medianClass', measure: 'CS対象サービスの年間継続率（中央値を含む階級）' },
      { survey: 'fullstar', wave: '2023', q: 'monthly_churn', kind: 'mean', digits: 2, measure: '担当サービスの月次平均解約率（階級値による平均）' },
      { survey: 'virtualex', wave: '2023', q: 'metric_change_pre_post__retention', option: 1, measure: 'CSに取り組む前と比べて継続率が「向上した」割合' },
    ],
  },
  {
    id: 'effect',
    title: 'カスタマーサクセスの効果',
    caveat: '「効果がある」の選択肢の数、まとめ方、対象者（SaaS企業か、CSの役割を持つ会社の個別の施策か）が調査ごとに違います。',
    entries: [
      { survey: 'jcsa', wave: '2025', q: 'cs_effect', net: 'effective', measure: 'カスタマーサクセスに効果を感じている割合（「やや効果がある」「効果がある」「非常に効果がある」の計）' },
      { survey: 'virtualex', wave: '2023', q: 'cs_effect_felt', option: 1, measure: 'カスタマーサクセスの取り組みに効果を感じている割合（「効果を感じている」「どちらとも言えない」「効果を感じていない」のうち「効果を感じている」）' },
      { survey: 'fullstar', wave: '2023', q: 'cs_initiatives_effect__onboarding', net: 'effective', measure: '施策「オンボーディングプロセスの改善」に効果があった割合（「効果があった」「やや効果があった」の計）' },
    ],
  },
];

/** One entry computed: the figure, and everything a reader needs to see what it is. */
export interface ComparedFigure {
  survey: string;
  wave: string;
  value: string;
  caution: boolean;
  measure: string;
  publisher: string;
  reportTitle: string;
  reportHref: string;
  /** The question's wording (a grid row's with the row). */
  wording: string;
  questionNumber: string | undefined;
  questionHref: string | null;
  universe: string;
  /** "n=219": the base of the figure (valid answers for a mean or median class). */
  base: string;
  citation: string;
  source: string | undefined;
  synthetic: boolean;
}

/** Computes an entry with `<Stat>`'s code and reads its base from the same (memoised) table. */
export function comparedFigure(e: CompareEntry): ComparedFigure {
  const { measure, ...request } = e;
  const v = statValue(request);
  const wave = getWave(e.survey, e.wave, '<Stat>');
  const s = wave.codebook.survey;
  const info = variableInfo(wave.dataset!, e.q, 'q', '<Stat>');
  const t = tableFor(wave, { question: e.q, banner: null, universe: e.universe });
  const summarised = e.kind === 'mean' || e.kind === 'median' || e.kind === 'medianClass';
  const n = summarised ? (t.summaries?.[0]?.n ?? t.columns[0].n) : t.columns[0].n;
  const qid = e.q.split('__')[0];
  const isPublicPage = wave.codebook.questions.some((q) => q.id === qid && q.publication === 'public');
  return {
    survey: e.survey,
    wave: e.wave,
    value: v.text,
    caution: v.caution,
    measure,
    publisher: s.publisher,
    reportTitle: s.title,
    reportHref: `/${e.survey}/${e.wave}/`,
    wording: info.text,
    questionNumber: info.number,
    questionHref: isPublicPage ? `/${e.survey}/${e.wave}/questions/${qid}/` : null,
    universe: t.universeLabel,
    base: formatBase(n),
    citation: s.citation,
    source: info.source,
    synthetic: s.synthetic,
  };
}

/** A topic with its figures computed. */
export interface ComparedTopic extends Omit<CompareTopic, 'entries'> {
  figures: ComparedFigure[];
}

/**
 * The topics the home page shows: each entry whose survey wave is in the data folder (a site built
 * from other data — an editor's fixture, next year's folder — has other waves), and a topic only
 * when at least two surveys remain to compare. An entry of a wave that exists is computed, so a
 * wrong question, option or net fails the build (tests/unit/charts/home-compare.test.ts checks
 * that every entry resolves in the sample data).
 */
export function comparedTopics(topics: CompareTopic[] = COMPARE_TOPICS): ComparedTopic[] {
  const present = new Set(allWaves().filter((w) => w.dataset).map((w) => `${w.survey}/${w.wave}`));
  return topics
    .map(({ entries, ...t }) => ({ ...t, figures: entries.filter((e) => present.has(`${e.survey}/${e.wave}`)).map(comparedFigure) }))
    .filter((t) => new Set(t.figures.map((f) => f.survey)).size >= 2);
}
