/**
 * Issue 11, finding 4: a derived variable's base is the universe its rules imply (or the one the
 * codebook declares), not everyone — virtualex `effect_group` showed 27.6 % of 1,000 with 50 %
 * 無回答 instead of 55.2 % of the 500 asked.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readCodebook } from '../../../src/lib/dataset/codebook-read.ts';
import { derivedUniverses, resolveDerivedUniverses } from '../../../src/lib/dataset/derived-universe.ts';
import { Codebook as CodebookSchema } from '../../../src/lib/dataset/codebook.ts';
import type { Codebook, Derived, Filter } from '../../../src/lib/dataset/codebook.ts';
import { loadCatalog } from '../../../src/server/catalog.ts';
import { crosstab } from '../../../src/lib/stats/crosstab.ts';

const text = readFileSync('tests/fixtures/dataset/valid/sample/2025/codebook.yaml', 'utf8');

function fixture(): Codebook {
  const r = readCodebook(text, 'codebook.yaml');
  if (!r.ok) throw new Error('fixture invalid');
  return r.value;
}

/** The fixture with one derived variable `d` (two codes) made of these rules. */
function implied(rules: Filter[], extra: Partial<Derived> = {}, more: Derived[] = []): string {
  const cb = fixture();
  const d: Derived = { id: 'd', label: 'd', options: [{ code: 1, label: 'a' }, { code: 2, label: 'b' }], rules: rules.map((when, i) => ({ code: (i % 2) + 1, when })), ...extra };
  return derivedUniverses({ ...cb, derived: [...cb.derived.map(({ universe: _u, ...x }) => x), ...more, d] }).get('d')!;
}

