/**
 * The codebook's labels in a language: Japanese as written, English from the optional `en:`
 * fields (src/lib/dataset/codebook.ts). Where an English field is missing the Japanese is used,
 * visibly marked (`[JA] …`), so a page never shows a blank. Pure: pages, downloads and the
 * explorer's catalog choose labels through this; the engine never does.
 */
import type { Codebook, Option } from '../dataset/codebook.ts';
import type { Lang } from './lang.ts';

/** Put before a Japanese label shown on an English page because the codebook has no English one. */
export const FALLBACK_MARK = '[JA] ';

/** The labels of one codebook in one language. */
export interface Labels {
  lang: Lang;
  /** Survey title, short title, publisher, method, population. */
  survey: { title: string; shortTitle: string; publisher: string; method: string; population: string };
  /** A question's, grid row's (`q__row`: 「label：row」) or derived variable's short label; the id when unknown. */
  variable(id: string): string;
  /** Its full wording (a grid row: the wording with the row). */
  text(id: string): string;
  /** Banded / numeric: unit. */
  unit(id: string): string | null;
  /** Codebook notes of a question. */
  notes(id: string): string[];
  /** An option's label by variable id and code (a grid row reads its grid's options); undefined when not an option. */
  option(variable: string, code: number): string | undefined;
  /** A net's label. */
  net(variable: string, id: string): string | undefined;
  /** A grid row's own label. */
  row(question: string, row: string): string | undefined;
  /** A universe's label (`all`: everyone). */
  universe(id: string): string;
  /** A universe's plain-language definition, if the codebook gives one. */
  universeDescription(id: string): string | undefined;
  /** A chapter's title and English summary. */
  chapter(id: string): { title: string; summary: string | undefined } | undefined;
  /** A headline's caption (by position). */
  headline(index: number): string;
  /** Whether a label is a marked Japanese fallback. */
  isFallback(text: string): boolean;
}

/** "All respondents" in each language (the `all` universe is never declared). */
export const EVERYONE: Record<Lang, string> = { ja: '全回答者', en: 'All respondents' };

/** Chooses `en` when the language is English and it is given, else the Japanese (marked on English pages). */
function pick(lang: Lang, ja: string, en: string | undefined): string {
  if (lang === 'ja') return ja;
  return en ?? `${FALLBACK_MARK}${ja}`;
}

/** An option's label in a language. */
export function optionLabel(o: Option, lang: Lang): string {
  return pick(lang, o.label, o.en?.label);
}

