import {
  CreateTableCommand,
  type DynamoDBClient,
  paginateListTables,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { TableDefinition } from '../template/tables';

/**
 * Creates the template's tables that do not exist yet, with their TTL. Existing tables are left as
 * they are: they hold the developer's data (`--fresh` starts over).
 */
export const ensureTables = async (
  client: DynamoDBClient,
  tables: readonly TableDefinition[],
): Promise<{ created: string[] }> => {
  const existing = new Set<string>();
  for await (const page of paginateListTables({ client }, {})) {
    for (const name of page.TableNames ?? []) existing.add(name);
  }
  const missing = tables.filter((table) => !existing.has(table.create.TableName));
  await Promise.all(
    missing.map(async (table) => {
      await client.send(new CreateTableCommand(table.create));
      if (table.timeToLiveAttribute) {
        await client.send(
          new UpdateTimeToLiveCommand({
            TableName: table.create.TableName,
            TimeToLiveSpecification: { AttributeName: table.timeToLiveAttribute, Enabled: true },
          }),
        );
      }
    }),
  );
  return { created: missing.map((table) => table.create.TableName) };
};
