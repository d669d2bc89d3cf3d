/**
 * `<Change>`: a year-on-year comparison in running text, worded by a test, not by the editor.
 * The two shares come from the same trend the charts draw (crosswalk and universe included);
 * 上昇／低下 is said only when the pooled two-proportion z-test is significant at α, otherwise
 * 「有意な差はみられません」 (docs/statistics.md, "Changes between waves"). The note names the test,
 * the p-value and, for a published-tables wave, that its printed share and base were used.
 */
import { formatNumber, formatP } from '../lib/stats/format.ts';
import { resolveStatsOptions } from '../lib/stats/options.ts';
import { testChange, type TrendPoint, type WaveChange } from '../lib/stats/trend.ts';
import { getWave, trendsFor, variableInfo } from './figure-data.ts';
import { FigureError, FigureNameError, idChoices, type SameKeys } from './figure-error.ts';

export interface ChangeRequest {
  survey: string;
  /** The report's wave (whose trend is read). */
  wave: string;
  q: string;
  /** Option code or label (of the latest wave). */
  option: string | number;
  universe?: string;
  /** Earlier wave. */
  from: string;
  /** Later wave (default: the report's wave). */
  to?: string;
  digits?: number;
}

export interface ChangeValue {
  /** The clause for the prose, ending in its verb. */
  text: string;
  /** The test, its p-value, and what a printed figure means for it. */
  note: string;
  change: WaveChange;
}

/** Every prop of `<Change>` (Change.astro takes exactly a ChangeRequest). */
export const CHANGE_PROPS = ['q', 'option', 'universe', 'from', 'to', 'digits', 'survey', 'wave'] as const;
true satisfies SameKeys<keyof ChangeRequest, (typeof CHANGE_PROPS)[number]>;

const who = (r: ChangeRequest) => `<Change q="${r.q}" option="${r.option}" from="${r.from}"${r.to ? ` to="${r.to}"` : ''}>`;

/** Computes and words the change a <Change> shows; errors name the prop and the valid choices. */
export function changeValue(r: ChangeRequest): ChangeValue {
  const wave = getWave(r.survey, r.wave, '<Change>');
  const to = r.to ?? r.wave;
  if (to === r.from) throw new FigureError(`${who(r)}: from and to are the same wave`, `の from と to が同じ調査回（${to}）です。`);
  const trends = trendsFor(wave, r.q);
  if (trends.length === 0) throw new FigureError(`${who(r)}: no other wave of ${r.survey} has figures for q="${r.q}" through the crosswalk`, `：q="${r.q}" は ${r.survey} の他の調査回と対応づけられていない（crosswalk にない）ため、比べられません。`);
  const own = wave.dataset ? variableInfo(wave.dataset, r.q, 'q', '<Change>').universe : undefined;
  const wanted = r.universe ?? (trends.length === 1 ? trends[0].universe : own);
  const trend = trends.find((t) => t.universe === wanted);
  if (!trend) throw new FigureNameError(`${who(r)} universe="${wanted}": no trend in this universe. Valid: ${trends.map((t) => t.universe).join(', ')}`, { prop: 'universe', value: String(wanted), kind: 'universe', scope: `${r.survey}/${r.wave}`, choices: idChoices(trends.map((t) => t.universe ?? '')), reason: 'no-trend' });
  const options = [...new Map(trend.points.map((p) => [p.option, p.label])).entries()];
  const code = options.find(([c, label]) => String(c) === String(r.option) || label === String(r.option))?.[0];
  if (code === undefined) throw new FigureNameError(`${who(r)}: no such option in the trend. Valid: ${options.map(([c, l]) => `${c} (${l})`).join(', ')}`, { prop: 'option', value: String(r.option), kind: 'option', scope: r.q, choices: options.map(([c, l]) => ({ id: String(c), label: l })), reason: 'no-trend' });
  const point = (w: string, prop: 'from' | 'to'): TrendPoint => {
    const found = trend.points.find((p) => p.option === code && p.wave === w);
    if (!found) {
      const waves = trend.waves.filter((x) => trend.points.some((p) => p.option === code && p.wave === x));
      throw new FigureNameError(`${who(r)}: wave ${w} has no figure for this option. Valid waves: ${trend.waves.join(', ')}`, { prop, value: String(w), kind: 'wave', scope: r.survey, choices: idChoices(waves), reason: 'no-trend' });
    }
    return found;
  };
  const digits = r.digits ?? 1;
  const alpha = resolveStatsOptions().alpha;
  const change = testChange(point(r.from, 'from'), point(to, 'to'), alpha, digits);
  if (!change) throw new FigureError(`${who(r)}: the change cannot be tested (a base of 0, or both shares 0 % or 100 %)`, `：この変化は検定できません（回答者数が 0、または両方の割合が 0% か 100%）。`);
  const pct = (p: TrendPoint) => `${formatNumber(p.proportion * 100, digits)}%`;
  const [a, b] = [change.from, change.to];
  const size = `${formatNumber(Math.abs(change.points), digits)}ポイント`;
  const text =
    change.direction === 'up'
      ? `${a.wave}年の${pct(a)}から${b.wave}年の${pct(b)}へ、${size}上昇しました`
      : change.direction === 'down'
        ? `${a.wave}年の${pct(a)}から${b.wave}年の${pct(b)}へ、${size}低下しました`
        : `${a.wave}年の${pct(a)}と${b.wave}年の${pct(b)}で、有意な差はみられません`;
  const printed = change.printed.length > 0 ? `。${change.printed.map((w) => `${w}年`).join('・')}は公表された割合と回答者数で検定` : '';
  const note = `2標本の比率の z 検定（両側）：${formatP(change.p)}、有意水準 ${Math.round(alpha * 100)}%、回答者数 ${formatNumber(a.base, 0)}人・${formatNumber(b.base, 0)}人${printed}`;
  return { text, note, change };
}
