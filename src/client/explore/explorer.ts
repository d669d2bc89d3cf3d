/**
 * `<hakusho-explorer>`: enhances the static explorer page. Reads the embedded catalog, keeps the
 * state in the URL (pushState / popstate), loads the wave's data lazily — public-use rows
 * (`publish: microdata`) or the shown question's protected cube (`publish: aggregates`) — runs the
 * same cross-tab engine as the build and renders chart, table, χ² summary and exports.
 *
 * `data-mode="embed"` shows the chart only (for iframes); controls are absent from that page.
 */
import type { CrossTab } from '../../lib/stats/types.ts';
import type { TrendWave } from '../../lib/stats/trend.ts';
import { trendSources, wordingNotes } from '../../lib/charts/trend-notes.ts';
import type { ChartTable, TrendTable } from '../../lib/charts/types.ts';
import { withoutEmptyColumns } from '../../lib/charts/columns.ts';
import type { ExploreCatalog, CatalogWave, CatalogVariable } from '../../lib/explore/catalog.ts';
import { canCompare, everyoneLabel, findWave } from '../../lib/explore/catalog.ts';
import { parseState, serializeState, type ExploreState, type StateFilter } from '../../lib/explore/state.ts';
import { comparisonColumn, comparisonScope, computeTable, safeQuestionIds, computeTrend, sourceVariable, type ComparisonScope, type ExploreSource } from '../../lib/explore/compute.ts';
import { fitToCube } from '../../lib/explore/restriction.ts';
import { sourceUrl as dataFileUrl } from '../../lib/explore/source.ts';
import { chiSquareText, protectionNotes, tableNotes } from '../../lib/explore/notes.ts';
import { embedSnippet, sourceText } from '../../lib/explore/export.ts';
import { citationBibtex, citationPlain, citationRis, type CiteView } from '../../lib/explore/cite.ts';
import { loadCube, loadDataset, loadHistory, loadTables } from './data.ts';
import { renderTable, type IntervalText } from './table.ts';
import { formatInterval } from '../../lib/stats/format.ts';
import { drawChart, tableCsv, tableModel } from './chart.ts';
import { saveBlob, svgToPng } from '../download.ts';
import { standaloneSvg } from './download.ts';
import { PROTECTED_NOTE, provenanceBase, withProvenance, type Provenance } from '../../lib/charts/provenance.ts';
import { markNotes } from '../../components/figure-notes.ts';
import { modelSymbolLegend } from '../../lib/charts/model.ts';
import { scoreNote } from '../../lib/charts/describe.ts';
import { chartWords } from '../../lib/charts/words.ts';
import type { ChartVariable } from '../../lib/charts/types.ts';
import { exploreStrings, type ExploreStrings } from '../../lib/i18n/explore.ts';
import { relabelFromCatalog, relabelTrendFromCatalog } from '../../lib/i18n/catalog.ts';
import { localPath, type Lang } from '../../lib/i18n/lang.ts';

/** 95% intervals of a cross-tab's cells, looked up by the table model's row labels. */
function intervalText(tab: CrossTab, x: ExploreStrings): IntervalText {
  const rows = new Map(tab.rows.map((r) => [r.kind === 'net' ? x.net(r.label) : r.label, r]));
  return (label, k) => {
    const row = rows.get(label);
    const column = tab.columns[k];
    if (!row || !column || column.suppressed || !row.cells[k]?.ci) return null;
    return formatInterval(row.cells[k].ci);
  };
}

const q = <T extends Element>(root: ParentNode, selector: string) => root.querySelector<T>(selector);

function option(value: string, label: string, selected = false): HTMLOptionElement {
  const o = new Option(label, value, selected, selected);
  return o;
}

export class HakushoExplorer extends HTMLElement {
  catalog: ExploreCatalog = { waves: [] };
  state!: ExploreState;
  /** The last table shown (read by tests and exports). */
  table: CrossTab | null = null;
  /** The trend across crosswalked waves, when comparing. */
  trend: TrendTable | null = null;
  /** When comparing: what the comparison applies of the view and what it cannot. */
  scope: ComparisonScope | null = null;
  /** Comparing was asked for, but fewer than two waves have the question in this universe. */
  noTrend = false;
  /** The data of the current view: the wave's public-use rows, or the question's cube. */
  data: ExploreSource | null = null;
  /** Where `data` came from. */
  dataUrl = '';
  renderCount = 0;
  /** Milliseconds spent in each phase of the last render (read by the bench). */
  timings = { compute: 0, controls: 0, chart: 0, rest: 0 };

  get embed(): boolean {
    return this.getAttribute('data-mode') === 'embed';
  }

  /** The page's language (the English page's catalog says `en`); labels in the catalog are in it. */
  get lang(): Lang {
    return this.catalog.lang === 'en' ? 'en' : 'ja';
  }

  /** The explorer's own words in the page's language. */
  get x(): ExploreStrings {
    return exploreStrings(this.lang);
  }

