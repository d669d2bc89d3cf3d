/**
 * `<Stat>`: one computed number for running text. Every name it is given is checked against
 * the data; anything unknown throws an error that names the MDX prop and lists the valid
 * choices, so the build fails instead of printing a wrong figure. Suppressed cells (base below
 * the suppression threshold) refuse to print.
 */
import { meanShown, medianInOpenClass, openClass, openClassShare, OPEN_CLASS_MAX_SHARE } from '../lib/charts/banded.ts';
import type { Option } from '../lib/dataset/codebook.ts';
import { formatBase, formatNumber, formatPercent } from '../lib/stats/format.ts';
import type { PublishedTable } from '../lib/dataset/types.ts';
import type { CrossTab, TableRow } from '../lib/stats/types.ts';
import { getWave, tableFor, variableInfo } from './figure-data.ts';
import type { CatalogWave } from '../server/catalog.ts';
import { choicesOf, FigureError, FigureNameError, idChoices, listJa, type SameKeys } from './figure-error.ts';

export const STAT_KINDS = ['percent', 'count', 'mean', 'median', 'medianClass', 'base'] as const;
export type StatKind = (typeof STAT_KINDS)[number];

/** Every prop of `<Stat>` (Stat.astro takes exactly a StatRequest). */
export const STAT_PROPS = ['q', 'option', 'net', 'by', 'segment', 'universe', 'kind', 'digits', 'survey', 'wave'] as const;
true satisfies SameKeys<keyof StatRequest, (typeof STAT_PROPS)[number]>;

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
    if (!row) throw new FigureNameError(`${who(r)} net="${r.net}": no such net. Valid: ${nets.join(', ') || '(this question has no nets)'}`, { prop: 'net', value: r.net, kind: 'net', scope: r.q, choices: choicesOf(t.rows.filter((x) => x.kind === 'net').map((x) => ({ key: x.key.slice(4), label: x.label }))) });
    return row;
  }
  if (r.option === undefined) throw new FigureError(`${who(r)}: give option= (or net=) for kind="${r.kind ?? 'percent'}". Valid options: ${options.map((o) => `${o.key} (${o.label})`).join(', ')}`, `には option（選択肢）か net（ネット）が必要です（kind="${r.kind ?? 'percent'}"）。選べる選択肢：${listJa(options)}。`);
  const wanted = String(r.option);
  const row = options.find((o) => o.key === wanted) ?? options.find((o) => o.label === wanted);
  if (!row) throw new FigureNameError(`${who(r)} option="${wanted}": no such option. Valid: ${options.map((o) => `${o.key} (${o.label})`).join(', ')}`, { prop: 'option', value: wanted, kind: 'option', scope: r.q, choices: choicesOf(options) });
  return row;
}

function pickColumn(t: CrossTab, r: StatRequest): number {
  if (r.segment === undefined) return 0;
  if (!r.by) throw new FigureError(`${who(r)} segment="${r.segment}": segment needs by= (the banner it is a column of)`, `の segment="${r.segment}" には、その列を持つ分析軸 by が必要です。`);
  const wanted = String(r.segment);
  const i = t.columns.findIndex((c, k) => k > 0 && (c.key === wanted || c.label === wanted));
  if (i < 0) throw new FigureNameError(`${who(r)} segment="${wanted}": no such column of by="${r.by}". Valid: ${t.columns.slice(1).map((c) => `${c.key} (${c.label})`).join(', ')}`, { prop: 'segment', value: wanted, kind: 'segment', scope: r.by, choices: choicesOf(t.columns.slice(1)) });
  return i;
}

