import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { headerValue, type IncomingRequest } from './incoming-request';
import type { PresentedClaims } from './jwt-authorizer';
import type { RouteMatch } from './route-table';

export type LocalApiEvent = APIGatewayProxyEventV2 | APIGatewayProxyEventV2WithJWTAuthorizer;

export interface EventContext {
  requestId: string;
  apiId: string;
  accountId: string;
  /** Set on routes behind the JWT authorizer. */
  claims?: PresentedClaims;
  now: Date;
}

/** API Gateway passes these bodies as text; everything else (or no content type at all) as base64. */
const isTextual = (contentType: string | undefined): boolean =>
  contentType !== undefined &&
  /^(text\/|application\/([\w.+-]*\+)?(json|xml)\b|application\/(javascript|x-www-form-urlencoded)\b)/i.test(
    contentType,
  );

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** `requestContext.time` in API Gateway's CLF format, e.g. `12/Mar/2020:19:03:58 +0000`. */
export const clfTime = (date: Date): string =>
  `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
  `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;

/**
 * Collects into a Map and only then into an object: `Object.fromEntries` defines every name as an own
 * property, so `__proto__` reaches the function as a parameter (as it does from the Lambda runtime's
 * JSON.parse) instead of being swallowed by an assignment to the prototype.
 */
const joinedWithCommas = (pairs: Iterable<[string, string]>): Record<string, string> => {
  const joined = new Map<string, string>();
  for (const [name, value] of pairs) {
    const before = joined.get(name);
    joined.set(name, before === undefined ? value : `${before},${value}`);
  }
  return Object.fromEntries(joined);
};

/** Repeated query keys are joined with commas, as payload 2.0 does. */
const queryParameters = (rawQueryString: string): Record<string, string> | undefined =>
  rawQueryString === '' ? undefined : joinedWithCommas(new URLSearchParams(rawQueryString));

/** Payload 2.0 moves the Cookie header into `cookies` and joins other repeated headers with commas. */
const splitHeaders = (request: IncomingRequest) => {
  let cookies: string[] | undefined;
  const others: [string, string][] = [];
  for (const [name, values] of Object.entries(request.headers)) {
    if (name === 'cookie') {
      cookies = values.flatMap((value) => value.split(';').map((cookie) => cookie.trim())).filter(Boolean);
    } else {
      others.push([name, values.join(',')]);
    }
  }
  return { headers: Object.fromEntries(others) as Record<string, string>, cookies };
};

/** Translates an HTTP request into the HTTP API (payload format 2.0) event its Lambda integration receives. */
export const toApiGatewayEvent = (
  request: IncomingRequest,
  match: RouteMatch,
  context: EventContext,
): LocalApiEvent => {
  const queryAt = request.url.indexOf('?');
  const rawPath = queryAt < 0 ? request.url : request.url.slice(0, queryAt);
  const rawQueryString = queryAt < 0 ? '' : request.url.slice(queryAt + 1);
  const { headers, cookies } = splitHeaders(request);
  const hasBody = request.body.byteLength > 0;
  const textual = isTextual(headerValue(request, 'content-type'));
  const queryStringParameters = queryParameters(rawQueryString);
  const pathParameters = match.pathParameters;
  return {
    version: '2.0',
    routeKey: match.route.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
    requestContext: {
      accountId: context.accountId,
      apiId: context.apiId,
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0]?.split(':')[0] ?? 'localhost',
      http: {
        method: request.method,
        path: rawPath,
        protocol: request.protocol,
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: context.requestId,
      routeKey: match.route.routeKey,
      stage: '$default',
      time: clfTime(context.now),
      timeEpoch: context.now.getTime(),
      ...(context.claims ? { authorizer: { jwt: { claims: context.claims, scopes: null } } } : {}),
    },
    ...(hasBody ? { body: request.body.toString(textual ? 'utf8' : 'base64') } : {}),
    isBase64Encoded: hasBody && !textual,
  };
};
