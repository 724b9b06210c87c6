import { NotFound } from '../../domain/errors';
import type { Issue } from '../../domain/issues/issue';
import type { Caller } from '../../domain/viewer';
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
  caller: Caller,
  issueId: string,
  body: { unitId?: string; dueWorkingDays?: number },
): Promise<Issue> => {
  const actor = actorFor(caller, 'escalate');
  const reach = await reachOf(caller);
  const current = await findIssue(issueId);
  if (!current) throw new NotFound('The issue');
  authorizeIssueAction(caller, current.issue, 'escalate', reach);
  if (current.issue.workflow?.startPending) return current.issue;
  if (body.unitId) await checkUnitsExist([{ path: 'body.unitId', unitId: body.unitId }]);
  return applyIssueCommand({
    issueId,
    actor,
    command: { type: 'escalate', ...body, executionArn: executionArnFor(issueId) },
    authorize: (issue) => authorizeIssueAction(caller, issue, 'escalate', reach),
  });
};
