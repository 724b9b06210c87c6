import { type IndexPartition, indexKeysOf, issueIndexes, keys, shardOf } from '../db/keys';
import type { Issue } from '../domain/issues/issue';

/** The work queue (GSI3) an issue sits in while it waits on someone; none once closed or open. */
const queueOf = (issue: Issue): IndexPartition | undefined => {
  const shard = shardOf(issue.id);
  switch (issue.status) {
    case 'assigned':
      return issue.assignment
        ? issueIndexes.openAssignments(shard, issue.assignment.dueDate, issue.id)
        : undefined;
    case 'awaiting_feedback':
      return issue.followUpDeadline
        ? issueIndexes.awaitingFeedback(shard, issue.followUpDeadline, issue.id)
        : undefined;
    case 'awaiting_consultation':
      return issueIndexes.awaitingConsultation();
    case 'awaiting_dispatch':
      return issueIndexes.awaitingDispatch();
    default:
      return undefined;
  }
};

/**
 * The stored form of an issue: its index keys follow from its state, so every write puts the whole
 * item and the indexes can never disagree with the status. `workflowRev` counts workflow bookkeeping
 * writes (task tokens), which are not issue changes and so carry no ledger entry or version.
 */
export const issueItem = (issue: Issue, workflowRev: number) => {
  const partitions = [
    issueIndexes.byEnterprise(issue.enterpriseId),
    issueIndexes.byGrid(issue.gridId),
    issueIndexes.byStatus(issue.status),
    issueIndexes.all(),
  ];
  if (issue.assignment) partitions.push(issueIndexes.byUnit(issue.assignment.unitId));
  const queue = queueOf(issue);
  if (queue) partitions.push(queue);
  return {
    ...keys.issue(issue.id),
    entity: 'issue',
    ...indexKeysOf(issue.id, partitions),
    ...issue,
    workflowRev,
  };
};

export const coUnitLinkItem = (issueId: string, unitId: string) => ({
  ...keys.coUnitLink(issueId, unitId),
  entity: 'coUnitLink',
  ...indexKeysOf(issueId, [issueIndexes.byUnit(unitId)]),
  issueId,
  unitId,
});
