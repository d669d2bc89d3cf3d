/**
 * The self-benchmark's published aggregates (`/data/benchmark.json`, built by
 * src/lib/benchmark/build.ts from the engine's tables): per metric the question, its classes and,
 * per segment, the base and the share of each class. No respondent rows, no hand-typed numbers.
 */

/** One class of a metric: a band of a banded question, a quartile class of a numeric one, or an answer. */
export interface BenchmarkClass {
  code: number;
  label: string;
  /** Inclusive lower bound; absent: open below (or not a numeric class). */
  lower?: number;
  /** Exclusive upper bound (inclusive for the top class when it is closed); absent: open above. */
  upper?: number;
}

/** A segment's figures for one metric. */
export interface BenchmarkSegment {
  /** `all`, `saas` or `size:<code>`. */
  id: string;
  label: string;
  /** Base below the suppression threshold, or withheld by the protected cube: no figures published. */
  suppressed: boolean;
  /** Substantive answers (non-substantive answers such as わからない left out); null when suppressed. */
  base: number | null;
  /** Base below the caution threshold (参考値). */
  caution: boolean;
  /** Share of each class (same order as the metric's classes, fractions summing to 1); null when suppressed. */
  shares: number[] | null;
  /** Non-substantive answers left out of the base, with their counts; null when suppressed. */
  excluded: { label: string; count: number }[] | null;
  /** The segment holds the same respondents as 全体 (the question was asked of it alone). */
  sameAsAll?: boolean;
}

/** The company-size segments of a metric: the survey's size question and one segment per class. */
export interface BenchmarkSizeSegments {
  question: string;
  label: string;
  unit: string;
  classes: BenchmarkClass[];
  /** One per class, same order. */
  segments: BenchmarkSegment[];
}

/** "Feels CS is effective" by the metric's answer (a nominal metric's companion table). */
export interface BenchmarkEffect {
  question: string;
  label: string;
  text: string;
  /** The answer whose share is shown. */
  optionLabel: string;
  /** One per class of the metric (same order), plus the total. */
  byClass: { code: number; base: number | null; share: number | null; suppressed: boolean; caution: boolean }[];
  total: { base: number | null; share: number | null; suppressed: boolean; caution: boolean };
}

export type BenchmarkScale = 'banded' | 'quartiles' | 'nominal' | 'ordinal';

export interface BenchmarkMetric {
  /** The metric's id and URL parameter (`churn`). */
  id: string;
  /** `number`: the reader types a value; `choice`: the reader picks a class. */
  input: 'number' | 'choice';
  /** How classes relate: ordered bands, quartile classes of a numeric question, or unordered answers. */
  scale: BenchmarkScale;
  survey: string;
  wave: string;
  surveyTitle: string;
  question: string;
  number?: string;
  label: string;
  text: string;
  unit: string;
  /** Numeric questions: answers are whole numbers. */
  integer?: boolean;
  universe: { id: string; label: string };
  citation: string;
  sourceUrl?: string;
  synthetic: boolean;
  /** Figures come from the protected cube (a `publish: aggregates` wave): perturbed counts. */
  protected: boolean;
  classes: BenchmarkClass[];
  all: BenchmarkSegment;
  /** null: the survey has no SaaS segment. */
  saas: BenchmarkSegment | null;
  /** null: the survey has no company-size question. */
  size: BenchmarkSizeSegments | null;
  effect?: BenchmarkEffect;
  /** Links: the question page and the explorer view. */
  questionUrl: string;
  explorerUrl: string;
}

export interface BenchmarkData {
  version: 1;
  /** Bases below this are suppressed. */
  suppressBase: number;
  /** Bases below this are 参考値. */
  cautionBase: number;
  metrics: BenchmarkMetric[];
}
