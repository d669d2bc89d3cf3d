/**
 * The explorer's view of a wave available only as published tables (`kind: tables`, e.g.
 * virtualex/2024; issue 11: every crosswalked wave reachable): the printed total of one question in
 * one universe, as a one-column CrossTab. The shares are the printed ones; the interval is the
 * engine's on the printed base (docs/statistics.md, "Changes between waves", printed tables); no
 * banner, filter, letter or χ² can be computed from a printed table.
 */
import type { Codebook, Option } from '../dataset/codebook.ts';
import type { PublishedTable } from '../dataset/types.ts';
import type { CrossTab, TableRow } from '../stats/types.ts';
import { resolveStatsOptions } from '../stats/options.ts';
import { proportionInterval } from '../stats/interval.ts';
import { printedShare } from '../stats/trend.ts';

export interface PublishedWave {
  codebook: Codebook;
  tables: PublishedTable[];
}

/** Universes for which a question has a printed total, in codebook order (`all` first). */
export function publishedUniverses(wave: PublishedWave, question: string): string[] {
  const ids = new Set(wave.tables.filter((t) => t.question === question && t.segment === 'total').map((t) => t.universe));
  return ['all', ...wave.codebook.universes.map((u) => u.id)].filter((u, i, all) => ids.has(u) && all.indexOf(u) === i);
}

/** A question, or a grid row (`<grid>__<row>`) with its grid's scale: label, type and options. */
export function publishedQuestion(codebook: Codebook, id: string): { label: string; type: string; options: Option[]; neutral: number[]; unit: string | null } | undefined {
  const [head, row] = id.split('__');
  const q = codebook.questions.find((x) => x.id === head);
  if (!q || !('options' in q)) return undefined;
  if (row !== undefined) {
    const r = q.type === 'grid' ? q.rows.find((x) => x.id === row) : undefined;
    return r ? { label: `${q.label}：${r.label}`, type: 'grid-row', options: q.options, neutral: [], unit: null } : undefined;
  }
  if (q.type === 'grid') return undefined;
  return { label: q.label, type: q.type, options: q.options, neutral: q.type === 'ordinal' ? q.neutral : [], unit: q.type === 'banded' ? q.unit : null };
}

/** The printed total of `question` in `universe` as a CrossTab; throws (in Japanese, for the notice) when there is none. */
export function publishedCrossTab(wave: PublishedWave, question: string, universe: string): CrossTab {
  const q = publishedQuestion(wave.codebook, question);
  if (!q) throw new Error(`公表された集計表に設問「${question}」はありません`);
  const table = wave.tables.find((t) => t.question === question && t.segment === 'total' && t.universe === universe);
  const universeLabel = universe === 'all' ? '全体' : (wave.codebook.universes.find((u) => u.id === universe)?.label ?? universe);
  if (!table) {
    const has = publishedUniverses(wave, question).map((u) => (u === 'all' ? '全体' : (wave.codebook.universes.find((x) => x.id === u)?.label ?? u)));
    throw new Error(`公表された集計表には、「${q.label}」の「${universeLabel}」の集計がありません（あるのは：${has.join('、') || 'なし'}）`);
  }
  const stats = resolveStatsOptions({});
  const base = table.base;
  const rows: TableRow[] = [];
  for (const o of q.options) {
    const cell = table.cells.find((c) => c.option === o.code);
    if (!cell) continue;
    const proportion = printedShare(cell, base);
    if (!Number.isFinite(proportion)) continue;
    const count = cell.count ?? Math.round(proportion * base);
    rows.push({
      key: String(o.code),
      label: o.label,
      kind: 'option',
      nonSubstantive: o.nonSubstantive ?? false,
      cells: [{ count, weightedCount: count, proportion, ci: proportionInterval(stats.interval, proportion, base, stats.level), letters: '', vsTotal: 0, residual: null }],
    });
  }
  return {
    spec: { question, banner: null, universe },
    type: q.type === 'multi' ? 'multi' : q.type === 'ordinal' ? 'ordinal' : q.type === 'banded' ? 'banded' : q.type === 'grid-row' ? 'grid-row' : 'single',
    universeLabel,
    weighted: false,
    columns: [{ key: 'total', label: '全体', letter: '', n: base, validN: base, baseN: base, weightedBase: base, effectiveBase: base, caution: base < stats.cautionBase, suppressed: base < stats.suppressBase }],
    rows,
    chiSquare: null,
    options: stats,
  };
}
