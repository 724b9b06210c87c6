import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  excellentBaseFromEnv,
  excellentBaseToEnv,
  MAX_BASE_BASIS_POINTS,
} from '../../../shared/domain/excellent-quota';
import {
  DEFAULT_ISSUE_POLICY,
  issuePolicyFromEnv,
  issuePolicyToEnv,
} from '../../../shared/domain/issues/policy';
import {
  DEFAULT_SCORING_CONFIG,
  scoringConfigFromEnv,
  scoringConfigToEnv,
} from '../../../shared/domain/scoring/config';

/** What a stage writes into a function's environment (infra/stage-config.ts), the function reads back. */
describe('policy settings written as environment variables', () => {
  it('give the issue policy back', () => {
    const setting = fc.nat(1_000);
    fc.assert(
      fc.property(
        fc.record({
          defaultDueWorkingDays: setting,
          maxReReviews: setting,
          followUpWorkingDays: setting,
          supervisionLimit: setting,
          supervisionStepWorkingDays: setting,
          dueSoonWorkingDays: setting,
          signForWorkingDays: setting,
          coReportWorkingDays: setting,
          noResponseAttempts: setting,
        }),
        (policy) => {
          expect(issuePolicyFromEnv(issuePolicyToEnv(policy))).toEqual(policy);
        },
      ),
    );
    expect(Object.keys(issuePolicyToEnv(DEFAULT_ISSUE_POLICY))).toHaveLength(9);
  });

  it('give the scoring configuration back', () => {
    fc.assert(
      fc.property(
        fc.nat(100),
        fc.nat(100),
        fc.double({ min: 0, max: 1_000, noNaN: true }),
        (a, b, priorStrength) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const weights = {
            enterpriseEvaluation: low / 100,
            supervisionFeedback: (high - low) / 100,
            partyPoints: 1 - high / 100,
          };
          const config = { ...DEFAULT_SCORING_CONFIG, weights, priorStrength };
          const read = scoringConfigFromEnv(scoringConfigToEnv(config));
          expect(read).toEqual(config);
        },
      ),
    );
  });

  it('give the base excellent ratio back', () => {
    fc.assert(
      fc.property(fc.nat(MAX_BASE_BASIS_POINTS), (basisPoints) => {
        expect(excellentBaseFromEnv(excellentBaseToEnv(basisPoints))).toBe(basisPoints);
      }),
    );
  });
});
