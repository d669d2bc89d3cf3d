/**
 * The reports' words, not only their numbers: ranking claims ("オンボーディングが最多") and
 * approximate shares ("6割強", "約半数") hold in the sample data, recomputed through the engine.
 * One test per claim, named by its figure_id; the bounds of approximate claims come from the
 * inventory (value_low / value_high in tests/fixtures/figures.csv).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { readCatalog } from '../../../src/server/catalog.ts';
import { crosstab } from '../../../src/lib/stats/crosstab.ts';
import { ROOT } from '../../../scripts/generate-samples.ts';

interface FigureRow {
  figure_id: string;
  figure_kind: string;
  value_low: string;
  value_high: string;
}

/** How a claim is checked. */
type Claim =
  /** Percent of `key` lies within the inventory's [value_low, value_high] for every question listed. */
  | { range: { questions: string[]; key: string } }
  /** Each of `codes` is chosen more often than every other substantive option. */
  | { top: { question: string; codes: number[] } }
  /** `code` is at this position when options are sorted by count (1 = most chosen). */
  | { rank: { question: string; code: number; position: number } }
  /** Among the rows of a grid, `row` has the highest share of `code`, on every base given. */
  | { gridTop: { rows: string[]; row: string; code: number } };

interface ClaimSpec {
  wave: string;
  /** One or more universes; the claim must hold in each. */
  universes?: string[];
  claim: Claim;
}

const PRE_POST = ['sales', 'profit_margin', 'new_contracts', 'retention', 'upsell'].map((r) => `metric_change_pre_post__${r}`);
const MEASURES = ['onboarding', 'health_score', 'tech_touch', 'regular_meetings', 'upsell', 'churn_prevention', 'help_content', 'community'].map((r) => `cs_initiatives_effect__${r}`);

