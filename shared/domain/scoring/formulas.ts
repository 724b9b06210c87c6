import type { ScoringConfig } from './config';

/**
 * The scoring formulas (docs/scoring.md) as pure functions. Every rate is shrunk toward the program's
 * mean with `strength` pseudo-cases (empirical-Bayes style), so a unit with few cases lands near the
 * mean instead of at 0 or 100, and the more cases it has, the more its own record counts.
 */

export interface Prior {
  /** The program's pooled mean of the quantity being shrunk. */
  mean: number;
  /** Pseudo-cases at the mean. */
  strength: number;
}

export interface VerdictCounts {
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
}

export interface SupervisionCounts {
  assigned: number;
  overdueWorkingDays: number;
  returns: number;
  reReviews: number;
  cardsBlue: number;
  cardsYellow: number;
  cardsRed: number;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** (total + strength × mean) / (n + strength): the posterior mean of a per-case quantity. */
export const shrink = (total: number, n: number, prior: Prior): number =>
  n + prior.strength > 0 ? (total + prior.strength * prior.mean) / (n + prior.strength) : prior.mean;

export const countedVerdicts = (verdicts: VerdictCounts): number =>
  verdicts.satisfied + verdicts.basicallySatisfied + verdicts.unsatisfied;

/** Verdicts weighted by value: satisfied > basically satisfied > unsatisfied. No-response is not a verdict. */
export const verdictPoints = (verdicts: VerdictCounts, values: ScoringConfig['verdictValues']): number =>
  verdicts.satisfied * values.satisfied +
  verdicts.basicallySatisfied * values.basicallySatisfied +
  verdicts.unsatisfied * values.unsatisfied;

export interface EnterpriseEvaluation {
  counted: number;
  /** The unit's own weighted rate (0–1), or null without counted verdicts. */
  rawRate: number | null;
  /** After shrinkage (0–1). */
  rate: number;
  /** 0–100. */
  score: number;
}

export const enterpriseEvaluation = (
  verdicts: VerdictCounts,
  prior: Prior,
  values: ScoringConfig['verdictValues'],
): EnterpriseEvaluation => {
  const counted = countedVerdicts(verdicts);
  const points = verdictPoints(verdicts, values);
  const rate = clamp(shrink(points, counted, prior), 0, 1);
  return { counted, rawRate: counted > 0 ? points / counted : null, rate, score: 100 * rate };
};

/** Penalty points of supervision feedback: overdue working days, returns, re-reviews, inspection cards. */
export const penaltyPoints = (counts: SupervisionCounts, penalties: ScoringConfig['penalties']): number =>
  counts.overdueWorkingDays * penalties.overdueWorkingDay +
  counts.returns * penalties.return +
  counts.reReviews * penalties.reReview +
  counts.cardsBlue * penalties.cardBlue +
  counts.cardsYellow * penalties.cardYellow +
  counts.cardsRed * penalties.cardRed;

export interface SupervisionFeedback {
  penaltyPoints: number;
  /** The unit's own penalty points per assigned issue, or null without assignments. */
  rawPenaltyPerIssue: number | null;
  /** After shrinkage. */
  penaltyPerIssue: number;
  /** 0–100: 100 with no penalty, 50 at `halfScorePenaltyPerIssue` per issue, toward 0 beyond. */
  score: number;
}

export const supervisionFeedback = (
  counts: SupervisionCounts,
  prior: Prior,
  config: Pick<ScoringConfig, 'penalties' | 'halfScorePenaltyPerIssue'>,
): SupervisionFeedback => {
  const penalty = penaltyPoints(counts, config.penalties);
  const perIssue = Math.max(0, shrink(penalty, counts.assigned, prior));
  const half = config.halfScorePenaltyPerIssue;
  return {
    penaltyPoints: penalty,
    rawPenaltyPerIssue: counts.assigned > 0 ? penalty / counts.assigned : null,
    penaltyPerIssue: perIssue,
    score: clamp((100 * half) / (half + perIssue), 0, 100),
  };
};

/**
 * A sum over units that does not depend on the order the units were read in: floating-point
 * addition is not associative, and a ranking must not move by a hundredth because a query returned
 * the same units in another order.
 */
const orderFreeSum = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b).reduce((sum, value) => sum + value, 0);

/** The program's pooled verdict rate: all units' verdict points over all counted verdicts. */
export const enterprisePriorMean = (units: readonly VerdictCounts[], config: ScoringConfig): number => {
  const counted = units.reduce((sum, unit) => sum + countedVerdicts(unit), 0);
  const points = orderFreeSum(units.map((unit) => verdictPoints(unit, config.verdictValues)));
  return counted > 0 ? points / counted : config.neutralRate;
};

/** The program's pooled penalty points per assigned issue. */
export const supervisionPriorMean = (units: readonly SupervisionCounts[], config: ScoringConfig): number => {
  const assigned = units.reduce((sum, unit) => sum + unit.assigned, 0);
  const penalty = orderFreeSum(units.map((unit) => penaltyPoints(unit, config.penalties)));
  return assigned > 0 ? penalty / assigned : 0;
};

/** Scores are published with two decimals; the total is computed from the published dimensions. */
export const round2 = (value: number): number => Math.round(value * 100) / 100;

export const totalScore = (
  dimensions: { enterpriseEvaluation: number; supervisionFeedback: number; partyPoints: number },
  weights: ScoringConfig['weights'],
): number =>
  round2(
    weights.enterpriseEvaluation * dimensions.enterpriseEvaluation +
      weights.supervisionFeedback * dimensions.supervisionFeedback +
      weights.partyPoints * dimensions.partyPoints,
  );
