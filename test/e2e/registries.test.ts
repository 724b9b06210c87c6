import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, type Problem, tokenFor } from '../support/e2e';

type Created = { id: string; version: number };

const suffix = randomUUID().slice(0, 8);
let operator: string;
let unitId: string;
let cadreId: string;

const key = () => ({ 'Idempotency-Key': `e2e-reg-${randomUUID()}` });

beforeAll(async () => {
  operator = await tokenFor('operator');
  const unit = await api<Created>('POST', '/units', {
    token: operator,
    body: { code: `E2E-R-${suffix}`, name: '市经信局', kind: 'department', category: 'class1' },
  });
  expect(unit.status).toBe(201);
  unitId = unit.body.id;
  const cadre = await api<Created>('POST', '/cadres', {
    token: operator,
    body: { name: '沈干部', unitId, rank: '四级主任科员', inPool: true, experience: [], serviceSkills: [] },
  });
  expect(cadre.status).toBe(201);
  cadreId = cadre.body.id;
});

describe('registries over HTTP', () => {
  it('keeps experts, trainings with attendance, a decided case and a promotion', async () => {
    const expert = await api<Created>('POST', '/experts', {
      token: operator,
      headers: key(),
      body: { name: '钱教授', profession: 'professor', fields: ['dyeing'], specialty: '印染行业提升' },
    });
    const training = await api<Created>('POST', '/trainings', {
      token: operator,
      headers: key(),
      body: { title: '企业家培训', date: '2026-06-18', audience: 'mixed', organizerUnitId: unitId },
    });
    const attendance = { attendees: [{ cadreId }] };
    const attended = await api('POST', `/trainings/${training.body.id}/attendance`, {
      token: operator,
      headers: key(),
      body: attendance,
    });
    const attendedAgain = await api<Problem>('POST', `/trainings/${training.body.id}/attendance`, {
      token: operator,
      headers: key(),
      body: attendance,
    });
    const opened = await api<Created>('POST', '/accountability-cases', {
      token: operator,
      headers: key(),
      body: { cadreId, kind: 'exemption', situationCodes: ['E1'], date: '2026-06-19', summary: '先行先试' },
    });
    const decided = await api<{ decidedBy: string; status: string }>(
      'POST',
      `/accountability-cases/${opened.body.id}/decision`,
      {
        token: await tokenFor('admin', { sub: `e2e-admin-${suffix}` }),
        headers: { 'If-Match': '"1"' },
        body: { decision: 'exempted', reason: '符合E1情形' },
      },
    );
    const promoted = await api('POST', `/cadres/${cadreId}/promotions`, {
      token: operator,
      headers: key(),
      body: { fromRank: '四级主任科员', toRank: '三级主任科员', date: '2026-06-20' },
    });

    expect([expert.status, training.status, attended.status, opened.status, promoted.status]).toEqual([
      201, 201, 201, 201, 201,
    ]);
    expect(attendedAgain).toMatchObject({ status: 409, body: { code: 'ATTENDANCE_EXISTS' } });
    expect(decided).toMatchObject({
      status: 200,
      body: { status: 'decided', decidedBy: `e2e-admin-${suffix}` },
    });
    const leader = await tokenFor('leader');
    const cases = await api<{ items: Created[] }>('GET', `/accountability-cases?cadreId=${cadreId}`, {
      token: leader,
    });
    expect(cases.body.items.map((item) => item.id)).toEqual([opened.body.id]);
    const promotions = await api<{ items: unknown[] }>('GET', `/cadres/${cadreId}/promotions`, {
      token: await tokenFor('department', { unitId }),
    });
    expect(promotions.body.items).toHaveLength(1);
  });

  it('requires an Idempotency-Key on registry creations', async () => {
    const { status, body } = await api<Problem>('POST', '/experts', {
      token: operator,
      body: { name: '无键专家', profession: 'lawyer', fields: [] },
    });

    expect(status).toBe(400);
    expect(body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });
});
