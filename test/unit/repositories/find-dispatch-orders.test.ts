import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { findDispatchOrders } from '../../../shared/repositories/dispatch-orders';

const ddb = mockClient(DynamoDBDocumentClient);

describe('findDispatchOrders', () => {
  beforeEach(() => ddb.reset());

  it('reads 100 keys to a batch (BatchGetItem refuses more) and answers in the order asked', async () => {
    ddb
      .on(BatchGetCommand)
      .callsFake(({ RequestItems }: { RequestItems: Record<string, { Keys: { pk: string }[] }> }) => {
        const [table, { Keys }] = Object.entries(RequestItems)[0] as [string, { Keys: { pk: string }[] }];
        return {
          Responses: {
            [table]: Keys.map(({ pk }) => ({ pk, sk: 'DORDER', id: pk.slice('DORDER#'.length) })),
          },
        };
      });
    const ids = Array.from({ length: 250 }, (_, i) => `order-${String(i).padStart(3, '0')}`).reverse();

    const orders = await findDispatchOrders(ids);

    const batches = ddb
      .commandCalls(BatchGetCommand)
      .map((call) => Object.values(call.args[0].input.RequestItems ?? {})[0]?.Keys?.length);
    expect(batches).toEqual([100, 100, 50]);
    expect(orders.map((order) => order.id)).toEqual(ids);
  });

  it('reads nothing for no ids', async () => {
    expect(await findDispatchOrders([])).toEqual([]);
    expect(ddb.commandCalls(BatchGetCommand)).toHaveLength(0);
  });
});