  /** The data's variable (options, unit) with the catalog's labels. */
  localVariable(variable: ChartVariable | undefined, id: string): ChartVariable | undefined {
    if (!variable || this.lang === 'ja') return variable;
    const v = this.variable(id);
    return { ...variable, options: variable.options.map((o) => ({ ...o, label: v?.options.find((x) => x.code === o.code)?.label ?? o.label })) };
  }

  connectedCallback(): void {
    const json = q<HTMLScriptElement>(this, 'script[data-role="catalog"]')?.textContent ?? '{"waves":[]}';
    this.catalog = JSON.parse(json) as ExploreCatalog;
    this.classList.add('x-enhanced');
    this.wire();
    this.foldSettings();
    window.addEventListener('popstate', () => this.fromUrl(false));
    this.fromUrl(true);
  }

  /** Reads the URL, shows notices for what was wrong, and renders (rewriting a bad URL in place). */
  fromUrl(initial: boolean): void {
    const parsed = parseState(location.search, this.catalog);
    const fitted = fitToCube(parsed.state, this.wave(parsed.state), 'universe', this.lang);
    const notices = [...parsed.notices, ...fitted.notices];
    const state = fitted.state;
    this.showNotices(notices);
    this.state = state;
    if (initial && notices.length > 0) history.replaceState(null, '', serializeState(state));
    void this.update();
  }

  /** Applies a change from a control: new URL entry, then render. */
  /**
   * The menu being browsed: while it keeps the focus, each further choice in it replaces the
   * history entry its first choice pushed (arrowing through 設問 is one Back press, not five).
   * Leaving the menu commits: the next choice pushes a new entry.
   */
  browsing: HTMLSelectElement | null = null;
  /** Embed: reports the page's height to the framing page whenever it changes. */
  resizeWatch: ResizeObserver | null = null;

  change(patch: Partial<ExploreState>, from?: HTMLElement): void {
    performance.mark('explore:input');
    let next: ExploreState = { ...this.state, ...patch };
    const wave = this.wave(next);
    if (!wave.variables.some((v) => v.id === next.question)) next.question = wave.variables[0].id;
    if (next.banner && (!wave.variables.some((v) => v.id === next.banner && v.kind === 'coded') || next.banner === next.question)) next.banner = null;
    next.filters = next.filters.filter((f) => wave.variables.some((v) => v.id === f.variable));
    if (!wave.universes.some((u) => u.id === next.universe)) next.universe = 'all';
    if (next.compare && !canCompare(wave, next.question)) next.compare = false;
    const fitted = fitToCube(next, wave, 'filters' in patch ? 'filters' : 'universe', this.lang);
    next = fitted.state;
    this.state = next;
    this.showNotices(fitted.notices);
    // Data and chart code already here (the usual case): draw in this same task, no await.
    if (this.data && this.dataUrl === this.sourceUrl(next) && !next.compare) this.renderSafely(this.data, null);
    else void this.update();
    const browsing = from instanceof HTMLSelectElement && from === this.browsing && document.activeElement === from;
    if (browsing) history.replaceState(null, '', serializeState(next));
    else history.pushState(null, '', serializeState(next));
    this.browsing = from instanceof HTMLSelectElement ? from : null;
  }

  /** Where the data of a state lives: the wave's public-use file, or the question's cube file. */
  sourceUrl(state = this.state): string {
    return dataFileUrl(this.wave(state), state.question);
  }

  /** Loads the data of a state. */
  async loadSource(state: ExploreState): Promise<ExploreSource> {
    const url = this.sourceUrl(state);
    if (this.wave(state).mode === 'aggregates') return { kind: 'cube', cube: await loadCube(url) };
    if (this.wave(state).mode === 'tables') return { kind: 'tables', tables: await loadTables(url) };
    return { kind: 'rows', dataset: await loadDataset(url) };
  }

  /**
   * Earlier waves and this one as trend inputs. An aggregates wave compares its cube's totals;
   * with a banner or filters, each aggregates wave's cube of the question (by its id in that
   * wave) instead, which can answer one banner column and one restriction.
   */
  async loadTrendWaves(state: ExploreState, source: Promise<ExploreSource>): Promise<TrendWave[]> {
    const wave = this.wave(state);
    const earlier = await loadHistory(wave.history);
    let current: TrendWave;
    if (wave.mode === 'aggregates' && wave.cube) current = await loadTables(wave.cube.tablesUrl);
    else if (wave.mode === 'tables') current = await loadTables(wave.dataUrl);
    else {
      const rows = await source;
      if (rows.kind !== 'rows') throw new Error(this.x.noComparisonData);
      current = { codebook: rows.dataset.codebook, dataset: rows.dataset };
    }
    const all = [...earlier, current];
    if (!state.banner && state.filters.length === 0) return all;
    const folders = [...wave.history.map((h) => h.cube), wave.mode === 'aggregates' ? wave.dataUrl : undefined];
    const ids = safeQuestionIds(all, state.question);
    const own = await source;
    return Promise.all(
      all.map(async (w, i) => {
        const folder = folders[i];
        const id = ids[i];
        if (!folder || !id) return w;
        try {
          const cube = i === all.length - 1 && own.kind === 'cube' && own.cube.question === id ? own.cube : await loadCube(`${folder}${encodeURIComponent(id)}.bin`);
          return { codebook: w.codebook, cubes: new Map([[id, cube]]) };
        } catch {
          return w; // the totals still compare; the notes say what could not be applied
        }
      }),
    );
  }

