import fc from 'fast-check';
import * as z from 'zod/mini';
import { type RouteSpec, routeKeyOf } from '../../../shared/http/contract';
import { MAX_BODY_BYTES } from '../../../shared/http/middleware/parse-body';
import { pathFor } from './requests';
import type { World } from './world';

/** One generated request and the rule it breaks (none for a read that may well be valid). */
export interface HostileRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  violation: string;
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  format?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
}

const schemaOf = (schema: RouteSpec['body']): JsonSchema =>
  schema ? (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema) : {};

/** Fields the server owns on some record: never settable by a client (API.md, Conventions). */
export const SERVER_OWNED_FIELDS = [
  'id',
  'status',
  'version',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'raisedBy',
  'recordedBy',
  'evaluatedBy',
  'executionArn',
  'workflow',
  'workflowRev',
  'ledgerHead',
  'counted',
  'assignment',
  'reReviewCount',
  'closure',
  'resolution',
  'followUpDeadline',
  'unreasonable',
  'score',
  'scores',
  'counters',
  'issueIds',
  'number',
] as const;

const HOSTILE_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202egnp.exe',
  'a\u2066b',
  '\ud800',
  'x\udfffy',
  '\u200b',
  '\ufeff海宁',
  '\uffff',
  '\ufdd0',
  '\u001b[31mred',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f',
  '%00',
  '__proto__',
  'constructor',
  'prototype',
  "' OR '1'='1' --",
  '<script>alert(1)</script>',
  '$' + '{7*7}', // a template-injection probe, split so that lint does not take it for a mistake
  '{{7*7}}',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '2025-02-29',
  '2026-1-1',
  '91330481MA00000000',
  '91330481MA2B3C4D5I',
  'e\u0301',
  '😀',
  '👨\u200d👩\u200d👧',
];

