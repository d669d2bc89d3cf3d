/**
 * Who a table counts: the variable to tabulate, its type, and the respondents in the table
 * (named universe ∩ the question's own universe ∩ every ad-hoc filter), as one bitset.
 */
import type { Bitset, Dataset, Variable } from '../dataset/types.ts';
import type { Filter, Net, Option, Question } from '../dataset/codebook.ts';
import type { CrossTab, TableSpec } from './types.ts';
import { andInto } from '../dataset/bitset.ts';
import { evaluateFilter } from '../dataset/filter.ts';

export class CrossTabError extends Error {
  override name = 'CrossTabError';
}

export interface Tabulated {
  variable: Exclude<Variable, { kind: 'text' }>;
  type: CrossTab['type'];
  /** The question behind it (the grid for a grid row); undefined for derived variables. */
  question: Question | undefined;
  /** Universe the variable is asked in. */
  universe: string;
  nets: Net[];
  unit: string;
}

/** The variable `id` (question, grid row `q__row` or derived variable) and what the engine needs to know about it. */
export function resolveVariable(dataset: Dataset, id: string, role = 'question'): Tabulated {
  const variable = dataset.variables.get(id);
  const question = dataset.questions.get(id);
  if (question?.type === 'grid') throw new CrossTabError(`${role} "${id}" is a grid: tabulate one of its rows (${question.rows.map((r) => `${id}__${r.id}`).join(', ')})`);
  if (!variable) throw new CrossTabError(`unknown ${role} "${id}"`);
  if (variable.kind === 'text') throw new CrossTabError(`${role} "${id}" is free text and cannot be tabulated`);
  if (question) {
    const nets = 'nets' in question ? question.nets : [];
    const unit = 'unit' in question ? question.unit : '';
    // A text question's variable is kind text, refused above.
    const type = question.type as Exclude<typeof question.type, 'text'>;
    return { variable, type, question, universe: question.universe, nets, unit };
  }
  const [gridId, rowId] = id.split('__');
  const grid = dataset.questions.get(gridId);
  if (grid?.type === 'grid') {
    const row = grid.rows.find((r) => r.id === rowId);
    return { variable, type: 'grid-row', question: grid, universe: row?.universe ?? grid.universe, nets: grid.nets, unit: '' };
  }
  // Settled by readCodebook (declared, or implied by the rules: dataset/derived-universe.ts).
  const universe = dataset.codebook.derived.find((d) => d.id === id)?.universe ?? 'all';
  return { variable, type: 'derived', question: undefined, universe, nets: [], unit: '' };
}

function universeBits(dataset: Dataset, id: string): Bitset {
  const bits = dataset.universes.get(id);
  if (!bits) throw new CrossTabError(`unknown universe "${id}" (known: ${[...dataset.universes.keys()].join(', ')})`);
  return bits;
}

/**
 * Filter bitsets already evaluated, per dataset (datasets are never mutated after loading). An
 * explorer changes question and banner far more often than its filters, so each filter is
 * evaluated by `evaluateFilter` once and then reused; at most FILTER_CACHE_SIZE per dataset.
 */
const filterCache = new WeakMap<Dataset, Map<string, Bitset>>();
const FILTER_CACHE_SIZE = 256;

function filterBits(dataset: Dataset, filter: Filter): Bitset {
  let cache = filterCache.get(dataset);
  if (!cache) filterCache.set(dataset, (cache = new Map()));
  const key = JSON.stringify(filter);
  let bits = cache.get(key);
  if (!bits) {
    bits = evaluateFilter(dataset, filter);
    if (cache.size >= FILTER_CACHE_SIZE) cache.clear();
    cache.set(key, bits);
  }
  return bits;
}

/** Drop the filter bitsets remembered for `dataset` (benchmarks measure the first use this way). */
export function forgetFilters(dataset: Dataset): void {
  filterCache.delete(dataset);
}

/** Respondents in the table: universe ∩ the variable's universe ∩ filters (a fresh bitset). */
export function population(dataset: Dataset, spec: TableSpec, tabulated: Tabulated): Bitset {
  const mask = universeBits(dataset, spec.universe ?? tabulated.universe).slice();
  if (spec.universe !== undefined && spec.universe !== tabulated.universe) andInto(mask, universeBits(dataset, tabulated.universe));
  for (const filter of spec.filters ?? []) andInto(mask, filterBits(dataset, filter));
  return mask;
}

/** Label of a universe for base notes ("全体" for `all`). */
export function universeLabel(dataset: Dataset, id: string): string {
  return dataset.codebook.universes.find((u) => u.id === id)?.label ?? (id === 'all' ? '全体' : id);
}

/** Option lists shared by coded and multi variables (numeric variables have none). */
export function optionsOf(variable: Tabulated['variable']): Option[] {
  return variable.kind === 'numeric' ? [] : variable.options;
}
