import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  paginateListTables,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { TableDefinition } from '../template/tables';

export interface EnsuredTables {
  created: string[];
  /** Existing tables that lack an index the template declares: one line each, for the developer. */
  drift: string[];
}

const createTable = async (client: DynamoDBClient, table: TableDefinition) => {
  await client.send(new CreateTableCommand(table.create));
  if (table.timeToLiveAttribute) {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: table.create.TableName,
        TimeToLiveSpecification: { AttributeName: table.timeToLiveAttribute, Enabled: true },
      }),
    );
  }
};

const missingIndexes = async (client: DynamoDBClient, table: TableDefinition): Promise<string[]> => {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: table.create.TableName }));
  const existing = new Set(
    [...(Table?.GlobalSecondaryIndexes ?? []), ...(Table?.LocalSecondaryIndexes ?? [])].map(
      (index) => index.IndexName,
    ),
  );
  return [...(table.create.GlobalSecondaryIndexes ?? []), ...(table.create.LocalSecondaryIndexes ?? [])]
    .map((index) => index.IndexName ?? '')
    .filter((name) => !existing.has(name));
};

/**
 * Creates the template's tables that do not exist yet, with their TTL. Existing tables are left as
 * they are, since they hold the developer's data; one that lacks an index the template has since
 * gained is reported, because queries on that index would fail in ways that are hard to trace.
 */
export const ensureTables = async (
  client: DynamoDBClient,
  tables: readonly TableDefinition[],
): Promise<EnsuredTables> => {
  const existing = new Set<string>();
  for await (const page of paginateListTables({ client }, {})) {
    for (const name of page.TableNames ?? []) existing.add(name);
  }
  const missing = tables.filter((table) => !existing.has(table.create.TableName));
  const kept = tables.filter((table) => existing.has(table.create.TableName));
  const [, drift] = await Promise.all([
    Promise.all(missing.map((table) => createTable(client, table))),
    Promise.all(
      kept.map(async (table) => {
        const indexes = await missingIndexes(client, table);
        return indexes.length === 0
          ? []
          : [
              `Table ${table.create.TableName} lacks index ${indexes.join(', ')} (npm start -- --fresh recreates it)`,
            ];
      }),
    ),
  ]);
  return { created: missing.map((table) => table.create.TableName), drift: drift.flat() };
};
