/**
 * `npm run validate` for the MDX chapters under content/: every problem the build would stop on
 * (or print wrongly), found in about a second and reported all at once, each as `file:line` and
 * a Japanese sentence naming what was found and what is expected.
 *
 * - Frontmatter: the collection's fields (src/lib/content/frontmatter.ts); survey, wave and
 *   chapter exist in the data; one file per chapter (two files claiming one route are named
 *   together).
 * - `<Stat>`, `<Chart>`, `<Change>`: props are known; every name is resolved by the build's own
 *   resolvers (statValue, resolveChart, changeValue). A `FigureNameError` is worded with the
 *   valid choices and a "did you mean" (the codebook's own `closestField`); any other error a
 *   resolver throws is located and passed on as it is.
 * - Prose: no typed figure (src/lib/content/prose.ts), and no paragraph comparing `<Stat>`
 *   figures of two waves instead of a `<Change>`.
 * - Warnings: chapters a codebook lists that no MDX file writes, props that can only be read
 *   when the page is built.
 *
 * - Guides (content/guides/, src/lib/content/guides.ts): their own frontmatter and routes, the
 *   same prose rules, every figure naming its survey and wave, and the guides' components
 *   (`<Evidence>`, `<Formula>`, `<WorkedExample>`) resolved like the figures.
 *
 * The MDX is parsed by satteri, the parser @astrojs/mdx builds the pages with, so line numbers
 * and what counts as a component or as text are the build's.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createContext, runInContext, type Context } from 'node:vm';
import { mdxToMdast } from 'satteri';
import { LineCounter, parseDocument } from 'yaml';
import { closestField } from '../lib/dataset/schema-errors.ts';
import { yamlLine } from '../lib/dataset/codebook-read.ts';
import { chapterFrontmatter } from '../lib/content/frontmatter.ts';
import { blank, blankLabels, CHANGE_VERB, figuresIn, REVIEWED_FIGURES } from '../lib/content/prose.ts';
import { FigureError, FigureNameError, type FigureChoice, type FigureName } from '../components/figure-error.ts';
import { STAT_PROPS, statValue, type StatRequest } from '../components/stat.ts';
import { CHART_PROPS, figureAnchor, resolveChart } from '../components/figure-data.ts';
import { CHANGE_PROPS, changeValue, type ChangeRequest } from '../components/change.ts';
import { EVIDENCE_PROPS, evidenceTarget, KPI_PROPS, kpiFigure, type EvidenceRequest } from '../components/guides/guide-data.ts';
import { GUIDES_FOLDER, guideFrontmatter, guideRoute, isGuidePath } from '../lib/content/guides.ts';
import type { ZodType } from 'zod';
import type { Filter } from '../lib/dataset/codebook.ts';
import type { Catalog } from './catalog.ts';
import { contentRoot } from './content.ts';

/** One finding in a chapter (or, for a chapter without MDX, in a codebook). */
export interface ChapterProblem {
  /** Path as the editor knows it, e.g. `content/jcsa/2025/ch3.mdx`. */
  file: string;
  /** 1-based line. */
  line: number;
  severity: 'error' | 'warning';
  /** Stable rule id (`unknown-name`, `typed-figure`, `duplicate-route`, …). */
  rule: string;
  /** What was found and what is expected, in Japanese (without the location). */
  message: string;
}

export interface ChapterReport {
  /** Errors: `npm run validate` exits 1 and the build does not start. */
  problems: ChapterProblem[];
  warnings: ChapterProblem[];
  /** MDX files read. */
  files: number;
}

/** `file:line message`, as printed. */
export function formatChapterProblem(p: ChapterProblem): string {
  return `${p.file}:${p.line} ${p.message}`;
}

/** What a kind of page lets its MDX use without importing: components, their props, the props they cannot do without. */
interface PageRules {
  /** `章` or `ガイド`, in messages. */
  noun: string;
  props: Record<string, readonly string[]>;
  required: Record<string, Array<[prop: string, what: string]>>;
}

/**
 * Chapters (src/pages/[survey]/[wave]/[chapter]/index.astro): survey and wave default to the
 * chapter's. Every component is given by the page (no import: a chapter folder outside the
 * repository would break a relative one).
 */
const CHAPTER_RULES: PageRules = {
  noun: '章',
  props: { Stat: STAT_PROPS, Chart: CHART_PROPS, Change: CHANGE_PROPS, FigRef: ['to'], OmittedChart: ['title', 'reason'] },
  required: {
    FigRef: [['to', '参照する図の id']],
    OmittedChart: [['title', '原典の図の名前']],
    Stat: [['q', '設問']],
    Chart: [['q', '設問']],
    Change: [
      ['q', '設問'],
      ['option', '選択肢'],
      ['from', '比べる調査回'],
    ],
  },
};

