/**
 * Filters (codebook universes, derived-variable rules, the engine's ad-hoc filters) evaluated
 * over columnar answers into a bitset of matching respondents.
 *
 * Unknown questions, universes and codes are programming or authoring errors: they throw a
 * `FilterError` naming the culprit (the codebook validator reports them earlier, with a line).
 */
import type { Filter } from './codebook.ts';
import type { Bitset, Dataset, Variable, CodedVariable } from './types.ts';
import { createBitset, fullBitset, andInto, orInto, andNotInto, setBit } from './bitset.ts';

export class FilterError extends Error {
  override name = 'FilterError';
}

/** What a filter can see: the respondent count, variables and universes by id. */
export interface FilterScope {
  n: number;
  variable(id: string): Variable | undefined;
  universe(id: string): Bitset | undefined;
}

/** Respondents of `dataset` matching `filter`. */
export function evaluateFilter(dataset: Dataset, filter: Filter): Bitset {
  return evaluateInScope(datasetScope(dataset), filter);
}

export function datasetScope(dataset: Dataset): FilterScope {
  return {
    n: dataset.n,
    variable: (id) => dataset.variables.get(id),
    universe: (id) => dataset.universes.get(id),
  };
}

export function evaluateInScope(scope: FilterScope, filter: Filter): Bitset {
  if ('all' in filter) {
    const out = fullBitset(scope.n);
    for (const f of filter.all) andInto(out, evaluateInScope(scope, f));
    return out;
  }
  if ('any' in filter) {
    const out = createBitset(scope.n);
    for (const f of filter.any) orInto(out, evaluateInScope(scope, f));
    return out;
  }
  if ('not' in filter) return andNotInto(fullBitset(scope.n), evaluateInScope(scope, filter.not));
  if ('universe' in filter) {
    const bits = scope.universe(filter.universe);
    if (!bits) throw new FilterError(`unknown universe "${filter.universe}" in filter`);
    return bits.slice();
  }
  const variable = scope.variable(filter.q);
  if (!variable) throw new FilterError(`unknown question "${filter.q}" in filter`);
  if ('answered' in filter) {
    return filter.answered ? variable.answered.slice() : andNotInto(fullBitset(scope.n), variable.answered);
  }
  if ('in' in filter) return matchIn(scope.n, variable, filter.in);
  if ('includesAny' in filter || 'includesAll' in filter) return matchIncludes(scope.n, variable, filter);
  return matchRange(scope.n, variable, filter.range);
}

/** Positions in `variable.options` of `codes`; throws on a code the variable does not have. */
export function optionPositions(variable: { id: string; options: { code: number }[] }, codes: number[]): number[] {
  return codes.map((code) => {
    const k = variable.options.findIndex((o) => o.code === code);
    if (k < 0) throw new FilterError(`"${variable.id}" has no option with code ${code}`);
    return k;
  });
}

function matchIn(n: number, variable: Variable, codes: number[]): Bitset {
  const out = createBitset(n);
  if (variable.kind === 'numeric') {
    const wanted = new Set(codes);
    for (let i = 0; i < n; i++) if (wanted.has(variable.values[i])) setBit(out, i);
    return out;
  }
  if (variable.kind !== 'coded') throw new FilterError(`"${variable.id}" is a ${variable.kind} variable: "in" needs a single-answer question`);
  return matchPositions(n, variable, optionPositions(variable, codes));
}

/**
 * Respondents whose answer sits at one of `positions`. Branch-free and a word at a time: a lookup
 * table shifted by one (so the missing index -1 reads slot 0, always 0) ORs each respondent's bit
 * into the word, which is stored once per 32 respondents.
 */
function matchPositions(n: number, variable: CodedVariable, positions: number[]): Bitset {
  const out = createBitset(n);
  const hit = new Int32Array(variable.options.length + 1);
  for (const k of positions) hit[k + 1] = 1;
  const index = variable.index;
  for (let w = 0, i = 0; w < out.length; w++) {
    let word = 0;
    const end = Math.min(i + 32, n);
    for (let b = 0; i < end; i++, b++) word |= hit[index[i] + 1] << b;
    out[w] = word;
  }
  return out;
}

function matchIncludes(n: number, variable: Variable, filter: { includesAny: number[] } | { includesAll: number[] }): Bitset {
  if (variable.kind !== 'multi') throw new FilterError(`"${variable.id}" is a ${variable.kind} variable: includesAny/includesAll need a multi-answer question`);
  if ('includesAny' in filter) {
    const out = createBitset(n);
    for (const k of optionPositions(variable, filter.includesAny)) orInto(out, variable.chosen[k]);
    return out;
  }
  const out = fullBitset(n);
  for (const k of optionPositions(variable, filter.includesAll)) andInto(out, variable.chosen[k]);
  return out;
}

function matchRange(n: number, variable: Variable, range: { min?: number; max?: number }): Bitset {
  const min = range.min ?? -Infinity;
  const max = range.max ?? Infinity;
  if (variable.kind === 'numeric') {
    // Same word-at-a-time loop as matchPositions; NaN (no answer) compares false both ways.
    const out = createBitset(n);
    const values = variable.values;
    for (let w = 0, i = 0; w < out.length; w++) {
      let word = 0;
      const end = Math.min(i + 32, n);
      for (let b = 0; i < end; i++, b++) word |= (Number(values[i] >= min) & Number(values[i] <= max)) << b;
      out[w] = word;
    }
    return out;
  }
  if (variable.kind !== 'coded') throw new FilterError(`"${variable.id}" is a ${variable.kind} variable: "range" needs a numeric or coded question`);
  const positions: number[] = [];
  variable.options.forEach((o, k) => {
    if (o.code >= min && o.code <= max) positions.push(k);
  });
  return matchPositions(n, variable, positions);
}
