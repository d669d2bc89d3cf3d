/**
 * The table behind a chart, as display strings: what the <CrossTab> component renders as a real
 * HTML table (and what the table view of the explorer shows). Every cell keeps its flags so the
 * component can mark 参考値 and suppressed cells without re-deriving them.
 */
import type { CrossTab } from '../stats/types.ts';
import { formatBase, formatPercent } from '../stats/format.ts';
import { rowOrder } from './spec-bars.ts';
import { baseText, countText, NOT_ASKED, numberText, percentText, SUPPRESSED, symbolLegend } from './fmt.ts';
import { meanShown, medianClassLabel, medianInOpenClass } from './banded.ts';

/** In place of a banded mean that rests on too many open-class answers (banded.ts). */
export const MEAN_NOT_SHOWN = '（中央値の階級を参照）';
import { emptyColumns, withoutEmptyColumns } from './columns.ts';
import { isGrid, isTrend, type ChartTable, type ChartVariable } from './types.ts';
import { chartWords } from './words.ts';
import type { Lang } from '../i18n/lang.ts';

export interface HeadCell {
  label: string;
  /** "n=221" (plain tables) or '' */
  base: string;
  letter: string;
  caution: boolean;
  suppressed: boolean;
}

export interface BodyCell {
  /** "35.7", "–", "×", or a count / mean. */
  text: string;
  letters: string;
  caution: boolean;
  /** Count behind a percentage (null when the cell is not a percentage). */
  count: number | null;
}

export interface BodyRow {
  label: string;
  /** `option`, `net`, `noAnswer`, `base` or `summary` (mean, median). */
  kind: 'option' | 'net' | 'noAnswer' | 'base' | 'summary';
  cells: BodyCell[];
}

export interface TableModel {
  /** Header of the row-label column ("選択肢", "項目"). */
  corner: string;
  head: HeadCell[];
  body: BodyRow[];
  /** Unit of the body cells ("%"). */
  unit: string;
  /** Labels of banner columns left out because nobody falls into them (n = 0). */
  emptyColumns?: string[];
}

function plain(table: CrossTab, variable?: ChartVariable, lang: Lang = 'ja'): TableModel {
  const w = chartWords(lang);
  // Percent of responses: the base of each percentage is the column's responses (without the
  // non-substantive ones on the substantive base), shown beside its respondents (issue 11).
  const responses = table.type === 'multi' && table.options.multiPercent === 'responses';
  const head: HeadCell[] = table.columns.map((c, i) => ({
    label: c.label,
    base: responses && !c.withheld ? w.responsesBase(countText(c.baseN ?? 0), baseText(c, lang)) : baseText(c, lang),
    letter: c.letter,
    caution: c.caution,
    suppressed: c.suppressed,
  }));
  const main = rowOrder(table);
  const order = [...main, ...table.rows.filter((r) => r.kind === 'net'), ...table.rows.filter((r) => r.kind === 'noAnswer' && !main.includes(r))];
  const body: BodyRow[] = order.map((r) => ({
    label: r.kind === 'net' ? w.net(r.label) : r.label,
    kind: r.kind,
    cells: r.cells.map((cell, i) => ({
      text: percentText(cell, table.columns[i]),
      letters: table.columns[i].caution ? '' : cell.letters,
      caution: table.columns[i].caution,
      // A suppressed column shows no count either (an exact count would reveal what the × hides).
      count: table.columns[i].suppressed ? null : cell.count,
    })),
  }));
  const unit = variable?.unit ?? '';
  for (const [label, pick] of [
    [w.mean, (s: NonNullable<CrossTab['summaries']>[number]) => s.mean],
    [w.median, (s: NonNullable<CrossTab['summaries']>[number]) => s.median],
  ] as const) {
    if (!table.summaries) break;
    const mean = label === w.mean;
    body.push({
      label: w.withUnit(label, unit),
      kind: 'summary',
      // The precision the chart prints (numberText's default), so chart and table never disagree.
      // A banded mean resting on too many open-class answers is not shown (banded.ts).
      cells: table.summaries.map((s, i) => ({
        text: table.columns[i].suppressed
          ? SUPPRESSED
          : (mean ? !meanShown(table, i, variable?.options ?? []) : medianInOpenClass(s))
            ? w.meanNotShown
            : numberText(pick(s)),
        letters: '', caution: table.columns[i].caution, count: null,
      })),
    });
  }
  if (table.type === 'banded' && table.summaries?.some((s) => s.medianClass !== undefined)) {
    body.push({
      label: w.medianClass,
      kind: 'summary',
      cells: table.summaries.map((s, i) => ({ text: table.columns[i].suppressed ? SUPPRESSED : medianClassLabel(s, variable?.options ?? []), letters: '', caution: table.columns[i].caution, count: null })),
    });
  }
  // A numeric question's rows are its summaries (mean, median: their unit is in the row label), not options in %.
  return table.type === 'numeric' ? { corner: w.cornerSummary, head, body, unit: '' } : { corner: w.cornerOptions, head, body, unit: '%' };
}

