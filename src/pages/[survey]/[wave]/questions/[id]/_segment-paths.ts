/** (Underscore: not a route.) Static paths shared by a question's per-segment files (`<segment>.csv`, `<segment>.svg`). */
import { allWaves, segmentsFor } from '../../../../../components/figure-data.ts';
import { publicQuestions } from '../../../../../components/report-data.ts';

/** The segment a per-segment file is drawn for: its universe and banner (null = total). */
export interface SegmentProps {
  seg: { universe: string; by: string | null };
}

/** One path per public question × segment of every wave with microdata. */
export function segmentPaths() {
  return allWaves()
    .filter((w) => w.dataset)
    .flatMap((w) => publicQuestions(w).flatMap((q) => segmentsFor(w, q.id).map((seg) => ({ params: { survey: w.survey, wave: w.wave, id: q.id, segment: seg.slug }, props: { seg } }))));
}
