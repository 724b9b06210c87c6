import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_CONFIG, scoringConfigFromEnv } from '../../../../shared/domain/scoring/config';
import {
  enterpriseEvaluation,
  enterprisePriorMean,
  type SupervisionCounts,
  shrink,
  supervisionFeedback,
  supervisionPriorMean,
  totalScore,
  type VerdictCounts,
} from '../../../../shared/domain/scoring/formulas';
import { lastDayOf, previousQuarter, quarterJustEnded } from '../../../../shared/domain/scoring/quarter';

const config = DEFAULT_SCORING_CONFIG;
const small = fc.integer({ min: 0, max: 500 });
const verdicts = fc.record({ satisfied: small, basicallySatisfied: small, unsatisfied: small });
const supervision = fc.record({
  assigned: small,
  overdueWorkingDays: fc.integer({ min: 0, max: 5000 }),
  returns: small,
  reReviews: small,
  cardsBlue: small,
  cardsYellow: small,
  cardsRed: small,
});
const prior = fc.record({
  mean: fc.double({ min: 0, max: 1, noNaN: true }),
  strength: fc.double({ min: 0, max: 100, noNaN: true }),
});
const penaltyPrior = fc.record({
  mean: fc.double({ min: 0, max: 50, noNaN: true }),
  strength: fc.double({ min: 0, max: 100, noNaN: true }),
});

describe('enterprise evaluation', () => {
  it('weights verdicts satisfied 1 > basically satisfied 0.8 > unsatisfied 0 and shrinks toward the mean', () => {
    const result = enterpriseEvaluation(
      { satisfied: 6, basicallySatisfied: 2, unsatisfied: 2 },
      { mean: 0.9, strength: 10 },
      config.verdictValues,
    );
    // own rate (6 + 1.6) / 10 = 0.76; shrunk (7.6 + 9) / 20 = 0.83
    expect(result.rawRate).toBeCloseTo(0.76);
    expect(result.score).toBeCloseTo(83);
  });

  it('gives a unit without counted verdicts the program mean', () => {
    const none = { satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 };
    const result = enterpriseEvaluation(none, { mean: 0.87, strength: 10 }, config.verdictValues);
    expect(result.rawRate).toBeNull();
    expect(result.score).toBeCloseTo(87);
  });

  it('does not let 2 satisfied cases outrank 200 cases at 95 %', () => {
    const mean = enterprisePriorMean(
      [
        { satisfied: 2, basicallySatisfied: 0, unsatisfied: 0 },
        { satisfied: 190, basicallySatisfied: 0, unsatisfied: 10 },
        { satisfied: 70, basicallySatisfied: 10, unsatisfied: 20 },
      ],
      config,
    );
    const two = enterpriseEvaluation(
      { satisfied: 2, basicallySatisfied: 0, unsatisfied: 0 },
      { mean, strength: 10 },
      config.verdictValues,
    );
    const many = enterpriseEvaluation(
      { satisfied: 190, basicallySatisfied: 0, unsatisfied: 10 },
      { mean, strength: 10 },
      config.verdictValues,
    );
    expect(many.score).toBeGreaterThan(two.score);
  });

  it('never falls when a satisfied verdict is added', () => {
    fc.assert(
      fc.property(verdicts, prior, (counts: VerdictCounts, p) => {
        const before = enterpriseEvaluation(counts, p, config.verdictValues).score;
        const after = enterpriseEvaluation(
          { ...counts, satisfied: counts.satisfied + 1 },
          p,
          config.verdictValues,
        ).score;
        expect(after).toBeGreaterThanOrEqual(before - 1e-9);
      }),
    );
  });

  it('never rises when an unsatisfied verdict is added', () => {
    fc.assert(
      fc.property(verdicts, prior, (counts: VerdictCounts, p) => {
        const before = enterpriseEvaluation(counts, p, config.verdictValues).score;
        const after = enterpriseEvaluation(
          { ...counts, unsatisfied: counts.unsatisfied + 1 },
          p,
          config.verdictValues,
        ).score;
        expect(after).toBeLessThanOrEqual(before + 1e-9);
      }),
    );
  });

  it('stays within 0–100 and between the own rate and the mean', () => {
    fc.assert(
      fc.property(verdicts, prior, (counts: VerdictCounts, p) => {
        const { score, rawRate } = enterpriseEvaluation(counts, p, config.verdictValues);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        if (rawRate !== null) {
          expect(score / 100).toBeGreaterThanOrEqual(Math.min(rawRate, p.mean) - 1e-9);
          expect(score / 100).toBeLessThanOrEqual(Math.max(rawRate, p.mean) + 1e-9);
        }
      }),
    );
  });
});

