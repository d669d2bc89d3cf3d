/**
 * What the explorer knows before any data is loaded: per wave, the public variables it can
 * tabulate, break down by or filter on, and its universes. Built at build time from each wave's
 * public codebook and embedded in the page as JSON, so menus render without the data file.
 */
import { crosswalkLink } from '../dataset/crosswalk-link.ts';
import type { Codebook, Option } from '../dataset/codebook.ts';

/** How a variable can be used: `coded` = one answer (tabulate, banner, filter by value set),
 * `multi` = several answers (tabulate, filter by any/all), `numeric` (tabulate, filter by range). */
export type VariableKind = 'coded' | 'multi' | 'numeric';

export interface CatalogVariable {
  id: string;
  /** Short label for menus. */
  label: string;
  /** Full wording (question text), shown above the chart. */
  text: string;
  kind: VariableKind;
  /** `single`, `ordinal`, `banded`, `multi`, `numeric`, `grid-row` or `derived`. */
  type: string;
  /** Options (coded and multi); rendered as text. */
  options: { code: number; label: string }[];
  /** The respondents it was asked of (its own universe; `all` = everyone). */
  universe: string;
  /** The question's nets (English catalog only: the browser relabels net rows by id). */
  nets?: { id: string; label: string }[];
}

export interface CatalogWave {
  survey: string;
  wave: string;
  /** Survey title, shown in the menu (the short title when the codebook has one). */
  title: string;
  /** The report's full title, for citations. */
  reportTitle: string;
  /** Year cited for the wave: the wave id's year, else the end of fieldwork. */
  year: string;
  n: number;
  synthetic: boolean;
  citation: string;
  publisher: string;
  /**
   * `microdata`: `dataUrl` is the public-use file (rows); `aggregates`: `dataUrl` is the folder of
   * the protected cube's per-question files (`<question>.bin`); `tables`: `dataUrl` is the wave's
   * published tables (`tables.json`): printed totals only, no banner or filter.
   */
  mode: 'microdata' | 'aggregates' | 'tables';
  /** `tables` waves: per question, the universes it has a printed total for. */
  printed?: Record<string, string[]>;
  /** URL of the public-use file, or of the cube folder, relative to the site root. */
  dataUrl: string;
  /** Aggregates waves: what the cube answers and how it is protected (stated in the notes). */
  cube?: CatalogCube;
  variables: CatalogVariable[];
  universes: { id: string; label: string }[];
  /** Earlier wave this one is crosswalked to, and the question ids that map across. */
  previous: { wave: string; questions: Record<string, string> } | null;
  /** Earlier waves reachable through crosswalks, oldest first, and where their data lives. */
  history: HistoryWave[];
}

/** An earlier wave used for comparisons: microdata (public-use file) or published tables (JSON). */
export interface HistoryWave {
  wave: string;
  kind: 'microdata' | 'tables';
  url: string;
  /** A protected wave: the folder of its per-question cube files (comparisons with a banner or filters read them). */
  cube?: string;
}

/** A variable of the cube's filter list: one value or one of its nets at a time. */
export interface CatalogFilter {
  id: string;
  nets: { id: string; label: string; codes: number[] }[];
}

export interface CatalogCube {
  filters: CatalogFilter[];
  perturbation: { D: number; V: number; js: number };
  suppressBase: number;
  /** The cube's totals as tables (for comparisons with this wave). */
  tablesUrl: string;
}

export interface ExploreCatalog {
  waves: CatalogWave[];
  /** The language of the labels (absent: Japanese). */
  lang?: 'ja' | 'en';
}

const opts = (options: Option[]) => options.map((o) => ({ code: o.code, label: o.label }));

