import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
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
}

/** The one place that knows which status and title each refusal of the program answers with. */
const PROBLEM_KINDS: readonly ProblemKind[] = [
  { refusal: ValidationFailed, status: 400, title: 'Validation failed' },
  { refusal: InputRejected, status: 400, title: 'Bad request' },
  { refusal: Forbidden, status: 403, title: 'Forbidden' },
  { refusal: NotFound, status: 404, title: 'Not found' },
  { refusal: JobNotFound, status: 404, title: 'Not found' },
  { refusal: Conflict, status: 409, title: 'Conflict' },
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

const lostTransactionRace = (error: unknown) =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict');

/**
 * The ApiError a client receives for a known error: refusals of the program by their kind, and
 * library errors with a meaning for the client; anything else is returned as is (and answers 500).
 */
export const translateKnownError = (error: unknown): unknown => {
  if (error instanceof ApiError) return error;
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
  );
};
