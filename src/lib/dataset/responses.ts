/**
 * responses.csv (decoded text) + codebook → the columnar `Dataset`, with every problem of shape
 * (columns, ids, weights, codes) and of meaning (routing, multi-answer consistency) reported.
 */
import type { Codebook, Question, Option } from './codebook.ts';
import type { Bitset, Dataset, Problem, Variable } from './types.ts';
import type { ProblemList } from './problem.ts';
import { readCsvCounted } from './csv.ts';
import { CodedSink, IdSink, MultiSink, NumericSink, TextSink, WeightSink, type Normalised } from './columns.ts';
import type { Sink } from './columns.ts';
import { createBitset, setBit, GrowingBitset } from './bitset.ts';
import { displayOrder } from './options.ts';
import { computeDerivedAndUniverses, universeInputs } from './derive.ts';
import { checkRouting } from './routing.ts';
import { closestField, didYouMean } from './schema-errors.ts';

/** A question's columns and how to turn their sinks into a variable at the end. */
interface Plan {
  /** Every expected CSV column: its own sink, or an option of a multi-answer question's sink. */
  columns: Map<string, Sink | { multi: MultiSink; option: number }>;
  /** One sink per multi-answer question (bound once, after the header). */
  multis: MultiSink[];
  finish: ((n: number) => Variable)[];
  /** Per variable id: records with an invalid cell (already reported). */
  invalid: Map<string, GrowingBitset>;
}

function planColumns(codebook: Codebook, capacity: number, file: string, problems: ProblemList, normalised: Normalised): Plan {
  const columns: Plan['columns'] = new Map();
  const multis: MultiSink[] = [];
  const finish: ((n: number) => Variable)[] = [];
  const invalid = new Map<string, GrowingBitset>();
  const invalidOf = (id: string) => invalid.get(id) ?? invalid.set(id, new GrowingBitset()).get(id)!;
  const ctx = (column: string, variable = column) => ({ file, column, problems, invalid: invalidOf(variable), normalised });
  const coded = (id: string, label: string, options: Option[]) => {
    const ordered = displayOrder(options);
    const sink = new CodedSink(ordered, capacity, ctx(id));
    columns.set(id, sink);
    finish.push((n) => {
      const index = sink.index.slice(0, n);
      const answered = createBitset(n);
      for (let i = 0; i < n; i++) if (index[i] >= 0) answered[i >>> 5] |= 1 << (i & 31);
      return { kind: 'coded', id, label, options: ordered, index, answered };
    });
  };
  for (const q of codebook.questions) planQuestion(q);
  return { columns, multis, finish, invalid };

  function reportPartialRows(id: string, width: number, nonBlank: Uint16Array, n: number): void {
    for (let i = 0; i < n; i++) {
      if (nonBlank[i] === 0 || nonBlank[i] === width) continue;
      invalidOf(id).add(i);
      problems.add({ file, row: i + 2, column: `${id}__*`, value: `${nonBlank[i]} of ${width} filled`, rule: 'multi-partial', message: 'has some option columns blank and others filled', expected: `all ${width} option columns 0/1 inside the universe, all blank outside` });
    }
  }

  function planQuestion(q: Question): void {
    switch (q.type) {
      case 'single':
      case 'ordinal':
      case 'banded':
        return coded(q.id, q.label, q.options);
      case 'grid':
        for (const row of q.rows) coded(`${q.id}__${row.id}`, `${q.label}：${row.label}`, q.options);
        return;
      case 'multi': {
        const ordered = displayOrder(q.options);
        const names = ordered.map((o) => `${q.id}__${o.code}`);
        const sink = new MultiSink(names, capacity, ctx(q.id));
        names.forEach((name, k) => columns.set(name, { multi: sink, option: k }));
        multis.push(sink);
        finish.push((n) => {
          reportPartialRows(q.id, ordered.length, sink.nonBlank, n);
          const nonBlank = sink.nonBlank;
          return {
            kind: 'multi',
            id: q.id,
            label: q.label,
            options: ordered,
            chosen: sink.chosen.map((bits) => bits.slice(0, (n + 31) >>> 5)),
            answered: answeredWhere(n, (i) => nonBlank[i] > 0),
          };
        });
        return;
      }
      case 'numeric': {
        const sink = new NumericSink({ min: q.min, max: q.max, integer: q.integer }, capacity, ctx(q.id));
        columns.set(q.id, sink);
        finish.push((n) => {
          const values = sink.values.slice(0, n);
          return { kind: 'numeric', id: q.id, label: q.label, values, answered: answeredWhere(n, (i) => !Number.isNaN(values[i])) };
        });
        return;
      }
      case 'text': {
        const sink = new TextSink();
        columns.set(q.id, sink);
        finish.push((n) => {
          const values = Array.from({ length: n }, (_, i) => sink.values[i] ?? null);
          return { kind: 'text', id: q.id, label: q.label, values, answered: answeredWhere(n, (i) => values[i] !== null) };
        });
      }
    }
  }
}

