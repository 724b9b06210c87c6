import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type LocalKey, loadOrCreateLocalKey } from '../../../infra/local/auth/local-key';
import { tokenVerifier } from '../../../infra/local/auth/token-verifier';
import { issueToken, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../../infra/local/auth/tokens';
import { type ApiGatewayEmulation, handleRequest } from '../../../infra/local/http/handle-request';
import { MAX_REQUEST_LINE_AND_HEADER_BYTES } from '../../../infra/local/http/header-quota';
import type { IncomingRequest } from '../../../infra/local/http/incoming-request';
import { routeTable } from '../../../infra/local/http/route-table';
import { listenLocalServer } from '../../../infra/local/http/server';
import type { LocalApiEvent } from '../../../infra/local/http/to-event';
import { tokenRoute } from '../../../infra/local/http/token-route';
import { freePort } from '../../../infra/local/ports';

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

describe("API Gateway's header quota", () => {
  const health = vi.fn(async () => ({ statusCode: 200, body: '{}' }));

  it('refuses request line and header values over 10,240 bytes with the gateway body, before any function', async () => {
    const fixed = 'GET /health?q= HTTP/1.1'.length;
    const atQuota = request('GET', `/health?q=${'a'.repeat(MAX_REQUEST_LINE_AND_HEADER_BYTES - fixed)}`);
    expect((await handleRequest(emulation(health), atQuota)).statusCode).toBe(200);
    const calls = health.mock.calls.length;
    for (const over of [
      request('GET', `/health?q=${'a'.repeat(MAX_REQUEST_LINE_AND_HEADER_BYTES - fixed + 1)}`),
      request('GET', '/health', { 'x-big': 'b'.repeat(MAX_REQUEST_LINE_AND_HEADER_BYTES) }),
    ]) {
      const response = await handleRequest(emulation(health), over);
      expect(response.statusCode).toBe(431);
      expect(response.headers['content-type']).toBe('application/json');
      expect(json(response.body)).toEqual({ message: 'Request Header Fields Too Large' });
    }
    expect(health.mock.calls.length).toBe(calls);
  });

  it('answers the same over a socket, also past the size where Node itself would refuse', async () => {
    const server = await listenLocalServer(await freePort());
    server.serve((incoming) => handleRequest(emulation(health), incoming));
    try {
      for (const size of [12_000, 20_000, 70_000]) {
        const answer = await rawGet(server.url, { 'x-big': 'b'.repeat(size) });
        expect(answer, `${size} bytes of header`).toEqual({
          status: 431,
          contentType: 'application/json',
          body: { message: 'Request Header Fields Too Large' },
        });
      }
      expect((await rawGet(server.url, { 'x-small': 'b' })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

const rawGet = (baseUrl: string, headers: Record<string, string>) =>
  new Promise<{ status?: number; contentType?: string; body: unknown }>((resolve, reject) => {
    const outgoing = httpRequest(`${baseUrl}/health`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode,
          contentType: response.headers['content-type'],
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
