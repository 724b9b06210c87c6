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

/**
 * One execution per escalated issue, named after it, so its ARN is known before it starts; an
 * operator's restart after a failure gets a name of its own (`<issue id>-r<n>`), since a name stays
 * taken for 90 days after its execution ended.
 */
export const executionNameFor = (issueId: string, restart = 0): string =>
  restart === 0 ? issueId : `${issueId}-r${restart}`;

export const executionArnFor = (issueId: string, restart = 0): string =>
  `${stateMachineArn().replace(':stateMachine:', ':execution:')}:${executionNameFor(issueId, restart)}`;

/** The execution's name: the last part of its ARN. */
export const executionNameOf = (executionArn: string): string =>
  executionArn.slice(executionArn.lastIndexOf(':') + 1);

/**
 * Where executions are shown when not in the Step Functions console: local mode sets
 * `EXECUTION_LINK_TEMPLATE=/_local/executions/{name}`; on AWS it is absent.
 */
export const executionLinkTemplate = (): string | undefined => process.env.EXECUTION_LINK_TEMPLATE;
