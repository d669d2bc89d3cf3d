/**
 * codebook.yaml text → a validated `Codebook`, or every problem with its YAML line: syntax
 * errors, schema errors (via `schema-errors.ts`) and cross-references (`validate-codebook.ts`).
 */
import { parseDocument, LineCounter, isAlias, isMap, isPair, isScalar, isSeq, isCollection } from 'yaml';
import { load as loadYaml, CORE_SCHEMA } from 'js-yaml';
import type { Document, Node } from 'yaml';
import { Codebook } from './codebook.ts';
import type { Problem, Result } from './types.ts';
import { issueProblems, formatPath, fieldNames, entryName } from './schema-errors.ts';
import type { Path, PathProblem } from './schema-errors.ts';
import { openChecklist, validateCodebook } from './validate-codebook.ts';
import { resolvePublication } from './publication.ts';
import { resolveDerivedUniverses } from './derived-universe.ts';
import { CODEBOOK_EXPANDED_MAX_CHARS, CODEBOOK_MAX_ALIASES, CODEBOOK_MAX_CHARS, CODEBOOK_MAX_DEPTH } from './limits.ts';

let knownFields: Set<string> | undefined;

const fmt = (n: number) => n.toLocaleString('en');

export function readCodebook(text: string, file: string): Result<Codebook> {
  if (text.length > CODEBOOK_MAX_CHARS)
    return { ok: false, problems: [{ file, rule: 'codebook-size', value: `${fmt(text.length)} characters`, message: 'is too large', expected: `a codebook of at most ${fmt(CODEBOOK_MAX_CHARS)} characters` }], warnings: [] };
  const valid = readValidCodebook(text);
  return valid ? { ok: true, value: valid, warnings: [] } : readLocated(text, file);
}

/**
 * The fast path, for a codebook that is valid (the usual case): js-yaml reads the text about ten
 * times faster than `yaml` builds its positioned tree (20,000 questions: 0.4 s against 3–4 s), but
 * it knows no lines. So it answers only when it can give the same answer as `readLocated`, and
 * otherwise returns undefined so that `readLocated` reads the text again and names each problem's
 * line. It answers when the text is within every limit `measure` applies, judged on the safe side
 * (the alias count by `aliasCandidates`, which counts at least every alias; the size and depth on the
 * fully expanded document, which are at least what `measure` finds) and nothing is wrong with it.
 * Both read YAML 1.2 with the core schema; tests/unit/dataset/codebook-fast.test.ts checks that every
 * codebook in the repository and every fixture gives the same answer either way.
 */
export function readValidCodebook(text: string): Codebook | undefined {
  if (aliasCandidates(text) > CODEBOOK_MAX_ALIASES) return undefined;
  let data: unknown;
  try {
    data = loadYaml(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  if (!withinLimits(data)) return undefined;
  const parsed = Codebook.safeParse(joinFoldedLines(data) ?? {});
  if (!parsed.success || validateCodebook(parsed.data).length > 0) return undefined;
  return resolveDerivedUniverses(resolvePublication(parsed.data));
}

/**
 * At least the number of aliases (`*name`) in the text: an alias starts a node, so it follows the
 * start of a line, a space or a flow indicator. A `*` there inside a quoted string counts too.
 */
export function aliasCandidates(text: string): number {
  return text.match(/(?:^|[\s[\]{},:?-])\*[^\s,[\]{}]/gm)?.length ?? 0;
}

/**
 * Size and depth of the document with every alias written out: 1 per collection, 1 + length per
 * scalar and key. Never less than `measure`'s totals (which count an alias's collections but not
 * the document's own, and do not descend into aliases for depth). Stops at the first limit passed,
 * so a billion-laughs document costs at most CODEBOOK_EXPANDED_MAX_CHARS steps.
 */
function withinLimits(data: unknown): boolean {
  let total = 0;
  const add = (size: number) => (total += size) <= CODEBOOK_EXPANDED_MAX_CHARS;
  const walk = (value: unknown, depth: number): boolean => {
    if (depth > CODEBOOK_MAX_DEPTH) return false;
    if (value === null || typeof value !== 'object') return add(1 + String(value ?? '').length);
    if (!add(1)) return false;
    if (Array.isArray(value)) return value.every((item) => walk(item, depth + 1));
    return Object.entries(value).every(([key, item]) => add(1 + key.length) && walk(item, depth + 1));
  };
  return data === undefined || walk(data, 0);
}

/** The open checklist items of a codebook read from `text`, located by line: they stop publication, not the reading of the data. */
export function checklistProblems(codebook: Codebook, text: string, file: string): Problem[] {
  return openChecklist(codebook).map(({ path, suggestion: _suggestion, ...rest }) => {
    const line = yamlLine(text, path);
    return { file, ...(line !== undefined ? { line } : {}), column: formatPath(path), ...rest };
  });
}

/** Japanese characters and punctuation (kana, kanji, CJK symbols, full-width forms). */
const JAPANESE = '[\\u3000-\\u30ff\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]';
const FOLD = new RegExp(`(?<=${JAPANESE}) (?=${JAPANESE})`, 'g');

/**
 * YAML folds a long text written over several lines (`>-`, or a plain scalar) by joining the
 * lines with a space: right for English, a stray gap in Japanese (「告知した 調査」). A single
 * space between two Japanese characters is dropped in every string of the codebook; spaces next
 * to Latin letters or digits stay (「SaaS 企業」).
 */
export function joinFoldedLines(data: unknown): unknown {
  if (typeof data === 'string') return data.includes(' ') ? data.replace(FOLD, '') : data;
  if (Array.isArray(data)) return data.map(joinFoldedLines);
  if (data !== null && typeof data === 'object') return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, joinFoldedLines(v)]));
  return data;
}

