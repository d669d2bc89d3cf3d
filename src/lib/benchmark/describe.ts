/**
 * The self-benchmark's results in words (Japanese, plain text): what the page shows for one
 * metric — the reader's class, the shares below / in / above it, the distribution as a table, the
 * base, universe, source and caveats. Pure, so the browser page and the tests read the same text.
 */
import { formatNumber } from '../stats/format.ts';
import { boundsText, chooseSegment, compare, shareText, valueText, type BenchmarkAnswer, type ChosenSegment, type SegmentChoice } from './compare.ts';
import type { BenchmarkData, BenchmarkMetric, BenchmarkSegment } from './types.ts';

/** One class of the distribution table. */
export interface ResultRow {
  label: string;
  /** Share as a fraction (for the bar), and as text (「26.6%」). */
  fraction: number;
  share: string;
  /** 「あなたより低い」「あなたの階級」「あなたより高い」, or for answers without an order 「あなたと同じ回答」/「ほかの回答」. */
  relation: string;
  mine: boolean;
}

export interface EffectRow {
  label: string;
  share: string;
  base: string;
  mine: boolean;
}

export interface ResultView {
  metric: string;
  title: string;
  /** 「あなたの値：1.5%（階級「1〜2%未満」）」 */
  answer: string;
  /** The comparison in one sentence, or why there is none. */
  summary: string;
  /** Whether shares were compared (the table is shown). */
  compared: boolean;
  /** Caption of the distribution table. */
  caption: string;
  rows: ResultRow[];
  /** What to know: the segment used, excluded answers, banded answers, 参考値, protection. */
  notes: string[];
  effect: { caption: string; rows: EffectRow[]; note: string } | null;
  /** 「対象：…」 */
  universe: string;
  source: string;
  synthetic: boolean;
  questionUrl: string;
  explorerUrl: string;
}

const pct = (p: number) => `${shareText(p)}%`;

/** 「全体（n=188）」 */
function segmentWords(segment: BenchmarkSegment): string {
  return segment.base === null ? segment.label : `${segment.label}、n=${formatNumber(segment.base, 0)}`;
}

/** The note for a segment other than the one asked for (or one to know about). */
export function segmentNote(metric: BenchmarkMetric, chosen: ChosenSegment, employees: number | null): string | null {
  switch (chosen.note) {
    case 'no-saas':
      return `「${metric.surveyTitle}」にはSaaSかどうかの区分がないため、全体と比べています。`;
    case 'saas-is-all':
      return `この設問は「${metric.universe.label}」の人だけに尋ねているため、SaaSの回答者は全体と同じです。`;
    case 'no-size':
      return `「${metric.surveyTitle}」には従業員規模の設問がないため、全体と比べています。`;
    case 'no-employees':
      return '従業員数が入力されていないため、全体と比べています。';
    case 'employees-outside': {
      const size = metric.size;
      const range = size ? `「${size.classes[0].label}」〜「${size.classes[size.classes.length - 1].label}」` : '';
      return `従業員数${employees === null ? '' : `${valueText(employees)}名`}はこの調査の従業員規模の区分（${range}）に当てはまらないため、全体と比べています。`;
    }
    default:
      return null;
  }
}

/** The reader's answer in words. */
function answerWords(metric: BenchmarkMetric, answer: BenchmarkAnswer, classLabel: string | null): string {
  if ('value' in answer) return `あなたの値：${valueText(answer.value)}${metric.unit}${classLabel ? `（階級「${classLabel}」）` : ''}`;
  return `あなたの回答：${classLabel ?? '（選択肢にない回答）'}`;
}