/** A guide belongs to no report: every figure names its survey and wave (src/pages/guides/[...slug].astro). */
const SOURCE: Array<[prop: string, what: string]> = [
  ['survey', '調査。ガイドには報告書がないため、数値と図ごとに書きます'],
  ['wave', '調査回。ガイドには報告書がないため、数値と図ごとに書きます'],
];
const GUIDE_RULES: PageRules = {
  noun: 'ガイド',
  // The chapter's figures without FigRef and OmittedChart: a guide's page gives neither.
  props: { Stat: STAT_PROPS, Chart: CHART_PROPS, Change: CHANGE_PROPS, Evidence: EVIDENCE_PROPS, Formula: KPI_PROPS, WorkedExample: KPI_PROPS },
  required: {
    Stat: [...CHAPTER_RULES.required.Stat, ...SOURCE],
    Chart: [...CHAPTER_RULES.required.Chart, ...SOURCE],
    Change: [...CHAPTER_RULES.required.Change, ...SOURCE],
    Evidence: [...SOURCE, ['q', '設問']],
    Formula: [['kpi', 'KPI']],
    WorkedExample: [['kpi', 'KPI']],
  },
};

/** Japanese nouns for what a prop names. */
const NOUN: Record<FigureName['kind'], string> = {
  survey: '調査',
  wave: '調査回',
  question: '設問',
  option: '選択肢',
  net: 'ネット',
  universe: '集計対象',
  banner: '分析軸',
  segment: '列',
  kind: '表示形式',
  kpi: 'KPI',
};

// ---------------------------------------------------------------------------------------------
// The MDX tree (satteri's mdast; only what is read here)

interface Point {
  line: number;
  column: number;
  offset: number;
}
interface MdxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: 'mdxJsxAttributeValueExpression'; value: string };
}
interface MdNode {
  type: string;
  name?: string | null;
  value?: string;
  alt?: string | null;
  attributes?: MdxAttribute[];
  children?: MdNode[];
  position?: { start: Point; end: Point };
}

function* walk(node: MdNode): Generator<MdNode> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

const isElement = (n: MdNode) => n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement';
/** An MDX expression that holds only comments (`{/* … *\/}`) prints nothing. */
const isComment = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '').trim() === '';

/** 1-based line of an offset in a text. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

// ---------------------------------------------------------------------------------------------
// Prose

/**
 * The reader-facing prose of an MDX source: the same string with everything that is not prose
 * blanked out — frontmatter, import/export, component tags and their props, link targets, code,
 * comments, labels quoted in 「」 — so offsets and line numbers are the file's. Text inside
 * components (`<Note>…</Note>`) and link text stay. Throws the parser's error for a file that is
 * not valid MDX.
 */
export function proseOf(source: string): string {
  return blankLabels(proseFromTree(source, mdxToMdast(source) as MdNode));
}

