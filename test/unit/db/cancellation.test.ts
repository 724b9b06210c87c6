import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { conditionRefused } from '../../../shared/db/cancellation';

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe('conditionRefused', () => {
  it('names a condition that failed, at its write or anywhere', () => {
    const error = cancelled('None', 'ConditionalCheckFailed');
    expect(conditionRefused(error)).toBe(true);
    expect(conditionRefused(error, 1)).toBe(true);
    expect(conditionRefused(error, 0)).toBe(false);
  });

  it.each([
    ['TransactionConflict'],
    ['ThrottlingError'],
    ['ProvisionedThroughputExceeded'],
    ['RequestLimitExceeded'],
  ])('is no refusal when the cancellation also names %s (a retry decides)', (code) => {
    expect(conditionRefused(cancelled('ConditionalCheckFailed', code))).toBe(false);
    expect(conditionRefused(cancelled(code, 'ConditionalCheckFailed'), 1)).toBe(false);
  });

  it('is no refusal for other errors', () => {
    expect(conditionRefused(cancelled('TransactionConflict'))).toBe(false);
    expect(conditionRefused(new ConditionalCheckFailedException({ message: 'failed', $metadata: {} }))).toBe(
      false,
    );
    expect(conditionRefused(new Error('x'))).toBe(false);
  });
});
