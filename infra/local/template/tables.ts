import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { LocalResource } from './intrinsics';
import { type CfnResource, resourcesOfType, type StackTemplate } from './types';

/** A DynamoDB table as the template declares it, in the shape DynamoDB's own API takes. */
export interface TableDefinition {
  logicalId: string;
  create: CreateTableCommandInput & { TableName: string };
  /** The TTL attribute, when the template enables TTL. */
  timeToLiveAttribute?: string;
}

const TABLE_TYPES = ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'];

/** An explicit `TableName` wins; otherwise the logical id, which is stable and readable. */
export const localTableName = (logicalId: string, resource: CfnResource): string => {
  const name = resource.Properties?.TableName;
  return typeof name === 'string' ? name : logicalId;
};

export const tableArn = (region: string, accountId: string, tableName: string): string =>
  `arn:${region.startsWith('cn-') ? 'aws-cn' : 'aws'}:dynamodb:${region}:${accountId}:table/${tableName}`;

/** How `Ref` and `Fn::GetAtt` of a table resolve against DynamoDB Local. */
export const localTable =
  (region: string, accountId: string) =>
  (logicalId: string, resource: CfnResource): LocalResource => {
    const name = localTableName(logicalId, resource);
    const arn = tableArn(region, accountId, name);
    return { ref: name, attributes: { Arn: arn, StreamArn: `${arn}/stream/local` } };
  };

interface CfnIndex {
  IndexName: string;
  KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
  Projection: { ProjectionType?: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; NonKeyAttributes?: string[] };
  ProvisionedThroughput?: { ReadCapacityUnits: number; WriteCapacityUnits: number };
}

interface CfnTableProperties {
  KeySchema: CfnIndex['KeySchema'];
  AttributeDefinitions: { AttributeName: string; AttributeType: 'S' | 'N' | 'B' }[];
  GlobalSecondaryIndexes?: CfnIndex[];
  LocalSecondaryIndexes?: CfnIndex[];
  BillingMode?: 'PAY_PER_REQUEST' | 'PROVISIONED';
  ProvisionedThroughput?: { ReadCapacityUnits: number; WriteCapacityUnits: number };
  StreamSpecification?: { StreamViewType: 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY' };
  TimeToLiveSpecification?: { AttributeName?: string; Enabled: boolean };
}

const indexInput = (index: CfnIndex, provisioned: boolean) => ({
  IndexName: index.IndexName,
  KeySchema: index.KeySchema,
  Projection: index.Projection,
  ...(provisioned ? { ProvisionedThroughput: index.ProvisionedThroughput } : {}),
});

/** Every table of a stack, ready for CreateTable (PITR, encryption and deletion protection have no local meaning). */
export const tableDefinitions = (stack: StackTemplate): TableDefinition[] =>
  TABLE_TYPES.flatMap((type) => resourcesOfType(stack, type)).map(([logicalId, resource]) => {
    const properties = (resource.Properties ?? {}) as unknown as CfnTableProperties;
    const provisioned = properties.BillingMode === 'PROVISIONED';
    const ttl = properties.TimeToLiveSpecification;
    return {
      logicalId,
      create: {
        TableName: localTableName(logicalId, resource),
        KeySchema: properties.KeySchema,
        AttributeDefinitions: properties.AttributeDefinitions,
        GlobalSecondaryIndexes: properties.GlobalSecondaryIndexes?.map((index) =>
          indexInput(index, provisioned),
        ),
        LocalSecondaryIndexes: properties.LocalSecondaryIndexes?.map((index) => indexInput(index, false)),
        ...(provisioned
          ? { BillingMode: 'PROVISIONED', ProvisionedThroughput: properties.ProvisionedThroughput }
          : { BillingMode: 'PAY_PER_REQUEST' }),
        ...(properties.StreamSpecification
          ? { StreamSpecification: { StreamEnabled: true, ...properties.StreamSpecification } }
          : {}),
      },
      ...(ttl?.Enabled && ttl.AttributeName ? { timeToLiveAttribute: ttl.AttributeName } : {}),
    };
  });
