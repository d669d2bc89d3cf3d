/**
 * fullstar/2023 — Fullstar カスタマーサクセス実態調査 第1弾（2023年版）(200 respondents).
 *
 * Published: n = 200 (F001/F002), mean monthly churn 2.84% (F003), CSM accounts per person
 * mean 97 on a base of 114 (F004/F005), onboarding improvement the most effective measure (F006).
 * Designed: higher price band → lower churn; CS-tool adopters → lower churn and more
 * "effective" answers on every measure; lower price band → more accounts per CSM.
 */
import type { Rng } from './prng.ts';
import { assignNumbers, assignSingle, cell, count, createSample, everyone, where, type Plan, type Sample } from './sample.ts';
import { makeChecks, roundHalfUp } from './checks.ts';

export const N = 200;

/** Class values of the churn bands (midpoints; 12.5 for 10%以上), as in the codebook. */
const CHURN_VALUE: Record<number, number> = { 1: 0.5, 2: 1.5, 3: 2.5, 4: 4, 5: 7.5, 6: 12.5 };

/** Effect grid rows with [効果があった, やや効果があった, 効果はなかった, 実施していない] counts of 200. */
const MEASURES: Array<[row: string, plan: [number, number, number, number]]> = [
  ['onboarding', [72, 58, 16, 54]],
  ['health_score', [46, 52, 20, 82]],
  ['tech_touch', [50, 48, 22, 80]],
  ['regular_meetings', [55, 60, 25, 60]],
  ['upsell', [30, 45, 38, 87]],
  ['churn_prevention', [48, 55, 24, 73]],
  ['help_content', [40, 62, 30, 68]],
  ['community', [22, 35, 26, 117]],
];

/** Integer values with an exact total: scale, round, then move the residual one unit at a time. */
function exactTotal(values: number[], total: number): number[] {
  const sum = values.reduce((a, b) => a + b, 0);
  const out = values.map((v) => Math.max(1, Math.round((v * total) / sum)));
  let residual = total - out.reduce((a, b) => a + b, 0);
  const order = out.map((v, k) => ({ v, k })).sort((a, b) => b.v - a.v || a.k - b.k);
  for (let j = 0; residual !== 0; j++) {
    const k = order[j % order.length].k;
    if (residual > 0) (out[k]++, residual--);
    else if (out[k] > 1) (out[k]--, residual++);
  }
  return out;
}

export function buildFullstar(rng: Rng): { sample: Sample; checks: number } {
  const s = createSample(N);
  const all = everyone(s);
  const flat = () => 0;

  const rp = rng.fork('profile');
  assignSingle(s, 'role', all, [[1, 120], [2, 80]], flat, rp);
  assignSingle(s, 'employee_size', all, [[4, 55], [3, 45], [2, 50], [1, 50]], flat, rp);
  const size = (i: number) => cell(s, 'employee_size', i) as number;
  assignSingle(s, 'cs_tool_adoption', all, [[1, 78], [99, 18], [2, 104]], (i) => 0.5 * size(i), rp, 1);
  const tool = (i: number) => (cell(s, 'cs_tool_adoption', i) === 1 ? 1 : 0);

  // Churn (F002/F003): 12 don't know; 188 answers whose class-value mean is 534 / 188 = 2.8404.
  const rc = rng.fork('churn');
  assignSingle(s, 'service_price_band', all, [[5, 22], [4, 34], [3, 44], [2, 62], [1, 38]], (i) => 0.4 * size(i), rc, 1);
  const price = (i: number) => cell(s, 'service_price_band', i) as number;
  const dontKnow = all.filter((i) => tool(i) === 0 && cell(s, 'role', i) === 2).slice(0, 12);
  assignSingle(s, 'monthly_churn', dontKnow, [[99, 12]], flat, rc);
  const churnPlan: Plan = [[1, 50], [2, 46], [3, 35], [4, 30], [5, 21], [6, 6]];
  assignSingle(s, 'monthly_churn', all.filter((i) => !dontKnow.includes(i)), churnPlan, (i) => 0.5 * price(i) + 0.8 * tool(i), rc, 1);

  // Accounts per CSM (F004/F005): 114 respondents, total 11,058 accounts (mean exactly 97).
  const ra = rng.fork('accounts');
  assignSingle(s, 'company_has_cs_role', all, [[1, 114], [99, 16], [2, 70]], (i) => (cell(s, 'role', i) === 1 ? 1 : 0) + 0.3 * size(i), ra, 0.8);
  const withRole = where(s, 'company_has_cs_role', [1]);
  const raw = withRole.map((i) => Math.exp(Math.log(60) + 0.75 * ra.normal() - 0.25 * (price(i) - 3)));
  const accounts = exactTotal(raw, 97 * withRole.length);
  const byIndex = new Map(withRole.map((i, k) => [i, accounts[k]]));
  assignNumbers(s, 'csm_accounts_per_person', withRole, (i) => byIndex.get(i)!);

  // Measures × effect (F006): onboarding first on every reading; tool adopters rate higher.
  const rm = rng.fork('measures');
  for (const [row, [effective, somewhat, none, notDone]] of MEASURES) {
    assignSingle(s, `cs_initiatives_effect__${row}`, all, [[1, effective], [2, somewhat], [3, none], [4, notDone]], (i) => 0.9 * tool(i), rm, 1);
  }

  return { sample: s, checks: checkFullstar(s) };
}

