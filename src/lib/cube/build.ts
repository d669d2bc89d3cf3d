/**
 * Builds a wave's protected cube from its microdata (docs/statistics.md, "Protected cube"):
 *  1. counts every cell of every question × banner × restriction with the engine's own `layout`,
 *     carrying the cell key (the sum of the cell's record keys, exact in integers) next to the count;
 *  2. withholds columns whose true base is under the suppression threshold, and — differencing
 *     guard — one of every two populations that differ by exactly one respondent;
 *  3. perturbs every remaining count (bases included) with the p-table, by its cell key, and
 *     withholds columns whose perturbed base falls under the threshold.
 * The same cell (same respondents, same count) always gets the same noise, whichever question,
 * banner or restriction reaches it. Record keys are made outside (src/server/cellkey.ts) from a
 * secret that never leaves the build.
 */
import type { Bitset, Dataset } from '../dataset/types.ts';
import type { Codebook, Perturbation } from '../dataset/codebook.ts';
import { and, createBitset, fullBitset } from '../dataset/bitset.ts';
import { evaluateFilter } from '../dataset/filter.ts';
import { layout, type Layout } from '../stats/layout.ts';
import { resolveVariable, universeLabel } from '../stats/population.ts';
import type { Sums } from '../stats/tally.ts';
import { buildPTable, perturb, KEY_RANGE, type PTable } from './ptable.ts';
import { cubePlan, type CubePlan, type CubeRestriction } from './plan.ts';
import { differencingGuard, type GuardResult } from './guard.ts';
import { CUBE_VERSION, type CubeBanner, type CubeColumn, type CubeLine, type QuestionCube } from './types.ts';

export interface CubeOptions {
  perturbation: Perturbation;
  /** Columns with a (true or perturbed) base under this are withheld (the engine's suppression threshold). */
  suppressBase: number;
  /** The differencing guard (on unless a test measures what it prevents). */
  guard?: boolean;
}

export interface WaveCube {
  plan: CubePlan;
  questions: Map<string, QuestionCube>;
  /** What the build reports: populations, one-respondent pairs and columns withheld. */
  report: { populations: number; pairs: number; withheldPopulations: number; columns: number; withheldColumns: number };
}

/** Record keys must be integers in [0, 2^24): cell keys are then exact sums in any order. */
function checkKeys(keys: Float64Array, n: number): void {
  if (keys.length !== n) throw new Error(`cube: ${keys.length} record keys for ${n} respondents`);
  for (const k of keys) if (!Number.isInteger(k) || k < 0 || k >= KEY_RANGE) throw new Error(`cube: record key ${k} is not an integer in [0, 2^24)`);
}

function restrictionMask(dataset: Dataset, r: CubeRestriction): Bitset {
  if (r.kind === 'universe') return dataset.universes.get(r.universe!)!;
  if (r.kind === 'filter') return evaluateFilter(dataset, r.filter!);
  return fullBitset(dataset.n);
}

/** The perturbed column: base, valid, then every line; null when withheld. */
function protectColumn(table: Layout, weighted: Layout | null, c: number, ptable: PTable, threshold: number): CubeColumn | null {
  const trueBase = table.base[c];
  if (trueBase.n < threshold) return null;
  const sums: Sums[] = [table.base[c], table.valid[c], ...table.lines.map((l) => l.sums[c])];
  const counts = sums.map((s) => perturb(ptable, s.n, s.w));
  if (counts[0] < threshold) return null;
  if (!weighted) return { counts };
  // Weighted waves: the perturbed count scales the cell's Σw and Σw² (its mean weight is kept).
  const wsums: Sums[] = [weighted.base[c], weighted.valid[c], ...weighted.lines.map((l) => l.sums[c])];
  const ratio = (k: number) => (sums[k].n > 0 ? counts[k] / sums[k].n : 0);
  return { counts, w: wsums.map((s, k) => s.w * ratio(k)), w2: wsums.map((s, k) => s.w2 * ratio(k)) };
}

