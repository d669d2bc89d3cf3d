/**
 * jcsa/2025 — カスタマーサクセス白書2025 第2部 SaaSレポート (781 respondents).
 *
 * Published counts (figure ids from tests/fixtures/figures.csv) are allocated exactly inside
 * their universes; unpublished distributions are design values. Latent traits give the designed
 * relationships listed in the codebook notes: company size (SNS start-ups vs the 1000+ panel),
 * CS maturity (status, penetration, management understanding, effect), CS-tool use (retention),
 * and personal CS tenure (income).
 */
import type { Rng } from './prng.ts';
import {
  assignSingle, cell, choose, column, count, coverEveryone, createSample, everyone, openMulti, picks, where,
  type Plan, type Sample,
} from './sample.ts';
import { makeChecks, medianClass, roundHalfUp } from './checks.ts';

export const N = 781;

/** Multi options of a question chosen by exact counts, each ranked by its own score. */
function multi(sample: Sample, rng: Rng, name: string, allCodes: number[], group: number[], plan: Plan, score: (code: number) => (i: number) => number, noise = 1): void {
  openMulti(sample, name, allCodes, group);
  for (const [code, n] of plan) choose(sample, name, code, group, n, score(code), rng, noise);
}

/** Respondents of `group` who chose nothing get the exclusive option (特になし / 利用していない). */
function exclusiveForEmpty(sample: Sample, name: string, codes: number[], exclusive: number, group: number[]): void {
  const cells = column(sample, `${name}__${exclusive}`);
  for (const i of group) if (picks(sample, name, codes, i) === 0) cells[i] = 1;
}

const only = (sample: Sample, name: string, code: number, group: number[]): number =>
  group.filter((i) => cell(sample, `${name}__${code}`, i) === 1).length;

