import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { conditionRefused } from '../db/cancellation';
import { documentClient } from '../db/client';
import { issueKeys } from '../db/keys';
import { getRecords, type TransactItem } from '../db/records';
import type { Issue, WaitKind } from '../domain/issues/issue';
import type { OutboxRequeue } from '../domain/issues/sweep-rules';
import { outboxEntryPut, type StoredWorkflow, withWorkflow } from './workflow-items';

export type { OutboxEntry } from './workflow-items';

/**
 * Workflow bookkeeping on the workflow item beside the issue (`ISSUE#<id> / WORKFLOW`, no index keys):
 * the signals, the registered wait and the answer to deliver. These writes change no issue field a
 * person sees, so they touch only this small item, bump its `rev` and write no ledger entry. A
 * transition that appends a signal writes the workflow item in its transaction, conditioned on the
 * `rev` it read, so bookkeeping and decisions can never overwrite each other.
 *
 * What the workflow must be told (a start, a wait's answer) is also put as an outbox entry item
 * (`ISSUE#<id> / WORKFLOW#OUTBOX#<ULID>`) in the write that decides it: its one stream record (INSERT)
 * triggers its one delivery. The entry stays the truth where it was (the issue's pending start, the
 * workflow item's `delivery`), which the delivery clears; the entry item itself expires by TTL.
 */

/**
 * Issues read from an index (a work queue's page) with their workflow bookkeeping: the workflow items
 * of those escalated, in one BatchGet per 100 (strongly consistent: the sweep acts on the wait token).
 */
export const withWorkflowsOf = async (issues: readonly Issue[]): Promise<Issue[]> => {
  const escalated = issues.filter((issue) => issue.workflow);
  const found = await getRecords<StoredWorkflow>(
    escalated.map((issue) => issueKeys.workflow(issue.id)),
    { consistent: true },
  );
  const workflows = new Map(escalated.map((issue, i) => [issue.id, found[i]]));
  return issues.map((issue) => withWorkflow(issue, workflows.get(issue.id)));
};

/**
 * One bookkeeping write of the workflow item: the given update plus `rev + 1`, only if `condition`
 * holds, with `alsoWrite` (e.g. the count of what it did) in the same transaction when there is any,
 * so that the count is stored exactly when the bookkeeping is. Answers whether the condition held.
 */
const bookkeeping = async (
  issueId: string,
  update: {
    set?: string;
    remove?: string;
    condition: string;
    names?: Record<string, string>;
    values?: Record<string, unknown>;
  },
  alsoWrite: readonly TransactItem[] = [],
): Promise<boolean> => {
  const sets = [...(update.set ? [update.set] : []), 'rev = rev + :one'].join(', ');
  const write = {
    TableName: tableNames.program,
    Key: issueKeys.workflow(issueId),
    UpdateExpression: `${update.remove ? `REMOVE ${update.remove} ` : ''}SET ${sets}`,
    ConditionExpression: update.condition,
    ExpressionAttributeNames: update.names,
    ExpressionAttributeValues: { ':one': 1, ...update.values },
  };
  try {
    if (alsoWrite.length === 0) await documentClient.send(new UpdateCommand(write));
    else
      await documentClient.send(
        new TransactWriteCommand({ TransactItems: [{ Update: write }, ...alsoWrite] }),
      );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    if (conditionRefused(error, 0)) return false;
    throw error;
  }
};

/**
 * Stores the task token of a callback wait, unless the decision it waits for is already recorded
 * (then answers `already_decided`: the caller completes the wait at once with that decision).
 */
export const registerWait = async (
  issueId: string,
  wait: { seq: number; token: string; waitingFor: WaitKind },
): Promise<'registered' | 'already_decided'> =>
  (await bookkeeping(issueId, {
    set: '#wait = :wait',
    condition: 'attribute_exists(signals) AND size(signals) < :seq',
    names: { '#wait': 'wait' },
    values: { ':wait': wait, ':seq': wait.seq },
  }))
    ? 'registered'
    : 'already_decided';

/**
 * Fails the registered wait with an automatic signal (the daily sweep's `Overdue` or `NoResponse`):
 * in one conditional write the wait is taken off the workflow item, so that of the sweep and a human
 * decision exactly one answers it, and the failure is put in the outbox (`delivery`, and an outbox
 * entry item in the same transaction) for the delivery function. False when no wait with that token
 * is registered any more.
 */
export const enqueueWaitFailure = (
  issueId: string,
  token: string,
  failure: { error: string; cause: string; queuedAt: string },
  alsoWrite: readonly TransactItem[] = [],
): Promise<boolean> =>
  bookkeeping(
    issueId,
    {
      remove: '#wait',
      set: 'delivery = :delivery',
      condition: '#wait.#token = :token',
      names: { '#wait': 'wait', '#token': 'token' },
      values: { ':token': token, ':delivery': { token, ...failure } },
    },
    [outboxEntryPut(issueId, { answer: { token, ...failure } }), ...alsoWrite],
  );

/**
 * Empties the outbox once its answer is sent (or the task is gone). Conditional on the token, so a
 * late or repeated delivery never clears a newer answer put there meanwhile.
 */
export const clearDelivery = async (issueId: string, token: string): Promise<void> => {
  await bookkeeping(issueId, {
    remove: 'delivery',
    condition: 'delivery.#token = :token',
    names: { '#token': 'token' },
    values: { ':token': token },
  });
};

/**
 * Hands what the issue still has to deliver (a pending start of `startOf`, on the issue item; an
 * answer, on the workflow item) to the delivery function again as a new outbox entry, for an entry
 * whose delivery gave up (its record aged out or went to the failure queue: sweep-rules'
 * outboxToRequeue), on condition that it is still undelivered. False when nothing is left to deliver.
 */
export const requeueOutbox = async (
  issueId: string,
  { startOf, answer }: OutboxRequeue,
  alsoWrite: readonly TransactItem[] = [],
): Promise<boolean> => {
  const writes: TransactItem[] = [];
  if (startOf) {
    writes.push(outboxEntryPut(issueId, { start: { executionArn: startOf } }), {
      ConditionCheck: {
        TableName: tableNames.program,
        Key: issueKeys.item(issueId),
        ConditionExpression: 'workflow.startPending = :true AND workflow.executionArn = :arn',
        ExpressionAttributeValues: { ':true': true, ':arn': startOf },
      },
    });
  }
  if (answer) {
    writes.push(outboxEntryPut(issueId, { answer }), {
      ConditionCheck: {
        TableName: tableNames.program,
        Key: issueKeys.workflow(issueId),
        ConditionExpression: 'delivery.#token = :token',
        ExpressionAttributeNames: { '#token': 'token' },
        ExpressionAttributeValues: { ':token': answer.token },
      },
    });
  }
  if (writes.length === 0) return false;
  try {
    await documentClient.send(new TransactWriteCommand({ TransactItems: [...writes, ...alsoWrite] }));
    return true;
  } catch (error) {
    if (conditionRefused(error)) return false;
    throw error;
  }
};

/**
 * Marks the issue's execution as started (its start entry is delivered): on the issue item, where
 * lists show it; transitions are conditioned on the flag as they read it. Conditional on that
 * execution's start still pending, so a repeated delivery changes nothing.
 */
export const markExecutionStarted = async (issueId: string, executionArn: string): Promise<void> => {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableNames.program,
        Key: issueKeys.item(issueId),
        UpdateExpression: 'REMOVE workflow.startPending',
        ConditionExpression: 'workflow.startPending = :true AND workflow.executionArn = :arn',
        ExpressionAttributeValues: { ':true': true, ':arn': executionArn },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
};
