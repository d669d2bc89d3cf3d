/**
 * codebook.yaml text → a validated `Codebook`, or every problem with its YAML line: syntax
 * errors, schema errors (via `schema-errors.ts`) and cross-references (`validate-codebook.ts`).
 */
import { parseDocument, LineCounter, isMap, isPair, isScalar, isCollection } from 'yaml';
import type { Document, Node } from 'yaml';
import { Codebook } from './codebook.ts';
import type { Problem, Result } from './types.ts';
import { issueProblems, formatPath, fieldNames } from './schema-errors.ts';
import type { Path, PathProblem } from './schema-errors.ts';
import { validateCodebook } from './validate-codebook.ts';
import { resolvePublication } from './publication.ts';

let knownFields: Set<string> | undefined;

export function readCodebook(text: string, file: string): Result<Codebook> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const firstPerLine = doc.errors.filter((e, k) => doc.errors.findIndex((f) => lineCounter.linePos(f.pos[0]).line === lineCounter.linePos(e.pos[0]).line) === k);
    const problems: Problem[] = firstPerLine.map((e) => ({
      file,
      line: lineCounter.linePos(e.pos[0]).line,
      rule: 'yaml-syntax',
      message: `is not valid YAML: ${e.message.split('\n')[0]}`,
      expected: 'YAML as in the codebook reference (indent with spaces, quote text containing ": " or "#")',
    }));
    return { ok: false, problems, warnings: [] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    return { ok: false, problems: [{ file, rule: 'yaml-syntax', message: `cannot be read: ${(error as Error).message}`, expected: 'plain YAML without alias (*name) chains' }], warnings: [] };
  }
  const toProblem = (p: PathProblem): Problem => {
    const { path, suggestion: _suggestion, ...rest } = p;
    const line = lineOf(doc, lineCounter, path);
    return { file, ...(line !== undefined ? { line } : {}), column: formatPath(path) || '(top level)', ...rest };
  };
  const parsed = Codebook.safeParse(data ?? {}, { reportInput: true });
  if (!parsed.success) {
    knownFields ??= fieldNames(Codebook);
    const known = knownFields;
    return { ok: false, problems: withoutMisspeltMissing(parsed.error.issues.flatMap((issue) => issueProblems(issue, known))).map(toProblem), warnings: [] };
  }
  const crossProblems = validateCodebook(parsed.data);
  if (crossProblems.length > 0) return { ok: false, problems: crossProblems.map(toProblem), warnings: [] };
  return { ok: true, value: resolvePublication(parsed.data), warnings: [] };
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
