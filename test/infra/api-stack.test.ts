import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/domain/roles';
import { apiTemplate } from './synthesized';

describe('api stack', () => {
  it('builds every function as NodeFunction does: Node.js 24, arm64, explicit limits, JSON logs, X-Ray', () => {
    const functions = Object.values(apiTemplate().findResources('AWS::Lambda::Function'));
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Timeout: expect.any(Number),
        MemorySize: expect.any(Number),
        LoggingConfig: { LogFormat: 'JSON', LogGroup: expect.anything() },
        TracingConfig: { Mode: 'Active' },
      });
      expect(fn.Metadata['local:entry']).toMatch(/^functions\/.+\/handler\.ts$/);
    }
  });

  it('keeps logs for a bounded time', () => {
    const groups = Object.values(apiTemplate().findResources('AWS::Logs::LogGroup'));
    expect(groups.length).toBeGreaterThan(1);
    for (const group of groups) expect(group.Properties.RetentionInDays).toBe(30);
  });

  it('grants table access per index, never index/*', () => {
    const policies = JSON.stringify(apiTemplate().findResources('AWS::IAM::Policy'));
    expect(policies).toContain('/index/GSI1');
    expect(policies).not.toContain('/index/*');
  });

  it('throttles the stage and writes structured access logs', () => {
    apiTemplate().hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { Format: Match.stringLikeRegexp('"routeKey":"\\$context.routeKey"') },
    });
  });

  it('has one Cognito group per role and an app client that cannot write scope attributes', () => {
    const template = apiTemplate();
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map(
      (group) => group.Properties.GroupName,
    );
    expect(groups.sort()).toEqual([...ROLES].sort());
    const [client] = Object.values(template.findResources('AWS::Cognito::UserPoolClient'));
    expect(client?.Properties.WriteAttributes).toEqual(['name']);
    expect(client?.Properties.ReadAttributes).toEqual(
      expect.arrayContaining(['custom:enterpriseId', 'custom:unitId', 'custom:cadreId']),
    );
  });

  it('puts the JWT authorizer on every route except health and the OpenAPI document', () => {
    const routes = Object.values(apiTemplate().findResources('AWS::ApiGatewayV2::Route'));
    const open = routes.filter((route) => route.Properties.AuthorizationType !== 'JWT');
    expect(open.map((route) => route.Properties.RouteKey).sort()).toEqual([
      'GET /health',
      'GET /openapi.json',
    ]);
    expect(routes.length).toBeGreaterThan(open.length);
  });
});