/** The explorer's variables of a (public) codebook: questions, grid rows and derived variables. */
export function catalogVariables(codebook: Codebook): CatalogVariable[] {
  const out: CatalogVariable[] = [];
  for (const q of codebook.questions) {
    if (q.type === 'text') continue;
    if (q.type === 'grid') {
      for (const r of q.rows) out.push({ id: `${q.id}__${r.id}`, label: `${q.label}：${r.label}`, text: `${q.text}（${r.label}）`, kind: 'coded', type: 'grid-row', options: opts(q.options), universe: r.universe ?? q.universe });
    } else if (q.type === 'numeric') {
      out.push({ id: q.id, label: q.label, text: q.text, kind: 'numeric', type: 'numeric', options: [], universe: q.universe });
    } else {
      out.push({ id: q.id, label: q.label, text: q.text, kind: q.type === 'multi' ? 'multi' : 'coded', type: q.type, options: opts(q.options), universe: q.universe });
    }
  }
  for (const d of codebook.derived) out.push({ id: d.id, label: d.label, text: d.text ?? d.label, kind: 'coded', type: 'derived', options: opts(d.options), universe: d.universe ?? 'all' });
  return out;
}

/**
 * One catalog entry for a wave, given its public codebook and where its data file lives;
 * `earlier`, the public codebook of the wave its crosswalk names, tells which questions continue
 * there (a crosswalk entry, or the same id: `crosswalkLink`).
 */
export function catalogWave(codebook: Codebook, dataUrl: string, history: HistoryWave[] = [], cube?: CatalogCube, printed?: Record<string, string[]>, earlier?: Codebook): CatalogWave {
  const s = codebook.survey;
  const cw = codebook.crosswalk;
  // A wave of published tables offers the questions it has printed totals of.
  const variables = catalogVariables(codebook).filter((v) => !printed || v.id in printed);
  return {
    mode: printed ? 'tables' : cube ? 'aggregates' : 'microdata',
    ...(printed ? { printed } : {}),
    ...(cube ? { cube } : {}),
    survey: s.id,
    wave: s.wave,
    title: s.shortTitle ?? s.title,
    reportTitle: s.title,
    year: /^\d{4}/.exec(s.wave)?.[0] ?? s.fieldwork.end.slice(0, 4),
    n: s.n,
    synthetic: s.synthetic,
    citation: s.citation,
    publisher: s.publisher,
    dataUrl,
    variables,
    universes: [{ id: 'all', label: '全体' }, ...codebook.universes.filter((u) => u.id !== 'all').map((u) => ({ id: u.id, label: u.label }))],
    previous: cw ? { wave: cw.wave, questions: linkedQuestions(codebook, variables, earlier) } : null,
    history,
  };
}

/** Question id here → id in the earlier wave, for every variable that continues there. */
function linkedQuestions(codebook: Codebook, variables: CatalogVariable[], earlier: Codebook | undefined): Record<string, string> {
  if (!earlier) return Object.fromEntries((codebook.crosswalk?.questions ?? []).map((c) => [c.question, c.previous ?? c.question]));
  const out: Record<string, string> = {};
  for (const v of variables) {
    const link = crosswalkLink(codebook, earlier, v.id);
    if (link) out[v.id] = link.previous;
  }
  return out;
}

/** The wave a state points at, if the catalog has it. */
export function findWave(catalog: ExploreCatalog, survey: string, wave: string): CatalogWave | undefined {
  return catalog.waves.find((w) => w.survey === survey && w.wave === wave);
}

/** Whether a question of a wave can be compared with earlier waves (crosswalked, data available). */
export function canCompare(wave: CatalogWave, question: string): boolean {
  return wave.history.length > 0 && wave.previous !== null && question in wave.previous.questions;
}

/**
 * The catalog as the text of a `<script type="application/json">` element: JSON with every "<"
 * written as \u003c, so no label can close the element or open a tag.
 */
export function catalogScriptJson(catalog: ExploreCatalog): string {
  return JSON.stringify(catalog).replace(/</g, '\\u003c');
}

/** The label of the 対象者 menu's `all` entry: everyone the shown question was asked of. */
export function everyoneLabel(wave: CatalogWave, question: string, lang: 'ja' | 'en' = 'ja'): string {
  const own = wave.variables.find((v) => v.id === question)?.universe ?? 'all';
  if (own === 'all') return lang === 'en' ? 'Total' : '全体';
  const label = wave.universes.find((u) => u.id === own)?.label ?? own;
  return lang === 'en' ? `Everyone asked the question (${label})` : `設問の対象者全員（${label}）`;
}
