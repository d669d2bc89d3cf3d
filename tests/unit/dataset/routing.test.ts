/**
 * checkRouting called directly on a dataset read by readResponses (the usual path is tested in
 * responses.test.ts): what it reports for several chosen options, a text cell without a value,
 * and what it leaves to the caller's skip.
 */
import { describe, expect, it } from 'vitest';
import { Codebook } from '../../../src/lib/dataset/codebook.ts';
import { readResponses } from '../../../src/lib/dataset/responses.ts';
import { checkRouting } from '../../../src/lib/dataset/routing.ts';
import { ProblemList, formatProblem } from '../../../src/lib/dataset/problem.ts';

function dataset() {
  const opts = (...codes: number[]) => codes.map((code) => ({ code, label: `o${code}` }));
  const codebook = Codebook.parse({
    survey: { id: 's', wave: '1', title: 't', publisher: 'p', fieldwork: { start: '2025-01-01', end: '2025-01-02' }, method: 'm', population: 'p', n: 2, citation: 'c', licence: 'l' },
    questions: [
      { id: 'team', text: 't', label: 'l', type: 'single', options: opts(1, 2) },
      { id: 'memo', text: 't', label: 'l', type: 'text', universe: 'yes', optional: true },
      { id: 'tools', text: 't', label: 'l', type: 'multi', universe: 'yes', options: opts(1, 2, 3) },
    ],
    universes: [{ id: 'yes', label: 'l', filter: { q: 'team', in: [1] } }],
  });
  const problems = new ProblemList();
  const d = readResponses(codebook, 'id,team,memo,tools__1,tools__2,tools__3\na,1,x,1,0,0\nb,1,y,0,0,1\n', 'r.csv', problems);
  expect(problems.problems).toEqual([]);
  return d!;
}
const routed = (d: ReturnType<typeof dataset>, skip = () => false) => {
  const problems = new ProblemList();
  checkRouting(d, 'r.csv', problems, skip);
  return problems.problems;
};

describe('checkRouting', () => {
  it('names every option chosen outside the universe, and an answered text cell without a value as empty', () => {
    const d = dataset();
    // Respondent b moves out of the universe: the answers it gave are now outside it.
    d.universes.get('yes')![0] = 0b01;
    const tools = d.variables.get('tools')!;
    if (tools.kind === 'multi') tools.chosen[0][0] |= 0b10;
    const memo = d.variables.get('memo')!;
    if (memo.kind === 'text') memo.values[1] = null;
    const found = routed(d);
    expect(found[0]).toMatchObject({ row: 3, column: 'memo', value: '', rule: 'routing' });
    expect(found.map((p) => formatProblem(p, 'en'))).toEqual([
      'r.csv row 3, column memo: is answered, but the respondent is outside the question\'s universe "yes" (expected blank (the question was not asked))',
      'r.csv row 3, column tools__*: "chose 1, 3" is answered, but the respondent is outside the question\'s universe "yes" (expected blank (the question was not asked))',
    ]);
    expect(routed(d, () => true)).toEqual([]);
  });
});
