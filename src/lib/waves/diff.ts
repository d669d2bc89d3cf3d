/**
 * What changed between two waves of a survey (issue 12, `npm run diff-waves`): questions added,
 * dropped and renamed; per linked question the wording, universe, answer type, grid rows and
 * options (added, dropped, relabelled, recoded); deliberate breaks (a question of the same id the
 * crosswalk does not link); and likely undeclared renames (a dropped and an added question with
 * the same wording). Links follow `crosswalkLink` (same id by default). Pure: two codebooks in, a
 * `WaveDiff` out; `diffText` words it for editors (Japanese, or English on request).
 */
import type { Codebook, Question } from '../dataset/codebook.ts';
import { crosswalkLink } from '../dataset/crosswalk-link.ts';

/** One option's change between the waves (codes: `from` in the earlier wave, `to` in the later). */
export interface OptionChange {
  kind: 'added' | 'dropped' | 'relabelled' | 'recoded';
  /** Code in the later wave (absent for a dropped option). */
  to?: number;
  /** Code in the earlier wave (absent for an added option). */
  from?: number;
  /** Label in the later wave, else the earlier one. */
  label: string;
  /** Relabelled: the earlier wave's label. */
  previousLabel?: string;
}

export interface QuestionChange {
  /** Id in the later wave and in the earlier one. */
  id: string;
  previous: string;
  label: string;
  text?: { from: string; to: string };
  universe?: { from: string; to: string };
  type?: { from: string; to: string };
  rows?: { added: string[]; dropped: string[] };
  options: OptionChange[];
}

export interface WaveDiff {
  survey: string;
  from: string;
  to: string;
  /** The later wave's crosswalk names the earlier wave (otherwise nothing is linked). */
  linked: boolean;
  added: Array<{ id: string; label: string }>;
  dropped: Array<{ id: string; label: string }>;
  renamed: Array<{ from: string; to: string; label: string }>;
  /** Same id in both waves, not linked (a crosswalk break): its trend stops at the later wave. */
  gaps: Array<{ id: string; label: string }>;
  /** A dropped and an added question worded the same: probably a rename the crosswalk should declare. */
  likelyRenames: Array<{ from: string; to: string }>;
  /** Linked questions with at least one change. */
  changed: QuestionChange[];
  /** Linked questions without any change. */
  unchanged: number;
}

type Options = Array<{ code: number; label: string }>;
const optionsOf = (q: Question): Options => ('options' in q ? q.options : []);

function optionChanges(later: Options, earlier: Options, map: Record<string, number> | undefined): OptionChange[] {
  const out: OptionChange[] = [];
  const used = new Set<number>();
  for (const o of later) {
    const code = map?.[String(o.code)] ?? o.code;
    const before = earlier.find((e) => e.code === code);
    if (!before) {
      out.push({ kind: 'added', to: o.code, label: o.label });
      continue;
    }
    used.add(code);
    if (code !== o.code) out.push({ kind: 'recoded', to: o.code, from: code, label: o.label });
    if (before.label !== o.label) out.push({ kind: 'relabelled', to: o.code, from: code, label: o.label, previousLabel: before.label });
  }
  for (const e of earlier) if (!used.has(e.code)) out.push({ kind: 'dropped', from: e.code, label: e.label });
  return out;
}

function questionChange(later: Question, earlier: Question, map: Record<string, number> | undefined): QuestionChange {
  const change: QuestionChange = { id: later.id, previous: earlier.id, label: later.label, options: optionChanges(optionsOf(later), optionsOf(earlier), map) };
  if (later.text !== earlier.text) change.text = { from: earlier.text, to: later.text };
  if (later.universe !== earlier.universe) change.universe = { from: earlier.universe, to: later.universe };
  if (later.type !== earlier.type) change.type = { from: earlier.type, to: later.type };
  if (later.type === 'grid' && earlier.type === 'grid') {
    const now = later.rows.map((r) => r.id);
    const then = earlier.rows.map((r) => r.id);
    const rows = { added: now.filter((r) => !then.includes(r)), dropped: then.filter((r) => !now.includes(r)) };
    if (rows.added.length + rows.dropped.length > 0) change.rows = rows;
  }
  return change;
}

const isChanged = (c: QuestionChange) => c.options.length > 0 || c.text !== undefined || c.universe !== undefined || c.type !== undefined || c.rows !== undefined;

/** The differences from the earlier wave `a` to the later wave `b` of one survey. */
export function diffWaves(a: Codebook, b: Codebook): WaveDiff {
  const linked = b.crosswalk?.wave === a.survey.wave;
  const earlier = new Map(a.questions.map((q) => [q.id, q]));
  const diff: WaveDiff = { survey: b.survey.id, from: a.survey.wave, to: b.survey.wave, linked, added: [], dropped: [], renamed: [], gaps: [], likelyRenames: [], changed: [], unchanged: 0 };
  const reached = new Set<string>();
  for (const q of b.questions) {
    const link = crosswalkLink(b, a, q.id);
    const before = link ? earlier.get(link.previous) : undefined;
    if (!link || !before) {
      if (earlier.has(q.id)) {
        diff.gaps.push({ id: q.id, label: q.label });
        reached.add(q.id);
      } else diff.added.push({ id: q.id, label: q.label });
      continue;
    }
    reached.add(before.id);
    if (before.id !== q.id) diff.renamed.push({ from: before.id, to: q.id, label: q.label });
    const change = questionChange(q, before, link.options);
    if (isChanged(change)) diff.changed.push(change);
    else diff.unchanged++;
  }
  for (const q of a.questions) if (!reached.has(q.id)) diff.dropped.push({ id: q.id, label: q.label });
  const texts = new Map(b.questions.map((q) => [q.id, q.text]));
  for (const d of diff.dropped) {
    const same = diff.added.find((x) => texts.get(x.id) === earlier.get(d.id)?.text);
    if (same) diff.likelyRenames.push({ from: d.id, to: same.id });
  }
  return diff;
}

