/**
 * crosswalkLink: how a question of a later wave continues in the earlier one (README
 * "Crosswalks"): an entry of the crosswalk to that wave is followed as it says; else the same id
 * links when the earlier wave has it, unless the crosswalk lists it under `breaks`.
 */
import { describe, expect, it } from 'vitest';
import { crosswalkLink, crosswalkQuestion, linkableIds } from '../../../src/lib/dataset/crosswalk-link.ts';
import type { Codebook } from '../../../src/lib/dataset/codebook.ts';

type Walk = { wave: string; questions?: Array<{ question: string; previous?: string; options?: Record<string, number> }>; breaks?: string[] };

/** Only the fields crosswalkLink reads. */
function codebook(wave: string, ids: string[], extra: { grids?: Record<string, string[]>; derived?: string[]; crosswalk?: Walk } = {}): Codebook {
  const questions = [...ids.map((id) => ({ id, type: 'single' })), ...Object.entries(extra.grids ?? {}).map(([id, rows]) => ({ id, type: 'grid', rows: rows.map((r) => ({ id: r })) }))];
  return { survey: { wave }, questions, derived: (extra.derived ?? []).map((id) => ({ id })), ...(extra.crosswalk ? { crosswalk: { questions: [], ...extra.crosswalk } } : {}) } as unknown as Codebook;
}

describe('crosswalkLink', () => {
  it('links the same id by default, and nothing when the earlier wave does not have it', () => {
    const earlier = codebook('2024', ['a', 'b'], { derived: ['d1', 'd2'], grids: { g: ['r1', 'r2'] } });
    const later = codebook('2025', ['a', 'c'], { derived: ['d2'], grids: { g: ['r1', 'r3'] } });
    expect(crosswalkLink(later, earlier, 'a')).toStrictEqual({ previous: 'a' });
    expect(crosswalkLink(later, earlier, 'c')).toBeNull();
    // A derived variable (one of several) and a grid row the earlier wave has; a row it does not.
    expect(crosswalkLink(later, earlier, 'd2')).toStrictEqual({ previous: 'd2' });
    expect(crosswalkLink(later, earlier, 'g__r1')).toStrictEqual({ previous: 'g__r1' });
    expect(crosswalkLink(later, earlier, 'g__r3')).toBeNull();
  });

  it('follows an entry of the crosswalk to the earlier wave: a rename, a recode, or both', () => {
    const earlier = codebook('2024', ['old_a', 'b', 'c']);
    const later = codebook('2025', ['a', 'b', 'c'], { crosswalk: { wave: '2024', questions: [{ question: 'a', previous: 'old_a', options: { '1': 2, '2': 1 } }, { question: 'b', options: { '5': 4 } }, { question: 'c', previous: 'b' }] } });
    expect(crosswalkLink(later, earlier, 'a')).toStrictEqual({ previous: 'old_a', options: { '1': 2, '2': 1 } });
    expect(crosswalkLink(later, earlier, 'b')).toStrictEqual({ previous: 'b', options: { '5': 4 } });
    expect(crosswalkLink(later, earlier, 'c')).toStrictEqual({ previous: 'b' });
  });

  it('ignores a crosswalk to another wave', () => {
    const earlier = codebook('2023', ['a', 'old_a']);
    const later = codebook('2025', ['a'], { crosswalk: { wave: '2024', questions: [{ question: 'a', previous: 'old_a' }], breaks: ['a'] } });
    expect(crosswalkLink(later, earlier, 'a')).toStrictEqual({ previous: 'a' });
  });

  it('links a grid row through its grid entry, unless the row has an entry of its own', () => {
    const earlier = codebook('2024', [], { grids: { old_g: ['r1', 'r2'], g: ['r1'] } });
    const renamed = codebook('2025', [], { grids: { g: ['r1', 'r2'] }, crosswalk: { wave: '2024', questions: [{ question: 'g', previous: 'old_g', options: { '3': 1 } }, { question: 'g__r2', previous: 'old_g__r1' }] } });
    expect(crosswalkLink(renamed, earlier, 'g__r1')).toStrictEqual({ previous: 'old_g__r1', options: { '3': 1 } });
    expect(crosswalkLink(renamed, earlier, 'g__r2')).toStrictEqual({ previous: 'old_g__r1' });
    const recoded = codebook('2025', [], { grids: { g: ['r1'] }, crosswalk: { wave: '2024', questions: [{ question: 'g' }] } });
    expect(crosswalkLink(recoded, earlier, 'g__r1')).toStrictEqual({ previous: 'g__r1' });
  });

  it('a grid row follows its own grid\'s entry, never another question\'s', () => {
    const earlier = codebook('2024', ['old_a'], { grids: { old_g: ['r1'], h: ['r1'] } });
    const later = codebook('2025', ['a'], { grids: { g: ['r1'], h: ['r1'] }, crosswalk: { wave: '2024', questions: [{ question: 'a', previous: 'old_a' }, { question: 'g', previous: 'old_g' }] } });
    expect(crosswalkLink(later, earlier, 'g__r1')).toStrictEqual({ previous: 'old_g__r1' });
    expect(crosswalkLink(later, earlier, 'h__r1')).toStrictEqual({ previous: 'h__r1' });
  });

  it('breaks a question, or every row of a grid, that the crosswalk lists under breaks', () => {
    const earlier = codebook('2024', ['a', 'b'], { grids: { g: ['r1'] } });
    const later = codebook('2025', ['a', 'b'], { grids: { g: ['r1'] }, crosswalk: { wave: '2024', breaks: ['a', 'g'] } });
    expect(crosswalkLink(later, earlier, 'a')).toBeNull();
    expect(crosswalkLink(later, earlier, 'g__r1')).toBeNull();
    expect(crosswalkLink(later, earlier, 'b')).toStrictEqual({ previous: 'b' });
    const rowOnly = codebook('2025', [], { grids: { g: ['r1'] }, crosswalk: { wave: '2024', breaks: ['g__r1'] } });
    expect(crosswalkLink(rowOnly, earlier, 'g__r1')).toBeNull();
  });
});

describe('crosswalkQuestion and linkableIds', () => {
  it('find a question or a grid row, and nothing deeper', () => {
    const cb = codebook('2025', ['a'], { grids: { g: ['r1', 'r2'] } });
    const byId = new Map(cb.questions.map((q) => [q.id, q]));
    expect(crosswalkQuestion(byId, 'a')?.id).toBe('a');
    expect(crosswalkQuestion(byId, 'g__r2')?.id).toBe('g');
    expect(crosswalkQuestion(byId, 'g__r9')).toBeUndefined();
    expect(crosswalkQuestion(byId, 'g__r1__x')).toBeUndefined();
    expect(crosswalkQuestion(byId, 'a__r1')).toBeUndefined();
    expect(linkableIds(cb)).toEqual(['a', 'g', 'g__r1', 'g__r2']);
  });
});
