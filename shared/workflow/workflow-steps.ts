/**
 * The vocabulary the issue state machine and its task handlers share. The definition (CDK) routes on
 * these strings and the handlers return them, so both import them from here.
 */

/** Where an automatic step sends the execution next: one of the callback waits, or the end. */
export const NEXT_STEPS = [
  'await_dispatch',
  'await_resolution',
  'await_consultation_decision',
  'await_verdict',
  'closed',
] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

/** What an automatic step returns to the execution. */
export interface StepResult {
  next: NextStep;
}

/** Task failures the daily sweep sends to a callback wait instead of a decision. */
export const AUTOMATIC_SIGNALS = { overdue: 'Overdue', noResponse: 'NoResponse' } as const;

export const ISSUE_BUSY = 'IssueBusy';

/**
 * An automatic step met the issue changing under it more often than applyIssueCommand retries; the
 * state machine retries the step (with backoff) rather than failing the issue's workflow.
 */
export class IssueBusy extends Error {
  override readonly name = ISSUE_BUSY;
}