function checkFullstar(s: Sample): number {
  const c = makeChecks();
  const all = everyone(s);
  c.equal('F001 n', s.n, 200);
  const churn = all.map((i) => cell(s, 'monthly_churn', i) as number);
  c.equal('F002 churn base', churn.filter((v) => v !== null).length, 200);
  const valid = churn.filter((v) => v in CHURN_VALUE);
  c.holds('F003 mean churn 2.84', roundHalfUp(valid.reduce((a, v) => a + CHURN_VALUE[v], 0) / valid.length, 2) === 2.84);
  const accounts = all.map((i) => cell(s, 'csm_accounts_per_person', i)).filter((v): v is number => typeof v === 'number');
  c.equal('F004 accounts base', accounts.length, 114);
  c.holds('F005 mean accounts 97', roundHalfUp(accounts.reduce((a, b) => a + b, 0) / accounts.length, 0) === 97);
  const share = (row: string, codes: number[], among: number[]) => codes.reduce((a, k) => a + count(s, `cs_initiatives_effect__${row}`, k, among), 0) / among.length;
  for (const [row] of MEASURES.slice(1)) {
    c.holds(`F006 onboarding beats ${row} (効果があった)`, share('onboarding', [1], all) > share(row, [1], all));
    c.holds(`F006 onboarding beats ${row} (効果あり計)`, share('onboarding', [1, 2], all) > share(row, [1, 2], all));
    const implementedOn = all.filter((i) => cell(s, 'cs_initiatives_effect__onboarding', i) !== 4);
    const implemented = all.filter((i) => cell(s, `cs_initiatives_effect__${row}`, i) !== 4);
    c.holds(`F006 onboarding beats ${row} (実施者中)`, share('onboarding', [1], implementedOn) > share(row, [1], implemented));
  }
  const adopters = where(s, 'cs_tool_adoption', [1]);
  const others = where(s, 'cs_tool_adoption', [2]);
  for (const [row] of MEASURES) c.holds(`designed: tool adopters more effective on ${row}`, share(row, [1], adopters) > share(row, [1], others));
  const meanChurn = (group: number[]) => {
    const v = group.map((i) => cell(s, 'monthly_churn', i) as number).filter((x) => x in CHURN_VALUE);
    return v.reduce((a, x) => a + CHURN_VALUE[x], 0) / v.length;
  };
  c.holds('designed: tool adopters lower churn', meanChurn(adopters) < meanChurn(others));
  return c.finish('fullstar/2023');
}
