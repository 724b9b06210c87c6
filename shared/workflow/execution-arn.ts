/**
 * Where the issue state machine is, from `ISSUE_STATE_MACHINE_ARN`. Kept apart from the Step Functions
 * client: API handlers name executions but never call Step Functions (the outbox does), so their
 * bundles stay without it.
 */
export const stateMachineArn = (): string => {
  const arn = process.env.ISSUE_STATE_MACHINE_ARN;
  if (!arn) throw new Error('Missing environment variable ISSUE_STATE_MACHINE_ARN');
  return arn;
};

/** One execution per escalated issue, named after it, so its ARN is known before it starts. */
export const executionArnFor = (issueId: string): string =>
  `${stateMachineArn().replace(':stateMachine:', ':execution:')}:${issueId}`;
