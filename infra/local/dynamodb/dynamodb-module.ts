import type { LocalModule } from '../local-module';
import { localTable, tableDefinitions } from '../template/tables';
import { localDynamoClient } from './client';
import type { DynamoDbLocal } from './dynamodb-local';
import { ensureTables } from './tables';

/**
 * DynamoDB as a local module: the template's tables in DynamoDB Local (launched earlier, so the JVM
 * boots while the app synthesizes), and the endpoint override that points handlers' SDK clients there.
 */
export const dynamoDbModule = (dynamo: DynamoDbLocal, storage: string): LocalModule => ({
  name: 'dynamodb',
  async start({ stacks, region, accountId }) {
    await dynamo.ready;
    const client = localDynamoClient(dynamo.endpoint, region);
    try {
      await ensureTables(client, stacks.flatMap(tableDefinitions));
    } finally {
      client.destroy();
    }
    const namer = localTable(region, accountId);
    return {
      environment: { AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint },
      namers: { 'AWS::DynamoDB::Table': namer, 'AWS::DynamoDB::GlobalTable': namer },
      banner: [`DynamoDB Local  ${dynamo.endpoint} (${storage})`],
      stop: dynamo.stop,
    };
  },
});
