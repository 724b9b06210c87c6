import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { ensureTables } from '../../../infra/local/dynamodb/tables';
import { tableDefinitions } from '../../../infra/local/template/tables';
import { dataStack } from '../../support/local-template-fixture';

const setUp = (existing: string[]) => {
  const client = new DynamoDBClient({ region: 'cn-north-1' });
  const dynamo = mockClient(client);
  dynamo.on(ListTablesCommand).resolves({ TableNames: existing });
  dynamo.on(CreateTableCommand).resolves({});
  dynamo.on(UpdateTimeToLiveCommand).resolves({});
  dynamo.on(UpdateTableCommand).resolves({});
  return { client, dynamo };
};

describe('ensureTables', () => {
  it('creates missing tables, with TTL where the template enables it', async () => {
    const { client, dynamo } = setUp([]);

    const result = await ensureTables(client, tableDefinitions(dataStack));

    expect(result).toEqual({
      created: ['ProgramTable49512687', 'IdempotencyTable22A5A209'],
      streamed: [],
      drift: [],
    });
    expect(dynamo.commandCalls(CreateTableCommand)[0]?.args[0].input.StreamSpecification).toEqual({
      StreamEnabled: true,
      StreamViewType: 'NEW_IMAGE',
    });
    expect(dynamo.commandCalls(CreateTableCommand).map((call) => call.args[0].input.TableName)).toEqual([
      'ProgramTable49512687',
      'IdempotencyTable22A5A209',
    ]);
    expect(dynamo.commandCalls(UpdateTimeToLiveCommand)[0]?.args[0].input).toEqual({
      TableName: 'IdempotencyTable22A5A209',
      TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
    });
  });

  it('keeps existing tables and reports one that lacks an index of the template', async () => {
    const { client, dynamo } = setUp(['ProgramTable49512687', 'IdempotencyTable22A5A209']);
    dynamo
      .on(DescribeTableCommand, { TableName: 'ProgramTable49512687' })
      .resolves({
        Table: {
          GlobalSecondaryIndexes: [],
          StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
        },
      })
      .on(DescribeTableCommand, { TableName: 'IdempotencyTable22A5A209' })
      .resolves({ Table: {} });

    const result = await ensureTables(client, tableDefinitions(dataStack));

    expect(result).toEqual({
      created: [],
      streamed: [],
      drift: ['Table ProgramTable49512687 lacks index GSI1 (npm start -- --fresh recreates it)'],
    });
    expect(dynamo.commandCalls(CreateTableCommand)).toHaveLength(0);
    expect(dynamo.commandCalls(UpdateTableCommand)).toHaveLength(0);
  });

  it('turns on the stream the template declares on a table kept from before it did', async () => {
    const { client, dynamo } = setUp(['ProgramTable49512687', 'IdempotencyTable22A5A209']);
    dynamo
      .on(DescribeTableCommand, { TableName: 'ProgramTable49512687' })
      .resolves({ Table: { GlobalSecondaryIndexes: [{ IndexName: 'GSI1' }] } })
      .on(DescribeTableCommand, { TableName: 'IdempotencyTable22A5A209' })
      .resolves({ Table: {} });

    const result = await ensureTables(client, tableDefinitions(dataStack));

    expect(result).toEqual({ created: [], streamed: ['ProgramTable49512687'], drift: [] });
    expect(dynamo.commandCalls(UpdateTableCommand).map((call) => call.args[0].input)).toEqual([
      {
        TableName: 'ProgramTable49512687',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
      },
    ]);
  });
});
