import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { translateKnownError } from '../../../shared/http/translate-error';

const cancelled = (code: string) =>
  new TransactionCanceledException({
    message: 'cancelled',
    $metadata: {},
    CancellationReasons: [{ Code: code }],
  });

describe('translateKnownError', () => {
  it('maps a transaction that lost a race to 409 and leaves other cancellations alone', () => {
    expect(translateKnownError(cancelled('TransactionConflict'))).toMatchObject({
      statusCode: 409,
      code: 'CONCURRENT_UPDATE',
    });
    const other = cancelled('ValidationError');
    expect(translateKnownError(other)).toBe(other);
  });
});
