import { randomUUID } from 'node:crypto';
import type { Role } from '../../../shared/domain/roles';
import { randomCreditCode } from '../credit-codes';
import { api, tokenFor } from '../e2e';
import { FIXED_YEAR } from './requests';

/**
 * One tenant's records: a town with a grid, its visit team, an enterprise, a department, and what they
 * share; also the resident cadre's annual report of 2026 (no id: it is named by cadre and year), and
 * the enterprise as a key enterprise served by the resident cadre, with an agency case.
 */
export interface Tenant {
  townUnitId: string;
  departmentId: string;
  gridId: string;
  teamId: string;
  visitCadreId: string;
  residentCadreId: string;
  enterpriseId: string;
  issueId: string;
  residencyId: string;
  placementId: string;
  visitId: string;
  /** The enterprise made a key enterprise, its named cadre (专人) the resident cadre. */
  keyEnterpriseId: string;
  /** An agency case (全程代办) for it, carried by the resident cadre, its one step owned by the department. */
  agencyCaseId: string;
  agencyStepId: string;
  tokens: {
    enterprise: string;
    visitCadre: string;
    residentCadre: string;
    department: string;
  };
}

export type ScopedToken = keyof Tenant['tokens'];

/**
 * Two tenants, A and B, made through the API as an operator would: the authorization matrix asks
 * every scoped token of B for A's records (and A for its own). Also the unscoped roles' tokens.
 */
export interface World {
  a: Tenant;
  b: Tenant;
  tokens: Record<'leader' | 'operator' | 'admin', string>;
}

const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const creator =
  (token: string) =>
  async (path: string, body: unknown, asToken = token) => {
    const response = await api<{ id: string }>('POST', path, {
      token: asToken,
      body,
      headers: { 'Idempotency-Key': `world-${randomUUID()}` },
    });
    if (response.status !== 201) {
      throw new Error(`world: POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response.body.id;
  };

const tenant = async (operator: string, label: string): Promise<Tenant> => {
  const suffix = `${label}${randomUUID().slice(0, 6)}`;
  const created = creator(operator);
  const townUnitId = await created('/units', { code: `HT-T-${suffix}`, name: `${label}镇`, kind: 'town' });
  const departmentId = await created('/units', {
    code: `HT-D-${suffix}`,
    name: `${label}局`,
    kind: 'department',
    category: 'class1',
  });
  const gridId = await created('/grids', { code: `HT-G-${suffix}`, name: `${label}网格`, townUnitId });
  const visitCadreId = await created('/cadres', {
    name: `${label}走访干部`,
    unitId: townUnitId,
    inPool: false,
    experience: [],
    serviceSkills: [],
  });
  const residentCadreId = await created('/cadres', {
    name: `${label}驻企干部`,
    unitId: departmentId,
    inPool: true,
    experience: [{ field: 'dyeing', kind: 'worked', years: 5 }],
    serviceSkills: ['energy_saving'],
  });
  const teamId = await created(`/grids/${gridId}/teams`, {
    name: `${label}走访组`,
    memberCadreIds: [visitCadreId],
  });
  const enterpriseId = await created('/enterprises', {
    creditCode: randomCreditCode(),
    name: `${label}经编有限公司`,
    industry: 'dyeing',
    townUnitId,
    gridId,
    aboveScale: true,
  });
  const issueId = await created('/issues', {
    enterpriseId,
    category: 'land',
    title: `${label}用地指标`,
    description: '扩建缺少用地指标',
  });
  const escalated = await api('POST', `/issues/${issueId}/escalate`, {
    token: operator,
    body: { unitId: departmentId, dueWorkingDays: 10 },
  });
  if (escalated.status !== 200) throw new Error(`world: escalate answered ${escalated.status}`);
  const residencyId = await created('/residencies', {
    cadreId: residentCadreId,
    enterpriseId,
    batch: '2026-1',
    startDate: '2026-01-05',
    endDate: '2026-12-31',
    services: ['energy_saving'],
  });
  const placementId = await created('/placements', {
    enterpriseId,
    staffName: `${label}骨干`,
    staffTitle: '生产主管',
    unitId: departmentId,
    startDate: '2026-03-01',
    endDate: '2026-08-31',
  });
  const tokens = {
    enterprise: await tokenFor('enterprise', { enterpriseId, sub: `ent-${suffix}` }),
    visitCadre: await tokenFor('cadre', { cadreId: visitCadreId, sub: `vc-${suffix}` }),
    residentCadre: await tokenFor('cadre', { cadreId: residentCadreId, sub: `rc-${suffix}` }),
    department: await tokenFor('department', { unitId: departmentId, sub: `dep-${suffix}` }),
  };
  const visitId = await created(
    '/visits',
    { enterpriseId, teamId, date: shanghaiToday(), questionnaire: {} },
    tokens.visitCadre,
  );
  // The resident cadre's 述职 of the year the matrix asks for, filed by the cadre: without
  // it the owner's `GET /cadres/{cadreId}/annual-reports/{year}` finds no report and answers 404, which
  // the matrix could not tell from a refusal by scope.
  await created(
    `/cadres/${residentCadreId}/annual-reports`,
    { year: FIXED_YEAR, summary: `${label}驻企干部年度述职` },
    tokens.residentCadre,
  );
  const keyEnterpriseId = await created('/key-enterprises', {
    enterpriseId,
    liaisonCadreId: residentCadreId,
    reason: `${label}规上龙头企业`,
  });
  const agencyCase = await api<{ id: string; steps: { id: string }[] }>(
    'POST',
    `/key-enterprises/${enterpriseId}/agency-cases`,
    {
      token: operator,
      body: {
        matter: `${label}新建厂房审批代办`,
        steps: [{ title: '施工许可', ownerUnitId: departmentId, dueWorkingDays: 10 }],
      },
      headers: { 'Idempotency-Key': `world-${randomUUID()}` },
    },
  );
  if (agencyCase.status !== 201) throw new Error(`world: agency case answered ${agencyCase.status}`);
  return {
    townUnitId,
    departmentId,
    gridId,
    teamId,
    visitCadreId,
    residentCadreId,
    enterpriseId,
    issueId,
    residencyId,
    placementId,
    visitId,
    keyEnterpriseId,
    agencyCaseId: agencyCase.body.id,
    agencyStepId: agencyCase.body.steps[0]?.id as string,
    tokens,
  };
};

export const buildWorld = async (): Promise<World> => {
  const operator = await tokenFor('operator');
  const [a, b] = [await tenant(operator, 'A'), await tenant(operator, 'B')];
  const unscoped = async (role: Role) => tokenFor(role, { sub: `${role}-${randomUUID().slice(0, 6)}` });
  return { a, b, tokens: { leader: await unscoped('leader'), operator, admin: await unscoped('admin') } };
};
