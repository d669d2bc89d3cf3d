/**
 * The engine against an independent oracle: tests/oracle/expected.json, computed by
 * scripts/oracle/compute.R (R survey / stats) from tests/fixtures/oracle. Every number of every
 * case must agree to 1e-9 (relative for bases, counts and statistics, absolute for proportions,
 * intervals and p-values); letters and column-vs-total marks exactly. Every weighted case is there
 * twice: with Kish effective bases (`variance: 'kish'`) and design-based (the default;
 * docs/statistics.md, §Weights).
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { crosstab, npsByColumn } from '../../../src/lib/stats/index.ts';
import type { StatsOptions, TableSpec } from '../../../src/lib/stats/index.ts';
import { oracleDataset } from './oracle-data.ts';

type Num = number | null;
interface ExpectedCell { count: number; weightedCount: number; proportion: Num; effectiveBase: number; ci: [number, number] | null; letters: string; vsTotal: number; residual: Num }
interface ExpectedChi { statistic: number; df: number; p: number; lowExpected: boolean; ddf?: number; method?: string }
interface Case {
  name: string;
  spec: TableSpec;
  options: Partial<StatsOptions>;
  expected: {
    columns: Array<{ key: string; baseN: number; weightedBase: number; effectiveBase: number }>;
    rows: Array<{ key: string; cells: ExpectedCell[] }>;
    chiSquare: ExpectedChi | null;
    rowChiSquare: Record<string, ExpectedChi | null> | null;
    summaries: Array<Record<string, Num | string>> | null;
    nps: Array<{ score: number; se: number; low: number; high: number }> | null;
  };
}

const oracle = JSON.parse(readFileSync(new URL('../../oracle/expected.json', import.meta.url), 'utf8')) as { cases: Case[]; r: string; survey: string };
// Built before each test (not at module level) so that mutation testing can trace coverage to a test.
let dataset: ReturnType<typeof oracleDataset>;
beforeEach(() => {
  dataset = oracleDataset();
});
const TOL = 1e-9;

/** Mismatches as readable lines ("rows[2].cells[1].ci.low: 0.1 vs 0.2"). */
function compare(problems: string[], path: string, actual: unknown, expected: unknown, relative = false): void {
  if (expected === null || expected === undefined) {
    const missing = actual === null || actual === undefined || (typeof actual === 'number' && Number.isNaN(actual));
    if (!missing) problems.push(`${path}: ${String(actual)} vs (none)`);
    return;
  }
  if (typeof expected === 'number') {
    const a = actual as number;
    const scale = relative ? Math.max(1, Math.abs(expected)) : 1;
    if (typeof a !== 'number' || !(Math.abs(a - expected) <= TOL * scale)) problems.push(`${path}: ${String(a)} vs ${expected}`);
    return;
  }
  if (actual !== expected) problems.push(`${path}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`);
}

function compareChi(problems: string[], path: string, actual: ExpectedChi | null | undefined, expected: ExpectedChi | null): void {
  if (!expected || (expected as unknown) === 'NA') return compare(problems, path, actual ?? null, null);
  if (!actual) return void problems.push(`${path}: missing`);
  compare(problems, `${path}.statistic`, actual.statistic, expected.statistic, true);
  compare(problems, `${path}.df`, actual.df, expected.df);
  compare(problems, `${path}.method`, actual.method, expected.method);
  compare(problems, `${path}.ddf`, actual.ddf, expected.ddf, true);
  compare(problems, `${path}.p`, actual.p, expected.p);
  compare(problems, `${path}.lowExpected`, actual.lowExpected, expected.lowExpected);
}

