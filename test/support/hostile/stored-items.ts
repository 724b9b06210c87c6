import { DynamoDBClient, ListTablesCommand, paginateScan } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';

/**
 * Counts every item in every table of the e2e server's DynamoDB Local: the proof that refused
 * requests wrote nothing. Updates do not change it; any new item, however small, does.
 */
export const countStoredItems = async (): Promise<Record<string, number>> => {
  const client = new DynamoDBClient({
    endpoint: inject('e2e').dynamoDbEndpoint,
    region: process.env.AWS_REGION ?? 'cn-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const { TableNames = [] } = await client.send(new ListTablesCommand({}));
    const counts: Record<string, number> = {};
    for (const table of TableNames) {
      let count = 0;
      for await (const page of paginateScan({ client }, { TableName: table, Select: 'COUNT' })) {
        count += page.Count ?? 0;
      }
      counts[table] = count;
    }
    return counts;
  } finally {
    client.destroy();
  }
};