/** The located path: `yaml`'s tree with positions, so every problem names its line. */
export function readLocated(text: string, file: string): Result<Codebook> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const lines = new Set<number>();
    const firstPerLine = doc.errors.filter((e) => {
      const line = lineCounter.linePos(e.pos[0]).line;
      return !lines.has(line) && Boolean(lines.add(line));
    });
    const problems: Problem[] = firstPerLine.map((e) => ({
      file,
      line: lineCounter.linePos(e.pos[0]).line,
      rule: 'yaml-syntax',
      message: /Maximum call stack/.test(e.message) ? `is nested too deeply to read (more than ${CODEBOOK_MAX_DEPTH} levels of lists and mappings are refused anyway)` : `is not valid YAML: ${e.message.split('\n')[0]}`,
      expected: 'YAML as in the codebook reference (indent with spaces, quote text containing ": " or "#")',
    }));
    return { ok: false, problems, warnings: [] };
  }
  // Before anything is built from it: how big the document is once aliases are expanded, how deep.
  const shape = measure(doc);
  if (shape.problem) {
    const { path, offset, ...rest } = shape.problem;
    return { ok: false, problems: [{ file, line: lineCounter.linePos(offset).line, column: formatPath(path) || '(top level)', ...rest }], warnings: [] };
  }
  let data: unknown;
  try {
    // `measure` has bounded the aliases and the expanded size already; yaml's own alias rule
    // (a product of uses along alias chains) would refuse documents within those limits.
    data = doc.toJS({ maxAliasCount: -1 });
  } catch (error) {
    return { ok: false, problems: [{ file, rule: 'yaml-syntax', message: `cannot be read: ${(error as Error).message}`, expected: 'plain YAML without alias (*name) chains' }], warnings: [] };
  }
  const toProblem = (p: PathProblem): Problem => {
    const { path, suggestion: _suggestion, ...rest } = p;
    const line = lineOf(doc, lineCounter, path);
    const entry = entryName(data, path);
    return { file, ...(line !== undefined ? { line } : {}), column: formatPath(path) || '(top level)', ...(entry !== undefined ? { entry } : {}), ...rest };
  };
  const parsed = Codebook.safeParse(joinFoldedLines(data) ?? {}, { reportInput: true });
  if (!parsed.success) {
    knownFields ??= fieldNames(Codebook);
    const known = knownFields;
    return { ok: false, problems: withoutMisspeltMissing(parsed.error.issues.flatMap((issue) => issueProblems(issue, known))).map(toProblem), warnings: [] };
  }
  const crossProblems = validateCodebook(parsed.data);
  if (crossProblems.length > 0) return { ok: false, problems: crossProblems.map(toProblem), warnings: [] };
  return { ok: true, value: resolveDerivedUniverses(resolvePublication(parsed.data)), warnings: [] };
}

