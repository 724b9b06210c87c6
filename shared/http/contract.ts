import type * as z from 'zod/mini';
import type { IdempotencyToken } from '../db/creation-guard';
import type { Role } from '../domain/roles';

/** Any zod (mini or classic) schema. */
export type Schema = z.core.$ZodType;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One API route as clients see it. The same objects drive CDK (a route per entry, a function per
 * area), the request pipeline (roles, validation, idempotency, If-Match) and GET /openapi.json.
 */
export interface RouteSpec {
  method: HttpMethod;
  /** API Gateway form, e.g. `/enterprises/{enterpriseId}`. */
  path: string;
  /** The Lambda function (resource area) that serves the route. */
  area: string;
  summary: string;
  /** `public` routes skip the JWT authorizer; everything else requires a verified token. */
  access?: 'public';
  /** Roles allowed past the pipeline; scope rules beyond the role live in the use case. */
  roles: readonly Role[];
  params?: Schema;
  query?: Schema;
  body?: Schema;
  /** Documents the success body in OpenAPI; not validated at run time. */
  response?: Schema;
  /** A file instead of JSON: the media types the success body may have (OpenAPI lists them as binary). */
  produces?: readonly string[];
  /**
   * Content negotiation by Accept: the media types this route answers, its default first (JSON as
   * `response` describes it); an Accept none of them fits is 406 `NOT_ACCEPTABLE` (shared/http/negotiate.ts).
   */
  negotiates?: readonly string[];
  /** A representation another route serves: 303 See Other to it, and which one (for OpenAPI). */
  seeOther?: string;
  successStatus?: 200 | 201 | 202 | 204;
  /** Creation routes: `required` answers 400 without an Idempotency-Key (★ in API.md). */
  idempotency?: 'required' | 'optional';
  /**
   * Updates of versioned records: If-Match is required and parsed into `expectedVersion`. `optional`
   * for create-or-update routes (PUT): without it the record must not exist yet.
   */
  ifMatch?: boolean | 'optional';
  /** A read that can answer 409 (writes always can): what the conflict is, for the OpenAPI document. */
  readConflict?: string;
}

export const defineRoute = <const T extends RouteSpec>(spec: T): T => spec;

export const routeKeyOf = (route: Pick<RouteSpec, 'method' | 'path'>): string =>
  `${route.method} ${route.path}`;

type Infer<S> = S extends Schema ? z.output<S> : undefined;

/** What a route implementation receives once the pipeline has authenticated and validated the request. */
export interface RouteInput<T extends RouteSpec> {
  principal: import('./principal').Principal;
  params: Infer<T['params']>;
  query: Infer<T['query']>;
  body: Infer<T['body']>;
  /** Set when the route takes If-Match. */
  expectedVersion: T['ifMatch'] extends true ? number : number | undefined;
  /** Set when the caller sent an Idempotency-Key on an idempotent route. */
  idempotency?: IdempotencyToken;
  correlationId: string;
  /** A request header by name (case-insensitive), e.g. Accept-Encoding for a file download. */
  header: (name: string) => string | undefined;
}

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A file body sent as is (base64 when binary), instead of `body` as JSON. */
  file?: { body: string; isBase64Encoded: boolean };
}

export type RouteImpl<T extends RouteSpec> = (input: RouteInput<T>) => Promise<Reply>;

export type Implementations<R extends Record<string, RouteSpec>> = { [K in keyof R]: RouteImpl<R[K]> };
