import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { CreatedBefore } from '../../../shared/db/creation-guard';
import { createRecords, type GuardedPut } from '../../../shared/db/records';
import { Conflict } from '../../../shared/domain/errors';
import { refusalOf } from '../../support/refusal';

const ddb = mockClient(DynamoDBDocumentClient);
const reply = { status: 201, body: { id: '1' } };
const guard = { scopedKey: 'user|POST /units|key-1', requestHash: 'hash-a', replay: JSON.stringify(reply) };
const puts: GuardedPut[] = [
  { item: { pk: 'UNIT#1', sk: 'UNIT', name: 'a' }, onTaken: () => new Conflict('CONFLICT', 'exists') },
  {
    item: { pk: 'UNIQUE#UNIT_CODE#A', sk: 'UNIQUE' },
    onTaken: () => new Conflict('UNIT_CODE_TAKEN', 'taken'),
  },
];

const cancelled = (reasons: { Code: string; Item?: Record<string, unknown> }[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: reasons.map(({ Code, Item }) => ({ Code, Item: Item && marshall(Item) })),
  });

describe('createRecords', () => {
  beforeEach(() => ddb.reset());

  it('writes the guard, every record and the completed idempotency record in one transaction, none overwriting', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    let stored = 0;
    await expect(createRecords(puts, { ...guard, stored: () => stored++ })).resolves.toBeUndefined();
    expect(stored).toBe(1);
    const items = ddb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(items).toHaveLength(4);
    const completion = items.at(-1);
    expect(
      items.slice(0, -1).every((item) => item.Put?.ConditionExpression === 'attribute_not_exists(pk)'),
    ).toBe(true);
    expect(completion?.Update?.Key).toEqual({ id: guard.scopedKey });
    expect(completion?.Update?.ExpressionAttributeValues).toMatchObject({
      ':completed': 'COMPLETED',
      ':reply': JSON.stringify(reply),
      ':hash': 'hash-a',
    });
    expect(items[0]?.Put?.Item).toMatchObject({
      pk: `IDEMPOTENCY#${guard.scopedKey}`,
      requestHash: 'hash-a',
      reply: JSON.stringify(reply),
    });
  });

  it('hands back the first reply, as stored, when the guard exists for the same body', async () => {
    const first = { status: 201, body: { id: 'first' } };
    ddb
      .on(TransactWriteCommand)
      .rejects(
        cancelled([
          { Code: 'ConditionalCheckFailed', Item: { requestHash: 'hash-a', reply: JSON.stringify(first) } },
          { Code: 'None' },
        ]),
      );
    const replayed = await createRecords(puts, guard).catch((error: unknown) => error);
    expect(replayed).toBeInstanceOf(CreatedBefore);
    expect((replayed as CreatedBefore).replay).toBe(JSON.stringify(first));
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
    expect(await refusalOf(createRecords(puts, guard))).toMatchObject({
      statusCode: 422,
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('names the uniqueness claim that was taken', async () => {
    ddb
      .on(TransactWriteCommand)
      .rejects(cancelled([{ Code: 'None' }, { Code: 'None' }, { Code: 'ConditionalCheckFailed' }]));
    expect(await refusalOf(createRecords(puts, guard))).toMatchObject({
      statusCode: 409,
      code: 'UNIT_CODE_TAKEN',
    });
  });

  /**
   * A transaction that met another one cancels with TransactionConflict on the contended item, and
   * the reasons beside it may name a condition failure that proves nothing (the guard's without the
   * item it found): the request lost a race, so the client is told to retry, never that its key was
   * reused or its record taken.
   */
  it.each([
    ['the guard', [{ Code: 'ConditionalCheckFailed' }, { Code: 'TransactionConflict' }, { Code: 'None' }]],
    [
      'a uniqueness claim',
      [{ Code: 'TransactionConflict' }, { Code: 'None' }, { Code: 'ConditionalCheckFailed' }],
    ],
  ])('answers a condition failure on %s beside a TransactionConflict as a lost race', async (_, reasons) => {
    ddb.on(TransactWriteCommand).rejects(cancelled(reasons));
    expect(await refusalOf(createRecords(puts, guard))).toMatchObject({
      statusCode: 409,
      code: 'CONCURRENT_UPDATE',
    });
  });

  it('passes other failures on unchanged', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled([{ Code: 'TransactionConflict' }]));
    await expect(createRecords(puts)).rejects.toBeInstanceOf(TransactionCanceledException);
  });
});
