/**
 * Every published figure the sample datasets claim to reproduce, recomputed from the committed
 * data through the real loader (readCatalog → loadWave) and engine (crosstab, summaries), and
 * compared at the precision the report printed it. One test per figure, named by its figure_id.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { readCatalog, type Catalog } from '../../../src/server/catalog.ts';
import { crosstab } from '../../../src/lib/stats/crosstab.ts';
import { roundHalfUp } from '../../../src/lib/stats/format.ts';
import type { Dataset } from '../../../src/lib/dataset/types.ts';
import { NOT_REPRODUCED, REPRODUCED_KINDS, SPECS, type FigureSpec } from './figure-specs.ts';

interface FigureRow {
  figure_id: string;
  survey_id: string;
  figure_kind: string;
  value: string;
  quote: string;
}

const figures = Papa.parse<FigureRow>(readFileSync(new URL('../../fixtures/figures.csv', import.meta.url), 'utf8'), { header: true, skipEmptyLines: true }).data;
const byId = new Map(figures.map((f) => [f.figure_id, f]));

function catalog(): Catalog {
  const result = readCatalog(fileURLToPath(new URL('../../../data', import.meta.url)));
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.file} ${p.column ?? ''}: ${p.message}`).join('\n'));
  return result.value;
}
// Loaded before each test (not at module level) so that mutation testing can trace coverage to a test.
let data: Catalog;
beforeEach(() => {
  data = catalog();
});

function wave(id: string) {
  const [survey, w] = id.split('/');
  const found = data.get(survey, w);
  if (!found) throw new Error(`no wave ${id}`);
  return found;
}

function dataset(id: string): Dataset {
  const d = wave(id).dataset;
  if (!d) throw new Error(`${id} has no microdata`);
  return d;
}

/** Decimal places as printed ("32.9" → 1, "86" → 0, "2.84" → 2). */
const digitsOf = (value: string) => (value.includes('.') ? value.split('.')[1].length : 0);

function table(spec: FigureSpec) {
  return crosstab(dataset(spec.wave), { question: spec.question, universe: spec.universe, filters: spec.filters });
}

function percentOf(spec: FigureSpec, key: string | number, digits: number): number {
  const row = table(spec).rows.find((r) => r.key === String(key));
  if (!row) throw new Error(`${spec.question}: no row ${key}`);
  return roundHalfUp(row.cells[0].proportion * 100, digits);
}

function publishedTable(waveId: string, question: string, universe: string | undefined, segment: string, option: number): number {
  const t = wave(waveId).tables?.find((x) => x.question === question && x.universe === (universe ?? 'all') && x.segment === segment);
  const cell = t?.cells.find((c) => c.option === option);
  if (cell?.percent == null) throw new Error(`${waveId}: no published ${question} ${segment} option ${option}`);
  return cell.percent;
}

/** The figure recomputed from the data, in the unit the inventory prints it. */
function recompute(spec: FigureSpec, value: string): number | string {
  const m = spec.measure;
  const digits = digitsOf(value);
  if ('rows' in m) return dataset(spec.wave).n;
  if ('base' in m) return table(spec).columns[0].n;
  if ('count' in m) return table(spec).rows.find((r) => r.key === String(m.count))!.cells[0].count;
  if ('percent' in m) return percentOf(spec, m.percent, digits);
  if ('sumOfRounded' in m) return roundHalfUp(m.sumOfRounded.reduce((s, code) => s + percentOf(spec, code, digits), 0), digits);
  if ('mean' in m) return roundHalfUp(table(spec).summaries![0].mean, digits);
  if ('medianClass' in m) return table(spec).summaries![0].medianClass ?? '';
  if ('modeClass' in m) {
    const rows = table(spec).rows.filter((r) => r.kind === 'option' && !r.nonSubstantive);
    return rows.reduce((best, r) => (r.cells[0].count > best.cells[0].count ? r : best)).label;
  }
  if ('table' in m) return publishedTable(spec.wave, spec.question, spec.universe, m.table.segment, m.table.option);
  const now = percentOf(spec, m.change.option, 1);
  return roundHalfUp(now - publishedTable(m.change.previousWave, spec.question, spec.universe, m.change.segment, m.change.option), digits);
}

/** What the recomputed figure must equal. */
function expected(spec: FigureSpec, value: string): number | string {
  const m = spec.measure;
  if ('medianClass' in m || 'modeClass' in m) {
    const code = 'medianClass' in m ? m.medianClass : m.modeClass;
    const q = dataset(spec.wave).questions.get(spec.question)!;
    return 'options' in q ? q.options.find((o) => o.code === code)!.label : '';
  }
  return Number(value);
}

const reproduced = Object.entries(SPECS).map(([id, spec]) => ({ id, spec, figure: byId.get(id)! }));

describe('sample datasets reproduce the published figures', () => {
  it.each(reproduced)('$id', ({ id, spec, figure }) => {
    expect(figure, `${id} missing from tests/fixtures/figures.csv`).toBeDefined();
    expect(recompute(spec, figure.value)).toBe(expected(spec, figure.value));
  });
});

describe('figure inventory coverage', () => {
  const inScope = figures.filter((f) => REPRODUCED_KINDS.has(f.figure_kind));

  it('accounts for every published figure of a reproducible kind: reproduced, or listed with a reason', () => {
    const unaccounted = inScope.map((f) => f.figure_id).filter((id) => !(id in SPECS) && !(id in NOT_REPRODUCED));
    expect(unaccounted).toEqual([]);
  });

  it('never both reproduces and excuses the same figure', () => {
    expect(Object.keys(NOT_REPRODUCED).filter((id) => id in SPECS)).toEqual([]);
  });

  it('documents every figure that is not reproduced in the codebook notes of its survey', () => {
    const notes = (id: string) => {
      const w = wave(id);
      return [...w.codebook.survey.notes, ...w.codebook.questions.flatMap((q) => q.notes)].join('\n');
    };
    const printed: Record<string, string[]> = {
      'jcsa/2025': ['18%', '61.9%', '2.5%'],
      'virtualex/2023': ['32.3%', '24,061', '29,237'],
      'virtualex/2024': ['66.7%', '44.3%', '41.8%'],
    };
    for (const [id, values] of Object.entries(printed)) for (const v of values) expect(notes(id), `${id} notes mention ${v}`).toContain(v);
  });
});
