/**
 * Builds a wave's protected cube from its microdata (docs/statistics.md, "Protected cube"):
 *  1. counts every cell of every question × banner × restriction with the engine's own `layout`,
 *     carrying the cell key (the sum of the cell's record keys, exact in integers) next to the count;
 *  2. withholds columns whose true base is under the suppression threshold, and — differencing
 *     guard — one of every two populations that differ by exactly one respondent;
 *  3. perturbs every remaining count (bases included) with the p-table, by its cell key, and
 *     withholds columns whose perturbed base falls under the threshold.
 * The same cell (same respondents, same count) always gets the same noise, whichever question,
 * banner or restriction reaches it. Record keys are made outside (src/server/cellkey.ts) from a
 * secret that never leaves the build.
 */
import type { Bitset, Dataset } from '../dataset/types.ts';
import type { Codebook, Perturbation } from '../dataset/codebook.ts';
import { and, andNot, createBitset, fullBitset, orInto } from '../dataset/bitset.ts';
import { evaluateFilter, optionPositions } from '../dataset/filter.ts';
import { layout } from '../stats/layout.ts';
import { resolveVariable, universeLabel, type Tabulated } from '../stats/population.ts';
import { createTally, tallyCoded, tallySet, type Tally } from '../stats/tally.ts';
import { buildPTable, perturb, KEY_RANGE, type PTable } from './ptable.ts';
import { cubePlan, type CubePlan, type CubeRestriction } from './plan.ts';
import { differencingGuard, type GuardResult } from './guard.ts';
import { CUBE_VERSION, type CubeBanner, type CubeColumn, type CubeLine, type QuestionCube } from './types.ts';

export interface CubeOptions {
  perturbation: Perturbation;
  /** Columns with a (true or perturbed) base under this are withheld (the engine's suppression threshold). */
  suppressBase: number;
  /** The differencing guard (on unless a test measures what it prevents). */
  guard?: boolean;
  /**
   * Called with each question's cube as soon as it is built, which is then not kept in
   * `questions`: a build that only writes the files holds one question's objects at a time.
   */
  onQuestion?: (cube: QuestionCube) => void;
}

export interface WaveCube {
  plan: CubePlan;
  /** Every question's cube, in plan order (empty when `onQuestion` took them). */
  questions: Map<string, QuestionCube>;
  /** What the build reports: populations, one-respondent pairs and columns withheld. */
  report: { populations: number; pairs: number; withheldPopulations: number; columns: number; withheldColumns: number };
}

/** Record keys must be integers in [0, 2^24): cell keys are then exact sums in any order. */
function checkKeys(keys: Float64Array, n: number): void {
  if (keys.length !== n) throw new Error(`cube: ${keys.length} record keys for ${n} respondents`);
  for (const k of keys) if (!Number.isInteger(k) || k < 0 || k >= KEY_RANGE) throw new Error(`cube: record key ${k} is not an integer in [0, 2^24)`);
}

function restrictionMask(dataset: Dataset, r: CubeRestriction): Bitset {
  if (r.kind === 'universe') return dataset.universes.get(r.universe!)!;
  if (r.kind === 'filter') return evaluateFilter(dataset, r.filter!);
  return fullBitset(dataset.n);
}

/**
 * The per-column sums of one question under one mask and one banner, counted the way the engine's
 * `layout` counts them (same passes, same order of additions, so weighted sums are the same to the
 * last bit) into tallies that are reused for every table of the question: a wave's cube is
 * 232,000 tables for jcsa/2025, and building a `Layout` object for each was most of its time.
 * Rows of the tally: coded — every option, then 無回答 (`tallyCoded`); multi — answered, 無回答,
 * every option's set, every net's union; numeric — answered, 無回答. Slots: 0 (no banner), or 0 =
 * no answer to the banner and 1 + the banner option's position.
 */
