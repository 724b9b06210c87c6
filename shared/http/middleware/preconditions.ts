import { InputRejected, VersionRequired } from '../../domain/errors';
import { type ApiMiddleware, headerOf, stateOf } from '../api-event';
import { ApiError } from '../errors';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;
/** Accepts `3` and `"3"`: clients echo the ETag we send, or the version field they read. */
const IF_MATCH = /^"?(\d{1,12})"?$/;

/**
 * If-Match compares entity tags strongly (RFC 9110 §13.1.1): a weak tag never matches, so the
 * condition is false and the answer is 412. Its own code tells the client the fix (send the ETag as
 * given), which a stale version's would not. Only the edge knows headers, so it is made here.
 */
const weakIfMatch = () =>
  new ApiError(
    412,
    'IF_MATCH_WEAK',
    'Precondition failed',
    'If-Match uses strong comparison: a weak entity tag (W/"…") never matches. Send the ETag as received, e.g. "3".',
  );

/** Reads Idempotency-Key and If-Match where the route declares them. */
export const preconditions = (): ApiMiddleware => ({
  before: (request) => {
    const state = stateOf(request.event);
    const spec = state.route?.spec;
    if (!spec) return;
    if (spec.idempotency) {
      const key = headerOf(request.event, 'idempotency-key');
      if (key === undefined && spec.idempotency === 'required') {
        throw new InputRejected(
          'IDEMPOTENCY_KEY_REQUIRED',
          'This request requires an Idempotency-Key header.',
        );
      }
      if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
        throw new InputRejected(
          'IDEMPOTENCY_KEY_INVALID',
          'Idempotency-Key must be 8–128 characters of [A-Za-z0-9._:-].',
        );
      }
      state.idempotencyKey = key;
    }
    if (spec.ifMatch) {
      const header = headerOf(request.event, 'if-match');
      if (header === undefined) {
        if (spec.ifMatch === 'optional') return;
        throw new VersionRequired();
      }
      const value = header.trim();
      if (value.startsWith('W/')) throw weakIfMatch();
      const match = IF_MATCH.exec(value);
      if (!match?.[1])
        throw new InputRejected('IF_MATCH_INVALID', 'If-Match must carry the record version, e.g. "3".');
      state.expectedVersion = Number(match[1]);
    }
  },
});
