import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeEnterpriseFeedback } from '../../../shared/domain/assessment-feedback';
import {
  excellentQuota,
  MAX_BASE_BASIS_POINTS,
  parseBasePercent,
} from '../../../shared/domain/excellent-quota';

const unit = fc.record({
  others: fc.integer({ min: 0, max: 2_000 }),
  seconded: fc.integer({ min: 0, max: 2_000 }),
  baseBasisPoints: fc.integer({ min: 0, max: MAX_BASE_BASIS_POINTS }),
});

const quotaOf = (others: number, seconded: number, baseBasisPoints: number) =>
  excellentQuota({ cadres: others + seconded, secondedCadres: seconded, baseBasisPoints }).quota;

describe('the excellent quota', () => {
  it('gives seconded cadres 5 points more and rounds the total down, explaining the sum', () => {
    // Prepare: 18 non-seconded and 2 seconded cadres at 15 %.
    // Act
    const row = excellentQuota({ cadres: 20, secondedCadres: 2, baseBasisPoints: 1_500 });
    // Assess: 0.15 × 18 + 0.20 × 2 = 2.7 + 0.4 = 3.1 → 3
    expect(row).toEqual({
      cadres: 20,
      secondedCadres: 2,
      baseRatio: 0.15,
      secondedRatio: 0.2,
      quota: 3,
      explanation: '15% × 18 non-seconded + 20% × 2 seconded = 3.1 → 3 (the total rounded down)',
    });
  });

  it('rounds once, so seconding one of 7 cadres keeps the quota (per-group flooring would drop it to 0)', () => {
    expect(excellentQuota({ cadres: 7, secondedCadres: 0, baseBasisPoints: 1_500 }).quota).toBe(1);
    expect(excellentQuota({ cadres: 7, secondedCadres: 1, baseBasisPoints: 1_500 }).quota).toBe(1);
  });

  it('is 0 for an empty unit and reads more seconded than cadres as all of them', () => {
    expect(excellentQuota({ cadres: 0, secondedCadres: 0, baseBasisPoints: 1_500 }).quota).toBe(0);
    const capped = excellentQuota({ cadres: 10, secondedCadres: 12, baseBasisPoints: 1_500 });
    expect(capped).toMatchObject({ secondedCadres: 10, quota: 2 });
  });

  it('refuses a base ratio outside 0–95 %', () => {
    expect(() => excellentQuota({ cadres: 5, secondedCadres: 0, baseBasisPoints: 9_600 })).toThrow(
      RangeError,
    );
    expect(() => excellentQuota({ cadres: 5, secondedCadres: 0, baseBasisPoints: -1 })).toThrow(RangeError);
    expect(() => excellentQuota({ cadres: 5, secondedCadres: 0, baseBasisPoints: 15.5 })).toThrow(RangeError);
  });

  it('never exceeds the cadres and is never negative', () => {
    fc.assert(
      fc.property(unit, ({ others, seconded, baseBasisPoints }) => {
        const quota = quotaOf(others, seconded, baseBasisPoints);
        expect(quota).toBeGreaterThanOrEqual(0);
        expect(quota).toBeLessThanOrEqual(others + seconded);
      }),
    );
  });

  it('is never lowered by seconding one more of the same cadres', () => {
    fc.assert(
      fc.property(unit, ({ others, seconded, baseBasisPoints }) => {
        fc.pre(others > 0);
        expect(quotaOf(others - 1, seconded + 1, baseBasisPoints)).toBeGreaterThanOrEqual(
          quotaOf(others, seconded, baseBasisPoints),
        );
      }),
    );
  });

  it('is never lowered by one more seconded cadre joining the unit, nor by a higher base ratio', () => {
    fc.assert(
      fc.property(unit, ({ others, seconded, baseBasisPoints }) => {
        const quota = quotaOf(others, seconded, baseBasisPoints);
        expect(quotaOf(others, seconded + 1, baseBasisPoints)).toBeGreaterThanOrEqual(quota);
        fc.pre(baseBasisPoints < MAX_BASE_BASIS_POINTS);
        expect(quotaOf(others, seconded, baseBasisPoints + 1)).toBeGreaterThanOrEqual(quota);
      }),
    );
  });

  it('never gives less than the base ratio alone, nor more than the seconded ratio for everyone', () => {
    fc.assert(
      fc.property(unit, ({ others, seconded, baseBasisPoints }) => {
        const cadres = others + seconded;
        const quota = quotaOf(others, seconded, baseBasisPoints);
        expect(quota).toBeGreaterThanOrEqual(Math.floor((baseBasisPoints * cadres) / 10_000));
        expect(quota).toBeLessThanOrEqual(Math.floor(((baseBasisPoints + 500) * cadres) / 10_000));
      }),
    );
  });
});

describe('the base ratio setting', () => {
  it('defaults to 15 % and takes a percentage with up to two decimals', () => {
    expect(parseBasePercent(undefined)).toBe(1_500);
    expect(parseBasePercent('')).toBe(1_500);
    expect(parseBasePercent('20')).toBe(2_000);
    expect(parseBasePercent('12.5')).toBe(1_250);
    expect(parseBasePercent('0')).toBe(0);
  });

  it('refuses what is not a percentage from 0 to 95', () => {
    for (const raw of ['96', '100', '-1', '15%', '0.15.1', 'abc', '12.345']) {
      expect(() => parseBasePercent(raw), raw).toThrow();
    }
  });
});

describe('enterprise feedback of an assessment', () => {
  it('counts services and funds, averages the evaluations and counts the coordinated issues', () => {
    const feedback = composeEnterpriseFeedback({
      services: [{ fundsFen: 100 }, {}, { fundsFen: 250 }],
      evaluations: [{ fitScore: 5, serviceScore: 4 }],
      issues: [
        { id: 'a', status: 'closed', closure: 'satisfied' },
        { id: 'b', status: 'closed', closure: 'no_response' },
        { id: 'c', status: 'assigned' },
      ],
    });
    expect(feedback).toEqual({
      serviceEntries: 3,
      fundsFen: 350,
      evaluations: 1,
      averageFitScore: 5,
      averageServiceScore: 4,
      issuesCoordinated: { count: 3, closed: 2, satisfied: 1, issueIds: ['a', 'b', 'c'] },
    });
  });

  it('reports no average when the enterprise has not evaluated', () => {
    const feedback = composeEnterpriseFeedback({ services: [], evaluations: [], issues: [] });
    expect(feedback.averageFitScore).toBeNull();
    expect(feedback.averageServiceScore).toBeNull();
  });
});
