/**
 * One colour-blind-safe palette for the whole site (Okabe & Ito 2008), with fixed roles so a
 * segment keeps its colour on every chart: the total is always blue, banner columns take the
 * remaining colours in the banner's option order, non-substantive answers are grey.
 */
import type { Option } from '../dataset/codebook.ts';

/** Okabe–Ito colours without black (unreadable in dark mode). */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#56B4E9', '#009E73', '#D55E00', '#CC79A7', '#F0E442', '#999999'] as const;

/** Colour of the total column. */
export const TOTAL_COLOUR = OKABE_ITO[0];
/** Colour of わからない / 無回答 and other non-substantive answers. */
export const NON_SUBSTANTIVE_COLOUR = '#BBBBBB';

/**
 * Colours for banner columns / unordered options, in order (total's blue excluded): Okabe–Ito's
 * six hues, then five more (wine, olive, purple, magenta, green) chosen so that the total and 11
 * columns — 12 series — are all distinct (CIE76 ΔE ≥ 20 between every pair; issue 11). Grey is
 * kept for non-substantive answers.
 */
export const SERIES = [...OKABE_ITO.slice(1, 7), '#882255', '#999933', '#6A3D9A', '#E7298A', '#66A61E'] as const;

/** Diverging scale for Likert answers (PuOr, colour-blind safe): negative → neutral → positive. */
const DIVERGING: Record<number, string[]> = {
  2: ['#E66101', '#5E3C99'],
  3: ['#E66101', '#D9D9D9', '#5E3C99'],
  4: ['#E66101', '#FDB863', '#B2ABD2', '#5E3C99'],
  5: ['#E66101', '#FDB863', '#D9D9D9', '#B2ABD2', '#5E3C99'],
  6: ['#B35806', '#F1A340', '#FEE0B6', '#D8DAEB', '#998EC3', '#542788'],
  7: ['#B35806', '#F1A340', '#FEE0B6', '#D9D9D9', '#D8DAEB', '#998EC3', '#542788'],
};

/** Sequential blues for ordered, non-Likert scales (light → dark). */
const SEQUENTIAL = ['#C6DBEF', '#9ECAE1', '#6BAED6', '#4292C6', '#2171B5', '#08519C', '#08306B'];

/** Colour of the k-th of `count` series (banner columns or unordered options). */
export function seriesColour(k: number): string {
  return SERIES[k % SERIES.length];
}

/** Colour of a banner column: blue for the total, otherwise by position among banner columns. */
export function columnColour(columnIndex: number): string {
  return columnIndex === 0 ? TOTAL_COLOUR : seriesColour(columnIndex - 1);
}

/** Colours for an ordered scale of `count` substantive points, lowest first. */
export function scaleColours(count: number, diverging: boolean): string[] {
  if (diverging && DIVERGING[count]) return DIVERGING[count];
  if (count <= SEQUENTIAL.length) {
    const step = (SEQUENTIAL.length - 1) / Math.max(1, count - 1);
    return Array.from({ length: count }, (_, i) => SEQUENTIAL[Math.round(i * step)]);
  }
  return Array.from({ length: count }, (_, i) => SEQUENTIAL[i % SEQUENTIAL.length]);
}

/** Text colour readable on a fill (black or white by relative luminance). */
export function textOn(fill: string): string {
  const n = Number.parseInt(fill.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return lum > 0.179 ? '#111111' : '#FFFFFF';
}

/**
 * One colour per option of a question, as its own chart draws it (issue 11: the same option keeps
 * its colour in stacked bars, diverging bars and trends): a Likert scale takes the diverging
 * palette in score order, another ordered scale (scores or class bounds) the sequential one in
 * codebook order, unordered options the series colours in codebook order; non-substantive
 * options are grey.
 */
export function optionColours(options: readonly Option[], likert: boolean): Map<number, string> {
  const substantive = options.filter((o) => !o.nonSubstantive);
  const ordered = substantive.some((o) => o.score !== undefined || o.lower !== undefined);
  const sequence = likert ? [...substantive].filter((o) => o.score !== undefined).sort((a, b) => (a.score as number) - (b.score as number)) : substantive;
  const colours = likert || ordered ? scaleColours(sequence.length, likert) : sequence.map((_, i) => seriesColour(i));
  const out = new Map(sequence.map((o, i) => [o.code, colours[i]]));
  options.filter((o) => o.nonSubstantive).forEach((o, i) => out.set(o.code, i === 0 ? NON_SUBSTANTIVE_COLOUR : '#DDDDDD'));
  return out;
}