export function buildJcsa(rng: Rng): { sample: Sample; checks: number } {
  const s = createSample(N);
  const all = everyone(s);
  const flat = () => 0;

  // Recruitment route (J002/J003): 258 SNS, 523 panel, spread at random over the rows.
  assignSingle(s, 'response_channel', all, [[1, 258], [2, 523]], flat, rng.fork('channel'));
  const sns = where(s, 'response_channel', [1]);
  const panel = where(s, 'response_channel', [2]);

  // Sector (J004): 257 SaaS = 200 of the SNS route (start-ups) + 57 of the panel.
  const saasFlag = new Array<boolean>(N).fill(false);
  for (const [group, k, label] of [[sns, 200, 'sns'], [panel, 57, 'panel']] as const) {
    const r = rng.fork(`saas-${label}`);
    const chosen = group.map((i) => ({ i, key: r.next() })).sort((a, b) => a.key - b.key).slice(0, k);
    for (const { i } of chosen) saasFlag[i] = true;
  }
  const saas = all.filter((i) => saasFlag[i]);
  const nonSaas = all.filter((i) => !saasFlag[i]);

  // Employee size: the panel is 1000+ by design of the survey; SNS respondents spread out.
  const rs = rng.fork('size');
  assignSingle(s, 'employee_size', panel, [[5, 230], [4, 293]], flat, rs);
  const snsSaas = sns.filter((i) => saasFlag[i]);
  const snsOther = sns.filter((i) => !saasFlag[i]);
  assignSingle(s, 'employee_size', snsSaas, [[5, 10], [4, 24], [3, 36], [2, 52], [1, 78]], flat, rs);
  assignSingle(s, 'employee_size', snsOther, [[5, 8], [4, 10], [3, 12], [2, 14], [1, 14]], flat, rs);
  const size = new Array<number>(N);
  for (const i of all) size[i] = (cell(s, 'employee_size', i) as number) + 0.6 * rs.normal();

  // Industry (multi): SaaS flag first, then one main industry for everyone else, a few doubles.
  const ri = rng.fork('industry');
  const industryCodes = [1, 2, 3, 4, 5, 6, 7];
  openMulti(s, 'industry', industryCodes, all);
  for (const i of saas) column(s, 'industry__1')[i] = 1;
  assignSingle(s, '_main_industry', nonSaas, [[2, 160], [3, 105], [4, 66], [5, 62], [6, 76], [7, 55]], flat, ri);
  for (const i of nonSaas) column(s, `industry__${cell(s, '_main_industry', i)}`)[i] = 1;
  s.columns.delete('_main_industry');
  // Respondents who also chose a second industry (the report: a few, without effect on totals).
  for (const i of saas.slice(0, 9)) column(s, `industry__${ri.pick([2, 6, 7])}`)[i] = 1;
  for (const i of nonSaas.filter((j) => cell(s, 'industry__2', j) === 0).slice(0, 20)) column(s, `industry__${ri.pick([2, 6])}`)[i] = 1;

  // Breakdown of ICT other than SaaS: carriers and SIers lead (J009).
  const ictNonSaas = nonSaas.filter((i) => cell(s, 'industry__2', i) === 1);
  multi(s, rng.fork('ict'), 'industry_ict_detail', [1, 2, 3, 4, 5], ictNonSaas,
    [[1, Math.round(ictNonSaas.length * 0.38)], [2, Math.round(ictNonSaas.length * 0.34)], [3, Math.round(ictNonSaas.length * 0.16)], [4, Math.round(ictNonSaas.length * 0.12)], [5, Math.round(ictNonSaas.length * 0.08)]],
    () => flat);
  coverEveryone(s, 'industry_ict_detail', [1, 2, 3, 4, 5], ictNonSaas);

  // Revenue size: SaaS dispersed, non-SaaS concentrated at 100億円以上 (J010), ranked by size.
  const rr = rng.fork('revenue');
  const bySize = (i: number) => size[i];
  const dkRevenueSaas = saas.filter((_, k) => k % 12 === 5);
  const dkRevenueOther = nonSaas.filter((_, k) => k % 20 === 7);
  assignSingle(s, 'revenue_size', dkRevenueSaas, [[99, dkRevenueSaas.length]], flat, rr);
  assignSingle(s, 'revenue_size', dkRevenueOther, [[99, dkRevenueOther.length]], flat, rr);
  const saasRev = saas.filter((i) => !dkRevenueSaas.includes(i));
  const otherRev = nonSaas.filter((i) => !dkRevenueOther.includes(i));
  const saasRevPlan: Plan = [[4, 70], [3, 40], [2, 58]];
  saasRevPlan.push([1, saasRev.length - 168]);
  assignSingle(s, 'revenue_size', saasRev, saasRevPlan, bySize, rr, 0.8);
  const otherRevPlan: Plan = [[4, 330], [3, 60], [2, 55]];
  otherRevPlan.push([1, otherRev.length - 445]);
  assignSingle(s, 'revenue_size', otherRev, otherRevPlan, bySize, rr, 0.8);

  // Business model: SaaS nearly all BtoB (J011); non-SaaS spread over all models.
  const rb = rng.fork('business');
  multi(s, rb, 'business_model', [1, 2, 3, 4, 5], saas, [[1, 241], [2, 18], [3, 22], [4, 14], [5, 3]], () => flat);
  multi(s, rb, 'business_model', [1, 2, 3, 4, 5], nonSaas, [[1, 300], [2, 190], [3, 120], [4, 95], [5, 24]], () => flat);
  coverEveryone(s, 'business_model', [1, 2, 3, 4, 5], saas);
  coverEveryone(s, 'business_model', [1, 2, 3, 4, 5], nonSaas);

  // Revenue model (J005, J006): subscription 228 of SaaS, 94 of non-SaaS; non-SaaS led by
  // 製品販売 and サービス提供 (J014).
  const rm = rng.fork('revenue-model');
  multi(s, rm, 'revenue_model', [1, 2, 3, 4, 5], saas, [[1, 228], [2, 30], [3, 55], [4, 40], [5, 4]], () => flat);
  multi(s, rm, 'revenue_model', [1, 2, 3, 4, 5], nonSaas, [[1, 94], [2, 262], [3, 281], [4, 58], [5, 26]], () => flat);
  coverEveryone(s, 'revenue_model', [1, 2, 3, 4, 5], saas);
  coverEveryone(s, 'revenue_model', [1, 2, 3, 4, 5], nonSaas);

  // Department (J007, J008): CS 206 of SaaS, 営業 378 of non-SaaS; SNS lean to CS, panel to 営業 (J012, J013).
  const rd = rng.fork('department');
  const isSns = (i: number) => (cell(s, 'response_channel', i) === 1 ? 1 : 0);
  const deptScore = (code: number) => (i: number) => (code === 1 ? 1.5 * isSns(i) : code === 2 ? 1.5 * (1 - isSns(i)) : 0);
  multi(s, rd, 'department', [1, 2, 3, 4, 5, 6], saas, [[1, 206], [2, 28], [3, 30], [4, 14], [5, 16], [6, 5]], deptScore);
  multi(s, rd, 'department', [1, 2, 3, 4, 5, 6], nonSaas, [[1, 66], [2, 378], [3, 104], [4, 28], [5, 24], [6, 18]], deptScore);
  coverEveryone(s, 'department', [1, 2, 3, 4, 5, 6], saas);
  coverEveryone(s, 'department', [1, 2, 3, 4, 5, 6], nonSaas);

  // Job title: senior titles a little more often in small (SNS) companies.
  const rj = rng.fork('job');
  assignSingle(s, 'job_title', all, [[1, 62], [2, 118], [3, 196], [4, 170], [5, 221], [6, 14]], (i) => -0.3 * size[i], rj, 1);

  // ------------------------------------------------------------------------- Chapter 2 (SaaS)
  const rc = rng.fork('maturity');
  const maturity = new Array<number>(N).fill(0);
  for (const i of all) maturity[i] = rc.normal() + 0.15 * size[i];
  const byMaturity = (i: number) => maturity[i];
  // Status (J015–J019): 221 doing, 24 planning, 4 not doing, 8 don't know.
  assignSingle(s, 'cs_status', saas, [[1, 221], [2, 24], [99, 8], [3, 4]], byMaturity, rc, 0.5);
  const doing = where(s, 'cs_status', [1], saas);
  const planning = where(s, 'cs_status', [2], saas);
  const notDoing = where(s, 'cs_status', [3], saas);

  const rp = rng.fork('purpose');
  const purposeCodes = [1, 2, 3, 4, 5, 6, 7];
  multi(s, rp, 'cs_purpose', purposeCodes, doing, [[1, 185], [2, 160], [3, 92], [4, 118], [5, 38], [6, 52], [7, 4]], () => flat);
  multi(s, rp, 'cs_purpose', purposeCodes, planning, [[1, 17], [2, 15], [3, 14], [4, 9], [5, 3], [6, 2], [7, 1]], () => flat);
  coverEveryone(s, 'cs_purpose', purposeCodes, [...doing, ...planning]);

  const ra = rng.fork('planned');
  multi(s, ra, 'cs_planned_activities', [1, 2, 3, 4, 5, 6], planning, [[1, 16], [2, 7], [3, 9], [4, 5], [5, 6], [6, 1]], () => flat);
  coverEveryone(s, 'cs_planned_activities', [1, 2, 3, 4, 5, 6], planning);
  // J020: 41.7% = 10 of the 24 planning respondents start within three months.
  assignSingle(s, 'cs_start_timing', planning, [[1, 10], [2, 6], [3, 4], [4, 2], [99, 2]], byMaturity, ra, 1);

  // Not doing (J021–J026): base 4; two 50.0% options on each of the two charts of that page.
  const rn = rng.fork('not-doing');
  multi(s, rn, 'cs_not_doing_reasons', [1, 2, 3, 4, 5, 6], notDoing, [[2, 2], [4, 2], [1, 1], [3, 1]], () => flat);
  coverEveryone(s, 'cs_not_doing_reasons', [1, 2, 3, 4, 5, 6], notDoing);
  openMulti(s, 'org_issues_not_doing', [1, 2, 3, 4, 5], notDoing);
  notDoing.forEach((i, k) => { column(s, `org_issues_not_doing__${k < 2 ? 1 : 3}`)[i] = 1; });
  assignSingle(s, 'would_start_if_solved', notDoing, [[1, 2], [99, 2]], flat, rn);

  // Doing (221): scale grows with company size; J030 (79), J031 (75), J032 (51), J033 (25), J035 (5).
  const rg = rng.fork('scale');
  assignSingle(s, 'cs_customer_count', doing, [[5, 79], [4, 50], [3, 42], [2, 24], [1, 26]], bySize, rg, 0.9);
  assignSingle(s, 'cs_product_count', doing, [[4, 75], [3, 36], [2, 58], [1, 52]], bySize, rg, 1.2);
  assignSingle(s, 'cs_support_department', doing, [[1, 170], [2, 20], [4, 14], [3, 12], [5, 5]], (i) => (cell(s, 'department__1', i) === 1 ? 1 : 0), rg, 0.8);
  assignSingle(s, 'cs_support_department_headcount', doing, [[5, 51], [4, 30], [3, 60], [2, 40], [1, 40]], bySize, rg, 0.6);
  assignSingle(s, 'cs_executive_owner', doing, [[1, 25], [2, 5], [5, 60], [4, 70], [3, 28], [6, 13], [7, 20]], bySize, rg, 2.5);
  assignSingle(s, 'cs_years_since_start', doing, [[4, 48], [3, 58], [2, 80], [1, 35]], byMaturity, rg, 1);

  // ------------------------------------------------------------------------- Chapter 3 (221)
  const r3 = rng.fork('chapter3');
  // J036 + J038–J040: penetration 100 + 73 (45.2% + 33.0% = 78.2%), 浸透していない 1 (0.5%).
  assignSingle(s, 'cs_penetration', doing, [[5, 100], [4, 73], [3, 38], [2, 9], [1, 1]], byMaturity, r3, 0.7);
  // J037: 178 = 86 + 92 (80.5%); J038/J039: 6 (2.7%) and 3 (1.4%).
  assignSingle(s, 'management_understanding', doing, [[5, 86], [4, 92], [3, 34], [2, 6], [1, 3]], byMaturity, r3, 0.7);
  // J043: やや低下した 5 (2.3%).
  assignSingle(s, 'cs_awareness_change_1y', doing, [[5, 118], [4, 72], [3, 26], [2, 5], [1, 0]], byMaturity, r3, 1);
  // J041: 62 + 93 + 41 (28.1% + 42.1% + 18.6% = 88.8%); J044/J045: 4 (1.8%), 2 (0.9%).
  assignSingle(s, 'cs_effect', doing, [[6, 62], [5, 93], [4, 41], [3, 19], [2, 4], [1, 2]], byMaturity, r3, 0.7);

  const contribution = [1, 2, 3, 4, 5, 90];
  multi(s, r3, 'cs_contribution_areas', contribution, doing.filter((i) => cell(s, 'cs_effect', i) !== 1), [[1, 172], [2, 96], [3, 121], [4, 38], [5, 49]], () => byMaturity, 1.5);
  for (const i of doing) if (cell(s, 'cs_effect', i) === 1) for (const c of contribution) column(s, `cs_contribution_areas__${c}`)[i] = 0;
  exclusiveForEmpty(s, 'cs_contribution_areas', contribution.slice(0, -1), 90, doing);

  const challenges = [1, 2, 3, 4, 5, 6, 7, 8, 90];
  multi(s, r3, 'cs_challenges', challenges, doing, [[1, 152], [2, 131], [3, 88], [4, 97], [5, 58], [6, 47], [7, 39], [8, 4]], () => flat);
  exclusiveForEmpty(s, 'cs_challenges', challenges.slice(0, -1), 90, doing);
  const solutions = [1, 2, 3, 4, 5, 6, 90];
  multi(s, r3, 'cs_solutions_considered', solutions, doing, [[1, 138], [2, 101], [3, 44], [4, 79], [5, 58], [6, 4]], () => flat);
  exclusiveForEmpty(s, 'cs_solutions_considered', solutions.slice(0, -1), 90, doing);

  // ------------------------------------------------------------------------- Chapter 5 tools first
  const r5 = rng.fork('chapter5');
  const toolCodes = [1, 2, 3, 4, 5, 6, 7, 8, 90];
  // CS tools go with size and maturity; CRM 137 (62.0%; 61.9% is unattainable on 221), CS tool 110 (J065).
  const toolScore = (code: number) => (i: number) => (code === 2 ? -0.4 * size[i] : 0.35 * size[i] + 0.5 * maturity[i]);
  multi(s, r5, 'cs_tools_used', toolCodes, doing, [[1, 137], [2, 150], [3, 110], [4, 80], [5, 50], [6, 70], [7, 40], [8, 5]], toolScore, 1);
  exclusiveForEmpty(s, 'cs_tools_used', toolCodes.slice(0, -1), 90, doing);
  const csTool = (i: number) => (cell(s, 'cs_tools_used__3', i) === 1 ? 1 : 0);

  // ------------------------------------------------------------------------- Chapter 4 (221)
  const r4 = rng.fork('chapter4');
  // Retention: about half at 90–100% (J052); J054/J055: 60〜70% 6 (2.7%), 60%未満 4 (1.8%).
  // Designed: CS-tool users report higher retention (the report's cross-analysis, in words).
  const dkRetention = doing.filter((i) => csTool(i) === 0).slice(0, 18);
  assignSingle(s, 'retention_rate_annual', dkRetention, [[99, 18]], flat, r4);
  const retentionGroup = doing.filter((i) => !dkRetention.includes(i));
  const retentionScore = (i: number) => 1.2 * csTool(i) + 0.4 * maturity[i];
  assignSingle(s, 'retention_rate_annual', retentionGroup, [[5, 110], [4, 55], [3, 28], [2, 6], [1, 4]], retentionScore, r4, 0.8);
  const retentionCode = (i: number) => (cell(s, 'retention_rate_annual', i) as number) % 99;
  // NRR median class 90〜100% (J053) among valid answers; follows retention.
  const dkNrr = [...dkRetention, ...retentionGroup.filter((i) => csTool(i) === 0).slice(0, 31)];
  assignSingle(s, 'nrr_annual', dkNrr, [[99, dkNrr.length]], flat, r4);
  assignSingle(s, 'nrr_annual', doing.filter((i) => !dkNrr.includes(i)), [[5, 20], [4, 40], [3, 70], [2, 30], [1, 12]], (i) => retentionCode(i) + 0.3 * maturity[i], r4, 1);
  // ARPA median class 13〜60万円 (J051); ARR mode and median 1〜5億円 (J048, J049).
  const dkMoney = doing.filter((_, k) => k % 9 === 4);
  assignSingle(s, 'arpa_annual', dkMoney, [[99, dkMoney.length]], flat, r4);
  const moneyGroup = doing.filter((i) => !dkMoney.includes(i));
  const arpaPlan: Plan = [[5, 12], [4, 25], [3, 35], [2, 80]];
  arpaPlan.push([1, moneyGroup.length - 152]);
  assignSingle(s, 'arpa_annual', moneyGroup, arpaPlan, bySize, r4, 1.5);
  const arrPlan: Plan = [[6, 8], [5, 22], [4, 28], [3, 72], [2, 30]];
  arrPlan.push([1, moneyGroup.length - 160]);
  assignSingle(s, 'arr_annual', dkMoney, [[99, dkMoney.length]], flat, r4);
  assignSingle(s, 'arr_annual', moneyGroup, arrPlan, (i) => size[i] + 0.5 * (cell(s, 'cs_customer_count', i) as number), r4, 1);

  const kpiCodes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 90];
  multi(s, r4, 'kpis_tracked', kpiCodes, doing, [[1, 160], [2, 118], [3, 68], [4, 104], [5, 79], [6, 54], [7, 74], [8, 88], [9, 4]], () => byMaturity, 1.5);
  exclusiveForEmpty(s, 'kpis_tracked', kpiCodes.slice(0, -1), 90, doing);

  // Initiatives: J059 onboarding 176 (79.6%); effective ⊂ implemented, ineffective ⊂ implemented \ effective.
  const initCodes = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  multi(s, r4, 'cs_initiatives', [...initCodes, 90], doing, [[1, 176], [2, 100], [3, 120], [4, 85], [5, 40], [6, 110], [7, 75], [8, 95], [9, 5]], () => byMaturity, 1.5);
  exclusiveForEmpty(s, 'cs_initiatives', initCodes, 90, doing);
  const did = (code: number) => doing.filter((i) => cell(s, `cs_initiatives__${code}`, i) === 1);
  openMulti(s, 'effective_initiatives_1y', [...initCodes, 90], doing);
  openMulti(s, 'ineffective_initiatives_1y', [...initCodes, 90], doing);
  const effectivePlan: Plan = [[1, 112], [2, 41], [3, 46], [4, 24], [5, 12], [6, 21], [7, 26], [8, 36], [9, 1]];
  for (const [code, n] of effectivePlan) choose(s, 'effective_initiatives_1y', code, did(code), n, (i) => (cell(s, 'cs_effect', i) as number) + maturity[i], r4, 1);
  const ineffectivePlan: Plan = [[1, 5], [2, 16], [3, 10], [4, 18], [5, 9], [6, 47], [7, 13], [8, 8], [9, 1]];
  for (const [code, n] of ineffectivePlan) {
    const eligible = did(code).filter((i) => cell(s, `effective_initiatives_1y__${code}`, i) === 0);
    choose(s, 'ineffective_initiatives_1y', code, eligible, n, (i) => -maturity[i], r4, 1);
  }
  exclusiveForEmpty(s, 'effective_initiatives_1y', initCodes, 90, doing);
  exclusiveForEmpty(s, 'ineffective_initiatives_1y', initCodes, 90, doing);

  // ------------------------------------------------------------------------- Chapter 5 (221)
  const serviceCodes = [1, 2, 3, 4, 5, 90];
  // J062: CS BPO 50 (22.6%).
  multi(s, r5, 'cs_services_used', serviceCodes, doing, [[1, 50], [2, 34], [3, 41], [4, 26], [5, 3]], () => bySize, 1.5);
  exclusiveForEmpty(s, 'cs_services_used', serviceCodes.slice(0, -1), 90, doing);
  assignSingle(s, 'cs_headcount_change_yoy', doing, [[1, 121], [2, 84], [99, 8], [3, 8]], byMaturity, r5, 1.2);
  assignSingle(s, 'cs_headcount_outlook_1y', doing, [[1, 130], [2, 75], [99, 10], [3, 6]], (i) => ({ 1: 3, 2: 2, 3: 1, 99: 2 } as Record<number, number>)[cell(s, 'cs_headcount_change_yoy', i) as number] + 0.3 * maturity[i], r5, 1);
  const teamCodes = [1, 2, 3, 4, 5, 6, 90];
  multi(s, r5, 'cs_specialist_teams', teamCodes, doing, [[1, 72], [2, 44], [3, 35], [4, 41], [5, 38], [6, 61]], () => bySize, 1);
  exclusiveForEmpty(s, 'cs_specialist_teams', teamCodes.slice(0, -1), 90, doing);
  // 約半数 with a non-personnel budget (J067), 約40% of them increased (J068).
  assignSingle(s, 'non_personnel_budget', doing, [[1, 112], [99, 24], [2, 85]], (i) => 0.5 * size[i] + maturity[i], r5, 1);
  const budget = where(s, 'non_personnel_budget', [1], doing);
  assignSingle(s, 'budget_change_1y', budget, [[1, 45], [2, 55], [99, 7], [3, 5]], byMaturity, r5, 1.5);

  // ------------------------------------------------------------------------- Appendix (221)
  const rx = rng.fork('appendix');
  const roleCodes = [1, 2, 3, 4, 5, 6, 7, 8];
  const tenureLatent = new Array<number>(N).fill(0);
  for (const i of doing) tenureLatent[i] = rx.normal() + 0.6 * (cell(s, 'cs_years_since_start', i) as number);
  // J070: 5年以上 66 (29.9%, 約3割).
  assignSingle(s, 'respondent_cs_tenure', doing, [[4, 66], [3, 55], [2, 65], [1, 35]], (i) => tenureLatent[i], rx, 0.4);
  const tenure = (i: number) => cell(s, 'respondent_cs_tenure', i) as number;
  multi(s, rx, 'respondent_cs_roles', roleCodes, doing, [[1, 70], [2, 121], [3, 50], [4, 25], [5, 20], [6, 35], [7, 25], [8, 5]], (code) => (i) => (code === 1 ? tenure(i) : 0), 1);
  coverEveryone(s, 'respondent_cs_roles', roleCodes, doing);
  // Income rises with CS tenure and seniority; J071 median class 600〜700万円;
  // J072–J077: 1200万円以上 5 (2.3%), 300〜400万円 6 (2.7%), 300万円未満 3 (1.4%).
  const seniority = (i: number) => 6 - (cell(s, 'job_title', i) as number);
  assignSingle(s, 'annual_income', doing, [[10, 5], [9, 12], [8, 18], [7, 29], [6, 37], [5, 45], [4, 38], [3, 28], [2, 6], [1, 3]], (i) => 0.7 * tenure(i) + 0.4 * seniority(i), rx, 0.8);
  // やや減少した 5 (2.3%), 大きく減少した 2 (0.9%), 答えたくない 6 (2.7%).
  assignSingle(s, 'annual_income_change_yoy', doing, [[1, 20], [2, 70], [3, 118], [99, 6], [4, 5], [5, 2]], (i) => 0.3 * tenure(i), rx, 1.5);
  const comments = [
    '顧客の成果が見えたときにやりがいを感じる。',
    '担当社数が多く、一社ごとに十分な時間を取れない。',
    'アップセルの目標が加わり、支援との両立に悩んでいる。',
    'ヘルススコアの定義を見直している最中です。',
    'ツールの導入で定型業務が減り、対話に時間を使えるようになった。',
    '経営陣の関心が高まり、予算の相談がしやすくなった。',
    'オンボーディングの型ができてから解約が減った。',
    '人手が足りず、採用と育成が追いつかない。',
  ];
  for (const i of doing) if (rx.chance(0.3)) column(s, 'cs_comment')[i] = rx.pick(comments);

  return { sample: s, checks: checkJcsa(s, { saas, nonSaas, sns, panel, doing, planning, notDoing }) };
}

