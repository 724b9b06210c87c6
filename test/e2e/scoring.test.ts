import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { programDateOf } from '../../shared/domain/calendar';
import { quarterOf } from '../../shared/domain/issues/quarter';
import { lastDayOf } from '../../shared/domain/scoring/quarter';
import { randomCreditCode } from '../support/credit-codes';
import { api, tokenFor } from '../support/e2e';

interface Row {
  unitId: string;
  rank: number;
  score: number;
  enterpriseEvaluation: number;
  supervisionFeedback: number;
  partyPoints: number;
  workload: number;
  explanation: { text: string; unreasonable: { issues: number } };
}
type Ranking = Record<'towns' | 'class1' | 'class2', Row[]> & { quarter: string; revision: number };

const suffix = randomUUID().slice(0, 8);
const quarter = quarterOf(programDateOf(new Date().toISOString()));
/** The first day of the next quarter: the day the scheduled run scores this one. */
const asOf = new Date(Date.parse(`${lastDayOf(quarter)}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

let operator: string;
let admin: string;
let leader: string;
let departmentId: string;
let townId: string;
let enterpriseId: string;

const created = async (path: string, body: unknown) => {
  const response = await api<{ id: string }>('POST', path, {
    token: operator,
    body,
    headers: { 'idempotency-key': `e2e-scoring-${randomUUID()}` },
  });
  expect(response.status, `POST ${path} ${JSON.stringify(response.body)}`).toBe(201);
  return response.body.id;
};

const act = async (token: string, issueId: string, action: string, body: unknown) => {
  const response = await api<{ status: string }>('POST', `/issues/${issueId}/${action}`, { token, body });
  expect(response.status, `${action} ${JSON.stringify(response.body)}`).toBe(200);
  return response.body;
};

const runScoring = () =>
  api<{ quarter: string; published: boolean; revision: number }>('POST', '/jobs/quarterly-scoring/runs', {
    token: admin,
    body: { asOf },
  });

beforeAll(async () => {
  [operator, admin, leader] = await Promise.all([
    tokenFor('operator'),
    tokenFor('admin'),
    tokenFor('leader'),
  ]);
  departmentId = await created('/units', {
    code: `E2E-SC-D-${suffix}`,
    name: '市场监管局',
    kind: 'department',
    category: 'class2',
  });
  townId = await created('/units', { code: `E2E-SC-T-${suffix}`, name: '长安镇', kind: 'town' });
  const gridId = await created('/grids', {
    code: `E2E-SC-G-${suffix}`,
    name: '长安一网格',
    townUnitId: townId,
  });
  enterpriseId = await created('/enterprises', {
    creditCode: randomCreditCode(),
    name: '海宁皮革样例有限公司',
    industry: 'warp_knitting',
    townUnitId: townId,
    gridId,
    aboveScale: true,
  });
});

describe('quarterly rankings over HTTP', () => {
  it('scores a quarter from party points and issue counters, excludes an unreasonable demand, and re-runs to the same result', async () => {
    // Prepare: one issue closed satisfied, one marked unreasonable; party points for both units.
    const department = await tokenFor('department', { unitId: departmentId });
    const enterprise = await tokenFor('enterprise', { enterpriseId });
    const raise = () =>
      created('/issues', { enterpriseId, category: 'licence', title: '许可证延续', description: '年检材料' });
    const solved = await raise();
    await act(operator, solved, 'escalate', { unitId: departmentId, dueWorkingDays: 5 });
    await act(department, solved, 'resolution', { resolution: '已办理延续' });
    await act(enterprise, solved, 'feedback', { verdict: 'satisfied' });
    const unreasonable = await raise();
    await act(operator, unreasonable, 'escalate', { unitId: departmentId, dueWorkingDays: 5 });
    const marked = await act(operator, unreasonable, 'mark-unreasonable', { reason: '要求免除法定检查' });
    expect(marked).toMatchObject({ unreasonable: { reason: '要求免除法定检查' } });

    const path = (unitId: string) => `/units/${unitId}/party-points/${quarter}`;
    expect((await api('PUT', path(departmentId), { token: operator, body: { points: 92 } })).status).toBe(
      201,
    );
    expect((await api('PUT', path(townId), { token: operator, body: { points: 75 } })).status).toBe(201);
    const blind = await api('PUT', path(townId), { token: operator, body: { points: 78 } });
    expect(blind.status).toBe(428);
    const changed = await api('PUT', path(townId), {
      token: operator,
      body: { points: 78 },
      headers: { 'if-match': '"1"' },
    });
    expect(changed.status).toBe(200);

    // Act
    const first = await runScoring();
    const ranking = await api<Ranking>('GET', `/rankings/${quarter}`, { token: leader });
    const again = await runScoring();
    const rereading = await api<Ranking>('GET', `/rankings/${quarter}`, { token: leader });

    // Assess
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ quarter, published: true });
    expect(ranking.status).toBe(200);
    const row = ranking.body.class2.find((r) => r.unitId === departmentId);
    expect(row).toMatchObject({ workload: 1, partyPoints: 92, explanation: { unreasonable: { issues: 1 } } });
    expect(row?.explanation.text).toContain('1 unreasonable demand excluded from the rates');
    expect(ranking.body.towns.find((r) => r.unitId === townId)).toMatchObject({
      partyPoints: 78,
      workload: 0,
    });
    expect(again.body).toMatchObject({ quarter, published: false, revision: first.body.revision });
    expect(rereading.body).toEqual(ranking.body);
    const byDepartment = await api('GET', `/rankings/${quarter}`, { token: department });
    expect(byDepartment.status).toBe(403);
  });
});
