/** The program's tunable rules for issues; defaults are the program's practice, overridable per deployment. */
export interface IssuePolicy {
  /** Working days an assignment gets when the caller names none. */
  defaultDueWorkingDays: number;
  /** Unsatisfied verdicts re-worked before the issue goes to consultation instead. */
  maxReReviews: number;
  /** Working days the enterprise has to give its verdict before the issue closes as no_response. */
  followUpWorkingDays: number;
  /** Supervision levels (督办) before an overdue issue goes to consultation. */
  supervisionLimit: number;
  /** Working days overdue between one supervision level and the next. */
  supervisionStepWorkingDays: number;
  /** An assignment is due soon (blue card) with this many working days or fewer left. */
  dueSoonWorkingDays: number;
}

export const DEFAULT_ISSUE_POLICY: IssuePolicy = {
  defaultDueWorkingDays: 10,
  maxReReviews: 2,
  followUpWorkingDays: 5,
  supervisionLimit: 2,
  supervisionStepWorkingDays: 3,
  dueSoonWorkingDays: 2,
};

const positiveInteger = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative integer`);
  return parsed;
};

/** Reads overrides such as ISSUE_MAX_RE_REVIEWS from the environment (set per stage in CDK). */
export const issuePolicyFromEnv = (env: Record<string, string | undefined>): IssuePolicy => ({
  defaultDueWorkingDays: positiveInteger(
    'ISSUE_DEFAULT_DUE_WORKING_DAYS',
    env.ISSUE_DEFAULT_DUE_WORKING_DAYS,
    DEFAULT_ISSUE_POLICY.defaultDueWorkingDays,
  ),
  maxReReviews: positiveInteger(
    'ISSUE_MAX_RE_REVIEWS',
    env.ISSUE_MAX_RE_REVIEWS,
    DEFAULT_ISSUE_POLICY.maxReReviews,
  ),
  followUpWorkingDays: positiveInteger(
    'ISSUE_FOLLOW_UP_WORKING_DAYS',
    env.ISSUE_FOLLOW_UP_WORKING_DAYS,
    DEFAULT_ISSUE_POLICY.followUpWorkingDays,
  ),
  supervisionLimit: positiveInteger(
    'ISSUE_SUPERVISION_LIMIT',
    env.ISSUE_SUPERVISION_LIMIT,
    DEFAULT_ISSUE_POLICY.supervisionLimit,
  ),
  supervisionStepWorkingDays: positiveInteger(
    'ISSUE_SUPERVISION_STEP_WORKING_DAYS',
    env.ISSUE_SUPERVISION_STEP_WORKING_DAYS,
    DEFAULT_ISSUE_POLICY.supervisionStepWorkingDays,
  ),
  dueSoonWorkingDays: positiveInteger(
    'ISSUE_DUE_SOON_WORKING_DAYS',
    env.ISSUE_DUE_SOON_WORKING_DAYS,
    DEFAULT_ISSUE_POLICY.dueSoonWorkingDays,
  ),
});
