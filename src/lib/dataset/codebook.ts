/**
 * The codebook: one YAML file per survey wave (`data/<survey>/<wave>/codebook.yaml`).
 *
 * This module holds only the zod schemas; every TypeScript type is inferred from them
 * (`z.infer`), so editors' hover help and the engine's types can never drift apart.
 * Cross-references (universes, derived variables, chapters, crosswalk) are checked by
 * `validate-codebook.ts`, not here: a schema checks one value's shape.
 */
import { z } from 'zod';
import { ID_MAX_LENGTH, ID_PATTERN, LABEL_MAX_LENGTH, TEXT_MAX_LENGTH, URL_MAX_LENGTH, WAVE_ID_MAX_LENGTH, WAVE_ID_PATTERN } from './limits.ts';

/** Identifiers used in URLs, CSV column names and MDX props: lower snake case. */
export const Id = z
  .string()
  .max(ID_MAX_LENGTH)
  .regex(ID_PATTERN, { error: 'expected an id in lower snake case (a-z, 0-9, _), starting with a letter' })
  .refine((s) => !s.includes('__'), { error: 'an id may not contain "__" (it separates question and option in column names)' });

/**
 * A web address shown as a link: `http:` or `https:` only. `javascript:` or `data:` would run
 * script or load content when a reader clicks it; every URL field of the codebook uses this.
 */
export const HttpUrl = z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// address' }).max(URL_MAX_LENGTH);

/** Wave ids (`2025`): the second URL segment and a folder name. */
const WaveId = z.string().max(WAVE_ID_MAX_LENGTH).regex(WAVE_ID_PATTERN, { error: 'expected a wave id such as 2025' });

/** One-line text: labels, titles, units (limits.ts: what charts, menus and pages can show). */
const Label = z.string().min(1).max(LABEL_MAX_LENGTH);
/** Sentences: wording, descriptions, notes. */
const Text = z.string().min(1).max(TEXT_MAX_LENGTH);
/** A reference to a variable (question, `question__row`, derived); resolved by validate-codebook.ts. */
const VariableRef = z.string().max(ID_MAX_LENGTH);

/** A calendar date written as YYYY-MM-DD (YAML may also give a Date). */
const IsoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD' }),
);

// ---------------------------------------------------------------------------------------------
// Filters: structured, never a string language. Used by universes, derived variables and the
// engine's ad-hoc filters alike.

export type Filter =
  | { all: Filter[] }
  | { any: Filter[] }
  | { not: Filter }
  | { universe: string }
  | { q: string; in: number[] }
  | { q: string; includesAny: number[] }
  | { q: string; includesAll: number[] }
  | { q: string; range: { min?: number; max?: number } }
  | { q: string; answered: boolean };

export const Filter: z.ZodType<Filter> = z.lazy(() =>
  z.union([
    /** Every condition holds (AND). */
    z.strictObject({ all: z.array(Filter).min(1) }),
    /** At least one condition holds (OR). */
    z.strictObject({ any: z.array(Filter).min(1) }),
    /** The condition does not hold. */
    z.strictObject({ not: Filter }),
    /** Respondent belongs to a named universe. */
    z.strictObject({ universe: Id }),
    /** Single-answer, ordinal, banded or derived question: answer code is one of these. */
    z.strictObject({ q: VariableRef, in: z.array(z.number().int()).min(1) }),
    /** Multi-answer question: at least one of these options chosen. */
    z.strictObject({ q: VariableRef, includesAny: z.array(z.number().int()).min(1) }),
    /** Multi-answer question: every one of these options chosen. */
    z.strictObject({ q: VariableRef, includesAll: z.array(z.number().int()).min(1) }),
    /** Numeric question: value within [min, max] (either bound optional, both inclusive). */
    z.strictObject({ q: VariableRef, range: z.strictObject({ min: z.number().optional(), max: z.number().optional() }) }),
    /** The question has (or has not) an answer. */
    z.strictObject({ q: VariableRef, answered: z.boolean() }),
  ]),
);