class QuestionCounter {
  readonly rows: number;
  /** Lines as the engine orders them: options, nets, 無回答 (numeric: 無回答 only). */
  readonly lineCount: number;
  private readonly keys: Tally;
  private readonly weights: Tally | null;
  private readonly sets: Bitset[];
  private readonly netPositions: number[][];
  /** Per line and column: count, key sum, Σw, Σw² — `[base, valid, ...lines]`, filled by `column`. */
  readonly n: Float64Array;
  readonly k: Float64Array;
  readonly w: Float64Array;
  readonly w2: Float64Array;

  private readonly dataset: Dataset;
  private readonly t: Tabulated;
  private readonly recordKeys: Float64Array;

  constructor(dataset: Dataset, t: Tabulated, maxSlots: number, recordKeys: Float64Array) {
    this.dataset = dataset;
    this.t = t;
    this.recordKeys = recordKeys;
    const v = t.variable;
    const options = v.kind === 'numeric' ? [] : v.options;
    this.netPositions = v.kind === 'coded' ? t.nets.map((net) => optionPositions({ id: net.id, options }, net.codes)) : [];
    this.sets = [];
    if (v.kind === 'multi') {
      this.sets.push(...v.chosen);
      for (const net of t.nets) {
        const union = createBitset(dataset.n);
        for (const r of optionPositions({ id: net.id, options: v.options }, net.codes)) orInto(union, v.chosen[r]);
        this.sets.push(union);
      }
    }
    this.rows = v.kind === 'coded' ? options.length + 1 : 2 + this.sets.length;
    this.lineCount = v.kind === 'numeric' ? 1 : options.length + t.nets.length + 1;
    this.keys = createTally(this.rows, maxSlots, true);
    this.weights = dataset.weights ? createTally(this.rows, maxSlots, true) : null;
    const width = 2 + this.lineCount;
    this.n = new Float64Array(width);
    this.k = new Float64Array(width);
    this.w = new Float64Array(width);
    this.w2 = new Float64Array(width);
  }

  private lastMask: Bitset | null = null;
  private lastMissing: Bitset | null = null;
  /** mask \ answered, or null when empty (every banner of a mask asks for the same one). */
  private missing(mask: Bitset, answered: Bitset): Bitset | null {
    if (mask !== this.lastMask) {
      const missing = andNot(mask, answered);
      this.lastMask = mask;
      this.lastMissing = missing.some((word) => word !== 0) ? missing : null;
    }
    return this.lastMissing;
  }

  /** Counts the question's rows of `mask` into `slots` slots (banner option index, or null for no banner). */
  count(mask: Bitset, slotIndex: Int16Array | null, slots: number): void {
    for (const tally of this.weights ? [this.keys, this.weights] : [this.keys]) {
      tally.slots = slots;
      const used = this.rows * slots;
      tally.count.fill(0, 0, used);
      tally.sumW!.fill(0, 0, used);
      tally.sumW2!.fill(0, 0, used);
      const weights = tally === this.keys ? this.recordKeys : this.dataset.weights;
      const v = this.t.variable;
      if (v.kind === 'coded') tallyCoded(tally, mask, v.index, slotIndex, weights, 0);
      else {
        // answeredTally: the 無回答 pass only when someone in the mask skipped.
        tallySet(tally, mask, v.answered, 0, slotIndex, weights, 0);
        const missing = this.missing(mask, v.answered);
        if (missing) tallySet(tally, mask, missing, 1, slotIndex, weights, 0);
        this.sets.forEach((set, r) => tallySet(tally, mask, set, 2 + r, slotIndex, weights, 0));
      }
    }
  }

