import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatchOrderKeys } from '../../../shared/db/keys';
import { findDispatchOrders } from '../../../shared/repositories/dispatch-orders';

const ddb = mockClient(DynamoDBDocumentClient);

const header = (id: string, inline: boolean) => ({
  ...dispatchOrderKeys.item(id),
  id,
  unitIds: ['UNIT1'],
  version: 1,
  createdAt: '2026-12-01T01:00:00.000Z',
  updatedAt: '2026-12-01T01:00:00.000Z',
  ...(inline ? { items: [] } : { kind: 'office' }),
});

const lineOf = (orderId: string, at: string, issueId: string) => ({
  ...dispatchOrderKeys.line(orderId, at, issueId),
  orderId,
  at,
  issueId,
  leadUnitId: 'UNIT1',
  coUnitIds: [],
  dueDate: '2026-12-08',
  note: issueId,
});

type BatchInput = { RequestItems: Record<string, { Keys: { pk: string }[] }> };

describe('findDispatchOrders', () => {
  beforeEach(() => ddb.reset());

  it('reads 100 keys to a batch (BatchGetItem refuses more) and answers in the order asked', async () => {
    ddb.on(BatchGetCommand).callsFake(({ RequestItems }: BatchInput) => {
      const [table, { Keys }] = Object.entries(RequestItems)[0] as [string, { Keys: { pk: string }[] }];
      return { Responses: { [table]: Keys.map(({ pk }) => header(pk.slice('DORDER#'.length), true)) } };
    });
    const ids = Array.from({ length: 250 }, (_, i) => `order-${String(i).padStart(3, '0')}`).reverse();

    const orders = await findDispatchOrders(ids);

    const batches = ddb
      .commandCalls(BatchGetCommand)
      .map((call) => Object.values(call.args[0].input.RequestItems ?? {})[0]?.Keys?.length);
    expect(batches).toEqual([100, 100, 50]);
    expect(orders.map((order) => order.id)).toEqual(ids);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('reads the lines of an order that keeps them apart with one Query, and none for an order keeping them inline', async () => {
    ddb.on(BatchGetCommand).resolves({
      Responses: { program: [header('INLINE', true), header('APART', false)] },
    });
    ddb.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'DORDER#APART', ':sk': 'LINE#' } }).resolves({
      Items: [
        lineOf('APART', '2026-12-01T01:00:00.000Z', 'ISSUE1'),
        lineOf('APART', '2026-12-01T03:00:00.000Z', 'ISSUE2'),
      ],
    });

    const [inline, apart] = await findDispatchOrders(['INLINE', 'APART']);

    expect(inline?.items).toEqual([]);
    expect(apart?.items.map((line) => line.issueId)).toEqual(['ISSUE1', 'ISSUE2']);
    expect(apart?.items[0]).toEqual({
      issueId: 'ISSUE1',
      leadUnitId: 'UNIT1',
      coUnitIds: [],
      dueDate: '2026-12-08',
      note: 'ISSUE1',
    });
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(1);
  });

  it('reads nothing for no ids', async () => {
    expect(await findDispatchOrders([])).toEqual([]);
    expect(ddb.commandCalls(BatchGetCommand)).toHaveLength(0);
  });
});
