import type { Context } from 'aws-lambda';
import type { ApiEvent, ApiResult } from '../shared/http/api-event';

type Claims = Record<string, string | string[]>;

export interface ApiEventInput {
  /** `METHOD /path/{param}`, exactly as the route table declares it. */
  routeKey: string;
  pathParameters?: Record<string, string>;
  /** An object is sent as JSON (with a JSON content type unless `headers` says otherwise); a string as is. */
  body?: unknown;
  /** Verified JWT claims; omit for a request that reached the function without a token. */
  claims?: Claims;
  headers?: Record<string, string>;
  query?: Record<string, string>;
}

/** The claims API Gateway's JWT authorizer passes on for a user of `role`, with optional scope claims. */
export const claimsFor = (
  role: string,
  scope: { sub?: string; enterpriseId?: string; unitId?: string; cadreId?: string } = {},
): Claims => {
  const claims: Claims = { sub: scope.sub ?? `test-${role}`, 'cognito:groups': `[${role}]` };
  if (scope.enterpriseId) claims['custom:enterpriseId'] = scope.enterpriseId;
  if (scope.unitId) claims['custom:unitId'] = scope.unitId;
  if (scope.cadreId) claims['custom:cadreId'] = scope.cadreId;
  return claims;
};

let requestCount = 0;

/** An API Gateway HTTP API (payload 2.0) event as the JWT authorizer delivers it to a handler. */
export const apiEvent = ({
  routeKey,
  pathParameters,
  body,
  claims,
  headers,
  query,
}: ApiEventInput): ApiEvent => {
  const [method = 'GET', pathTemplate = '/'] = routeKey.split(' ');
  const rawPath = pathTemplate.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(pathParameters?.[name] ?? ''),
  );
  const jsonBody = body !== undefined && typeof body !== 'string';
  const requestId = `test-request-${++requestCount}`;
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString: new URLSearchParams(query).toString(),
    headers: { ...(jsonBody ? { 'content-type': 'application/json' } : {}), ...headers },
    queryStringParameters: query,
    pathParameters,
    body: jsonBody ? JSON.stringify(body) : (body as string | undefined),
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'test.local',
      domainPrefix: 'test',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId,
      routeKey,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
      authorizer: {
        principalId: '',
        integrationLatency: 0,
        jwt: { claims: claims ?? {}, scopes: [] },
      },
    },
  } as ApiEvent;
};

/** The one fake Lambda context every handler test passes. */
export const lambdaContext: Context = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'test-function',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:cn-north-1:000000000000:function:test-function',
  memoryLimitInMB: '256',
  awsRequestId: 'test-aws-request',
  logGroupName: '/aws/lambda/test-function',
  logStreamName: 'test-stream',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

/** A problem+json body or a record: what the assertions look into. */
export type ResponseBody = Record<string, unknown> & {
  code?: string;
  errors?: { path: string; message: string }[];
  items?: Record<string, unknown>[];
  nextCursor?: string | null;
};

export interface InvokeResult {
  status: number | undefined;
  headers: Record<string, unknown>;
  body: ResponseBody | undefined;
}

export type ApiHandler = (event: ApiEvent, context: Context) => Promise<ApiResult>;

/** Runs a handler (the middy export) on one event and parses its JSON body. */
export const invoke = async (handler: ApiHandler, input: ApiEventInput): Promise<InvokeResult> => {
  const result = await handler(apiEvent(input), lambdaContext);
  return {
    status: result.statusCode,
    headers: result.headers ?? {},
    body: result.body === undefined ? undefined : (JSON.parse(result.body) as ResponseBody),
  };
};