// ---------------------------------------------------------------------------------------------
// English labels (optional). The Japanese fields stay the source of truth; an `en:` object gives
// the English site (`/en/…`) its wording. Same limits as the Japanese fields (limits.ts), always
// rendered as text. A field left out falls back to the Japanese, marked as such on the page
// (src/lib/i18n/labels.ts).

/** English short label (options, nets, grid rows, headline captions). */
export const EnLabel = z.strictObject({ label: Label, short: Label.optional() });
export type EnLabel = z.infer<typeof EnLabel>;

// ---------------------------------------------------------------------------------------------
// Options

export const Option = z.strictObject({
  /** Code as delivered in the CSV (single answer) or used in the column name (multi answer). */
  code: z.number().int().min(0).max(9999),
  /** Label shown on charts and tables. Rendered as text, never as HTML. */
  label: Label,
  /** Shorter label for narrow charts. */
  short: Label.optional(),
  /** Display order (default: order in the list). */
  order: z.number().optional(),
  /** Banded questions: lower bound of the class (inclusive). */
  lower: z.number().optional(),
  /** Banded questions: upper bound of the class (exclusive); absent on the open top band. */
  upper: z.number().optional(),
  /** Banded: value used for the mean (overrides the midpoint; set it for an open top band if known). */
  value: z.number().optional(),
  /** Ordinal / Likert: score used for means and diverging charts (e.g. -2..2, or 0..10 for NPS). */
  score: z.number().optional(),
  /** Multi answer: this option cannot be combined with any other ("特になし", "わからない"). */
  exclusive: z.boolean().optional(),
  /** "わからない", "無回答" …: shown, but left out of means, nets' bases and valid percentages. */
  nonSubstantive: z.boolean().optional(),
  /** English label (and short label) for the English site. */
  en: EnLabel.optional(),
});
export type Option = z.infer<typeof Option>;

/** A net (top-2-box etc.): codes of the same question combined. */
export const Net = z.strictObject({
  /** Id used in MDX (`<Stat q="x" net="top2" />`) and URLs. */
  id: Id,
  label: Label,
  /** Member option codes. Single answer: categories are added; multi answer: "chose at least one". */
  codes: z.array(z.number().int()).min(1),
  en: EnLabel.optional(),
});
export type Net = z.infer<typeof Net>;

/** A grid row: its own single-answer variable on the grid's scale (column `<question>__<row>`). */
export const GridRow = z.strictObject({
  id: Id,
  label: Label,
  /** Conditional rows ("effective among implemented") get their own universe. */
  universe: Id.optional(),
  en: EnLabel.optional(),
});
export type GridRow = z.infer<typeof GridRow>;

// ---------------------------------------------------------------------------------------------
// Questions

/** A question's (or derived variable's) English wording, short label, unit and notes. */
export const EnQuestion = z.strictObject({
  label: Label,
  text: Text.optional(),
  /** Banded / numeric: the unit in English ("employees", "%"). */
  unit: z.string().max(LABEL_MAX_LENGTH).optional(),
  notes: z.array(z.string().max(TEXT_MAX_LENGTH)).optional(),
});
export type EnQuestion = z.infer<typeof EnQuestion>;

const QuestionBase = {
  /** Stable across waves: the crosswalk maps old ids to this one. */
  id: Id,
  /** Question number as printed on the questionnaire (Q3, SQ1 …). */
  number: Label.optional(),
  /** Full wording shown above every chart. */
  text: Text,
  /** Short label for menus, banners and chart titles. */
  label: Label,
  /** Named universe of respondents routed to the question (default `all`). */
  universe: Id.default('all'),
  /** `restricted` questions never reach the public site or the public-use files. */
  publication: z.enum(['public', 'restricted']).default('public'),
  /** Blank answers inside the universe are allowed and shown as 無回答; otherwise a blank is an error. */
  optional: z.boolean().default(false),
  /** The wording was reconstructed from a chart title, not taken from the questionnaire. */
  reconstructed: z.boolean().default(false),
  /** Chapter this question belongs to (for navigation), if any. */
  chapter: Id.optional(),
  /** Notes shown under the chart (definitions, caveats). */
  notes: z.array(z.string().max(TEXT_MAX_LENGTH)).default([]),
  /** Where the published figures for this question come from (page, figure number). */
  source: z.string().max(TEXT_MAX_LENGTH).optional(),
  /** English label, wording, unit and notes for the English site. */
  en: EnQuestion.optional(),
};

