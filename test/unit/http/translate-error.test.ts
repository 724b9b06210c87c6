import {
  InternalServerError,
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { SFNServiceException } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { CalendarYearMissingError } from '../../../shared/domain/calendar/errors';
import * as domainErrors from '../../../shared/domain/errors';
import {
  Conflict,
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
} from '../../../shared/domain/errors';
import { ApiError } from '../../../shared/http/errors';
import { problemResponse } from '../../../shared/http/problem';
import { translateKnownError } from '../../../shared/http/translate-error';

const cancelled = (code: string) =>
  new TransactionCanceledException({
    message: 'cancelled',
    $metadata: {},
    CancellationReasons: [{ Code: code }],
  });

const problem = { path: 'body.x', message: 'Wrong' };

describe('translateKnownError', () => {
  it.each([
    [
      new ValidationFailed([problem]),
      400,
      'VALIDATION_FAILED',
      'Validation failed',
      'The request does not match the schema.',
      [problem],
    ],
    [
      new InputRejected('UNKNOWN_REFERENCE', 'Names nothing.', [problem]),
      400,
      'UNKNOWN_REFERENCE',
      'Bad request',
      'Names nothing.',
      [problem],
    ],
    [
      new InputRejected('INVALID_CURSOR', 'Not ours.'),
      400,
      'INVALID_CURSOR',
      'Bad request',
      'Not ours.',
      undefined,
    ],
    [new Forbidden(), 403, 'FORBIDDEN', 'Forbidden', 'Your role does not allow this action.', undefined],
    [
      new NotFound('The issue'),
      404,
      'NOT_FOUND',
      'Not found',
      'The issue does not exist or is outside your scope.',
      undefined,
    ],
    [
      new JobNotFound('nightly'),
      404,
      'JOB_NOT_FOUND',
      'Not found',
      'There is no job named nightly.',
      undefined,
    ],
    [new Conflict('CREDIT_CODE_TAKEN', 'Taken.'), 409, 'CREDIT_CODE_TAKEN', 'Conflict', 'Taken.', undefined],
    [
      new RequestInProgress(),
      409,
      'IDEMPOTENCY_IN_PROGRESS',
      'Conflict',
      'A request with this Idempotency-Key is still being processed.',
      undefined,
    ],
    [
      new InvalidTransition('Too early.'),
      409,
      'INVALID_TRANSITION',
      'Invalid transition',
      'Too early.',
      undefined,
    ],
    [
      new StaleVersion(),
      412,
      'VERSION_MISMATCH',
      'Precondition failed',
      'The record has changed since you read it; reload and retry.',
      undefined,
    ],
    [
      new IdempotencyKeyReused(),
      422,
      'IDEMPOTENCY_KEY_REUSED',
      'Idempotency key reused',
      'This Idempotency-Key was already used with a different request body.',
      undefined,
    ],
    [
      new ExportTooLarge('Shorter, please.'),
      422,
      'EXPORT_TOO_LARGE',
      'Export too large',
      'Shorter, please.',
      undefined,
    ],
    [
      new VersionRequired(),
      428,
      'PRECONDITION_REQUIRED',
      'Precondition required',
      'Send If-Match with the version you read to update this record.',
      undefined,
    ],
  ])(
    'answers %o with its status, code, title and detail',
    (refusal, statusCode, code, title, detail, errors) => {
      const translated = translateKnownError(refusal);
      expect(translated).toBeInstanceOf(ApiError);
      expect(translated).toMatchObject({ statusCode, code, title, detail });
      expect((translated as ApiError).errors).toEqual(errors);
    },
  );

  it('maps every refusal shared/domain/errors.ts defines (none falls through to a 500)', () => {
    const refusals = Object.values(domainErrors).filter(
      (value): value is typeof domainErrors.DomainError =>
        typeof value === 'function' && value.prototype instanceof domainErrors.DomainError,
    );
    expect(refusals.length).toBeGreaterThan(0);
    for (const refusal of refusals) {
      const instance = Object.assign(Object.create(refusal.prototype), { code: 'X', problems: [] });
      expect(translateKnownError(instance), refusal.name).toBeInstanceOf(ApiError);
    }
  });

  it('answers a year the calendar lacks as a conflict with its own code', () => {
    expect(translateKnownError(new CalendarYearMissingError(2031))).toMatchObject({
      statusCode: 409,
      code: 'CALENDAR_YEAR_MISSING',
      title: 'Conflict',
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

  it('leaves an ApiError and an unknown error as they are', () => {
    const edge = new ApiError(401, 'UNAUTHORIZED', 'Unauthorized');
    const crash = new Error('database password is hunter2');
    expect(translateKnownError(edge)).toBe(edge);
    expect(translateKnownError(crash)).toBe(crash);
  });

  /** What the SDK throws once its own retries are spent, for each way a service says "not now". */
  const busy: [string, Error][] = [
    [
      'a throttled read or write',
      new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }),
    ],
    ['an account request limit', new RequestLimitExceeded({ message: 'limit', $metadata: {} })],
    ['a server error', new InternalServerError({ message: 'oops', $metadata: { httpStatusCode: 500 } })],
    [
      "another service's 503",
      new SFNServiceException({
        name: 'ServiceUnavailable',
        $fault: 'server',
        message: 'unavailable',
        $metadata: { httpStatusCode: 503 },
      }),
    ],
    ['a socket timeout', Object.assign(new Error('socket timed out'), { name: 'TimeoutError' })],
    ['a connection reset', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a transaction cancelled for throttling', cancelled('ThrottlingError')],
  ];

  it.each(busy)('answers %s with 503 and a Retry-After of 1 to 3 seconds', (_, error) => {
    const response = problemResponse(error, 'corr-1');
    expect(response.statusCode).toBe(503);
    expect(JSON.parse(String(response.body))).toMatchObject({ code: 'SERVICE_BUSY', status: 503 });
    expect(['1', '2', '3']).toContain(response.headers?.['retry-after']);
  });

  it('spreads Retry-After over its range rather than sending every client back at once', () => {
    const throttled = new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} });
    const seconds = new Set(
      Array.from({ length: 200 }, () => problemResponse(throttled, 'c').headers?.['retry-after']),
    );
    expect(seconds).toEqual(new Set(['1', '2', '3']));
  });

  it('tells a repeat of a request still in progress when to come back: 409 with a jittered Retry-After', () => {
    const seconds = new Set(
      Array.from({ length: 200 }, () => {
        const response = problemResponse(new RequestInProgress(), 'c');
        expect(response.statusCode).toBe(409);
        return response.headers?.['retry-after'];
      }),
    );
    expect(seconds).toEqual(new Set(['1', '2', '3']));
  });

  it('keeps a 500 for what retrying cannot fix, and sends no Retry-After with other refusals', () => {
    const bug = Object.assign(new Error('One or more parameter values were invalid'), {
      name: 'ValidationException',
      $metadata: { httpStatusCode: 400 },
    });
    expect(problemResponse(bug, 'c').statusCode).toBe(500);
    expect(problemResponse(bug, 'c').headers).not.toHaveProperty('retry-after');
    expect(problemResponse(new StaleVersion(), 'c').headers).not.toHaveProperty('retry-after');
    expect(problemResponse(cancelled('TransactionConflict'), 'c').statusCode).toBe(409);
  });
});
