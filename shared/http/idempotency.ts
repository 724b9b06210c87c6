import type { Context } from 'aws-lambda';
import type { IdempotentRequest } from '../db/creation-guard';
import { IdempotencyKeyReused, RequestInProgress } from '../domain/errors';
import { logger } from '../observability/logger';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
} from '../repositories/idempotency-records';
import type { Reply } from './contract';

/** How a route's implementation runs at most once per Idempotency-Key. */
export type IdempotencyRunner = (
  request: IdempotentRequest,
  run: () => Promise<Reply>,
  context: Context,
) => Promise<Reply>;

/**
 * Idempotency records with the semantics of Powertools idempotency (which this replaces: its static
 * JMESPath engine alone put every handler over the bundle budget): the first request claims the key
 * until the function would time out, runs, and stores its reply for 24 h; a repeat with the same body
 * replays that reply, a concurrent repeat gets 409, another body 422. A failed run releases the key
 * so the client can retry. The permanent guard a creation writes (shared/db/creation-guard.ts) still
 * holds after these records expire.
 */
export const runIdempotently: IdempotencyRunner = async (request, run, context) => {
  const holder = await claimIdempotencyKey(request, context.getRemainingTimeInMillis());
  if (holder) {
    if (holder.requestHash !== request.requestHash) throw new IdempotencyKeyReused();
    // JSON text, so a replay is byte for byte the first answer (stored maps do not keep key order).
    if (holder.status === 'COMPLETED' && holder.reply) return JSON.parse(holder.reply) as Reply;
    throw new RequestInProgress();
  }

  let reply: Reply;
  try {
    reply = await run();
  } catch (error) {
    // The client must learn why the run failed, not that the release did: an unreleased claim gives
    // way by itself at the run's deadline (until then a repeat gets IDEMPOTENCY_IN_PROGRESS).
    await releaseIdempotencyKey(request.scopedKey).catch((releaseError: unknown) =>
      logger.warn('idempotency key not released', { error: releaseError as Error }),
    );
    throw error;
  }
  // A creation completed the record in its own transaction (the guard's reply is this reply).
  if (request.completedWithCreation?.()) return reply;
  // The work is done and stored: a failed bookkeeping write must not turn it into an error the client
  // retries. A creation's guard (written with it) replays this reply once the claim gives way.
  await completeIdempotencyKey(request.scopedKey, JSON.stringify(reply)).catch((completeError: unknown) =>
    logger.warn('idempotency key not completed', { error: completeError as Error }),
  );
  return reply;
};