/** The labels of a codebook in `lang`. */
export function codebookLabels(cb: Codebook, lang: Lang): Labels {
  const s = cb.survey;
  const questions = new Map(cb.questions.map((q) => [q.id, q]));
  const derived = new Map(cb.derived.map((d) => [d.id, d]));
  const universes = new Map(cb.universes.map((u) => [u.id, u]));
  const split = (id: string) => {
    const [qid, rowId] = id.split('__');
    return { q: questions.get(qid), rowId };
  };
  const optionsOf = (id: string): Option[] => {
    const { q } = split(id);
    if (q && 'options' in q) return q.options;
    return derived.get(id)?.options ?? [];
  };
  const labels: Labels = {
    lang,
    survey: {
      title: pick(lang, s.title, s.en?.title),
      shortTitle: pick(lang, s.shortTitle ?? s.title, s.en?.shortTitle ?? s.en?.title),
      publisher: pick(lang, s.publisher, s.en?.publisher),
      method: pick(lang, s.method, s.en?.method),
      population: pick(lang, s.population, s.en?.population),
    },
    variable(id) {
      const { q, rowId } = split(id);
      if (q) {
        const label = pick(lang, q.label, q.en?.label);
        const row = rowId && q.type === 'grid' ? q.rows.find((r) => r.id === rowId) : undefined;
        return row ? `${label}${lang === 'ja' ? '：' : ': '}${pick(lang, row.label, row.en?.label)}` : label;
      }
      const d = derived.get(id);
      return d ? pick(lang, d.label, d.en?.label) : id;
    },
    text(id) {
      const { q, rowId } = split(id);
      if (q) {
        const text = pick(lang, q.text, q.en?.text);
        const row = rowId && q.type === 'grid' ? q.rows.find((r) => r.id === rowId) : undefined;
        return row ? (lang === 'ja' ? `${text}（${row.label}）` : `${text} (${pick(lang, row.label, row.en?.label)})`) : text;
      }
      const d = derived.get(id);
      if (!d) return id;
      return lang === 'ja' ? (d.text ?? d.label) : (d.en?.text ?? d.en?.label ?? `${FALLBACK_MARK}${d.text ?? d.label}`);
    },
    unit(id) {
      const { q } = split(id);
      if (!q || !('unit' in q)) return null;
      return lang === 'ja' ? q.unit : (q.en?.unit ?? q.unit);
    },
    notes(id) {
      const { q } = split(id);
      if (!q) return [];
      if (lang === 'ja') return q.notes;
      return q.en?.notes ?? q.notes.map((n) => `${FALLBACK_MARK}${n}`);
    },
    option(variable, code) {
      const o = optionsOf(variable).find((x) => x.code === code);
      return o ? optionLabel(o, lang) : undefined;
    },
    net(variable, id) {
      const { q } = split(variable);
      const net = q && 'nets' in q ? q.nets.find((n) => n.id === id) : undefined;
      return net ? pick(lang, net.label, net.en?.label) : undefined;
    },
    row(question, rowId) {
      const q = questions.get(question);
      const row = q?.type === 'grid' ? q.rows.find((r) => r.id === rowId) : undefined;
      return row ? pick(lang, row.label, row.en?.label) : undefined;
    },
    universe(id) {
      const u = universes.get(id);
      return u ? pick(lang, u.label, u.en?.label) : id === 'all' ? EVERYONE[lang] : id;
    },
    universeDescription(id) {
      const u = universes.get(id);
      if (!u?.description) return lang === 'en' ? u?.en?.description : undefined;
      return pick(lang, u.description, u.en?.description);
    },
    chapter(id) {
      const c = cb.chapters.find((x) => x.id === id);
      return c ? { title: pick(lang, c.title, c.en?.title), summary: lang === 'en' ? c.en?.summary : undefined } : undefined;
    },
    headline(index) {
      const h = cb.headlines[index];
      return h ? pick(lang, h.label, h.en?.label) : '';
    },
    isFallback(text) {
      return lang !== 'ja' && text.startsWith(FALLBACK_MARK);
    },
  };
  return labels;
}

/**
 * What of a codebook's public content has no English: one line per missing field, named by its
 * YAML path (`questions[3] (id: cs_team).en.label`). The sample codebooks are checked to have none.
 */
export function missingEnglish(cb: Codebook, isPublic: (questionId: string) => boolean = (id) => cb.questions.find((q) => q.id === id)?.publication === 'public'): string[] {
  const out: string[] = [];
  if (!cb.survey.en?.title) out.push('survey.en.title');
  cb.questions.forEach((q, i) => {
    if (!isPublic(q.id)) return;
    const at = `questions[${i}] (id: ${q.id})`;
    if (!q.en?.label) out.push(`${at}.en.label`);
    if (!q.en?.text) out.push(`${at}.en.text`);
    if ('options' in q) q.options.forEach((o, k) => { if (!o.en?.label) out.push(`${at}.options[${k}] (code: ${o.code}).en.label`); });
    if ('nets' in q) q.nets.forEach((n, k) => { if (!n.en?.label) out.push(`${at}.nets[${k}] (id: ${n.id}).en.label`); });
    if (q.type === 'grid') q.rows.forEach((r, k) => { if (!r.en?.label) out.push(`${at}.rows[${k}] (id: ${r.id}).en.label`); });
    if ('unit' in q && q.unit && /[^\x00-\x7f]/.test(q.unit) && !q.en?.unit) out.push(`${at}.en.unit`);
  });
  cb.derived.forEach((d, i) => {
    if (d.publication === 'restricted') return;
    const at = `derived[${i}] (id: ${d.id})`;
    if (!d.en?.label) out.push(`${at}.en.label`);
    d.options.forEach((o, k) => { if (!o.en?.label) out.push(`${at}.options[${k}] (code: ${o.code}).en.label`); });
  });
  cb.universes.forEach((u, i) => {
    if (!u.en?.label) out.push(`universes[${i}] (id: ${u.id}).en.label`);
    if (u.description && !u.en?.description) out.push(`universes[${i}] (id: ${u.id}).en.description`);
  });
  cb.chapters.forEach((c, i) => {
    if (!c.en?.title) out.push(`chapters[${i}] (id: ${c.id}).en.title`);
    if (!c.en?.summary) out.push(`chapters[${i}] (id: ${c.id}).en.summary`);
  });
  cb.headlines.forEach((h, i) => { if (!h.en?.label) out.push(`headlines[${i}].en.label`); });
  return out;
}
