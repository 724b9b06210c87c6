import { tableNames } from '../config';
import type { CreationGuard } from './creation-guard';
import type { TransactItem } from './records';

/** How long the edge's idempotency record of a request is kept (its TTL), from its claim. */
export const IDEMPOTENCY_KEEP_SECONDS = 24 * 60 * 60;

/**
 * The write that completes the edge's idempotency record of a creation (shared/http/idempotency.ts)
 * with the reply the guard carries, in the creating transaction: the claim and this transaction are
 * then the request's only two calls. Unconditional: the run that holds the claim is the only writer,
 * and a creation made without a claim (a use case called directly) still succeeds, leaving a record
 * that expires like a claimed one.
 */
export const idempotencyCompletion = (guard: CreationGuard): TransactItem => ({
  Update: {
    TableName: tableNames.idempotency,
    Key: { id: guard.scopedKey },
    UpdateExpression:
      'SET #status = :completed, reply = :reply, requestHash = :hash, expiration = if_not_exists(expiration, :expiration)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: {
      ':completed': 'COMPLETED',
      ':reply': guard.replay,
      ':hash': guard.requestHash,
      ':expiration': Math.floor(Date.now() / 1000) + IDEMPOTENCY_KEEP_SECONDS,
    },
  },
});
