/**
 * Tables from a protected cube: the perturbed counts of one banner × one restriction become the
 * engine's per-column sums, and `tabulate` (the same code as for microdata) computes percentages,
 * intervals, letters, χ² and banded/scored summaries from them (docs/statistics.md,
 * "Protected cube"). Withheld columns carry no numbers and are marked `withheld`.
 */
import type { CrossTab, StatsOptions, TableSpec } from '../stats/types.ts';
import { defaultStatsOptions, resolveStatsOptions, withWaveVariance } from '../stats/options.ts';
import { tabulate, CrossTabError } from '../stats/crosstab.ts';
import type { Layout, LayoutLine } from '../stats/layout.ts';
import type { Sums } from '../stats/tally.ts';
import { addSums, zeroSums } from '../stats/tally.ts';
import type { PublishedTable } from '../dataset/types.ts';
import { NO_RESTRICTION, universeRestrictionId } from './plan.ts';
import type { CubeColumn, QuestionCube } from './types.ts';

/** What a cube table is asked for: a banner (null = total only) and one restriction id. */
export interface CubeQuery {
  banner: string | null;
  restriction: string;
}

const EMPTY: Sums = zeroSums;

function sumsOf(column: CubeColumn | null, k: number): Sums {
  if (!column) return EMPTY;
  const n = column.counts[k];
  return { n, w: column.w ? column.w[k] : n, w2: column.w2 ? column.w2[k] : n };
}

/** The engine's layout of a cube cell block (perturbed sums; withheld columns are zero and flagged). */
export function cubeLayout(cube: QuestionCube, query: CubeQuery): Layout {
  const b = cube.banners.findIndex((x) => x.id === query.banner);
  if (b < 0) throw new CrossTabError(`「${query.banner}」は集計軸として公開されていません`);
  const r = cube.restrictions.findIndex((x) => x.id === query.restriction);
  if (r < 0) throw new CrossTabError(`この絞り込みは集計値公開モードでは使えません（${query.restriction}）`);
  const block = cube.cells[b][r];
  const banner = cube.banners[b];
  const lines: LayoutLine[] = cube.lines.map((l, j) => ({ ...l, sums: block.map((col) => sumsOf(col, 2 + j)) }));
  const base = block.map((col) => sumsOf(col, 0));
  const valid = block.map((col) => sumsOf(col, 1));
  const out: Layout = {
    columns: banner.columns,
    overlapping: false,
    lines,
    base,
    valid,
    // The cube carries the valid base; the substantive base (percentBase "substantive") is not published.
    substantive: valid,
    withheld: block.map((col) => col === null),
  };
  if (cube.meta.kind === 'multi') {
    const options = lines.filter((l) => l.kind === 'option');
    out.responses = banner.columns.map((_, c) => options.reduce((s, l) => addSums(s, l.sums[c]), zeroSums));
  }
  return out;
}

/** The cross-tab of a cube query with the engine's options (percentages from perturbed counts). */
export function cubeCrosstab(cube: QuestionCube, query: CubeQuery, options: Partial<StatsOptions> = {}, spec: Partial<TableSpec> = {}): CrossTab {
  // Never below the threshold the cube was built with (a column under it is withheld anyway).
  const opts = resolveStatsOptions(withWaveVariance({ ...options, suppressBase: Math.max(options.suppressBase ?? defaultStatsOptions.suppressBase, cube.protection.suppressBase) }, cube.meta.design?.variance));
  if (opts.percentBase === 'substantive') throw new CrossTabError('集計値公開モードでは「わからない」等を除いた基数での集計はできません');
  const table = cubeLayout(cube, query);
  const r = cube.restrictions.find((x) => x.id === query.restriction)!;
  return tabulate(
    table,
    {
      spec: { question: cube.question, banner: query.banner, ...spec },
      tabulated: { type: cube.meta.type, unit: cube.meta.unit, variable: { kind: cube.meta.kind, options: cube.meta.options } },
      universeLabel: r.universeLabel,
      weighted: cube.meta.weighted,
      // Design-based variances need only the cells' Σw² and the wave's n (a share of responses
      // also needs moments the cube does not carry: it falls back to Kish).
      ...(cube.meta.design ? { design: { n: cube.meta.design.n } } : {}),
    },
    opts,
  );
}

/**
 * The cube's total columns as published tables (universe × total), for trends: the question's
 * own universe and each universe restriction, as a tables-only wave would print them.
 */
export function cubeTables(cube: QuestionCube, universes: string[]): PublishedTable[] {
  const out: PublishedTable[] = [];
  const b = cube.banners.findIndex((x) => x.id === null);
  const ids = [cube.meta.universe, ...universes.filter((u) => u !== cube.meta.universe)];
  for (const universe of ids) {
    const rid = universe === cube.meta.universe ? NO_RESTRICTION : universeRestrictionId(universe);
    const r = cube.restrictions.findIndex((x) => x.id === rid);
    if (r < 0) continue;
    const column = cube.cells[b][r][0];
    if (!column || cube.meta.kind === 'numeric') continue;
    const options = cube.lines.map((l, j) => ({ l, j })).filter(({ l }) => l.kind === 'option');
    out.push({
      question: cube.question,
      universe,
      segment: 'total',
      base: column.counts[0],
      source: null,
      protected: true,
      cells: options.map(({ l, j }) => ({ option: Number(l.key), count: column.counts[2 + j], percent: column.counts[0] > 0 ? (100 * column.counts[2 + j]) / column.counts[0] : null, row: 0 })),
    });
  }
  return out;
}
