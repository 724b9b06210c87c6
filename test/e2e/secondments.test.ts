import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomCreditCode } from '../support/credit-codes';
import { api, type Problem, tokenFor } from '../support/e2e';

type Created = { id: string; version: number };
type Matches = { items: { cadreId: string; score: number; reasons: string[] }[] };

const suffix = randomUUID().slice(0, 8);
let operator: string;
let unitId: string;
let townUnitId: string;
let gridId: string;

const created = async (path: string, body: unknown, key?: string) => {
  const headers = key ? { 'Idempotency-Key': key } : undefined;
  const response = await api<Created>('POST', path, { token: operator, body, headers });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
};

const enterprise = () =>
  created('/enterprises', {
    creditCode: randomCreditCode(),
    name: '海宁印染样例有限公司',
    industry: 'dyeing',
    townUnitId,
    gridId,
    aboveScale: true,
  });

const cadre = (kind: string) =>
  created('/cadres', {
    name: `E2E ${kind}`,
    unitId,
    inPool: true,
    experience: [{ field: 'dyeing', kind, years: 8 }],
    serviceSkills: ['energy_saving'],
  });

beforeAll(async () => {
  operator = await tokenFor('operator');
  unitId = (
    await created('/units', {
      code: `E2E-SD-${suffix}`,
      name: '经信局',
      kind: 'department',
      category: 'class1',
    })
  ).id;
  townUnitId = (await created('/units', { code: `E2E-ST-${suffix}`, name: '许村镇', kind: 'town' })).id;
  gridId = (await created('/grids', { code: `E2E-SG-${suffix}`, name: '许村二网格', townUnitId })).id;
});

describe('matching and residencies over HTTP', () => {
  it('matches, seconds the best cadre, refuses a second residency, and takes its service log', async () => {
    const host = await enterprise();
    const worked = await cadre('worked');
    const studied = await cadre('studied');

    const before = await api<Matches>(
      'GET',
      `/enterprises/${host.id}/cadre-matches?service=energy_saving&limit=100`,
      {
        token: operator,
      },
    );
    const ids = before.body.items.map((item) => item.cadreId);
    expect(ids.indexOf(worked.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(worked.id)).toBeLessThan(ids.indexOf(studied.id));

    const residency = await created(
      '/residencies',
      {
        cadreId: worked.id,
        enterpriseId: host.id,
        batch: '2018-1',
        startDate: '2018-05-01',
        endDate: '2019-04-30',
        services: ['energy_saving'],
      },
      `e2e-res-${suffix}`,
    );
    const second = await api<Problem>('POST', '/residencies', {
      token: operator,
      headers: { 'Idempotency-Key': `e2e-res2-${suffix}` },
      body: {
        cadreId: worked.id,
        enterpriseId: (await enterprise()).id,
        batch: '2018-1',
        startDate: '2018-05-01',
        endDate: '2019-04-30',
        services: ['energy_saving'],
      },
    });
    const after = await api<Matches>(
      'GET',
      `/enterprises/${host.id}/cadre-matches?service=energy_saving&limit=100`,
      {
        token: operator,
      },
    );
    const resident = await tokenFor('cadre', { cadreId: worked.id });
    const service = await api<Created>('POST', `/residencies/${residency.id}/services`, {
      token: resident,
      headers: { 'Idempotency-Key': `e2e-svc-${suffix}` },
      body: {
        type: 'energy_saving',
        date: '2018-06-01',
        description: '印染废水回用改造',
        fundsFen: 120_000_00,
      },
    });

    expect(second.status).toBe(409);
    expect(second.body.code).toBe('CADRE_ALREADY_RESIDENT');
    expect(after.body.items.map((item) => item.cadreId)).not.toContain(worked.id);
    expect(service.status).toBe(201);
  });
});
