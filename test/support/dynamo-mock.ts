import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import type { ItemKey } from '../../shared/db/keys';

export type StoredItem = ItemKey & Record<string, unknown>;

interface QueryInput {
  IndexName?: string;
  KeyConditionExpression?: string;
  ExpressionAttributeValues?: Record<string, unknown>;
}

/** A sort-key range query of the table itself (an issue with its workflow item), answered from `items`. */
const tableRange = (
  items: StoredItem[],
  { IndexName, KeyConditionExpression, ExpressionAttributeValues = {} }: QueryInput,
) => {
  if (IndexName || !KeyConditionExpression?.includes('BETWEEN')) return [];
  const {
    ':pk': pk,
    ':from': from = '',
    ':to': to = '',
  } = ExpressionAttributeValues as Record<string, string>;
  return items.filter((item) => item.pk === pk && String(item.sk) >= from && String(item.sk) <= to);
};

/**
 * A mocked document client whose GetCommand and BatchGetCommand answer from `items` by key (as the
 * table would), whose sort-key range queries of the table answer from them too, and whose other
 * queries and transactions succeed with nothing; tests override what they look at.
 */
export const mockProgramTable = () => {
  const ddb = mockClient(DynamoDBDocumentClient);
  const serve = (items: StoredItem[]) => {
    ddb.reset();
    ddb.on(GetCommand).callsFake(({ Key }: { Key: ItemKey }) => ({
      Item: items.find((item) => item.pk === Key.pk && item.sk === Key.sk),
    }));
    ddb
      .on(BatchGetCommand)
      .callsFake(({ RequestItems }: { RequestItems: Record<string, { Keys: ItemKey[] }> }) => ({
        Responses: Object.fromEntries(
          Object.entries(RequestItems).map(([table, { Keys }]) => [
            table,
            Keys.flatMap((key) => items.filter((item) => item.pk === key.pk && item.sk === key.sk)),
          ]),
        ),
      }));
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb
      .on(QueryCommand, { KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to' })
      .callsFake((input: QueryInput) => ({ Items: tableRange(items, input) }));
    ddb.on(TransactWriteCommand).resolves({});
  };
  return { ddb, serve };
};
