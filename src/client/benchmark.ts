/**
 * `<hakusho-benchmark>`: the self-benchmark page (/benchmark/). Loads the site's own
 * `/data/benchmark.json` (published aggregates only), reads the reader's values from the URL or the
 * form, and shows where they fall (src/lib/benchmark/). Nothing is sent anywhere: the values stay
 * in this page and its URL (history.replaceState), which is the link to share.
 *
 * Every text from the data is set with textContent, never as HTML.
 */
import { describeResult, type ResultView } from '../lib/benchmark/describe.ts';
import { emptyState, EMPLOYEES_PARAM, parseBenchmarkState, readAnswer, readNumber, SEGMENT_PARAM, serializeBenchmarkState, type BenchmarkState } from '../lib/benchmark/state.ts';
import type { SegmentChoice } from '../lib/benchmark/compare.ts';
import type { BenchmarkData } from '../lib/benchmark/types.ts';

const SEGMENT_WORDS: Record<SegmentChoice, string> = { all: '全体', saas: 'SaaS', size: '従業員規模が同じ企業' };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A result table (`data-role`) with its caption, a header row of column headings and an empty body. */
function headedTable(role: string, caption: string, headings: string[]): HTMLTableElement {
  const table = el('table', undefined, 'bm-table');
  table.dataset.role = role;
  table.append(el('caption', caption));
  const head = el('tr');
  for (const t of headings) {
    const th = el('th', t);
    th.scope = 'col';
    head.append(th);
  }
  table.append(el('thead'), el('tbody'));
  table.tHead?.append(head);
  return table;
}

export class HakushoBenchmark extends HTMLElement {
  data: BenchmarkData | null = null;
  state: BenchmarkState = emptyState();
  /** Number of times results were rendered (read by tests). */
  renderCount = 0;

  get form(): HTMLFormElement | null {
    return this.querySelector<HTMLFormElement>('form[data-role="form"]');
  }

  connectedCallback(): void {
    this.form?.addEventListener('submit', (e) => {
      e.preventDefault();
      this.fromForm();
    });
    this.form?.addEventListener('change', () => this.fromForm());
    window.addEventListener('popstate', () => this.fromUrl(false));
    void this.load();
  }

  async load(): Promise<void> {
    const url = this.getAttribute('data-src') ?? '/data/benchmark.json';
    try {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      this.data = (await response.json()) as BenchmarkData;
    } catch (e) {
      this.showNotices([`集計値を読み込めませんでした（${(e as Error).message}）。ページを再読み込みしてください。`]);
      return;
    }
    this.fromUrl(true);
    this.setAttribute('data-ready', '');
  }

  /** Reads the URL: fills the form, shows what was ignored, renders; an initial bad URL is rewritten in place. */
  fromUrl(initial: boolean): void {
    if (!this.data) return;
    const parsed = parseBenchmarkState(location.search, this.data.metrics);
    this.state = parsed.state;
    this.showNotices(parsed.notices);
    this.fillForm();
    this.render();
    if (initial && parsed.notices.length > 0) history.replaceState(null, '', this.href());
  }

  /** Reads the form, renders, and puts the values in the URL (replacing the entry: a link to share, not a trail). */
  fromForm(): void {
    const form = this.form;
    if (!this.data || !form) return;
    const fields = new FormData(form);
    const notices: string[] = [];
    const state = emptyState();
    for (const metric of this.data.metrics) {
      const raw = String(fields.get(metric.id) ?? '').trim();
      if (raw === '') {
        const input = form.elements.namedItem(metric.id);
        // A number field holding text the browser cannot read reports an empty value.
        if (input instanceof HTMLInputElement && input.validity.badInput) notices.push(`${metric.label}の値が数値として読めないため無視しました。`);
        continue;
      }
      const { answer, notice } = readAnswer(metric, raw);
      if (notice) notices.push(notice);
      if (answer) state.answers.set(metric.id, answer);
    }
    const seg = String(fields.get(SEGMENT_PARAM) ?? 'all');
    state.segment = seg === 'saas' || seg === 'size' ? seg : 'all';
    const emp = String(fields.get(EMPLOYEES_PARAM) ?? '').trim();
    if (emp !== '') {
      const value = readNumber(emp);
      if (value === null) notices.push('従業員数が数値として読めないため無視しました。');
      else state.employees = value;
    }
    this.state = state;
    this.showNotices(notices);
    this.render();
    history.replaceState(null, '', this.href());
  }

  href(): string {
    return `${location.pathname}${serializeBenchmarkState(this.state, this.data?.metrics ?? [])}`;
  }

