/**
 * The validated, columnar dataset every other module reads. Built once by the loaders, scanned
 * many times by the engine: answers live in typed arrays, multi answers and filters in bitsets.
 */
import type { Codebook, Question, Derived, Option } from './codebook.ts';

/** A set of respondents: bit i of word i >>> 5 is respondent i. Length = ceil(n / 32). */
export type Bitset = Uint32Array;

/**
 * One coded variable: a single/ordinal/banded question, a grid row or a derived variable.
 * `index[i]` is the position of respondent i's answer in `options` (not the code!), or -1 when
 * the respondent has no answer (outside the universe, or 無回答 on an optional question).
 */
export interface CodedVariable {
  kind: 'coded';
  /** Variable id: question id, `<grid>__<row>` for grid rows, or derived variable id. */
  id: string;
  label: string;
  /** Options in display order; codes are `options[k].code`. */
  options: Option[];
  index: Int16Array;
  /** Respondents who answered (index >= 0). */
  answered: Bitset;
}

/** A multi-answer question: one bitset per option (same order as `options`). */
export interface MultiVariable {
  kind: 'multi';
  id: string;
  label: string;
  options: Option[];
  chosen: Bitset[];
  /** Respondents who answered the question at all (any option column non-blank). */
  answered: Bitset;
}

/** A numeric question: NaN = no answer. */
export interface NumericVariable {
  kind: 'numeric';
  id: string;
  label: string;
  values: Float64Array;
  answered: Bitset;
}

/** Free text: kept for editors only, never published. */
export interface TextVariable {
  kind: 'text';
  id: string;
  label: string;
  values: (string | null)[];
  answered: Bitset;
}

export type Variable = CodedVariable | MultiVariable | NumericVariable | TextVariable;

export interface Dataset {
  codebook: Codebook;
  /** Number of respondents (rows). */
  n: number;
  /** Respondent ids in row order (private: never published). */
  ids: string[];
  /** Per-respondent weights, or null when unweighted. */
  weights: Float64Array | null;
  /** Every variable by id: questions, grid rows (`q__row`), derived variables. */
  variables: Map<string, Variable>;
  /** Every universe by id as a bitset, `all` included. */
  universes: Map<string, Bitset>;
  /** Questions by id. */
  questions: Map<string, Question>;
  derived: Map<string, Derived>;
}

/**
 * A problem found while reading or validating. Every loader returns all problems at once;
 * `formatProblem` renders `file 214行目・列 C (FY列): "value" は…（想定: …）`, or in English
 * `file row R, column C (column FY): "value" is … (expected …)`: `message` and `expected` stay
 * English here and are translated when formatted (messages-ja.ts).
 */
export interface Problem {
  /** Path as the editor knows it, e.g. `data/jcsa/2025/responses.csv`. */
  file: string;
  /** Row as Excel shows it (header = 1); absent for file-level problems. */
  row?: number;
  /** Column name in the CSV, or a YAML path such as `questions[3].options[1].code`. */
  column?: string;
  /** Name of the codebook entry a YAML path lies in: the id of `questions[30]` in `questions[30].options[2].code`, a headline's `q`. */
  entry?: string;
  /** Position of that CSV column in the file, 0-based, when the problem is about one column: shown as Excel's letters (`FY`). */
  columnIndex?: number;
  /** The value found, verbatim. */
  value?: string;
  /** What is wrong, in a short phrase. */
  message: string;
  /** What was expected. */
  expected?: string;
  /** Stable rule id (`unknown-code`, `routing`, …) used to group repeats. */
  rule: string;
  /** Line in a text file (YAML), 1-based, when the problem has one. */
  line?: number;
  /** The sheet of an Excel workbook (responses.xlsx) whose cells `row` and `column` name. */
  sheet?: string;
  /** Further occurrences of the same rule in the same file and column that were not listed one by one. */
  repeats?: number;
}

/** Either a value or the complete list of problems: nothing partial. */
export type Result<T> = { ok: true; value: T; warnings: Problem[] } | { ok: false; problems: Problem[]; warnings: Problem[] };

/** One published figure from a `tables.csv` (a wave known only as aggregates). */
export interface PublishedCell {
  /** Option code of the question (or of the grid's scale). */
  option: number;
  /** Percent of the base, 0–100, as published; null when only a count was published. */
  percent: number | null;
  /** Respondent count, as published; null when only a percent was published. */
  count: number | null;
  /** Row of tables.csv it came from (Excel numbering). */
  row: number;
}

/** One published table: a question in a universe and segment (banner column) with its base. */
export interface PublishedTable {
  /** Question id, or `<grid>__<row>` for a grid row. */
  question: string;
  /** Universe id of the codebook (`all` for everyone). */
  universe: string;
  /** `total`, or `<variable>=<code>` for a banner column (e.g. `sector=1`). */
  segment: string;
  /** Base n as published. */
  base: number;
  /** Where the figures come from (page, figure number), if given. */
  source: string | null;
  /** Cells in the order of the question's options. */
  cells: PublishedCell[];
  /** Totals of a protected cube (perturbed counts), not a printed table. */
  protected?: boolean;
}

/** A survey wave as loaded: its codebook and either microdata or published tables. */
export interface Wave {
  codebook: Codebook;
  /** Microdata waves (`survey.kind = microdata`). */
  dataset?: Dataset;
  /** Aggregate-only waves (`survey.kind = tables`). */
  tables?: PublishedTable[];
}
