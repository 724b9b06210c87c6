import { describe, expect, it } from 'vitest';
import type { IncomingRequest } from '../../../infra/local/http/incoming-request';
import { routeTable } from '../../../infra/local/http/route-table';
import { clfTime, toApiGatewayEvent } from '../../../infra/local/http/to-event';
import { fromLambdaResult } from '../../../infra/local/http/to-response';
import type { RouteDefinition } from '../../../infra/local/template/routes';

const route = (routeKey: string): RouteDefinition => ({
  routeKey,
  requiresJwt: true,
  functionLogicalId: routeKey,
});

const request = (overrides: Partial<IncomingRequest> = {}): IncomingRequest => ({
  method: 'GET',
  url: '/',
  headers: { host: ['localhost:3000'], 'user-agent': ['vitest'] },
  body: Buffer.alloc(0),
  sourceIp: '127.0.0.1',
  protocol: 'HTTP/1.1',
  ...overrides,
});

describe('routeTable', () => {
  const table = routeTable([
    route('GET /units'),
    route('GET /units/{unitId}'),
    route('GET /units/mine'),
    route('ANY /files/{path+}'),
    route('POST /grids/{gridId}/teams'),
  ]);

  it('matches method and path, decoding path parameters', () => {
    expect(table.match('GET', '/units/U%201')).toEqual({
      route: route('GET /units/{unitId}'),
      pathParameters: { unitId: 'U 1' },
    });
    expect(table.match('POST', '/grids/G7/teams')?.pathParameters).toEqual({ gridId: 'G7' });
  });

  it('prefers literal segments over parameters, and greedy routes last', () => {
    expect(table.match('GET', '/units/mine')?.route.routeKey).toBe('GET /units/mine');
    expect(table.match('DELETE', '/files/a/b.txt')).toEqual({
      route: route('ANY /files/{path+}'),
      pathParameters: { path: 'a/b.txt' },
    });
  });

  it('finds nothing for an unknown path or a method the path does not have', () => {
    expect(table.match('GET', '/nothing')).toBeUndefined();
    expect(table.match('DELETE', '/units')).toBeUndefined();
    expect(table.match('GET', '/units/a/b')).toBeUndefined();
  });

  it('falls back to $default when the template has one', () => {
    const withDefault = routeTable([route('GET /units'), route('$default')]);

    expect(withDefault.match('PATCH', '/anything')?.route.routeKey).toBe('$default');
    expect(withDefault.match('GET', '/units')?.route.routeKey).toBe('GET /units');
  });
});

