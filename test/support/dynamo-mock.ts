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

/**
 * A mocked document client whose GetCommand and BatchGetCommand answer from `items` by key (as the table would) and
 * whose queries and transactions succeed with nothing; tests override what they look at.
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
    ddb.on(TransactWriteCommand).resolves({});
  };
  return { ddb, serve };
};
