/**
 * The one error contract of the API. Anything thrown that is not an ApiError becomes a generic 500:
 * internal messages never reach a client.
 */
export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** Clients may see the message: it was written for them. */
  readonly expose = true;

  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? title);
  }
}

export const badRequest = (code: string, detail: string, errors?: FieldError[]) =>
  new ApiError(400, code, 'Bad request', detail, errors);

export const validationFailed = (errors: FieldError[]) =>
  new ApiError(
    400,
    'VALIDATION_FAILED',
    'Validation failed',
    'The request does not match the schema.',
    errors,
  );

export const unauthorized = (detail = 'A valid bearer token is required.') =>
  new ApiError(401, 'UNAUTHORIZED', 'Unauthorized', detail);

export const forbidden = (detail = 'Your role does not allow this action.') =>
  new ApiError(403, 'FORBIDDEN', 'Forbidden', detail);

export const notFound = (what = 'The resource') =>
  new ApiError(404, 'NOT_FOUND', 'Not found', `${what} does not exist or is outside your scope.`);

export const conflict = (code: string, detail: string) => new ApiError(409, code, 'Conflict', detail);

export const invalidTransition = (detail: string) =>
  new ApiError(409, 'INVALID_TRANSITION', 'Invalid transition', detail);

export const preconditionFailed = (detail = 'The record has changed since you read it; reload and retry.') =>
  new ApiError(412, 'VERSION_MISMATCH', 'Precondition failed', detail);

export const preconditionRequired = () =>
  new ApiError(
    428,
    'PRECONDITION_REQUIRED',
    'Precondition required',
    'Send If-Match with the version you read to update this record.',
  );

export const payloadTooLarge = (limitBytes: number) =>
  new ApiError(413, 'PAYLOAD_TOO_LARGE', 'Payload too large', `The body exceeds ${limitBytes} bytes.`);

export const unsupportedMediaType = () =>
  new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type', 'Send the body as application/json.');

export const idempotencyKeyReused = () =>
  new ApiError(
    422,
    'IDEMPOTENCY_KEY_REUSED',
    'Idempotency key reused',
    'This Idempotency-Key was already used with a different request body.',
  );
