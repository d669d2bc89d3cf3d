/**
 * Renders the table display model (lib/explore/view.ts) as an accessible HTML table. Labels from
 * data only ever go through textContent.
 */
import type { TableView } from '../../lib/explore/view.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A <table> for the view, with a caption. */
export function renderTable(view: TableView, caption: string): HTMLTableElement {
  const table = el('table', undefined, 'x-table');
  table.append(el('caption', caption));
  const head = el('thead');
  const headRow = el('tr');
  headRow.append(el('th', `選択肢（${view.unit}）`));
  for (const c of view.columns) {
    const th = el('th');
    th.scope = 'col';
    th.dataset.key = c.key;
    if (c.letter) th.append(el('span', c.letter, 'x-letter'), ' ');
    th.append(c.label);
    headRow.append(th);
  }
  head.append(headRow);
  const baseRow = el('tr', undefined, 'x-base');
  baseRow.append(el('th', '基数（n）'));
  for (const c of view.columns) {
    const td = el('td', `${c.n.toLocaleString('ja-JP')}${c.suppressed ? '×' : c.caution ? '†' : ''}`);
    if (c.caution) td.classList.add('x-caution');
    baseRow.append(td);
  }
  head.append(baseRow);
  table.append(head);
  const body = el('tbody');
  for (const r of view.rows) {
    const tr = el('tr', undefined, `x-row-${r.kind}`);
    tr.dataset.key = r.key;
    const th = el('th', r.label);
    th.scope = 'row';
    tr.append(th);
    r.cells.forEach((c, k) => {
      const td = el('td');
      td.dataset.col = view.columns[k].key;
      td.append(el('span', c.text, 'x-value'));
      if (c.letters) td.append(el('span', c.letters, 'x-letters'));
      if (c.caution) td.classList.add('x-caution');
      if (c.suppressed) td.classList.add('x-suppressed');
      if (c.ci) td.title = `95%信頼区間 ${c.ci}`;
      tr.append(td);
    });
    body.append(tr);
  }
  table.append(body);
  return table;
}