  /**
   * Fills n, k, w, w2 with column `c`'s `[base, valid, ...lines]`: the total (c = 0) of a banner
   * sums every slot, in slot order, like the engine's `sumsOverSlots`.
   */
  column(c: number, total: boolean): void {
    const { rows, lineCount, n, k, w, w2 } = this;
    const keys = this.keys;
    const weights = this.weights;
    const slots = keys.slots;
    // One line's four sums into position `to`, from tally row `row`.
    const put = (to: number, row: number) => {
      if (!total) {
        const cell = c * rows + row;
        n[to] = keys.count[cell];
        k[to] = keys.sumW![cell];
        if (weights) {
          w[to] = weights.sumW![cell];
          w2[to] = weights.sumW2![cell];
        }
        return;
      }
      let sn = 0;
      let sk = 0;
      let sw = 0;
      let sw2 = 0;
      for (let s = 0; s < slots; s++) {
        const cell = s * rows + row;
        sn += keys.count[cell];
        sk += keys.sumW![cell];
        if (weights) {
          sw += weights.sumW![cell];
          sw2 += weights.sumW2![cell];
        }
      }
      n[to] = sn;
      k[to] = sk;
      w[to] = sw;
      w2[to] = sw2;
    };
    // to = Σ from[...] (starting from 0, in order: the engine's reduce over zeroSums).
    const sum = (to: number, from: number[] | number, count?: number) => {
      let sn = 0;
      let sk = 0;
      let sw = 0;
      let sw2 = 0;
      const m = typeof from === 'number' ? count! : from.length;
      for (let j = 0; j < m; j++) {
        const f = typeof from === 'number' ? from + j : 2 + from[j];
        sn += n[f];
        sk += k[f];
        sw += w[f];
        sw2 += w2[f];
      }
      n[to] = sn;
      k[to] = sk;
      w[to] = sw;
      w2[to] = sw2;
    };
    const v = this.t.variable;
    const noAnswer = 2 + lineCount - 1;
    if (v.kind === 'coded') {
      const options = v.options.length;
      for (let j = 0; j < options; j++) put(2 + j, j);
      put(noAnswer, options);
      sum(1, 2, options);
      for (let j = 0; j < this.netPositions.length; j++) sum(2 + options + j, this.netPositions[j]);
    } else {
      put(1, 0);
      put(noAnswer, 1);
      for (let j = 0; j < this.sets.length; j++) put(2 + j, 2 + j);
    }
    // base = valid + 無回答 (the engine's addSums(valid, noAnswer)).
    n[0] = n[1] + n[noAnswer];
    k[0] = k[1] + k[noAnswer];
    w[0] = w[1] + w[noAnswer];
    w2[0] = w2[1] + w2[noAnswer];
  }
}

/** The perturbed column `[base, valid, ...lines]` the counter holds; null when withheld. */
function protectColumn(counter: QuestionCounter, weighted: boolean, ptable: PTable, threshold: number): CubeColumn | null {
  const { n, k, w, w2 } = counter;
  if (n[0] < threshold) return null;
  const counts = new Array<number>(n.length);
  for (let i = 0; i < n.length; i++) counts[i] = perturb(ptable, n[i], k[i]);
  if (counts[0] < threshold) return null;
  if (!weighted) return { counts };
  // Weighted waves: the perturbed count scales the cell's Σw and Σw² (its mean weight is kept).
  const ratio = (i: number) => (n[i] > 0 ? counts[i] / n[i] : 0);
  return { counts, w: Array.from(w, (x, i) => x * ratio(i)), w2: Array.from(w2, (x, i) => x * ratio(i)) };
}