/** The result of one metric for a reader's answer and segment choice. */
export function describeResult(data: Pick<BenchmarkData, 'suppressBase' | 'cautionBase'>, metric: BenchmarkMetric, answer: BenchmarkAnswer, choice: SegmentChoice, employees: number | null): ResultView {
  const chosen = chooseSegment(metric, choice, employees);
  const segment = chosen.segment;
  const result = compare(metric, segment, answer);
  const ordered = metric.scale !== 'nominal';
  const notes: string[] = [];
  const note = segmentNote(metric, chosen, employees);
  if (note) notes.push(note);
  const view: ResultView = {
    metric: metric.id,
    title: metric.label,
    answer: answerWords(metric, answer, result.status === 'compared' ? result.cls.label : null),
    summary: '',
    compared: false,
    caption: '',
    rows: [],
    notes,
    effect: null,
    universe: `対象：${metric.universe.label}（「${metric.surveyTitle}」の回答者のうち、この設問に答えた人）`,
    source: `出典：${metric.citation}`,
    synthetic: metric.synthetic,
    questionUrl: metric.questionUrl,
    explorerUrl: metric.explorerUrl,
  };
  if (result.status === 'outside' || result.status === 'unknown') {
    const first = metric.classes[0];
    const last = metric.classes[metric.classes.length - 1];
    const side = result.status === 'outside' ? ({ below: '最も低い階級より低い', above: '最も高い階級より高い', between: '階級と階級の間にある' } as const)[result.side] : '読み取れない';
    view.summary = `この値は、設問の選択肢（「${first.label}」〜「${last.label}」）の範囲外（${side}）のため、比べられません。`;
    return withEffect(view, metric, null);
  }
  if (result.status === 'suppressed') {
    view.summary = `比べる相手「${segment.label}」は、この設問に答えた人が少ない（${data.suppressBase}人未満）か秘匿の対象のため、数値を示しません。`;
    return withEffect(view, metric, null);
  }
  view.compared = true;
  const shares = segment.shares as number[];
  if (ordered) {
    view.summary = `比べた回答者（${segmentWords(segment)}）のうち、あなたより低い階級の人は${pct(result.below as number)}、同じ階級の人は${pct(result.same)}、高い階級の人は${pct(result.above as number)}です。`;
  } else {
    view.summary = `比べた回答者（${segmentWords(segment)}）のうち、あなたと同じ回答の人は${pct(result.same)}、ほかの回答の人は${pct(1 - result.same)}です。`;
  }
  view.rows = metric.classes.map((c, k) => ({
    label: c.label,
    fraction: shares[k],
    share: pct(shares[k]),
    relation: ordered ? (k < result.index ? 'あなたより低い' : k === result.index ? 'あなたの階級' : 'あなたより高い') : k === result.index ? 'あなたと同じ回答' : 'ほかの回答',
    mine: k === result.index,
  }));
  view.caption = `${metric.label}の回答の分布（${segmentWords(segment)}）`;
  const excluded = (segment.excluded ?? []).map((x) => `${x.label}（${formatNumber(x.count, 0)}人）`);
  if (excluded.length > 0) notes.push(`${excluded.join('・')}は基数に含めていません。割合は、選択肢のどれかに当てはまると答えた人を100%としています。`);
  if (metric.scale === 'banded') notes.push(`回答は階級で尋ねているため、同じ階級（${boundsText(result.cls, metric.unit, result.index === metric.classes.length - 1)}）の中であなたより上か下かは分かりません。`);
  if (metric.scale === 'quartiles') notes.push('数値で尋ねた設問を、全体の四分位数（第1四分位数・中央値・第3四分位数）で4つの階級に分けています。同じ階級の中であなたより上か下かは示しません。');
  if (result.caution) notes.push(`基数が${data.cautionBase}人未満のため参考値です。`);
  if (metric.protected) notes.push('この調査は回答者の行を公開していないため、秘匿処理（セルキー法による撹乱：各セルの人数に小さな誤差）をした集計値から計算しています。基数は各階級の人数の合計で、設問別ページの基数と数人異なることがあります。');
  return withEffect(view, metric, result.index);
}

/** A nominal metric's companion table (「効果を感じている」 by the answer), with the reader's row marked. */
function withEffect(view: ResultView, metric: BenchmarkMetric, index: number | null): ResultView {
  const e = metric.effect;
  if (!e) return view;
  const cell = (x: { base: number | null; share: number | null; suppressed: boolean; caution: boolean }) => ({
    share: x.suppressed || x.share === null ? '×' : `${pct(x.share)}${x.caution ? '（参考値）' : ''}`,
    base: x.base === null ? '×' : `n=${formatNumber(x.base, 0)}`,
  });
  view.effect = {
    caption: `「${e.label}」で「${e.optionLabel}」と答えた人の割合（${metric.label}の回答別）`,
    rows: [
      ...metric.classes.map((c, k) => ({ label: c.label, ...cell(e.byClass[k]), mine: k === index })),
      { label: '全体', ...cell(e.total), mine: false },
    ],
    note: `この表は「${metric.universe.label}」の全体についての集計で、比べる相手の選択によって変わりません。割合の基数は「${e.label}」に答えた人です。回答の間の関係を示すもので、因果関係を示すものではありません。`,
  };
  if (view.effect.rows.some((r) => r.share === '×')) view.effect.note += '×：基数が小さい、または秘匿のため非表示。';
  return view;
}
