import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { randomCreditCode } from '../support/credit-codes';
import { api } from '../support/e2e';

/**
 * The master data e2e files set up before their story, made over HTTP as the office makes it. Every
 * file shares one server, so codes carry a run-unique suffix.
 */
export const runSuffix = () => randomUUID().slice(0, 8);

/** Today's program date (Asia/Shanghai), as the server dates what happens today. */
export const programToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** POSTs as `token` with a fresh Idempotency-Key and expects 201: the new record's id. */
export const create = async (token: string, path: string, body: unknown): Promise<string> => {
  const response = await api<{ id: string }>('POST', path, {
    token,
    body,
    headers: { 'Idempotency-Key': randomUUID() },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
};

/** A town with one grid, named for the story (`code` is made unique). */
export const createTownWithGrid = async (
  operator: string,
  names: { code: string; town: string; grid: string },
) => {
  const suffix = runSuffix();
  const townUnitId = await create(operator, '/units', {
    code: `${names.code}T-${suffix}`,
    name: names.town,
    kind: 'town',
  });
  const gridId = await create(operator, '/grids', {
    code: `${names.code}G-${suffix}`,
    name: names.grid,
    townUnitId,
  });
  return { townUnitId, gridId };
};

/** An above-scale enterprise of the grid, with a valid credit code of its own. */
export const createEnterpriseIn = (
  operator: string,
  place: { townUnitId: string; gridId: string },
  enterprise: { name: string; industry: string },
) =>
  create(operator, '/enterprises', {
    creditCode: randomCreditCode(),
    ...enterprise,
    townUnitId: place.townUnitId,
    gridId: place.gridId,
    aboveScale: true,
  });

/** A town's visit cadre outside the pool, in a team of the grid. */
export const createVisitTeam = async (
  operator: string,
  place: { townUnitId: string; gridId: string },
  names: { cadre: string; team: string },
) => {
  const cadreId = await create(operator, '/cadres', {
    name: names.cadre,
    unitId: place.townUnitId,
    inPool: false,
    experience: [],
    serviceSkills: [],
  });
  const teamId = await create(operator, `/grids/${place.gridId}/teams`, {
    name: names.team,
    memberCadreIds: [cadreId],
  });
  return { cadreId, teamId };
};

/** POSTs an action on an issue as `token` and expects the issue back as it now is. */
export const act = async <Issue>(token: string, issueId: string, action: string, body: unknown = {}) => {
  const response = await api<Issue>('POST', `/issues/${issueId}/${action}`, { token, body });
  expect(response.status, `${action}: ${JSON.stringify(response.body)}`).toBe(200);
  return response.body;
};

/**
 * The issue execution's final status. Decisions are committed before the outbox delivers them, so on a
 * busy machine the execution may not even have started (404) when the last API call answers: wait for
 * both, at most thirty seconds.
 */
export const executionStatus = async (operator: string, issueId: string) => {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { status, body } = await api<{ status: string }>('GET', `/_local/executions/${issueId}`, {
      token: operator,
    });
    const settled = status !== 404 && body.status !== 'RUNNING';
    if (settled || Date.now() > deadline) return status === 404 ? 'NOT_STARTED' : body.status;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};
