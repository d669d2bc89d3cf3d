/**
 * How each published figure (tests/fixtures/figures.csv, copied from the inventory) is recomputed
 * from the sample datasets, and which figures are deliberately not reproduced, with the reason.
 * The same reasons are written in the codebooks' survey notes.
 */
import type { Filter } from '../../../src/lib/dataset/codebook.ts';

/** What to read off the engine's table. */
export type Measure =
  /** Percent of one option (or net) in the total column, rounded half-up to the printed digits. */
  | { percent: number | string }
  /** Sum of the rounded percents of several options (how the report printed top-box shares). */
  | { sumOfRounded: number[] }
  /** Respondent count of one option. */
  | { count: number }
  /** Question base n (respondents routed to it within the universe). */
  | { base: true }
  /** Rows of the dataset. */
  | { rows: true }
  /** Mean of a banded (class values) or numeric question. */
  | { mean: true }
  /** Median class of a banded question: the option whose class holds the N/2-th case. */
  | { medianClass: number }
  /** Modal class: the option with the largest count. */
  | { modeClass: number }
  /** Published table value of a tables wave. */
  | { table: { segment: string; option: number } }
  /** Percentage-point change: this wave's rounded percent minus the earlier wave's published table value. */
  | { change: { option: number; previousWave: string; segment: string } };

export interface FigureSpec {
  /** `survey/wave` of the dataset. */
  wave: string;
  /** Question, grid row (`q__row`) or derived variable. */
  question: string;
  universe?: string;
  filters?: Filter[];
  measure: Measure;
}