  wave(state = this.state): CatalogWave {
    return findWave(this.catalog, state.survey, state.wave) ?? this.catalog.waves[0];
  }

  variable(id: string | null): CatalogVariable | undefined {
    return id ? this.wave().variables.find((v) => v.id === id) : undefined;
  }

  showNotices(notices: string[]): void {
    const box = q<HTMLElement>(this, '[data-role="notices"]');
    if (!box) return;
    box.replaceChildren(...notices.map((n) => Object.assign(document.createElement('p'), { textContent: n })));
    box.hidden = notices.length === 0;
  }

  /** Loads what the state needs, then renders synchronously. */
  async update(): Promise<void> {
    const state = this.state;
    this.setBusy(true);
    try {
      const source = this.loadSource(state);
      const [data, waves] = await Promise.all([source, state.compare ? this.loadTrendWaves(state, source) : Promise.resolve(null)]);
      if (state !== this.state) return; // superseded while loading
      performance.mark('explore:loaded');
      this.data = data;
      this.dataUrl = this.sourceUrl(state);
      this.renderSafely(data, waves);
    } catch (error) {
      this.showNotices([error instanceof Error ? error.message : String(error)]);
    } finally {
      this.setBusy(false);
    }
  }

  /** Renders; a failure (e.g. a table the engine refuses) becomes a visible notice, not an exception. */
  renderSafely(source: ExploreSource, waves: TrendWave[] | null): void {
    const fail = (error: unknown) => {
      this.showNotices([this.x.cannotShow(error instanceof Error ? error.message : String(error))]);
      this.dispatchEvent(new CustomEvent('explore:failed'));
    };
    try {
      if (this.renderCount > 0) {
        this.render(source, waves);
        return;
      }
      // The first view: the chart is painted first, the table, controls and exports a frame later
      // (their layout would otherwise delay the first chart; measured by `npm run bench cube`).
      const state = this.state;
      this.renderChart(source, waves);
      requestAnimationFrame(() =>
        setTimeout(() => {
          performance.mark('explore:painted');
          if (state !== this.state) return; // a newer view has been drawn in full meanwhile
          try {
            this.renderDetails(source, waves);
          } catch (error) {
            fail(error);
          }
        }),
      );
    } catch (error) {
      fail(error);
    }
  }

  setBusy(busy: boolean): void {
    this.toggleAttribute('aria-busy', busy);
  }

  /** Computes and draws everything for the current state (synchronous: measured by the bench). */
  render(source: ExploreSource, waves: TrendWave[] | null): void {
    this.renderChart(source, waves);
    this.renderDetails(source, waves);
  }

  /** Computes the table (and trend) of the current state and draws its chart, title and meta line. */
  renderChart(source: ExploreSource, waves: TrendWave[] | null): void {
    const state = this.state;
    const wave = this.wave();
    const question = this.variable(state.question);
    const variable = this.localVariable(sourceVariable(source, state.question), state.question);
    const t0 = performance.now();
    this.table = relabelFromCatalog(computeTable(source, state, wave), wave, this.lang);
    const bannerVariable = this.variable(state.banner);
    const bannerLabel = state.banner ? (bannerVariable?.label ?? state.banner) : null;
    const code = comparisonColumn(state, bannerVariable?.options.map((o) => o.code) ?? []);
    const column = code === null ? null : { code, label: bannerVariable?.options.find((o) => o.code === code)?.label ?? String(code) };
    this.scope = waves ? comparisonScope(waves, state, { filters: state.filters.map((f) => this.filterText(f)), banner: bannerLabel, universe: this.table.universeLabel, column, lang: this.lang }) : null;
    const trend = waves && this.scope ? computeTrend(waves, state, this.table.universeLabel, this.scope) : null;
    this.trend = trend ? relabelTrendFromCatalog(trend, wave, this.lang) : null;
    this.noTrend = waves !== null && this.trend === null;
    const t1 = performance.now();
    const title = q<HTMLElement>(this, '[data-role="title"]');
    if (title) title.textContent = question?.text ?? state.question;
    const meta = q<HTMLElement>(this, '[data-role="meta"]');
    if (meta) meta.textContent = this.metaText(wave);
    const chartBox = q<HTMLElement>(this, '[data-role="chart"]');
    const shown: ChartTable = this.trend ?? this.table;
    const total = this.table.columns[0];
    const empty = this.trend ? null : total.withheld ? this.x.withheld : total.n === 0 ? this.x.nobody : null;
    if (chartBox && empty) {
      // Nothing to draw: say so where the chart would be, instead of an empty plot.
      chartBox.replaceChildren(Object.assign(document.createElement('p'), { className: 'x-empty', textContent: empty }));
    } else if (chartBox) {
      const width = Math.max(300, Math.min(760, chartBox.clientWidth || 640));
      chartBox.replaceChildren(drawChart(shown, variable, question?.label ?? state.question, width, this.lang));
    }
    this.timings = { compute: t1 - t0, controls: 0, chart: performance.now() - t1, rest: 0 };
  }

