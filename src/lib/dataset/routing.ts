/**
 * Meaning checks that need the whole dataset: a question is answered if and only if the
 * respondent is in its universe (blank allowed inside when `optional`), multi-answer rows are
 * complete, exclusive options stand alone, `maxChoices` is respected.
 */
import type { Question, MultiQuestion } from './codebook.ts';
import type { z } from 'zod';
import type { Dataset, MultiVariable, Variable } from './types.ts';
import type { ProblemList } from './problem.ts';
import { andNot, createBitset, forEachBit, orInto, and } from './bitset.ts';

type Multi = z.infer<typeof MultiQuestion>;

/**
 * Whether record i is already known bad for this variable or for an answer its universe is
 * computed from (unreadable row, invalid cell): skip it rather than pile a routing error on top.
 */
export type Skip = (variable: string, universe: string, i: number) => boolean;

/** The 0-based position of a header column in the file, if it is there. */
export type ColumnAt = (name: string) => number | undefined;

export function checkRouting(dataset: Dataset, file: string, problems: ProblemList, skip: Skip, columnAt: ColumnAt = () => undefined): void {
  for (const q of dataset.codebook.questions) {
    if (q.type === 'grid') {
      for (const row of q.rows) checkVariable(dataset, q, `${q.id}__${row.id}`, row.universe ?? q.universe, file, problems, skip, columnAt);
      continue;
    }
    checkVariable(dataset, q, q.id, q.universe, file, problems, skip, columnAt);
    if (q.type === 'multi') checkMulti(dataset, q, file, problems, columnAt);
  }
}

/** `columnIndex` of a problem about one column, when the header has it (a multi question's `q__*` is several). */
function at(columnAt: ColumnAt, column: string): { columnIndex?: number } {
  const index = columnAt(column);
  return index === undefined ? {} : { columnIndex: index };
}

function columnOf(q: Question, id: string): string {
  return q.type === 'multi' ? `${id}__*` : id;
}

function checkVariable(dataset: Dataset, q: Question, id: string, universeId: string, file: string, problems: ProblemList, skip: Skip, columnAt: ColumnAt): void {
  const variable = dataset.variables.get(id);
  const universe = dataset.universes.get(universeId);
  if (!variable || !universe) return;
  const column = columnOf(q, id);
  const located = q.type === 'multi' ? {} : at(columnAt, column);
  const label = universeId === 'all' ? 'all' : universeId;
  forEachBit(andNot(variable.answered, universe), (i) =>
    skip(id, universeId, i) || problems.add({ file, row: i + 2, column, ...located, value: cellValue(variable, i), rule: 'routing', message: `is answered, but the respondent is outside the question's universe "${label}"`, expected: 'blank (the question was not asked)' }),
  );
  if (q.optional) return;
  forEachBit(andNot(universe, variable.answered), (i) =>
    skip(id, universeId, i) || problems.add({ file, row: i + 2, column, ...located, rule: 'missing-answer', message: `is blank, but the respondent is in the question's universe "${label}"`, expected: q.type === 'multi' ? '0 or 1 in every option column (or optional: true on the question)' : 'an answer (or optional: true on the question)' }),
  );
}

function cellValue(variable: Variable, i: number): string {
  switch (variable.kind) {
    case 'coded':
      return String(variable.options[variable.index[i]].code);
    case 'numeric':
      return String(variable.values[i]);
    case 'text':
      return variable.values[i] ?? '';
    case 'multi':
      return `chose ${chosenCodes(variable, i).join(', ') || 'none'}`;
  }
}

function chosenCodes(variable: MultiVariable, i: number): number[] {
  const out: number[] = [];
  variable.chosen.forEach((bits, k) => {
    if ((bits[i >>> 5] & (1 << (i & 31))) !== 0) out.push(variable.options[k].code);
  });
  return out;
}

function checkMulti(dataset: Dataset, q: Multi, file: string, problems: ProblemList, columnAt: ColumnAt): void {
  const variable = dataset.variables.get(q.id);
  if (!variable || variable.kind !== 'multi') return;
  const { n } = dataset;

  variable.options.forEach((option, k) => {
    if (!option.exclusive) return;
    const others = createBitset(n);
    variable.chosen.forEach((bits, m) => m !== k && orInto(others, bits));
    forEachBit(and(variable.chosen[k], others), (i) =>
      problems.add({ file, row: i + 2, column: `${q.id}__${option.code}`, ...at(columnAt, `${q.id}__${option.code}`), value: `chose ${chosenCodes(variable, i).join(', ')}`, rule: 'exclusive-clash', message: `combines the exclusive option ${option.code} (${option.label}) with others`, expected: `${option.code} alone` }),
    );
  });
  if (q.maxChoices !== undefined) {
    const counts = new Uint16Array(n);
    for (const bits of variable.chosen) forEachBit(bits, (i) => counts[i]++);
    for (let i = 0; i < n; i++)
      if (counts[i] > q.maxChoices)
        problems.add({ file, row: i + 2, column: `${q.id}__*`, value: `${counts[i]} options`, rule: 'max-choices', message: 'chose more options than allowed', expected: `at most ${q.maxChoices}` });
  }
}
