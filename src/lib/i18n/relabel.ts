/**
 * A computed table with its labels in another language. The engine computes in the codebook's
 * own (Japanese) labels and stays language-free; a page in English takes the same numbers and
 * swaps every label by its key — option codes, net ids, banner codes, the universe id — for the
 * codebook's English (labels.ts). Numbers, letters and bases are never touched.
 */
import type { Codebook } from '../dataset/codebook.ts';
import type { CrossTab, TableColumn, TableRow } from '../stats/types.ts';
import type { ChartTable, ChartVariable, GridTable, TrendTable } from '../charts/types.ts';
import { isGrid, isTrend } from '../charts/types.ts';
import { codebookLabels, type Labels } from './labels.ts';
import type { Lang } from './lang.ts';

/** The engine's own words in a table, in English (the total column, 無回答, and the notes it can give). */
const ENGINE_WORDS: Record<string, string> = {
  全体: 'Total',
  無回答: 'No answer',
  全回答者: 'All respondents',
  'バナーが複数回答のため列間の有意差検定は行っていません（列が回答者を共有するため）': 'The banner is a multiple-answer question, so columns are not tested against each other (they share respondents)',
  '回答数に対する割合のため、有意差検定と信頼区間は示していません（1人の回答が複数含まれ、回答どうしが独立ではないため）': 'Shares of responses carry no significance tests or intervals (one respondent gives several responses, which are not independent)',
};

/** An engine word in a language (unknown words are returned as they are). */
export function engineWord(text: string, lang: Lang): string {
  return lang === 'ja' ? text : (ENGINE_WORDS[text] ?? text);
}

/** The universe a table was computed in: its spec's, else the variable's own. */
function universeOf(cb: Codebook, question: string, universe: string | undefined): string {
  if (universe) return universe;
  const [qid, rowId] = question.split('__');
  const q = cb.questions.find((x) => x.id === qid);
  if (q) return (q.type === 'grid' && rowId ? q.rows.find((r) => r.id === rowId)?.universe : undefined) ?? q.universe;
  return cb.derived.find((d) => d.id === question)?.universe ?? 'all';
}

function relabelRow(row: TableRow, variable: string, labels: Labels): TableRow {
  if (row.kind === 'noAnswer') return { ...row, label: engineWord(row.label, labels.lang) };
  if (row.kind === 'net') return { ...row, label: labels.net(variable, row.key.slice(4)) ?? row.label };
  return { ...row, label: labels.option(variable, Number(row.key)) ?? row.label };
}

function relabelColumn(column: TableColumn, banner: string | null | undefined, labels: Labels): TableColumn {
  if (column.key === 'total') return { ...column, label: engineWord(column.label, labels.lang) };
  return { ...column, label: (banner ? labels.option(banner, Number(column.key)) : undefined) ?? column.label };
}

/** A CrossTab with its labels in the language of `labels` (of the table's own codebook). */
export function relabelCrossTab(t: CrossTab, labels: Labels, cb: Codebook): CrossTab {
  if (labels.lang === 'ja') return t;
  const variable = t.spec.question;
  // Banded: the median class is named by its option's label (or "≥ L<unit>" for an open top class).
  const [qid] = variable.split('__');
  const q = cb.questions.find((x) => x.id === qid);
  const options = q && 'options' in q ? q.options : (cb.derived.find((d) => d.id === variable)?.options ?? []);
  const unit = labels.unit(variable);
  const classLabel = (label: string | undefined) => {
    if (label === undefined) return undefined;
    const o = options.find((x) => x.label === label);
    if (o) return labels.option(variable, o.code) ?? label;
    const open = /^≥ ([\d.]+)/.exec(label);
    return open && q && 'unit' in q ? `≥ ${open[1]}${unit && unit !== '%' ? ` ${unit}` : (unit ?? '')}` : label;
  };
  return {
    ...t,
    universeLabel: labels.universe(universeOf(cb, variable, t.spec.universe)),
    columns: t.columns.map((c) => relabelColumn(c, t.spec.banner, labels)),
    rows: t.rows.map((r) => relabelRow(r, variable, labels)),
    ...(t.summaries ? { summaries: t.summaries.map((s) => ({ ...s, ...(s.medianClass !== undefined ? { medianClass: classLabel(s.medianClass) } : {}) })) } : {}),
    ...(t.lettersNote ? { lettersNote: engineWord(t.lettersNote, labels.lang) } : {}),
  };
}

/** Any chart table with its labels in `lang` (a trend takes the labels of the wave it is shown in). */
export function relabelChartTable(t: ChartTable, cb: Codebook, lang: Lang): ChartTable {
  if (lang === 'ja') return t;
  const labels = codebookLabels(cb, lang);
  if (isGrid(t)) {
    const q = cb.questions.find((x) => x.id === t.question);
    const rows = q?.type === 'grid' ? q.rows : [];
    const grid: GridTable = {
      ...t,
      rowLabels: t.rowLabels.map((label, i) => (rows[i] ? (labels.row(t.question, rows[i].id) ?? label) : label)),
      tables: t.tables.map((x) => relabelCrossTab(x, labels, cb)),
    };
    return grid;
  }
  if (isTrend(t)) {
    const trend: TrendTable = {
      ...t,
      universeLabel: t.universe ? labels.universe(t.universe) : engineWord(t.universeLabel, lang),
      points: t.points.map((p) => ({ ...p, label: labels.option(t.question, p.option) ?? p.label })),
    };
    return trend;
  }
  return relabelCrossTab(t, labels, cb);
}

/** A chart variable (options, unit) in `lang`. */
export function relabelVariable(v: ChartVariable | undefined, variableId: string, cb: Codebook, lang: Lang): ChartVariable | undefined {
  if (!v || lang === 'ja') return v;
  const labels = codebookLabels(cb, lang);
  return {
    ...v,
    options: v.options.map((o) => ({ ...o, label: labels.option(variableId, o.code) ?? o.label, ...(o.short ? { short: o.en?.short ?? labels.option(variableId, o.code) ?? o.short } : {}) })),
    unit: v.unit === null ? null : (labels.unit(variableId) ?? v.unit),
  };
}
