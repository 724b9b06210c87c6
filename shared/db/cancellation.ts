import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/**
 * Reasons DynamoDB cancels a transaction for that say "not now" rather than "not this": the
 * transaction met another one, or was throttled. Nothing was written, and the same request may
 * succeed a moment later.
 */
const RACE_OR_BUSY = [
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
];

/**
 * Whether a cancelled transaction is a refusal of this request because the condition of its
 * `index`-th write failed (any write's when no index is given). A cancellation that also names a
 * race or throttling is not: the condition failures beside such a reason prove nothing about the
 * stored state (a guard's may come without the item it found), so the caller passes the error on
 * as it is and the request is retried, which then meets the refusal for sure if there is one.
 */
export const conditionRefused = (error: unknown, index?: number): error is TransactionCanceledException => {
  if (!(error instanceof TransactionCanceledException)) return false;
  const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
  if (codes.some((code) => RACE_OR_BUSY.includes(code))) return false;
  return index === undefined
    ? codes.includes('ConditionalCheckFailed')
    : codes[index] === 'ConditionalCheckFailed';
};
