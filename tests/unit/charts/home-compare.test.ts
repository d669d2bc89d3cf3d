/**
 * The home page's side-by-side comparison (src/components/home-compare.ts) against the sample
 * data: every entry resolves (a renamed question fails here, not only in a build), each figure
 * carries its base, universe, wording and source, and a site built from other data leaves out
 * the waves it does not have.
 */
import { describe, it, expect } from 'vitest';
import { COMPARE_TOPICS, comparedFigure, comparedTopics } from '../../../src/components/home-compare.ts';
import { statValue } from '../../../src/components/stat.ts';

describe('home comparison', () => {
  it('computes every entry of every topic from the sample data, with its base and provenance', () => {
    for (const topic of COMPARE_TOPICS) {
      expect(new Set(topic.entries.map((e) => e.survey)).size, topic.id).toBeGreaterThanOrEqual(2);
      for (const e of topic.entries) {
        const f = comparedFigure(e);
        const { measure: _measure, ...request } = e;
        expect(f.value).toBe(statValue(request).text);
        expect(f.base).toMatch(/^n=[\d,]+$/);
        expect(f.universe.length).toBeGreaterThan(0);
        expect(f.wording.length).toBeGreaterThan(0);
        expect(f.citation.length).toBeGreaterThan(10);
        expect(f.publisher.length).toBeGreaterThan(0);
        expect(/\d/.test(e.measure), `${topic.id}/${e.survey}: a measure names no number`).toBe(false);
      }
    }
  });
  it('keeps only the waves the data folder has, and a topic only with two surveys left', () => {
    const topics = comparedTopics([
      { id: 't', title: 'T', caveat: '', entries: [{ survey: 'jcsa', wave: '2025', q: 'cs_effect', net: 'effective', measure: 'a' }, { survey: 'nowhere', wave: '2099', q: 'x', option: 1, measure: 'b' }] },
      { id: 'u', title: 'U', caveat: '', entries: [{ survey: 'jcsa', wave: '2025', q: 'cs_effect', net: 'effective', measure: 'a' }, { survey: 'virtualex', wave: '2023', q: 'cs_effect_felt', option: 1, measure: 'b' }] },
    ]);
    expect(topics.map((t) => t.id)).toEqual(['u']);
    expect(topics[0].figures.map((f) => f.survey)).toEqual(['jcsa', 'virtualex']);
  });
});
