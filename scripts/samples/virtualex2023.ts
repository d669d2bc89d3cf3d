/**
 * virtualex/2023 — バーチャレクス「2023年カスタマーサクセスに関する調査」(1,000 respondents:
 * 500 doing CS, 500 not). The published splits fix the joint cells of effect × touch model ×
 * phase operation exactly (136 = 120 + 16, 271 = 224 + 47); tools, KPIs and business change
 * then follow those cells and a latent CS maturity, as the releases describe in words.
 */
import type { Rng } from './prng.ts';
import { assignSingle, cell, choose, column, count, coverEveryone, createSample, everyone, openMulti, picks, where, type Plan, type Sample } from './sample.ts';
import { makeChecks } from './checks.ts';

export const N = 1000;

/** Grid rows of 取り組み前後の変化: [向上, 変化なし, 低下, 把握していない] for effect-felt (276) and not (224). */
const PRE_POST: Array<[row: string, felt: number[], notFelt: number[]]> = [
  ['sales', [213, 45, 6, 12], [52, 100, 12, 60]],
  ['profit_margin', [193, 62, 8, 13], [62, 92, 14, 56]],
  ['new_contracts', [175, 78, 9, 14], [45, 105, 14, 60]],
  ['retention', [180, 76, 6, 14], [50, 104, 10, 60]],
  ['upsell', [150, 100, 8, 18], [35, 112, 10, 67]],
];

/** Grid rows of 直近一年の業況: [向上, 変化なし, わからない, 低下] over the 500 doing CS. */
const BUSINESS: Array<[row: string, plan: number[]]> = [
  ['sales', [260, 170, 30, 40]],
  ['profit_margin', [230, 195, 30, 45]],
  ['new_contracts', [245, 180, 35, 40]],
  ['retention', [235, 200, 35, 30]],
  ['upsell', [200, 225, 40, 35]],
];

function multi(s: Sample, rng: Rng, name: string, codes: number[], group: number[], plan: Plan, score: (i: number) => number, noise = 1): void {
  for (const [code, n] of plan) choose(s, name, code, group, n, score, rng, noise);
  coverEveryone(s, name, codes, group);
}

