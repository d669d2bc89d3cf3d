/** The `ChartVariable` of a dataset variable: options with scores and bounds, neutral codes, unit. */
import type { Dataset } from '../dataset/types.ts';
import type { ChartVariable } from './types.ts';

/** Looks up a question, grid row (`q__row`) or derived variable; undefined when unknown. */
export function chartVariable(dataset: Pick<Dataset, 'variables' | 'questions'>, id: string): ChartVariable | undefined {
  const v = dataset.variables.get(id);
  if (!v || v.kind === 'text') return undefined;
  const question = dataset.questions.get(id.split('__')[0]);
  const neutral = question && question.type === 'ordinal' ? question.neutral : [];
  const unit = question && (question.type === 'banded' || question.type === 'numeric') ? question.unit : null;
  return { options: v.kind === 'numeric' ? [] : v.options, neutral, unit };
}
