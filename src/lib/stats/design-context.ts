/**
 * The design context of a table computed from respondents (docs/statistics.md, §Weights): the
 * wave's n, and what the per-cell sums of the layout cannot give — the moments of a share of
 * responses (weights w·√r and w·r) and the sums of the respondents two columns of a multi-answer
 * banner share (their covariance). Each is the engine's own `layout` run again on other weights
 * or on the intersection of two columns.
 */
import type { Bitset, Dataset } from '../dataset/types.ts';
import { and, forEachBit } from '../dataset/bitset.ts';
import type { StatsOptions } from './types.ts';
import type { Tabulated } from './population.ts';
import { resolveVariable } from './population.ts';
import { layout } from './layout.ts';
import type { DesignContext, ResponseLayouts } from './estimator.ts';

/**
 * Number of answers of each respondent to a multi-answer question: the options chosen (not nets),
 * as `layout` sums them into the responses base of "% of responses".
 */
function responseCounts(chosen: Bitset[], n: number): Float64Array {
  const r = new Float64Array(n);
  for (const set of chosen) forEachBit(set, (i) => (r[i] += 1));
  return r;
}

export function designContext(dataset: Dataset, tabulated: Tabulated, banner: string | null | undefined, mask: Bitset, weights: Float64Array, options: StatsOptions): DesignContext {
  const variable = tabulated.variable;
  const substantive = options.percentBase === 'substantive';
  let responses: ((m: Bitset, b: string | null | undefined) => ResponseLayouts) | null = null;
  if (variable.kind === 'multi' && options.multiPercent === 'responses') {
    const r = responseCounts(variable.chosen, dataset.n);
    const rootR = weights.map((w, i) => w * Math.sqrt(r[i]));
    const byR = weights.map((w, i) => w * r[i]);
    responses = (m, b) => ({ rootR: layout(dataset, tabulated, b, m, rootR, substantive), r: layout(dataset, tabulated, b, m, byR, substantive) });
  }
  const context: DesignContext = { n: dataset.n };
  if (responses) context.responses = responses(mask, banner);
  const bannerVariable = banner === null || banner === undefined ? null : resolveVariable(dataset, banner, 'banner').variable;
  if (bannerVariable?.kind === 'multi') {
    const { chosen } = bannerVariable;
    context.shared = (a, b) => {
      const both = and(and(mask, chosen[a - 1]), chosen[b - 1]);
      return { table: layout(dataset, tabulated, null, both, weights, substantive), ...(responses ? { responses: responses(both, null) } : {}) };
    };
  }
  return context;
}
