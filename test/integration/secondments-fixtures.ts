import { expect } from 'vitest';
import { handler as cadres } from '../../functions/api/cadres/handler';
import { handler as enterprises } from '../../functions/api/enterprises/handler';
import { handler as secondments } from '../../functions/api/secondments/handler';
import { invoke } from '../../tools/lambda-events';
import { randomCreditCode } from '../support/credit-codes';
import { createDepartment, createGrid, createTown, operator, unique } from './master-data-fixtures';

export { secondments };

/** A town with a grid and a department: what enterprises and cadres of a secondment test need. */
export const createPlaces = async () => {
  const town = await createTown();
  const grid = await createGrid(town.id);
  const department = await createDepartment();
  return { townUnitId: town.id, gridId: grid.id, departmentId: department.id };
};

export const createEnterpriseIn = async (
  places: { townUnitId: string; gridId: string },
  industry = 'dyeing',
): Promise<{ id: string }> => {
  const { status, body } = await invoke(enterprises, {
    routeKey: 'POST /enterprises',
    body: {
      creditCode: randomCreditCode(),
      name: '海宁测试印染有限公司',
      industry,
      townUnitId: places.townUnitId,
      gridId: places.gridId,
      aboveScale: true,
    },
    claims: operator,
  });
  expect(status).toBe(201);
  return body as { id: string };
};

export const createPoolCadre = async (unitId: string, profile: Record<string, unknown> = {}) => {
  const { status, body } = await invoke(cadres, {
    routeKey: 'POST /cadres',
    body: { name: '测试干部', unitId, inPool: true, experience: [], serviceSkills: [], ...profile },
    claims: operator,
  });
  expect(status).toBe(201);
  return body as { id: string };
};

export const residencyBody = (cadreId: string, enterpriseId: string, overrides: object = {}) => ({
  cadreId,
  enterpriseId,
  batch: '2019-2',
  startDate: '2019-03-01',
  endDate: '2019-12-31',
  services: ['project_application'],
  ...overrides,
});

export const postResidency = (body: unknown, key = unique('res-key')) =>
  invoke(secondments, {
    routeKey: 'POST /residencies',
    body,
    headers: { 'idempotency-key': key },
    claims: operator,
  });

export const startResidency = async (cadreId: string, enterpriseId: string, overrides: object = {}) => {
  const { status, body } = await postResidency(residencyBody(cadreId, enterpriseId, overrides));
  expect(status).toBe(201);
  return body as { id: string; version: number };
};

export const endResidency = (residencyId: string, version: number, endedOn = '2019-12-31') =>
  invoke(secondments, {
    routeKey: 'POST /residencies/{residencyId}/end',
    pathParameters: { residencyId },
    body: { endedOn },
    headers: { 'if-match': `"${version}"` },
    claims: operator,
  });
