/**
 * A codebook's frequency table of one variable: each option's count and percentage on the
 * question's base (the engine's total column, 無回答 included), with the site's marks — a
 * suppressed or withheld column shows neither counts nor percentages (×), exactly as a chart's
 * table does (model.ts, fmt.ts).
 */
import type { CrossTab } from '../stats/types.ts';
import { baseText, countText, percentText, SUPPRESSED } from './fmt.ts';

export interface FrequencyRow {
  /** Option code as in the data ('' for a net or 無回答). */
  code: string;
  label: string;
  kind: 'option' | 'net' | 'noAnswer';
  /** "123", or × when the column is suppressed. */
  count: string;
  /** "35.7", "–", or ×. */
  percent: string;
}

export interface Frequencies {
  /** "n=221", or "n=非公開". */
  base: string;
  rows: FrequencyRow[];
  /** The base is below the suppression threshold or withheld: no figures are shown. */
  suppressed: boolean;
  /** 参考値 (base below the caution threshold). */
  caution: boolean;
}

/** The frequencies of a table's total column (column 0). */
export function frequencies(table: CrossTab): Frequencies {
  const col = table.columns[0];
  const hidden = col.suppressed || Boolean(col.withheld);
  const rows = [...table.rows.filter((r) => r.kind === 'option'), ...table.rows.filter((r) => r.kind === 'net'), ...table.rows.filter((r) => r.kind === 'noAnswer' && r.cells[0].count > 0)];
  return {
    base: baseText(col),
    suppressed: hidden,
    caution: col.caution && !hidden,
    rows: rows.map((r) => ({
      code: r.kind === 'option' ? r.key : '',
      label: r.kind === 'net' ? `［計］${r.label}` : r.label,
      kind: r.kind,
      // A suppressed column shows no count either (an exact count would reveal what the × hides).
      count: hidden ? SUPPRESSED : countText(r.cells[0].count),
      percent: percentText(r.cells[0], col),
    })),
  };
}