export const SPECS: Record<string, FigureSpec> = {
  // ---- jcsa/2025
  J001: { wave: 'jcsa/2025', question: 'response_channel', measure: { rows: true } },
  J002: { wave: 'jcsa/2025', question: 'response_channel', measure: { percent: 1 } },
  J003: { wave: 'jcsa/2025', question: 'response_channel', measure: { percent: 2 } },
  J004: { wave: 'jcsa/2025', question: 'industry', measure: { percent: 1 } },
  J005: { wave: 'jcsa/2025', question: 'revenue_model', universe: 'saas', measure: { percent: 1 } },
  J006: { wave: 'jcsa/2025', question: 'revenue_model', universe: 'non_saas', measure: { percent: 1 } },
  J007: { wave: 'jcsa/2025', question: 'department', universe: 'saas', measure: { percent: 1 } },
  J008: { wave: 'jcsa/2025', question: 'department', universe: 'non_saas', measure: { percent: 2 } },
  J015: { wave: 'jcsa/2025', question: 'cs_status', measure: { percent: 1 } },
  J016: { wave: 'jcsa/2025', question: 'cs_status', measure: { count: 3 } },
  J017: { wave: 'jcsa/2025', question: 'cs_status', measure: { percent: 3 } },
  J018: { wave: 'jcsa/2025', question: 'cs_status', measure: { count: 99 } },
  J019: { wave: 'jcsa/2025', question: 'cs_status', measure: { percent: 99 } },
  J020: { wave: 'jcsa/2025', question: 'cs_start_timing', measure: { percent: 1 } },
  J021: { wave: 'jcsa/2025', question: 'cs_not_doing_reasons', measure: { base: true } },
  J022: { wave: 'jcsa/2025', question: 'org_issues_not_doing', measure: { base: true } },
  J023: { wave: 'jcsa/2025', question: 'org_issues_not_doing', measure: { percent: 1 } },
  J024: { wave: 'jcsa/2025', question: 'org_issues_not_doing', measure: { percent: 3 } },
  J025: { wave: 'jcsa/2025', question: 'would_start_if_solved', measure: { percent: 1 } },
  J026: { wave: 'jcsa/2025', question: 'would_start_if_solved', measure: { percent: 99 } },
  J030: { wave: 'jcsa/2025', question: 'cs_customer_count', measure: { percent: 5 } },
  J031: { wave: 'jcsa/2025', question: 'cs_product_count', measure: { percent: 4 } },
  J032: { wave: 'jcsa/2025', question: 'cs_support_department_headcount', measure: { percent: 5 } },
  J033: { wave: 'jcsa/2025', question: 'cs_executive_owner', measure: { percent: 1 } },
  J035: { wave: 'jcsa/2025', question: 'cs_executive_owner', measure: { percent: 2 } },
  J036: { wave: 'jcsa/2025', question: 'cs_penetration', measure: { sumOfRounded: [5, 4] } },
  J037: { wave: 'jcsa/2025', question: 'management_understanding', measure: { percent: 'net:top2' } },
  J038: { wave: 'jcsa/2025', question: 'management_understanding', measure: { percent: 2 } },
  J039: { wave: 'jcsa/2025', question: 'management_understanding', measure: { percent: 1 } },
  J040: { wave: 'jcsa/2025', question: 'cs_penetration', measure: { percent: 1 } },
  J041: { wave: 'jcsa/2025', question: 'cs_effect', measure: { sumOfRounded: [6, 5, 4] } },
  J043: { wave: 'jcsa/2025', question: 'cs_awareness_change_1y', measure: { percent: 2 } },
  J044: { wave: 'jcsa/2025', question: 'cs_effect', measure: { percent: 2 } },
  J045: { wave: 'jcsa/2025', question: 'cs_effect', measure: { percent: 1 } },
  J048: { wave: 'jcsa/2025', question: 'arr_annual', measure: { medianClass: 3 } },
  J049: { wave: 'jcsa/2025', question: 'arr_annual', measure: { modeClass: 3 } },
  J051: { wave: 'jcsa/2025', question: 'arpa_annual', measure: { medianClass: 2 } },
  J053: { wave: 'jcsa/2025', question: 'nrr_annual', measure: { medianClass: 3 } },
  J054: { wave: 'jcsa/2025', question: 'retention_rate_annual', measure: { percent: 2 } },
  J055: { wave: 'jcsa/2025', question: 'retention_rate_annual', measure: { percent: 1 } },
  J059: { wave: 'jcsa/2025', question: 'cs_initiatives', measure: { percent: 1 } },
  J062: { wave: 'jcsa/2025', question: 'cs_services_used', measure: { percent: 1 } },
  J065: { wave: 'jcsa/2025', question: 'cs_tools_used', measure: { percent: 3 } },
  J071: { wave: 'jcsa/2025', question: 'annual_income', measure: { medianClass: 5 } },
  J072: { wave: 'jcsa/2025', question: 'annual_income', measure: { percent: 10 } },
  J073: { wave: 'jcsa/2025', question: 'annual_income', measure: { percent: 2 } },
  J074: { wave: 'jcsa/2025', question: 'annual_income_change_yoy', measure: { percent: 4 } },
  J075: { wave: 'jcsa/2025', question: 'annual_income_change_yoy', measure: { percent: 99 } },
  J076: { wave: 'jcsa/2025', question: 'annual_income', measure: { percent: 1 } },
  J077: { wave: 'jcsa/2025', question: 'annual_income_change_yoy', measure: { percent: 5 } },
  // ---- fullstar/2023
  F001: { wave: 'fullstar/2023', question: 'role', measure: { rows: true } },
  F002: { wave: 'fullstar/2023', question: 'monthly_churn', measure: { base: true } },
  F003: { wave: 'fullstar/2023', question: 'monthly_churn', measure: { mean: true } },
  F004: { wave: 'fullstar/2023', question: 'csm_accounts_per_person', measure: { base: true } },
  F005: { wave: 'fullstar/2023', question: 'csm_accounts_per_person', measure: { mean: true } },
  // ---- virtualex/2023 (and the 2022 / 2024 published tables)
  V002: { wave: 'virtualex/2023', question: 'cs_engagement', measure: { count: 1 } },
  V003: { wave: 'virtualex/2023', question: 'cs_engagement', measure: { count: 2 } },
  V008: { wave: 'virtualex/2023', question: 'cs_effect_felt', measure: { count: 1 } },
  V011: { wave: 'virtualex/2023', question: 'touch_model', universe: 'effect_felt', measure: { percent: 1 } },
  V012: { wave: 'virtualex/2022', question: 'touch_model', universe: 'effect_felt', measure: { table: { segment: 'total', option: 1 } } },
  V013: { wave: 'virtualex/2023', question: 'touch_model', universe: 'effect_felt', measure: { change: { option: 1, previousWave: 'virtualex/2022', segment: 'total' } } },
  V014: { wave: 'virtualex/2023', question: 'touch_model', universe: 'effect_not_felt', measure: { percent: 1 } },
  V015: { wave: 'virtualex/2023', question: 'success_roadmap_rules', universe: 'effect_felt', measure: { percent: 1 } },
  V017: { wave: 'virtualex/2023', question: 'success_roadmap_rules', universe: 'effect_not_felt', measure: { percent: 1 } },
  V018: { wave: 'virtualex/2023', question: 'success_roadmap_rules', universe: 'effect_not_felt', measure: { change: { option: 1, previousWave: 'virtualex/2022', segment: 'total' } } },
  V019: { wave: 'virtualex/2023', question: 'phase_criteria', universe: 'effect_felt', measure: { base: true } },
  V020: { wave: 'virtualex/2023', question: 'phase_criteria', universe: 'effect_felt', measure: { percent: 1 } },
  V021: { wave: 'virtualex/2023', question: 'phase_criteria', universe: 'effect_not_felt', measure: { base: true } },
  V022: { wave: 'virtualex/2023', question: 'phase_criteria', universe: 'effect_not_felt', measure: { percent: 1 } },
  V023: { wave: 'virtualex/2023', question: 'phase_criteria', universe: 'effect_felt', measure: { percent: 2 } },
  V024: { wave: 'virtualex/2023', question: 'phase_criteria', universe: 'effect_not_felt', measure: { percent: 2 } },
  V026: { wave: 'virtualex/2023', question: 'kpis_defined', universe: 'effect_felt', measure: { percent: 1 } },
  V027: { wave: 'virtualex/2023', question: 'kpis_defined', universe: 'effect_felt', measure: { change: { option: 1, previousWave: 'virtualex/2022', segment: 'total' } } },
  V028: { wave: 'virtualex/2023', question: 'kpis_defined', universe: 'effect_felt', measure: { percent: 2 } },
  V029: { wave: 'virtualex/2023', question: 'kpis_defined', universe: 'effect_felt', measure: { change: { option: 2, previousWave: 'virtualex/2022', segment: 'total' } } },
  V030: { wave: 'virtualex/2023', question: 'kpis_defined', universe: 'effect_felt', measure: { percent: 3 } },
  V031: { wave: 'virtualex/2023', question: 'kpis_defined', universe: 'effect_felt', measure: { change: { option: 3, previousWave: 'virtualex/2022', segment: 'total' } } },
  V034: { wave: 'virtualex/2023', question: 'metric_change_pre_post__sales', universe: 'effect_felt', measure: { percent: 1 } },
  V035: { wave: 'virtualex/2023', question: 'metric_change_pre_post__sales', universe: 'effect_felt', measure: { change: { option: 1, previousWave: 'virtualex/2022', segment: 'total' } } },
  V038: { wave: 'virtualex/2023', question: 'tool_usage', universe: 'touch_yes', measure: { base: true } },
  V039: { wave: 'virtualex/2023', question: 'tool_usage', universe: 'touch_no', measure: { base: true } },
  V041: { wave: 'virtualex/2023', question: 'tool_usage', universe: 'phase_yes', measure: { base: true } },
  V042: { wave: 'virtualex/2023', question: 'tool_usage', universe: 'phase_no', measure: { base: true } },
  V044: { wave: 'virtualex/2023', question: 'effective_practices', measure: { percent: 1 } },
  V045: { wave: 'virtualex/2023', question: 'effective_practices', measure: { percent: 2 } },
  V046: { wave: 'virtualex/2023', question: 'effective_practices', measure: { percent: 3 } },
  V047: { wave: 'virtualex/2023', question: 'effective_practices', measure: { base: true } },
  V052: { wave: 'virtualex/2023', question: 'success_factors', measure: { base: true } },
  X001: { wave: 'virtualex/2024', question: 'cs_effect_felt', universe: 'doing_cs', measure: { table: { segment: 'total', option: 1 } } },
  X004: { wave: 'virtualex/2024', question: 'metric_change_pre_post__sales', universe: 'doing_cs', measure: { table: { segment: 'total', option: 1 } } },
  X005: { wave: 'virtualex/2024', question: 'metric_change_pre_post__profit_margin', universe: 'doing_cs', measure: { table: { segment: 'total', option: 1 } } },
};