  /** Everything else for the table `renderChart` computed: controls, table, notes, χ², exports; then the `explore:rendered` event. */
  renderDetails(source: ExploreSource, waves: TrendWave[] | null): void {
    if (!this.table) return;
    const state = this.state;
    const wave = this.wave();
    const question = this.variable(state.question);
    const variable = this.localVariable(sourceVariable(source, state.question), state.question);
    const x = this.x;
    const t2 = performance.now();
    if (!this.embed) this.syncControls();
    const t3 = performance.now();
    const shown: ChartTable = this.trend ?? this.table;
    const tableBox = q<HTMLElement>(this, '[data-role="table"]');
    if (tableBox) {
      // The table model leaves out banner columns nobody is in: keys and intervals follow its columns.
      const visible = withoutEmptyColumns(this.table);
      const keys = this.trend ? this.trend.waves : visible.columns.map((c) => c.key);
      const segment = this.segmentText();
      const banner = state.banner && !this.trend ? x.captionBanner(this.variable(state.banner)?.label ?? state.banner) : segment ? x.captionSegment(segment) : '';
      const caption = x.caption(question?.label ?? state.question, this.table.universeLabel, banner, Boolean(this.trend));
      const interval = state.intervals && !this.trend ? intervalText(visible, x) : null;
      const model = tableModel(shown, variable, this.lang);
      tableBox.replaceChildren(renderTable(model, caption, this.trend ? 'percent' : state.show, keys, interval, x));
      const notes = document.createElement('ul');
      notes.className = 'x-notes';
      const trendNotes = this.noTrend
        ? [x.noTrend(this.table.universeLabel)]
        : this.trend && this.scope
          ? [...this.scope.notes, x.earlierSources, ...(this.lang === 'ja' ? wordingNotes(this.trend) : [])]
          : [];
      const symbols = modelSymbolLegend(model);
      const scores = this.trend ? null : scoreNote(this.table, variable, this.lang);
      const printed = wave.mode === 'tables' && !this.trend ? [x.printed] : [];
      const lines = [...(wave.cube ? protectionNotes(wave.cube, this.table, this.lang) : []), ...printed, ...tableNotes(this.table, this.lang), ...(this.lang === 'ja' ? symbols : []), ...(scores ? [scores] : []), ...trendNotes];
      notes.append(...lines.map((n) => Object.assign(document.createElement('li'), { textContent: n })));
      const methods = document.createElement('li');
      methods.append(Object.assign(document.createElement('a'), { href: localPath('/methods/', this.lang), textContent: x.methods }), x.methodsNote);
      notes.append(methods);
      tableBox.append(notes);
    }
    const chi = q<HTMLElement>(this, '[data-role="chi"]');
    if (chi) chi.textContent = this.trend ? '' : chiSquareText(this.table, this.lang) ?? (state.banner && this.table.type === 'multi' && this.table.options.multiPercent !== 'responses' ? x.noChiMulti : '');
    if (!this.embed) this.updateExports(wave, question);
    else {
      const open = q<HTMLAnchorElement>(this, 'a[data-role="permalink"]');
      if (open) open.href = this.permalink();
      // The embed has no table: it explains the marks its chart shows (letters, *, ×).
      const legend = q<HTMLElement>(this, '[data-role="legend"]');
      if (legend) legend.replaceChildren(...[...markNotes(shown, this.lang), ...(wave.mode === 'aggregates' ? [this.lang === 'ja' ? `${PROTECTED_NOTE}。` : `${chartWords('en').protectedNote}.`] : [])].map((n) => Object.assign(document.createElement('li'), { textContent: n })));
      if (!this.resizeWatch) {
        // Later changes of size (fonts, a narrower frame) are reported too.
        this.resizeWatch = new ResizeObserver(() => postHeight());
        this.resizeWatch.observe(document.body);
      }
      postHeight();
    }
    this.renderCount++;
    this.timings = { ...this.timings, controls: t3 - t2, rest: performance.now() - t3 };
    performance.mark('explore:rendered');
    if (performance.getEntriesByName('explore:input', 'mark').length > 0) {
      performance.measure('explore:update', 'explore:input', 'explore:rendered');
      performance.clearMarks('explore:input');
    }
    this.dispatchEvent(new CustomEvent('explore:rendered'));
  }

  /** The banner column a comparison shows, in words ("従業員規模：100〜299名"), or null. */
  segmentText(): string | null {
    const seg = this.trend ? this.scope?.segment : null;
    return seg ? `${this.variable(seg.variable)?.label ?? seg.variable}${this.lang === 'ja' ? '：' : ': '}${this.segmentLabel()}` : null;
  }