/**
 * The legend of the –, … symbols a table model shows (× is explained with its threshold by the
 * marks notes of figures and the explorer).
 */
export function modelSymbolLegend(model: TableModel): string[] {
  return symbolLegend(model.body.flatMap((r) => r.cells.map((c) => c.text)), [SUPPRESSED]);
}

/** The table model of any chart table (grid: rows × scale; trend: options × waves). */
export function tableModel(table: ChartTable, variable?: ChartVariable, lang: Lang = 'ja'): TableModel {
  const w = chartWords(lang);
  if (isGrid(table)) {
    const options = table.tables[0].rows.filter((r) => r.kind !== 'noAnswer' || table.tables.some((t) => t.rows.find((x) => x.key === r.key)?.cells[0].count));
    return {
      corner: w.cornerItems,
      head: [{ label: w.base, base: '', letter: '', caution: false, suppressed: false }, ...options.map((o) => ({ label: o.kind === 'net' ? w.net(o.label) : o.label, base: '', letter: '', caution: false, suppressed: false }))],
      body: table.tables.map((t, i) => {
        const col = t.columns[0];
        return {
          label: table.rowLabels[i],
          kind: 'option' as const,
          cells: [
            { text: countText(col.n), letters: '', caution: col.caution, count: null },
            ...options.map((o) => {
              const row = t.rows.find((r) => r.key === o.key);
              return { text: row ? percentText(row.cells[0], col) : NOT_ASKED, letters: '', caution: col.caution, count: row?.cells[0].count ?? null };
            }),
          ],
        };
      }),
      unit: '%',
    };
  }
  if (isTrend(table)) {
    const last = table.waves[table.waves.length - 1];
    // Every option the chart draws: the latest wave's first, then any only earlier waves have
    // (shown with … where a wave did not ask or print it), so table and chart agree.
    const seen = new Set<number>();
    const options = [...table.points.filter((p) => p.wave === last), ...table.points.filter((p) => p.wave !== last)].filter((p) => !seen.has(p.option) && seen.add(p.option));
    const baseOf = (wave: string) => table.points.find((p) => p.wave === wave)?.base ?? 0;
    return {
      corner: w.cornerOptions,
      head: table.waves.map((w) => ({ label: w, base: formatBase(baseOf(w)), letter: '', caution: baseOf(w) < 30, suppressed: false })),
      body: options.map((o) => ({
        label: o.label,
        kind: 'option' as const,
        cells: table.waves.map((w) => {
          const p = table.points.find((x) => x.wave === w && x.option === o.option);
          return { text: p ? formatPercent(p.proportion) : NOT_ASKED, letters: '', caution: (p?.base ?? 0) < 30, count: null };
        }),
      })),
      unit: '%',
    };
  }
  const empty = emptyColumns(table);
  const model = plain(withoutEmptyColumns(table), variable, lang);
  return empty.length > 0 ? { ...model, emptyColumns: empty } : model;
}