interface Groups {
  saas: number[]; nonSaas: number[]; sns: number[]; panel: number[]; doing: number[]; planning: number[]; notDoing: number[];
}

function checkJcsa(s: Sample, g: Groups): number {
  const c = makeChecks();
  const pct1 = (k: number, n: number) => roundHalfUp((100 * k) / n, 1);
  const m = (name: string, code: number, group: number[]) => only(s, name, code, group);
  c.equal('J001 n', s.n, 781);
  c.holds('J002 SNS 33%', roundHalfUp((100 * g.sns.length) / 781, 0) === 33);
  c.holds('J003 panel 67%', roundHalfUp((100 * g.panel.length) / 781, 0) === 67);
  c.equal('J004 SaaS', g.saas.length, 257);
  c.equal('J005 subscription SaaS', m('revenue_model', 1, g.saas), 228);
  c.equal('J006 subscription non-SaaS', m('revenue_model', 1, g.nonSaas), 94);
  c.equal('J007 CS dept SaaS', m('department', 1, g.saas), 206);
  c.equal('J008 sales dept non-SaaS', m('department', 2, g.nonSaas), 378);
  c.holds('J012 panel: 営業 top', [1, 3, 4, 5, 6].every((k) => m('department', k, g.panel) < m('department', 2, g.panel)));
  c.holds('J013 SNS: CS top', [2, 3, 4, 5, 6].every((k) => m('department', k, g.sns) < m('department', 1, g.sns)));
  c.holds('J011 SaaS mostly BtoB', m('business_model', 1, g.saas) / g.saas.length > 0.9);
  c.holds('J014 non-SaaS 製品販売/サービス提供 top', [1, 4, 5].every((k) => m('revenue_model', k, g.nonSaas) < Math.min(m('revenue_model', 2, g.nonSaas), m('revenue_model', 3, g.nonSaas))));
  c.holds('J010 non-SaaS revenue mode 100億円以上', [1, 2, 3].every((k) => count(s, 'revenue_size', k, g.nonSaas) < count(s, 'revenue_size', 4, g.nonSaas)));
  c.equal('J015 doing', g.doing.length, 221);
  c.equal('J016 not doing', g.notDoing.length, 4);
  c.equal('J018 dont know', count(s, 'cs_status', 99, g.saas), 8);
  for (const [label, group] of [['doing', g.doing], ['planning', g.planning]] as const) {
    c.holds(`J027 purpose top-2 継続率/アップセル (${label})`, [3, 4, 5, 6, 7].every((k) => m('cs_purpose', k, group) < Math.min(m('cs_purpose', 1, group), m('cs_purpose', 2, group))));
  }
  c.holds('J028 planning emphasises loyalty more', m('cs_purpose', 3, g.planning) / g.planning.length > m('cs_purpose', 3, g.doing) / g.doing.length);
  c.holds('J029 planned: onboarding top', [2, 3, 4, 5, 6].every((k) => m('cs_planned_activities', k, g.planning) < m('cs_planned_activities', 1, g.planning)));
  c.equal('J020 within 3 months', count(s, 'cs_start_timing', 1, g.planning), 10);
  c.equal('planning base', g.planning.length, 24);
  c.equal('J023/J024 org issue 1', m('org_issues_not_doing', 1, g.notDoing), 2);
  c.equal('J025 org issue 3', m('org_issues_not_doing', 3, g.notDoing), 2);
  c.equal('J026 would start', count(s, 'would_start_if_solved', 1, g.notDoing), 2);
  c.equal('J030 customers 1001+', count(s, 'cs_customer_count', 5, g.doing), 79);
  c.equal('J031 products 6+', count(s, 'cs_product_count', 4, g.doing), 75);
  c.holds('J032 headcount 51+ 23%', roundHalfUp((100 * count(s, 'cs_support_department_headcount', 5, g.doing)) / 221, 0) === 23);
  c.equal('J033 CCO', count(s, 'cs_executive_owner', 1, g.doing), 25);
  c.equal('J035 CxO', count(s, 'cs_executive_owner', 2, g.doing), 5);
  c.holds('J034 事業部長/執行役員 lead', [1, 2, 3, 6, 7].every((k) => count(s, 'cs_executive_owner', k, g.doing) < count(s, 'cs_executive_owner', 5, g.doing)));
  c.holds('J036 penetration 78.2 (sum of rounded)', roundHalfUp(pct1(count(s, 'cs_penetration', 5, g.doing), 221) + pct1(count(s, 'cs_penetration', 4, g.doing), 221), 1) === 78.2);
  c.equal('J037 management top2', count(s, 'management_understanding', 5, g.doing) + count(s, 'management_understanding', 4, g.doing), 178);
  c.holds('J041 effect 88.8 (sum of rounded)', roundHalfUp([4, 5, 6].reduce((a, k) => a + pct1(count(s, 'cs_effect', k, g.doing), 221), 0), 1) === 88.8);
  c.holds('J046 contribution: 継続率 top', [2, 3, 4, 5].every((k) => m('cs_contribution_areas', k, g.doing) < m('cs_contribution_areas', 1, g.doing)));
  c.holds('J047 challenges: リソース/育成 lead', [3, 4, 5, 6, 7, 8].every((k) => m('cs_challenges', k, g.doing) < m('cs_challenges', 2, g.doing)));
  c.holds('J052 retention 90-100 about half', Math.abs(count(s, 'retention_rate_annual', 5, g.doing) / 221 - 0.5) <= 0.05);
  c.equal('J054 retention 60-70', count(s, 'retention_rate_annual', 2, g.doing), 6);
  c.equal('J055 retention <60', count(s, 'retention_rate_annual', 1, g.doing), 4);
  const values = (name: string) => g.doing.map((i) => cell(s, name, i) as number);
  c.equal('J053 NRR median class', medianClass(values('nrr_annual'), [1, 2, 3, 4, 5]), 3);
  c.equal('J048 ARR median class', medianClass(values('arr_annual'), [1, 2, 3, 4, 5, 6]), 3);
  c.holds('J049 ARR mode 1-5億', [1, 2, 4, 5, 6].every((k) => count(s, 'arr_annual', k, g.doing) < count(s, 'arr_annual', 3, g.doing)));
  c.equal('J051 ARPA median class', medianClass(values('arpa_annual'), [1, 2, 3, 4, 5]), 2);
  c.holds('J057 KPI: 継続率 top', [2, 3, 4, 5, 6, 7, 8, 9].every((k) => m('kpis_tracked', k, g.doing) < m('kpis_tracked', 1, g.doing)));
  c.equal('J059 onboarding', m('cs_initiatives', 1, g.doing), 176);
  c.holds('J060 effective: onboarding top', [2, 3, 4, 5, 6, 7, 8, 9].every((k) => m('effective_initiatives_1y', k, g.doing) < m('effective_initiatives_1y', 1, g.doing)));
  c.holds('J061 ineffective: upsell top', [1, 2, 3, 4, 5, 7, 8, 9].every((k) => m('ineffective_initiatives_1y', k, g.doing) < m('ineffective_initiatives_1y', 6, g.doing)));
  c.equal('J062 CS BPO', m('cs_services_used', 1, g.doing), 50);
  c.equal('J065 CS tool', m('cs_tools_used', 3, g.doing), 110);
  c.holds('J067 budget about half', Math.abs(count(s, 'non_personnel_budget', 1, g.doing) / 221 - 0.5) <= 0.05);
  const budget = where(s, 'non_personnel_budget', [1], g.doing);
  c.holds('J068 budget increased about 40%', Math.abs(count(s, 'budget_change_1y', 1, budget) / budget.length - 0.4) <= 0.05);
  c.holds('J070 tenure 5+ about 30%', Math.abs(count(s, 'respondent_cs_tenure', 4, g.doing) / 221 - 0.3) <= 0.05);
  c.equal('J071 income median class', medianClass(values('annual_income'), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 5);
  for (const [label, q, code, k] of [
    ['J072', 'annual_income', 10, 5], ['J073', 'annual_income', 2, 6], ['J076', 'annual_income', 1, 3],
    ['J074', 'annual_income_change_yoy', 4, 5], ['J075', 'annual_income_change_yoy', 99, 6], ['J077', 'annual_income_change_yoy', 5, 2],
  ] as const) c.equal(`${label} ${q}=${code}`, count(s, q, code, g.doing), k);
  return c.finish('jcsa/2025');
}
