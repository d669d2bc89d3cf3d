/**
 * How a question continues from one wave to the earlier one (README, "Crosswalks"). Kept apart
 * from crosswalk.ts's validation (which reads YAML for line numbers) so that the explorer's
 * browser code can link waves without the YAML parser.
 */
import type { Codebook, Question } from './codebook.ts';

/**
 * The question a crosswalk entry names: a question id, or one row of a grid (`grid__row`), which
 * is answered on the grid's options. Undefined when neither exists.
 */
export function crosswalkQuestion(questions: ReadonlyMap<string, Question>, id: string): Question | undefined {
  const direct = questions.get(id);
  if (direct) return direct;
  const [gridId, rowId, ...rest] = id.split('__');
  const grid = questions.get(gridId);
  if (rest.length || grid?.type !== 'grid' || !grid.rows.some((r) => r.id === rowId)) return undefined;
  return grid;
}

/** Every id a crosswalk entry may name: question ids and grid rows (`grid__row`) — the choices of a "did you mean". */
export function linkableIds(codebook: Codebook): string[] {
  return codebook.questions.flatMap((q) => [q.id, ...(q.type === 'grid' ? q.rows.map((r) => `${q.id}__${r.id}`) : [])]);
}

/** How a question of a later wave continues in the earlier wave. */
export interface CrosswalkLink {
  /** Its id in the earlier wave. */
  previous: string;
  /** Option code in the later wave → code in the earlier one (absent: the same codes). */
  options?: Record<string, number>;
}

/**
 * The link of question `id` (a question, or a grid row `grid__row`) of wave `later` to wave
 * `earlier` (docs: README "Crosswalks"): the crosswalk's entry for it — or, for a grid row, for
 * its grid — when there is one (renames, recodes); else the same id, with the same codes, when
 * the earlier wave has that question and the crosswalk does not list it under `breaks`. Null
 * when it does not continue.
 */
export function crosswalkLink(later: Codebook, earlier: Codebook, id: string): CrosswalkLink | null {
  const walk = later.crosswalk && later.crosswalk.wave === earlier.survey.wave ? later.crosswalk : undefined;
  const entries = walk?.questions ?? [];
  const [qid, rowId] = id.split('__');
  const exact = entries.find((q) => q.question === id);
  const grid = exact ? undefined : rowId !== undefined ? entries.find((q) => q.question === qid) : undefined;
  // An entry (checked against the earlier wave by validation, crosswalk.ts) is followed as it says.
  if (exact) return { previous: exact.previous ?? id, ...(exact.options ? { options: exact.options } : {}) };
  if (grid) return { previous: `${grid.previous ?? qid}__${rowId}`, ...(grid.options ? { options: grid.options } : {}) };
  const breaks = walk?.breaks ?? [];
  if (breaks.includes(id) || breaks.includes(qid)) return null;
  // By default: the same id, when the earlier wave has it (a question, a grid row, a derived variable).
  const questions = new Map(earlier.questions.map((q) => [q.id, q]));
  return crosswalkQuestion(questions, id) || earlier.derived.some((d) => d.id === id) ? { previous: id } : null;
}
