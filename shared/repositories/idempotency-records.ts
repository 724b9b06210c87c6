import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { tableNames } from '../config';
import { documentClient } from '../db/client';
import type { IdempotentRequest } from '../db/creation-guard';
import { IDEMPOTENCY_KEEP_SECONDS } from '../db/idempotency-completion';

/** One request under an Idempotency-Key, in the idempotency table (kept 24 h). */
export interface IdempotencyRecord {
  id: string;
  status: 'INPROGRESS' | 'COMPLETED';
  requestHash: string;
  /** The reply as the edge's text, once the request completed. */
  reply?: string;
}

/**
 * Claims a key as INPROGRESS for a run that may last `runForMs`: taken unless a live record holds
 * it (an expired one, or a run that outlived its time, gives way). Returns the record that holds the
 * key instead, or undefined when this run has it.
 */
export const claimIdempotencyKey = async (
  key: IdempotentRequest,
  runForMs: number,
): Promise<IdempotencyRecord | undefined> => {
  const now = Date.now();
  try {
    await documentClient.send(
      new PutCommand({
        TableName: tableNames.idempotency,
        Item: {
          id: key.scopedKey,
          status: 'INPROGRESS',
          requestHash: key.requestHash,
          expiration: Math.floor(now / 1000) + IDEMPOTENCY_KEEP_SECONDS,
          inProgressExpiry: now + runForMs,
        },
        ConditionExpression:
          'attribute_not_exists(id) OR expiration < :nowSeconds OR (#status = :inProgress AND inProgressExpiry < :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':nowSeconds': Math.floor(now / 1000),
          ':now': now,
          ':inProgress': 'INPROGRESS',
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return undefined;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException) || !error.Item) throw error;
    return unmarshall(error.Item) as IdempotencyRecord;
  }
};

/**
 * Marks the key's run done, keeping its reply for repeats: for runs that create nothing guarded (a
 * creation completes the record in its own transaction, shared/db/idempotency-completion.ts).
 */
export const completeIdempotencyKey = async (scopedKey: string, reply: string): Promise<void> => {
  await documentClient.send(
    new UpdateCommand({
      TableName: tableNames.idempotency,
      Key: { id: scopedKey },
      UpdateExpression: 'SET #status = :completed, reply = :reply',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':completed': 'COMPLETED', ':reply': reply },
    }),
  );
};

/** Gives the key up after a failed run, so the client can retry. */
export const releaseIdempotencyKey = async (scopedKey: string): Promise<void> => {
  await documentClient.send(new DeleteCommand({ TableName: tableNames.idempotency, Key: { id: scopedKey } }));
};
