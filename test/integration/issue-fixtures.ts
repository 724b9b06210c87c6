import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { handler as enterprises } from '../../functions/api/enterprises/handler';
import { claimsFor, invoke } from '../../tools/lambda-events';
import { randomCreditCode } from '../support/credit-codes';
import { issueFunctions as issues } from '../support/issue-functions';
import { createGrid, createTown, operator } from './master-data-fixtures';

export type Claims = Record<string, string | string[]>;

/** A new enterprise, in the grid given or a new grid of a new town: every test gets its own. */
export const createEnterprise = async (place?: { townUnitId: string; gridId: string }) => {
  const townUnitId = place?.townUnitId ?? (await createTown()).id;
  const gridId = place?.gridId ?? (await createGrid(townUnitId)).id;
  const { status, body } = await invoke(enterprises, {
    routeKey: 'POST /enterprises',
    body: {
      creditCode: randomCreditCode(),
      name: '海宁集成测试企业',
      industry: 'warp_knitting',
      townUnitId,
      gridId,
      aboveScale: true,
    },
    claims: operator,
  });
  expect(status).toBe(201);
  return body as { id: string; gridId: string };
};

export const raiseIssue = async (
  enterpriseId: string,
  claims: Claims = operator,
  key: string = randomUUID(),
) => {
  const result = await invoke(issues, {
    routeKey: 'POST /issues',
    body: { enterpriseId, category: 'land', title: '用地指标', description: '扩建缺少用地指标' },
    headers: { 'idempotency-key': key },
    claims,
  });
  expect(result.status).toBe(201);
  return result.body as { id: string; version: number };
};

/** POSTs to an issue's action and expects 200: the issue as it now is. */
export const act = async (issueId: string, path: string, claims: Claims, body?: unknown) => {
  const result = await invoke(issues, {
    routeKey: `POST /issues/{issueId}/${path}`,
    pathParameters: { issueId },
    claims,
    body,
  });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body as Record<string, unknown> & { version: number; status: string };
};

export const departmentOf = (unitId: string) => claimsFor('department', { unitId });

/** Raised, escalated to `unitId` and sent to consultation by that unit: on the next agenda. */
export const issueAwaitingConsultation = async (enterpriseId: string, unitId: string) => {
  const { id } = await raiseIssue(enterpriseId);
  await act(id, 'escalate', operator, { unitId, dueWorkingDays: 3 });
  await act(id, 'request-consultation', departmentOf(unitId), { note: '涉及多个部门' });
  return id;
};
