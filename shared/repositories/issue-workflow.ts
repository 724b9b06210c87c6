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
 * Takes the registered wait away so that exactly one party completes it (the daily sweep signalling
 * Overdue or NoResponse). False when no wait with that token is registered any more.
 */
export const claimWait = async (issueId: string, token: string): Promise<boolean> => {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableNames.program,
        Key: keys.issue(issueId),
        UpdateExpression: 'REMOVE workflow.#wait SET workflowRev = workflowRev + :one',
        ConditionExpression: 'workflow.#wait.#token = :token',
        ExpressionAttributeNames: { '#wait': 'wait', '#token': 'token' },
        ExpressionAttributeValues: { ':token': token, ':one': 1 },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
};

/** Marks the issue's execution as started (the outbox entry set at escalation is done). */
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