  /** The label of the banner column a comparison shows ("100〜299名"), or null. */
  segmentLabel(): string | null {
    const seg = this.trend ? this.scope?.segment : null;
    return seg ? (this.variable(seg.variable)?.options.find((o) => o.code === seg.code)?.label ?? String(seg.code)) : null;
  }

  metaText(wave: CatalogWave): string {
    const t = this.table!;
    if (this.trend) {
      // A comparison shows its own bases, and says whether the filters apply to it.
      const filtered = this.scope?.filters ? this.x.filtersCount(this.state.filters.length) : '';
      const segment = this.segmentText();
      return this.x.metaTrend(this.trend.universeLabel, segment ?? '', filtered, provenanceBase(this.trend, this.lang), trendSources(this.trend, sourceText) ?? sourceText(wave.citation), wave.synthetic);
    }
    const total = t.columns[0];
    const filters = this.state.filters.length > 0 ? this.x.filtersCount(this.state.filters.length) : '';
    const n = total.withheld ? this.x.withheldN : total.n.toLocaleString('ja-JP');
    return this.x.meta(t.universeLabel, filters, n, wave.mode, t.type, t.weighted, sourceText(wave.citation), wave.synthetic);
  }

  // ---- controls ------------------------------------------------------------------------------

  /** Phones: the settings panel starts closed so the chart comes first; wide screens keep it open. */
  foldSettings(): void {
    const panel = q<HTMLDetailsElement>(this, 'details[data-role="panel"]');
    if (!panel) return;
    const wide = matchMedia('(min-width: 900px)');
    panel.open = wide.matches;
    wide.addEventListener('change', (e) => {
      if (e.matches) panel.open = true;
    });
  }

  wire(): void {
    const form = q<HTMLFormElement>(this, 'form[data-role="form"]');
    if (!form) return;
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('change', (e) => this.onControl(e.target as HTMLElement));
    form.addEventListener('focusout', (e) => {
      if (e.target === this.browsing) this.browsing = null;
    });
    this.addEventListener('click', (e) => this.onClick(e.target as HTMLElement));
  }

  onControl(target: HTMLElement): void {
    const name = target.getAttribute('name');
    const value = (target as HTMLInputElement).value;
    if (name === 'wave') {
      const [survey, wave] = value.split('/');
      this.change({ survey, wave, filters: [], compare: false }, target);
    } else if (name === 'q') this.change({ question: value }, target);
    else if (name === 'b') this.change({ banner: value || null, column: undefined }, target);
    else if (name === 'cc') this.change({ column: Number(value) }, target);
    else if (name === 'u') this.change({ universe: value }, target);
    else if (name === 'v') this.change({ show: value === 'count' ? 'count' : 'percent' });
    else if (name === 'mp') this.change({ multiPercent: value === 'responses' ? 'responses' : 'respondents' });
    else if (name === 'cmp') this.change({ compare: (target as HTMLInputElement).checked });
    else if (name === 'ci') this.change({ intervals: (target as HTMLInputElement).checked });
    else if (name === 'fvar') this.renderFilterEditor();
    else if (name === 'fcode' || name === 'fmode') this.change({ filters: this.editedFilters() });
  }

  onClick(target: HTMLElement): void {
    const button = target.closest<HTMLButtonElement>('button[data-action]');
    if (!button) return;
    const action = button.dataset.action;
    if (action === 'remove-filter') this.change({ filters: this.state.filters.filter((f) => f.variable !== button.dataset.variable) });
    else if (action === 'csv') this.exportCsv();
    else if (action === 'svg') this.exportSvg();
    else if (action === 'png') void this.exportPng();
    else if (action === 'bibtex' || action === 'ris') this.exportCitation(action);
    else if (action === 'copy') void navigator.clipboard?.writeText(q<HTMLTextAreaElement>(this, `#${button.dataset.target}`)?.value ?? '');
  }

  /** The filters after the filter editor's boxes: the edited variable's filter replaced. */
  editedFilters(): StateFilter[] {
    const variable = this.variable(q<HTMLSelectElement>(this, 'select[name="fvar"]')?.value ?? null);
    if (!variable) return this.state.filters;
    const cube = this.wave().cube;
    const picked = [...this.querySelectorAll<HTMLInputElement>('input[name="fcode"]:checked')].map((i) => i.value);
    // A cube answers one value or one net: the radio's value is a code or `net:<id>`.
    const net = cube?.filters.find((f) => f.id === variable.id)?.nets.find((n) => picked[0] === `net:${n.id}`);
    const codes = net ? net.codes : picked.filter((v) => /^\d+$/.test(v)).map(Number);
    const others = cube ? [] : this.state.filters.filter((f) => f.variable !== variable.id);
    if (codes.length === 0) return others;
    const mode = variable.kind === 'multi' ? (q<HTMLInputElement>(this, 'input[name="fmode"]:checked')?.value === 'all' ? 'all' : 'any') : 'in';
    return [...others, { variable: variable.id, mode, codes }];
  }

  /** Wave and question the option lists were last built for (rebuilt only when these change). */
  listsFor = '';

