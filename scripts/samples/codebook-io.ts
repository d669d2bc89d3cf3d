/**
 * What the generator needs from a codebook: read and validate it, evaluate its universes and
 * derived variables on a sample, check routing (answered iff in universe), and write the
 * canonical responses.csv (one column per coded question, `<q>__<code>` per multi option,
 * `<q>__<row>` per grid row; blank = not asked).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Codebook, type Filter, type Question } from '../../src/lib/dataset/codebook.ts';
import { cell, type Cell, type Sample } from './sample.ts';

export function readCodebook(path: string): Codebook {
  const parsed = Codebook.safeParse(parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`${path} is not a valid codebook:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** CSV columns of one question, in codebook order. */
export function questionColumns(q: Question): string[] {
  if (q.type === 'multi') return q.options.map((o) => `${q.id}__${o.code}`);
  if (q.type === 'grid') return q.rows.map((r) => `${q.id}__${r.id}`);
  return [q.id];
}

export function csvColumns(codebook: Codebook): string[] {
  return [codebook.survey.idColumn, ...codebook.questions.flatMap(questionColumns)];
}

/** Evaluates filters on a sample; derived variables and universes are computed once, lazily. */
export function makeEvaluator(codebook: Codebook, sample: Sample) {
  const questions = new Map(codebook.questions.map((q) => [q.id, q]));
  const derived = new Map(codebook.derived.map((d) => [d.id, d]));
  const universes = new Map(codebook.universes.map((u) => [u.id, u]));
  const derivedCache = new Map<string, (number | null)[]>();
  const universeCache = new Map<string, boolean[]>();

  const codeOf = (id: string, i: number): number | null => {
    if (derived.has(id)) return derivedValues(id)[i];
    const v = cell(sample, id, i);
    return typeof v === 'number' ? v : null;
  };
  const multiCodes = (id: string): number[] => {
    const q = questions.get(id);
    if (!q || q.type !== 'multi') throw new Error(`filter: ${id} is not a multi-answer question`);
    return q.options.map((o) => o.code);
  };
  const answered = (id: string, i: number): boolean => {
    const q = questions.get(id);
    if (q?.type === 'multi') return q.options.some((o) => cell(sample, `${id}__${o.code}`, i) !== null);
    if (q?.type === 'grid') return q.rows.some((r) => cell(sample, `${id}__${r.id}`, i) !== null);
    if (derived.has(id)) return derivedValues(id)[i] !== null;
    if (!q && !id.includes('__')) throw new Error(`filter: unknown question ${id}`);
    return cell(sample, id, i) !== null;
  };
  const test = (f: Filter, i: number): boolean => {
    if ('all' in f) return f.all.every((g) => test(g, i));
    if ('any' in f) return f.any.some((g) => test(g, i));
    if ('not' in f) return !test(f.not, i);
    if ('universe' in f) return inUniverse(f.universe)[i];
    if ('in' in f) {
      const v = codeOf(f.q, i);
      return v !== null && f.in.includes(v);
    }
    if ('includesAny' in f) return multiCodes(f.q).some((c) => f.includesAny.includes(c) && cell(sample, `${f.q}__${c}`, i) === 1);
    if ('includesAll' in f) return f.includesAll.every((c) => cell(sample, `${f.q}__${c}`, i) === 1);
    if ('range' in f) {
      const v = cell(sample, f.q, i);
      return typeof v === 'number' && (f.range.min === undefined || v >= f.range.min) && (f.range.max === undefined || v <= f.range.max);
    }
    return answered(f.q, i) === f.answered;
  };
  function derivedValues(id: string): (number | null)[] {
    let values = derivedCache.get(id);
    if (!values) {
      const d = derived.get(id)!;
      values = Array.from({ length: sample.n }, (_, i) => d.rules.find((r) => test(r.when, i))?.code ?? d.otherwise ?? null);
      derivedCache.set(id, values);
    }
    return values;
  }
  function inUniverse(id: string): boolean[] {
    if (id === 'all') return new Array(sample.n).fill(true);
    let members = universeCache.get(id);
    if (!members) {
      const u = universes.get(id);
      if (!u) throw new Error(`unknown universe ${id}`);
      members = Array.from({ length: sample.n }, (_, i) => test(u.filter, i));
      universeCache.set(id, members);
    }
    return members;
  }
  /** Indices of a universe's members. */
  const members = (id: string): number[] => inUniverse(id).flatMap((inside, i) => (inside ? [i] : []));
  return { test, inUniverse, members, derivedValues };
}

