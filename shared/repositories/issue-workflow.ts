import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableNames } from '../config';
import { documentClient } from '../db/client';
import { keys } from '../db/keys';
import type { WaitKind } from '../domain/issues/issue';

/**
 * Workflow bookkeeping on the issue item. These writes change no issue field a person sees, so they
 * bump `workflowRev` instead of `version` and write no ledger entry; every issue transition is
 * conditioned on both, so bookkeeping and decisions can never overwrite each other.
 */

/**
 * Stores the task token of a callback wait, unless the decision it waits for is already recorded
 * (then answers `already_decided`: the caller completes the wait at once with that decision).
 */
export const registerWait = async (
  issueId: string,
  wait: { seq: number; token: string; waitingFor: WaitKind },
): Promise<'registered' | 'already_decided'> => {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableNames.program,
        Key: keys.issue(issueId),
        UpdateExpression: 'SET workflow.#wait = :wait, workflowRev = workflowRev + :one',
        ConditionExpression: 'attribute_exists(workflow) AND size(workflow.signals) < :seq',
        ExpressionAttributeNames: { '#wait': 'wait' },
        ExpressionAttributeValues: { ':wait': wait, ':seq': wait.seq, ':one': 1 },
      }),
    );
    return 'registered';
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return 'already_decided';
    throw error;
  }
};

/**
 * Fails the registered wait with an automatic signal (the daily sweep's `Overdue` or `NoResponse`):
 * in one conditional write the wait is taken off the issue, so that of the sweep and a human decision
 * exactly one answers it, and the failure is put in the outbox (`workflow.delivery`) for the delivery
 * function. False when no wait with that token is registered any more.
 */
export const enqueueWaitFailure = async (
  issueId: string,
  token: string,
  failure: { error: string; cause: string },
): Promise<boolean> => {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableNames.program,
        Key: keys.issue(issueId),
        UpdateExpression:
          'REMOVE workflow.#wait SET workflow.delivery = :delivery, workflowRev = workflowRev + :one',
        ConditionExpression: 'workflow.#wait.#token = :token',
        ExpressionAttributeNames: { '#wait': 'wait', '#token': 'token' },
        ExpressionAttributeValues: { ':token': token, ':delivery': { token, ...failure }, ':one': 1 },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
};

/**
 * Empties the outbox once its answer is sent (or the task is gone). Conditional on the token, so a
 * late or repeated delivery never clears a newer answer put there meanwhile.
 */
export const clearDelivery = async (issueId: string, token: string): Promise<void> => {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableNames.program,
        Key: keys.issue(issueId),
        UpdateExpression: 'REMOVE workflow.delivery SET workflowRev = workflowRev + :one',
        ConditionExpression: 'workflow.delivery.#token = :token',
        ExpressionAttributeNames: { '#token': 'token' },
        ExpressionAttributeValues: { ':token': token, ':one': 1 },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
};

/**
 * Hands an outbox entry that is still there to the table's stream again (a new stream record), for
 * one whose delivery gave up (its records aged out or went to the failure queue). False when the
 * issue has nothing to deliver any more.
 */
export const requeueOutbox = async (issueId: string): Promise<boolean> => {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableNames.program,
        Key: keys.issue(issueId),
        UpdateExpression: 'SET workflowRev = workflowRev + :one',
        ConditionExpression: 'attribute_exists(workflow.startPending) OR attribute_exists(workflow.delivery)',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
};

/** Marks the issue's execution as started (the outbox entry set at escalation is delivered). */
export const markExecutionStarted = async (issueId: string): Promise<void> => {
  await documentClient.send(
    new UpdateCommand({
      TableName: tableNames.program,
      Key: keys.issue(issueId),
      UpdateExpression: 'REMOVE workflow.startPending SET workflowRev = workflowRev + :one',
      ConditionExpression: 'attribute_exists(workflow)',
      ExpressionAttributeValues: { ':one': 1 },
    }),
  );
};
