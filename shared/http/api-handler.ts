import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { type ApiEvent, type ApiResult, headerOf, stateOf } from './api-event';
import { type Implementations, type Reply, type RouteImpl, type RouteSpec, routeKeyOf } from './contract';
import type { IdempotencyRunner } from './idempotency';
import { idempotencyToken, replayingCreation } from './idempotency-token';
import { authenticate } from './middleware/authenticate';
import { observe } from './middleware/observe';
import { parseBody } from './middleware/parse-body';
import { preconditions } from './middleware/preconditions';
import { resolveRoute } from './middleware/resolve-route';
import { validate } from './middleware/validate';

const toResult = (reply: Reply, spec: RouteSpec, correlationId: string): ApiResult => {
  const status = reply.status ?? spec.successStatus ?? 200;
  const headers: Record<string, string> = { 'x-correlation-id': correlationId, ...reply.headers };
  if (reply.file) {
    return {
      statusCode: status,
      headers,
      body: reply.file.body,
      isBase64Encoded: reply.file.isBase64Encoded,
    };
  }
  const version = (reply.body as { version?: unknown } | undefined)?.version;
  if (typeof version === 'number') headers.etag = `"${version}"`;
  if (status === 204 || reply.body === undefined) return { statusCode: status, headers };
  headers['content-type'] ??= 'application/json';
  return { statusCode: status, headers, body: JSON.stringify(reply.body) };
};

/**
 * One Lambda handler for a resource area: the middy chain authenticates, authorizes, validates and
 * reads preconditions, then the route's implementation runs (once per Idempotency-Key where declared).
 */
export const apiHandler = <R extends Record<string, RouteSpec>>(
  routes: R,
  implementations: Implementations<R>,
  options: { idempotency?: IdempotencyRunner } = {},
) => {
  const runIdempotently = options.idempotency;
  if (!runIdempotently && Object.values(routes).some((route) => route.idempotency)) {
    throw new Error('Routes declare idempotency but apiHandler was given no idempotency runner');
  }
  const table = new Map(
    Object.entries(routes).map(([name, spec]) => [
      routeKeyOf(spec),
      { spec: spec as RouteSpec, impl: implementations[name as keyof R] as RouteImpl<RouteSpec> },
    ]),
  );

  const dispatch = async (event: ApiEvent, context: Context): Promise<ApiResult> => {
    const state = stateOf(event);
    const route = state.route;
    if (!route) throw new Error('route not resolved');
    const idempotency =
      runIdempotently && state.idempotencyKey && state.principal
        ? idempotencyToken(state.principal.sub, route.spec, state.idempotencyKey, {
            params: state.params,
            body: state.body,
          })
        : undefined;
    const run = () =>
      replayingCreation(() =>
        route.impl({
          principal: state.principal as NonNullable<typeof state.principal>,
          params: state.params,
          query: state.query,
          body: state.body,
          expectedVersion: state.expectedVersion,
          idempotency,
          correlationId: state.correlationId,
          header: (name) => headerOf(event, name),
        }),
      );
    const reply =
      runIdempotently && idempotency ? await runIdempotently(idempotency, run, context) : await run();
    return toResult(reply, route.spec, state.correlationId);
  };

  return middy<ApiEvent, ApiResult>(dispatch)
    .use(observe())
    .use(resolveRoute(table))
    .use(authenticate())
    .use(parseBody())
    .use(validate())
    .use(preconditions());
};
