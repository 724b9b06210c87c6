import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { isServerError, isThrottlingError, isTransientError } from '@smithy/core/retry';
import { CalendarYearMissingError } from '../domain/calendar/errors';
import {
  Conflict,
  type DomainError,
  ExportTooLarge,
  Forbidden,
  IdempotencyKeyReused,
  InputRejected,
  InvalidTransition,
  JobNotFound,
  NotFound,
  RequestInProgress,
  StaleVersion,
  ValidationFailed,
  VersionRequired,
} from '../domain/errors';
import { ApiError } from './errors';

interface ProblemKind {
  refusal: abstract new (...args: never[]) => DomainError;
  status: number;
  title: string;
  /** Words for the client where the refusal's own message does not name the HTTP means (a header). */
  detail?: string;
  /** The refusal is temporary: the same request may succeed a moment later (sent as Retry-After). */
  temporary?: true;
}

/** The one place that knows which status and title each refusal of the program answers with. */
const PROBLEM_KINDS: readonly ProblemKind[] = [
  { refusal: ValidationFailed, status: 400, title: 'Validation failed' },
  { refusal: InputRejected, status: 400, title: 'Bad request' },
  { refusal: Forbidden, status: 403, title: 'Forbidden' },
  { refusal: NotFound, status: 404, title: 'Not found' },
  { refusal: JobNotFound, status: 404, title: 'Not found' },
  { refusal: Conflict, status: 409, title: 'Conflict' },
  { refusal: RequestInProgress, status: 409, title: 'Conflict', temporary: true },
  { refusal: CalendarYearMissingError, status: 409, title: 'Conflict' },
  { refusal: InvalidTransition, status: 409, title: 'Invalid transition' },
  { refusal: StaleVersion, status: 412, title: 'Precondition failed' },
  { refusal: IdempotencyKeyReused, status: 422, title: 'Idempotency key reused' },
  { refusal: ExportTooLarge, status: 422, title: 'Export too large' },
  {
    refusal: VersionRequired,
    status: 428,
    title: 'Precondition required',
    detail: 'Send If-Match with the version you read to update this record.',
  },
];

const cancelledFor = (error: unknown, codes: readonly string[]) =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some((reason) => codes.includes(reason.Code ?? ''));

const lostTransactionRace = (error: unknown) => cancelledFor(error, ['TransactionConflict']);

/** Reasons DynamoDB cancels a transaction for that say "not now" rather than "not this". */
const BUSY_CANCELLATIONS = ['ThrottlingError', 'ProvisionedThroughputExceeded', 'RequestLimitExceeded'];

/**
 * An AWS service error the SDK already retried (with its bounded, jittered backoff) and gave up on:
 * throttling, a timeout or connection reset, a 5xx. The same request may well succeed a little
 * later, so the client is told when, rather than given a 500.
 */
const serviceBusy = (error: unknown): boolean => {
  if (cancelledFor(error, BUSY_CANCELLATIONS)) return true;
  if (
    !(error instanceof Error) ||
    !('$metadata' in error || 'code' in error || error.name === 'TimeoutError')
  ) {
    return false;
  }
  const sdkError = error as Parameters<typeof isTransientError>[0];
  return isThrottlingError(sdkError) || isTransientError(sdkError) || isServerError(sdkError);
};

/**
 * Seconds a client should wait after a temporary refusal (a busy store, a request still in
 * progress): 1 to 3, spread so that the clients refused in one burst do not all come back in the
 * same second.
 */
const retryAfterSeconds = () => 1 + Math.floor(Math.random() * 3);

const unavailable = () =>
  new ApiError(
    503,
    'SERVICE_BUSY',
    'Service unavailable',
    'The data store is busy or did not answer in time. Retry after the Retry-After seconds; send the same Idempotency-Key where the route takes one.',
    undefined,
    retryAfterSeconds(),
  );

/**
 * The ApiError a client receives for a known error: refusals of the program by their kind, and
 * library errors with a meaning for the client; anything else is returned as is (and answers 500).
 */
export const translateKnownError = (error: unknown): unknown => {
  if (error instanceof ApiError) return error;
  if (serviceBusy(error)) return unavailable();
  // Another transaction touched the same items at the same moment; nothing was written.
  const known = lostTransactionRace(error)
    ? new Conflict('CONCURRENT_UPDATE', 'The record changed concurrently; retry.')
    : error;
  const kind = PROBLEM_KINDS.find(({ refusal }) => known instanceof refusal);
  if (!kind) return error;
  const refusal = known as DomainError;
  return new ApiError(
    kind.status,
    refusal.code,
    kind.title,
    kind.detail ?? refusal.message,
    refusal.problems.length > 0 ? [...refusal.problems] : undefined,
    kind.temporary ? retryAfterSeconds() : undefined,
  );
};
