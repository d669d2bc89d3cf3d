/**
 * The KPIs of the KPI guide (content/guides/kpi/): for each, its formulas, the terms they use and
 * worked examples. These are the only numbers of the guide that are not survey results — a
 * formula's constants, a scale's points, an example's illustrative arithmetic — so they live
 * here, in typed data the unit tests check, and reach the page through `<Formula>` and
 * `<WorkedExample>` (src/components/guides/), never as digits typed into MDX prose. An example's
 * result is computed from its formula, so the arithmetic on the page is always right.
 */
import { add, div, evaluate, mul, num, pow, sub, sum, term, termsOf, type Expr, type Quantity } from './formula.ts';
import { formatNumber } from '../stats/format.ts';

/** A term a formula uses: the words printed in the formula and what they mean. */
export interface KpiTerm {
  id: string;
  label: string;
  definition: string;
}

export interface KpiFormula {
  id: string;
  /** What the formula computes, as printed on its left-hand side. */
  name: string;
  /** Unit printed after the formula and after an example's result: `%` (the formula multiplies by 100), か月, 点, or '' (NPS, and LTV, whose unit is the money's). */
  unit: string;
  expr: Expr;
}

export interface KpiExample {
  id: string;
  /** The formula it works through. */
  formula: string;
  /** The situation, in one sentence (the numbers follow as a list). */
  situation: string;
  /** A value for every term of the formula. */
  values: Record<string, Quantity>;
  /** Decimals of the result. */
  digits: number;
  /** Unit of the result when the formula has none of its own (LTV in the example's currency). */
  unit?: string;
}

export interface Kpi {
  /** Id used by `<Formula kpi=…>` and `<WorkedExample kpi=…>`. */
  id: string;
  name: string;
  terms: KpiTerm[];
  formulas: KpiFormula[];
  examples: KpiExample[];
  /** Remarks printed under the formulas (conventions with numbers in them). */
  notes: string[];
}

const yen = (value: number): Quantity => ({ value, unit: '万円' });
const companies = (value: number): Quantity => ({ value, unit: '社' });
const people = (value: number): Quantity => ({ value, unit: '人' });
const percent = (value: number): Quantity => ({ value, unit: '%' });
const points = (value: number): Quantity => ({ value, unit: '点' });

