import { InputRejected, ValidationFailed } from '../../domain/errors';
import { type ApiMiddleware, headerOf, stateOf } from '../api-event';
import { payloadTooLarge, unsupportedMediaType } from '../errors';
import { checkJsonShape } from '../json-shape';

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Enforces the size limit and content type before any parsing, then parses JSON and checks its shape
 * (nesting depth, prototype keys) before any schema or recursive code sees it.
 */
export const parseBody = (limitBytes = MAX_BODY_BYTES): ApiMiddleware => ({
  before: (request) => {
    const state = stateOf(request.event);
    if (!state.route?.spec.body) return;
    const { body, isBase64Encoded } = request.event;
    if (body === undefined || body === '') {
      state.rawBody = undefined;
      return;
    }
    const raw = isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
    if (raw.byteLength > limitBytes) throw payloadTooLarge(limitBytes);
    const contentType = headerOf(request.event, 'content-type') ?? '';
    if (!/^application\/(.+\+)?json\b/i.test(contentType)) throw unsupportedMediaType();
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new InputRejected('MALFORMED_JSON', 'The body is not valid JSON.');
    }
    const problems = checkJsonShape(parsed);
    if (problems.length > 0) throw new ValidationFailed(problems);
    state.rawBody = parsed;
  },
});
