import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiError } from '../../../shared/http/errors';
import { runIdempotently } from '../../../shared/http/idempotency';
import { lambdaContext } from '../../../tools/lambda-events';
import { refusalOf } from '../../support/refusal';

const ddb = mockClient(DynamoDBDocumentClient);
const token = { scopedKey: 'u1|POST /units|key-12345678', requestHash: 'hash-a' };
const reply = { status: 201, body: { id: 'U1' } };

const existing = (item: Record<string, unknown>) =>
  new ConditionalCheckFailedException({ message: 'taken', $metadata: {}, Item: marshall(item) });

describe('runIdempotently', () => {
  beforeEach(() => ddb.reset());

  it('claims the key, runs once and stores the reply', async () => {
    ddb.on(PutCommand).resolves({});
    ddb.on(UpdateCommand).resolves({});
    const run = vi.fn(async () => reply);
    await expect(runIdempotently(token, run, lambdaContext)).resolves.toEqual(reply);
    expect(run).toHaveBeenCalledTimes(1);
    expect(ddb.commandCalls(PutCommand)[0]?.args[0].input.Item).toMatchObject({
      id: token.scopedKey,
      status: 'INPROGRESS',
      requestHash: 'hash-a',
    });
    expect(ddb.commandCalls(UpdateCommand)[0]?.args[0].input.ExpressionAttributeValues).toMatchObject({
      ':completed': 'COMPLETED',
      ':reply': JSON.stringify(reply),
    });
  });

  it('leaves the record to a creation that completed it in its own transaction: two calls in all', async () => {
    ddb.on(PutCommand).resolves({});
    const run = vi.fn(async () => reply);
    const created = { ...token, completedWithCreation: () => true };
    await expect(runIdempotently(created, run, lambdaContext)).resolves.toEqual(reply);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(1);
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('replays a completed reply for the same body without running', async () => {
    ddb.on(PutCommand).rejects(
      existing({
        id: token.scopedKey,
        status: 'COMPLETED',
        requestHash: 'hash-a',
        reply: JSON.stringify(reply),
      }),
    );
    const run = vi.fn(async () => ({ status: 500 }));
    await expect(runIdempotently(token, run, lambdaContext)).resolves.toEqual(reply);
    expect(run).not.toHaveBeenCalled();
  });

  it('answers 409 while the first request still runs and 422 for another body', async () => {
    ddb
      .on(PutCommand)
      .rejects(existing({ id: token.scopedKey, status: 'INPROGRESS', requestHash: 'hash-a' }));
    const inProgress = (await refusalOf(
      runIdempotently(token, async () => reply, lambdaContext),
    )) as ApiError;
    expect(inProgress).toMatchObject({ statusCode: 409, code: 'IDEMPOTENCY_IN_PROGRESS' });
    // The first request will have an answer shortly: the repeat is told when to come back.
    expect([1, 2, 3]).toContain(inProgress.retryAfterSeconds);
    ddb.on(PutCommand).rejects(
      existing({
        id: token.scopedKey,
        status: 'COMPLETED',
        requestHash: 'hash-b',
        reply: JSON.stringify(reply),
      }),
    );
    expect(await refusalOf(runIdempotently(token, async () => reply, lambdaContext))).toMatchObject({
      statusCode: 422,
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('releases the key when the run fails, so the client can retry', async () => {
    ddb.on(PutCommand).resolves({});
    ddb.on(DeleteCommand).resolves({});
    const failure = new Error('validation');
    await expect(runIdempotently(token, () => Promise.reject(failure), lambdaContext)).rejects.toBe(failure);
    expect(ddb.commandCalls(DeleteCommand)[0]?.args[0].input.Key).toEqual({ id: token.scopedKey });
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0);
  });
});