/** Computes the number a <Stat> shows. */
export function statValue(r: StatRequest): StatValue {
  const kind = r.kind ?? 'percent';
  if (!(STAT_KINDS as readonly string[]).includes(kind)) throw new FigureNameError(`${who(r)} kind="${kind}": expected ${STAT_KINDS.join(', ')}`, { prop: 'kind', value: kind, kind: 'kind', scope: '<Stat>', choices: idChoices(STAT_KINDS) });
  const wave = getWave(r.survey, r.wave, '<Stat>');
  const dataset = wave.dataset;
  if (!dataset) return publishedValue(wave, r, kind);
  const info = variableInfo(dataset, r.q, 'q', '<Stat>');
  if (info.type === 'grid') throw new FigureError(`${who(r)}: q="${r.q}" is a grid; name one of its rows as q="${r.q}__<row>"`, `の q="${r.q}" はグリッド設問です。1行を q="${r.q}__<行>" のように指定してください。`);
  const scope = `${wave.survey}/${wave.wave}`;
  if (r.by && !dataset.variables.has(r.by)) throw new FigureNameError(`${who(r)} by="${r.by}": unknown variable`, { prop: 'by', value: r.by, kind: 'banner', scope, choices: idChoices(dataset.variables.keys()) });
  if (r.universe !== undefined && !dataset.universes.has(r.universe)) throw new FigureNameError(`${who(r)} universe="${r.universe}": unknown universe. Valid: ${[...dataset.universes.keys()].join(', ')}`, { prop: 'universe', value: r.universe, kind: 'universe', scope, choices: idChoices(dataset.universes.keys()) });
  const t = tableFor(wave, { question: r.q, banner: r.by ?? null, universe: r.universe });
  const col = pickColumn(t, r);
  const column = t.columns[col];
  const where = `${t.universeLabel}${col > 0 ? `・${column.label}` : ''}`;
  const caution = column.caution;
  if (kind === 'base') return { text: formatNumber(column.n, 0), title: `${info.label}：${where}の回答者数`, caution: false };
  // The option or net is resolved before the base is judged: a name that does not exist is the first thing to fix.
  const row = kind === 'percent' || kind === 'count' ? pickRow(t, r) : null;
  if (column.suppressed) throw new FigureError(`${who(r)}: the base is ${formatBase(column.n)}, below the suppression threshold; this figure cannot be published`, `の回答者数は ${formatBase(column.n)} で、秘匿の基準を下回るため、この数値は掲載できません。`);
  if (kind === 'mean' || kind === 'median' || kind === 'medianClass') {
    const s = t.summaries?.[col];
    if (!s) throw new FigureError(`${who(r)} kind="${kind}": only banded and numeric questions have a ${kind} (q="${r.q}" is ${t.type})`, `の kind="${kind}" は、階級（banded）か数値（numeric）の設問にしか使えません（q="${r.q}" は ${t.type}）。`);
    const unit = dataset.codebook.questions.find((q) => q.id === r.q && 'unit' in q) as { unit?: string } | undefined;
    if (kind === 'medianClass') {
      if (s.medianClass === undefined) throw new FigureError(`${who(r)} kind="medianClass": only banded questions have a median class (q="${r.q}" is ${t.type}); use kind="median"`, `の kind="medianClass"（中央値を含む階級）は階級（banded）の設問にしか使えません（q="${r.q}" は ${t.type}）。kind="median" を使ってください。`);
      return { text: s.medianClass, title: `${info.label}の中央値を含む階級（${where}、${formatBase(s.n)}）`, caution };
    }
    if (kind === 'mean' && t.type === 'banded') {
      // A banded mean resting on many answers in the open top class is not quoted (lib/charts/banded.ts).
      const options = (dataset.variables.get(r.q) as { options?: Option[] } | undefined)?.options ?? [];
      if (!meanShown(t, col, options)) {
        const share = openClassShare(t, col, options);
        throw new FigureError(
          `${who(r)} kind="mean": ${(share * 100).toFixed(1)}% of the answers are in the open top class 「${openClass(options)?.label}」 (more than ${OPEN_CLASS_MAX_SHARE * 100}%), so the mean rests on the value assumed for it; quote kind="medianClass" or kind="median" instead`,
          `の kind="mean"：回答の ${(share * 100).toFixed(1)}% が上限のない階級「${openClass(options)?.label}」にあり（${OPEN_CLASS_MAX_SHARE * 100}% まで）、平均はその階級に仮定した値で決まってしまいます。kind="medianClass" か kind="median" を使ってください。`,
        );
      }
    }
    if (kind === 'median' && medianInOpenClass(s)) throw new FigureError(`${who(r)} kind="median": the median falls in the open top class (${s.medianClass}), so the value is only the class's lower bound; quote kind="medianClass" instead`, `の kind="median"：中央値が上限のない階級（${s.medianClass}）にあり、値はその階級の下限でしかありません。kind="medianClass" を使ってください。`);
    const x = kind === 'mean' ? s.mean : s.median;
    return { text: `${formatNumber(x, r.digits ?? 1)}${unit?.unit ?? ''}`, title: `${info.label}の${kind === 'mean' ? '平均' : '中央値'}（${where}、${formatBase(s.n)}）`, caution };
  }
  const picked = row as TableRow; // percent and count picked their row above
  const cell = picked.cells[col];
  if (kind === 'count') return { text: formatNumber(cell.count, 0), title: `「${picked.label}」と答えた人数（${where}、${formatBase(column.n)}）`, caution };
  // Tables print a true zero as "–"; running text says "0%".
  const percent = cell.proportion === 0 ? '0' : formatPercent(cell.proportion, { digits: r.digits ?? 1 });
  return { text: `${percent}%`, title: `${info.label}：「${picked.label}」（${where}、${formatBase(column.n)}）`, caution };
}

/**
 * A figure of a published-tables wave, as printed: the table of `q` in `universe` (default: the
 * only universe it was printed for), total segment. Percentages are the printed ones (one decimal
 * unless `digits` is given); one published only as a count is computed from count / base.
 */