describe(`the engine agrees with R (${oracle.r}, survey ${oracle.survey})`, () => {
  it('has at least 20 oracle cases, weighted and unweighted, single and multi, with filters', () => {
    expect(oracle.cases.length).toBeGreaterThanOrEqual(20);
    expect(oracle.cases.some((c) => c.spec.weighted) && oracle.cases.some((c) => !c.spec.weighted)).toBe(true);
    expect(oracle.cases.filter((c) => c.spec.filters).length).toBeGreaterThanOrEqual(4);
  });

  it('has every weighted case in both variance modes, and Rao–Scott tests in the design mode', () => {
    const weighted = oracle.cases.filter((c) => c.spec.weighted);
    const kish = weighted.filter((c) => c.options.variance === 'kish');
    const design = weighted.filter((c) => c.options.variance === undefined);
    expect(kish.length).toBe(design.length);
    expect(kish.length + design.length).toBe(weighted.length);
    expect(kish.map((c) => c.name.replace(/, Kish$/, ''))).toEqual(design.map((c) => c.name.replace(/, design$/, '')));
    expect(design.filter((c) => c.expected.chiSquare?.method === 'rao-scott').length).toBeGreaterThanOrEqual(5);
    expect(design.some((c) => Object.values(c.expected.rowChiSquare ?? {}).some((x) => x?.method === 'rao-scott'))).toBe(true);
    // Letters between overlapping (multi-answer banner) columns: design-based only.
    expect(design.some((c) => c.name.includes('multi-answer banner') && c.expected.rows.some((r) => r.cells.some((x) => x.letters !== '')))).toBe(true);
    expect(kish.every((c) => !c.name.includes('multi-answer banner') || c.expected.rows.every((r) => r.cells.every((x) => x.letters === '')))).toBe(true);
  });

  for (const c of oracle.cases) {
    it(c.name, () => {
      const table = crosstab(dataset, c.spec, c.options);
      const problems: string[] = [];
      const e = c.expected;
      if (c.spec.weighted) compare(problems, 'options.variance', table.options.variance, c.options.variance ?? 'design');
      compare(problems, 'columns.length', table.columns.length, e.columns.length);
      e.columns.forEach((col, j) => {
        const a = table.columns[j];
        compare(problems, `columns[${j}].key`, a?.key, col.key);
        compare(problems, `columns[${j}].baseN`, a?.baseN, col.baseN);
        compare(problems, `columns[${j}].weightedBase`, a?.weightedBase, col.weightedBase, true);
        compare(problems, `columns[${j}].effectiveBase`, a?.effectiveBase, col.effectiveBase, true);
      });
      compare(problems, 'rows', table.rows.map((r) => r.key).join(' '), e.rows.map((r) => r.key).join(' '));
      e.rows.forEach((row, i) => {
        const a = table.rows[i];
        if (!a) return;
        row.cells.forEach((cell, j) => {
          const x = a.cells[j];
          const at = `rows[${row.key}].cells[${j}]`;
          compare(problems, `${at}.count`, x.count, cell.count);
          compare(problems, `${at}.weightedCount`, x.weightedCount, cell.weightedCount, true);
          compare(problems, `${at}.proportion`, x.proportion, cell.proportion);
          compare(problems, `${at}.effectiveBase`, x.effectiveBase, cell.effectiveBase, true);
          compare(problems, `${at}.ci.low`, x.ci?.low, cell.ci?.[0]);
          compare(problems, `${at}.ci.high`, x.ci?.high, cell.ci?.[1]);
          compare(problems, `${at}.letters`, x.letters, cell.letters);
          compare(problems, `${at}.vsTotal`, x.vsTotal, cell.vsTotal);
          compare(problems, `${at}.residual`, x.residual, cell.residual);
        });
        if (e.rowChiSquare) compareChi(problems, `rows[${row.key}].chiSquare`, a.chiSquare, e.rowChiSquare[row.key] ?? null);
      });
      compareChi(problems, 'chiSquare', table.chiSquare, e.chiSquare);
      e.summaries?.forEach((s, j) => {
        for (const [field, value] of Object.entries(s)) compare(problems, `summaries[${j}].${field}`, table.summaries?.[j]?.[field as 'mean'], value, true);
      });
      if (e.nps) {
        const scores = npsByColumn(dataset, table);
        e.nps.forEach((n, j) => {
          compare(problems, `nps[${j}].score`, scores[j].score, n.score);
          compare(problems, `nps[${j}].se`, scores[j].se, n.se);
          compare(problems, `nps[${j}].ci.low`, scores[j].ci.low, n.low);
          compare(problems, `nps[${j}].ci.high`, scores[j].ci.high, n.high);
        });
      }
      expect(problems.slice(0, 25)).toEqual([]);
    });
  }
});
