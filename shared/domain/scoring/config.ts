import { nonNegativeSetting } from '../policy-setting';

/**
 * The tunable parts of quarterly scoring (docs/scoring.md). Defaults are the documented program
 * practice; a deployment overrides the dimension weights and the prior strength through environment
 * variables, read and checked once at module load.
 */
export interface ScoringConfig {
  /** Dimension weights; non-negative, summing to 1. */
  weights: { enterpriseEvaluation: number; supervisionFeedback: number; partyPoints: number };
  /** What one verdict is worth on the 0–1 scale (satisfied > basically satisfied > unsatisfied). */
  verdictValues: { satisfied: number; basicallySatisfied: number; unsatisfied: number };
  /**
   * Pseudo-cases at the program mean added to every unit (empirical-Bayes shrinkage): a unit with n
   * cases keeps n / (n + priorStrength) of its own rate.
   */
  priorStrength: number;
  /** Penalty points per event of supervision feedback. */
  penalties: {
    overdueWorkingDay: number;
    return: number;
    reReview: number;
    cardBlue: number;
    cardYellow: number;
    cardRed: number;
  };
  /** Penalty points per assigned issue at which supervision feedback is 50 (it is 100 at none). */
  halfScorePenaltyPerIssue: number;
  /** The enterprise-evaluation mean used when no unit has a counted verdict in the quarter. */
  neutralRate: number;
}

export const DEFAULT_SCORING_CONFIG: ScoringConfig = {
  weights: { enterpriseEvaluation: 0.5, supervisionFeedback: 0.3, partyPoints: 0.2 },
  verdictValues: { satisfied: 1, basicallySatisfied: 0.8, unsatisfied: 0 },
  priorStrength: 10,
  penalties: { overdueWorkingDay: 0.2, return: 1, reReview: 1, cardBlue: 0.1, cardYellow: 0.5, cardRed: 1 },
  halfScorePenaltyPerIssue: 1,
  neutralRate: 0.5,
};

/** The settings a deployment may change, and the variable each is read from. */
const VARIABLES = {
  enterpriseEvaluation: 'SCORING_WEIGHT_ENTERPRISE',
  supervisionFeedback: 'SCORING_WEIGHT_SUPERVISION',
  partyPoints: 'SCORING_WEIGHT_PARTY',
  priorStrength: 'SCORING_PRIOR_STRENGTH',
} as const;

/**
 * Reads the overrides of SCORING_WEIGHT_ENTERPRISE, SCORING_WEIGHT_SUPERVISION, SCORING_WEIGHT_PARTY
 * and SCORING_PRIOR_STRENGTH a stage sets (infra/stage-config.ts); throws, naming the variable, on a
 * bad value, and when the weights do not sum to 1.
 */
export const scoringConfigFromEnv = (env: Readonly<Record<string, string | undefined>>): ScoringConfig => {
  const defaults = DEFAULT_SCORING_CONFIG;
  const weight = (dimension: keyof ScoringConfig['weights']) =>
    nonNegativeSetting(
      VARIABLES[dimension],
      env[VARIABLES[dimension]],
      defaults.weights[dimension],
      'number',
    );
  const weights = {
    enterpriseEvaluation: weight('enterpriseEvaluation'),
    supervisionFeedback: weight('supervisionFeedback'),
    partyPoints: weight('partyPoints'),
  };
  const sum = weights.enterpriseEvaluation + weights.supervisionFeedback + weights.partyPoints;
  if (Math.abs(sum - 1) > 1e-9) throw new Error(`Scoring weights must sum to 1 (they sum to ${sum})`);
  return {
    ...defaults,
    weights,
    priorStrength: nonNegativeSetting(
      VARIABLES.priorStrength,
      env[VARIABLES.priorStrength],
      defaults.priorStrength,
      'number',
    ),
  };
};

/** Every variable a deployment may set, as scoringConfigFromEnv reads it back. */
export const scoringConfigToEnv = (config: ScoringConfig): Record<string, string> => ({
  [VARIABLES.enterpriseEvaluation]: String(config.weights.enterpriseEvaluation),
  [VARIABLES.supervisionFeedback]: String(config.weights.supervisionFeedback),
  [VARIABLES.partyPoints]: String(config.weights.partyPoints),
  [VARIABLES.priorStrength]: String(config.priorStrength),
});
