import type { FieldProblem } from '../domain/errors';

/**
 * A refusal as the client receives it (problem+json). The edge creates one directly only for what
 * it alone knows: no valid token, a body too large or not JSON, a route this function does not serve.
 * Every other refusal is a domain error (shared/domain/errors.ts) that translate-error.ts turns into
 * one. Anything thrown that becomes no ApiError is a generic 500: internal messages never reach a client.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** Clients may see the message: it was written for them. */
  readonly expose = true;

  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldProblem[],
    /** Sent as Retry-After: the refusal is temporary and the same request may succeed then. */
    readonly retryAfterSeconds?: number,
  ) {
    super(detail ?? title);
  }
}

export const unauthorized = (detail = 'A valid bearer token is required.') =>
  new ApiError(401, 'UNAUTHORIZED', 'Unauthorized', detail);

export const payloadTooLarge = (limitBytes: number) =>
  new ApiError(413, 'PAYLOAD_TOO_LARGE', 'Payload too large', `The body exceeds ${limitBytes} bytes.`);

export const notAcceptable = (offered: readonly string[]) =>
  new ApiError(406, 'NOT_ACCEPTABLE', 'Not acceptable', `Accept one of: ${offered.join(', ')}.`);

export const unsupportedMediaType = () =>
  new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type', 'Send the body as application/json.');
