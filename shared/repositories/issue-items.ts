import { type IndexPartition, indexKeysOf, issueKeys, shardOf } from '../db/keys';
import type { Issue, WorkflowState } from '../domain/issues/issue';

/** The work queue (IGSI3) an issue sits in while it waits on someone; none once closed or open. */
export const queueOf = (issue: Issue): IndexPartition | undefined => {
  const shard = shardOf(issue.id);
  switch (issue.status) {
    case 'assigned':
      return issue.assignment
        ? issueKeys.openAssignments(shard, issue.assignment.dueDate, issue.id)
        : undefined;
    case 'awaiting_feedback':
      return issue.followUpDeadline
        ? issueKeys.awaitingFeedback(shard, issue.followUpDeadline, issue.id)
        : undefined;
    case 'awaiting_consultation':
      return issueKeys.awaitingConsultation();
    case 'awaiting_dispatch':
      return issueKeys.awaitingDispatch();
    default:
      return undefined;
  }
};

/**
 * What of the workflow the issue item keeps: what decisions and views (lists too) read — the ARN, the
 * pending start, the failure. Signals, the wait and the outbox are on the workflow item (issue-workflow.ts).
 */
const issueWorkflowOf = ({ signals: _s, wait: _w, delivery: _d, ...kept }: WorkflowState) => kept;

/**
 * The stored form of an issue: its index keys follow from its state, so every write puts the whole
 * item and the indexes can never disagree with the status. The workflow's bookkeeping (signals, task
 * token, outbox) is on the workflow item (issue-workflow.ts), so writing it rewrites no index.
 */
export const issueItem = (issue: Issue) => {
  const partitions = [
    issueKeys.byEnterprise(issue.enterpriseId),
    issueKeys.byGrid(issue.gridId),
    issueKeys.byStatus(issue.status),
    issueKeys.all(),
  ];
  if (issue.assignment) partitions.push(issueKeys.byUnit(issue.assignment.unitId));
  const queue = queueOf(issue);
  if (queue) partitions.push(queue);
  return {
    ...issueKeys.item(issue.id),
    entity: 'issue',
    ...indexKeysOf(issue.id, partitions),
    ...issue,
    ...(issue.workflow ? { workflow: issueWorkflowOf(issue.workflow) } : {}),
  };
};

export const coUnitLinkItem = (issueId: string, unitId: string) => ({
  ...issueKeys.coUnitLink(issueId, unitId),
  entity: 'coUnitLink',
  ...indexKeysOf(issueId, [issueKeys.byUnit(unitId)]),
  issueId,
  unitId,
});
