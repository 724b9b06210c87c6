import { nonNegativeSetting } from '../policy-setting';

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
  /** Working days a unit has to sign for (签收) an assignment: the day after it is given, by default. */
  signForWorkingDays: number;
  /** Working days a co-handling unit (协办) has to report its part, unless the assignment names others. */
  coReportWorkingDays: number;
  /** Unsuccessful follow-up calls, on different working days, before the office may close as no_response. */
  noResponseAttempts: number;
}

export const DEFAULT_ISSUE_POLICY: IssuePolicy = {
  defaultDueWorkingDays: 10,
  maxReReviews: 2,
  followUpWorkingDays: 5,
  supervisionLimit: 2,
  supervisionStepWorkingDays: 3,
  dueSoonWorkingDays: 2,
  signForWorkingDays: 1,
  coReportWorkingDays: 3,
  noResponseAttempts: 2,
};

/** The variable each setting is read from. */
const VARIABLES: Record<keyof IssuePolicy, string> = {
  defaultDueWorkingDays: 'ISSUE_DEFAULT_DUE_WORKING_DAYS',
  maxReReviews: 'ISSUE_MAX_RE_REVIEWS',
  followUpWorkingDays: 'ISSUE_FOLLOW_UP_WORKING_DAYS',
  supervisionLimit: 'ISSUE_SUPERVISION_LIMIT',
  supervisionStepWorkingDays: 'ISSUE_SUPERVISION_STEP_WORKING_DAYS',
  dueSoonWorkingDays: 'ISSUE_DUE_SOON_WORKING_DAYS',
  signForWorkingDays: 'ISSUE_SIGN_FOR_WORKING_DAYS',
  coReportWorkingDays: 'ISSUE_CO_REPORT_WORKING_DAYS',
  noResponseAttempts: 'ISSUE_NO_RESPONSE_ATTEMPTS',
};
const SETTINGS = Object.entries(VARIABLES) as [keyof IssuePolicy, string][];

/**
 * Reads the overrides (ISSUE_MAX_RE_REVIEWS…) a stage sets (infra/stage-config.ts); an absent one
 * keeps its default, a bad one throws naming its variable.
 */
export const issuePolicyFromEnv = (env: Readonly<Record<string, string | undefined>>): IssuePolicy => {
  const policy = { ...DEFAULT_ISSUE_POLICY };
  for (const [setting, name] of SETTINGS)
    policy[setting] = nonNegativeSetting(name, env[name], policy[setting], 'integer');
  return policy;
};

/** Every variable of the policy, as issuePolicyFromEnv reads it back. */
export const issuePolicyToEnv = (policy: IssuePolicy): Record<string, string> =>
  Object.fromEntries(SETTINGS.map(([setting, name]) => [name, String(policy[setting])]));