/** Figures of the reproduced kinds that are deliberately not reproduced, and why. */
export const NOT_REPRODUCED: Record<string, string> = {
  J056: 'NRR page label 2.5%: no k/221 or k/257 prints 2.5%; the chart evidently used an unstated reduced base.',
  J063: 'BPO 18% (chapter-5 commentary) contradicts the chart headline 22.6% (J062) on the same base; 22.6% is reproduced.',
  J064: 'CRM 61.9%: no k/221 prints 61.9% (136 → 61.5%, 137 → 62.0%); the sample has 137 (62.0%).',
  V001: 'Screening pool 24,061 is not part of the 1,000-respondent sample (and conflicts with 29,237, V004).',
  V004: 'Screening pool 29,237 is not part of the 1,000-respondent sample (and conflicts with 24,061, V001).',
  V016: 'Trial phase split 32.3%: unattainable on 276 (89 → 32.2%, 90 → 32.6%); 92 (33.3%) makes the later base 224 = 132 + 92 hold.',
  X003: 'SaaS/subscription "results felt" 66.7%: base unknown (2/3 of a small base); the tables loader needs a base, so it is not tabulated.',
  X007: 'Touch-model builders feeling the effect 44.3%: contradicts the 2023 data (120/136 = 88%); probable misreading in the article.',
  X008: 'Non-builders feeling the effect 41.8%: see X007.',
};

/** Kinds of figures the samples must reproduce (others are rank, trend and approximate claims). */
export const REPRODUCED_KINDS = new Set(['percent', 'count', 'mean', 'median', 'base_n', 'median_band', 'pp_change']);
