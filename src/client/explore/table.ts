/**
 * Renders the shared table model (lib/charts/model.ts, the same the report pages use) as an
 * accessible HTML table, in percent or count view. Labels from data only go through textContent.
 */
import type { TableModel } from '../../lib/charts/model.ts';
import { countText } from '../../lib/charts/fmt.ts';
import type { ExploreStrings } from '../../lib/i18n/explore.ts';

export type Show = 'percent' | 'count';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** What a body cell shows: the model's text, or its count in count view. */
function cellText(cell: TableModel['body'][number]['cells'][number], show: Show): string {
  if (show === 'count' && cell.count !== null) return cell.count === 0 ? '–' : countText(cell.count);
  return cell.text;
}

/** Confidence interval text of a body cell (row label, column index), or null for none. */
export type IntervalText = (rowLabel: string, column: number) => string | null;

/** A <table> for the model, with a caption; `keys` are the column keys (data-key). */
export function renderTable(model: TableModel, caption: string, show: Show, keys: string[], interval: IntervalText | null = null, words?: ExploreStrings): HTMLTableElement {
  const table = el('table', undefined, 'x-table');
  table.append(el('caption', caption));
  const head = el('thead');
  const headRow = el('tr');
  const unit = show === 'count' && model.unit ? (words?.people ?? '人') : model.unit;
  headRow.append(el('th', unit ? (words ? words.withUnit(model.corner, unit) : `${model.corner}（${unit}）`) : model.corner));
  model.head.forEach((c, k) => {
    const th = el('th');
    th.scope = 'col';
    th.dataset.key = keys[k] ?? String(k);
    if (c.letter) th.append(el('span', c.letter, 'x-letter'), ' ');
    th.append(c.label);
    headRow.append(th);
  });
  head.append(headRow);
  if (model.head.some((c) => c.base)) {
    const baseRow = el('tr', undefined, 'x-base');
    baseRow.append(el('th', words?.base ?? '基数'));
    for (const c of model.head) {
      const mark = c.base === 'n=0' || c.base === 'n=非公開' || c.base === 'n=withheld' ? '' : c.suppressed ? '×' : c.caution ? '†' : '';
      const td = el('td', `${c.base}${mark}`);
      if (c.caution) td.classList.add('x-caution');
      baseRow.append(td);
    }
    head.append(baseRow);
  }
  table.append(head);
  const body = el('tbody');
  for (const r of model.body) {
    const tr = el('tr', undefined, `x-row-${r.kind}`);
    const th = el('th', r.label);
    th.scope = 'row';
    tr.append(th);
    r.cells.forEach((c, k) => {
      const td = el('td');
      td.append(el('span', cellText(c, show), 'x-value'));
      if (c.letters && show === 'percent') td.append(el('span', c.letters, 'x-letters'));
      const ci = interval && show === 'percent' ? interval(r.label, k) : null;
      if (ci) td.append(el('span', ci, 'x-ci'));
      if (c.caution) td.classList.add('x-caution');
      tr.append(td);
    });
    body.append(tr);
  }
  table.append(body);
  return table;
}
