import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../shared/contract/routes';
import { routeKeyOf } from '../../shared/http/contract';
import { openApiDocument } from '../../shared/http/openapi';
import { apiTemplate } from './synthesized';

const templateRouteKeys = () =>
  Object.values(apiTemplate().findResources('AWS::ApiGatewayV2::Route'))
    .map((route) => route.Properties.RouteKey as string)
    .sort();

const openApiRouteKeys = () =>
  Object.entries(openApiDocument(apiRoutes).paths)
    .flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    )
    .sort();

describe('route table', () => {
  it('has no route twice', () => {
    const keys = apiRoutes.map(routeKeyOf);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('deploys exactly the routes the OpenAPI document describes', () => {
    expect(templateRouteKeys()).toEqual(openApiRouteKeys());
    expect(templateRouteKeys()).toEqual(apiRoutes.map(routeKeyOf).sort());
  });

  it('has every area handler implement exactly the routes of its area', async () => {
    for (const area of new Set(apiRoutes.map((route) => route.area))) {
      const module = (await import(`../../functions/api/${area}/handler.ts`)) as {
        routes: Record<string, unknown>;
      };
      const contract = apiRoutes.filter((route) => route.area === area);
      expect(Object.keys(module.routes), area).toHaveLength(contract.length);
    }
  });
});
