import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  paginateListTables,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { TableDefinition } from '../template/tables';

export interface EnsuredTables {
  created: string[];
  /** Existing tables whose stream, declared by the template since, was turned on. */
  streamed: string[];
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

const missingIndexes = (table: TableDefinition, existing: TableDescription | undefined): string[] => {
  const names = new Set(
    [...(existing?.GlobalSecondaryIndexes ?? []), ...(existing?.LocalSecondaryIndexes ?? [])].map(
      (index) => index.IndexName,
    ),
  );
  return [...(table.create.GlobalSecondaryIndexes ?? []), ...(table.create.LocalSecondaryIndexes ?? [])]
    .map((index) => index.IndexName ?? '')
    .filter((name) => !names.has(name));
};

/**
 * Turns on the stream the template declares on a table kept from before it did: the functions fed
 * by that stream would otherwise never run. The data stays; only later writes reach the stream.
 */
const enableStream = async (
  client: DynamoDBClient,
  table: TableDefinition,
  existing: TableDescription | undefined,
): Promise<boolean> => {
  const wanted = table.create.StreamSpecification;
  if (!wanted || existing?.StreamSpecification?.StreamEnabled) return false;
  await client.send(
    new UpdateTableCommand({ TableName: table.create.TableName, StreamSpecification: wanted }),
  );
  return true;
};

/** A kept table: its stream turned on if the template wants one, and the indexes it lacks reported. */
const reconcile = async (client: DynamoDBClient, table: TableDefinition) => {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: table.create.TableName }));
  const streamed = await enableStream(client, table, Table);
  const indexes = missingIndexes(table, Table);
  return {
    streamed,
    drift:
      indexes.length === 0
        ? []
        : [
            `Table ${table.create.TableName} lacks index ${indexes.join(', ')} (npm start -- --fresh recreates it)`,
          ],
  };
};

/**
 * Creates the template's tables that do not exist yet, with their TTL and stream. Existing tables
 * keep the developer's data; one that lacks an index the template has since gained is reported,
 * because queries on that index would fail in ways that are hard to trace, and one that lacks the
 * stream the template declares gets it.
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
  const [, reconciled] = await Promise.all([
    Promise.all(missing.map((table) => createTable(client, table))),
    Promise.all(kept.map((table) => reconcile(client, table))),
  ]);
  return {
    created: missing.map((table) => table.create.TableName),
    streamed: kept.filter((_, i) => reconciled[i]?.streamed).map((table) => table.create.TableName),
    drift: reconciled.flatMap((table) => table.drift),
  };
};