describe('the universe of a derived variable', () => {
  // cs_effect and the grid measures are asked of doing_cs; sector and cs_team of everyone.
  it('is implied by answer conditions on variables of one universe', () => {
    expect(implied([{ q: 'cs_effect', in: [1, 2] }, { q: 'cs_effect', in: [3, 4] }])).toBe('doing_cs');
    expect(implied([{ q: 'measures', includesAny: [1] }, { q: 'cs_effect', answered: true }])).toBe('doing_cs');
    expect(implied([{ all: [{ q: 'sector', in: [1] }, { q: 'cs_effect', in: [1] }] }, { universe: 'doing_cs' }])).toBe('doing_cs');
    expect(implied([{ any: [{ q: 'cs_effect', in: [1] }, { q: 'measures', includesAll: [1, 2] }] }])).toBe('doing_cs');
  });

  it('is everyone when a rule can match outside it, there is an otherwise, or several universes remain', () => {
    expect(implied([{ q: 'cs_effect', in: [1] }, { q: 'sector', in: [2] }])).toBe('all');
    expect(implied([{ q: 'cs_effect', in: [1] }], { otherwise: 2 })).toBe('all');
    expect(implied([{ not: { q: 'cs_effect', in: [1] } }])).toBe('all');
    expect(implied([{ q: 'cs_effect', answered: false }])).toBe('all');
    expect(implied([{ any: [{ q: 'cs_effect', in: [1] }, { q: 'sector', in: [1] }] }])).toBe('all');
    expect(implied([{ all: [{ universe: 'saas_doing_cs' }, { q: 'cs_effect', in: [1] }] }])).toBe('all'); // two universes: the codebook must say
  });

  it('follows derived variables built on derived variables, and a declared universe wins', () => {
    const inner: Derived = { id: 'inner', label: 'i', options: [{ code: 1, label: 'a' }], rules: [{ code: 1, when: { q: 'cs_effect', in: [1] } }] };
    expect(implied([{ q: 'inner', in: [1] }], {}, [inner])).toBe('doing_cs');
    expect(implied([{ q: 'sector', in: [1] }], { universe: 'saas_doing_cs' })).toBe('saas_doing_cs');
  });

  it('a declared universe that does not exist is a located validation error', () => {
    const bad = text.replace("      - { code: 1, when: { q: employees, range: { max: 99 } } }\n    otherwise: 2", "      - { code: 1, when: { q: employees, range: { max: 99 } } }\n    otherwise: 2\n    universe: doing_cx");
    expect(bad).not.toBe(text);
    const r = readCodebook(bad, 'codebook.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([expect.objectContaining({ rule: 'unknown-universe', column: 'derived[0].universe', value: 'doing_cx', line: 99 })]);
  });

  it('virtualex effect_group is tabulated on the 500 asked: 55.2 % feel an effect, nobody is 無回答', () => {
    const wave = loadCatalog().get('virtualex', '2023')!;
    const t = crosstab(wave.dataset!, { question: 'effect_group' });
    expect(t.columns[0].n).toBe(500);
    expect(t.rows.find((r) => r.kind === 'option' && r.label === '効果を感じている')!.cells[0].proportion).toBeCloseTo(276 / 500, 12);
    expect(t.rows.filter((r) => r.kind !== 'option' && r.cells[0].count > 0)).toEqual([]);
  });
});

describe('derivedUniverses on a small codebook', () => {
  /** A codebook where q1 is asked of everyone, q2 of u1, grid g of u1 with row b asked of u2. */
  function small(derived: object[]): Codebook {
    const opts = [{ code: 1, label: 'a' }];
    return CodebookSchema.parse({
      survey: { id: 's', wave: '1', title: 't', publisher: 'p', fieldwork: { start: '2025-01-01', end: '2025-01-02' }, method: 'm', population: 'p', n: 1, citation: 'c', licence: 'l' },
      questions: [
        { id: 'q1', text: 't', label: 'l', type: 'single', options: opts },
        { id: 'q2', text: 't', label: 'l', type: 'single', universe: 'u1', options: opts },
        { id: 'g', text: 't', label: 'l', type: 'grid', universe: 'u1', rows: [{ id: 'a', label: 'l' }, { id: 'b', label: 'l', universe: 'u2' }], options: opts },
      ],
      universes: [
        { id: 'u1', label: 'l', filter: { q: 'q1', in: [1] } },
        { id: 'u2', label: 'l', filter: { q: 'q2', in: [1] } },
      ],
      derived,
    });
  }
  const d = (id: string, ...when: Filter[]) => ({ id, label: 'l', options: [{ code: 1, label: 'a' }], rules: when.map((w) => ({ code: 1, when: w })) });

  it('a grid row asked of its own universe implies that universe; another row the grid universe', () => {
    expect(Object.fromEntries(derivedUniverses(small([d('x', { q: 'g__b', in: [1] }), d('y', { q: 'g__a', in: [1] }), d('z', { q: 'q1', in: [1] })])))).toEqual({ x: 'u2', y: 'u1', z: 'all' });
  });
  it('a row suffix on a question that is no grid is read as the question (validation reports the name)', () => {
    expect(derivedUniverses(small([d('x', { q: 'q2__b', in: [1] })])).get('x')).toBe('u1');
  });
  it('universe all implies nothing, so it does not hide the universe another condition implies', () => {
    expect(derivedUniverses(small([d('x', { all: [{ universe: 'all' }, { q: 'q2', in: [1] }] })])).get('x')).toBe('u1');
    expect(derivedUniverses(small([d('x', { universe: 'all' })])).get('x')).toBe('all');
  });
  it('an unknown variable implies nothing; derived variables in a circle fall back to all', () => {
    expect(derivedUniverses(small([d('x', { q: 'nope', answered: true })])).get('x')).toBe('all');
    expect(Object.fromEntries(derivedUniverses(small([d('x', { q: 'y', in: [1] }), d('y', { all: [{ q: 'x', in: [1] }, { q: 'q2', in: [1] }] })])))).toEqual({ x: 'u1', y: 'u1' });
  });
  it('resolveDerivedUniverses writes the universe into each derived variable and keeps the rest', () => {
    const cb = small([d('x', { q: 'q2', in: [1] }), { ...d('y', { q: 'q2', in: [1] }), universe: 'u2' }]);
    const resolved = resolveDerivedUniverses(cb);
    expect(resolved.derived.map((v) => [v.id, v.universe])).toEqual([
      ['x', 'u1'],
      ['y', 'u2'],
    ]);
    expect(resolved.questions).toBe(cb.questions);
    expect(cb.derived[0].universe).toBeUndefined();
  });
});