/**
 * Walks the YAML tree once (an alias counts its anchor's size, memoised, never re-walked): the
 * first place where the expanded document passes CODEBOOK_EXPANDED_MAX_CHARS, where nesting
 * passes CODEBOOK_MAX_DEPTH, or the alias that passes CODEBOOK_MAX_ALIASES. An alias bomb (a long string referenced hundreds of times) is
 * stopped here, before `toJS` or anything later sees it.
 */
function measure(doc: Document): { problem?: Omit<Problem, 'file' | 'line' | 'column'> & { path: Path; offset: number } } {
  const sizes = new Map<unknown, number>();
  const sizeOf = (node: unknown): number => {
    if (isAlias(node)) return sizeOf(node.resolve(doc));
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let size = 1;
    if (isScalar(node)) size += String(node.value ?? '').length;
    else if (isMap(node)) for (const pair of node.items) size += sizeOf(pair.key) + sizeOf(pair.value);
    else if (isSeq(node)) for (const item of node.items) size += sizeOf(item);
    sizes.set(node, size);
    return size;
  };
  let total = 0;
  let aliases = 0;
  let problem: ReturnType<typeof measure>['problem'];
  const walk = (node: unknown, path: Path, depth: number): void => {
    if (problem || node === null || node === undefined) return;
    const offset = rangeStart(node) ?? 0;
    if (depth > CODEBOOK_MAX_DEPTH) {
      problem = { path: path.slice(0, 4), offset, rule: 'codebook-size', value: `${depth} levels`, message: 'is nested too deeply', expected: `at most ${CODEBOOK_MAX_DEPTH} levels of lists and mappings` };
      return;
    }
    if (isAlias(node)) {
      if (++aliases > CODEBOOK_MAX_ALIASES) {
        problem = { path, offset, rule: 'codebook-size', value: `*${node.source}`, message: `is alias number ${fmt(aliases)}`, expected: `at most ${fmt(CODEBOOK_MAX_ALIASES)} aliases (*name) in a codebook` };
        return;
      }
      total += sizeOf(node);
      if (total > CODEBOOK_EXPANDED_MAX_CHARS)
        problem = { path, offset, rule: 'codebook-size', value: `*${node.source}`, message: `makes the codebook too large once aliases are expanded (${fmt(total)} characters so far)`, expected: `at most ${fmt(CODEBOOK_EXPANDED_MAX_CHARS)} characters with every alias (*name) written out` };
      return;
    }
    if (isScalar(node)) total += 1 + String(node.value ?? '').length;
    else if (isMap(node))
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        walk(pair.key, path, depth + 1);
        walk(pair.value, [...path, key], depth + 1);
      }
    else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i], depth + 1));
  };
  walk(doc.contents, [], 0);
  return problem ? { problem } : {};
}

/** `lable:` both misses `label` and is unknown: keep only the "did you mean" problem. */
function withoutMisspeltMissing(problems: PathProblem[]): PathProblem[] {
  const meant = new Set(problems.filter((p) => p.suggestion).map((p) => formatPath([...p.path.slice(0, -1), p.suggestion!])));
  return problems.filter((p) => !(p.rule === 'codebook-missing' && meant.has(formatPath(p.path))));
}

/** The line of `path` in YAML text (undefined when the text does not parse). */
export function yamlLine(text: string, path: Path): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return doc.errors.length > 0 ? undefined : lineOf(doc, lineCounter, path);
}

/** The line of the deepest node along `path` (a key that is missing points at its parent). */
function lineOf(doc: Document, lines: LineCounter, path: Path): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = rangeStart(node);
  for (const key of path) {
    if (!isCollection(node)) break;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
      if (isCollection(node) || isScalar(node)) {
        // A scalar value's own line is where the editor looks; a collection keeps its key's line.
        if (isScalar(node)) offset = rangeStart(node) ?? offset;
      }
    } else {
      const item = node.items[Number(key)];
      if (item === undefined) break;
      node = item;
      offset = rangeStart(item) ?? offset;
    }
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null)?.range;
  return range ? range[0] : undefined;
}
