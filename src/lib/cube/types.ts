/**
 * A protected cube: per question, the cell-key-perturbed counts of every banner column under every
 * restriction of the cube plan (docs/statistics.md, "Protected cube"). It holds no respondent-level
 * data: no rows, ids, record keys or free text — only counts (and, for weighted waves, weighted
 * sums scaled like the counts).
 */
import type { Net, Option, Perturbation } from '../dataset/codebook.ts';
import type { CrossTab } from '../stats/types.ts';

export const CUBE_VERSION = 1;

/** One published column: perturbed counts `[base, valid, ...lines]`; weighted waves add Σw and Σw² in the same order. */
export interface CubeColumn {
  counts: number[];
  w?: number[];
  w2?: number[];
}

export interface CubeLine {
  key: string;
  label: string;
  kind: 'option' | 'net' | 'noAnswer';
  nonSubstantive: boolean;
}

export interface CubeBanner {
  /** Banner variable id; null = total only. */
  id: string | null;
  /** Column 0 is the total. */
  columns: { key: string; label: string }[];
}

/** What the engine needs to turn the counts into a table (no respondent data). */
export interface CubeQuestionMeta {
  type: CrossTab['type'];
  kind: 'coded' | 'multi' | 'numeric';
  options: Option[];
  nets: Net[];
  unit: string;
  /** The question's own universe. */
  universe: string;
  /** Ordinal questions: codes drawn at the centre of diverging bars. */
  neutral: number[];
  weighted: boolean;
  /**
   * Weighted waves: the wave's n and declared variance method, for design-based variances from
   * the cells' Σw² (docs/statistics.md, §Weights; "Protected cube"). The wave's n is published anyway.
   */
  design?: { n: number; variance: 'design' | 'kish' };
}

export interface QuestionCube {
  version: number;
  survey: string;
  wave: string;
  question: string;
  meta: CubeQuestionMeta;
  /** Option rows, nets, 無回答 (the engine's layout order). */
  lines: CubeLine[];
  banners: CubeBanner[];
  /** Restriction ids (plan order) and the universe label a table under each shows. */
  restrictions: { id: string; universeLabel: string }[];
  /** Perturbation and suppression the counts were made with (stated in the explorer's notes). */
  protection: { method: 'cell-key'; perturbation: Perturbation; suppressBase: number; guard: boolean };
  /** cells[banner][restriction][column]: a published column, or null when withheld. */
  cells: (CubeColumn | null)[][][];
}