const CLAIMS: Record<string, ClaimSpec> = {
  J009: { wave: 'jcsa/2025', claim: { top: { question: 'industry_ict_detail', codes: [1, 2] } } },
  J010: { wave: 'jcsa/2025', universes: ['non_saas'], claim: { top: { question: 'revenue_size', codes: [4] } } },
  J011: { wave: 'jcsa/2025', universes: ['saas'], claim: { range: { questions: ['business_model'], key: '1' } } },
  J012: { wave: 'jcsa/2025', universes: ['channel_panel'], claim: { top: { question: 'department', codes: [2] } } },
  J013: { wave: 'jcsa/2025', universes: ['channel_sns'], claim: { top: { question: 'department', codes: [1] } } },
  J014: { wave: 'jcsa/2025', universes: ['non_saas'], claim: { top: { question: 'revenue_model', codes: [2, 3] } } },
  J027: { wave: 'jcsa/2025', universes: ['saas_doing_cs', 'saas_planning_cs'], claim: { top: { question: 'cs_purpose', codes: [1, 2] } } },
  J028: { wave: 'jcsa/2025', universes: ['saas_planning_cs'], claim: { top: { question: 'cs_purpose', codes: [1, 2, 3] } } },
  J029: { wave: 'jcsa/2025', claim: { top: { question: 'cs_planned_activities', codes: [1] } } },
  J034: { wave: 'jcsa/2025', claim: { top: { question: 'cs_executive_owner', codes: [4, 5] } } },
  J046: { wave: 'jcsa/2025', claim: { top: { question: 'cs_contribution_areas', codes: [1] } } },
  J047: { wave: 'jcsa/2025', claim: { top: { question: 'cs_challenges', codes: [1, 2] } } },
  J052: { wave: 'jcsa/2025', claim: { range: { questions: ['retention_rate_annual'], key: '5' } } },
  J057: { wave: 'jcsa/2025', claim: { top: { question: 'kpis_tracked', codes: [1] } } },
  J058: { wave: 'jcsa/2025', claim: { top: { question: 'cs_initiatives', codes: [1] } } },
  J060: { wave: 'jcsa/2025', claim: { top: { question: 'effective_initiatives_1y', codes: [1] } } },
  J061: { wave: 'jcsa/2025', claim: { top: { question: 'ineffective_initiatives_1y', codes: [6] } } },
  J066: { wave: 'jcsa/2025', claim: { range: { questions: ['cs_tools_used'], key: '3' } } },
  J067: { wave: 'jcsa/2025', claim: { range: { questions: ['non_personnel_budget'], key: '1' } } },
  J068: { wave: 'jcsa/2025', claim: { range: { questions: ['budget_change_1y'], key: '1' } } },
  J070: { wave: 'jcsa/2025', claim: { range: { questions: ['respondent_cs_tenure'], key: '4' } } },
  F006: { wave: 'fullstar/2023', claim: { gridTop: { rows: MEASURES, row: 'cs_initiatives_effect__onboarding', code: 1 } } },
  V005: { wave: 'virtualex/2023', universes: ['doing_cs'], claim: { range: { questions: ['new_customers_sales_change_1y__new_customers', 'new_customers_sales_change_1y__new_sales'], key: '1' } } },
  V006: { wave: 'virtualex/2023', universes: ['not_doing_cs'], claim: { range: { questions: ['new_customers_sales_change_1y__new_customers', 'new_customers_sales_change_1y__new_sales'], key: '1' } } },
  V007: { wave: 'virtualex/2023', claim: { range: { questions: ['metric_change_pre_post__sales', 'metric_change_pre_post__profit_margin'], key: '1' } } },
  V009: { wave: 'virtualex/2023', universes: ['effect_felt'], claim: { range: { questions: ['tool_usage'], key: '1' } } },
  V010: { wave: 'virtualex/2023', universes: ['effect_not_felt'], claim: { range: { questions: ['tool_usage'], key: '90' } } },
  V025: { wave: 'virtualex/2023', universes: ['effect_felt', 'effect_not_felt'], claim: { top: { question: 'phase_criteria', codes: [1] } } },
  V032: { wave: 'virtualex/2023', universes: ['effect_not_felt'], claim: { range: { questions: ['kpis_defined'], key: '90' } } },
  V033: { wave: 'virtualex/2023', universes: ['effect_not_felt'], claim: { top: { question: 'kpis_defined', codes: [2] } } },
  V036: { wave: 'virtualex/2023', universes: ['effect_felt'], claim: { range: { questions: PRE_POST.slice(1), key: '1' } } },
  V037: { wave: 'virtualex/2023', universes: ['effect_not_felt'], claim: { range: { questions: PRE_POST, key: '1' } } },
  V040: { wave: 'virtualex/2023', universes: ['touch_no'], claim: { range: { questions: ['tool_usage'], key: '90' } } },
  V043: { wave: 'virtualex/2023', universes: ['phase_no'], claim: { range: { questions: ['tool_usage'], key: '90' } } },
  V048: { wave: 'virtualex/2023', claim: { range: { questions: ['success_factors'], key: '1' } } },
  V049: { wave: 'virtualex/2023', claim: { rank: { question: 'success_factors', code: 2, position: 2 } } },
  V050: { wave: 'virtualex/2023', claim: { rank: { question: 'success_factors', code: 3, position: 3 } } },
  V051: { wave: 'virtualex/2023', claim: { rank: { question: 'success_factors', code: 4, position: 4 } } },
};

/** Claims not checked against the samples, and why. */
const NOT_CHECKED: Record<string, string> = {
  J042: 'Trend claim against 白書2023, which is not in the samples.',
  J050: 'Interpretive threshold (ARR 1億円 as a wall), not a distribution.',
  J069: 'Trend claim (CS BPO slightly rising since 白書2023), no earlier JCSA wave in the samples.',
  F007: 'External benchmark cited from Gainsight, not a survey result.',
  F008: 'External benchmark arithmetic, not a survey result.',
  X002: 'Approximate (80%超) with no base; not tabulated in virtualex/2024.',
  X006: 'Approximate (60%以上), probably a re-used 2023 figure; not tabulated in virtualex/2024.',
};