/** Line breaks in the text (`\n`, or `\r` in a file without any `\n`): no more records than that follow the header. */
export function lineBreaks(text: string): number {
  const nl = text.includes('\n') ? '\n' : '\r';
  let count = 0;
  for (let at = text.indexOf(nl); at !== -1; at = text.indexOf(nl, at + 1)) count++;
  return count;
}

function answeredWhere(n: number, test: (i: number) => boolean): Bitset {
  const bits = createBitset(n);
  for (let i = 0; i < n; i++) if (test(i)) setBit(bits, i);
  return bits;
}

/**
 * Reads responses.csv. Returns the dataset even when problems were found (the caller decides),
 * or null when the file cannot be read at all (no header, no id column).
 */
export function readResponses(codebook: Codebook, text: string, file: string, problems: ProblemList, warnings: Problem[] = []): Dataset | null {
  const { survey } = codebook;
  // survey.n is only a claim: allocate for it when the file has room for that many records (one
  // per line break at most), else for what the file can hold; grow if needed. Memory is bounded by
  // the file, never by the codebook (400 numeric questions claiming n = 2^20 over a header-only
  // file must not allocate 3 GB).
  let capacity = Math.max(16, Math.min(survey.n, lineBreaks(text)));
  const normalised: Normalised = { count: 0, examples: [] };
  const plan = planColumns(codebook, capacity, file, problems, normalised);
  const ids = new IdSink({ file, column: survey.idColumn, problems });
  const weights = survey.weightColumn ? new WeightSink(capacity, { file, column: survey.weightColumn, problems }) : null;
  const bound: { col: number; sink: Sink }[] = [];
  const everySink: Sink[] = [ids, ...(weights ? [weights] : []), ...plan.multis, ...[...plan.columns.values()].filter((c): c is Sink => !('multi' in c))];
  let usable = true;
  let missingColumns = false;
  /** Column index of an empty unnamed last header cell (Excel's trailing comma), else -1. */
  let unnamedLast = -1;
  /** Records that could not be read (ragged, blank): no further checks on them. */
  const unreadable = new GrowingBitset();
  /** Header columns by name (first occurrence), 0-based: problems name their Excel letters. */
  const seen = new Map<string, number>();

  const read = readCsvCounted(
    text,
    file,
    {
      header(names) {
        usable = bindHeader(names);
        return usable;
      },
      records(rows, firstRow) {
        const first = firstRow - 2;
        // Excel's empty unnamed last column is ignored, unless a row has something in it.
        if (unnamedLast >= 0)
          rows.forEach((row, j) => {
            if (row !== null && row[unnamedLast] !== '') problems.add({ file, row: firstRow + j, column: `(column ${unnamedLast + 1})`, columnIndex: unnamedLast, value: row[unnamedLast], rule: 'unnamed-column', message: 'is a value in the last column, which has no header', expected: 'a header for the column, or nothing in it' });
          });
        // Blank rows (null) need no room: a trailing newline must not double every column.
        let needed = first + rows.length;
        while (needed > first && rows[needed - first - 1] === null) needed--;
        if (needed > capacity) {
          capacity = Math.max(capacity * 2, needed);
          for (const sink of everySink) sink.grow(capacity);
        }
        rows.forEach((row, j) => row === null && unreadable.add(first + j));
        for (const { col, sink } of bound) sink.fill(rows, col, first, firstRow);
      },
    },
    problems,
  );
  if (!usable || !read.header) return null;
  const n = read.records;
  if (normalised.count > 0)
    warnings.push({ file, rule: 'normalised-codes', value: `${normalised.count} cells`, message: `were read as codes after normalising them as Excel writes them (full-width digits, "5.0", spaces), e.g. ${normalised.examples.join('、')}`, expected: 'plain half-width codes (nothing to fix: the values are used as read)' });

  if (n - read.blankRows !== survey.n)
    problems.add({ file, rule: 'respondent-count', value: `${n - read.blankRows} respondents`, message: 'does not match survey.n in codebook.yaml', expected: `${survey.n} rows after the header (or correct survey.n)` });

  const variables = new Map<string, Variable>();
  for (const make of plan.finish) {
    const v = make(n);
    variables.set(v.id, v);
  }
  const { derived, universes } = computeDerivedAndUniverses(codebook, n, variables);
  for (const v of derived) variables.set(v.id, v);
  const dataset: Dataset = {
    codebook,
    n,
    ids: ids.ids.slice(0, n),
    weights: weights ? weights.values.slice(0, n) : null,
    variables,
    universes,
    questions: new Map(codebook.questions.map((q) => [q.id, q])),
    derived: new Map(codebook.derived.map((d) => [d.id, d])),
  };
  // With columns missing, universes and answers are unknown: routing is checked once the header is right.
  if (!missingColumns) {
    const invalidAt = (id: string, i: number) => plan.invalid.get(id)?.has(i) === true;
    const inputs = new Map<string, string[]>();
    const inputsOf = (universe: string) => inputs.get(universe) ?? inputs.set(universe, universeInputs(codebook, universe)).get(universe)!;
    checkRouting(dataset, file, problems, (id, universe, i) => unreadable.has(i) || invalidAt(id, i) || inputsOf(universe).some((input) => invalidAt(input, i)), (name) => seen.get(name));
  }
  return dataset;

  function bindHeader(names: string[]): boolean {
    const unknown: { raw: string; col: number }[] = [];
    if (names.length > 1 && names[names.length - 1].trim() === '') unnamedLast = names.length - 1;
    names.forEach((raw, col) => {
      if (col === unnamedLast) return;
      const name = raw.trim();
      if (seen.has(name)) {
        problems.add({ file, row: 1, column: name || `(column ${col + 1})`, columnIndex: col, value: raw, rule: 'duplicate-column', message: `repeats the header of column ${seen.get(name)! + 1}`, expected: 'each column once' });
        return;
      }
      seen.set(name, col);
      if (name === survey.idColumn) bound.push({ col, sink: ids });
      else if (weights && name === survey.weightColumn) bound.push({ col, sink: weights });
      else if (plan.columns.has(name)) {
        const target = plan.columns.get(name)!;
        if ('multi' in target) target.multi.cols[target.option] = col;
        else bound.push({ col, sink: target });
      } else unknown.push({ raw, col });
    });
    const missing = new Set([survey.idColumn, ...(survey.weightColumn ? [survey.weightColumn] : []), ...plan.columns.keys()].filter((c) => !seen.has(c)));
    for (const multi of plan.multis) if (multi.cols.some((c) => c >= 0)) bound.push({ col: -1, sink: multi });
    missingColumns = missing.size > 0;
    for (const { raw, col } of unknown) {
      // A misspelt header is one problem, not "unknown" plus "missing".
      const guess = closestField(raw.trim(), missing);
      if (guess) missing.delete(guess);
      problems.add({
        file,
        row: 1,
        column: raw.trim() || `(column ${col + 1})`,
        columnIndex: col,
        value: raw,
        rule: 'unknown-column',
        message: `is not a column the codebook knows${didYouMean(guess)}`,
        expected: `the id column "${survey.idColumn}", a question id, <multi question>__<option code> or <grid question>__<row id>`,
      });
    }
    for (const column of missing)
      problems.add({ file, row: 1, column, rule: 'missing-column', message: 'is missing from the header', expected: column === survey.idColumn ? 'the id column (survey.idColumn)' : 'one column per question, multi-answer option and grid row in the codebook' });
    return seen.has(survey.idColumn);
  }
}
