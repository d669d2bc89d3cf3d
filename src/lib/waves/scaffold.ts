/**
 * A new wave started from the previous one (issue 12, `npm run new-wave`): the codebook copied
 * with the new wave id and a crosswalk to the previous wave (same ids link by default), its
 * wave-specific provenance — survey notes, questions' `source`, `notes`, `reconstructed`, the
 * headlines — moved into a `checklist` the editor must clear (validation fails while an item is
 * open), and chapter stubs that keep each chapter's frontmatter and charts. Pure: texts in, texts
 * out (scripts/new-wave.ts reads and writes the files). Comments in the codebook are kept.
 */
import { isMap, isSeq, parseDocument } from 'yaml';

export interface ChecklistItem {
  item: string;
  previous?: unknown;
  done: false;
}

export interface ScaffoldedCodebook {
  text: string;
  checklist: ChecklistItem[];
}

/** Survey fields whose value belongs to one wave: kept, but to be confirmed. */
const SURVEY_FIELDS = ['title', 'shortTitle', 'fieldwork', 'n', 'citation', 'contractor', 'method', 'population', 'licence'] as const;
/** Question fields that describe one wave's report: moved into the checklist. */
const QUESTION_PROVENANCE = ['source', 'notes', 'reconstructed'] as const;

/** The previous wave's codebook (`text`, wave `from`) as the first draft of wave `wave`. */
export function scaffoldCodebook(text: string, from: string, wave: string, chapterFiles: string[] = []): ScaffoldedCodebook {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`codebook.yaml of ${from} is not valid YAML: ${doc.errors[0].message}`);
  const checklist: ChecklistItem[] = [];
  const add = (item: string, previous?: unknown) => checklist.push({ item, ...(previous !== undefined ? { previous } : {}), done: false });
  doc.setIn(['survey', 'wave'], wave);
  for (const key of SURVEY_FIELDS) {
    if (doc.hasIn(['survey', key])) add(`survey.${key}：${wave} の値に直したか確認する（前回 ${from} の値のままです）`, toJs(doc.getIn(['survey', key])));
  }
  if (doc.hasIn(['survey', 'notes'])) {
    add(`survey.notes：前回 ${from} の注記を削除しました。今回も当てはまるものだけを書き直す`, toJs(doc.getIn(['survey', 'notes'])));
    doc.deleteIn(['survey', 'notes']);
  }
  const questions = doc.get('questions');
  if (isSeq(questions)) {
    for (const q of questions.items) {
      if (!isMap(q)) continue;
      const moved: Record<string, unknown> = {};
      for (const key of QUESTION_PROVENANCE) {
        if (q.has(key)) {
          moved[key] = toJs(q.get(key));
          q.delete(key);
        }
      }
      if (Object.keys(moved).length > 0) add(`questions の ${String(q.get('id'))}：前回 ${from} の出典・注記（${Object.keys(moved).join('、')}）を削除しました。今回の報告書に合わせて書き直す`, moved);
    }
  }
  if (doc.has('headlines')) {
    add(`headlines：前回 ${from} の見出しの数値を削除しました。今回の見出しを選び直す`, toJs(doc.get('headlines')));
    doc.delete('headlines');
  }
  if (chapterFiles.length > 0) add(`章の本文：content の ${wave} の下書き（${chapterFiles.join('、')}）を今回のデータに合わせて書き終えたら done: true にする`);
  // Same ids link to the previous wave by default; renames, recodes and breaks go here.
  doc.set('crosswalk', doc.createNode({ wave: from }));
  doc.set('checklist', doc.createNode(checklist));
  return { text: doc.toString({ lineWidth: 0 }), checklist };
}

function toJs(node: unknown): unknown {
  return node && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : node;
}

/**
 * A chapter stub for the new wave from the previous wave's chapter: the same frontmatter with the
 * new wave id, a comment saying where it came from, and the previous chapter's `<Chart>` elements
 * (their names are checked by `npm run validate`); the prose is to be written anew.
 */
export function chapterStub(mdx: string, from: string, wave: string, source: string): string {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(mdx);
  if (!m) throw new Error(`${source}: no frontmatter (--- … ---) at the top`);
  const front = parseDocument(m[1]);
  front.set('wave', wave);
  const charts = [...m[2].matchAll(/<Chart\b[^>]*?\/>/g)].map((c) => c[0]);
  return [
    '---',
    front.toString({ lineWidth: 0 }).trimEnd(),
    '---',
    '',
    `{/* ${wave} の下書き（${source} から作成）。本文と要約（summary）を今回のデータに合わせて書き、数値は <Stat> / <Change> で引用してください。 */}`,
    '',
    ...charts.flatMap((c) => [c, '']),
  ].join('\n');
}