const figures = Papa.parse<FigureRow>(readFileSync(join(ROOT, 'tests/fixtures/figures.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
const byId = new Map(figures.map((f) => [f.figure_id, f]));
// Loaded before each test (not at module level) so that mutation testing can trace coverage to a test.
let catalog: ReturnType<typeof readCatalog>;
beforeEach(() => {
  catalog = readCatalog(join(ROOT, 'data'));
  if (!catalog.ok) throw new Error('data does not load');
});

function dataset(id: string) {
  const [survey, wave] = id.split('/');
  return catalog.ok ? catalog.value.get(survey, wave)!.dataset! : (null as never);
}

/** Substantive, non-exclusive option rows (no 特になし / わからない) with their counts, most chosen first. */
function ranked(wave: string, question: string, universe?: string) {
  const q = dataset(wave).questions.get(question);
  const exclusive = new Set(q && 'options' in q ? q.options.filter((o) => o.exclusive).map((o) => String(o.code)) : []);
  const t = crosstab(dataset(wave), { question, universe });
  return t.rows.filter((r) => r.kind === 'option' && !r.nonSubstantive && !exclusive.has(r.key)).map((r) => ({ code: Number(r.key), count: r.cells[0].count, p: r.cells[0].proportion })).sort((a, b) => b.count - a.count);
}

function check(id: string, spec: ClaimSpec): void {
  const figure = byId.get(id)!;
  for (const universe of spec.universes ?? [undefined]) {
    const c = spec.claim;
    const where = `${id} in ${universe ?? 'the question universe'}`;
    if ('range' in c) {
      const low = figure.value_low === '' ? -Infinity : Number(figure.value_low);
      const high = figure.value_high === '' ? Infinity : Number(figure.value_high);
      for (const question of c.range.questions) {
        const row = crosstab(dataset(spec.wave), { question, universe }).rows.find((r) => r.key === c.range.key)!;
        const pct = row.cells[0].proportion * 100;
        expect(pct, `${where}: ${question} ${c.range.key}`).toBeGreaterThanOrEqual(low);
        expect(pct, `${where}: ${question} ${c.range.key}`).toBeLessThanOrEqual(high);
      }
    } else if ('top' in c) {
      const rows = ranked(spec.wave, c.top.question, universe);
      const leaders = rows.filter((r) => c.top.codes.includes(r.code));
      const rest = rows.filter((r) => !c.top.codes.includes(r.code));
      expect(leaders.length, where).toBe(c.top.codes.length);
      for (const r of rest) expect(Math.min(...leaders.map((l) => l.count)), `${where}: beats option ${r.code}`).toBeGreaterThan(r.count);
    } else if ('rank' in c) {
      const rows = ranked(spec.wave, c.rank.question, universe);
      expect(rows.findIndex((r) => r.code === c.rank.code) + 1, where).toBe(c.rank.position);
      expect(rows[c.rank.position - 1].count, `${where}: no tie`).not.toBe(rows[c.rank.position]?.count);
    } else {
      const share = (row: string, implementedOnly: boolean) => {
        const t = crosstab(dataset(spec.wave), { question: row, filters: implementedOnly ? [{ q: row, in: [1, 2, 3] }] : [] });
        return t.rows.find((r) => r.key === String(c.gridTop.code))!.cells[0].proportion;
      };
      for (const implementedOnly of [false, true]) {
        const best = share(c.gridTop.row, implementedOnly);
        for (const row of c.gridTop.rows.filter((r) => r !== c.gridTop.row)) expect(best, `${where}: beats ${row}`).toBeGreaterThan(share(row, implementedOnly));
      }
    }
  }
}

describe('sample datasets agree with what the reports say in words', () => {
  it.each(Object.entries(CLAIMS).map(([id, spec]) => ({ id, spec })))('$id', ({ id, spec }) => {
    expect(byId.get(id), `${id} missing from the fixture`).toBeDefined();
    check(id, spec);
  });

  it('accounts for every ranking and approximate claim of the sample surveys', () => {
    const kinds = new Set(['rank_claim', 'approx', 'trend_claim', 'threshold_claim', 'external_benchmark']);
    const open = figures.filter((f) => kinds.has(f.figure_kind)).map((f) => f.figure_id).filter((id) => !(id in CLAIMS) && !(id in NOT_CHECKED));
    expect(open).toEqual([]);
  });
});
