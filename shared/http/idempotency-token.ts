import { createHash } from 'node:crypto';
import { CreatedBefore, type IdempotencyToken } from '../db/creation-guard';
import { canonicalJson } from '../domain/canonical-json';
import { type Reply, type RouteSpec, routeKeyOf } from './contract';

/**
 * The key is scoped to caller and route, so two callers' keys never collide; the hash tells bodies
 * apart. A creation's guard keeps the reply the route gives its answer (the route's success status,
 * the answer as body) as JSON text, so a replay is byte for byte the first answer (stored maps do not
 * keep key order). The creating transaction also completes the idempotency record with that reply
 * (shared/db/idempotency-completion.ts), which `completedWithCreation` tells the runner.
 */
export const idempotencyToken = (
  caller: string,
  route: RouteSpec,
  key: string,
  request: { params: unknown; body: unknown },
): IdempotencyToken => {
  const scopedKey = `${caller}|${routeKeyOf(route)}|${key}`;
  const requestHash = createHash('sha256').update(canonicalJson(request)).digest('base64url');
  const replyTo = (answer: unknown): Reply => ({ status: route.successStatus ?? 200, body: answer });
  let completed = false;
  return {
    scopedKey,
    requestHash,
    guard: (answer) => ({
      scopedKey,
      requestHash,
      replay: JSON.stringify(replyTo(answer)),
      stored: () => {
        completed = true;
      },
    }),
    completedWithCreation: () => completed,
  };
};

/** Runs a route's implementation; a repeat of a creation made before answers what that one did. */
export const replayingCreation = async (run: () => Promise<Reply>): Promise<Reply> => {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CreatedBefore) return JSON.parse(error.replay) as Reply;
    throw error;
  }
};
