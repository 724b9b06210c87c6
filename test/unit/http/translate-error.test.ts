import {
  IdempotencyAlreadyInProgressError,
  IdempotencyValidationError,
} from '@aws-lambda-powertools/idempotency';
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
  it('maps idempotency outcomes to 422 and 409', () => {
    expect(translateKnownError(new IdempotencyValidationError('x'))).toMatchObject({
      statusCode: 422,
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(translateKnownError(new IdempotencyAlreadyInProgressError('x'))).toMatchObject({
      statusCode: 409,
      code: 'IDEMPOTENCY_IN_PROGRESS',
    });
  });

  it('maps a transaction that lost a race to 409 and leaves other cancellations alone', () => {
    expect(translateKnownError(cancelled('TransactionConflict'))).toMatchObject({
      statusCode: 409,
      code: 'CONCURRENT_UPDATE',
    });
    const other = cancelled('ValidationError');
    expect(translateKnownError(other)).toBe(other);
  });
});