export const SingleQuestion = z.strictObject({
  ...QuestionBase,
  type: z.literal('single'),
  options: z.array(Option).min(1),
  nets: z.array(Net).default([]),
});
export const OrdinalQuestion = z.strictObject({
  ...QuestionBase,
  type: z.literal('ordinal'),
  /** Options from lowest to highest; `score` drives diverging charts and means. */
  options: z.array(Option).min(2),
  nets: z.array(Net).default([]),
  /** Option codes at the middle of a Likert scale (drawn centred in diverging charts). */
  neutral: z.array(z.number().int()).default([]),
});
export const MultiQuestion = z.strictObject({
  ...QuestionBase,
  type: z.literal('multi'),
  options: z.array(Option).min(1),
  nets: z.array(Net).default([]),
  /** Maximum number of options a respondent may choose ("3つまで"). */
  maxChoices: z.number().int().positive().optional(),
});
export const BandedQuestion = z.strictObject({
  ...QuestionBase,
  type: z.literal('banded'),
  /** Unit of the bounds ("%", "億円", "人"). */
  unit: z.string().max(LABEL_MAX_LENGTH),
  /** Classes from lowest to highest, each with lower/upper; non-substantive options without bounds. */
  options: z.array(Option).min(1),
  nets: z.array(Net).default([]),
});
export const NumericQuestion = z.strictObject({
  ...QuestionBase,
  type: z.literal('numeric'),
  unit: z.string().max(LABEL_MAX_LENGTH),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().default(false),
});
export const GridQuestion = z.strictObject({
  ...QuestionBase,
  type: z.literal('grid'),
  rows: z.array(GridRow).min(1),
  /** The scale every row is answered on. */
  options: z.array(Option).min(1),
  nets: z.array(Net).default([]),
});
export const TextQuestion = z.strictObject({
  ...QuestionBase,
  type: z.literal('text'),
  /** Free text is never public. */
  publication: z.literal('restricted').default('restricted'),
});

export const Question = z.discriminatedUnion('type', [
  SingleQuestion,
  OrdinalQuestion,
  MultiQuestion,
  BandedQuestion,
  NumericQuestion,
  GridQuestion,
  TextQuestion,
]);
export type Question = z.infer<typeof Question>;
export type QuestionType = Question['type'];
/** Questions whose answer is one code per respondent. */
export type CodedQuestion = Extract<Question, { type: 'single' | 'ordinal' | 'banded' }>;

// ---------------------------------------------------------------------------------------------
// Derived variables and universes

/** A single-answer variable computed from other answers: first matching rule wins. */
export const Derived = z.strictObject({
  id: Id,
  label: Label,
  text: z.string().max(TEXT_MAX_LENGTH).optional(),
  options: z.array(Option).min(1),
  rules: z.array(z.strictObject({ code: z.number().int(), when: Filter })).min(1),
  /** Code for respondents matching no rule; absent = missing. */
  otherwise: z.number().int().optional(),
  /**
   * The respondents the variable describes (its base). Left out: the one universe its rules imply
   * (derived-universe.ts), else `all`; `readCodebook` fills it in.
   */
  universe: Id.optional(),
  /**
   * Left out: inferred — `restricted` when any input (question, derived variable, universe its rules
   * read, transitively) is restricted, else `public` (`readCodebook` fills it in). `public` on a
   * variable that reads restricted data is a validation error.
   */
  publication: z.enum(['public', 'restricted']).optional(),
  en: EnQuestion.optional(),
});
export type Derived = z.infer<typeof Derived>;

/** A named base ("SaaS and doing CS"). `all` always exists and need not be declared. */
export const Universe = z.strictObject({
  id: Id,
  label: Label,
  /** Plain-language definition shown on charts. */
  description: z.string().max(TEXT_MAX_LENGTH).optional(),
  filter: Filter,
  /** English label and definition. */
  en: z.strictObject({ label: Label, description: Text.optional() }).optional(),
});
export type Universe = z.infer<typeof Universe>;