describe('toApiGatewayEvent', () => {
  const now = new Date('2026-03-12T19:03:58.123Z');
  const context = { requestId: 'req-1', apiId: 'local', accountId: '000000000000', now };

  it('builds a payload 2.0 event as the HTTP API sends it', () => {
    const incoming = request({
      method: 'POST',
      url: '/units/U%2F1?tag=a&tag=b&q=%E6%B5%B7%E5%AE%81',
      headers: {
        host: ['localhost:3000'],
        'user-agent': ['vitest'],
        'content-type': ['application/json; charset=utf-8'],
        cookie: ['a=1; b=2'],
        'x-forwarded-for': ['1.1.1.1', '2.2.2.2'],
      },
      body: Buffer.from('{"name":"海宁"}'),
    });
    const match = { route: route('POST /units/{unitId}'), pathParameters: { unitId: 'U/1' } };
    const claims = { sub: 'u1', 'cognito:groups': '[operator]' };

    expect(toApiGatewayEvent(incoming, match, { ...context, claims })).toEqual({
      version: '2.0',
      routeKey: 'POST /units/{unitId}',
      rawPath: '/units/U%2F1',
      rawQueryString: 'tag=a&tag=b&q=%E6%B5%B7%E5%AE%81',
      cookies: ['a=1', 'b=2'],
      headers: {
        host: 'localhost:3000',
        'user-agent': 'vitest',
        'content-type': 'application/json; charset=utf-8',
        'x-forwarded-for': '1.1.1.1,2.2.2.2',
      },
      queryStringParameters: { tag: 'a,b', q: '海宁' },
      pathParameters: { unitId: 'U/1' },
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: 'localhost:3000',
        domainPrefix: 'localhost',
        http: {
          method: 'POST',
          path: '/units/U%2F1',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: 'vitest',
        },
        requestId: 'req-1',
        routeKey: 'POST /units/{unitId}',
        stage: '$default',
        time: '12/Mar/2026:19:03:58 +0000',
        timeEpoch: now.getTime(),
        authorizer: { jwt: { claims, scopes: null } },
      },
      body: '{"name":"海宁"}',
      isBase64Encoded: false,
    });
  });

  it('passes `__proto__` in the query and headers on as a parameter, as the Lambda runtime does', () => {
    const event = toApiGatewayEvent(
      request({ url: '/units?__proto__=x&limit=2', headers: JSON.parse('{"host":["h"],"__proto__":["y"]}') }),
      { route: route('GET /units'), pathParameters: {} },
      context,
    );
    expect(Object.keys(event.queryStringParameters ?? {})).toEqual(['__proto__', 'limit']);
    expect(Object.getOwnPropertyDescriptor(event.queryStringParameters, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(event.queryStringParameters)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(event.headers, '__proto__')?.value).toBe('y');
  });

  it('leaves out what the request does not have: body, query, path parameters, cookies, authorizer', () => {
    const event = toApiGatewayEvent(
      request({ url: '/health' }),
      { route: route('GET /health'), pathParameters: {} },
      context,
    );

    expect(event).not.toHaveProperty('body');
    expect(event).not.toHaveProperty('queryStringParameters');
    expect(event).not.toHaveProperty('pathParameters');
    expect(event).not.toHaveProperty('cookies');
    expect(event.requestContext).not.toHaveProperty('authorizer');
    expect(event).toMatchObject({ rawQueryString: '', isBase64Encoded: false });
  });

  it('base64-encodes bodies that are not text, or have no content type', () => {
    const bytes = Buffer.from([0, 255, 1]);
    const match = { route: route('POST /files'), pathParameters: {} };
    const binary = request({ method: 'POST', headers: { 'content-type': ['image/png'] }, body: bytes });
    const untyped = request({ method: 'POST', headers: {}, body: Buffer.from('{}') });

    expect(toApiGatewayEvent(binary, match, context)).toMatchObject({ body: 'AP8B', isBase64Encoded: true });
    expect(toApiGatewayEvent(untyped, match, context)).toMatchObject({ body: 'e30=', isBase64Encoded: true });
  });

  it('writes time in the CLF form API Gateway uses', () => {
    expect(clfTime(new Date('2026-01-05T03:04:05Z'))).toBe('05/Jan/2026:03:04:05 +0000');
  });
});

describe('fromLambdaResult', () => {
  it('writes a structured result with its cookies as Set-Cookie headers', () => {
    const response = fromLambdaResult({
      statusCode: 201,
      headers: { 'Content-Type': 'application/json', 'X-Count': 3 },
      cookies: ['a=1; Path=/', 'b=2'],
      body: '{"ok":true}',
    });

    expect(response).toEqual({
      statusCode: 201,
      headers: { 'content-type': 'application/json', 'x-count': '3', 'set-cookie': ['a=1; Path=/', 'b=2'] },
      body: Buffer.from('{"ok":true}'),
    });
  });

  it('decodes a base64 body', () => {
    expect(fromLambdaResult({ statusCode: 200, body: 'AP8B', isBase64Encoded: true }).body).toEqual(
      Buffer.from([0, 255, 1]),
    );
  });

  it('infers a 200 JSON response from a result without statusCode', () => {
    expect(fromLambdaResult({ items: [] })).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{"items":[]}'),
    });
    expect(fromLambdaResult('plain').body.toString()).toBe('plain');
  });
});
