import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context } from 'aws-lambda';
import { tableNames } from '../config';
import { documentClient } from '../db/client';
import type { IdempotencyToken, Reply } from './contract';
import { conflict, idempotencyKeyReused } from './errors';

/** How a route's implementation runs at most once per Idempotency-Key. */
export type IdempotencyRunner = (
  token: IdempotencyToken,
  run: () => Promise<Reply>,
  context: Context,
) => Promise<Reply>;

const KEEP_SECONDS = 24 * 60 * 60;

interface IdempotencyRecord {
  id: string;
  status: 'INPROGRESS' | 'COMPLETED';
  requestHash: string;
  /** The reply as JSON text, so a replay is byte for byte the first answer (maps do not keep key order). */
  reply?: string;
}

/**
 * Idempotency records in the idempotency table, with the semantics of Powertools idempotency (which
 * this replaces: its static JMESPath engine alone put every handler over the bundle budget):
 * the first request claims the key as INPROGRESS until the function would time out, runs, and stores
 * its reply for 24 h; a repeat with the same body replays that reply, a concurrent repeat gets 409,
 * another body 422. A failed run releases the key so the client can retry. The permanent guard item
 * written with each creation (shared/db/records.ts) still holds after these records expire.
 */
export const runIdempotently: IdempotencyRunner = async (token, run, context) => {
  const now = Date.now();
  try {
    await documentClient.send(
      new PutCommand({
        TableName: tableNames.idempotency,
        Item: {
          id: token.scopedKey,
          status: 'INPROGRESS',
          requestHash: token.requestHash,
          expiration: Math.floor(now / 1000) + KEEP_SECONDS,
          inProgressExpiry: now + context.getRemainingTimeInMillis(),
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
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException) || !error.Item) throw error;
    const existing = unmarshall(error.Item) as IdempotencyRecord;
    if (existing.requestHash !== token.requestHash) throw idempotencyKeyReused();
    if (existing.status === 'COMPLETED' && existing.reply) return JSON.parse(existing.reply) as Reply;
    throw conflict(
      'IDEMPOTENCY_IN_PROGRESS',
      'A request with this Idempotency-Key is still being processed.',
    );
  }

  let reply: Reply;
  try {
    reply = await run();
  } catch (error) {
    await documentClient.send(
      new DeleteCommand({ TableName: tableNames.idempotency, Key: { id: token.scopedKey } }),
    );
    throw error;
  }
  await documentClient.send(
    new UpdateCommand({
      TableName: tableNames.idempotency,
      Key: { id: token.scopedKey },
      UpdateExpression: 'SET #status = :completed, reply = :reply',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':completed': 'COMPLETED', ':reply': JSON.stringify(reply) },
    }),
  );
  return reply;
};
