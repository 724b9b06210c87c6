import type { StackTemplate } from '../../infra/local/template/types';

/**
 * Two hand-made stacks shaped like what `cdk synth` produces for this app: a data stack exporting its
 * tables, and an API stack whose functions import them and whose routes point at Lambda integrations.
 */
export const dataStack: StackTemplate = {
  stackName: 'Qinqing-test-Data',
  template: {
    Resources: {
      ProgramTable49512687: {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'S' },
            { AttributeName: 'gsi1pk', AttributeType: 'S' },
            { AttributeName: 'gsi1sk', AttributeType: 'S' },
          ],
          BillingMode: 'PAY_PER_REQUEST',
          DeletionProtectionEnabled: true,
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
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
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
        },
      },
      IdempotencyTable22A5A209: {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
        },
      },
    },
    Outputs: {
      ExportsOutputRefProgramTable49512687F27F9F68: {
        Value: { Ref: 'ProgramTable49512687' },
        Export: { Name: 'Qinqing-test-Data:ExportsOutputRefProgramTable49512687F27F9F68' },
      },
      ExportsOutputFnGetAttProgramTable49512687Arn925F860A: {
        Value: { 'Fn::GetAtt': ['ProgramTable49512687', 'Arn'] },
        Export: { Name: 'Qinqing-test-Data:ExportsOutputFnGetAttProgramTable49512687Arn925F860A' },
      },
      ExportsOutputFnGetAttProgramTable49512687StreamArn18C9FFA2: {
        Value: { 'Fn::GetAtt': ['ProgramTable49512687', 'StreamArn'] },
        Export: { Name: 'Qinqing-test-Data:ExportsOutputFnGetAttProgramTable49512687StreamArn18C9FFA2' },
      },
      ExportsOutputRefIdempotencyTable22A5A209F6C0179A: {
        Value: { Ref: 'IdempotencyTable22A5A209' },
        Export: { Name: 'Qinqing-test-Data:ExportsOutputRefIdempotencyTable22A5A209F6C0179A' },
      },
    },
  },
};

const importOf = (output: string) => ({ 'Fn::ImportValue': `Qinqing-test-Data:${output}` });

export const apiStack: StackTemplate = {
  stackName: 'Qinqing-test-Api',
  template: {
    Resources: {
      ApiunitsFunction449702D4: {
        Type: 'AWS::Lambda::Function',
        Metadata: { 'local:entry': 'functions/api/units/handler.ts', 'local:handler': 'handler' },
        Properties: {
          Timeout: 10,
          MemorySize: 512,
          Environment: {
            Variables: {
              SERVICE_NAME: 'Qinqing-test-Api',
              PROGRAM_TABLE: importOf('ExportsOutputRefProgramTable49512687F27F9F68'),
              IDEMPOTENCY_TABLE: importOf('ExportsOutputRefIdempotencyTable22A5A209F6C0179A'),
            },
          },
        },
      },
      ApimetaFunction39598C30: {
        Type: 'AWS::Lambda::Function',
        Metadata: { 'local:entry': 'functions/api/meta/handler.ts', 'local:handler': 'handler' },
        Properties: { Environment: { Variables: { SERVICE_NAME: 'Qinqing-test-Api' } } },
      },
      LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8aFD4BFC8A: {
        Type: 'AWS::Lambda::Function',
        Properties: { Handler: 'index.handler', Timeout: 900 },
      },
      HttpApiGEThealthIntegrationmeta: {
        Type: 'AWS::ApiGatewayV2::Integration',
        Properties: {
          IntegrationType: 'AWS_PROXY',
          IntegrationUri: { 'Fn::GetAtt': ['ApimetaFunction39598C30', 'Arn'] },
          PayloadFormatVersion: '2.0',
        },
      },
      HttpApiPOSTunitsIntegrationunits: {
        Type: 'AWS::ApiGatewayV2::Integration',
        Properties: {
          IntegrationType: 'AWS_PROXY',
          IntegrationUri: { Ref: 'ApiunitsFunction449702D4' },
          PayloadFormatVersion: '2.0',
        },
      },
      HttpApiGEThealth: {
        Type: 'AWS::ApiGatewayV2::Route',
        Properties: {
          AuthorizationType: 'NONE',
          RouteKey: 'GET /health',
          Target: { 'Fn::Join': ['', ['integrations/', { Ref: 'HttpApiGEThealthIntegrationmeta' }]] },
        },
      },
      HttpApiPOSTunits: {
        Type: 'AWS::ApiGatewayV2::Route',
        Properties: {
          AuthorizationType: 'JWT',
          RouteKey: 'POST /units',
          Target: { 'Fn::Join': ['', ['integrations/', { Ref: 'HttpApiPOSTunitsIntegrationunits' }]] },
        },
      },
      HttpApiGETunitsunitId: {
        Type: 'AWS::ApiGatewayV2::Route',
        Properties: {
          AuthorizationType: 'JWT',
          RouteKey: 'GET /units/{unitId}',
          Target: { 'Fn::Join': ['', ['integrations/', { Ref: 'HttpApiPOSTunitsIntegrationunits' }]] },
        },
      },
    },
  },
};
