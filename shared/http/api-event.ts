import type { MiddlewareObj, Request } from '@middy/core';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type { RouteImpl, RouteSpec } from './contract';
import type { Principal } from './principal';

/** Per-request state the middlewares fill in, in order, before the route implementation runs. */
export interface ApiState {
  correlationId: string;
  route?: { spec: RouteSpec; impl: RouteImpl<RouteSpec> };
  principal?: Principal;
  rawBody?: unknown;
  params?: unknown;
  query?: unknown;
  body?: unknown;
  expectedVersion?: number;
  idempotencyKey?: string;
}

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ApiResult = APIGatewayProxyStructuredResultV2;
export type ApiRequest = Request<ApiEvent, ApiResult, Error, Context>;
export type ApiMiddleware = MiddlewareObj<ApiEvent, ApiResult, Error, Context>;

/** Keyed by the event so that both middlewares and the final handler (which sees only the event) reach it. */
const states = new WeakMap<ApiEvent, ApiState>();

export const startState = (event: ApiEvent, correlationId: string): ApiState => {
  const state: ApiState = { correlationId };
  states.set(event, state);
  return state;
};

export const stateOf = (event: ApiEvent): ApiState => {
  const state = states.get(event);
  if (!state) throw new Error('request pipeline state missing: observe() must run first');
  return state;
};

export const headerOf = (event: ApiEvent, name: string): string | undefined => {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
};
