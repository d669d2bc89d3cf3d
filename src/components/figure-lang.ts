/**
 * A resolved chart in a page's language: the engine's table and the chart variable relabelled
 * (src/lib/i18n/relabel.ts), the variable's label, wording and notes, the universe and banner
 * labels, and the default title. Japanese returns what the engine computed, unchanged.
 */
import type { ResolvedChart, VariableInfo } from './figure-data.ts';
import { codebookLabels } from '../lib/i18n/labels.ts';
import { relabelChartTable, relabelVariable } from '../lib/i18n/relabel.ts';
import { localPath, type Lang } from '../lib/i18n/lang.ts';
import { ui } from '../lib/i18n/ui.ts';
import { isTrend } from '../lib/charts/index.ts';
import { chartWords } from '../lib/charts/words.ts';

export interface LocalChart {
  lang: Lang;
  table: ResolvedChart['table'];
  variable: ResolvedChart['variable'];
  info: VariableInfo;
  universeLabel: string;
  bannerLabel: string | null;
  /** The default title (question label, with 「（経年比較）」 / 「（<banner>別）」 or English). */
  title: string;
  /** Notes of a protected view. */
  protectedNote: string;
}

/** The chart's labels in `lang`. */
export function localChart(r: ResolvedChart, lang: Lang): LocalChart {
  const cb = r.wave.codebook;
  const t = ui(lang);
  const labels = codebookLabels(cb, lang);
  const universeLabel = labels.universe(r.universe);
  const bannerLabel = r.by ? labels.variable(r.by) : null;
  if (lang === 'ja') {
    const banner = r.by ? r.wave.dataset?.variables.get(r.by)?.label : undefined;
    return {
      lang,
      table: r.table,
      variable: r.variable,
      info: r.info,
      universeLabel: cb.universes.find((u) => u.id === r.universe)?.label ?? '全回答者',
      bannerLabel: r.by ? (banner ?? r.by) : null,
      title: isTrend(r.table) ? t.qualified(r.info.label, t.trend) : banner ? t.qualified(r.info.label, t.segmentBy(banner)) : r.info.label,
      protectedNote: chartWords('ja').protectedNote,
    };
  }
  const info: VariableInfo = { ...r.info, label: labels.variable(r.info.id), text: labels.text(r.info.id), notes: labels.notes(r.info.id) };
  const title = isTrend(r.table) ? t.qualified(info.label, t.trend) : bannerLabel ? t.qualified(info.label, t.segmentBy(bannerLabel)) : info.label;
  return {
    lang,
    table: relabelChartTable(r.table, cb, lang),
    variable: relabelVariable(r.variable, r.info.id.includes('__') || cb.questions.find((q) => q.id === r.info.id)?.type !== 'grid' ? r.info.id : `${r.info.id}__${(cb.questions.find((q) => q.id === r.info.id) as { rows: { id: string }[] }).rows[0].id}`, cb, lang),
    info,
    universeLabel,
    bannerLabel,
    title,
    protectedNote: chartWords(lang).protectedNote,
  };
}

/** A site path in the page's language. */
export function pagePath(path: string, lang: Lang): string {
  return localPath(path, lang);
}
