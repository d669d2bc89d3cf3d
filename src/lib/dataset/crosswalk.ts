/**
 * Crosswalk targets across waves of one survey: the earlier wave exists, its questions exist,
 * mapped option codes exist there.
 */
import type { Codebook } from './codebook.ts';
import type { Problem } from './types.ts';

export function checkCrosswalks(waves: { file: string; codebook: Codebook }[]): Problem[] {
  const problems: Problem[] = [];
  const byKey = new Map(waves.map((w) => [`${w.codebook.survey.id}/${w.codebook.survey.wave}`, w.codebook]));
  for (const { file, codebook } of waves) {
    const crosswalk = codebook.crosswalk;
    if (!crosswalk) continue;
    const previous = byKey.get(`${codebook.survey.id}/${crosswalk.wave}`);
    if (!previous) {
      const known = waves.filter((w) => w.codebook.survey.id === codebook.survey.id && w.codebook !== codebook).map((w) => w.codebook.survey.wave);
      problems.push({ file, column: 'crosswalk.wave', value: crosswalk.wave, rule: 'crosswalk-target', message: `is not a wave of survey ${codebook.survey.id}`, expected: known.length ? `one of ${known.join(', ')}` : `a folder data/${codebook.survey.id}/${crosswalk.wave}/` });
      continue;
    }
    const questions = new Map(previous.questions.map((q) => [q.id, q]));
    crosswalk.questions.forEach((entry, i) => {
      const target = entry.previous ?? entry.question;
      const q = questions.get(target);
      const column = `crosswalk.questions[${i}]`;
      if (!q) {
        problems.push({ file, column: `${column}.${entry.previous ? 'previous' : 'question'}`, value: target, rule: 'crosswalk-target', message: `is not a question of wave ${crosswalk.wave}`, expected: `a question id of data/${codebook.survey.id}/${crosswalk.wave}/codebook.yaml` });
        return;
      }
      const codes = new Set('options' in q ? q.options.map((o) => o.code) : []);
      for (const [from, to] of Object.entries(entry.options ?? {}))
        if (!codes.has(to)) problems.push({ file, column: `${column}.options.${from}`, value: String(to), rule: 'crosswalk-target', message: `is not an option of ${target} in wave ${crosswalk.wave}`, expected: codes.size ? `one of ${[...codes].join(', ')}` : 'no option mapping' });
    });
  }
  return problems;
}
