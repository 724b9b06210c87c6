import { isRecord, resourcesOfType, type StackTemplate } from './types';

/** One HTTP API route and the function its Lambda proxy integration invokes. */
export interface RouteDefinition {
  /** As API Gateway writes it: `GET /units/{unitId}`, `ANY /{proxy+}` or `$default`. */
  routeKey: string;
  requiresJwt: boolean;
  functionLogicalId: string;
}

/** `{Ref: X}` or `{Fn::GetAtt: [X, 'Arn']}` (or `'X.Arn'`) name the resource X. */
const referencedLogicalId = (value: unknown): string | undefined => {
  if (!isRecord(value)) return undefined;
  if (typeof value.Ref === 'string') return value.Ref;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string') return getAtt.split('.')[0];
  return undefined;
};

/** CDK writes a route's target as `Fn::Join ['', ['integrations/', {Ref: Integration}]]`. */
const integrationIdOf = (target: unknown): string | undefined => {
  if (!isRecord(target)) return undefined;
  const join = target['Fn::Join'];
  if (!Array.isArray(join) || !Array.isArray(join[1])) return undefined;
  return join[1].map(referencedLogicalId).find((id) => id !== undefined);
};

export const routeDefinitions = (stack: StackTemplate): RouteDefinition[] => {
  const resources = stack.template.Resources ?? {};
  return resourcesOfType(stack, 'AWS::ApiGatewayV2::Route').map(([routeId, route]) => {
    const properties = route.Properties ?? {};
    const routeKey = String(properties.RouteKey);
    const integrationId = integrationIdOf(properties.Target);
    const integration = integrationId === undefined ? undefined : resources[integrationId];
    const integrationProperties = integration?.Properties ?? {};
    const functionLogicalId = referencedLogicalId(integrationProperties.IntegrationUri);
    if (integration?.Type !== 'AWS::ApiGatewayV2::Integration' || !functionLogicalId) {
      throw new Error(`Route ${routeId} (${routeKey}) has no Lambda integration that local mode can follow`);
    }
    if (integrationProperties.PayloadFormatVersion !== '2.0') {
      throw new Error(`Route ${routeKey}: local mode speaks payload format 2.0 only`);
    }
    return { routeKey, requiresJwt: properties.AuthorizationType === 'JWT', functionLogicalId };
  });
};

/** The issuer and audience of the stack's HTTP API JWT authorizer, if it has one. */
export const jwtAuthorizerOf = (stack: StackTemplate): { issuer: string; audience: string[] } | undefined => {
  const [authorizer] = resourcesOfType(stack, 'AWS::ApiGatewayV2::Authorizer');
  const jwt = authorizer?.[1].Properties?.JwtConfiguration;
  if (!isRecord(jwt)) return undefined;
  const { Issuer: issuer, Audience: audience } = jwt;
  if (
    typeof issuer !== 'string' ||
    !Array.isArray(audience) ||
    !audience.every((a) => typeof a === 'string')
  ) {
    throw new Error(
      'The JWT authorizer’s issuer and audience must be literal for local mode (pass -c oidcIssuer)',
    );
  }
  return { issuer, audience };
};