  fillForm(): void {
    const form = this.form;
    if (!form || !this.data) return;
    for (const metric of this.data.metrics) {
      const answer = this.state.answers.get(metric.id);
      const value = answer ? String('value' in answer ? answer.value : answer.code) : '';
      const field = form.elements.namedItem(metric.id);
      if (field instanceof RadioNodeList) {
        for (const radio of field) if (radio instanceof HTMLInputElement) radio.checked = radio.value === value;
      } else if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
    }
    const seg = form.elements.namedItem(SEGMENT_PARAM);
    if (seg instanceof HTMLSelectElement) seg.value = this.state.segment;
    const emp = form.elements.namedItem(EMPLOYEES_PARAM);
    if (emp instanceof HTMLInputElement) emp.value = this.state.employees === null ? '' : String(this.state.employees);
  }

  showNotices(notices: string[]): void {
    const box = this.querySelector<HTMLElement>('[data-role="notices"]');
    if (!box) return;
    box.replaceChildren(...notices.map((n) => el('p', n)));
    box.hidden = notices.length === 0;
  }

  render(): void {
    const data = this.data;
    const list = this.querySelector<HTMLElement>('[data-role="list"]');
    const empty = this.querySelector<HTMLElement>('[data-role="empty"]');
    const meta = this.querySelector<HTMLElement>('[data-role="meta"]');
    const permalink = this.querySelector<HTMLAnchorElement>('[data-role="permalink"]');
    if (!data || !list) return;
    const views = data.metrics.flatMap((m) => {
      const answer = this.state.answers.get(m.id);
      return answer ? [describeResult(data, m, answer, this.state.segment, this.state.employees)] : [];
    });
    list.replaceChildren(...views.map((v) => this.result(v)));
    if (empty) empty.hidden = views.length > 0;
    if (meta) {
      const emp = this.state.segment === 'size' && this.state.employees !== null ? `（従業員数 ${this.state.employees}名）` : '';
      meta.textContent = views.length > 0 ? `比べる相手：${SEGMENT_WORDS[this.state.segment]}${emp}。設問ごとに、その設問を尋ねた調査の回答者と比べています。` : '';
    }
    if (permalink) permalink.href = this.href();
    this.renderCount++;
  }

  /** One metric's result: heading, answer, summary, distribution table with bars, notes, source. */
  result(v: ResultView): HTMLElement {
    const article = el('article', undefined, 'bm-result');
    article.dataset.metric = v.metric;
    const id = `bm-result-${v.metric}`;
    const h = el('h3', v.title);
    h.id = id;
    article.setAttribute('aria-labelledby', id);
    article.append(h, el('p', v.answer, 'bm-answer'));
    const summary = el('p', v.summary, 'bm-summary');
    summary.dataset.role = 'summary';
    article.append(summary);
    if (v.compared) article.append(this.distribution(v));
    if (v.effect) {
      const box = el('div', undefined, 'bm-effect');
      const table = headedTable('effect', v.effect.caption, ['回答', '割合', '基数']);
      for (const r of v.effect.rows) {
        const tr = el('tr', undefined, r.mine ? 'bm-mine' : undefined);
        const th = el('th', r.mine ? `${r.label}（あなた）` : r.label);
        th.scope = 'row';
        tr.append(th, el('td', r.share), el('td', r.base));
        table.tBodies[0].append(tr);
      }
      box.append(table, el('p', v.effect.note, 'bm-muted'));
      article.append(box);
    }
    const notes = el('ul', undefined, 'bm-notes');
    for (const n of [v.universe, ...v.notes]) notes.append(el('li', n));
    article.append(notes);
    const source = el('p', undefined, 'bm-source');
    source.append(el('span', v.source));
    if (v.synthetic) source.append(' ', el('span', '合成サンプルデータ', 'synthetic-badge'));
    article.append(source);
    const links = el('p', undefined, 'bm-links');
    const a1 = el('a', 'この設問の集計');
    a1.href = v.questionUrl;
    const a2 = el('a', 'クロス集計で見る');
    a2.href = v.explorerUrl;
    links.append(a1, '　', a2);
    article.append(links);
    return article;
  }

  /** The distribution as a table: class, share with a bar (decorative: the share is in the table), relation to the reader. */
  distribution(v: ResultView): HTMLElement {
    const wrap = el('div', undefined, 'bm-tablebox');
    const table = headedTable('distribution', v.caption, ['階級・回答', '割合', 'あなたとの関係']);
    for (const r of v.rows) {
      const tr = el('tr', undefined, r.mine ? 'bm-mine' : undefined);
      const th = el('th', r.label);
      th.scope = 'row';
      // The share as text, with a bar under it (decorative: the number says it).
      const share = el('td', undefined, 'bm-num');
      const bar = el('span', undefined, 'bm-bar');
      bar.setAttribute('aria-hidden', 'true');
      const fill = el('span');
      fill.style.width = `${Math.max(0, Math.min(100, r.fraction * 100))}%`;
      bar.append(fill);
      share.append(el('span', r.share), bar);
      tr.append(th, share, el('td', r.mine ? `◀ ${r.relation}` : r.relation, 'bm-relation'));
      table.tBodies[0].append(tr);
    }
    wrap.append(table);
    return wrap;
  }
}

customElements.define('hakusho-benchmark', HakushoBenchmark);
