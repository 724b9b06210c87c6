import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { handler as cadres } from '../../functions/api/cadres/handler';
import { handler as grids } from '../../functions/api/grids/handler';
import { handler as units } from '../../functions/api/units/handler';
import { claimsFor, invoke } from '../../tools/lambda-events';

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
