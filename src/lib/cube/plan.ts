/**
 * What a protected cube answers (docs/statistics.md, "Protected cube"): every public question ×
 * every banner (none, and each public single-answer variable) × one restriction beyond the
 * question's own universe — none, one universe, or one filter (one value, or one codebook net,
 * of one filter variable). Restrictions are never combined: the cube's size grows with their
 * sum, not their product.
 */
import type { Codebook, Filter, Net, Option } from '../dataset/codebook.ts';
import { catalogVariables, type CatalogVariable } from '../explore/catalog.ts';

/** One restriction of the population, by its id in cube files and URLs. */
export interface CubeRestriction {
  /** `''` (none), `u:<universe>`, `f:<variable>:<code>` or `f:<variable>:net:<net>`. */
  id: string;
  kind: 'none' | 'universe' | 'filter';
  /** Universe restriction: its id. */
  universe?: string;
  /** Filter restriction: the variable, its codes (one code, or a net's codes) and the net's id. */
  variable?: string;
  codes?: number[];
  net?: string;
  /** The engine's filter for a filter restriction. */
  filter?: Filter;
}

/** A variable a reader may filter on in the cube, with the nets offered. */
export interface CubeFilterVariable {
  id: string;
  kind: 'coded' | 'multi';
  options: Pick<Option, 'code' | 'label'>[];
  nets: Net[];
}

export interface CubePlan {
  /** Public variables tabulated (questions, grid rows, derived variables). */
  questions: CatalogVariable[];
  /** Banner variables (public single-answer variables); `null` = total only comes first. */
  banners: (string | null)[];
  restrictions: CubeRestriction[];
  filterVariables: CubeFilterVariable[];
}

export const NO_RESTRICTION = '';

export function universeRestrictionId(universe: string): string {
  return `u:${universe}`;
}

export function filterRestrictionId(variable: string, code: number): string {
  return `f:${variable}:${code}`;
}

export function netRestrictionId(variable: string, net: string): string {
  return `f:${variable}:net:${net}`;
}

/** Nets of a variable of the codebook (a grid row uses its grid's nets). */
function netsOf(codebook: Codebook, id: string): Net[] {
  const q = codebook.questions.find((x) => x.id === id.split('__')[0]);
  return q && 'nets' in q ? q.nets : [];
}

/**
 * The plan of a wave's cube from its public codebook (`publicCodebook`): restricted variables are
 * not in it, so the cube cannot tabulate, break down or filter by them.
 */
export function cubePlan(codebook: Codebook): CubePlan {
  const variables = catalogVariables(codebook);
  const coded = variables.filter((v) => v.kind === 'coded');
  const byId = new Map(variables.map((v) => [v.id, v]));
  const filterIds = [...new Set(codebook.cube.filters ?? coded.map((v) => v.id))];
  const filterVariables: CubeFilterVariable[] = filterIds.flatMap((id) => {
    const v = byId.get(id);
    if (!v || v.kind === 'numeric') return [];
    return [{ id, kind: v.kind, options: v.options, nets: netsOf(codebook, id) }];
  });
  const restrictions: CubeRestriction[] = [{ id: NO_RESTRICTION, kind: 'none' }];
  for (const u of codebook.universes) if (u.id !== 'all') restrictions.push({ id: universeRestrictionId(u.id), kind: 'universe', universe: u.id });
  for (const f of filterVariables) {
    const filter = (codes: number[]): Filter => (f.kind === 'multi' ? { q: f.id, includesAny: codes } : { q: f.id, in: codes });
    for (const o of f.options) restrictions.push({ id: filterRestrictionId(f.id, o.code), kind: 'filter', variable: f.id, codes: [o.code], filter: filter([o.code]) });
    for (const n of f.nets) restrictions.push({ id: netRestrictionId(f.id, n.id), kind: 'filter', variable: f.id, codes: [...n.codes].sort((a, b) => a - b), net: n.id, filter: filter(n.codes) });
  }
  return { questions: variables, banners: [null, ...coded.map((v) => v.id)], restrictions, filterVariables };
}
