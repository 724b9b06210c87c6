import type { Issue } from '../../domain/issues/issue';
import { notFound } from '../../http/errors';
import type { Principal } from '../../http/principal';
import { findIssue } from '../../repositories/issues';
import { executionArnFor } from '../../workflow/execution-arn';
import { actorFor } from './act-on-issue';
import { applyIssueCommand } from './apply-issue-command';
import { checkUnitsExist } from './check-units';
import { authorizeIssueAction, reachOf } from './issue-scope';

/**
 * Escalates an open issue: commits the transition (assigned to the unit given, or awaiting dispatch)
 * with the execution's ARN and `workflow.startPending`, the outbox entry the table's stream hands to
 * the delivery function, which starts the execution. Escalating again while the start is still
 * pending answers the escalation already recorded.
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
  if (current.issue.workflow?.startPending) return current.issue;
  if (body.unitId) await checkUnitsExist([{ path: 'body.unitId', unitId: body.unitId }]);
  return applyIssueCommand({
    issueId,
    actor,
    command: { type: 'escalate', ...body, executionArn: executionArnFor(issueId) },
    authorize: (issue) => authorizeIssueAction(principal, issue, 'escalate', reach),
  });
};
