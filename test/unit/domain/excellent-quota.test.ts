import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeEnterpriseFeedback } from '../../../shared/domain/assessment-feedback';
import {
  MAX_BASE_BASIS_POINTS,
  ordinaryExcellentQuota,
  parseBasePercent,
  secondedExcellentQuota,
} from '../../../shared/domain/excellent-quota';

const counts = fc.integer({ min: 0, max: 5_000 });
const base = fc.integer({ min: 0, max: MAX_BASE_BASIS_POINTS });

describe('the excellent quotas, seconded cadres listed separately (单列)', () => {
  it('gives the unit the base ratio of its non-seconded cadres and the separate list 5 points more', () => {
    // Prepare: 18 non-seconded cadres in a unit, 12 seconded cadres in the year, 15 %.
    // Act
    const ordinary = ordinaryExcellentQuota(18, 1_500);
    const seconded = secondedExcellentQuota(12, 1_500);
    // Assess: 0.15 × 18 = 2.7 → 2; 0.20 × 12 = 2.4 → 2
    expect(ordinary).toEqual({
      cadres: 18,
      ratio: 0.15,
      quota: 2,
      explanation: '15% × 18 non-seconded = 2.7 → 2 (rounded down)',
    });
    expect(seconded).toEqual({
      cadres: 12,
      ratio: 0.2,
      quota: 2,
      explanation: '20% × 12 seconded (listed separately) = 2.4 → 2 (rounded down)',
    });
  });

  it('applies the +5 points to the seconded list only', () => {
    // 10 cadres at 15 %: 1 in the ordinary list, 2 in the separate one.
    expect(ordinaryExcellentQuota(10, 1_500).quota).toBe(1);
    expect(secondedExcellentQuota(10, 1_500).quota).toBe(2);
  });

  it('refuses a base ratio outside 0–95 %', () => {
    for (const bad of [9_600, -1, 15.5]) {
      expect(() => ordinaryExcellentQuota(5, bad)).toThrow(RangeError);
      expect(() => secondedExcellentQuota(5, bad)).toThrow(RangeError);
    }
  });

  it('each list lies within 0 and its cadres, and is exactly the rounded-down share of its ratio', () => {
    fc.assert(
      fc.property(counts, base, (cadres, basisPoints) => {
        const ordinary = ordinaryExcellentQuota(cadres, basisPoints).quota;
        const seconded = secondedExcellentQuota(cadres, basisPoints).quota;
        for (const quota of [ordinary, seconded]) {
          expect(quota).toBeGreaterThanOrEqual(0);
          expect(quota).toBeLessThanOrEqual(cadres);
        }
        // quota ≤ share < quota + 1, checked in integers: quota × 10 000 ≤ ratio × cadres
        expect(ordinary * 10_000).toBeLessThanOrEqual(basisPoints * cadres);
        expect((ordinary + 1) * 10_000).toBeGreaterThan(basisPoints * cadres);
        expect(seconded * 10_000).toBeLessThanOrEqual((basisPoints + 500) * cadres);
        expect((seconded + 1) * 10_000).toBeGreaterThan((basisPoints + 500) * cadres);
      }),
    );
  });

  it('the separate list never gives less than the ordinary ratio would for the same cadres', () => {
    fc.assert(
      fc.property(counts, base, (cadres, basisPoints) => {
        expect(secondedExcellentQuota(cadres, basisPoints).quota).toBeGreaterThanOrEqual(
          ordinaryExcellentQuota(cadres, basisPoints).quota,
        );
      }),
    );
  });

  it('no list is lowered by one more cadre competing in it, nor by a higher base ratio', () => {
    fc.assert(
      fc.property(counts, base, (cadres, basisPoints) => {
        for (const list of [ordinaryExcellentQuota, secondedExcellentQuota]) {
          const quota = list(cadres, basisPoints).quota;
          expect(list(cadres + 1, basisPoints).quota).toBeGreaterThanOrEqual(quota);
          if (basisPoints < MAX_BASE_BASIS_POINTS) {
            expect(list(cadres, basisPoints + 1).quota).toBeGreaterThanOrEqual(quota);
          }
        }
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
