/**
 * `<Stat>`: one computed number for running text. Every name it is given is checked against
 * the data; anything unknown throws an error that names the MDX prop and lists the valid
 * choices, so the build fails instead of printing a wrong figure. Suppressed cells (base below
 * the suppression threshold) refuse to print.
 */
import { formatBase, formatNumber, formatPercent } from '../lib/stats/format.ts';
import type { CrossTab, TableRow } from '../lib/stats/types.ts';
import { datasetOf, getWave, tableFor, variableInfo } from './figure-data.ts';

export const STAT_KINDS = ['percent', 'count', 'mean', 'median', 'medianClass', 'base'] as const;
export type StatKind = (typeof STAT_KINDS)[number];

export interface StatRequest {
  survey: string;
  wave: string;
  q: string;
  /** Option code or exact label (percent / count). */
  option?: string | number;
  /** Net id (percent / count). */
  net?: string;
  by?: string;
  /** Banner column: option code or label of `by` (default: total). */
  segment?: string | number;
  universe?: string;
  kind?: StatKind;
  /** Decimals (default 1 for percent/mean/median). */
  digits?: number;
}

export interface StatValue {
  /** The text put in the prose ("35.7%"). */
  text: string;
  /** Tooltip: what the number is, its base. */
  title: string;
  /** The cell's column is 参考値. */
  caution: boolean;
}

const who = (r: StatRequest) => `<Stat q="${r.q}"${r.option !== undefined ? ` option="${r.option}"` : ''}${r.net ? ` net="${r.net}"` : ''}>`;

function pickRow(t: CrossTab, r: StatRequest): TableRow {
  const options = t.rows.filter((x) => x.kind === 'option');
  if (r.net !== undefined) {
    const row = t.rows.find((x) => x.kind === 'net' && x.key === `net:${r.net}`);
    const nets = t.rows.filter((x) => x.kind === 'net').map((x) => `${x.key.slice(4)} (${x.label})`);
    if (!row) throw new Error(`${who(r)} net="${r.net}": no such net. Valid: ${nets.join(', ') || '(this question has no nets)'}`);
    return row;
  }
  if (r.option === undefined) throw new Error(`${who(r)}: give option= (or net=) for kind="${r.kind ?? 'percent'}". Valid options: ${options.map((o) => `${o.key} (${o.label})`).join(', ')}`);
  const wanted = String(r.option);
  const row = options.find((o) => o.key === wanted) ?? options.find((o) => o.label === wanted);
  if (!row) throw new Error(`${who(r)} option="${wanted}": no such option. Valid: ${options.map((o) => `${o.key} (${o.label})`).join(', ')}`);
  return row;
}

function pickColumn(t: CrossTab, r: StatRequest): number {
  if (r.segment === undefined) return 0;
  if (!r.by) throw new Error(`${who(r)} segment="${r.segment}": segment needs by= (the banner it is a column of)`);
  const wanted = String(r.segment);
  const i = t.columns.findIndex((c, k) => k > 0 && (c.key === wanted || c.label === wanted));
  if (i < 0) throw new Error(`${who(r)} segment="${wanted}": no such column of by="${r.by}". Valid: ${t.columns.slice(1).map((c) => `${c.key} (${c.label})`).join(', ')}`);
  return i;
}

/** Computes the number a <Stat> shows. */
export function statValue(r: StatRequest): StatValue {
  const kind = r.kind ?? 'percent';
  if (!(STAT_KINDS as readonly string[]).includes(kind)) throw new Error(`${who(r)} kind="${kind}": expected ${STAT_KINDS.join(', ')}`);
  const wave = getWave(r.survey, r.wave, '<Stat>');
  const dataset = datasetOf(wave, '<Stat>');
  const info = variableInfo(dataset, r.q, 'q', '<Stat>');
  if (info.type === 'grid') throw new Error(`${who(r)}: q="${r.q}" is a grid; name one of its rows as q="${r.q}__<row>"`);
  if (r.by && !dataset.variables.has(r.by)) throw new Error(`${who(r)} by="${r.by}": unknown variable`);
  if (r.universe !== undefined && !dataset.universes.has(r.universe)) throw new Error(`${who(r)} universe="${r.universe}": unknown universe. Valid: ${[...dataset.universes.keys()].join(', ')}`);
  const t = tableFor(wave, { question: r.q, banner: r.by ?? null, universe: r.universe });
  const col = pickColumn(t, r);
  const column = t.columns[col];
  const where = `${t.universeLabel}${col > 0 ? `・${column.label}` : ''}`;
  const caution = column.caution;
  if (kind === 'base') return { text: formatNumber(column.n, 0), title: `${info.label}：${where}の回答者数`, caution: false };
  if (column.suppressed) throw new Error(`${who(r)}: the base is ${formatBase(column.n)}, below the suppression threshold; this figure cannot be published`);
  if (kind === 'mean' || kind === 'median' || kind === 'medianClass') {
    const s = t.summaries?.[col];
    if (!s) throw new Error(`${who(r)} kind="${kind}": only banded and numeric questions have a ${kind} (q="${r.q}" is ${t.type})`);
    const unit = dataset.codebook.questions.find((q) => q.id === r.q && 'unit' in q) as { unit?: string } | undefined;
    if (kind === 'medianClass') {
      if (s.medianClass === undefined) throw new Error(`${who(r)} kind="medianClass": only banded questions have a median class (q="${r.q}" is ${t.type}); use kind="median"`);
      return { text: s.medianClass, title: `${info.label}の中央値を含む階級（${where}、${formatBase(s.n)}）`, caution };
    }
    const x = kind === 'mean' ? s.mean : s.median;
    return { text: `${formatNumber(x, r.digits ?? 1)}${unit?.unit ?? ''}`, title: `${info.label}の${kind === 'mean' ? '平均' : '中央値'}（${where}、${formatBase(s.n)}）`, caution };
  }
  const row = pickRow(t, r);
  const cell = row.cells[col];
  if (kind === 'count') return { text: formatNumber(cell.count, 0), title: `「${row.label}」と答えた人数（${where}、${formatBase(column.n)}）`, caution };
  // Tables print a true zero as "–"; running text says "0%".
  const percent = cell.proportion === 0 ? '0' : formatPercent(cell.proportion, { digits: r.digits ?? 1 });
  return { text: `${percent}%`, title: `${info.label}：「${row.label}」（${where}、${formatBase(column.n)}）`, caution };
}