export const Chapter = z.strictObject({
  id: Id,
  /** Chapter number as printed ("1", "付録"). */
  number: Label.optional(),
  title: Label,
  universe: Id.default('all'),
  /**
   * English title and summary: the English report cover lists the chapter with them (the chapter
   * itself stays Japanese and is marked so).
   */
  en: z.strictObject({ title: Label, number: Label.optional(), summary: Text.optional() }).optional(),
});
export type Chapter = z.infer<typeof Chapter>;

/**
 * How this wave links to the earlier one (crosswalk.ts, `crosswalkLink`): a question with the same
 * id there links by default, with the same codes; `questions` lists only renames and recodes,
 * `breaks` the questions whose trend deliberately stops here.
 */
export const Crosswalk = z.strictObject({
  /** Wave id of the earlier wave of the same survey. */
  wave: WaveId,
  questions: z
    .array(
      z.strictObject({
        /** Question id in this wave. */
        question: VariableRef,
        /** Question id in the earlier wave (default: the same id). */
        previous: VariableRef.optional(),
        /** Option code here → option code there (default: same codes). */
        options: z.record(z.string(), z.number().int()).optional(),
      }),
    )
    .default([]),
  /** Question ids of this wave not linked to the earlier wave's question of the same id. */
  breaks: z.array(VariableRef).default([]),
});
export type Crosswalk = z.infer<typeof Crosswalk>;

// ---------------------------------------------------------------------------------------------
// Headline figures

/**
 * A headline figure for the home page and the report cover: computed by the engine exactly like
 * `<Stat>` (same props), never typed. `validate-codebook.ts` checks that every name resolves.
 */
export const Headline = z.strictObject({
  /** Question, grid row (`question__row`) or derived variable the figure is about. */
  q: VariableRef.min(1),
  /** Option code the percent / count is of (give option or net, not both; neither for mean, median, base). */
  option: z.number().int().optional(),
  /** Net id the percent / count is of. */
  net: Id.optional(),
  /** Universe the figure is computed in (default: the question's own). */
  universe: Id.optional(),
  /** Single-answer variable whose column `segment` the figure is taken from. */
  by: VariableRef.optional(),
  /** Option code of `by`: the banner column (default: the total). */
  segment: z.number().int().optional(),
  /** What is shown: percent of the base (default), count, mean or median (banded/numeric), or the base itself. */
  kind: z.enum(['percent', 'count', 'mean', 'median', 'base']).default('percent'),
  /** Decimal places shown (default 1): match the precision the report published (2.84%). */
  digits: z.number().int().min(0).max(3).optional(),
  /** Short Japanese caption shown under the number ("SaaS企業の割合"). Rendered as text. */
  label: Label,
  /** English caption. */
  en: z.strictObject({ label: Label }).optional(),
});
export type Headline = z.infer<typeof Headline>;

// ---------------------------------------------------------------------------------------------
// Survey metadata and the whole codebook

