import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { Conflict } from '../../../shared/domain/errors';
import { apiHandler } from '../../../shared/http/api-handler';
import { defineRoute, type RouteInput, type RouteSpec } from '../../../shared/http/contract';
import { MAX_BODY_DEPTH } from '../../../shared/http/json-shape';
import { MAX_BODY_BYTES } from '../../../shared/http/middleware/parse-body';
import { logger } from '../../../shared/observability/logger';
import { claimsFor, invoke } from '../../../tools/lambda-events';

const routes = {
  create: defineRoute({
    method: 'POST',
    path: '/things',
    area: 'test',
    summary: 'create',
    roles: ['operator'],
    body: z.strictObject({ name: z.string().check(z.minLength(1)), size: z.optional(z.number()) }),
    successStatus: 201,
    idempotency: 'required',
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/things/{thingId}',
    area: 'test',
    summary: 'update',
    roles: ['operator'],
    params: z.strictObject({ thingId: z.string() }),
    body: z.strictObject({ name: z.string() }),
    ifMatch: true,
  }),
  list: defineRoute({
    method: 'GET',
    path: '/things',
    area: 'test',
    summary: 'list',
    roles: ['operator', 'leader'],
    query: z.strictObject({ limit: z._default(z.coerce.number().check(z.maximum(100)), 25) }),
  }),
  open: defineRoute({
    method: 'GET',
    path: '/open',
    area: 'test',
    summary: 'open',
    access: 'public',
    roles: [],
  }),
  broken: defineRoute({
    method: 'GET',
    path: '/broken',
    area: 'test',
    summary: 'broken',
    roles: ['operator'],
  }),
  refused: defineRoute({
    method: 'GET',
    path: '/refused',
    area: 'test',
    summary: 'refused',
    roles: ['operator'],
  }),
  busy: defineRoute({
    method: 'GET',
    path: '/busy',
    area: 'test',
    summary: 'busy',
    roles: ['operator'],
  }),
};

const seen: RouteInput<RouteSpec>[] = [];
const record = async (input: RouteInput<RouteSpec>) => {
  seen.push(input);
  return { body: { ok: true, version: 4 } };
};

const handler = apiHandler(
  routes,
  {
    create: record,
    update: record,
    list: record,
    open: record,
    broken: async () => {
      throw new Error('database password is hunter2');
    },
    refused: async () => {
      throw new Conflict('SOMETHING_TAKEN', 'Already there.');
    },
    busy: async () => {
      throw new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} });
    },
  },
  { idempotency: (_token, run) => run() },
);

const operator = claimsFor('operator');

