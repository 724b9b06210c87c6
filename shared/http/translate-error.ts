import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { CalendarYearMissingError } from '../domain/calendar/errors';
import { ApiError, conflict } from './errors';

const lostTransactionRace = (error: unknown) =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict');

/** Library errors with a meaning for the client become ApiErrors; everything else stays a 500. */
export const translateKnownError = (error: unknown): unknown => {
  if (error instanceof ApiError) return error;
  if (error instanceof CalendarYearMissingError) {
    return conflict(error.code, error.message);
  }
  // Another transaction touched the same items at the same moment; nothing was written.
  if (lostTransactionRace(error))
    return conflict('CONCURRENT_UPDATE', 'The record changed concurrently; retry.');
  return error;
};
