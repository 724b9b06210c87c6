import type { Issue } from '../../domain/issues/issue';
import { ApiError, notFound } from '../../http/errors';
import type { Principal } from '../../http/principal';
import { logger } from '../../observability/logger';
import { markExecutionStarted } from '../../repositories/issue-workflow';
import { findIssue } from '../../repositories/issues';
import { executionArnFor, startIssueExecution } from '../../workflow/issue-execution';
import { actorFor } from './act-on-issue';
import { applyIssueCommand } from './apply-issue-command';
import { checkUnitsExist } from './check-units';
import { authorizeIssueAction, reachOf } from './issue-scope';

export const workflowStartFailed = () =>
  new ApiError(
    503,
    'WORKFLOW_START_FAILED',
    'Workflow not started',
    'The escalation is recorded, but its workflow could not be started; send the same request again to retry.',
  );

/**
 * Starts the escalated issue's execution (named after the issue, so a repeat is harmless) and clears
 * the pending flag the escalation set in its transaction.
 */
const startWorkflow = async (issue: Issue): Promise<Issue> => {
  try {
    await startIssueExecution(issue.id);
  } catch (error) {
    logger.error('issue workflow did not start', { issueId: issue.id, error: error as Error });
    throw workflowStartFailed();
  }
  await markExecutionStarted(issue.id);
  return issue.workflow ? { ...issue, workflow: { ...issue.workflow, startPending: undefined } } : issue;
};

/**
 * Escalates an open issue: commits the transition (assigned to the unit given, or awaiting dispatch)
 * with the execution's ARN and a pending start, then starts the execution. Escalating again while the
 * start is still pending only retries the start: the escalation already recorded stands.
 */
export const escalateIssue = async (
  principal: Principal,
  issueId: string,
  body: { unitId?: string; dueWorkingDays?: number },
): Promise<Issue> => {
  const actor = actorFor(principal, 'escalate');
  const reach = await reachOf(principal);
  const current = await findIssue(issueId);
  if (!current) throw notFound('The issue');
  authorizeIssueAction(principal, current.issue, 'escalate', reach);
  if (current.issue.workflow?.startPending) return startWorkflow(current.issue);
  if (body.unitId) await checkUnitsExist([{ path: 'body.unitId', unitId: body.unitId }]);
  const escalated = await applyIssueCommand({
    issueId,
    actor,
    command: { type: 'escalate', ...body, executionArn: executionArnFor(issueId) },
    authorize: (issue) => authorizeIssueAction(principal, issue, 'escalate', reach),
  });
  return startWorkflow(escalated);
};