/**
 * Every routing and coding rule of the codebook checked on the sample; returns all problems.
 * A question is answered iff the respondent is in its universe (grid rows: the row's universe).
 */
export function checkSample(codebook: Codebook, sample: Sample): string[] {
  const problems: string[] = [];
  const ev = makeEvaluator(codebook, sample);
  const known = new Set(codebook.questions.flatMap(questionColumns));
  for (const name of sample.columns.keys()) if (!known.has(name)) problems.push(`column ${name} is not in the codebook`);
  for (const q of codebook.questions) {
    const inside = ev.inUniverse(q.universe);
    const cols = questionColumns(q);
    for (let i = 0; i < sample.n; i++) {
      const values = cols.map((c) => cell(sample, c, i));
      if (q.type === 'grid') {
        q.rows.forEach((row, k) => {
          const rowInside = inside[i] && (row.universe ? ev.inUniverse(row.universe)[i] : true);
          const v = values[k];
          if (rowInside !== (v !== null) && !(q.optional && rowInside)) problems.push(`${cols[k]} row ${i}: answered=${v !== null}, in universe=${rowInside}`);
          if (v !== null && !q.options.some((o) => o.code === v)) problems.push(`${cols[k]} row ${i}: unknown code ${v}`);
        });
        continue;
      }
      const isAnswered = values.some((v) => v !== null);
      if (isAnswered !== inside[i] && !(q.optional && inside[i])) problems.push(`${q.id} row ${i}: answered=${isAnswered}, in universe=${inside[i]}`);
      if (!isAnswered) continue;
      if (q.type === 'multi') {
        if (values.some((v) => v !== 0 && v !== 1)) problems.push(`${q.id} row ${i}: multi columns must all be 0/1`);
        const chosen = q.options.filter((_, k) => values[k] === 1);
        if (chosen.length === 0) problems.push(`${q.id} row ${i}: no option chosen`);
        if (chosen.some((o) => o.exclusive) && chosen.length > 1) problems.push(`${q.id} row ${i}: exclusive option combined with others`);
        if (q.maxChoices && chosen.length > q.maxChoices) problems.push(`${q.id} row ${i}: more than ${q.maxChoices} choices`);
      } else if (q.type === 'numeric') {
        const v = values[0];
        if (typeof v !== 'number' || (q.integer && !Number.isInteger(v)) || (q.min !== undefined && v < q.min) || (q.max !== undefined && v > q.max)) problems.push(`${q.id} row ${i}: bad number ${v}`);
      } else if (q.type === 'text') {
        if (typeof values[0] !== 'string') problems.push(`${q.id} row ${i}: expected text`);
      } else if (!q.options.some((o) => o.code === values[0])) {
        problems.push(`${q.id} row ${i}: unknown code ${values[0]}`);
      }
    }
  }
  return problems;
}

function csvField(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The canonical responses.csv text: header, one row per respondent, UTF-8, LF line ends. */
export function toCsv(codebook: Codebook, sample: Sample, ids: string[]): string {
  const cols = csvColumns(codebook);
  const lines = [cols.join(',')];
  for (let i = 0; i < sample.n; i++) {
    lines.push([ids[i], ...cols.slice(1).map((c) => cell(sample, c, i))].map((v) => csvField(v)).join(','));
  }
  return `${lines.join('\n')}\n`;
}