function publishedValue(wave: CatalogWave, r: StatRequest, kind: StatKind): StatValue {
  const at = `${wave.survey}/${wave.wave}`;
  const tables = (wave.tables ?? []).filter((t) => t.segment === 'total');
  const printed = [...new Set(tables.map((t) => `q="${t.question}" universe="${t.universe}"`))].join('; ') || '(none)';
  if (r.by !== undefined || r.segment !== undefined) throw new FigureError(`${who(r)} wave="${wave.wave}": ${at} has published tables only; only the total is available (drop by= and segment=)`, `：${at} は公表集計表だけの調査回で、全体の値しかありません（by と segment を外してください）。`);
  if (kind !== 'percent' && kind !== 'count' && kind !== 'base') throw new FigureError(`${who(r)} wave="${wave.wave}" kind="${kind}": ${at} has published tables only; expected percent, count or base`, `の kind="${kind}"：${at} は公表集計表だけの調査回で、使えるのは percent、count、base です。`);
  const candidates = tables.filter((t) => t.question === r.q && (r.universe === undefined || t.universe === r.universe));
  if (candidates.length === 0) {
    const message = `${who(r)} wave="${wave.wave}"${r.universe ? ` universe="${r.universe}"` : ''}: no published table of q="${r.q}" in ${at}. Valid: ${printed}`;
    const universes = tables.filter((t) => t.question === r.q).map((t) => t.universe);
    throw new FigureNameError(
      message,
      universes.length > 0
        ? { prop: 'universe', value: String(r.universe), kind: 'universe', scope: at, choices: idChoices(new Set(universes)), reason: 'not-printed' }
        : { prop: 'q', value: r.q, kind: 'question', scope: at, choices: idChoices(new Set(tables.map((t) => t.question))), reason: 'not-printed' },
    );
  }
  if (candidates.length > 1) throw new FigureError(`${who(r)} wave="${wave.wave}": q="${r.q}" was published for several universes in ${at}; give universe= (valid: ${candidates.map((t) => t.universe).join(', ')})`, `：q="${r.q}" は ${at} で複数の集計対象について公表されています。universe を指定してください（${candidates.map((t) => t.universe).join('、')}）。`);
  const table = candidates[0];
  const where = `${wave.wave}年・${wave.codebook.universes.find((u) => u.id === table.universe)?.label ?? table.universe}、${formatBase(table.base)}、公表値${table.source ? `：${table.source}` : ''}`;
  if (kind === 'base') return { text: formatNumber(table.base, 0), title: `${r.q}の回答者数（${where}）`, caution: false };
  const cell = publishedCell(table, r, wave);
  if (kind === 'count') {
    if (cell.count === null) throw new FigureError(`${who(r)} wave="${wave.wave}" kind="count": ${at} published only a percentage for this option; use kind="percent"`, `の kind="count"：${at} はこの選択肢の割合しか公表していません。kind="percent" を使ってください。`);
    return { text: formatNumber(cell.count, 0), title: `人数（${where}）`, caution: table.base < 30 };
  }
  const percent = cell.percent ?? (cell.count !== null && table.base > 0 ? (cell.count / table.base) * 100 : Number.NaN);
  const text = percent === 0 ? '0' : formatNumber(percent, r.digits ?? 1);
  return { text: `${text}%`, title: `${cell.label}（${where}）`, caution: table.base < 30 };
}

/** The published cell of the option named by code (or by the wave's option label). */
function publishedCell(table: PublishedTable, r: StatRequest, wave: CatalogWave): PublishedTable['cells'][number] & { label: string } {
  const [qid] = table.question.split('__');
  const q = wave.codebook.questions.find((x) => x.id === qid);
  const labels = new Map(q && 'options' in q ? q.options.map((o) => [o.code, o.label]) : []);
  const valid = table.cells.map((c) => `${c.option}${labels.has(c.option) ? ` (${labels.get(c.option)})` : ''}`).join(', ');
  const validJa = listJa(table.cells.map((c) => ({ key: c.option, label: labels.get(c.option) })));
  if (r.net !== undefined) throw new FigureError(`${who(r)} wave="${wave.wave}" net="${r.net}": published tables have no nets. Valid options: ${valid}`, `の net="${r.net}"：公表集計表にネットはありません。選べる選択肢：${validJa}。`);
  if (r.option === undefined) throw new FigureError(`${who(r)} wave="${wave.wave}": give option=. Valid options: ${valid}`, `には option（選択肢）が必要です。選べる選択肢：${validJa}。`);
  const wanted = String(r.option);
  const cell = table.cells.find((c) => String(c.option) === wanted || labels.get(c.option) === wanted);
  if (!cell) throw new FigureNameError(`${who(r)} wave="${wave.wave}" option="${wanted}": not published for q="${table.question}" universe="${table.universe}". Valid: ${valid}`, { prop: 'option', value: wanted, kind: 'option', scope: table.question, choices: choicesOf(table.cells.map((c) => ({ key: c.option, label: labels.get(c.option) }))), reason: 'not-printed' });
  return { ...cell, label: `${q?.label ?? table.question}：「${labels.get(cell.option) ?? cell.option}」` };
}