describe('supervision feedback', () => {
  it('is 100 without penalties and 50 at one penalty point per assigned issue', () => {
    const clean = {
      assigned: 10,
      overdueWorkingDays: 0,
      returns: 0,
      reReviews: 0,
      cardsBlue: 0,
      cardsYellow: 0,
      cardsRed: 0,
    };
    expect(supervisionFeedback(clean, { mean: 0, strength: 10 }, config).score).toBe(100);
    // 10 returns on 10 issues, prior 1 per issue: (10 + 10) / 20 = 1 per issue → 50.
    expect(supervisionFeedback({ ...clean, returns: 10 }, { mean: 1, strength: 10 }, config)).toMatchObject({
      penaltyPoints: 10,
      rawPenaltyPerIssue: 1,
      penaltyPerIssue: 1,
      score: 50,
    });
  });

  it('counts overdue working days, returns, re-reviews and inspection cards', () => {
    const counts = {
      assigned: 5,
      overdueWorkingDays: 10,
      returns: 1,
      reReviews: 2,
      cardsBlue: 10,
      cardsYellow: 2,
      cardsRed: 1,
    };
    // 10 × 0.2 + 1 + 2 + 10 × 0.1 + 2 × 0.5 + 1 = 8
    expect(supervisionFeedback(counts, { mean: 0, strength: 0 }, config).penaltyPoints).toBeCloseTo(8);
  });

  it('never rises with more overdue working days (nor returns, re-reviews or cards)', () => {
    const keys = [
      'overdueWorkingDays',
      'returns',
      'reReviews',
      'cardsBlue',
      'cardsYellow',
      'cardsRed',
    ] as const;
    fc.assert(
      fc.property(
        supervision,
        penaltyPrior,
        fc.constantFrom(...keys),
        fc.integer({ min: 1, max: 100 }),
        (counts: SupervisionCounts, p, key, more) => {
          const before = supervisionFeedback(counts, p, config).score;
          const after = supervisionFeedback({ ...counts, [key]: counts[key] + more }, p, config).score;
          expect(after).toBeLessThanOrEqual(before + 1e-9);
        },
      ),
    );
  });

  it('stays within 0–100', () => {
    fc.assert(
      fc.property(supervision, penaltyPrior, (counts: SupervisionCounts, p) => {
        const { score } = supervisionFeedback(counts, p, config);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('the program means', () => {
  // Floating-point addition is not associative: summed in read order, the same units in another
  // order moved a published score by a hundredth.
  it('do not depend on the order the units are read in', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.record({ verdicts, supervision }), { minLength: 2, maxLength: 30 })
          .chain((units) =>
            fc.tuple(fc.constant(units), fc.shuffledSubarray(units, { minLength: units.length })),
          ),
        ([units, shuffled]) => {
          expect(
            enterprisePriorMean(
              shuffled.map((u) => u.verdicts),
              config,
            ),
          ).toBe(
            enterprisePriorMean(
              units.map((u) => u.verdicts),
              config,
            ),
          );
          expect(
            supervisionPriorMean(
              shuffled.map((u) => u.supervision),
              config,
            ),
          ).toBe(
            supervisionPriorMean(
              units.map((u) => u.supervision),
              config,
            ),
          );
        },
      ),
    );
  });
});

describe('shrinkage and the total', () => {
  it('moves a unit toward its own rate as its cases grow', () => {
    expect(shrink(2, 2, { mean: 0.5, strength: 10 })).toBeCloseTo(7 / 12);
    expect(shrink(200, 200, { mean: 0.5, strength: 10 })).toBeCloseTo(205 / 210);
    expect(shrink(0, 0, { mean: 0.5, strength: 0 })).toBe(0.5);
  });

  it('weights the three dimensions (default 0.5 / 0.3 / 0.2) and rounds to two decimals', () => {
    expect(
      totalScore({ enterpriseEvaluation: 90, supervisionFeedback: 80, partyPoints: 70 }, config.weights),
    ).toBe(83);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (e, s, p) => {
          const total = totalScore(
            { enterpriseEvaluation: e, supervisionFeedback: s, partyPoints: p },
            config.weights,
          );
          expect(total).toBeGreaterThanOrEqual(0);
          expect(total).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});

describe('scoring configuration', () => {
  it('takes weights and prior strength from the environment and refuses weights not summing to 1', () => {
    expect(scoringConfigFromEnv({})).toEqual(DEFAULT_SCORING_CONFIG);
    expect(
      scoringConfigFromEnv({
        SCORING_WEIGHT_ENTERPRISE: '0.4',
        SCORING_WEIGHT_SUPERVISION: '0.4',
        SCORING_WEIGHT_PARTY: '0.2',
        SCORING_PRIOR_STRENGTH: '20',
      }),
    ).toMatchObject({
      weights: { enterpriseEvaluation: 0.4, supervisionFeedback: 0.4, partyPoints: 0.2 },
      priorStrength: 20,
    });
    expect(() => scoringConfigFromEnv({ SCORING_WEIGHT_PARTY: '0.5' })).toThrow(/sum to 1/);
    expect(() => scoringConfigFromEnv({ SCORING_PRIOR_STRENGTH: '-1' })).toThrow(/non-negative/);
  });
});

describe('quarters', () => {
  it('scores the quarter just ended', () => {
    expect(quarterJustEnded('2027-01-01')).toBe('2026Q4');
    expect(quarterJustEnded('2026-10-01')).toBe('2026Q3');
    expect(quarterJustEnded('2026-05-17')).toBe('2026Q1');
    expect(previousQuarter('2026Q2')).toBe('2026Q1');
    expect(lastDayOf('2026Q1')).toBe('2026-03-31');
    expect(lastDayOf('2026Q2')).toBe('2026-06-30');
    expect(lastDayOf('2026Q3')).toBe('2026-09-30');
    expect(lastDayOf('2026Q4')).toBe('2026-12-31');
  });
});
