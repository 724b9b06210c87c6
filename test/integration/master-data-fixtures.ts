import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { handler as cadres } from '../../functions/api/cadres/handler';
import { handler as grids } from '../../functions/api/grids/handler';
import { handler as units } from '../../functions/api/units/handler';
import { type ApiHandler, claimsFor, invoke } from '../../tools/lambda-events';

/** Tables are shared by every test file of a run, so codes carry a run-unique suffix. */
export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export const operator = claimsFor('operator');

const created = async (result: Promise<{ status: number | undefined; body: unknown }>) => {
  const { status, body } = await result;
  expect(status).toBe(201);
  return body as { id: string; version: number };
};

export const createTown = () =>
  created(
    invoke(units, {
      routeKey: 'POST /units',
      body: { code: unique('T'), name: '测试镇', kind: 'town' },
      claims: operator,
    }),
  );

export const createDepartment = () =>
  created(
    invoke(units, {
      routeKey: 'POST /units',
      body: { code: unique('D'), name: '测试局', kind: 'department', category: 'class1' },
      claims: operator,
    }),
  );

export const createGrid = (townUnitId: string) =>
  created(
    invoke(grids, {
      routeKey: 'POST /grids',
      body: { code: unique('G'), name: '测试网格', townUnitId },
      claims: operator,
    }),
  );

export const createCadre = (unitId: string) =>
  created(
    invoke(cadres, {
      routeKey: 'POST /cadres',
      body: { name: '测试干部', unitId, inPool: true, experience: [], serviceSkills: [] },
      claims: operator,
    }),
  );

/** A reply as the route tests read it: the record, or a problem with its code. */
export type RouteReply = {
  status: number;
  body: Record<string, unknown> & { id: string; version: number; code?: string };
};

/**
 * Invokes one route of a handler as the operator unless `claims` names someone else: a POST with a
 * fresh Idempotency-Key, `version` sent as If-Match.
 */
export const send = async (
  handler: ApiHandler,
  routeKey: string,
  input: {
    pathParameters?: Record<string, string>;
    body?: unknown;
    query?: Record<string, string>;
    version?: number;
    claims?: ReturnType<typeof claimsFor>;
  } = {},
): Promise<RouteReply> => {
  const headers: Record<string, string> = routeKey.startsWith('POST')
    ? { 'idempotency-key': randomUUID() }
    : {};
  if (input.version !== undefined) headers['if-match'] = `"${input.version}"`;
  const result = await invoke(handler, {
    routeKey,
    pathParameters: input.pathParameters,
    body: input.body,
    query: input.query,
    headers,
    claims: input.claims ?? operator,
  });
  return result as unknown as RouteReply;
};
