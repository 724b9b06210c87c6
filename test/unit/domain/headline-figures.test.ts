import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysInPeriod,
  headlineFigures,
  periodProblems,
  rateOf,
} from '../../../shared/domain/headline-figures';
import { PROGRAM_COUNTERS, type ProgramCounts } from '../../../shared/domain/program-stats';

const zero = () => Object.fromEntries(PROGRAM_COUNTERS.map((c) => [c, 0])) as ProgramCounts;

describe('rateOf', () => {
  it('is null, not 0, when nothing was counted', () => {
    expect(rateOf(0, 0)).toEqual({ rate: null, numerator: 0, denominator: 0 });
  });

  it('is the fraction to four places, with what it is made of', () => {
    expect(rateOf(187, 200)).toEqual({ rate: 0.935, numerator: 187, denominator: 200 });
    expect(rateOf(2, 3)).toEqual({ rate: 0.6667, numerator: 2, denominator: 3 });
  });

  it('stays within half a unit of the fourth place of the exact fraction, and within 0–1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (d, f) => {
          const n = Math.floor(d * f);
          const { rate } = rateOf(n, d);
          expect(rate).not.toBeNull();
          expect(Math.abs((rate as number) - n / d)).toBeLessThanOrEqual(0.00005 + 1e-12);
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('periodProblems', () => {
  it('accepts a single day and a period up to the maximum', () => {
    expect(periodProblems('2026-03-01', '2026-03-01', 366)).toEqual([]);
    expect(periodProblems('2026-01-01', '2026-12-31', 365)).toEqual([]);
    expect(daysInPeriod('2024-01-01', '2024-12-31')).toBe(366);
  });

  it('refuses to before from, a period over the maximum, and dates that do not exist', () => {
    expect(periodProblems('2026-03-02', '2026-03-01', 366)).toEqual([
      { path: 'query.to', message: 'Must not be before from' },
    ]);
    expect(periodProblems('2026-01-01', '2027-01-02', 366)[0]?.message).toMatch(/at most 366 days/);
    expect(periodProblems('2026-02-30', '2026-03-01', 366)).toEqual([
      { path: 'query.from', message: 'Not a calendar date' },
    ]);
  });
});

describe('headlineFigures', () => {
  it('rates issue satisfaction over verdicts (no-response apart) and evaluations at 4 or 5 of 5', () => {
    const counts = {
      ...zero(),
      issuesRaised: 10,
      issuesClosed: 6,
      closedSatisfied: 3,
      closedBasicallySatisfied: 1,
      closedNoResponse: 2,
      verdictsSatisfied: 3,
      verdictsBasicallySatisfied: 1,
      verdictsUnsatisfied: 1,
      evaluations: 8,
      evaluationsFitSatisfied: 8,
      evaluationsServiceSatisfied: 7,
      fundsFen: 8_700_000_000,
      trainings: 2,
      trainingAttendances: 110,
    };

    const figures = headlineFigures(counts);

    expect(figures.issues.satisfaction).toEqual({ rate: 0.8, numerator: 4, denominator: 5 });
    expect(figures.issues.closedByClosure).toEqual({ satisfied: 3, basicallySatisfied: 1, noResponse: 2 });
    expect(figures.fitSatisfaction).toEqual({ rate: 1, numerator: 8, denominator: 8 });
    expect(figures.serviceSatisfaction).toEqual({ rate: 0.875, numerator: 7, denominator: 8 });
    expect(figures.fundsCoordinatedFen).toBe(8_700_000_000);
    expect(figures.trainings).toEqual({ sessions: 2, attendances: 110 });
  });
});