export function buildVirtualex(rng: Rng): { sample: Sample; checks: number } {
  const s = createSample(N);
  const all = everyone(s);
  const flat = () => 0;

  // Quota: 500 doing CS, 500 not (V002/V003), spread at random.
  assignSingle(s, 'cs_engagement', all, [[1, 500], [2, 500]], flat, rng.fork('quota'));
  const doing = where(s, 'cs_engagement', [1]);
  const notDoing = where(s, 'cs_engagement', [2]);

  // Profile: doers a little more often in ICT and large companies (designed).
  const rp = rng.fork('profile');
  assignSingle(s, 'industry', doing, [[1, 130], [2, 90], [3, 60], [4, 55], [5, 80], [6, 25], [7, 30], [8, 30]], flat, rp);
  assignSingle(s, 'industry', notDoing, [[1, 60], [2, 110], [3, 50], [4, 75], [5, 100], [6, 45], [7, 35], [8, 25]], flat, rp);
  assignSingle(s, 'employee_size', doing, [[5, 110], [4, 120], [3, 100], [2, 85], [1, 85]], flat, rp);
  assignSingle(s, 'employee_size', notDoing, [[5, 70], [4, 90], [3, 100], [2, 110], [1, 130]], flat, rp);
  for (const group of [doing, notDoing]) assignSingle(s, 'job_level', group, [[1, 30], [2, 70], [3, 110], [4, 120], [5, 170]], flat, rp);

  // Effect (V008): 276 feel it; the rest split 150 neutral / 74 not (design).
  const rm = rng.fork('maturity');
  const maturity = new Array<number>(N).fill(0);
  for (const i of doing) maturity[i] = rm.normal() + 0.15 * (cell(s, 'employee_size', i) as number);
  const byMaturity = (i: number) => maturity[i];
  assignSingle(s, 'cs_effect_felt', doing, [[1, 276], [2, 150], [3, 74]], byMaturity, rm, 0.5);
  const felt = where(s, 'cs_effect_felt', [1]);
  const notFelt = where(s, 'cs_effect_felt', [2, 3]);

  // Touch model × phase operation, exact joint cells (V011, V014, V015–V017, V019, V021, V038–V042).
  const rt = rng.fork('rules');
  const cells = (group: number[], touchYes: number, touchYesPhase: number, touchNoPhase: number, rule1: number, touchNoPlan: Plan, phaseNoPlan: Plan) => {
    assignSingle(s, '_touch', group, [[1, touchYes], [0, group.length - touchYes]], byMaturity, rt, 1);
    const yes = where(s, '_touch', [1], group);
    const no = where(s, '_touch', [0], group);
    assignSingle(s, '_phase', yes, [[1, touchYesPhase], [0, yes.length - touchYesPhase]], byMaturity, rt, 1);
    assignSingle(s, '_phase', no, [[1, touchNoPhase], [0, no.length - touchNoPhase]], byMaturity, rt, 1);
    for (const i of yes) column(s, 'touch_model')[i] = 1;
    assignSingle(s, 'touch_model', no, touchNoPlan, byMaturity, rt, 1);
    const phase = where(s, '_phase', [1], group);
    assignSingle(s, 'success_roadmap_rules', phase, [[1, rule1], [2, phase.length - rule1]], (i) => cell(s, '_touch', i) as number, rt, 0.8);
    assignSingle(s, 'success_roadmap_rules', where(s, '_phase', [0], group), phaseNoPlan, byMaturity, rt, 1);
  };
  // Effect felt: touch 120 (115 of them phase), no touch 156 (109 phase); rule 132 + trial 92 = 224.
  cells(felt, 120, 115, 109, 132, [[2, 60], [3, 84], [99, 12]], [[3, 46], [99, 6]]);
  // Not felt: touch 16 (12 phase), no touch 208 (35 phase); rule 16 (7.1%) + trial 31 = 47.
  cells(notFelt, 16, 12, 35, 16, [[2, 50], [3, 128], [99, 30]], [[3, 150], [99, 27]]);
  const touchYes = (i: number) => (cell(s, '_touch', i) === 1 ? 1 : 0);
  const phaseYes = (i: number) => (cell(s, '_phase', i) === 1 ? 1 : 0);
  const feltFlag = (i: number) => (cell(s, 'cs_effect_felt', i) === 1 ? 1 : 0);
  const science = (i: number) => maturity[i] + 0.8 * feltFlag(i) + 0.6 * touchYes(i) + 0.6 * phaseYes(i);

  // Criteria of the phase split (V020, V022–V024): composite health score leads in both groups.
  const rc = rng.fork('criteria');
  const criteria = [1, 2, 3, 4, 5, 6];
  const phaseFelt = felt.filter((i) => phaseYes(i) === 1);
  const phaseNotFelt = notFelt.filter((i) => phaseYes(i) === 1);
  openMulti(s, 'phase_criteria', criteria, [...phaseFelt, ...phaseNotFelt]);
  multi(s, rc, 'phase_criteria', criteria, phaseFelt, [[1, 106], [2, 95], [3, 80], [4, 70], [5, 40], [6, 3]], byMaturity);
  multi(s, rc, 'phase_criteria', criteria, phaseNotFelt, [[1, 24], [2, 10], [3, 12], [4, 14], [5, 8], [6, 1]], byMaturity);

  // KPIs (V026, V028, V030, V032, V033): 特にない for 10 felt and 120 not felt (半数以上).
  const rk = rng.fork('kpis');
  const kpis = [1, 2, 3, 4, 5, 6, 7, 8];
  openMulti(s, 'kpis_defined', [...kpis, 90], doing);
  const kpiGroup = (group: number[], none: number, plan: Plan) => {
    assignSingle(s, '_none', group, [[0, group.length - none], [1, none]], science, rk, 0.5);
    const some = where(s, '_none', [0], group);
    for (const i of where(s, '_none', [1], group)) column(s, 'kpis_defined__90')[i] = 1;
    multi(s, rk, 'kpis_defined', kpis, some, plan, science);
  };
  kpiGroup(felt, 10, [[1, 151], [2, 108], [3, 96], [4, 70], [5, 60], [6, 85], [7, 55], [8, 45]]);
  kpiGroup(notFelt, 120, [[1, 40], [2, 56], [3, 30], [4, 20], [5, 15], [6, 35], [7, 12], [8, 10]]);

  // Before/after change (V034, V036, V037; 5割強 overall for sales and margin, V007).
  const rg = rng.fork('pre-post');
  for (const [row, f, nf] of PRE_POST) {
    const name = `metric_change_pre_post__${row}`;
    assignSingle(s, name, felt, [[1, f[0]], [2, f[1]], [99, f[3]], [3, f[2]]], science, rg, 1.2);
    assignSingle(s, name, notFelt, [[1, nf[0]], [2, nf[1]], [3, nf[2]], [99, nf[3]]], science, rg, 1.2);
  }

  // New customers / new sales in the last year, all 1,000 (V005 6割強, V006 約2割).
  const rn = rng.fork('new-business');
  for (const [row, doPlan, notPlan] of [
    ['new_customers', [312, 130, 30, 28], [98, 290, 50, 62]],
    ['new_sales', [306, 134, 30, 30], [102, 285, 50, 63]],
  ] as const) {
    const name = `new_customers_sales_change_1y__${row}`;
    assignSingle(s, name, doing, [[1, doPlan[0]], [2, doPlan[1]], [99, doPlan[2]], [3, doPlan[3]]], science, rn, 1);
    assignSingle(s, name, notDoing, [[1, notPlan[0]], [2, notPlan[1]], [99, notPlan[2]], [3, notPlan[3]]], flat, rn, 1);
  }
  assignSingle(s, 'new_initiatives_1y', felt, [[1, 120], [2, 110], [3, 46]], byMaturity, rn, 1.5);
  assignSingle(s, 'new_initiatives_effect', where(s, 'new_initiatives_1y', [1, 2], felt), [[1, 205], [2, 20], [3, 5]], byMaturity, rn, 1);

  // Tools (V009, V010, V040, V043): non-users sit where neither touch model nor phase split is used.
  const ro = rng.fork('tools');
  const tools = [1, 2, 3, 4, 5, 6];
  openMulti(s, 'tool_usage', [...tools, 90], doing);
  const bare = (group: number[]) => group.filter((i) => touchYes(i) === 0 && phaseYes(i) === 0);
  assignSingle(s, '_nontool', bare(felt), [[0, bare(felt).length - 46], [1, 46]], byMaturity, ro, 1);
  assignSingle(s, '_nontool', bare(notFelt), [[0, bare(notFelt).length - 122], [1, 122]], byMaturity, ro, 1);
  const nonUser = (i: number) => cell(s, '_nontool', i) === 1;
  for (const i of doing) if (nonUser(i)) column(s, 'tool_usage__90')[i] = 1;
  multi(s, ro, 'tool_usage', tools, felt.filter((i) => !nonUser(i)), [[1, 226], [2, 150], [3, 90], [4, 60], [5, 110], [6, 70]], science);
  multi(s, ro, 'tool_usage', tools, notFelt.filter((i) => !nonUser(i)), [[1, 45], [2, 60], [3, 30], [4, 20], [5, 25], [6, 15]], science);

  // Business change in the last year: improvement follows effect, touch model and phase split.
  const rb = rng.fork('business');
  for (const [row, [up, same, dk, down]] of BUSINESS) {
    assignSingle(s, `business_change_1y__${row}`, doing, [[1, up], [2, same], [99, dk], [3, down]], science, rb, 1);
  }

  // Practices (V044–V047) and success factors (V048–V052).
  const rf = rng.fork('principles');
  const practices = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  openMulti(s, 'effective_practices', [...practices, 90], doing);
  assignSingle(s, '_none', doing, [[0, 455], [1, 45]], science, rf, 0.5);
  for (const i of where(s, '_none', [1], doing)) column(s, 'effective_practices__90')[i] = 1;
  multi(s, rf, 'effective_practices', practices, where(s, '_none', [0], doing), [[1, 171], [2, 132], [3, 132], [4, 110], [5, 105], [6, 90], [7, 80], [8, 75], [9, 5]], science);
  const factors = [1, 2, 3, 4, 5, 6, 7, 8];
  openMulti(s, 'success_factors', factors, felt);
  multi(s, rf, 'success_factors', factors, felt, [[1, 149], [2, 98], [3, 86], [4, 80], [5, 65], [6, 60], [7, 30], [8, 4]], byMaturity);

  const comments = [
    '解約を防ぐだけでなく、顧客の事業の成果に伴走すること。',
    '営業から引き継いだ後の定着支援が中心です。',
    'ヘルススコアで優先度をつけ、少ない人数で多くの顧客を見ること。',
    'サポートとの違いが社内でまだ十分に共有されていない。',
    '顧客の声を集めてプロダクトに返す役割も担っている。',
  ];
  for (const i of doing) if (rf.chance(0.25)) column(s, 'cs_definition_comment')[i] = rf.pick(comments);

  const groups = { doing, notDoing, felt, notFelt, touchYes: doing.filter((i) => touchYes(i) === 1), phaseYes: doing.filter((i) => phaseYes(i) === 1) };
  for (const temp of ['_touch', '_phase', '_none', '_nontool']) s.columns.delete(temp);
  return { sample: s, checks: checkVirtualex(s, groups) };
}

