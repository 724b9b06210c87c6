import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { dataTemplate } from './synthesized';

describe('stateful stack', () => {
  it('keeps three durable tables: on demand, PITR, deletion protection, retained', () => {
    const template = dataTemplate();
    const tables = template.findResources('AWS::DynamoDB::Table');
    expect(Object.keys(tables)).toHaveLength(3);
    for (const table of Object.values(tables)) {
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.UpdateReplacePolicy).toBe('Retain');
      expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
      expect(table.Properties.DeletionProtectionEnabled).toBe(true);
      expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    }
  });

  it('gives the program table six overloaded whole-item GSIs and six keys-only issue indexes, on string keys', () => {
    const index = (name: string, projection: Record<string, unknown>) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: `${name.toLowerCase()}pk`, KeyType: 'HASH' },
        { AttributeName: `${name.toLowerCase()}sk`, KeyType: 'RANGE' },
      ],
      Projection: projection,
    });
    dataTemplate().hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        ...[1, 2, 3, 4, 5, 6].map((n) => index(`GSI${n}`, { ProjectionType: 'ALL' })),
        // An issue change writes these only when it moves one of the keys in them.
        ...[1, 2, 3, 4, 5, 6].map((n) => index(`IGSI${n}`, { ProjectionType: 'KEYS_ONLY' })),
      ],
    });
  });

  it('streams new images of the program table (the issues’ outbox is delivered from it)', () => {
    dataTemplate().hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: Match.anyValue(),
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
    });
  });

  it('denies every update and delete of ledger entries by resource policy, PartiQL included', () => {
    dataTemplate().hasResourceProperties('AWS::DynamoDB::Table', {
      ResourcePolicy: {
        PolicyDocument: {
          Statement: [
            Match.objectLike({
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: [
                'dynamodb:UpdateItem',
                'dynamodb:DeleteItem',
                'dynamodb:BatchWriteItem',
                'dynamodb:PartiQLUpdate',
                'dynamodb:PartiQLDelete',
              ],
            }),
          ],
        },
      },
    });
  });

  it('expires idempotency records by TTL', () => {
    dataTemplate().hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
    });
  });

  it('expires the program table’s short-lived bookkeeping (notification rate windows) by TTL', () => {
    dataTemplate().hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });
});
