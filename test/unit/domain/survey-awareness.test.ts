import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumSurveys, surveyAwarenessOf, surveyedAwareness } from '../../../shared/domain/policy-awareness';

describe("the questionnaire's measure of policy awareness", () => {
  it('reads v1 q14: knowing very or fairly well counts as aware, the rest not, no answer not at all', () => {
    expect(surveyedAwareness(1, { q14: 'very_well' })).toBe(true);
    expect(surveyedAwareness(1, { q14: 'fairly_well' })).toBe(true);
    expect(surveyedAwareness(1, { q14: 'somewhat' })).toBe(false);
    expect(surveyedAwareness(1, { q14: 'not_at_all' })).toBe(false);
    expect(surveyedAwareness(1, { q1: 'growing' })).toBeUndefined();
    expect(surveyedAwareness(null, {})).toBeUndefined();
    expect(surveyedAwareness(99, { q14: 'very_well' })).toBeUndefined();
  });

  it('is aware over answered, null with no answers, within 0–1 whatever the days', () => {
    expect(surveyAwarenessOf({ surveyed: 4, surveyedAware: 3 })).toEqual({
      answered: 4,
      aware: 3,
      rate: 0.75,
    });
    expect(surveyAwarenessOf({ surveyed: 0, surveyedAware: 0 }).rate).toBeNull();
    const day = fc
      .record({ aware: fc.integer({ min: 0, max: 300 }), other: fc.integer({ min: 0, max: 300 }) })
      .map(({ aware, other }) => ({ surveyed: aware + other, surveyedAware: aware }));
    fc.assert(
      fc.property(fc.array(day, { maxLength: 60 }), (days) => {
        const { rate } = surveyAwarenessOf(sumSurveys(days));
        if (rate !== null) {
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
