import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { ComponentHealth } from '../health/component-health';
import type { LocalModule, LocalModuleContext } from '../local-module';
import { localTable, tableDefinitions } from '../template/tables';
import { localDynamoClient } from './client';
import type { DynamoDbLocal } from './dynamodb-local';
import { ensureTables } from './tables';

/**
 * Creates the template's tables in a running DynamoDB Local and says how handlers reach them: the
 * endpoint override for their SDK clients, and table names and ARNs for their environment.
 */
export const provisionTables = async (
  dynamo: DynamoDbLocal,
  { stacks, region, accountId }: Pick<LocalModuleContext, 'stacks' | 'region' | 'accountId'>,
) => {
  await dynamo.ready;
  const client = localDynamoClient(dynamo.endpoint, region);
  let drift: string[];
  try {
    ({ drift } = await ensureTables(client, stacks.flatMap(tableDefinitions)));
  } finally {
    client.destroy();
  }
  const namer = localTable(region, accountId);
  return {
    environment: { AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint },
    namers: { 'AWS::DynamoDB::Table': namer, 'AWS::DynamoDB::GlobalTable': namer },
    drift,
  };
};

/** Long enough for a busy JVM, short enough that a health check answers while a person waits. */
const PROBE_TIMEOUT_MS = 3_000;

/** DynamoDB Local answers a ListTables within the time: it is up and serving. */
const probeDynamoDb = (dynamo: DynamoDbLocal, region: string) => async (): Promise<ComponentHealth> => {
  const client = localDynamoClient(dynamo.endpoint, region, 1);
  try {
    const { TableNames = [] } = await client.send(new ListTablesCommand({}), {
      abortSignal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    return {
      component: 'dynamodb',
      status: 'ok',
      summary: `${dynamo.endpoint}, ${TableNames.length} tables`,
    };
  } catch (error) {
    return {
      component: 'dynamodb',
      status: 'broken',
      summary: `${dynamo.endpoint} does not answer: ${(error as Error).name}: ${(error as Error).message}`,
    };
  } finally {
    client.destroy();
  }
};

/** DynamoDB as a local module; DynamoDB Local is launched earlier, so the JVM boots while the app synthesizes. */
export const dynamoDbModule = (dynamo: DynamoDbLocal, storage: string): LocalModule => ({
  name: 'dynamodb',
  async start(context) {
    const { environment, namers, drift } = await provisionTables(dynamo, context);
    return {
      environment,
      namers,
      banner: [
        `DynamoDB Local  ${dynamo.endpoint} (${storage})`,
        ...drift.map((line) => `Warning         ${line}`),
      ],
      health: probeDynamoDb(dynamo, context.region),
      stop: dynamo.stop,
    };
  },
});
