import { createHash } from 'node:crypto';
import { canonicalJson } from '../domain/canonical-json';
import type { IdempotencyToken } from './contract';

/** The key is scoped to caller and route, so two callers' keys never collide; the hash tells bodies apart. */
export const idempotencyToken = (
  caller: string,
  routeKey: string,
  key: string,
  request: { params: unknown; body: unknown },
): IdempotencyToken => ({
  scopedKey: `${caller}|${routeKey}|${key}`,
  requestHash: createHash('sha256').update(canonicalJson(request)).digest('base64url'),
});
