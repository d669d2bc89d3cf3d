/**
 * Publication fails closed (src/lib/dataset/publication.ts): a derived variable or universe that
 * reads restricted data — directly or through other derived variables and universes — is
 * restricted; marking it public is a located error naming both variables; left out, its
 * publication is inferred.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readCodebook } from '../../../src/lib/dataset/codebook-read.ts';
import { formatProblems } from '../../../src/lib/dataset/problem.ts';
import { describeRestriction, publicationOf } from '../../../src/lib/dataset/publication.ts';
import { Codebook } from '../../../src/lib/dataset/codebook.ts';
import { publicCodebook, publicUniverseIds } from '../../../src/lib/publicuse/publicity.ts';

const valid = () => readFileSync('tests/fixtures/dataset/valid/sample/2025/codebook.yaml', 'utf8');

function once(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, `one "${from}"`).toBe(1);
  return text.replace(from, to);
}
/** sector restricted (and its headline, which would be an error of its own, left out). */
const restrictSector = (text: string) => once(once(text, '    label: 業種\n', '    label: 業種\n    publication: restricted\n'), '  - { q: sector, option: 1, label: SaaS企業の割合 }\n', '');
const restrictEmployees = (text: string) => once(text, '    integer: true\n', '    integer: true\n    publication: restricted\n');
/** A second derived variable reading the first one. */
const addDerivedOnSize = (text: string, publication = '') =>
  once(text, 'universes:\n', `  - id: big_saas\n    label: 大規模SaaS\n    options: [{ code: 1, label: 該当 }]\n    rules: [{ code: 1, when: { all: [{ q: size, in: [2] }, { q: sector, in: [1] }] } }]\n${publication}universes:\n`);

function problems(text: string): string[] {
  const r = readCodebook(text, 'c.yaml');
  return r.ok ? [] : formatProblems(r.problems, 'en');
}

describe('publication of derived variables', () => {
  it('is inferred: public when every input is public', () => {
    const r = readCodebook(valid(), 'c.yaml');
    expect(r.ok && r.value.derived.map((d) => [d.id, d.publication])).toEqual([['size', 'public']]);
  });

  it('is inferred: restricted when an input is restricted, also through another derived variable', () => {
    const r = readCodebook(addDerivedOnSize(restrictEmployees(valid())), 'c.yaml');
    expect(r.ok ? r.value.derived.map((d) => [d.id, d.publication]) : formatProblems(r.problems, 'en')).toEqual([
      ['size', 'restricted'],
      ['big_saas', 'restricted'],
    ]);
    if (!r.ok) return;
    expect(publicCodebook(r.value).derived).toEqual([]);
    expect(publicationOf(r.value).variable('big_saas')).toEqual({ chain: [] }); // settled: marked restricted now
  });

  it('marked public while reading restricted data: an error naming both variables and the chain', () => {
    expect(problems(addDerivedOnSize(restrictEmployees(valid()), '    publication: public\n'))).toEqual([
      'c.yaml line 104, derived[1] (id: big_saas).publication: "public" is not allowed: derived variable big_saas reads size, which reads employees, which is restricted (expected publication: restricted, or no publication (a derived variable is restricted when any input is))',
    ]);
  });

  it('marked restricted stays restricted even on public inputs', () => {
    const r = readCodebook(once(valid(), '    otherwise: 2\n', '    otherwise: 2\n    publication: restricted\n'), 'c.yaml');
    expect(r.ok && r.value.derived[0].publication).toBe('restricted');
  });

  it('a derived variable reading a restricted universe is restricted, and marking it public names the universe', () => {
    const text = once(
      restrictSector(valid()),
      '      - { code: 1, when: { q: employees, range: { max: 99 } } }\n',
      '      - { code: 1, when: { universe: saas_doing_cs } }\n',
    );
    const r = readCodebook(text, 'c.yaml');
    expect(r.ok && r.value.derived[0].publication).toBe('restricted');
    expect(problems(once(text, '    otherwise: 2\n', '    otherwise: 2\n    publication: public\n'))).toEqual([
      'c.yaml line 100, derived[0] (id: size).publication: "public" is not allowed: derived variable size reads universe saas_doing_cs, which reads sector, which is restricted (expected publication: restricted, or no publication (a derived variable is restricted when any input is))',
    ]);
  });
});

