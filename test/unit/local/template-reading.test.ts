import { describe, expect, it } from 'vitest';
import { functionDefinitions } from '../../../infra/local/template/functions';
import { type ResolveScope, resolveValue } from '../../../infra/local/template/intrinsics';
import { routeDefinitions } from '../../../infra/local/template/routes';
import { localTable, tableDefinitions } from '../../../infra/local/template/tables';
import type { StackTemplate } from '../../../infra/local/template/types';
import { apiStack, dataStack } from '../../support/local-template-fixture';

const scope: ResolveScope = {
  stacks: [dataStack, apiStack],
  region: 'cn-north-1',
  accountId: '000000000000',
  namers: { 'AWS::DynamoDB::Table': localTable('cn-north-1', '000000000000') },
};

describe('tableDefinitions', () => {
  it('turns each table resource into CreateTable input named after its logical id', () => {
    const [program, idempotency] = tableDefinitions(dataStack);

    expect(program?.create).toEqual({
      TableName: 'ProgramTable49512687',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: expect.arrayContaining([{ AttributeName: 'gsi1pk', AttributeType: 'S' }]),
      GlobalSecondaryIndexes: [
        {
          IndexName: 'GSI1',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      LocalSecondaryIndexes: undefined,
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
    });
    expect(program?.timeToLiveAttribute).toBeUndefined();
    expect(idempotency).toMatchObject({ create: { TableName: 'IdempotencyTable22A5A209' } });
    expect(idempotency?.timeToLiveAttribute).toBe('expiration');
  });

  it('keeps an explicit TableName and provisioned throughput', () => {
    const stack: StackTemplate = {
      stackName: 'S',
      template: {
        Resources: {
          Named: {
            Type: 'AWS::DynamoDB::Table',
            Properties: {
              TableName: 'events',
              KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
              AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
              BillingMode: 'PROVISIONED',
              ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
            },
          },
        },
      },
    };

    expect(tableDefinitions(stack)[0]?.create).toMatchObject({
      TableName: 'events',
      BillingMode: 'PROVISIONED',
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
    });
  });
});

/** A `Fn::Sub` placeholder, written so that it is not mistaken for a template-literal slip. */
const sub = (name: string) => `\${${name}}`;

describe('resolveValue', () => {
  it('follows a cross-stack import to the exporting stack’s table', () => {
    const imported = { 'Fn::ImportValue': 'Qinqing-test-Data:ExportsOutputRefProgramTable49512687F27F9F68' };
    const arn = {
      'Fn::ImportValue': 'Qinqing-test-Data:ExportsOutputFnGetAttProgramTable49512687Arn925F860A',
    };

    expect(resolveValue(imported, apiStack, scope)).toBe('ProgramTable49512687');
    expect(resolveValue(arn, apiStack, scope)).toBe(
      'arn:aws-cn:dynamodb:cn-north-1:000000000000:table/ProgramTable49512687',
    );
  });

  it('resolves Ref, GetAtt (both forms), pseudo parameters, Join, Select, Split and Sub', () => {
    const value = {
      'Fn::Join': [
        '|',
        [
          { Ref: 'IdempotencyTable22A5A209' },
          { 'Fn::GetAtt': 'IdempotencyTable22A5A209.Arn' },
          { Ref: 'AWS::Partition' },
          { 'Fn::Select': [1, { 'Fn::Split': [',', 'a,b,c'] }] },
          { 'Fn::Sub': `${sub('AWS::Region')}/${sub('IdempotencyTable22A5A209.Arn')}/${sub('!Literal')}` },
        ],
      ],
    };
    const withVariables = {
      'Fn::Sub': [`${sub('Extra')}-${sub('AWS::StackName')}`, { Extra: { Ref: 'AWS::AccountId' } }],
    };

    expect(resolveValue(value, dataStack, scope)).toBe(
      'IdempotencyTable22A5A209|arn:aws-cn:dynamodb:cn-north-1:000000000000:table/IdempotencyTable22A5A209' +
        `|aws-cn|b|cn-north-1/arn:aws-cn:dynamodb:cn-north-1:000000000000:table/IdempotencyTable22A5A209/${sub('Literal')}`,
    );
    expect(resolveValue(withVariables, dataStack, scope)).toBe('000000000000-Qinqing-test-Data');
  });

  it('fails loudly on a resource type no local module emulates', () => {
    const stack: StackTemplate = {
      stackName: 'S',
      template: { Resources: { Queue: { Type: 'AWS::SQS::Queue' } } },
    };

    expect(() => resolveValue({ Ref: 'Queue' }, stack, scope)).toThrow(
      'Queue is a AWS::SQS::Queue, which local mode does not emulate',
    );
    expect(() => resolveValue({ 'Fn::ImportValue': 'nobody' }, stack, scope)).toThrow(
      'no stack exports nobody',
    );
  });
});

describe('functionDefinitions', () => {
  it('reads functions with a local:entry, with their timeout, memory and raw environment', () => {
    const functions = functionDefinitions(apiStack);

    expect(functions.map((fn) => fn.logicalId)).toEqual([
      'ApiunitsFunction449702D4',
      'ApimetaFunction39598C30',
    ]);
    expect(functions[0]).toMatchObject({
      functionName: 'ApiunitsFunction449702D4',
      entry: 'functions/api/units/handler.ts',
      handlerExport: 'handler',
      timeoutSeconds: 10,
      memoryMb: 512,
    });
    expect(functions[0]?.environment.PROGRAM_TABLE).toEqual({
      'Fn::ImportValue': 'Qinqing-test-Data:ExportsOutputRefProgramTable49512687F27F9F68',
    });
    expect(functions[1]).toMatchObject({ timeoutSeconds: 3, memoryMb: 128 });
  });
});

describe('routeDefinitions', () => {
  it('maps route keys through their integrations to functions, GetAtt or Ref', () => {
    expect(routeDefinitions(apiStack)).toEqual([
      { routeKey: 'GET /health', requiresJwt: false, functionLogicalId: 'ApimetaFunction39598C30' },
      { routeKey: 'POST /units', requiresJwt: true, functionLogicalId: 'ApiunitsFunction449702D4' },
      { routeKey: 'GET /units/{unitId}', requiresJwt: true, functionLogicalId: 'ApiunitsFunction449702D4' },
    ]);
  });

  it('refuses a route whose integration it cannot follow', () => {
    const stack: StackTemplate = {
      stackName: 'S',
      template: {
        Resources: { Route: { Type: 'AWS::ApiGatewayV2::Route', Properties: { RouteKey: 'GET /x' } } },
      },
    };

    expect(() => routeDefinitions(stack)).toThrow('Route Route (GET /x) has no Lambda integration');
  });
});
