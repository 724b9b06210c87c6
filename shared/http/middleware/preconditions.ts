import { InputRejected, VersionRequired } from '../../domain/errors';
import { type ApiMiddleware, headerOf, stateOf } from '../api-event';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;
/** Accepts `3`, `"3"` and `W/"3"`: clients echo the ETag we send, or the version field they read. */
const IF_MATCH = /^(?:W\/)?"?(\d{1,12})"?$/;

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
      const match = IF_MATCH.exec(header.trim());
      if (!match?.[1])
        throw new InputRejected('IF_MATCH_INVALID', 'If-Match must carry the record version, e.g. "3".');
      state.expectedVersion = Number(match[1]);
    }
  },
});
