/**
 * (Underscore: not a route.) Static paths shared by a question's download files (`<segment>.csv`,
 * `<segment>.svg`): one per published segment, and one per trend the question page shows
 * (`trend-<universe>[--<row>]`, written with the trend's permalink on that page).
 */
import { siteLink } from '../../../../../lib/site-url.ts';
import { allWaves, figureFiles, figureAnchor, questionTrends, segmentsFor, wavesWithCubes, type QuestionTrend } from '../../../../../components/figure-data.ts';
import { publicQuestions } from '../../../../../components/report-data.ts';

/** The segment a download file is drawn for (its universe and banner, null = total), or a trend of the question page. */
export type SegmentProps = { seg: { universe: string; by: string | null } } | { trend: { question: string; file: string } };

/** One path per public question × segment (and × trend) of every wave with microdata. */
export async function segmentPaths() {
  return (await wavesWithCubes())
    .filter((w) => w.dataset)
    .flatMap((w) =>
      publicQuestions(w).flatMap((q) => [
        ...segmentsFor(w, q.id).map((seg) => ({ params: { survey: w.survey, wave: w.wave, id: q.id, segment: seg.slug }, props: { seg } satisfies SegmentProps })),
        ...questionTrends(w, q).map((t) => ({ params: { survey: w.survey, wave: w.wave, id: q.id, segment: t.file }, props: { trend: { question: q.id, file: t.file } } satisfies SegmentProps })),
      ]),
    );
}

/** A question page's trend files (CSV and SVG), as the page's figure would write them into itself. */
export function trendFiles(survey: string, wave: string, trend: { question: string; file: string }, site: URL | undefined): { readonly csv: string; readonly svg: string } {
  const w = allWaves().find((x) => x.survey === survey && x.wave === wave);
  const q = w && publicQuestions(w).find((x) => x.id === trend.question);
  const found: QuestionTrend | undefined = w && q ? questionTrends(w, q).find((t) => t.file === trend.file) : undefined;
  if (!found) throw new Error(`${survey}/${wave}: no trend file ${trend.question}/${trend.file}`);
  return figureFiles(found.resolved, found.title, siteLink(`/${survey}/${wave}/questions/${trend.question}/#${figureAnchor(found.resolved)}`, site));
}
