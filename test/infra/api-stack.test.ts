import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/domain/roles';
import { apiTemplate, dataTemplate } from './synthesized';

describe('api stack', () => {
  it('builds every function as NodeFunction does: Node.js 24, arm64, explicit limits, JSON logs, X-Ray (global)', () => {
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

  it('keeps the Cognito pool (global default) in the data stack: one group per role, a client that cannot write scope attributes', () => {
    const template = dataTemplate();
    template.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'ACTIVE' });
    expect(apiTemplate().findResources('AWS::Cognito::UserPool')).toEqual({});
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map(
      (group) => group.Properties.GroupName,
    );
    expect(groups.sort()).toEqual([...ROLES].sort());
    const [client] = Object.values(template.findResources('AWS::Cognito::UserPoolClient'));
    expect(client?.Properties.WriteAttributes).toEqual(['name']);
    // No OAuth flow unless callback URLs are given: no implicit grant, no example.com callback.
    expect(client?.Properties.AllowedOAuthFlows).toBeUndefined();
    expect(client?.Properties.CallbackURLs).toBeUndefined();
    expect(client?.Properties.PreventUserExistenceErrors).toBe('ENABLED');
    expect(client?.Properties.AccessTokenValidity).toBeLessThanOrEqual(60);
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
