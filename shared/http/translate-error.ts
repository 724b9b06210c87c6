import {
  IdempotencyAlreadyInProgressError,
  IdempotencyValidationError,
} from '@aws-lambda-powertools/idempotency';
import { ApiError, conflict, idempotencyKeyReused } from './errors';

/** Library errors with a meaning for the client become ApiErrors; everything else stays a 500. */
export const translateKnownError = (error: unknown): unknown => {
  if (error instanceof ApiError) return error;
  if (error instanceof IdempotencyValidationError) return idempotencyKeyReused();
  if (error instanceof IdempotencyAlreadyInProgressError) {
    return conflict(
      'IDEMPOTENCY_IN_PROGRESS',
      'A request with this Idempotency-Key is still being processed.',
    );
  }
  return error;
};