/** The cube of a wave: `publicCodebook` decides what is in it, `dataset` is the full microdata. */
export function buildCube(dataset: Dataset, publicCodebook: Codebook, recordKeys: Float64Array, options: CubeOptions): WaveCube {
  checkKeys(recordKeys, dataset.n);
  const plan = cubePlan(publicCodebook);
  const ptable = buildPTable(options.perturbation);
  const threshold = options.suppressBase;
  const weights = dataset.weights;
  const restrictionMasks = plan.restrictions.map((r) => restrictionMask(dataset, r));
  const tabulated = plan.questions.map((q) => resolveVariable(dataset, q.id));
  const universes = [...new Set(tabulated.map((t) => t.universe))];
  const masks = universes.flatMap((u) => restrictionMasks.map((m) => and(dataset.universes.get(u)!, m)));
  const R = plan.restrictions.length;

  // Banner columns over all banners: 0 = total, then each banner's options in layout order.
  const columnSets: (Bitset | null)[] = [null];
  const columnOffset: number[] = [];
  const banners: CubeBanner[] = plan.banners.map((id) => {
    if (id === null) {
      columnOffset.push(0);
      return { id, columns: [{ key: 'total', label: '全体' }] };
    }
    const v = resolveVariable(dataset, id, 'banner').variable;
    const options = v.kind === 'numeric' ? [] : v.options;
    columnOffset.push(columnSets.length - 1);
    for (const o of options) columnSets.push(v.kind === 'coded' ? evaluateFilter(dataset, { q: id, in: [o.code] }) : createBitset(dataset.n));
    return { id, columns: [{ key: 'total', label: '全体' }, ...options.map((o) => ({ key: String(o.code), label: o.label }))] };
  });
  const C = columnSets.length;
  const guard: GuardResult | null = options.guard === false ? null : differencingGuard({ n: dataset.n, masks, columnSets, threshold });
  // Each banner's slot index (option position per respondent, −1 = none), as the engine's banner plan uses it.
  const bannerIndex = plan.banners.map((id) => {
    if (id === null) return null;
    const v = resolveVariable(dataset, id, 'banner').variable;
    // cubePlan offers single-answer banners only (columns that never share respondents).
    if (v.kind !== 'coded') throw new Error(`cube: banner "${id}" is not a single-answer variable`);
    return v.index;
  });
  const maxSlots = Math.max(...banners.map((b) => b.columns.length));

  const questions = new Map<string, QuestionCube>();
  let columns = 0;
  let withheldColumns = 0;
  plan.questions.forEach((q, qi) => {
    const t = tabulated[qi];
    const u = universes.indexOf(t.universe);
    // The engine's own lines (keys, labels, kinds): one layout per question.
    const lines: CubeLine[] = layout(dataset, t, null, masks[u * R], recordKeys).lines.map((l) => ({ key: l.key, label: l.label, kind: l.kind, nonSubstantive: l.nonSubstantive }));
    const counter = new QuestionCounter(dataset, t, maxSlots, recordKeys);
    const cells = banners.map((banner, b) =>
      plan.restrictions.map((_, r) => {
        const mask = masks[u * R + r];
        const slots = banner.columns.length;
        counter.count(mask, bannerIndex[b], bannerIndex[b] === null ? 1 : slots);
        return banner.columns.map((_, c) => {
          const tuple = (u * R + r) * C + (c === 0 ? 0 : columnOffset[b] + c);
          columns++;
          if (guard?.withheld[tuple]) {
            withheldColumns++;
            return null;
          }
          counter.column(c, c === 0 && bannerIndex[b] !== null);
          const column = protectColumn(counter, weights !== null, ptable, threshold);
          if (column === null) withheldColumns++;
          return column;
        });
      }),
    );
    const question = t.question;
    const optionList = t.variable.kind === 'numeric' ? [] : t.variable.options;
    const cube: QuestionCube = {
      version: CUBE_VERSION,
      survey: dataset.codebook.survey.id,
      wave: dataset.codebook.survey.wave,
      question: q.id,
      meta: {
        type: t.type,
        kind: t.variable.kind,
        options: optionList,
        nets: t.nets,
        unit: t.unit,
        universe: t.universe,
        neutral: question && question.type === 'ordinal' ? question.neutral : [],
        weighted: weights !== null,
        ...(weights ? { design: { n: dataset.n, variance: dataset.codebook.survey.variance ?? 'design' } } : {}),
      },
      lines,
      banners,
      restrictions: plan.restrictions.map((r) => ({ id: r.id, universeLabel: universeLabel(dataset, r.kind === 'universe' ? r.universe! : t.universe) })),
      protection: { method: 'cell-key', perturbation: options.perturbation, suppressBase: threshold, guard: guard !== null },
      cells,
    };
    if (options.onQuestion) options.onQuestion(cube);
    else questions.set(q.id, cube);
  });
  return {
    plan,
    questions,
    report: { populations: guard?.populations ?? 0, pairs: guard?.pairs ?? 0, withheldPopulations: guard?.withheldPopulations ?? 0, columns, withheldColumns },
  };
}