  syncControls(): void {
    const wave = this.wave();
    const s = this.state;
    const select = (name: string) => q<HTMLSelectElement>(this, `select[name="${name}"]`);
    const lists = `${wave.survey}/${wave.wave}/${s.question}`;
    if (this.listsFor !== lists) {
      this.listsFor = lists;
      const x = this.x;
      select('wave')?.replaceChildren(...this.catalog.waves.map((w) => option(`${w.survey}/${w.wave}`, x.waveOption(w.title, w.wave, w.mode === 'tables'))));
      select('q')?.replaceChildren(...wave.variables.map((v) => option(v.id, `${v.label}${v.kind === 'multi' ? x.multiMark : ''}`)));
      select('b')?.replaceChildren(option('', x.noBanner), ...wave.variables.filter((v) => v.kind === 'coded' && v.id !== s.question).map((v) => option(v.id, v.label)));
      // 「全体」 would be false for a question asked of a subgroup: the table's base is that subgroup.
      select('u')?.replaceChildren(...wave.universes.map((u) => option(u.id, u.id === 'all' ? everyoneLabel(wave, s.question, this.lang) : u.label)));
      const fv = select('fvar');
      if (fv) {
        const current = fv.value;
        const filterable = wave.cube ? wave.variables.filter((v) => wave.cube!.filters.some((f) => f.id === v.id)) : wave.variables.filter((v) => v.kind !== 'numeric');
        fv.replaceChildren(option('', x.pickItem), ...filterable.map((v) => option(v.id, v.label)));
        fv.value = wave.variables.some((v) => v.id === current) ? current : '';
      }
    }
    const set = (name: string, value: string) => {
      const el = select(name);
      if (el && el.value !== value) el.value = value;
    };
    set('wave', `${wave.survey}/${wave.wave}`);
    set('q', s.question);
    set('b', s.banner ?? '');
    set('u', s.universe);
    // Printed tables: no banner, no filters (restriction.ts, fitToTables).
    const printed = wave.mode === 'tables';
    const banner = select('b');
    if (banner) banner.disabled = printed;
    const filterVar = select('fvar');
    if (filterVar) filterVar.disabled = printed;
    for (const input of this.querySelectorAll<HTMLInputElement>('input[name="v"]')) input.checked = input.value === s.show;
    const isMulti = this.variable(s.question)?.kind === 'multi';
    for (const input of this.querySelectorAll<HTMLInputElement>('input[name="mp"]')) {
      input.checked = input.value === s.multiPercent;
      input.disabled = !isMulti;
    }
    const ci = q<HTMLInputElement>(this, 'input[name="ci"]');
    if (ci) ci.checked = s.intervals;
    const cmp = q<HTMLInputElement>(this, 'input[name="cmp"]');
    if (cmp) {
      const possible = canCompare(wave, s.question);
      cmp.disabled = !possible;
      cmp.checked = s.compare;
      const hint = q<HTMLElement>(this, '[data-role="cmp-hint"]');
      if (hint) hint.textContent = possible ? this.x.compareWith(wave.history.map((h) => h.wave)) : this.x.noCompare;
    }
    // Comparison with a banner applied to every wave: which of its columns is compared.
    const ccField = q<HTMLElement>(this, '[data-role="cc-field"]');
    const cc = select('cc');
    const bannerOptions = this.variable(s.banner)?.options ?? [];
    if (ccField && cc) {
      ccField.hidden = !(s.compare && s.banner && this.trend && this.scope?.segment);
      const code = comparisonColumn(s, bannerOptions.map((o) => o.code));
      const wanted = bannerOptions.map((o) => `${o.code}`).join(',');
      if (cc.dataset.codes !== `${s.banner}:${wanted}`) {
        cc.dataset.codes = `${s.banner}:${wanted}`;
        cc.replaceChildren(...bannerOptions.map((o) => option(String(o.code), o.label)));
      }
      if (code !== null && cc.value !== String(code)) cc.value = String(code);
    }
    this.renderActiveFilters();
    this.renderFilterEditor();
  }

  /** A filter in words: "従業員規模：1〜99名・100〜299名". */
  filterText(f: StateFilter): string {
    const v = this.variable(f.variable);
    const x = this.x;
    const labels = f.mode === 'range' ? x.range(String(f.min ?? ''), String(f.max ?? '')) : f.codes.map((c) => v?.options.find((o) => o.code === c)?.label ?? String(c)).join(f.mode === 'all' ? x.and : x.or);
    return x.filterText(v?.label ?? f.variable, labels, f.mode);
  }

