import { tableNames } from '../config';
import { issueKeys } from '../db/keys';
import type { TransactItem } from '../db/records';
import { newId } from '../domain/ids';
import type { Issue, WorkflowDelivery, WorkflowState } from '../domain/issues/issue';

/**
 * The items of an issue's workflow bookkeeping, and what a transition writes of them (the writes of
 * the bookkeeping itself are in issue-workflow.ts): the workflow item `ISSUE#<id> / WORKFLOW` and the
 * outbox entry items `ISSUE#<id> / WORKFLOW#OUTBOX#<ULID>`. Apart, so that the functions that only
 * decide transitions bundle none of the bookkeeping.
 */

/** How long an outbox entry item is kept (TTL) after it is put: long after its delivery, for operators. */
const OUTBOX_ENTRY_SECONDS = 7 * 24 * 3600;

/** What one outbox entry asks the delivery function to do. */
export type OutboxEntry = { start: { executionArn: string } } | { answer: WorkflowDelivery };

/** The put of a new outbox entry item: a new sort key each time, so its stream record is an INSERT. */
export const outboxEntryPut = (issueId: string, entry: OutboxEntry): TransactItem => {
  const entryId = newId();
  return {
    Put: {
      TableName: tableNames.program,
      Item: {
        ...issueKeys.outboxEntry(issueId, entryId),
        entity: 'issueOutbox',
        issueId,
        entryId,
        ...entry,
        expiresAt: Math.floor(Date.now() / 1000) + OUTBOX_ENTRY_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
};

/** The workflow's bookkeeping, as the workflow item holds it. */
export type WorkflowProgress = Pick<WorkflowState, 'signals' | 'wait' | 'delivery'>;

/** The workflow item as read: its bookkeeping and the revision a conditional write must match. */
export interface StoredWorkflow extends WorkflowProgress {
  rev: number;
}

/** The workflow item (absent fields are left out when it is written: the client removes undefined). */
export const workflowItem = (
  issueId: string,
  { signals, wait, delivery }: WorkflowProgress,
  rev: number,
) => ({
  ...issueKeys.workflow(issueId),
  entity: 'issueWorkflow',
  issueId,
  rev,
  signals,
  wait,
  delivery,
});

/** The issue as decisions see it: the issue item's workflow part with the workflow item's bookkeeping. */
export const withWorkflow = (issue: Issue, workflow: StoredWorkflow | undefined): Issue =>
  issue.workflow
    ? {
        ...issue,
        workflow: {
          ...issue.workflow,
          signals: workflow?.signals ?? [],
          wait: workflow?.wait,
          delivery: workflow?.delivery,
        },
      }
    : issue;

/**
 * A transition's writes of the workflow's bookkeeping: the workflow item when the transition changes
 * it (a new execution starts with no signals; a decision appends one, and may answer the registered
 * wait) — the whole small item, on condition of the revision read (or of there being none yet), so a
 * bookkeeping write since then fails the transition, which re-reads and decides again — and an outbox
 * entry for a new execution's start and for a new answer. None when the bookkeeping is unchanged.
 */
export const workflowWrites = (before: Issue, rev: number | undefined, next: Issue): TransactItem[] => {
  const workflow = next.workflow;
  if (!workflow) return [];
  const writes: TransactItem[] = [];
  const newExecution = workflow.executionArn !== before.workflow?.executionArn;
  // The wait and the answer only ever change with a new signal or a new execution.
  if (newExecution || workflow.signals.length !== before.workflow?.signals.length) {
    writes.push({
      Put: {
        TableName: tableNames.program,
        Item: workflowItem(next.id, workflow, (rev ?? 0) + 1),
        ConditionExpression: rev === undefined ? 'attribute_not_exists(pk)' : 'rev = :rev',
        ExpressionAttributeValues: rev === undefined ? undefined : { ':rev': rev },
      },
    });
  }
  if (workflow.startPending && newExecution) {
    writes.push(outboxEntryPut(next.id, { start: { executionArn: workflow.executionArn } }));
  }
  // Every wait has a token of its own: a new token is a new answer.
  if (workflow.delivery && workflow.delivery.token !== before.workflow?.delivery?.token) {
    writes.push(outboxEntryPut(next.id, { answer: workflow.delivery }));
  }
  return writes;
};
