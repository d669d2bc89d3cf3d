/**
 * Build-time data of the guides' own components (README "Guides"): `<Evidence>` — the survey
 * question a passage of a guide rests on, with its question page, report, universe, base and
 * source — and the KPI that `<Formula>` and `<WorkedExample>` print. Names are checked like the
 * figures' (FigureNameError with the valid choices), so `npm run validate` words a typo in a
 * guide as it does in a chapter.
 */
import { formatBase } from '../../lib/stats/format.ts';
import { publicUniverseIds } from '../../lib/publicuse/publicity.ts';
import { KPIS, type Kpi } from '../../lib/guides/kpis.ts';
import { getWave, tableFor, variableInfo } from '../figure-data.ts';
import { FigureError, FigureNameError, idChoices, type SameKeys } from '../figure-error.ts';

/** Every prop of `<Evidence>` (Evidence.astro takes exactly an EvidenceRequest). */
export const EVIDENCE_PROPS = ['survey', 'wave', 'q', 'universe', 'title', 'level'] as const;
/** Every prop of `<Formula>` and of `<WorkedExample>`. */
export const KPI_PROPS = ['kpi'] as const;

export interface EvidenceRequest {
  survey: string;
  wave: string;
  /** A public question, or a grid row (`grid__row`): its page is the grid's. */
  q: string;
  /** The universe whose base the passage quotes (default: the question's own). */
  universe?: string;
  /** Heading (default: the question's label). */
  title?: string;
  /** Heading level (default 3; a chart inside takes the next level, `level={4}`). */
  level?: 2 | 3 | 4;
}
true satisfies SameKeys<keyof EvidenceRequest, (typeof EVIDENCE_PROPS)[number]>;

export interface EvidenceTarget {
  /** The question page: every universe and banner of the question, its downloads and trend. */
  href: string;
  /** The question's (or grid row's) label. */
  label: string;
  /** The report's short title and its cover. */
  report: string;
  reportHref: string;
  /** The report's citation, without a leading 「出典：」 (the line says 出典 already). */
  citation: string;
  synthetic: boolean;
  universeLabel: string;
  /** "n=221" */
  base: string;
}

const who = (r: EvidenceRequest) => `<Evidence q="${r.q}">`;

/** Resolves an `<Evidence>`; throws an error naming the bad prop and the valid choices. */
export function evidenceTarget(r: EvidenceRequest): EvidenceTarget {
  const wave = getWave(r.survey, r.wave, '<Evidence>');
  const scope = `${wave.survey}/${wave.wave}`;
  // Question pages exist for the public questions of microdata waves.
  if (!wave.dataset) throw new FigureError(`${who(r)}: ${scope} has published tables only; it has no question pages`, `：${scope} は公表集計表だけの調査回のため、設問のページがありません（個票データの調査回を指定してください）。`);
  const dataset = wave.dataset;
  const info = variableInfo(dataset, r.q, 'q', '<Evidence>');
  const [questionId] = r.q.split('__');
  const question = wave.codebook.questions.find((q) => q.id === questionId);
  if (!question) {
    const pages = wave.codebook.questions.filter((q) => q.publication === 'public').map((q) => q.id);
    throw new FigureNameError(`${who(r)}: "${r.q}" is a derived variable; it has no question page. Valid: ${pages.join(', ')}`, { prop: 'q', value: r.q, kind: 'question', scope, choices: idChoices(pages) });
  }
  if (r.universe !== undefined) {
    const published = publicUniverseIds(wave.codebook);
    if (!dataset.universes.has(r.universe) || !published.has(r.universe)) {
      throw new FigureNameError(`${who(r)} universe="${r.universe}": not a published universe of ${scope}. Valid: ${[...published].join(', ')}`, { prop: 'universe', value: r.universe, kind: 'universe', scope, choices: idChoices(published), ...(dataset.universes.has(r.universe) ? { reason: 'restricted' as const } : {}) });
    }
  }
  const probe = question.type === 'grid' && !r.q.includes('__') ? `${question.id}__${question.rows[0].id}` : r.q;
  const universe = r.universe ?? info.universe;
  const n = tableFor(wave, { question: probe, universe: r.universe }).columns[0].n;
  const s = wave.codebook.survey;
  return {
    href: `/${wave.survey}/${wave.wave}/questions/${question.id}/`,
    label: info.label,
    report: s.shortTitle ?? s.title,
    reportHref: `/${wave.survey}/${wave.wave}/`,
    citation: s.citation.replace(/^出典[：:]\s*/, ''),
    synthetic: s.synthetic,
    universeLabel: wave.codebook.universes.find((u) => u.id === universe)?.label ?? '全回答者',
    base: formatBase(n),
  };
}

/** The KPI `<Formula kpi>` / `<WorkedExample kpi>` prints; an error with the valid ids. */
export function kpiFigure(id: string, component = '<Formula>'): Kpi {
  const found = KPIS.find((k) => k.id === id);
  if (!found) throw new FigureNameError(`${component} kpi="${id}": no such KPI. Valid: ${KPIS.map((k) => k.id).join(', ')}`, { prop: 'kpi', value: id, kind: 'kpi', scope: 'src/lib/guides/kpis.ts', choices: KPIS.map((k) => ({ id: k.id, label: k.name })) });
  return found;
}
