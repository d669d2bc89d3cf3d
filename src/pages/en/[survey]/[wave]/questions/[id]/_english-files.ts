/**
 * (Underscore: not a route.) The English download files of a question page: the same segments
 * and trends as the Japanese files, relabelled, with English headers and provenance; each cites
 * the English question page.
 */
import { allWaves, questionTrends, resolveChart, figureFiles } from '../../../../../../components/figure-data.ts';
import { localChart } from '../../../../../../components/figure-lang.ts';
import { publicQuestions } from '../../../../../../components/report-data.ts';
import type { SegmentProps } from '../../../../../[survey]/[wave]/questions/[id]/_segment-paths.ts';
import { codebookLabels } from '../../../../../../lib/i18n/labels.ts';
import { ui } from '../../../../../../lib/i18n/ui.ts';
import { siteLink } from '../../../../../../lib/site-url.ts';

/** The CSV and SVG of one English download file (`file` is the file's own path). */
export function englishFiles(params: Record<string, string>, props: SegmentProps, file: string, site: URL | undefined): { readonly csv: string; readonly svg: string } {
  const t = ui('en');
  // The English question page the file sits next to: absolute under the configured site address, else its path (src/lib/site-url.ts).
  const page = siteLink(file.replace(/[^/]*$/, ''), site);
  const wave = allWaves().find((w) => w.survey === params.survey && w.wave === params.wave);
  if (!wave) throw new Error(`no wave ${params.survey}/${params.wave}`);
  const labels = codebookLabels(wave.codebook, 'en');
  if ('trend' in props) {
    const q = publicQuestions(wave).find((x) => x.id === props.trend.question);
    const found = q ? questionTrends(wave, q).find((x) => x.file === props.trend.file) : undefined;
    if (!found) throw new Error(`${params.survey}/${params.wave}: no trend file ${props.trend.question}/${props.trend.file}`);
    const title = t.qualified(labels.variable(found.resolved.info.id), `${t.trend}, ${localChart(found.resolved, 'en').universeLabel}`);
    return figureFiles(found.resolved, title, page, 'en');
  }
  const r = resolveChart({ survey: params.survey, wave: params.wave, q: params.id, by: props.seg.by, universe: props.seg.universe, view: 'protected' });
  return figureFiles(r, localChart(r, 'en').title, page, 'en');
}
