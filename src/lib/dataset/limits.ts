/**
 * Every size limit on survey data, in one place: the codebook schema, the YAML reader and the
 * explorer's URL parser (`src/lib/explore/state.ts`) all use these, so the codebook can never accept
 * an id the explorer refuses, and nothing that validates is too big for the build. Plain
 * constants (no zod): the explorer imports them into the browser bundle.
 */

/** Ids in URLs, CSV column names and MDX props: questions, grid rows (`question__row`), derived variables, universes, surveys, chapters, nets. */
export const ID_MAX_LENGTH = 120;
/** Lower snake case, starting with a letter (`__` is checked separately where it matters). */
export const ID_PATTERN = /^[a-z][a-z0-9_]*$/;
/** Wave ids (`2025`): the second URL segment. */
export const WAVE_ID_MAX_LENGTH = 40;
export const WAVE_ID_PATTERN = /^[0-9a-z-]+$/;

/** Labels, titles and other one-line strings (option and question labels, titles, publisher, units …). */
export const LABEL_MAX_LENGTH = 200;
/** Sentences: question wording, descriptions, notes (each), citation, licence, source. */
export const TEXT_MAX_LENGTH = 2000;
/** Web addresses (`sourceUrl`). */
export const URL_MAX_LENGTH = 2000;

/** codebook.yaml as written, in characters. */
export const CODEBOOK_MAX_CHARS = 10_000_000;
/** codebook.yaml once YAML aliases (`*name`) are expanded, in characters: an alias repeats its anchor's whole text. */
export const CODEBOOK_EXPANDED_MAX_CHARS = 10_000_000;
/** Aliases (`*name`) in a codebook. */
export const CODEBOOK_MAX_ALIASES = 1000;
/** Nesting of YAML collections (filters in filters …). */
export const CODEBOOK_MAX_DEPTH = 64;

/**
 * The longest string JavaScript can hold (V8: 2^29 − 24 characters): a data file that decodes to
 * more cannot be read at all.
 */
export const MAX_STRING_LENGTH = 2 ** 29 - 24;