  renderActiveFilters(): void {
    const list = q<HTMLElement>(this, '[data-role="filters"]');
    if (!list) return;
    list.replaceChildren(
      ...this.state.filters.map((f) => {
        const v = this.variable(f.variable);
        const li = document.createElement('li');
        li.append(Object.assign(document.createElement('span'), { textContent: this.filterText(f) }));
        const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: this.x.remove });
        remove.dataset.action = 'remove-filter';
        remove.dataset.variable = f.variable;
        remove.setAttribute('aria-label', this.x.removeLabel(v?.label ?? f.variable));
        li.append(' ', remove);
        return li;
      }),
    );
    const empty = q<HTMLElement>(this, '[data-role="filters-empty"]');
    if (empty) empty.hidden = this.state.filters.length > 0;
  }

  /** Checkboxes for the options of the variable chosen in the filter editor. */
  renderFilterEditor(): void {
    const box = q<HTMLElement>(this, '[data-role="filter-values"]');
    const variable = this.variable(q<HTMLSelectElement>(this, 'select[name="fvar"]')?.value ?? null);
    if (!box) return;
    if (!variable) {
      box.replaceChildren();
      return;
    }
    const existing = this.state.filters.find((f) => f.variable === variable.id);
    const cube = this.wave().cube?.filters.find((f) => f.id === variable.id);
    const codes = existing && existing.mode !== 'range' ? existing.codes : [];
    const netChosen = cube?.nets.find((n) => codes.length > 1 && n.codes.join(',') === [...codes].sort((a, b) => a - b).join(','));
    const chosen = new Set<string>(netChosen ? [`net:${netChosen.id}`] : codes.map(String));
    const mode = existing?.mode === 'all' ? 'all' : 'any';
    const current = box.querySelector<HTMLFieldSetElement>('fieldset');
    if (current?.dataset.variable === variable.id) {
      for (const input of current.querySelectorAll<HTMLInputElement>('input[name="fcode"]')) input.checked = chosen.has(input.value);
      for (const input of current.querySelectorAll<HTMLInputElement>('input[name="fmode"]')) input.checked = input.value === mode;
      return;
    }
    const fieldset = document.createElement('fieldset');
    fieldset.dataset.variable = variable.id;
    fieldset.append(Object.assign(document.createElement('legend'), { textContent: this.x.filterBy(variable.label, Boolean(cube)) }));
    // A cube answers one value or one codebook net at a time: radio buttons; rows: any set of values.
    const choices = [...variable.options.map((o) => ({ value: String(o.code), label: o.label })), ...(cube?.nets ?? []).map((n) => ({ value: `net:${n.id}`, label: this.x.net(n.label) }))];
    choices.forEach((c, k) => {
      const label = document.createElement('label');
      const input = Object.assign(document.createElement('input'), { type: cube ? 'radio' : 'checkbox', name: 'fcode', value: c.value, checked: chosen.has(c.value), id: `x-fcode-${k}` });
      label.append(input, ' ', c.label);
      fieldset.append(label);
    });
    if (variable.kind === 'multi' && !cube) {
      const modes = document.createElement('div');
      modes.className = 'x-modes';
      for (const [value, text] of [['any', this.x.anyOf], ['all', this.x.allOf]]) {
        const label = document.createElement('label');
        label.append(Object.assign(document.createElement('input'), { type: 'radio', name: 'fmode', value, checked: value === mode, id: `x-fmode-${value}` }), ' ', text);
        modes.append(label);
      }
      fieldset.append(modes);
    }
    const focused = document.activeElement && box.contains(document.activeElement) ? document.activeElement.id : '';
    box.replaceChildren(fieldset);
    if (focused) document.getElementById(focused)?.focus();
  }

  // ---- exports -------------------------------------------------------------------------------

  permalink(path = localPath('/explore/', this.lang)): string {
    return new URL(`${path}${serializeState(this.state)}`, location.href).href;
  }

  updateExports(wave: CatalogWave, question: CatalogVariable | undefined): void {
    const cite = this.citeView(wave, question);
    for (const [role, text] of [['citation', citationPlain(cite)], ['bibtex', citationBibtex(cite)], ['ris', citationRis(cite)]] as const) {
      const area = q<HTMLTextAreaElement>(this, `textarea[data-role="${role}"]`);
      if (area) area.value = text;
    }
    const embed = q<HTMLTextAreaElement>(this, 'textarea[data-role="embed"]');
    if (embed) embed.value = embedSnippet(this.permalink('/embed/'), this.x.embedTitle(question?.label ?? '', wave.title));
    const link = q<HTMLAnchorElement>(this, 'a[data-role="permalink"]');
    if (link) link.href = this.permalink();
    // public.csv and datapackage.json sit next to the public-use file (src/pages/data/); a wave
    // published as a protected cube has no respondent rows to offer.
    const rows = q<HTMLElement>(this, '[data-role="data-rows"]');
    if (rows) rows.hidden = wave.mode !== 'microdata';
    const rule = q<HTMLElement>(this, '[data-role="cube-rule"]');
    if (rule) rule.hidden = wave.mode !== 'aggregates';
    const csvLink = q<HTMLAnchorElement>(this, 'a[data-role="data-csv"]');
    if (csvLink) csvLink.href = new URL('public.csv', new URL(wave.dataUrl, location.href)).href;
    const packageLink = q<HTMLAnchorElement>(this, 'a[data-role="data-package"]');
    if (packageLink) packageLink.href = new URL('datapackage.json', new URL(wave.dataUrl, location.href)).href;
  }

  /** What a citation of the current view names: report, publisher, year, view, permalink, access date. */
  citeView(wave: CatalogWave, question: CatalogVariable | undefined): CiteView {
    const banner = this.state.banner && !this.trend ? this.variable(this.state.banner)?.label : (this.segmentText() ?? undefined);
    const label = question?.label ?? this.state.question;
    return {
      reportTitle: wave.reportTitle,
      publisher: wave.publisher,
      year: wave.year,
      viewTitle: this.x.viewTitle(label, banner, Boolean(this.trend)),
      permalink: this.permalink(),
      accessed: new Date().toISOString().slice(0, 10),
      synthetic: wave.synthetic,
      key: this.fileStem(),
      lang: this.lang,
    };
  }

  fileStem(): string {
    return `hakusho-${this.state.survey}-${this.state.wave}-${this.state.question}${this.state.banner ? `-by-${this.state.banner}` : ''}`;
  }

  exportCitation(format: 'bibtex' | 'ris'): void {
    const cite = this.citeView(this.wave(), this.variable(this.state.question));
    const text = format === 'bibtex' ? citationBibtex(cite) : citationRis(cite);
    saveBlob(new Blob([text], { type: format === 'bibtex' ? 'application/x-bibtex;charset=utf-8' : 'application/x-research-info-systems;charset=utf-8' }), `${this.fileStem()}.${format === 'bibtex' ? 'bib' : 'ris'}`);
  }

  exportCsv(): void {
    if (!this.table) return;
    const wave = this.wave();
    const p = this.provenance();
    const csv = tableCsv(this.trend ?? this.table, {
      survey: this.x.csvSurvey(wave.title, wave.wave), question: p.question, citation: sourceText(wave.citation), synthetic: wave.synthetic,
      banner: p.banner, filters: p.filters, notes: p.notes, link: this.permalink(), segment: this.segmentLabel(), lang: this.lang,
    }, this.data ? this.localVariable(sourceVariable(this.data, this.state.question), this.state.question) : undefined);
    saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${this.fileStem()}.csv`);
  }

  chartSvg(): SVGSVGElement | null {
    return q<SVGSVGElement>(this, '[data-role="chart"] > svg');
  }

  /** What an exported chart must say about itself: question, base, filters, banner, source. */
  provenance(): Provenance {
    const wave = this.wave();
    const state = this.state;
    const question = this.variable(state.question);
    const trend = this.trend;
    return {
      title: this.x.trendTitle(question?.label ?? state.question, Boolean(trend)),
      question: question?.text ?? state.question,
      universe: trend ? trend.universeLabel : this.table!.universeLabel,
      base: provenanceBase(trend ?? this.table!, this.lang),
      filters: trend && !this.scope?.filters ? [] : state.filters.map((f) => this.filterText(f)),
      banner: !trend && state.banner ? (this.variable(state.banner)?.label ?? state.banner) : this.segmentText(),
      source: `${(trend ? trendSources(trend, sourceText) : null) ?? sourceText(wave.citation)}${this.x.sourceSep}${this.permalink()}`,
      synthetic: wave.synthetic,
      notes: [...(wave.mode === 'aggregates' ? [this.lang === 'ja' ? PROTECTED_NOTE : chartWords('en').protectedNote] : []), ...(trend && this.scope ? this.scope.notes.slice(1) : [])],
      lang: this.lang,
    };
  }

  /** The chart as a standalone SVG with its provenance, and its size. */
  exportable(): { svg: string; width: number; height: number } | null {
    const svg = this.chartSvg();
    if (!svg || !this.table) return null;
    const box = svg.viewBox.baseVal;
    const width = box?.width || svg.clientWidth || 640;
    const height = box?.height || svg.clientHeight || 400;
    const framed = withProvenance(standaloneSvg(svg), width, height, this.provenance());
    return { svg: framed.svg, width, height: framed.height };
  }

  exportSvg(): void {
    const out = this.exportable();
    if (out) saveBlob(new Blob([out.svg], { type: 'image/svg+xml' }), `${this.fileStem()}.svg`);
  }

  async exportPng(): Promise<void> {
    const out = this.exportable();
    if (out) saveBlob(await svgToPng(out.svg, out.width, out.height), `${this.fileStem()}.png`);
  }
}

/**
 * The embed tells the page around its iframe how tall its content is (as Datawrapper and OWID
 * embeds do), so the snippet's listener (lib/explore/export.ts, embedSnippet) can size the frame:
 * `{ type: 'hakusho:height', height, src }`. Nothing is sent when the page is not framed.
 */
function postHeight(): void {
  if (window.parent === window) return;
  // The content's height (the document's own scrollHeight never drops below the frame's height).
  const content = () => Math.ceil(document.querySelector('main')?.getBoundingClientRect().bottom ?? document.documentElement.scrollHeight);
  requestAnimationFrame(() => window.parent.postMessage({ type: 'hakusho:height', height: content(), src: location.href }, '*'));
}

performance.mark('explore:module');
if (!customElements.get('hakusho-explorer')) customElements.define('hakusho-explorer', HakushoExplorer);
