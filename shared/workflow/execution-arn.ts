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

/**
 * Where executions are shown when not in the Step Functions console: local mode sets
 * `EXECUTION_LINK_TEMPLATE=/_local/executions/{name}`; on AWS it is absent.
 */
export const executionLinkTemplate = (): string | undefined => process.env.EXECUTION_LINK_TEMPLATE;
