import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomCreditCode } from '../support/credit-codes';
import { api, type Problem, tokenFor } from '../support/e2e';

type Created = { id: string; version: number };

const suffix = randomUUID().slice(0, 8);
let operator: string;
let leader: string;

const created = async (path: string, body: unknown) => {
  const headers = { 'Idempotency-Key': randomUUID() };
  const response = await api<Created>('POST', path, { token: operator, body, headers });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
};

beforeAll(async () => {
  operator = await tokenFor('operator');
  leader = await tokenFor('leader');
});

describe('assessments and the excellent quota over HTTP', () => {
  it('assesses a residency once, reads it back, lists it and shows the unit quota', async () => {
    // Prepare: a department with two cadres, one seconded this year to an enterprise that logs a service.
    const unitId = (
      await created('/units', {
        code: `E2E-AD-${suffix}`,
        name: '商务局',
        kind: 'department',
        category: 'class1',
      })
    ).id;
    const townUnitId = (await created('/units', { code: `E2E-AT-${suffix}`, name: '长安镇', kind: 'town' }))
      .id;
    const gridId = (await created('/grids', { code: `E2E-AG-${suffix}`, name: '长安一网格', townUnitId })).id;
    const enterpriseId = (
      await created('/enterprises', {
        creditCode: randomCreditCode(),
        name: '海宁经编样例有限公司',
        industry: 'warp_knitting',
        townUnitId,
        gridId,
        aboveScale: true,
      })
    ).id;
    const cadre = { name: 'E2E 考察', unitId, inPool: true, experience: [], serviceSkills: [] };
    const cadreId = (await created('/cadres', cadre)).id;
    await created('/cadres', cadre);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const year = today.slice(0, 4);
    const residencyId = (
      await created('/residencies', {
        cadreId,
        enterpriseId,
        batch: `${year}-1`,
        startDate: `${year}-01-01`,
        endDate: `${year}-12-31`,
        services: ['project_application'],
      })
    ).id;
    const cadreToken = await tokenFor('cadre', { cadreId });
    const service = await api('POST', `/residencies/${residencyId}/services`, {
      token: cadreToken,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { type: 'project_application', date: today, description: '协助申报', fundsFen: 50_000 },
    });
    expect(service.status).toBe(201);
    const body = {
      headEvaluation: { score: 4, comment: '工作扎实' },
      selfSummary: '协助企业申报项目一项。',
      conclusion: 'competent',
    };

    // Act
    const first = await created(`/residencies/${residencyId}/assessment`, body);
    const second = await api<Problem>('POST', `/residencies/${residencyId}/assessment`, {
      token: operator,
      headers: { 'Idempotency-Key': randomUUID() },
      body,
    });
    const read = await api<Record<string, unknown>>('GET', `/residencies/${residencyId}/assessment`, {
      token: leader,
    });
    const list = await api<{ items: Created[] }>('GET', `/assessments?year=${year}&unitId=${unitId}`, {
      token: leader,
    });
    const quota = await api<{ items: Record<string, unknown>[] }>(
      'GET',
      `/appraisals/${year}/excellent-quotas?unitId=${unitId}`,
      { token: leader },
    );

    // Assess
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('ALREADY_ASSESSED');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: first.id,
      unitId,
      year,
      enterpriseFeedback: { serviceEntries: 1, fundsFen: 50_000, evaluations: 0, averageFitScore: null },
    });
    expect(list.body.items.map((item) => item.id)).toEqual([first.id]);
    expect(quota.status).toBe(200);
    expect(quota.body.items).toEqual([
      expect.objectContaining({ unitId, cadres: 2, secondedCadres: 1, ordinaryCadres: 1, quota: 0 }),
    ]);
  });
});