export const KPIS: readonly Kpi[] = [
  {
    id: 'churn',
    name: '解約率（チャーンレート）',
    terms: [
      { id: 'customers_start', label: '期首の顧客数', definition: '期間の初めの時点で契約していた顧客の数。期間中に新しく契約した顧客は数えません。' },
      { id: 'customers_lost', label: '期間中に解約した顧客数', definition: '期首の顧客のうち、期間の終わりまでに契約を終えた顧客の数。' },
      { id: 'mrr_start', label: '期首の月次売上', definition: '期間の初めの時点で契約していた顧客から毎月繰り返し得ている売上（MRR）。初期費用のような一度きりの売上は含めません。' },
      { id: 'mrr_churned', label: '解約で失った月次売上', definition: '期間中に解約した顧客が支払っていた月次売上。' },
      { id: 'mrr_contraction', label: 'ダウングレードで減った月次売上', definition: '契約を続けている顧客が、プランの格下げや利用数の削減によって減らした月次売上。' },
      { id: 'monthly_churn', label: '月次解約率', definition: '1か月あたりの顧客解約率（%）。' },
    ],
    formulas: [
      { id: 'customer_churn', name: '顧客解約率（カスタマーチャーンレート）', unit: '%', expr: mul(div(term('customers_lost'), term('customers_start')), num(100)) },
      { id: 'revenue_churn', name: '売上解約率（レベニューチャーンレート）', unit: '%', expr: mul(div(add(term('mrr_churned'), term('mrr_contraction')), term('mrr_start')), num(100)) },
      { id: 'annual_retention', name: '1年後に残っている顧客の割合', unit: '%', expr: mul(pow(sub(num(1), term('monthly_churn')), 12), num(100)) },
    ],
    examples: [
      { id: 'customers', formula: 'customer_churn', situation: 'ある月の初めに契約していた顧客のうち、何社かがその月のうちに解約した場合。', values: { customers_lost: companies(6), customers_start: companies(200) }, digits: 1 },
      { id: 'revenue', formula: 'revenue_churn', situation: '同じ月に、解約による減収に加えて、残った顧客のプラン変更による減収もあった場合。', values: { mrr_churned: yen(25), mrr_contraction: yen(15), mrr_start: yen(1000) }, digits: 1 },
      { id: 'annual', formula: 'annual_retention', situation: '毎月同じ割合で顧客が解約し続けると仮定して、1年後に残る顧客の割合を見積もる場合。', values: { monthly_churn: percent(2) }, digits: 1 },
    ],
    notes: ['月次の解約率を12倍しても年間の解約率にはなりません。毎月、その時点で残っている顧客のうちの一定割合が解約すると考えると、1年後に残る割合は「1 − 月次解約率」の12乗になります。'],
  },
  {
    id: 'nrr_grr',
    name: '売上継続率（NRR・GRR）',
    terms: [
      { id: 'mrr_start', label: '期首の月次売上', definition: '期間の初めの時点で契約していた既存顧客からの月次売上。期間中に獲得した新規顧客の売上は、分母にも分子にも入れません。' },
      { id: 'mrr_expansion', label: '拡大した月次売上', definition: '既存顧客のアップセル（上位プランへの移行、利用数の追加）とクロスセル（別製品の追加契約）で増えた月次売上。' },
      { id: 'mrr_contraction', label: '縮小した月次売上', definition: '既存顧客のダウングレードで減った月次売上。' },
      { id: 'mrr_churned', label: '解約で失った月次売上', definition: '期間中に解約した既存顧客が支払っていた月次売上。' },
    ],
    formulas: [
      { id: 'nrr', name: 'NRR（ネットレベニューリテンション）', unit: '%', expr: mul(div(sub(sub(add(term('mrr_start'), term('mrr_expansion')), term('mrr_contraction')), term('mrr_churned')), term('mrr_start')), num(100)) },
      { id: 'grr', name: 'GRR（グロスレベニューリテンション）', unit: '%', expr: mul(div(sub(sub(term('mrr_start'), term('mrr_contraction')), term('mrr_churned')), term('mrr_start')), num(100)) },
    ],
    examples: [
      { id: 'nrr', formula: 'nrr', situation: '1年前から契約している顧客の月次売上が、アップセル・クロスセルで増えた一方、ダウングレードと解約で減った場合。', values: { mrr_start: yen(1000), mrr_expansion: yen(120), mrr_contraction: yen(30), mrr_churned: yen(50) }, digits: 1 },
      { id: 'grr', formula: 'grr', situation: '同じ顧客について、増えた分を数えずに、減った分だけを差し引いた場合。', values: { mrr_start: yen(1000), mrr_contraction: yen(30), mrr_churned: yen(50) }, digits: 1 },
    ],
    notes: ['GRR は増えた売上を数えないため、100%を超えることはありません。NRR が100%を超えていれば、新規顧客がいなくても既存顧客からの売上は増えています。'],
  },
  {
    id: 'ltv',
    name: 'LTV（顧客生涯価値）',
    terms: [
      { id: 'arpa', label: '顧客1社あたりの月次売上（ARPA）', definition: '月次売上を顧客数で割った、1社あたりの平均の月額。' },
      { id: 'gross_margin', label: '粗利率', definition: '売上から、サービスの提供に直接かかる費用（サーバー費用やサポートの人件費など）を引いた粗利の、売上に対する割合（%）。' },
      { id: 'monthly_churn', label: '月次解約率', definition: '1か月あたりの顧客解約率（%）。' },
    ],
    formulas: [
      { id: 'lifetime', name: '平均継続期間（か月）', unit: 'か月', expr: div(num(1), term('monthly_churn')) },
      { id: 'ltv', name: 'LTV（1社あたり）', unit: '', expr: div(mul(term('arpa'), term('gross_margin')), term('monthly_churn')) },
    ],
    examples: [
      { id: 'lifetime', formula: 'lifetime', situation: '毎月一定の割合で顧客が解約する場合に、顧客が平均して何か月契約を続けるかを見積もる場合。', values: { monthly_churn: percent(2) }, digits: 0 },
      { id: 'ltv', formula: 'ltv', situation: '同じサービスで、1社あたりの月額と粗利率が分かっている場合。', values: { arpa: { value: 5, unit: '万円' }, gross_margin: percent(80), monthly_churn: percent(2) }, digits: 0, unit: '万円' },
    ],
    notes: ['平均継続期間を「1 ÷ 月次解約率」とするのは、解約率が毎月同じだと仮定した近似です。粗利を掛けずに売上だけで計算する LTV もあるため、比べるときはどちらの定義かを確かめます。'],
  },
  {
    id: 'nps',
    name: 'NPS（ネットプロモータースコア）',
    terms: [
      { id: 'promoters', label: '推奨者の数', definition: '「この製品・サービスを友人や同僚に薦める可能性はどのくらいありますか」という質問に、0から10までの11段階で9または10と答えた人の数。' },
      { id: 'detractors', label: '批判者の数', definition: '同じ質問に0から6までと答えた人の数。7と8と答えた人は中立者として、推奨者にも批判者にも数えません。' },
      { id: 'respondents', label: '回答者数', definition: '推奨の質問に答えた人の数（推奨者、中立者、批判者の合計）。' },
    ],
    formulas: [{ id: 'nps', name: 'NPS', unit: '', expr: mul(div(sub(term('promoters'), term('detractors')), term('respondents')), num(100)) }],
    examples: [{ id: 'nps', formula: 'nps', situation: '利用企業の担当者に推奨の質問を送り、回答を推奨者・中立者・批判者に分けた場合（中立者は80人）。', values: { promoters: people(70), detractors: people(50), respondents: people(200) }, digits: 0 }],
    notes: ['NPS は −100 から +100 までの値をとり、割合（%）ではなくスコアとして示すのが一般的です。'],
  },
  {
    id: 'csat',
    name: '顧客満足度（CSAT）',
    terms: [
      { id: 'satisfied', label: '「満足」「とても満足」と答えた人の数', definition: '満足度を5段階（とても不満・不満・どちらでもない・満足・とても満足）で尋ねたとき、上の2段階を選んだ人の数。' },
      { id: 'respondents', label: '回答者数', definition: '満足度の質問に答えた人の数。' },
    ],
    formulas: [{ id: 'csat', name: 'CSAT（満足と答えた人の割合）', unit: '%', expr: mul(div(term('satisfied'), term('respondents')), num(100)) }],
    examples: [{ id: 'csat', formula: 'csat', situation: '導入支援の完了時にアンケートを送り、満足度を尋ねた場合。', values: { satisfied: people(117), respondents: people(150) }, digits: 1 }],
    notes: ['上位2段階の割合（トップ2ボックス）のほか、1〜5点の平均点で示す方法もあります。どちらの方法かを決めておき、期間をまたいで同じ方法で比べます。'],
  },
  {
    id: 'health_score',
    name: 'ヘルススコア',
    terms: [
      { id: 'usage', label: 'ログイン頻度の点数', definition: '顧客がどれだけ頻繁に利用しているかを0〜100点に換算したもの。' },
      { id: 'usage_weight', label: 'ログイン頻度の重み', definition: 'ログイン頻度をスコアの中でどれだけ重く見るかの割合（%）。四つの重みの合計は100%にします。' },
      { id: 'adoption', label: '主要機能の活用の点数', definition: '成果につながる主要な機能が使われている度合いを0〜100点に換算したもの。' },
      { id: 'adoption_weight', label: '主要機能の活用の重み', definition: '主要機能の活用をどれだけ重く見るかの割合（%）。' },
      { id: 'support', label: '問い合わせ状況の点数', definition: '未解決の問い合わせや不満の申し出が少ないほど高くなるように、0〜100点に換算したもの。' },
      { id: 'support_weight', label: '問い合わせ状況の重み', definition: '問い合わせ状況をどれだけ重く見るかの割合（%）。' },
      { id: 'engagement', label: '定例会への参加の点数', definition: '定例会や活用レビューへの顧客の参加状況を0〜100点に換算したもの。' },
      { id: 'engagement_weight', label: '定例会への参加の重み', definition: '定例会への参加をどれだけ重く見るかの割合（%）。' },
    ],
    formulas: [
      {
        id: 'health_score',
        name: 'ヘルススコア（100点満点）',
        unit: '点',
        expr: sum(mul(term('usage'), term('usage_weight')), mul(term('adoption'), term('adoption_weight')), mul(term('support'), term('support_weight')), mul(term('engagement'), term('engagement_weight'))),
      },
    ],
    examples: [
      {
        id: 'health_score',
        formula: 'health_score',
        situation: '四つの指標にそれぞれ点数と重みを決めて、ある顧客の状態を一つの点数にまとめる場合。',
        values: { usage: points(80), usage_weight: percent(40), adoption: points(60), adoption_weight: percent(30), support: points(70), support_weight: percent(20), engagement: points(50), engagement_weight: percent(10) },
        digits: 0,
      },
    ],
    notes: ['どの指標を使い、どう重みづけるかに決まった形はありません。ここでの四つの指標と重みは一例です。'],
  },
  {
    id: 'onboarding',
    name: 'オンボーディング完了率',
    terms: [
      { id: 'started', label: '期間中に利用を開始した顧客数', definition: '集計する期間に契約し、オンボーディング（導入支援）を始めた顧客の数。' },
      { id: 'completed', label: '期限内にオンボーディングを完了した顧客数', definition: 'そのうち、決めた期限（たとえば契約から90日）までに、完了の条件（初期設定、主要機能の初回利用、管理者向けの研修など）をすべて満たした顧客の数。' },
    ],
    formulas: [{ id: 'onboarding_completion', name: 'オンボーディング完了率', unit: '%', expr: mul(div(term('completed'), term('started')), num(100)) }],
    examples: [{ id: 'onboarding', formula: 'onboarding_completion', situation: 'ある四半期に契約した顧客について、期限までに導入が完了したかを数えた場合。', values: { completed: companies(34), started: companies(40) }, digits: 1 }],
    notes: ['期限の日数や完了の条件を変えると値が大きく変わるため、条件は文書にして固定しておきます。'],
  },
  {
    id: 'expansion',
    name: 'アップセル・クロスセル（エクスパンション）',
    terms: [
      { id: 'mrr_start', label: '期首の月次売上', definition: '期間の初めの時点で契約していた既存顧客からの月次売上。' },
      { id: 'mrr_upsell', label: 'アップセルで増えた月次売上', definition: '上位プランへの移行や利用数の追加で増えた月次売上。' },
      { id: 'mrr_crosssell', label: 'クロスセルで増えた月次売上', definition: '既存顧客が別の製品・オプションを追加で契約して増えた月次売上。' },
      { id: 'customers_start', label: '期首の顧客数', definition: '期間の初めの時点で契約していた顧客の数。' },
      { id: 'customers_expanded', label: 'アップセル・クロスセルをした顧客数', definition: '期首の顧客のうち、期間中に契約を広げた顧客の数（同じ顧客は1社として数えます）。' },
    ],
    formulas: [
      { id: 'expansion_revenue', name: '拡大売上率（エクスパンションレート）', unit: '%', expr: mul(div(add(term('mrr_upsell'), term('mrr_crosssell')), term('mrr_start')), num(100)) },
      { id: 'expansion_customers', name: '拡大した顧客の割合', unit: '%', expr: mul(div(term('customers_expanded'), term('customers_start')), num(100)) },
    ],
    examples: [
      { id: 'revenue', formula: 'expansion_revenue', situation: '1年間に、既存顧客のプラン変更と追加契約で月次売上が増えた場合。', values: { mrr_upsell: yen(60), mrr_crosssell: yen(40), mrr_start: yen(1000) }, digits: 1 },
      { id: 'customers', formula: 'expansion_customers', situation: '同じ期間に、契約を広げた顧客の数を数えた場合。', values: { customers_expanded: companies(18), customers_start: companies(200) }, digits: 1 },
    ],
    notes: ['拡大売上率は NRR の増える側の要素です。NRR ＝ 100% ＋ 拡大売上率 − 売上解約率 の関係があります（分母がそろっているとき）。'],
  },
];

