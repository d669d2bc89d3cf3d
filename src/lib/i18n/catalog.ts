/**
 * The explorer's catalog in English, and the tables it computes relabelled in the browser. The
 * data files (public-use rows, cubes) carry the codebook's Japanese labels; the English page's
 * catalog carries the English ones, and every table is relabelled from it by key before it is
 * shown, drawn or exported (the engine itself stays language-free).
 */
import type { Codebook } from '../dataset/codebook.ts';
import type { CatalogWave, ExploreCatalog } from '../explore/catalog.ts';
import type { CrossTab } from '../stats/types.ts';
import type { TrendTable } from '../charts/types.ts';
import { codebookLabels } from './labels.ts';
import { engineWord } from './relabel.ts';
import type { Lang } from './lang.ts';

/** The catalog with its labels in `lang` (`codebookOf` gives each wave's full codebook). */
export function localCatalog(catalog: ExploreCatalog, lang: Lang, codebookOf: (survey: string, wave: string) => Codebook | undefined): ExploreCatalog {
  if (lang === 'ja') return catalog;
  return {
    ...catalog,
    lang,
    waves: catalog.waves.map((w): CatalogWave => {
      const cb = codebookOf(w.survey, w.wave);
      if (!cb) return w;
      const L = codebookLabels(cb, lang);
      const netsOf = (id: string) => {
        const q = cb.questions.find((x) => x.id === id.split('__')[0]);
        return q && 'nets' in q ? q.nets.map((n) => ({ id: n.id, label: L.net(q.id, n.id) ?? n.label })) : [];
      };
      return {
        ...w,
        title: L.survey.shortTitle,
        reportTitle: L.survey.title,
        publisher: L.survey.publisher,
        variables: w.variables.map((v) => ({ ...v, label: L.variable(v.id), text: L.text(v.id), options: v.options.map((o) => ({ code: o.code, label: L.option(v.id, o.code) ?? o.label })), nets: netsOf(v.id) })),
        universes: w.universes.map((u) => ({ id: u.id, label: u.id === 'all' ? engineWord('全体', lang) : L.universe(u.id) })),
        ...(w.cube ? { cube: { ...w.cube, filters: w.cube.filters.map((f) => ({ ...f, nets: f.nets.map((n) => ({ ...n, label: L.net(f.id, n.id) ?? n.label })) })) } } : {}),
      };
    }),
  };
}

/** A table computed in the browser, relabelled from the catalog (nothing to do for Japanese). */
export function relabelFromCatalog(tab: CrossTab, wave: CatalogWave, lang: Lang): CrossTab {
  if (lang === 'ja') return tab;
  const variable = wave.variables.find((v) => v.id === tab.spec.question);
  const banner = tab.spec.banner ? wave.variables.find((v) => v.id === tab.spec.banner) : undefined;
  const universe = wave.universes.find((u) => u.id === (tab.spec.universe ?? variable?.universe ?? 'all'));
  const optionLabel = (v: typeof variable, key: string) => v?.options.find((o) => String(o.code) === key)?.label;
  return {
    ...tab,
    universeLabel: tab.spec.universe === undefined || tab.spec.universe === 'all' ? (universe && universe.id !== 'all' ? universe.label : engineWord('全回答者', lang)) : (universe?.label ?? tab.universeLabel),
    columns: tab.columns.map((c) => ({ ...c, label: c.key === 'total' ? engineWord(c.label, lang) : (optionLabel(banner, c.key) ?? c.label) })),
    rows: tab.rows.map((r) => ({
      ...r,
      label: r.kind === 'noAnswer' ? engineWord(r.label, lang) : r.kind === 'net' ? (variable?.nets?.find((n) => `net:${n.id}` === r.key)?.label ?? r.label) : (optionLabel(variable, r.key) ?? r.label),
    })),
    ...(tab.lettersNote ? { lettersNote: engineWord(tab.lettersNote, lang) } : {}),
  };
}

/** A trend computed in the browser, its option labels from the catalog. */
export function relabelTrendFromCatalog(trend: TrendTable, wave: CatalogWave, lang: Lang): TrendTable {
  if (lang === 'ja') return trend;
  const variable = wave.variables.find((v) => v.id === trend.question) ?? wave.variables.find((v) => trend.points.some((p) => p.question === v.id));
  return { ...trend, points: trend.points.map((p) => ({ ...p, label: variable?.options.find((o) => o.code === p.option)?.label ?? p.label })) };
}