interface Groups { doing: number[]; notDoing: number[]; felt: number[]; notFelt: number[]; touchYes: number[]; phaseYes: number[] }

function checkVirtualex(s: Sample, g: Groups): number {
  const c = makeChecks();
  const m = (name: string, code: number, group: number[]) => group.filter((i) => cell(s, `${name}__${code}`, i) === 1).length;
  const share = (k: number, n: number) => k / n;
  const touchNo = g.doing.filter((i) => !g.touchYes.includes(i));
  const phaseNo = g.doing.filter((i) => !g.phaseYes.includes(i));
  const feltPhase = g.felt.filter((i) => g.phaseYes.includes(i));
  const notFeltPhase = g.notFelt.filter((i) => g.phaseYes.includes(i));
  c.equal('V002 doing', g.doing.length, 500);
  c.equal('V003 not doing', g.notDoing.length, 500);
  c.equal('V008 effect felt', g.felt.length, 276);
  c.equal('V011 touch | felt', count(s, 'touch_model', 1, g.felt), 120);
  c.equal('V014 touch | not felt', count(s, 'touch_model', 1, g.notFelt), 16);
  c.equal('V015 phase rule | felt', count(s, 'success_roadmap_rules', 1, g.felt), 132);
  c.equal('V016 trial | felt (33.3%, not 32.3%)', count(s, 'success_roadmap_rules', 2, g.felt), 92);
  c.equal('V017 phase rule | not felt', count(s, 'success_roadmap_rules', 1, g.notFelt), 16);
  c.equal('V019 criteria base felt', feltPhase.length, 224);
  c.equal('V021 criteria base not felt', notFeltPhase.length, 47);
  c.equal('V020', m('phase_criteria', 1, feltPhase), 106);
  c.equal('V022', m('phase_criteria', 1, notFeltPhase), 24);
  c.equal('V023', m('phase_criteria', 2, feltPhase), 95);
  c.equal('V024', m('phase_criteria', 2, notFeltPhase), 10);
  c.holds('V025 composite top in both', [2, 3, 4, 5, 6].every((k) => m('phase_criteria', k, feltPhase) < 106 && m('phase_criteria', k, notFeltPhase) < 24));
  c.equal('V026', m('kpis_defined', 1, g.felt), 151);
  c.equal('V028', m('kpis_defined', 2, g.felt), 108);
  c.equal('V030', m('kpis_defined', 3, g.felt), 96);
  c.holds('V032 none ≥ half (not felt)', m('kpis_defined', 90, g.notFelt) >= 112);
  c.equal('V033 churn KPI quarter (not felt)', m('kpis_defined', 2, g.notFelt), 56);
  c.holds('V033 churn KPI is top (not felt)', [1, 3, 4, 5, 6, 7, 8].every((k) => m('kpis_defined', k, g.notFelt) < 56));
  c.equal('V034 sales improved | felt', count(s, 'metric_change_pre_post__sales', 1, g.felt), 213);
  for (const [row] of PRE_POST.slice(1)) {
    const f = share(count(s, `metric_change_pre_post__${row}`, 1, g.felt), 276);
    c.holds(`V036 ${row} 50–70% | felt`, f >= 0.5 && f <= 0.7, String(f));
  }
  for (const [row] of PRE_POST) c.holds(`V037 ${row} < 30% | not felt`, share(count(s, `metric_change_pre_post__${row}`, 1, g.notFelt), 224) < 0.3);
  for (const row of ['sales', 'profit_margin']) c.holds(`V007 ${row} 5割強`, share(count(s, `metric_change_pre_post__${row}`, 1, g.doing), 500) >= 0.5 && share(count(s, `metric_change_pre_post__${row}`, 1, g.doing), 500) <= 0.55);
  for (const row of ['new_customers', 'new_sales']) {
    const d = share(count(s, `new_customers_sales_change_1y__${row}`, 1, g.doing), 500);
    const n = share(count(s, `new_customers_sales_change_1y__${row}`, 1, g.notDoing), 500);
    c.holds(`V005 ${row} 6割強`, d > 0.6 && d <= 0.65, String(d));
    c.holds(`V006 ${row} 約2割`, n >= 0.15 && n <= 0.25, String(n));
  }
  c.equal('V038 touch yes', g.touchYes.length, 136);
  c.equal('V039 touch no', touchNo.length, 364);
  c.equal('V041 phase yes', g.phaseYes.length, 271);
  c.equal('V042 phase no', phaseNo.length, 229);
  c.holds('V009 health-score tool 80%強 | felt', share(m('tool_usage', 1, g.felt), 276) > 0.8 && share(m('tool_usage', 1, g.felt), 276) <= 0.85);
  c.holds('V010 no tool 半数強 | not felt', share(m('tool_usage', 90, g.notFelt), 224) > 0.5 && share(m('tool_usage', 90, g.notFelt), 224) <= 0.55);
  c.holds('V040 no tool 約半数 | touch no', Math.abs(share(m('tool_usage', 90, touchNo), 364) - 0.5) <= 0.05);
  c.holds('V043 no tool 7割強 | phase no', share(m('tool_usage', 90, phaseNo), 229) > 0.7 && share(m('tool_usage', 90, phaseNo), 229) <= 0.75);
  c.equal('V044', m('effective_practices', 1, g.doing), 171);
  c.equal('V045', m('effective_practices', 2, g.doing), 132);
  c.equal('V046', m('effective_practices', 3, g.doing), 132);
  c.holds('V048 concept ≥ half | felt', m('success_factors', 1, g.felt) >= 138);
  c.holds('V049–V051 order 2 > 3 > 4 > rest', m('success_factors', 2, g.felt) > m('success_factors', 3, g.felt) && m('success_factors', 3, g.felt) > m('success_factors', 4, g.felt) && [5, 6, 7, 8].every((k) => m('success_factors', k, g.felt) < m('success_factors', 4, g.felt)));
  for (const [row] of BUSINESS) {
    const up = (group: number[]) => share(count(s, `business_change_1y__${row}`, 1, group), group.length);
    const same = (group: number[]) => share(count(s, `business_change_1y__${row}`, 2, group), group.length);
    c.holds(`designed: ${row} improved mostly among touch-model users`, up(g.touchYes) > 0.5 && up(g.touchYes) > up(touchNo) && same(touchNo) > same(g.touchYes));
    c.holds(`designed: ${row} improved more with phase split`, up(g.phaseYes) > up(phaseNo) && same(phaseNo) > same(g.phaseYes));
  }
  c.holds('no respondent without any tool answer', g.doing.every((i) => picks(s, 'tool_usage', [1, 2, 3, 4, 5, 6, 90], i) > 0));
  return c.finish('virtualex/2023');
}
