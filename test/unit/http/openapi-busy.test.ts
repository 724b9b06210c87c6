import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../shared/contract/routes';
import { RequestInProgress } from '../../../shared/domain/errors';
import { routeKeyOf } from '../../../shared/http/contract';
import { openApiDocument } from '../../../shared/http/openapi';
import { problemResponse } from '../../../shared/http/problem';
import { type OpenApiDocument, openApiContract } from '../../support/hostile/openapi-contract';

const document = openApiDocument(apiRoutes) as unknown as OpenApiDocument;
const check = openApiContract(document);

/** A refusal as the route answers it, in the shape the contract check reads. */
const observed = (route: (typeof apiRoutes)[number], error: unknown) => {
  const reply = problemResponse(error, 'corr-1');
  return {
    method: route.method,
    path: route.path,
    status: reply.statusCode ?? 500,
    contentType: String(reply.headers?.['content-type']),
    body: JSON.parse(String(reply.body)),
    headers: reply.headers as Record<string, string>,
  };
};

const storeRoutes = apiRoutes.filter((route) => route.area !== 'meta');
const throttled = () => new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} });

describe('the served OpenAPI document and temporary refusals', () => {
  it('documents 503 SERVICE_BUSY with a required Retry-After on every route that uses the store', () => {
    expect(storeRoutes.length).toBeGreaterThan(100);
    const undocumented = storeRoutes
      .filter((route) => check(observed(route, throttled())) !== undefined)
      .map(routeKeyOf);
    expect(undocumented).toEqual([]);
  });

  it('refuses a 503 that comes without its Retry-After, or with one outside 1 to 3 seconds', () => {
    const [route] = storeRoutes;
    if (!route) throw new Error('no route');
    const { 'retry-after': _, ...withoutRetryAfter } = observed(route, throttled()).headers;
    expect(check({ ...observed(route, throttled()), headers: withoutRetryAfter })).toMatch(
      /header Retry-After missing/,
    );
    const late = { ...observed(route, throttled()).headers, 'retry-after': '60' };
    expect(check({ ...observed(route, throttled()), headers: late })).toMatch(/header Retry-After/);
  });

  it('documents the Retry-After of IDEMPOTENCY_IN_PROGRESS on every route that takes an Idempotency-Key', () => {
    const idempotent = apiRoutes.filter((route) => route.idempotency);
    expect(idempotent.length).toBeGreaterThan(10);
    for (const route of idempotent) {
      const reply = observed(route, new RequestInProgress());
      expect(reply.status).toBe(409);
      expect(check(reply), routeKeyOf(route)).toBeUndefined();
      const operation = document.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation?.responses['409']?.headers?.['Retry-After'], routeKeyOf(route)).toBeDefined();
    }
  });

  it('does not promise a 503 where no store is used (health, this document)', () => {
    for (const path of ['/health', '/openapi.json']) {
      expect(document.paths[path]?.get?.responses).not.toHaveProperty('503');
    }
  });
});