/** Strings: fixed hostile ones, arbitrary code points (lone surrogates too), and sizes around every limit. */
const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc
    .tuple(
      fc.constantFrom('a', '海', '😀', '\u0000', '\u202e', 'é'),
      fc.constantFrom(33, 65, 129, 201, 501, 1001, 2001, 5001),
    )
    .map(([unit, length]) => unit.repeat(length)),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  fc.integer(),
  fc.constantFrom(-1, 0, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A value of a JSON type the property never takes; undefined where the schema gives no single type. */
const wrongTypeFor = (property: JsonSchema): fc.Arbitrary<unknown> | undefined => {
  const type = Array.isArray(property.type) ? property.type[0] : property.type;
  switch (type) {
    case 'string':
      return fc.oneof(fc.integer(), fc.boolean(), fc.constant({}), fc.constant([]));
    case 'integer':
    case 'number':
      return fc.oneof(fc.constantFrom('1', '', 'NaN', '1e3'), fc.boolean(), fc.constant({}));
    case 'boolean':
      return fc.oneof(fc.constantFrom('true', 'false', '1', ''), fc.integer({ min: 0, max: 1 }));
    case 'array':
      return fc.oneof(fc.constant({}), fc.string({ maxLength: 5 }), fc.integer());
    case 'object':
      return fc.oneof(fc.constant([]), fc.string({ maxLength: 5 }), fc.integer());
    default:
      return undefined;
  }
};

/** JSON text nested `depth` levels (as text: JSON.stringify itself would exhaust the stack). */
const nestedJson = (depth: number): string =>
  Array.from({ length: depth }, (_, level) => (level % 2 ? '[' : '{"d":')).join('') +
  '"deep"' +
  Array.from({ length: depth }, (_, level) => (level % 2 ? ']' : '}'))
    .reverse()
    .join('');

/** A path parameter that names nothing valid: traversal, encodings, sizes, control and bidi characters. */
const hostileParam = fc.oneof(
  fc.constantFrom(
    '..',
    '../..',
    '..%2F..%2Fetc%2Fpasswd',
    '%2e%2e',
    '%00',
    '%ZZ',
    '%',
    '%E2%80%AE',
    '%F0%9F%98%80',
    '__proto__',
    'constructor',
    'a b',
    'a%20b',
    '\u6d77\u5b81',
    'A'.repeat(65),
    'A'.repeat(3000),
    '*',
    '$',
    '%7B%7D',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).map(encodeURIComponent),
);

const tenantValue = (world: World, name: string): string | undefined =>
  ({
    enterpriseId: world.a.enterpriseId,
    issueId: world.a.issueId,
    residencyId: world.a.residencyId,
    placementId: world.a.placementId,
    visitId: world.a.visitId,
    gridId: world.a.gridId,
    teamId: world.a.teamId,
    cadreId: world.a.residentCadreId,
    unitId: world.a.departmentId,
    townUnitId: world.a.townUnitId,
  })[name];

/** A body object: every declared property omitted, plausible (a real id where one fits) or hostile. */
const bodyObject = (schema: JsonSchema, world: World): fc.Arbitrary<Record<string, unknown>> => {
  const entries = Object.keys(schema.properties ?? {}).map((name) => {
    const real = tenantValue(world, name);
    return fc
      .oneof(fc.constant(undefined), real ? fc.constant(real) : hostileValue, hostileValue)
      .map((value) => [name, value] as const);
  });
  return fc
    .tuple(...entries)
    .map((pairs) => Object.fromEntries(pairs.filter(([, value]) => value !== undefined)));
};

type Parts = {
  params: Record<string, string>;
  query: [string, string][];
  headers: Record<string, string>;
  body?: string;
};

/**
 * Hostile requests for one route. A write always carries at least one violation the API must refuse
 * (so any 2xx is a finding); a read may be valid, its hostility lies in its query and path.
 */
export const hostileRequests = (
  route: RouteSpec,
  world: World,
  token: string,
): fc.Arbitrary<HostileRequest> => {
  const body = schemaOf(route.body);
  const query = schemaOf(route.query);
  const paramNames = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
  const properties = Object.entries(body.properties ?? {});
  const json = (value: unknown) => JSON.stringify(value);

  const queryArb = fc.array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(...Object.keys(query.properties ?? {}), 'limit', 'cursor'),
        fc.constantFrom('__proto__', 'constructor', 'unknown', 'limit[]', ''),
      ),
      hostileString.map(String),
    ),
    { maxLength: 4 },
  );
  const base = fc.record({
    params: fc.constant(Object.fromEntries(paramNames.map((name) => [name, ''])) as Record<string, string>),
    query: queryArb,
    headers: fc.constant({ 'content-type': 'application/json' } as Record<string, string>),
    object: route.body ? bodyObject(body, world) : fc.constant(undefined),
  });

  type Violation = fc.Arbitrary<{
    violation: string;
    apply: (parts: Parts, object?: Record<string, unknown>) => Parts;
  }>;
  const violations: Violation[] = [];
  const withBody = (parts: Parts, value: unknown): Parts => ({ ...parts, body: json(value) });
  if (route.body) {
    violations.push(
      fc
        .constantFrom('{', '{"a":', '{"a":1}{"b":2}', '\ufeff{}', "{'a':1}", '{"a":NaN}', 'nul', '[', '', ' ')
        .map((text) => ({
          violation: `malformed JSON ${JSON.stringify(text)}`,
          apply: (parts: Parts) => ({ ...parts, body: text === '' ? ' ' : text }),
        })),
      fc
        .constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data',
          'application/jsonx',
          'json',
        )
        .map((type) => ({
          violation: `content type ${type}`,
          apply: (parts: Parts, object?: Record<string, unknown>) => ({
            ...withBody(parts, object ?? {}),
            headers: { ...parts.headers, 'content-type': type },
          }),
        })),
      fc.constantFrom<unknown>([], [{}], 'text', 42, true, null).map((value) => ({
        violation: `non-object body ${json(value)}`,
        apply: (parts: Parts) => withBody(parts, value),
      })),
      fc.integer({ min: 33, max: 5_000 }).map((depth) => ({
        violation: `nested ${depth} deep`,
        apply: (parts: Parts, object?: Record<string, unknown>) => {
          const { [properties[0]?.[0] ?? 'x']: _, ...rest } = object ?? {};
          const others = json(rest).slice(1, -1);
          return {
            ...parts,
            body: `{${others ? `${others},` : ''}${json(properties[0]?.[0] ?? 'x')}:${nestedJson(depth)}}`,
          };
        },
      })),
      fc
        .constantFrom(...SERVER_OWNED_FIELDS, '__proto__', 'isAdmin', 'role', 'sub')
        .filter((name) => !(name in (body.properties ?? {})))
        .map((name) => ({
          violation: `unknown field ${name}`,
          apply: (parts: Parts, object?: Record<string, unknown>) => ({
            ...parts,
            body:
              name === '__proto__'
                ? `{"__proto__":{"admin":true}${object && Object.keys(object).length ? `,${json(object).slice(1)}` : '}'}`
                : json({ ...object, [name]: 'x' }),
          }),
        })),
      fc.integer({ min: MAX_BODY_BYTES + 1, max: MAX_BODY_BYTES + 4096 }).map((size) => ({
        violation: `body of ${size} bytes`,
        apply: (parts: Parts) => ({ ...parts, body: json({ pad: 'x'.repeat(size) }) }),
      })),
    );
    const typed = properties.flatMap(([name, property]) => {
      const wrong = wrongTypeFor(property);
      return wrong ? [wrong.map((value) => ({ name, value }))] : [];
    });
    if (typed.length > 0) {
      violations.push(
        fc.oneof(...typed).map(({ name, value }) => ({
          violation: `${name} of the wrong type`,
          apply: (parts: Parts, object?: Record<string, unknown>) =>
            withBody(parts, { ...object, [name]: value }),
        })),
      );
    }
    const required = body.required ?? [];
    if (required.length > 0) {
      violations.push(
        fc.constantFrom(...required).map((name) => ({
          violation: `required ${name} missing`,
          apply: (parts: Parts, object?: Record<string, unknown>) => {
            const { [name]: _, ...rest } = object ?? {};
            return withBody(parts, rest);
          },
        })),
      );
    }
  }
  if (route.idempotency) {
    violations.push(
      fc
        .constantFrom('short', 'a'.repeat(129), 'clé-clé-clé', '../../../x', 'key with spaces', 'key;drop')
        .map((key) => ({
          violation: `Idempotency-Key ${JSON.stringify(key)}`,
          apply: (parts: Parts, object?: Record<string, unknown>) => ({
            ...withBody(parts, object ?? {}),
            headers: { ...parts.headers, 'idempotency-key': key },
          }),
        })),
    );
  }
  if (route.ifMatch) {
    violations.push(
      fc.constantFrom('W/"1"', '*', '"-1"', 'abc', '"1', '"9999999999999"', '1, 2').map((value) => ({
        violation: `If-Match ${value}`,
        apply: (parts: Parts, object?: Record<string, unknown>) => ({
          ...withBody(parts, object ?? {}),
          headers: { ...parts.headers, 'if-match': value },
        }),
      })),
    );
  }
  if (paramNames.length > 0) {
    violations.push(
      fc.tuple(fc.constantFrom(...paramNames), hostileParam).map(([name, value]) => ({
        violation: `path ${name}=${value.slice(0, 40)}`,
        apply: (parts: Parts, object?: Record<string, unknown>) => ({
          ...(route.body ? withBody(parts, object ?? {}) : parts),
          params: { ...parts.params, [name]: value },
        }),
      })),
    );
  }
  const isWrite = route.method !== 'GET';
  const readOnly: Violation = fc.constant({ violation: '', apply: (parts: Parts) => parts });
  const chosen = violations.length > 0 ? fc.oneof(...violations, ...(isWrite ? [] : [readOnly])) : readOnly;

  return fc.tuple(base, chosen).map(([{ object, ...parts }, { violation, apply }]) => {
    const start: Parts = {
      ...parts,
      headers: {
        ...parts.headers,
        authorization: `Bearer ${token}`,
        ...(route.idempotency
          ? { 'idempotency-key': `fuzz-${Math.random().toString(36).slice(2, 12)}` }
          : {}),
        ...(route.ifMatch ? { 'if-match': '"1"' } : {}),
      },
      ...(route.body ? { body: json(object ?? {}) } : {}),
    };
    const applied = apply(start, object);
    const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      applied.params[name] ? applied.params[name] : pathFor({ path: `{${name}}` }, world.a),
    );
    const search = new URLSearchParams(applied.query).toString();
    return {
      method: route.method,
      url: `${path}${search ? `?${search}` : ''}`,
      headers: applied.headers,
      ...(applied.body !== undefined && route.method !== 'GET' ? { body: applied.body } : {}),
      violation: violation || (route.body ? 'body fields hostile' : 'query hostile'),
    };
  });
};

export const describeRoute = (route: RouteSpec) => routeKeyOf(route);