describe('publication of universes and filters', () => {
  it('a universe built on a restricted question is not published, through nesting too', () => {
    const r = readCodebook(restrictSector(valid()), 'c.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([...publicUniverseIds(r.value)].sort()).toEqual(['all', 'doing_cs']);
    expect(publicationOf(r.value).universe('saas_doing_cs')).toEqual({ chain: ['sector'] });
  });

  it('a headline in a restricted universe is an error', () => {
    const text = once(
      restrictSector(valid()),
      '{ q: cs_team, option: 1, label',
      '{ q: cs_team, option: 1, universe: saas_doing_cs, label',
    );
    expect(problems(text)).toEqual([
      'c.yaml line 119, headlines[0] (q: cs_team).universe: "saas_doing_cs" reads sector, which is restricted: a published figure would reveal it (expected a universe defined on public variables only)',
    ]);
  });

  it('a public grid row routed by a restricted universe is an error', () => {
    const text = once(
      restrictSector(valid()),
      '      - { id: health, label: ヘルススコア }\n',
      '      - { id: health, label: ヘルススコア, universe: saas_doing_cs }\n',
    );
    expect(problems(text)).toEqual([
      'c.yaml line 82, questions[6] (id: measures).rows[1].universe: "saas_doing_cs" reads sector, which is restricted: the base of a public question would reveal it (expected a universe defined on public variables only, or publication: restricted on this question)',
    ]);
  });

  it('unknown names are reported as unknown, not as leaks', () => {
    expect(problems(once(valid(), 'filter: { q: cs_team, in: [1] }', 'filter: { q: cs_teem, in: [1] }'))).toEqual([
      'c.yaml line 102, universes[0] (id: doing_cs).filter.q: "cs_teem" is not a question, grid row (question__row) or derived variable of this codebook — did you mean "cs_team"? (expected an id declared under questions: or derived:)',
    ]);
  });
});

describe('publicationOf on a small codebook', () => {
  function codebook(): Codebook {
    const opts = (...codes: number[]) => codes.map((code) => ({ code, label: `o${code}` }));
    return Codebook.parse({
      survey: { id: 's', wave: '1', title: 't', publisher: 'p', fieldwork: { start: '2025-01-01', end: '2025-01-02' }, method: 'm', population: 'p', n: 5, citation: 'c', licence: 'l' },
      questions: [
        { id: 'open', text: 't', label: 'l', type: 'single', options: opts(1, 2) },
        { id: 'secret', text: 't', label: 'l', type: 'single', publication: 'restricted', options: opts(1, 2) },
        { id: 'g', text: 't', label: 'l', type: 'grid', rows: [{ id: 'a', label: 'l' }, { id: 'b', label: 'l', universe: 'by_secret' }], options: opts(1, 2) },
      ],
      universes: [
        { id: 'any_secret', label: 'l', filter: { any: [{ q: 'open', in: [1] }, { q: 'secret', in: [1] }] } },
        { id: 'not_secret', label: 'l', filter: { not: { q: 'secret', in: [1] } } },
        { id: 'by_secret', label: 'l', filter: { q: 'secret', in: [2] } },
        { id: 'open_only', label: 'l', filter: { any: [{ q: 'open', in: [1] }, { not: { q: 'g__a', in: [1] } }] } },
      ],
    });
  }
  it('every condition of any and not is read', () => {
    const p = publicationOf(codebook());
    expect(p.universe('any_secret')).toEqual({ chain: ['secret'] });
    expect(p.universe('not_secret')).toEqual({ chain: ['secret'] });
    expect(p.universe('open_only')).toBeNull();
    expect(p.universe('all')).toBeNull();
  });
  it('a grid row is routed by its own universe; the whole grid by every row universe', () => {
    const p = publicationOf(codebook());
    expect(p.variable('g__a')).toBeNull();
    expect(p.variable('g__b')).toEqual({ chain: ['universe by_secret', 'secret'] });
    expect(p.variable('g')).toEqual({ chain: ['universe by_secret', 'secret'] });
    expect(p.variable('secret')).toEqual({ chain: [] });
  });
  it('unknown names are restricted as unknown, with nothing read on the way', () => {
    const p = publicationOf(codebook());
    expect(p.variable('nope')).toEqual({ chain: [], unknown: true });
    expect(p.variable('g__c')).toEqual({ chain: [], unknown: true });
    expect(p.universe('nope')).toEqual({ chain: [], unknown: true });
  });
  it('describeRestriction: the thing itself, or the chain read to it', () => {
    expect(describeRestriction({ chain: [] })).toBe('is restricted');
    expect(describeRestriction({ chain: ['universe rich', 'revenue_exact'] })).toBe('reads universe rich, which reads revenue_exact, which is restricted');
  });
});