describe('request pipeline', () => {
  it('answers 401 problem+json when the request carries no verified claims', async () => {
    const result = await invoke(handler, { routeKey: 'GET /things' });
    expect(result.status).toBe(401);
    expect(result.headers['content-type']).toBe('application/problem+json');
    expect(result.body).toMatchObject({ status: 401, code: 'UNAUTHORIZED', title: 'Unauthorized' });
  });

  it('lets public routes through without claims', async () => {
    expect((await invoke(handler, { routeKey: 'GET /open' })).status).toBe(200);
  });

  it('answers 403 when no role of the caller may use the route', async () => {
    const result = await invoke(handler, { routeKey: 'GET /things', claims: claimsFor('enterprise') });
    expect(result).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  });

  it('reads groups in both the flattened and the array form', async () => {
    const claims = { sub: 'u1', 'cognito:groups': ['cadre', 'leader'] };
    expect((await invoke(handler, { routeKey: 'GET /things', claims })).status).toBe(200);
    expect(seen.at(-1)?.principal.roles).toEqual(['cadre', 'leader']);
  });

  it('reports every validation problem with its path, unknown fields included, and runs nothing', async () => {
    const before = seen.length;
    const result = await invoke(handler, {
      routeKey: 'POST /things',
      claims: operator,
      headers: { 'idempotency-key': 'key-00000001' },
      body: { name: '', size: 'big', id: 'mine' },
    });
    expect(result.status).toBe(400);
    expect(result.body?.code).toBe('VALIDATION_FAILED');
    expect(result.body?.errors?.map((error) => error.path).sort()).toEqual([
      'body.id',
      'body.name',
      'body.size',
    ]);
    expect(seen.length).toBe(before);
  });

  it('coerces and defaults query parameters', async () => {
    await invoke(handler, { routeKey: 'GET /things', claims: operator, query: { limit: '7' } });
    expect(seen.at(-1)?.query).toEqual({ limit: 7 });
    await invoke(handler, { routeKey: 'GET /things', claims: operator });
    expect(seen.at(-1)?.query).toEqual({ limit: 25 });
  });

  it('rejects oversized, non-JSON and malformed bodies before validation', async () => {
    const headers = { 'idempotency-key': 'key-00000002' };
    const big = { name: 'x'.repeat(MAX_BODY_BYTES) };
    const tooLarge = await invoke(handler, {
      routeKey: 'POST /things',
      claims: operator,
      headers,
      body: big,
    });
    expect(tooLarge).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
    const textPlain = await invoke(handler, {
      routeKey: 'POST /things',
      claims: operator,
      headers: { ...headers, 'content-type': 'text/plain' },
      body: '{"name":"a"}',
    });
    expect(textPlain).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    const malformed = await invoke(handler, {
      routeKey: 'POST /things',
      claims: operator,
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(malformed).toMatchObject({ status: 400, body: { code: 'MALFORMED_JSON' } });
  });

  it('requires an Idempotency-Key where the route says so', async () => {
    const result = await invoke(handler, { routeKey: 'POST /things', claims: operator, body: { name: 'a' } });
    expect(result).toMatchObject({ status: 400, body: { code: 'IDEMPOTENCY_KEY_REQUIRED' } });
  });

  it('requires If-Match on updates, parses plain and quoted versions, refuses weak tags with 412', async () => {
    const update = (headers: Record<string, string>) =>
      invoke(handler, {
        routeKey: 'PATCH /things/{thingId}',
        pathParameters: { thingId: 't1' },
        claims: operator,
        headers,
        body: { name: 'b' },
      });
    expect(await update({})).toMatchObject({ status: 428, body: { code: 'PRECONDITION_REQUIRED' } });
    expect(await update({ 'if-match': 'soon' })).toMatchObject({
      status: 400,
      body: { code: 'IF_MATCH_INVALID' },
    });
    for (const header of ['3', '"3"', ' "3" ']) {
      expect((await update({ 'if-match': header })).status).toBe(200);
      expect(seen.at(-1)?.expectedVersion).toBe(3);
    }
    const before = seen.length;
    for (const header of ['W/"3"', 'W/3', ' W/"3"']) {
      const weak = await update({ 'if-match': header });
      expect(weak).toMatchObject({ status: 412, body: { code: 'IF_MATCH_WEAK', status: 412 } });
      expect(weak.headers['content-type']).toBe('application/problem+json');
    }
    expect(seen.length).toBe(before);
  });

  it('refuses bodies nested too deep with 400 before anything recursive runs, at any depth', async () => {
    const nested = (levels: number) => `{"name":"a","size":${'['.repeat(levels)}${']'.repeat(levels)}}`;
    for (const levels of [MAX_BODY_DEPTH, 5_000, 30_000]) {
      const result = await invoke(handler, {
        routeKey: 'POST /things',
        claims: operator,
        headers: { 'idempotency-key': 'key-00000003', 'content-type': 'application/json' },
        body: nested(levels),
      });
      expect(result).toMatchObject({ status: 400, body: { code: 'BODY_TOO_DEEP' } });
    }
  });

  it('names a prototype key anywhere in a body as an unknown field instead of dropping it', async () => {
    const result = await invoke(handler, {
      routeKey: 'POST /things',
      claims: operator,
      headers: { 'idempotency-key': 'key-00000004', 'content-type': 'application/json' },
      body: '{"name":"a","__proto__":{"x":1}}',
    });
    expect(result).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', errors: [{ path: 'body.__proto__', message: 'Unknown field' }] },
    });
  });

  it('refuses a prototype key in the query like any unknown parameter', async () => {
    const query = JSON.parse('{"__proto__":"x"}') as Record<string, string>;
    const result = await invoke(handler, { routeKey: 'GET /things', claims: operator, query });
    expect(result).toMatchObject({ status: 400, body: { errors: [{ path: 'query.__proto__' }] } });
  });

  it('sends the record version as ETag', async () => {
    const result = await invoke(handler, { routeKey: 'GET /things', claims: operator });
    expect(result.headers.etag).toBe('"4"');
  });

  it('turns domain errors into their status and code', async () => {
    const result = await invoke(handler, { routeKey: 'GET /refused', claims: operator });
    expect(result).toMatchObject({
      status: 409,
      body: { code: 'SOMETHING_TAKEN', detail: 'Already there.' },
    });
  });

  it('hides unexpected errors behind a 500 that names only the correlation id', async () => {
    const result = await invoke(handler, { routeKey: 'GET /broken', claims: operator });
    expect(result.status).toBe(500);
    expect(result.body?.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(result.body)).not.toContain('hunter2');
    expect(result.body?.detail).toContain(String(result.headers['x-correlation-id']));
  });

  it('answers a busy store 503 with Retry-After and logs the store’s error for the operator', async () => {
    const warn = vi.spyOn(logger, 'warn');
    try {
      const result = await invoke(handler, { routeKey: 'GET /busy', claims: operator });
      expect(result).toMatchObject({ status: 503, body: { code: 'SERVICE_BUSY' } });
      expect(result.headers['retry-after']).toMatch(/^[1-3]$/);
      expect(warn).toHaveBeenCalledWith('store busy', {
        error: expect.objectContaining({
          name: 'ProvisionedThroughputExceededException',
          message: 'slow down',
        }),
      });
    } finally {
      warn.mockRestore();
    }
  });

  it('answers 404 for a route key this function does not serve', async () => {
    const result = await invoke(handler, { routeKey: 'DELETE /things', claims: operator });
    expect(result).toMatchObject({ status: 404, body: { code: 'ROUTE_NOT_FOUND' } });
  });
});
