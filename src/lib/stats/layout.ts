/**
 * From a dataset and a spec to per-column sums ("layout"): the banner decides the columns and how
 * the tallies are run (one pass for a single-answer banner, one per column for an overlapping
 * multi-answer banner); the question decides the rows.
 */
import type { Bitset, CodedVariable, Dataset, MultiVariable, NumericVariable } from '../dataset/types.ts';
import type { Net, Option } from '../dataset/codebook.ts';
import { and, andNot, createBitset, isEmpty, orInto } from '../dataset/bitset.ts';
import { optionPositions } from '../dataset/filter.ts';
import type { Tabulated } from './population.ts';
import { CrossTabError, resolveVariable } from './population.ts';
import type { Sums } from './tally.ts';
import { createTally, sumsAt, sumsOverSlots, tallyCoded, tallySet, addSums, zeroSums } from './tally.ts';
import type { Tally } from './tally.ts';

export interface LayoutColumn {
  key: string;
  label: string;
}

export interface LayoutLine {
  key: string;
  label: string;
  kind: 'option' | 'net' | 'noAnswer';
  nonSubstantive: boolean;
  /** Sums per column (0 = total). */
  sums: Sums[];
}

export interface Layout {
  /** Column 0 is the total. */
  columns: LayoutColumn[];
  /** Banner columns may share respondents (multi-answer banner). */
  overlapping: boolean;
  /** Option rows, then nets, then 無回答 (always present here; dropped later when empty). */
  lines: LayoutLine[];
  /** Per column: question base (incl. 無回答) and valid base (answered). */
  base: Sums[];
  valid: Sums[];
  /** Per column: valid base without non-substantive answers (MA: chose at least one substantive option). */
  substantive: Sums[];
  /** Multi answers: responses per column (Σ over options). */
  responses?: Sums[];
  /** Numeric: respondent indices with an answer, per column. */
  members?: number[][];
  /**
   * Per column: withheld by a protected cube (its true or perturbed base is under the suppression
   * threshold, or it differs from another published column by one respondent): no counts exist.
   */
  withheld?: boolean[];
}

/** How to run a pass: over the whole mask with slots from a coded banner, or column by column. */
interface BannerPlan {
  columns: LayoutColumn[];
  overlapping: boolean;
  /** Calls `pass(mask, slotIndex, fixedSlot)` once or per column; slots line up with columns. */
  run(mask: Bitset, pass: (mask: Bitset, slotIndex: Int16Array | null, fixedSlot: number) => void): void;
  /** Column c's slot range: the total of a single-answer banner sums every slot. */
  sums(tally: Tally, column: number, row: number): Sums;
}

function bannerPlan(dataset: Dataset, banner: string | null | undefined): BannerPlan {
  const total: LayoutColumn = { key: 'total', label: '全体' };
  if (banner === null || banner === undefined) {
    return { columns: [total], overlapping: false, run: (mask, pass) => pass(mask, null, 0), sums: (t, _c, r) => sumsAt(t, 0, r) };
  }
  const { variable } = resolveVariable(dataset, banner, 'banner');
  if (variable.kind === 'numeric') throw new CrossTabError(`banner "${banner}" is numeric: band it first (a banded question or derived variable)`);
  const columns = [total, ...variable.options.map((o) => ({ key: String(o.code), label: o.label }))];
  if (variable.kind === 'coded') {
    const index = variable.index;
    return { columns, overlapping: false, run: (mask, pass) => pass(mask, index, 0), sums: (t, c, r) => (c === 0 ? sumsOverSlots(t, r) : sumsAt(t, c, r)) };
  }
  const chosen = (variable as MultiVariable).chosen;
  return {
    columns,
    overlapping: true,
    run(mask, pass) {
      pass(mask, null, 0);
      chosen.forEach((set, b) => pass(and(mask, set), null, b + 1));
    },
    sums: (t, c, r) => sumsAt(t, c, r),
  };
}

function netLine(net: Net, options: Option[], sums: (positions: number[]) => Sums[]): LayoutLine {
  return { key: `net:${net.id}`, label: net.label, kind: 'net', nonSubstantive: false, sums: sums(optionPositions({ id: net.id, options }, net.codes)) };
}

function perColumn(plan: BannerPlan, tally: Tally, row: number): Sums[] {
  return plan.columns.map((_, c) => plan.sums(tally, c, row));
}

function codedLayout(plan: BannerPlan, variable: CodedVariable, nets: Net[], mask: Bitset, weights: Float64Array | null): Layout {
  const k = variable.options.length;
  const tally = createTally(k + 1, plan.columns.length, weights !== null);
  plan.run(mask, (m, slots, fixed) => tallyCoded(tally, m, variable.index, slots, weights, fixed));
  const lines: LayoutLine[] = variable.options.map((o, r) => ({ key: String(o.code), label: o.label, kind: 'option', nonSubstantive: o.nonSubstantive ?? false, sums: perColumn(plan, tally, r) }));
  const noAnswer = perColumn(plan, tally, k);
  const valid = plan.columns.map((_, c) => lines.reduce((s, line) => addSums(s, line.sums[c]), zeroSums));
  const substantive = plan.columns.map((_, c) => lines.reduce((s, line) => (line.nonSubstantive ? s : addSums(s, line.sums[c])), zeroSums));
  for (const net of nets) {
    lines.push(netLine(net, variable.options, (positions) => plan.columns.map((_, c) => positions.reduce((s, r) => addSums(s, lines[r].sums[c]), zeroSums))));
  }
  lines.push({ key: 'na', label: '無回答', kind: 'noAnswer', nonSubstantive: true, sums: noAnswer });
  return { columns: plan.columns, overlapping: plan.overlapping, lines, base: valid.map((v, c) => addSums(v, noAnswer[c])), valid, substantive };
}

