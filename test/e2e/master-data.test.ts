import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomCreditCode, withWrongCheckCharacter } from '../support/credit-codes';
import { api, type Problem, tokenFor } from '../support/e2e';

type Created = { id: string };

const suffix = randomUUID().slice(0, 8);
let operator: string;
let townUnitId: string;
let gridId: string;

const enterpriseBody = (creditCode: string) => ({
  creditCode,
  name: '海宁经编样例有限公司',
  industry: 'warp_knitting',
  townUnitId,
  gridId,
  aboveScale: true,
  tags: ['专精特新'],
});

beforeAll(async () => {
  operator = await tokenFor('operator');
  const town = await api<Created>('POST', '/units', {
    token: operator,
    body: { code: `E2E-T-${suffix}`, name: '马桥街道', kind: 'town' },
  });
  expect(town.status).toBe(201);
  townUnitId = town.body.id;
  const grid = await api<Created>('POST', '/grids', {
    token: operator,
    body: { code: `E2E-G-${suffix}`, name: '马桥一网格', townUnitId },
  });
  expect(grid.status).toBe(201);
  gridId = grid.body.id;
});

describe('master data over HTTP', () => {
  it('creates an enterprise once, replaying a repeat with the same Idempotency-Key', async () => {
    const body = enterpriseBody(randomCreditCode());
    const headers = { 'Idempotency-Key': `e2e-${suffix}` };

    const first = await api('POST', '/enterprises', { token: operator, body, headers });
    const again = await api('POST', '/enterprises', { token: operator, body, headers });

    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ ...body, version: 1 });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    // Byte for byte: the stored reply keeps the first answer's key order.
    expect(JSON.stringify(again.body)).toBe(JSON.stringify(first.body));
    const inGrid = await api<{ items: { creditCode: string }[] }>(
      'GET',
      `/enterprises?gridId=${gridId}&limit=100`,
      { token: operator },
    );
    expect(inGrid.body.items.filter((item) => item.creditCode === body.creditCode)).toHaveLength(1);
  });

  it('refuses a wrong check character with 400 CREDIT_CODE_CHECKSUM', async () => {
    const { status, body } = await api<Problem>('POST', '/enterprises', {
      token: operator,
      body: enterpriseBody(withWrongCheckCharacter(randomCreditCode())),
    });

    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'CREDIT_CODE_CHECKSUM', errors: [{ path: 'body.creditCode' }] });
  });

  it('answers 401 without a token', async () => {
    const { status } = await api('POST', '/enterprises', { body: enterpriseBody(randomCreditCode()) });

    expect(status).toBe(401);
  });

  it('answers 403 to an enterprise account creating a unit', async () => {
    const token = await tokenFor('enterprise', { enterpriseId: 'E2E-ENTERPRISE' });

    const { status, body } = await api<Problem>('POST', '/units', {
      token,
      body: { code: `E2E-X-${suffix}`, name: '不该建的单位', kind: 'town' },
    });

    expect(status).toBe(403);
    expect(body.code).toBe('FORBIDDEN');
  });
});
