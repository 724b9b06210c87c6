import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { conditionRefused } from '../db/cancellation';
import { documentClient } from '../db/client';
import { issueKeys } from '../db/keys';
import type { TransactItem } from '../db/records';
import type { WaitKind } from '../domain/issues/issue';

/**
 * Workflow bookkeeping on the issue item. These writes change no issue field a person sees, so they
 * bump `workflowRev` instead of `version` and write no ledger entry; every issue transition is
 * conditioned on both, so bookkeeping and decisions can never overwrite each other.
 */

/**
 * One bookkeeping write: the given update plus `workflowRev + 1`, only if `condition` holds, with
 * `alsoWrite` (e.g. the count of what it did) in the same transaction when there is any, so that the
 * count is stored exactly when the bookkeeping is. Answers whether the condition held.
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
  const sets = [...(update.set ? [update.set] : []), 'workflowRev = workflowRev + :one'].join(', ');
  const write = {
    TableName: tableNames.program,
    Key: issueKeys.item(issueId),
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
    set: 'workflow.#wait = :wait',
    condition: 'attribute_exists(workflow) AND size(workflow.signals) < :seq',
    names: { '#wait': 'wait' },
    values: { ':wait': wait, ':seq': wait.seq },
  }))
    ? 'registered'
    : 'already_decided';

/**
 * Fails the registered wait with an automatic signal (the daily sweep's `Overdue` or `NoResponse`):
 * in one conditional write the wait is taken off the issue, so that of the sweep and a human decision
 * exactly one answers it, and the failure is put in the outbox (`workflow.delivery`) for the delivery
 * function. False when no wait with that token is registered any more.
 */
export const enqueueWaitFailure = (
  issueId: string,
  token: string,
  failure: { error: string; cause: string },
  alsoWrite: readonly TransactItem[] = [],
): Promise<boolean> =>
  bookkeeping(
    issueId,
    {
      remove: 'workflow.#wait',
      set: 'workflow.delivery = :delivery',
      condition: 'workflow.#wait.#token = :token',
      names: { '#wait': 'wait', '#token': 'token' },
      values: { ':token': token, ':delivery': { token, ...failure } },
    },
    alsoWrite,
  );

/**
 * Empties the outbox once its answer is sent (or the task is gone). Conditional on the token, so a
 * late or repeated delivery never clears a newer answer put there meanwhile.
 */
export const clearDelivery = async (issueId: string, token: string): Promise<void> => {
  await bookkeeping(issueId, {
    remove: 'workflow.delivery',
    condition: 'workflow.delivery.#token = :token',
    names: { '#token': 'token' },
    values: { ':token': token },
  });
};

/**
 * Hands an outbox entry that is still there to the table's stream again (a new stream record), for
 * one whose delivery gave up (its records aged out or went to the failure queue). False when the
 * issue has nothing to deliver any more.
 */
export const requeueOutbox = (issueId: string, alsoWrite: readonly TransactItem[] = []): Promise<boolean> =>
  bookkeeping(
    issueId,
    { condition: 'attribute_exists(workflow.startPending) OR attribute_exists(workflow.delivery)' },
    alsoWrite,
  );

/** Marks the issue's execution as started (the outbox entry set at escalation is delivered). */
export const markExecutionStarted = async (issueId: string): Promise<void> => {
  await documentClient.send(
    new UpdateCommand({
      TableName: tableNames.program,
      Key: issueKeys.item(issueId),
      UpdateExpression: 'REMOVE workflow.startPending SET workflowRev = workflowRev + :one',
      ConditionExpression: 'attribute_exists(workflow)',
      ExpressionAttributeValues: { ':one': 1 },
    }),
  );
};
