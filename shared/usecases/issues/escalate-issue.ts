import { NotFound } from '../../domain/errors';
import type { Issue } from '../../domain/issues/issue';
import type { Caller } from '../../domain/viewer';
import { findIssue } from '../../repositories/issues';
import { executionArnFor } from '../../workflow/execution-arn';
import { withOfficeOrderLine } from '../dispatch-orders/office-order';
import { actorFor } from './act-on-issue';
import { applyIssueCommand } from './apply-issue-command';
import { checkAssignedUnits, type DispatchBody } from './dispatch-issue';
import { authorizeIssueAction, reachOf } from './issue-scope';

/**
 * Escalates an open issue: commits the transition (assigned to the unit given, or awaiting dispatch)
 * with the execution's ARN and `workflow.startPending`, the outbox entry the table's stream hands to
 * the delivery function, which starts the execution. Escalating again while the start is still
 * pending answers the escalation already recorded. The office's escalation to a unit is a dispatch
 * (交办): it writes a line into the day's dispatch order; a cadre's is not.
 */
export const escalateIssue = async (
  caller: Caller,
  issueId: string,
  body: Partial<DispatchBody>,
): Promise<Issue> => {
  const actor = actorFor(caller, 'escalate');
  const reach = await reachOf(caller);
  const current = await findIssue(issueId);
  if (!current) throw new NotFound('The issue');
  authorizeIssueAction(caller, current.issue, 'escalate', reach);
  if (current.issue.workflow?.startPending) return current.issue;
  await checkAssignedUnits(body);
  const command = { type: 'escalate' as const, ...body, executionArn: executionArnFor(issueId) };
  const authorize = (issue: Issue) => authorizeIssueAction(caller, issue, 'escalate', reach);
  if (!body.unitId || actor.role === 'cadre')
    return applyIssueCommand({ issueId, actor, command, authorize, read: current });
  return withOfficeOrderLine(({ dispatchOrderId, at, extraItems }) =>
    applyIssueCommand({
      issueId,
      actor,
      at,
      command: { ...command, dispatchOrderId },
      authorize,
      extraItems,
      read: current,
    }),
  );
};
