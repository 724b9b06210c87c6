import * as z from 'zod/mini';
import type { RouteSpec, Schema } from './contract';

const jsonSchema = (schema: Schema, io: 'input' | 'output') => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
};

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'detail', 'errors'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

/**
 * What API Gateway answers itself, before any function runs, in its own JSON (no function can change
 * it): 401 from the JWT authorizer, 431 when the request line and headers exceed its 10,240 bytes.
 */
const gatewayMessage = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/GatewayMessage' } } },
});

const gatewayMessageSchema = {
  type: 'object',
  required: ['message'],
  properties: { message: { type: 'string' } },
  additionalProperties: false,
};

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** Seconds to wait before the same request (shared/http/translate-error.ts: 1 to 3, jittered). */
const retryAfter = (required: boolean) => ({
  'Retry-After': {
    description: 'Seconds to wait before sending the same request again',
    required,
    schema: { type: 'integer', minimum: 1, maximum: 3 },
  },
});

/**
 * Every route but the meta ones (health, this document) reads or writes the data store, whose
 * throttling, timeouts and 5xx (after the SDK's own retries) answer 503 SERVICE_BUSY.
 */
const usesStore = (route: RouteSpec) => route.area !== 'meta';

const parametersOf = (route: RouteSpec) => {
  const fromSchema = (schema: Schema | undefined, where: 'path' | 'query') => {
    if (!schema) return [];
    const object = jsonSchema(schema, 'input') as {
      properties?: Record<string, unknown>;
      required?: string[];
    };
    return Object.entries(object.properties ?? {}).map(([name, property]) => ({
      name,
      in: where,
      required: where === 'path' || (object.required ?? []).includes(name),
      schema: property,
    }));
  };
  const headers = [];
  if (route.idempotency) {
    headers.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: route.idempotency === 'required',
      schema: { type: 'string', minLength: 8, maxLength: 128 },
    });
  }
  if (route.ifMatch)
    headers.push({
      name: 'If-Match',
      in: 'header',
      required: route.ifMatch === true,
      schema: { type: 'string' },
    });
  return [...fromSchema(route.params, 'path'), ...fromSchema(route.query, 'query'), ...headers];
};

/** A negotiated media type: JSON by the route's schema, text as a string, anything else as binary. */
const negotiatedContent = (route: RouteSpec) => (type: string) => [
  type,
  {
    schema:
      type === 'application/json'
        ? route.response
          ? jsonSchema(route.response, 'output')
          : {}
        : type.startsWith('text/')
          ? { type: 'string' }
          : { type: 'string', format: 'binary' },
  },
];

const operationOf = (route: RouteSpec) => {
  const status = String(route.successStatus ?? 200);
  const success =
    status === '204'
      ? { description: 'No content' }
      : route.negotiates
        ? {
            description: 'By Accept',
            content: Object.fromEntries(route.negotiates.map(negotiatedContent(route))),
          }
        : route.produces
          ? {
              description: 'A file',
              content: Object.fromEntries(
                route.produces.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
              ),
            }
          : {
              description: 'Success',
              content: {
                'application/json': { schema: route.response ? jsonSchema(route.response, 'output') : {} },
              },
            };
  return {
    operationId: `${route.method.toLowerCase()}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string) => (c ?? '').toUpperCase())}`,
    summary: route.summary,
    tags: [route.area],
    ...(route.access === 'public' ? { security: [] } : { 'x-roles': route.roles }),
    parameters: parametersOf(route),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
          },
        }
      : {}),
    responses: {
      [status]: success,
      // Create-or-update (PUT without If-Match): 201 when it created, 200 when it replaced.
      ...(route.ifMatch === 'optional' ? { '200': success, '201': success } : {}),
      ...(route.seeOther ? { '303': { description: `See Other: ${route.seeOther}` } } : {}),
      '400': problem('Validation failed'),
      ...(route.access === 'public'
        ? {}
        : {
            '401': {
              description:
                'No or invalid token: API Gateway\'s own {"message":"Unauthorized"}; a verified token without a subject: a problem',
              content: {
                ...gatewayMessage('').content,
                ...problem('').content,
              },
            },
            '403': problem('Role forbids'),
          }),
      '404': problem('Not found or outside your scope'),
      ...(route.method !== 'GET'
        ? {
            '409': route.idempotency
              ? {
                  ...problem(
                    'Conflict or invalid transition; IDEMPOTENCY_IN_PROGRESS, with Retry-After, while a request with the same Idempotency-Key is still running',
                  ),
                  headers: retryAfter(false),
                }
              : problem('Conflict or invalid transition'),
          }
        : route.readConflict
          ? { '409': problem(route.readConflict) }
          : {}),
      ...(route.negotiates ? { '406': problem('No media type of Accept is served (NOT_ACCEPTABLE)') } : {}),
      ...(route.ifMatch ? { '412': problem('Stale version'), '428': problem('If-Match missing') } : {}),
      ...(route.body
        ? { '413': problem('Body too large'), '415': problem('Body not sent as application/json') }
        : {}),
      ...(route.idempotency ? { '422': problem('Idempotency-Key reused with another body') } : {}),
      ...(route.produces ? { '422': problem('The file would be too large (EXPORT_TOO_LARGE)') } : {}),
      '431': gatewayMessage("Request line and headers over 10,240 bytes: API Gateway's own answer"),
      ...(usesStore(route)
        ? {
            '503': {
              ...problem(
                'SERVICE_BUSY: the data store is throttling, failing or did not answer in time. Send the same request again after Retry-After seconds, with the same Idempotency-Key (a creation that did get through is then replayed, not repeated)',
              ),
              headers: retryAfter(true),
            },
          }
        : {}),
    },
  };
};

/** The OpenAPI 3.1 document for a route table: the full, generated contract of API.md. */
export const openApiDocument = (routes: readonly RouteSpec[], serverUrl?: string) => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = operationOf(route);
  }
  return {
    openapi: '3.1.0',
    // Private to the program; linters (Redocly's recommended rules) ask every document for a license.
    info: { title: '亲清互挂 platform API', version: '1.0.0', license: { name: 'Proprietary' } },
    // `/`: the API is served at the root of whatever host served this document (stage, local port).
    servers: [{ url: serverUrl ?? '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem: problemSchema, GatewayMessage: gatewayMessageSchema },
    },
  };
};
