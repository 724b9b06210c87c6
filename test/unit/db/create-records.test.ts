import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRecords, type GuardedPut } from '../../../shared/db/records';
import { conflict } from '../../../shared/http/errors';

const ddb = mockClient(DynamoDBDocumentClient);
const token = { scopedKey: 'user|POST /units|key-1', requestHash: 'hash-a' };
const puts: GuardedPut[] = [
  { item: { pk: 'UNIT#1', sk: 'UNIT', name: 'a' }, onTaken: () => conflict('CONFLICT', 'exists') },
  { item: { pk: 'UNIQUE#UNIT_CODE#A', sk: 'UNIQUE' }, onTaken: () => conflict('UNIT_CODE_TAKEN', 'taken') },
];
const reply = { status: 201, body: { id: '1' } };

const cancelled = (reasons: { Code: string; Item?: Record<string, unknown> }[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: reasons.map(({ Code, Item }) => ({ Code, Item: Item && marshall(Item) })),
  });

describe('createRecords', () => {
  beforeEach(() => ddb.reset());

  it('writes the guard and every record in one transaction, none overwriting', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    await expect(createRecords(puts, reply, token)).resolves.toEqual(reply);
    const items = ddb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(items).toHaveLength(3);
    expect(items.every((item) => item.Put?.ConditionExpression === 'attribute_not_exists(pk)')).toBe(true);
    expect(items[0]?.Put?.Item).toMatchObject({
      pk: `IDEMPOTENCY#${token.scopedKey}`,
      requestHash: 'hash-a',
      reply: JSON.stringify(reply),
    });
  });

  it('replays the first reply when the guard exists for the same body', async () => {
    const first = { status: 201, body: { id: 'first' } };
    ddb
      .on(TransactWriteCommand)
      .rejects(
        cancelled([
          { Code: 'ConditionalCheckFailed', Item: { requestHash: 'hash-a', reply: JSON.stringify(first) } },
          { Code: 'None' },
        ]),
      );
    await expect(createRecords(puts, reply, token)).resolves.toEqual(first);
  });

  it('refuses a reused key with a different body (422)', async () => {
    ddb
      .on(TransactWriteCommand)
      .rejects(
        cancelled([
          { Code: 'ConditionalCheckFailed', Item: { requestHash: 'hash-b', reply: JSON.stringify(reply) } },
          { Code: 'None' },
        ]),
      );
    await expect(createRecords(puts, reply, token)).rejects.toMatchObject({
      statusCode: 422,
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('names the uniqueness claim that was taken', async () => {
    ddb
      .on(TransactWriteCommand)
      .rejects(cancelled([{ Code: 'None' }, { Code: 'None' }, { Code: 'ConditionalCheckFailed' }]));
    await expect(createRecords(puts, reply, token)).rejects.toMatchObject({
      statusCode: 409,
      code: 'UNIT_CODE_TAKEN',
    });
  });

  it('passes other failures on unchanged', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled([{ Code: 'TransactionConflict' }]));
    await expect(createRecords(puts, reply)).rejects.toBeInstanceOf(TransactionCanceledException);
  });
});
