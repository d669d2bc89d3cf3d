/**
 * The error a figure resolver (`statValue`, `resolveChart`, `changeValue`) throws when a prop
 * names something the data does not have. Its message is the build's own (English, as Astro
 * prints it); the fields say what was named and what could have been, so `npm run validate`
 * (src/server/chapters.ts) can word the same finding for editors — located, in Japanese, with
 * "did you mean" — without repeating the resolvers' rules.
 */

/** What kind of name a prop gives. */
export type FigureNameKind = 'survey' | 'wave' | 'question' | 'option' | 'net' | 'universe' | 'banner' | 'segment' | 'kind' | 'kpi';

/** One valid choice: the id or code to write, and its label when it has one. */
export interface FigureChoice {
  id: string;
  label?: string;
}

export interface FigureName {
  /** The prop that named it (`q`, `option`, `by`, `from`, …). */
  prop: string;
  /** The value as given. */
  value: string;
  kind: FigureNameKind;
  /** Where the name was looked up: `jcsa/2025`, a question id (options, nets), a banner id (segments). */
  scope: string;
  /** Every valid choice, in the data's order. */
  choices: FigureChoice[];
  /**
   * Why the value is refused although it exists: `restricted` (a question, universe or banner
   * that reads restricted data), `no-trend` (not in the trend of the question: another universe
   * or a wave outside the crosswalk), `not-printed` (a published-tables wave did not print it),
   * `unsuitable` (a chart form the question's table cannot be drawn as; `scope` is its type).
   */
  reason?: 'restricted' | 'no-trend' | 'not-printed' | 'unsuitable';
}

export class FigureNameError extends Error {
  readonly figure: FigureName;
  constructor(message: string, figure: FigureName) {
    super(message);
    this.name = 'FigureNameError';
    this.figure = figure;
  }
}

/** Choices from option-like rows: code and label. */
export const choicesOf = (rows: ReadonlyArray<{ key: string | number; label?: string }>): FigureChoice[] => rows.map((r) => ({ id: String(r.key), ...(r.label !== undefined ? { label: r.label } : {}) }));

/** Choices from plain ids. */
export const idChoices = (ids: Iterable<string>): FigureChoice[] => [...ids].map((id) => ({ id }));

/**
 * A figure the resolvers refuse for another reason than a name — a suppressed base, a grid named
 * without its row, a mean of a question without one …: `ja` says the same for editors (after the
 * component's tag, e.g. `の回答者数は n=8 で…`).
 */
export class FigureError extends Error {
  readonly ja: string;
  constructor(message: string, ja: string) {
    super(message);
    this.name = 'FigureError';
    this.ja = ja;
  }
}

/** `1（SNS経由）、2（調査会社経由）`: choices as listed to editors. */
export const listJa = (rows: ReadonlyArray<{ key: string | number; label?: string }>): string => rows.map((r) => (r.label !== undefined && r.label !== String(r.key) ? `${r.key}（${r.label}）` : String(r.key))).join('、');

/** `true` when two unions of prop names are the same (the components' prop lists are checked with it). */
export type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