/** Answered (row 0) and 無回答 (row 1) per column; the 無回答 pass is skipped when nobody in the table skipped. */
function answeredTally(plan: BannerPlan, answered: Bitset, mask: Bitset, weights: Float64Array | null): { valid: Sums[]; noAnswer: Sums[] } {
  const tally = createTally(2, plan.columns.length, weights !== null);
  const missing = andNot(mask, answered);
  const anyMissing = !isEmpty(missing);
  plan.run(mask, (m, slots, fixed) => {
    tallySet(tally, m, answered, 0, slots, weights, fixed);
    if (anyMissing) tallySet(tally, m, missing, 1, slots, weights, fixed);
  });
  return { valid: perColumn(plan, tally, 0), noAnswer: perColumn(plan, tally, 1) };
}

function multiLayout(plan: BannerPlan, variable: MultiVariable, nets: Net[], mask: Bitset, n: number, weights: Float64Array | null, wantSubstantive: boolean): Layout {
  const { valid, noAnswer } = answeredTally(plan, variable.answered, mask, weights);
  const sets: Bitset[] = [...variable.chosen];
  for (const net of nets) {
    const union = createBitset(n);
    for (const r of optionPositions({ id: net.id, options: variable.options }, net.codes)) orInto(union, variable.chosen[r]);
    sets.push(union);
  }
  if (wantSubstantive) {
    const substantiveSet = createBitset(n);
    variable.options.forEach((o, k) => {
      if (!o.nonSubstantive) orInto(substantiveSet, variable.chosen[k]);
    });
    sets.push(substantiveSet);
  }
  const tally = createTally(sets.length, plan.columns.length, weights !== null);
  plan.run(mask, (m, slots, fixed) => sets.forEach((set, r) => tallySet(tally, m, set, r, slots, weights, fixed)));
  const lines: LayoutLine[] = variable.options.map((o, r) => ({ key: String(o.code), label: o.label, kind: 'option', nonSubstantive: o.nonSubstantive ?? false, sums: perColumn(plan, tally, r) }));
  const responses = plan.columns.map((_, c) => lines.reduce((s, line) => addSums(s, line.sums[c]), zeroSums));
  nets.forEach((net, j) => lines.push({ key: `net:${net.id}`, label: net.label, kind: 'net', nonSubstantive: false, sums: perColumn(plan, tally, variable.options.length + j) }));
  const substantive = wantSubstantive ? perColumn(plan, tally, sets.length - 1) : valid;
  lines.push({ key: 'na', label: '無回答', kind: 'noAnswer', nonSubstantive: true, sums: noAnswer });
  return { columns: plan.columns, overlapping: plan.overlapping, lines, base: valid.map((v, c) => addSums(v, noAnswer[c])), valid, substantive, responses };
}

function numericLayout(plan: BannerPlan, variable: NumericVariable, mask: Bitset, n: number, weights: Float64Array | null): Layout {
  const { valid, noAnswer } = answeredTally(plan, variable.answered, mask, weights);
  const bySlot: number[][] = plan.columns.map(() => []);
  plan.run(and(mask, variable.answered), (m, slots, fixed) => {
    for (let word = 0; word < m.length; word++) {
      let bits = m[word];
      while (bits !== 0) {
        const low = bits & -bits;
        const i = (word << 5) | (31 - Math.clz32(low));
        bits ^= low;
        bySlot[slots === null ? fixed : slots[i] + 1].push(i);
      }
    }
  });
  const members = plan.overlapping || plan.columns.length === 1 ? bySlot : [bySlot.flat().sort((a, b) => a - b), ...bySlot.slice(1)];
  const lines: LayoutLine[] = [{ key: 'na', label: '無回答', kind: 'noAnswer', nonSubstantive: true, sums: noAnswer }];
  return { columns: plan.columns, overlapping: plan.overlapping, lines, base: valid.map((v, c) => addSums(v, noAnswer[c])), valid, substantive: valid, members };
}

/** Per-column sums of every row of the table (`wantSubstantive`: also the MA substantive base, one more pass). */
export function layout(dataset: Dataset, tabulated: Tabulated, banner: string | null | undefined, mask: Bitset, weights: Float64Array | null, wantSubstantive = false): Layout {
  const plan = bannerPlan(dataset, banner);
  const variable = tabulated.variable;
  if (variable.kind === 'coded') return codedLayout(plan, variable, tabulated.nets, mask, weights);
  if (variable.kind === 'multi') return multiLayout(plan, variable, tabulated.nets, mask, dataset.n, weights, wantSubstantive);
  return numericLayout(plan, variable, mask, dataset.n, weights);
}