const list = (items: string[]) => (items.length > 0 ? items.join('、') : 'なし');
const listEn = (items: string[]) => (items.length > 0 ? items.join(', ') : 'none');

/** The diff in words, one line per fact: Japanese for editors' terminals and the editors' page, or English (`npm run diff-waves` with HAKUSHO_LANG=en). */
export function diffText(d: WaveDiff, lang: 'ja' | 'en' = 'ja'): string[] {
  if (lang === 'en') return diffTextEn(d);
  const lines = [`${d.survey}：${d.from} → ${d.to} の違い`];
  if (!d.linked) lines.push(`  注意：${d.to} の codebook に ${d.from} への対応表（crosswalk）がありません。同じIDの設問はつながりますが、調査回の履歴（比較できる前回調査）には ${d.from} が入りません。`);
  lines.push(`  追加された設問（${d.added.length}）：${list(d.added.map((q) => `${q.id}「${q.label}」`))}`);
  lines.push(`  削除された設問（${d.dropped.length}）：${list(d.dropped.map((q) => `${q.id}「${q.label}」`))}`);
  lines.push(`  IDが変わった設問（${d.renamed.length}）：${list(d.renamed.map((q) => `${q.from} → ${q.to}`))}`);
  if (d.gaps.length > 0) lines.push(`  推移を切った設問（crosswalk.breaks、${d.gaps.length}）：${list(d.gaps.map((q) => q.id))}`);
  for (const r of d.likelyRenames) lines.push(`  改名かもしれません：${r.from} → ${r.to}（設問文が同じです。改名なら crosswalk.questions に { question: ${r.to}, previous: ${r.from} } を書いてください）`);
  lines.push(`  変更のない設問：${d.unchanged}`);
  for (const c of d.changed) {
    lines.push(`  ${c.id}「${c.label}」${c.previous !== c.id ? `（${d.from}：${c.previous}）` : ''}`);
    if (c.text) lines.push(`    設問文：「${c.text.from}」→「${c.text.to}」`);
    if (c.universe) lines.push(`    対象者：${c.universe.from} → ${c.universe.to}`);
    if (c.type) lines.push(`    回答形式：${c.type.from} → ${c.type.to}`);
    if (c.rows) lines.push(`    行：追加 ${list(c.rows.added)}／削除 ${list(c.rows.dropped)}`);
    for (const o of c.options) {
      if (o.kind === 'added') lines.push(`    選択肢の追加：${o.to}「${o.label}」`);
      else if (o.kind === 'dropped') lines.push(`    選択肢の削除：${o.from}「${o.label}」`);
      else if (o.kind === 'recoded') lines.push(`    コードの変更：${o.from} → ${o.to}「${o.label}」`);
      else lines.push(`    選択肢の表記の変更：${o.to}「${o.previousLabel}」→「${o.label}」`);
    }
  }
  return lines;
}

function diffTextEn(d: WaveDiff): string[] {
  const lines = [`${d.survey}: what changed from ${d.from} to ${d.to}`];
  if (!d.linked) lines.push(`  Note: the codebook of ${d.to} has no crosswalk to ${d.from}. Questions with the same id still link, but ${d.from} is not in the wave's history (earlier waves to compare with).`);
  lines.push(`  Questions added (${d.added.length}): ${listEn(d.added.map((q) => `${q.id} 「${q.label}」`))}`);
  lines.push(`  Questions dropped (${d.dropped.length}): ${listEn(d.dropped.map((q) => `${q.id} 「${q.label}」`))}`);
  lines.push(`  Questions renamed (${d.renamed.length}): ${listEn(d.renamed.map((q) => `${q.from} → ${q.to}`))}`);
  if (d.gaps.length > 0) lines.push(`  Trends broken (crosswalk.breaks, ${d.gaps.length}): ${listEn(d.gaps.map((q) => q.id))}`);
  for (const r of d.likelyRenames) lines.push(`  Possibly renamed: ${r.from} → ${r.to} (same wording; if it is a rename, add { question: ${r.to}, previous: ${r.from} } under crosswalk.questions)`);
  lines.push(`  Questions unchanged: ${d.unchanged}`);
  for (const c of d.changed) {
    lines.push(`  ${c.id} 「${c.label}」${c.previous !== c.id ? ` (${d.from}: ${c.previous})` : ''}`);
    if (c.text) lines.push(`    wording: 「${c.text.from}」 → 「${c.text.to}」`);
    if (c.universe) lines.push(`    universe: ${c.universe.from} → ${c.universe.to}`);
    if (c.type) lines.push(`    type: ${c.type.from} → ${c.type.to}`);
    if (c.rows) lines.push(`    rows: added ${listEn(c.rows.added)}; dropped ${listEn(c.rows.dropped)}`);
    for (const o of c.options) {
      if (o.kind === 'added') lines.push(`    option added: ${o.to} 「${o.label}」`);
      else if (o.kind === 'dropped') lines.push(`    option dropped: ${o.from} 「${o.label}」`);
      else if (o.kind === 'recoded') lines.push(`    code changed: ${o.from} → ${o.to} 「${o.label}」`);
      else lines.push(`    option relabelled: ${o.to} 「${o.previousLabel}」 → 「${o.label}」`);
    }
  }
  return lines;
}