/** The text nodes (and printed expressions, image alt texts) under `tree`, in place; the rest blanked. */
function proseFromTree(source: string, tree: MdNode): string {
  const kept = blank(source).split('');
  const keep = (from: number, to: number) => {
    for (let i = from; i < to; i++) kept[i] = source[i];
  };
  for (const node of walk(tree)) {
    const at = node.position;
    if (!at) continue;
    if (node.type === 'text') keep(at.start.offset, at.end.offset);
    // An expression in running text prints what it evaluates to ({'42%'}); comments print nothing.
    else if ((node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') && !isComment(node.value ?? '')) keep(at.start.offset, at.end.offset);
    else if (node.type === 'image' && node.alt) {
      const from = at.start.offset + 2; // ![
      if (source.startsWith(node.alt, from)) keep(from, from + node.alt.length);
    }
  }
  return kept.join('');
}

/**
 * Typed figures in one chapter: title and summary from the frontmatter, then the body (lines of
 * the file). `chapter` (its path under the content folder, `jcsa/2025/ch1.mdx`) lets the
 * figures REVIEWED_FIGURES allows there through.
 */
export function figuresInMdx(source: string, chapter?: string): Array<{ line: number; text: string; context: string }> {
  const tree = mdxToMdast(source) as MdNode;
  return typedFigures(source, tree, frontmatterOf(source, tree), chapter).map(({ line, text, context }) => ({ line, text, context }));
}

function typedFigures(source: string, tree: MdNode | null, front: Frontmatter | null, chapter: string | undefined): FigureAt[] {
  const lines = source.split('\n');
  const found = [...frontmatterFigures(front && front.errors.length === 0 ? front : null), ...(tree ? bodyFigures(source, tree) : [])];
  return found.filter((f) => chapter === undefined || !reviewed(chapter, lines[f.line - 1] ?? '', f));
}

interface FigureAt {
  line: number;
  column: number;
  text: string;
  context: string;
  where: string;
}

/** Typed figures of the body (labels in 「」 are not prose). */
function bodyFigures(source: string, tree: MdNode): FigureAt[] {
  return figuresIn(blankLabels(proseFromTree(source, tree))).map((f) => ({ ...f, where: '本文' }));
}

function frontmatterFigures(front: Frontmatter | null): FigureAt[] {
  if (!front) return [];
  const out: FigureAt[] = [];
  for (const key of ['title', 'summary']) {
    const value = front.data?.[key];
    if (typeof value !== 'string') continue;
    const line = front.lineOf([key]);
    for (const f of figuresIn(blankLabels(value).replace(/\n/g, ' '))) out.push({ ...f, line, where: `frontmatter の ${key} ` });
  }
  return out;
}

/** A figure reviewed in REVIEWED_FIGURES, inside its exact phrase. */
function reviewed(chapter: string, sourceLine: string, f: FigureAt): boolean {
  return REVIEWED_FIGURES.some((r) => {
    if (r.chapter !== chapter || r.figure !== f.text) return false;
    const inner = r.phrase.indexOf(r.figure);
    // In the body the figure must be the phrase's own; a frontmatter value only has to hold the phrase.
    for (let i = sourceLine.indexOf(r.phrase); i !== -1; i = sourceLine.indexOf(r.phrase, i + 1)) if (f.where !== '本文' || f.column === i + inner) return true;
    return false;
  });
}

// ---------------------------------------------------------------------------------------------
// Frontmatter

interface Frontmatter {
  /** Parsed YAML, or null when it is not a mapping. */
  data: Record<string, unknown> | null;
  /** 1-based line in the file of a key's value (the frontmatter's first line when missing). */
  lineOf(path: Array<string | number>): number;
  /** Line of the opening `---`. */
  start: number;
  errors: Array<{ line: number; message: string }>;
}

function frontmatterOf(source: string, tree: MdNode | null): Frontmatter | null {
  let text: string;
  let start: number;
  const node = tree?.children?.find((n) => n.type === 'yaml');
  if (tree) {
    if (!node?.position) return null;
    text = node.value ?? '';
    start = node.position.start.line;
  } else {
    // The file is not valid MDX: its frontmatter still says which chapter it claims.
    const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
    if (!m) return null;
    text = m[1];
    start = 1;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const errors = doc.errors.map((e) => ({ line: start + (e.linePos?.[0].line ?? 1), message: e.message.split('\n')[0] }));
  const json = errors.length === 0 ? (doc.toJS() as unknown) : null;
  const data = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  return { data, start, errors, lineOf: (path) => start + (errors.length === 0 ? (yamlLine(text, path) ?? 0) : 0) };
}

// ---------------------------------------------------------------------------------------------
// Names

/** `1（SNS経由）`: a choice as the editor writes it, with its label. */
const showChoice = (c: FigureChoice) => (c.label !== undefined && c.label !== c.id ? `${c.id}（${c.label}）` : c.id);

/** The valid choice a misspelt name was probably meant to be (the codebook's own "did you mean"). */
function suggestion(value: string, choices: FigureChoice[]): FigureChoice | undefined {
  const byId = closestField(value, choices.map((c) => c.id));
  if (byId !== undefined) return choices.find((c) => c.id === byId);
  const byLabel = closestField(value, choices.flatMap((c) => (c.label !== undefined ? [c.label] : [])));
  return byLabel !== undefined ? choices.find((c) => c.label === byLabel) : undefined;
}

/** `。選べる設問：a、b、c。` or `（もしかして：x）。` */
function choicesText(noun: string, value: string, choices: FigureChoice[], where: string): string {
  const near = suggestion(value, choices);
  if (near) return `（もしかして：${showChoice(near)}）。`;
  if (choices.length === 0) return `。${where.trim()} には${noun}がありません。`;
  return `。選べる${noun}：${choices.map(showChoice).join('、')}。`;
}

/** The Japanese sentence for a name the data does not have (after the component's tag). */
function nameMessage(f: FigureName, written: boolean): string {
  const noun = NOUN[f.kind];
  const given = written ? `「${f.value}」` : `「${f.value}」（指定がないときの値）`;
  let what: string;
  let where = f.scope;
  switch (f.reason) {
    case 'restricted':
      what = `の${noun}${given}は非公開のデータのため、章では使えません`;
      break;
    case 'no-trend':
      what =
        f.kind === 'wave'
          ? `の${noun}${given}には、この設問・選択肢の経年比較の値がありません`
          : f.kind === 'universe'
            ? `の${noun}${given}では、この設問の経年比較ができません`
            : `の${noun}${given}は、この設問の経年比較にありません`;
      where = 'この設問の経年比較';
      break;
    case 'unsuitable':
      what = `の${noun}${given}は、この設問（${f.scope}）の図には使えません`;
      where = 'この設問';
      break;
    case 'not-printed':
      what = `の${noun}${given}は${f.kind === 'option' ? `公表集計表（設問 ${f.scope}）` : ` ${f.scope} の公表集計表`}にありません`;
      where = '公表集計表';
      break;
    default: {
      const place =
        f.kind === 'survey'
          ? 'データ'
          : f.kind === 'wave'
            ? `調査 ${f.scope}`
            : f.kind === 'option' || f.kind === 'net'
              ? `設問 ${f.scope}`
              : f.kind === 'segment'
                ? `分析軸 ${f.scope}`
                : ` ${f.scope}`;
      what = `の${noun}${given}は${place} にありません`;
      where = place;
    }
  }
  return `${what}${choicesText(noun, f.value, f.choices, where)}`;
}

// ---------------------------------------------------------------------------------------------
// Components

interface Page {
  survey: string;
  wave: string;
}

/** A prop as written (`q="x"`, `option={1}`), for the tag shown in messages. */
function written(a: MdxAttribute): string {
  if (a.value === null || a.value === undefined) return a.name ?? '';
  if (typeof a.value === 'string') return `${a.name}="${a.value}"`;
  return `${a.name}={${a.value.value}}`;
}

/** The value Astro passes for a prop: a string, `true`, or what the expression evaluates to. */
function evaluate(a: MdxAttribute): { ok: true; value: unknown } | { ok: false } {
  if (a.value === null || a.value === undefined) return { ok: true, value: true };
  if (typeof a.value === 'string') return { ok: true, value: a.value };
  const code = a.value.value;
  try {
    return { ok: true, value: JSON.parse(code) }; // option={1}, digits={2}: most props are JSON
  } catch {
    // Anything else (filters={[{ q: 'x', in: [1] }]}) is evaluated as JavaScript. The chapter is
    // compiled and run by the build anyway; here in an empty context, with a time limit.
    try {
      sandbox ??= createContext(Object.create(null));
      return { ok: true, value: structuredClone(runInContext(`(${code})`, sandbox, { timeout: 100 })) };
    } catch {
      return { ok: false };
    }
  }
}
let sandbox: Context | undefined;

/** The line of a prop inside a tag that spans several lines (else the tag's line). */
function propLine(source: string, node: MdNode, prop: string | undefined): number {
  const at = node.position!;
  if (prop === undefined || at.start.line === at.end.line) return at.start.line;
  const tag = source.slice(at.start.offset, at.end.offset);
  const m = new RegExp(`[\\s{]${prop.replace(/[^\w-]/g, '')}\\s*=`).exec(tag);
  return m ? lineAt(source, at.start.offset + m.index + 1) : at.start.line;
}

function checkComponent(source: string, node: MdNode, page: Page | null, resolve: boolean, esm: string, figures: Map<string, string>, report: (line: number, rule: string, message: string, severity?: 'error' | 'warning') => void, rules: PageRules = CHAPTER_RULES): void {
  const name = node.name!;
  const allowed = rules.props[name];
  const line = node.position!.start.line;
  if (!allowed) {
    // Lowercase tags are HTML; anything else must be imported or exported by the chapter itself.
    if (/^[a-z]/.test(name) || name.includes('.') || new RegExp(`\\b${name.replace(/[^\w$]/g, '')}\\b`).test(esm)) return;
    const near = closestField(name, Object.keys(rules.props));
    const names = Object.keys(rules.props).map((n) => `<${n}>`);
    report(line, 'unknown-component', `<${name}> というコンポーネントはありません${near ? `（もしかして：<${near}>）` : ''}。${rules.noun}で使えるのは ${names.join('、')} と、この${rules.noun}で import したコンポーネントです。`);
    return;
  }
  const attributes = node.attributes ?? [];
  const byName = new Map(attributes.filter((a) => a.type === 'mdxJsxAttribute').map((a) => [a.name!, a]));
  const q = byName.get('q');
  const tag = (extra?: MdxAttribute) => `<${name}${q ? ` ${written(q)}` : ''}${extra && extra !== q ? ` ${written(extra)}` : ''}>`;
  if (attributes.some((a) => a.type === 'mdxJsxExpressionAttribute')) {
    report(line, 'unchecked-props', `${tag()} は {...} で属性を渡しているため、ここでは確かめられません（ビルド時に確かめます）。`, 'warning');
    return;
  }
  let complete = true;
  for (const a of attributes) {
    if (allowed.includes(a.name!)) continue;
    const near = closestField(a.name!, allowed);
    // Astro passes an unknown prop on and the component ignores it: the names it does use are still resolved below.
    report(propLine(source, node, a.name), 'unknown-prop', `${tag(a)} の属性 ${a.name} は <${name}> にありません${near ? `（もしかして：${near}）` : ''}。使える属性：${allowed.filter((p) => p !== 'resolved').join('、')}。`);
  }
  for (const [prop, what] of rules.required[name]) {
    if (byName.has(prop)) continue;
    report(line, 'missing-prop', `${tag()} に ${prop}（${what}）がありません。`);
    complete = false;
  }
  const props: Record<string, unknown> = {};
  for (const a of attributes) {
    const v = evaluate(a);
    if (v.ok) props[a.name!] = v.value;
    else {
      report(propLine(source, node, a.name), 'unchecked-props', `${tag(a)} の ${a.name} の値は、ページを作るときにしか決まらないため確かめられません。`, 'warning');
      complete = false;
    }
  }
  if (!complete || !resolve) return;
  if (name === 'OmittedChart') return; // text only: nothing to resolve
  if (name === 'FigRef') {
    const to = String(props.to);
    if (!figures.has(to)) {
      const choices = [...figures.keys()];
      const near = closestField(to, choices);
      report(propLine(source, node, 'to'), 'unknown-figure', `<FigRef to="${to}"> の図はこの章にありません${near ? `（もしかして：${near}）` : ''}。${choices.length ? `この章の図：${choices.map((c) => `${c}（${figures.get(c)}）`).join('、')}` : 'この章には図がありません'}。図に id を付けるには <Chart id="…"> と書きます。`);
    }
    return;
  }
  const survey = (props.survey as string | undefined) ?? page?.survey;
  const wave = (props.wave as string | undefined) ?? page?.wave;
  const kpiComponent = name === 'Formula' || name === 'WorkedExample';
  // A chapter whose frontmatter names no existing wave has been reported once already.
  if (!kpiComponent && (survey === undefined || wave === undefined)) return;
  try {
    if (kpiComponent) kpiFigure(String(props.kpi), `<${name}>`);
    else if (name === 'Evidence') evidenceTarget({ ...(props as Omit<EvidenceRequest, 'survey' | 'wave'>), survey: survey as string, wave: wave as string });
    else if (name === 'Stat') statValue({ ...(props as Omit<StatRequest, 'survey' | 'wave'>), survey: survey as string, wave: wave as string });
    else if (name === 'Change') changeValue({ ...(props as Omit<ChangeRequest, 'survey' | 'wave'>), survey: survey as string, wave: wave as string });
    else resolveChartProps(props, survey as string, wave as string);
  } catch (e) {
    if (e instanceof FigureNameError) {
      const attr = byName.get(e.figure.prop);
      report(propLine(source, node, attr ? e.figure.prop : undefined), 'unknown-name', `${tag(attr)} ${nameMessage(e.figure, attr !== undefined)}`);
    } else {
      // Every prop as written: the refusal may come from any of them (a suppressed base, a kind the question has not …).
      const full = `<${name}${attributes.map((a) => ` ${written(a)}`).join('')}>`;
      if (e instanceof FigureError) report(line, 'figure', `${full}${e.ja.startsWith('：') ? '' : ' '}${e.ja}`);
      else report(line, 'figure', `${full} を表示できません：${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/** A paragraph that quotes `<Stat>` figures of two waves, or a change verb next to another wave's `<Stat>`. */
function waveComparison(source: string, paragraph: MdNode, page: Page): string | null {
  const stats = [...walk(paragraph)].filter((n) => isElement(n) && n.name === 'Stat');
  if (stats.length === 0) return null;
  const waves = stats.map((s) => {
    const a = s.attributes?.find((x) => x.type === 'mdxJsxAttribute' && x.name === 'wave');
    const v = a ? evaluate(a) : undefined;
    return v?.ok ? String(v.value) : page.wave;
  });
  const distinct = [...new Set(waves)].sort();
  if (distinct.length >= 2) return `この段落は ${distinct.map((w) => `${w}年`).join('と')}の <Stat> の数値を並べています。調査回の間の変化は <Change> で書いてください（検定の結果に合った言い方になります）。`;
  const other = waves.find((w) => w !== page.wave);
  if (other === undefined) return null;
  const at = paragraph.position!;
  const prose = blankLabels(proseFromTree(source, paragraph).slice(at.start.offset, at.end.offset));
  const verb = CHANGE_VERB.exec(prose);
  return verb ? `この段落は「${verb[0]}」と${other}年の <Stat> の数値を並べています。調査回の間の変化は <Change> で書いてください（検定の結果に合った言い方になります）。` : null;
}

/**
 * Paragraphs of a chapter that compare waves without `<Change>` (README "Authoring chapters"),
 * by line; `pageWave` is the wave of the chapter's page.
 */
export function waveComparisons(source: string, pageWave: string): Array<{ line: number; why: string }> {
  const tree = mdxToMdast(source) as MdNode;
  const out: Array<{ line: number; why: string }> = [];
  for (const node of walk(tree)) {
    if (node.type !== 'paragraph') continue;
    const why = waveComparison(source, node, { survey: '', wave: pageWave });
    if (why) out.push({ line: node.position!.start.line, why });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Files

/** MDX files under `dir` (sorted; hidden files and folders are skipped, as Astro's glob does). */
function mdxFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return mdxFiles(path);
      return name.endsWith('.mdx') ? [path] : [];
    });
}

/**
 * Checks every chapter under `root` against `catalog` (the waves `loadCatalog()` returns, which
 * the resolvers read; null when the data has problems: then only what needs no data is checked).
 */
export function checkChapters(catalog: Catalog | null, root = contentRoot()): ChapterReport {
  const problems: ChapterProblem[] = [];
  const warnings: ChapterProblem[] = [];
  const routes = new Map<string, Array<{ file: string; line: number }>>();
  const guides: Array<{ file: string; guide: string; cover: boolean }> = [];
  const files = mdxFiles(root);
  for (const path of files) {
    const file = path.split('\\').join('/');
    const chapterPath = relative(root, path).split('\\').join('/');
    const source = readFileSync(path, 'utf8');
    const report = (line: number, rule: string, message: string, severity: 'error' | 'warning' = 'error') => (severity === 'error' ? problems : warnings).push({ file, line, severity, rule, message });

    let tree: MdNode | null = null;
    try {
      tree = mdxToMdast(source) as MdNode;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const at = /^(\d+):(\d+):\s*/.exec(message);
      report(at ? Number(at[1]) : 1, 'mdx-syntax', `MDX として読めません：${at ? message.slice(at[0].length) : message}`);
    }

    const guide = isGuidePath(chapterPath);
    const rules = guide ? GUIDE_RULES : CHAPTER_RULES;

    // Frontmatter: the collection's fields, then (chapters) the wave and chapter they name, (guides) the route.
    const front = frontmatterOf(source, tree);
    let page: Page | null = null;
    if (!front) report(1, 'frontmatter', guide ? 'frontmatter（先頭の --- で囲んだ title、summary、order）がありません。' : 'frontmatter（先頭の --- で囲んだ title、survey、wave、chapter、order、summary）がありません。');
    else {
      for (const e of front.errors) report(e.line, 'frontmatter', `frontmatter の YAML が読めません：${e.message}`);
      if (front.errors.length === 0) {
        checkFields(guide ? guideFrontmatter : chapterFrontmatter, front, (line, message) => report(line, 'frontmatter', message));
        const { survey, wave, chapter } = front.data ?? {};
        if (!guide && typeof survey === 'string' && typeof wave === 'string' && typeof chapter === 'string' && survey && wave && chapter) {
          const route = `/${survey}/${wave}/${chapter}/`;
          routes.set(route, [...(routes.get(route) ?? []), { file, line: front.lineOf(['chapter']) }]);
          if (catalog) page = checkReference(catalog, { survey, wave, chapter }, front, (line, message) => report(line, 'frontmatter', message));
        }
      }
    }
    if (guide) {
      const route = guideRoute(chapterPath.slice(GUIDES_FOLDER.length + 1));
      if ('error' in route) report(1, 'guide-path', route.error);
      else guides.push({ file, guide: route.guide, cover: route.page === null });
    }

    // Typed figures in title, summary and prose.
    for (const f of typedFigures(source, tree, front, chapterPath)) {
      report(f.line, 'typed-figure', `${f.where}に数値「${f.text}」が直接書かれています（…${f.context}…）。数値は <Stat> で引用してください。${guide ? '計算式と計算例の数値は src/lib/guides/kpis.ts に書き、<Formula>・<WorkedExample> で表示します。' : ''}`);
    }
    if (!tree) continue;

    // Components, and paragraphs comparing waves.
    const esm = (tree.children ?? []).filter((n) => n.type === 'mdxjsEsm').map((n) => n.value ?? '').join('\n');
    // Only a chapter that refers to its figures needs their numbers (each chart resolved once more).
    const figures = page && source.includes('<FigRef') ? figureNumbers(tree, page, chapterNumber(catalog, page, front?.data?.chapter)) : new Map<string, string>();
    for (const node of walk(tree)) {
      if (isElement(node) && node.name) {
        checkComponent(source, node, page, catalog !== null, esm, figures, report, rules);
        if (guide && node.name === 'Evidence') for (const m of evidenceMismatches(node)) report(m.line, 'evidence-question', m.message);
      } else if (node.type === 'paragraph' && (page || guide)) {
        const why = page ? waveComparison(source, node, page) : surveyWaveComparison(node);
        if (why) report(node.position!.start.line, 'wave-comparison', why);
      }
    }
  }

  // Every guide has a cover: its pages are listed there.
  for (const g of guides) {
    if (g.cover || guides.some((x) => x.guide === g.guide && x.cover)) continue;
    problems.push({ file: g.file, line: 1, severity: 'error', rule: 'guide-cover', message: `ガイド「${g.guide}」に表紙（${root}/${GUIDES_FOLDER}/${g.guide}/index.mdx）がありません。ガイドのページは表紙から一覧されます。` });
  }

  for (const [route, claims] of routes) {
    if (claims.length < 2) continue;
    const [first, ...others] = claims;
    problems.push({
      file: first.file,
      line: first.line,
      severity: 'error',
      rule: 'duplicate-route',
      message: `と ${others.map((o) => `${o.file}:${o.line}`).join('、')} が同じページ ${route} を作ります（chapter: ${route.split('/')[3]}）。1つの章は1つのファイルにしてください（コピーなら削除するか、chapter を変えてください）。`,
    });
  }
  if (catalog) warnings.push(...missingChapters(catalog, routes, root));
  const order = (a: ChapterProblem, b: ChapterProblem) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line);
  return { problems: problems.sort(order), warnings: warnings.sort(order), files: files.length };
}

// ---------------------------------------------------------------------------------------------
// Figure numbers

/** A `<Chart>`'s props as written in MDX, resolved by the build's own resolver. */
function resolveChartProps(props: Record<string, unknown>, survey: string, wave: string) {
  return resolveChart({ survey, wave, q: props.q as string, by: props.by as string | undefined, universe: props.universe as string | undefined, filters: props.filters as Filter[] | undefined, kind: props.kind as string | undefined });
}

/**
 * The numbers of a chapter's figures, in the order its `<Chart>`s appear: anchor id (the chart's
 * `id`, else the anchor it derives, `figureAnchor`) → 「図2-3」 (chapter number, then position;
 * 「付録図3」 in a chapter numbered with a word, 「図3」 in a chapter without a number). A chart that cannot be resolved keeps its place (the
 * build fails on it anyway). Read by the chapter page for `<Chart>` captions and `<FigRef>`, and
 * by `npm run validate` to check every `<FigRef to>`.
 */
function figureNumbers(tree: MdNode, page: Page, chapter: string | undefined): Map<string, string> {
  const numbers = new Map<string, string>();
  let k = 0;
  for (const node of walk(tree)) {
    if (!isElement(node) || node.name !== 'Chart') continue;
    k++;
    const props: Record<string, unknown> = {};
    for (const a of node.attributes ?? []) {
      const v = a.type === 'mdxJsxAttribute' ? evaluate(a) : { ok: false as const };
      if (v.ok) props[a.name!] = v.value;
    }
    let anchor = typeof props.id === 'string' ? props.id : undefined;
    if (anchor === undefined) {
      try {
        const survey = (props.survey as string | undefined) ?? page.survey;
        const wave = (props.wave as string | undefined) ?? page.wave;
        anchor = figureAnchor(resolveChartProps(props, survey, wave));
      } catch {
        continue;
      }
    }
    if (!numbers.has(anchor)) numbers.set(anchor, !chapter ? `図${k}` : /^\d+$/.test(chapter) ? `図${chapter}-${k}` : `${chapter}図${k}`);
  }
  return numbers;
}

/** The chapter's number in its codebook (`chapters[].number`), if it has one. */
function chapterNumber(catalog: Catalog | null, page: Page, chapter: unknown): string | undefined {
  return catalog?.get(page.survey, page.wave)?.codebook.chapters.find((c) => c.id === chapter)?.number;
}

/** The figure numbers of one chapter's MDX source (see `figureNumbers`), for the chapter page. */
export function chapterFigureNumbers(source: string, page: Page, chapter: string | undefined): Map<string, string> {
  return figureNumbers(mdxToMdast(source) as MdNode, page, chapter);
}

/** The frontmatter's fields against the collection's schema, each problem at its key's line. */
function checkFields(schema: ZodType, front: Frontmatter, report: (line: number, message: string) => void): void {
  const parsed = schema.safeParse(front.data ?? {});
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    const value = front.data?.[key];
    const want = key === 'order' ? '数値' : '文字列';
    const hint = (key === 'wave' || key === 'survey' || key === 'chapter') && typeof value === 'number' ? `（'${value}' のように引用符で囲んでください）` : '';
    const message =
      value === undefined || value === null
        ? `frontmatter に ${key} がありません（${want}で書きます）。`
        : value === ''
          ? `frontmatter の ${key} が空です。`
          : `frontmatter の ${key} が${want}ではありません：${JSON.stringify(value)}${hint}。`;
    report(value === undefined ? front.start : front.lineOf([key]), message);
  }
}

/**
 * A guide's paragraph that quotes `<Stat>` figures of two waves of one survey (a guide has no wave
 * of its own: every `<Stat>` names its survey and wave). Figures of different surveys may stand
 * side by side; a change between two waves is written with `<Change>`.
 */
function surveyWaveComparison(paragraph: MdNode): string | null {
  const waves = new Map<string, Set<string>>();
  for (const s of walk(paragraph)) {
    if (!isElement(s) || s.name !== 'Stat') continue;
    const prop = (name: string) => {
      const a = s.attributes?.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
      const v = a ? evaluate(a) : undefined;
      return v?.ok ? String(v.value) : undefined;
    };
    const survey = prop('survey');
    const wave = prop('wave');
    if (survey === undefined || wave === undefined) continue;
    waves.set(survey, new Set([...(waves.get(survey) ?? []), wave]));
  }
  for (const [survey, set] of waves) {
    if (set.size < 2) continue;
    return `この段落は調査 ${survey} の ${[...set].sort().map((w) => `${w}年`).join('と')}の <Stat> の数値を並べています。調査回の間の変化は <Change> で書いてください（検定の結果に合った言い方になります）。`;
  }
  return null;
}

/**
 * Figures inside an `<Evidence>` that quote another question than the passage's: the passage links
 * to one question's page, so every `<Stat>`, `<Chart>` and `<Change>` in it quotes that question
 * (a grid row counts as its grid), in the same survey and wave.
 */
function evidenceMismatches(evidence: MdNode): Array<{ line: number; message: string }> {
  const value = (n: MdNode, name: string) => {
    const a = n.attributes?.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
    const v = a ? evaluate(a) : undefined;
    return v?.ok ? String(v.value) : undefined;
  };
  const question = (q: string | undefined) => q?.split('__')[0];
  const want = { survey: value(evidence, 'survey'), wave: value(evidence, 'wave'), q: value(evidence, 'q') };
  const out: Array<{ line: number; message: string }> = [];
  for (const n of walk(evidence)) {
    if (n === evidence || !isElement(n) || !['Stat', 'Chart', 'Change'].includes(n.name ?? '')) continue;
    const got = { survey: value(n, 'survey'), wave: value(n, 'wave'), q: value(n, 'q') };
    if (got.survey === want.survey && got.wave === want.wave && question(got.q) === question(want.q)) continue;
    out.push({
      line: n.position!.start.line,
      message: `<${n.name} q="${got.q}"> は <Evidence survey="${want.survey}" wave="${want.wave}" q="${want.q}"> の中にありますが、別の${question(got.q) === question(want.q) ? '調査回' : '設問'}（${got.survey}/${got.wave} の ${got.q}）を引用しています。<Evidence> の中では、その設問の数値と図だけを引用してください（設問のページへのリンクが1つだけのため）。別の設問は別の <Evidence> に分けます。`,
    });
  }
  return out;
}

/**
 * Paragraphs of a guide that compare two waves of one survey without `<Change>`, by line.
 */
export function guideWaveComparisons(source: string): Array<{ line: number; why: string }> {
  const out: Array<{ line: number; why: string }> = [];
  for (const node of walk(mdxToMdast(source) as MdNode)) {
    if (node.type !== 'paragraph') continue;
    const why = surveyWaveComparison(node);
    if (why) out.push({ line: node.position!.start.line, why });
  }
  return out;
}

/** Frontmatter survey/wave/chapter against the data; the page's wave when they resolve. */
function checkReference(catalog: Catalog, ref: { survey: string; wave: string; chapter: string }, front: Frontmatter, report: (line: number, message: string) => void): Page | null {
  const surveys = [...new Set(catalog.waves.map((w) => w.survey))];
  if (!surveys.includes(ref.survey)) {
    report(front.lineOf(['survey']), `frontmatter の survey「${ref.survey}」はデータにありません${choicesText('調査', ref.survey, surveys.map((id) => ({ id })), 'データ')}`);
    return null;
  }
  const wave = catalog.get(ref.survey, ref.wave);
  if (!wave) {
    const waves = catalog.waves.filter((w) => w.survey === ref.survey).map((w) => ({ id: w.wave }));
    report(front.lineOf(['wave']), `frontmatter の wave「${ref.wave}」は調査 ${ref.survey} にありません${choicesText('調査回', ref.wave, waves, `調査 ${ref.survey}`)}`);
    return null;
  }
  const chapters = wave.codebook.chapters.map((c) => ({ id: c.id, label: c.title }));
  if (!chapters.some((c) => c.id === ref.chapter)) {
    const where = `${wave.dir}/codebook.yaml の chapters`;
    report(front.lineOf(['chapter']), `frontmatter の chapter「${ref.chapter}」は ${where} にありません${choicesText('章', ref.chapter, chapters, where)}`);
  }
  return { survey: ref.survey, wave: ref.wave };
}

/** Chapters a codebook lists that no MDX file writes. */
function missingChapters(catalog: Catalog, routes: Map<string, unknown>, root: string): ChapterProblem[] {
  const out: ChapterProblem[] = [];
  for (const w of catalog.waves) {
    const missing = w.codebook.chapters.map((c, i) => ({ c, i })).filter(({ c }) => !routes.has(`/${w.survey}/${w.wave}/${c.id}/`));
    if (missing.length === 0) continue;
    const file = `${w.dir}/codebook.yaml`;
    const text = readFileSync(file, 'utf8');
    for (const { c, i } of missing) {
      const number = c.number ? (/^\d+$/.test(c.number) ? `第${c.number}章` : c.number) : '';
      out.push({
        file,
        line: yamlLine(text, ['chapters', i, 'id']) ?? 1,
        severity: 'warning',
        rule: 'missing-chapter',
        message: `章 ${c.id}（${number}「${c.title}」）の MDX がありません（${root}/ に survey: ${w.survey}、wave: '${w.wave}'、chapter: ${c.id} の .mdx がありません）。報告書の表紙には未掲載の章として表示されます。`,
      });
    }
  }
  return out;
}
