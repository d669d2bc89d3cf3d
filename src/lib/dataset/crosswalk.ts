/**
 * Checks that span waves of one survey: the codebook sits in folders named after its survey id
 * and wave, and crosswalk targets resolve (the earlier wave, its questions, mapped option codes).
 */
import type { Codebook } from './codebook.ts';
import type { Problem } from './types.ts';
import { yamlLine } from './codebook-read.ts';
import { closestField, didYouMean, entryName, formatPath } from './schema-errors.ts';
import type { Path } from './schema-errors.ts';
import { crosswalkQuestion, linkableIds } from './crosswalk-link.ts';

export { crosswalkQuestion } from './crosswalk-link.ts';

export interface WaveCodebook {
  /** Path of codebook.yaml, and its text (for line numbers). */
  file: string;
  text: string;
  /** Survey and wave folder names. */
  survey: string;
  wave: string;
  codebook: Codebook;
}

export function checkAcrossWaves(waves: WaveCodebook[]): Problem[] {
  const problems: Problem[] = [];
  const byKey = new Map(waves.map((w) => [`${w.survey}/${w.wave}`, w.codebook]));
  for (const w of waves) {
    const add = (path: Path, problem: Omit<Problem, 'file' | 'column' | 'line'>) => {
      const line = yamlLine(w.text, path);
      const entry = entryName(w.codebook, path);
      problems.push({ file: w.file, ...(line !== undefined ? { line } : {}), column: formatPath(path), ...(entry !== undefined ? { entry } : {}), ...problem });
    };
    const { survey, crosswalk } = w.codebook;
    if (survey.id !== w.survey) add(['survey', 'id'], { value: survey.id, rule: 'wave-folder', message: 'differs from the survey folder name', expected: w.survey });
    if (survey.wave !== w.wave) add(['survey', 'wave'], { value: survey.wave, rule: 'wave-folder', message: 'differs from the wave folder name', expected: w.wave });
    if (!crosswalk) continue;
    const previous = byKey.get(`${w.survey}/${crosswalk.wave}`);
    if (!previous) {
      const known = waves.filter((o) => o.survey === w.survey && o !== w).map((o) => o.wave);
      add(['crosswalk', 'wave'], { value: crosswalk.wave, rule: 'crosswalk-target', message: `is not a wave of survey ${w.survey}`, expected: known.length ? `one of ${known.join(', ')}` : `a folder ${w.survey}/${crosswalk.wave}/ beside this wave` });
      continue;
    }
    const questions = new Map(previous.questions.map((q) => [q.id, q]));
    let ids: string[] | undefined;
    const linkable = () => (ids ??= linkableIds(previous));
    crosswalk.questions.forEach((entry, i) => {
      const target = entry.previous ?? entry.question;
      const q = crosswalkQuestion(questions, target);
      const at: Path = ['crosswalk', 'questions', i];
      if (!q) {
        add([...at, entry.previous ? 'previous' : 'question'], { value: target, rule: 'crosswalk-target', message: `is not a question of wave ${crosswalk.wave}${didYouMean(closestField(target, linkable()))}`, expected: `a question id of ${w.survey}/${crosswalk.wave}/codebook.yaml` });
        return;
      }
      const codes = 'options' in q ? q.options.map((o) => o.code) : [];
      for (const [from, to] of Object.entries(entry.options ?? {}))
        if (!codes.includes(to)) add([...at, 'options', from], { value: String(to), rule: 'crosswalk-target', message: `is not an option of ${target} in wave ${crosswalk.wave}`, expected: codes.length ? `one of ${codes.join(', ')}` : 'no option mapping' });
    });
  }
  return problems;
}