/** A KPI by id; an error listing the ids otherwise. */
export function kpi(id: string): Kpi {
  const found = KPIS.find((k) => k.id === id);
  if (!found) throw new Error(`unknown KPI "${id}" (known: ${KPIS.map((k) => k.id).join(', ')})`);
  return found;
}

/** A term's label in a KPI (its id when undefined, which the unit tests rule out). */
export const termLabel = (k: Kpi, id: string): string => k.terms.find((t) => t.id === id)?.label ?? id;

/** The result of an example: its value and the text printed (「3.0%」「200万円」). */
export function exampleResult(k: Kpi, e: KpiExample): { value: number; text: string } {
  const f = k.formulas.find((x) => x.id === e.formula);
  if (!f) throw new Error(`${k.id}/${e.id}: no formula "${e.formula}"`);
  const value = evaluate(f.expr, e.values);
  return { value, text: `${formatNumber(value, e.digits)}${e.unit ?? f.unit}` };
}

/** Problems of the catalogue (empty when every formula, term and example fits together). */
export function kpiProblems(list: readonly Kpi[] = KPIS): string[] {
  const out: string[] = [];
  const ids = new Set<string>();
  for (const k of list) {
    if (ids.has(k.id)) out.push(`${k.id}: duplicate KPI id`);
    ids.add(k.id);
    const used = new Set<string>();
    for (const f of k.formulas) {
      for (const t of termsOf(f.expr)) {
        used.add(t);
        if (!k.terms.some((x) => x.id === t)) out.push(`${k.id}/${f.id}: term "${t}" has no definition`);
      }
    }
    for (const t of k.terms) if (!used.has(t.id)) out.push(`${k.id}: term "${t.id}" is defined but used by no formula`);
    for (const e of k.examples) {
      const f = k.formulas.find((x) => x.id === e.formula);
      if (!f) {
        out.push(`${k.id}/${e.id}: no formula "${e.formula}"`);
        continue;
      }
      const need = termsOf(f.expr);
      for (const t of need) if (!(t in e.values)) out.push(`${k.id}/${e.id}: no value for "${t}"`);
      for (const t of Object.keys(e.values)) if (!need.includes(t)) out.push(`${k.id}/${e.id}: "${t}" is not a term of ${f.id}`);
      if (need.every((t) => t in e.values) && !Number.isFinite(exampleResult(k, e).value)) out.push(`${k.id}/${e.id}: the result is not a number`);
    }
  }
  return out;
}