/** The cube of a wave: `publicCodebook` decides what is in it, `dataset` is the full microdata. */
export function buildCube(dataset: Dataset, publicCodebook: Codebook, recordKeys: Float64Array, options: CubeOptions): WaveCube {
  checkKeys(recordKeys, dataset.n);
  const plan = cubePlan(publicCodebook);
  const ptable = buildPTable(options.perturbation);
  const threshold = options.suppressBase;
  const weights = dataset.weights;
  const restrictionMasks = plan.restrictions.map((r) => restrictionMask(dataset, r));
  const tabulated = plan.questions.map((q) => resolveVariable(dataset, q.id));
  const universes = [...new Set(tabulated.map((t) => t.universe))];
  const masks = universes.flatMap((u) => restrictionMasks.map((m) => and(dataset.universes.get(u)!, m)));
  const R = plan.restrictions.length;

  // Banner columns over all banners: 0 = total, then each banner's options in layout order.
  const columnSets: (Bitset | null)[] = [null];
  const columnOffset: number[] = [];
  const banners: CubeBanner[] = plan.banners.map((id) => {
    if (id === null) {
      columnOffset.push(0);
      return { id, columns: [{ key: 'total', label: '全体' }] };
    }
    const v = resolveVariable(dataset, id, 'banner').variable;
    const options = v.kind === 'numeric' ? [] : v.options;
    columnOffset.push(columnSets.length - 1);
    for (const o of options) columnSets.push(v.kind === 'coded' ? evaluateFilter(dataset, { q: id, in: [o.code] }) : createBitset(dataset.n));
    return { id, columns: [{ key: 'total', label: '全体' }, ...options.map((o) => ({ key: String(o.code), label: o.label }))] };
  });
  const C = columnSets.length;
  const guard: GuardResult | null = options.guard === false ? null : differencingGuard({ n: dataset.n, masks, columnSets, threshold });

  const questions = new Map<string, QuestionCube>();
  let columns = 0;
  let withheldColumns = 0;
  plan.questions.forEach((q, qi) => {
    const t = tabulated[qi];
    const u = universes.indexOf(t.universe);
    let lines: CubeLine[] = [];
    const cells = banners.map((banner, b) =>
      plan.restrictions.map((_, r) => {
        const mask = masks[u * R + r];
        const table = layout(dataset, t, banner.id, mask, recordKeys);
        const weighted = weights ? layout(dataset, t, banner.id, mask, weights) : null;
        if (lines.length === 0) lines = table.lines.map((l) => ({ key: l.key, label: l.label, kind: l.kind, nonSubstantive: l.nonSubstantive }));
        return banner.columns.map((_, c) => {
          const tuple = (u * R + r) * C + (c === 0 ? 0 : columnOffset[b] + c);
          columns++;
          const column = guard?.withheld[tuple] ? null : protectColumn(table, weighted, c, ptable, threshold);
          if (column === null) withheldColumns++;
          return column;
        });
      }),
    );
    const question = t.question;
    const optionList = t.variable.kind === 'numeric' ? [] : t.variable.options;
    questions.set(q.id, {
      version: CUBE_VERSION,
      survey: dataset.codebook.survey.id,
      wave: dataset.codebook.survey.wave,
      question: q.id,
      meta: {
        type: t.type,
        kind: t.variable.kind,
        options: optionList,
        nets: t.nets,
        unit: t.unit,
        universe: t.universe,
        neutral: question && question.type === 'ordinal' ? question.neutral : [],
        weighted: weights !== null,
        ...(weights ? { design: { n: dataset.n, variance: dataset.codebook.survey.variance ?? 'design' } } : {}),
      },
      lines,
      banners,
      restrictions: plan.restrictions.map((r) => ({ id: r.id, universeLabel: universeLabel(dataset, r.kind === 'universe' ? r.universe! : t.universe) })),
      protection: { method: 'cell-key', perturbation: options.perturbation, suppressBase: threshold, guard: guard !== null },
      cells,
    });
  });
  return {
    plan,
    questions,
    report: { populations: guard?.populations ?? 0, pairs: guard?.pairs ?? 0, withheldPopulations: guard?.withheldPopulations ?? 0, columns, withheldColumns },
  };
}