export const Survey = z.strictObject({
  /** Survey series id (`jcsa`): the first URL segment. */
  id: Id,
  /** Wave id (`2025`): the second URL segment. */
  wave: WaveId,
  title: Label,
  shortTitle: Label.optional(),
  publisher: Label,
  fieldwork: z.strictObject({ start: IsoDate, end: IsoDate }),
  /** インターネット調査 … */
  method: Label,
  /** Who was surveyed. */
  population: Text,
  /** Number of valid respondents as published. Must equal the rows delivered (microdata). */
  n: z.number().int().positive(),
  contractor: Label.optional(),
  /** The citation text the publisher requires; shown under every chart. */
  citation: Text,
  /** Where the original report is published. */
  sourceUrl: HttpUrl.optional(),
  licence: Text,
  /** True for synthetic sample microdata: every page that shows it says 合成サンプルデータ. */
  synthetic: z.boolean().default(false),
  /** How the synthetic data was made, designed relationships, documented inconsistencies. */
  notes: z.array(z.string().max(TEXT_MAX_LENGTH)).default([]),
  /** Column of respondent ids in responses.csv. */
  idColumn: Label.default('id'),
  /** Column of weights in responses.csv, if weighted. */
  weightColumn: Label.optional(),
  /**
   * Weighted waves: how intervals, letters and χ² estimate precision — `design` (the default:
   * Taylor linearisation and the Rao–Scott test, as R survey's `svydesign(ids = ~1, weights = ~w)`)
   * or `kish` (Kish effective bases). docs/statistics.md, §Weights. Needs `weightColumn`.
   */
  variance: z.enum(['design', 'kish']).optional(),
  /** `microdata` waves ship responses.csv; `tables` waves ship published tables.csv only. */
  kind: z.enum(['microdata', 'tables']).default('microdata'),
  /**
   * What a microdata wave publishes beyond the chapters: `aggregates` (default) — respondent rows
   * stay in data/; the explorer, question pages and their downloads read a cell-key-protected
   * cube; `microdata` — explicit opt-in to public-use files of the public questions' rows.
   */
  publish: z.enum(['aggregates', 'microdata']).default('aggregates'),
  /** English title, short title, publisher, method and population (the citation stays as the publisher requires it). */
  en: z
    .strictObject({
      title: Label,
      shortTitle: Label.optional(),
      publisher: Label.optional(),
      method: Label.optional(),
      population: Text.optional(),
    })
    .optional(),
});
export type Survey = z.infer<typeof Survey>;

/**
 * The perturbation table of the cell key method (docs/statistics.md, "Protected cube"): noise of
 * zero mean, |noise| ≤ D and variance V (where the constraints allow it); no published count in
 * 1..js. Defaults follow common practice for small survey tables (D = 2, V = 1, js = 2).
 */
export const Perturbation = z
  .strictObject({
    /** Largest absolute noise. */
    D: z.number().int().min(0).max(10).default(2),
    /** Target variance of the noise (reached where the constraints allow it). */
    V: z.number().positive().max(10).default(1),
    /** Counts 1..js are never published (they become 0 or a count above js). */
    js: z.number().int().min(0).max(10).default(2),
  })
  .refine((p) => p.D >= p.js, { error: 'D must be at least js (a count of 1 must be able to move above js)' });
export type Perturbation = z.infer<typeof Perturbation>;

/** How the protected cube of an `aggregates` wave is built. */
export const CubeSpec = z.strictObject({
  /**
   * Variables a reader may filter on (one value or one codebook net at a time). Default: every
   * public single-answer variable usable as a banner. Multi-answer questions may be listed (a
   * value then means "chose this option").
   */
  filters: z.array(z.string()).optional(),
  perturbation: Perturbation.default({ D: 2, V: 1, js: 2 }),
});
export type CubeSpec = z.infer<typeof CubeSpec>;

export const Codebook = z.strictObject({
  survey: Survey,
  questions: z.array(Question).min(1),
  derived: z.array(Derived).default([]),
  universes: z.array(Universe).default([]),
  chapters: z.array(Chapter).default([]),
  crosswalk: Crosswalk.optional(),
  /** Headline figures for the home page and the cover, computed from the data (microdata waves only). */
  headlines: z.array(Headline).default([]),
  /** The protected cube of an `aggregates` wave (optional: defaults apply). */
  cube: CubeSpec.default({ perturbation: { D: 2, V: 1, js: 2 } }),
  /**
   * What an editor must check before the wave is published (written by `npm run new-wave`: the
   * earlier wave's title, dates, notes, sources and headlines, which may not hold any more).
   * Validation fails while an item is not `done`; the public codebook never carries it.
   */
  checklist: z
    .array(
      z.strictObject({
        /** What to check, in words. */
        item: z.string().min(1).max(2000),
        /** The earlier wave's value(s), for reference (not used by the site). */
        previous: z.unknown().optional(),
        done: z.boolean(),
      }),
    )
    .default([]),
});
export type Codebook = z.infer<typeof Codebook>;
/** What an editor writes (defaults not yet applied). */
export type CodebookInput = z.input<typeof Codebook>;
