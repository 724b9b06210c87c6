import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type LocalKey, loadOrCreateLocalKey } from '../../../infra/local/auth/local-key';
import { tokenVerifier } from '../../../infra/local/auth/token-verifier';
import { issueToken, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../../infra/local/auth/tokens';
import { type ApiGatewayEmulation, handleRequest } from '../../../infra/local/http/handle-request';
import type { IncomingRequest } from '../../../infra/local/http/incoming-request';
import { routeTable } from '../../../infra/local/http/route-table';
import type { LocalApiEvent } from '../../../infra/local/http/to-event';
import { tokenRoute } from '../../../infra/local/http/token-route';

let dir: string;
let key: LocalKey;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qinqing-handle-request-'));
  key = await loadOrCreateLocalKey(join(dir, 'jwt-key.json'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const request = (
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body = '',
): IncomingRequest => ({
  method,
  url,
  headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
  body: Buffer.from(body),
  sourceIp: '127.0.0.1',
  protocol: 'HTTP/1.1',
});

const emulation = (invoke: ApiGatewayEmulation['functions']['invoke']): ApiGatewayEmulation => ({
  verify: tokenVerifier({ issuer: LOCAL_ISSUER, audience: [LOCAL_AUDIENCE] }, key),
  routes: routeTable([
    { routeKey: 'GET /health', requiresJwt: false, functionLogicalId: 'Meta' },
    { routeKey: 'GET /units/{unitId}', requiresJwt: true, functionLogicalId: 'Units' },
  ]),
  functions: { invoke },
  localRoutes: [tokenRoute(key)],
  apiId: 'local',
  accountId: '000000000000',
});

const json = (body: Buffer) => JSON.parse(body.toString('utf8'));

describe('handleRequest', () => {
  it('invokes the route’s function with the event and the verified claims', async () => {
    const invoke = vi.fn(async () => ({ statusCode: 200, body: '{"id":"U1"}' }));
    const { token } = await issueToken(key, { role: 'leader' });

    const response = await handleRequest(
      emulation(invoke),
      request('GET', '/units/U1', { authorization: `Bearer ${token}` }),
    );

    expect(response.statusCode).toBe(200);
    expect(json(response.body)).toEqual({ id: 'U1' });
    const [functionId, event] = invoke.mock.calls[0] as unknown as [string, LocalApiEvent];
    expect(functionId).toBe('Units');
    expect(event).toMatchObject({ routeKey: 'GET /units/{unitId}', pathParameters: { unitId: 'U1' } });
    expect(event.requestContext).toMatchObject({
      authorizer: { jwt: { claims: { sub: 'local-leader', 'cognito:groups': '[leader]' } } },
    });
    expect(response.headers['apigw-requestid']).toBe(event.requestContext.requestId);
  });

  it('answers 401 before any function runs when a JWT route has no valid token', async () => {
    const invoke = vi.fn();

    const response = await handleRequest(emulation(invoke), request('GET', '/units/U1'));

    // API Gateway's own answer, which no function can change.
    expect(response.statusCode).toBe(401);
    expect(response.headers).toMatchObject({
      'content-type': 'application/json',
      'www-authenticate': 'Bearer',
    });
    expect(response.body.toString()).toBe('{"message":"Unauthorized"}');
    expect(invoke).not.toHaveBeenCalled();
  });

  it('answers unknown routes and methods with 404 ROUTE_NOT_FOUND', async () => {
    const invoke = vi.fn();

    const unknown = await handleRequest(emulation(invoke), request('GET', '/nope'));
    const wrongMethod = await handleRequest(emulation(invoke), request('POST', '/health'));
    const unknownLocal = await handleRequest(emulation(invoke), request('GET', '/_local/token'));

    for (const response of [unknown, wrongMethod, unknownLocal]) {
      expect(response.statusCode).toBe(404);
      expect(json(response.body).code).toBe('ROUTE_NOT_FOUND');
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('hides a crashed function behind a 500 problem', async () => {
    const invoke = vi.fn(async () => {
      throw new Error('secret internals');
    });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});

    const response = await handleRequest(emulation(invoke), request('GET', '/health'));

    expect(response.statusCode).toBe(500);
    expect(json(response.body).code).toBe('INTERNAL_ERROR');
    expect(response.body.toString()).not.toContain('secret internals');
    quiet.mockRestore();
  });

  it('serves POST /_local/token and validates its body', async () => {
    const invoke = vi.fn();

    const issued = await handleRequest(
      emulation(invoke),
      request('POST', '/_local/token', {}, '{"role":"admin"}'),
    );
    const refused = await handleRequest(
      emulation(invoke),
      request('POST', '/_local/token', {}, '{"role":"mayor"}'),
    );
    const malformed = await handleRequest(emulation(invoke), request('POST', '/_local/token', {}, '{'));

    expect(issued.statusCode).toBe(200);
    expect(json(issued.body)).toEqual({ token: expect.any(String), expiresAt: expect.any(String) });
    expect(refused.statusCode).toBe(400);
    expect(json(refused.body)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'body.role' }] });
    expect(json(malformed.body).code).toBe('MALFORMED_JSON');
  });
});
