import { beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/api/enterprises/handler';
import { claimsFor, invoke } from '../../tools/lambda-events';
import { randomCreditCode } from '../support/credit-codes';
import { createGrid, createTown, operator } from './master-data-fixtures';

let townUnitId: string;
let gridId: string;

const enterpriseBody = (overrides: Record<string, unknown> = {}) => ({
  creditCode: randomCreditCode(),
  name: '海宁测试企业有限公司',
  industry: 'warp_knitting',
  townUnitId,
  gridId,
  aboveScale: true,
  ...overrides,
});

const create = (body: unknown, headers?: Record<string, string>) =>
  invoke(handler, { routeKey: 'POST /enterprises', body, headers, claims: operator });

const list = (query: Record<string, string>, claims = operator) =>
  invoke(handler, { routeKey: 'GET /enterprises', query, claims });

const get = (enterpriseId: string) =>
  invoke(handler, {
    routeKey: 'GET /enterprises/{enterpriseId}',
    pathParameters: { enterpriseId },
    claims: operator,
  });

const patch = (enterpriseId: string, body: unknown, version: number) =>
  invoke(handler, {
    routeKey: 'PATCH /enterprises/{enterpriseId}',
    pathParameters: { enterpriseId },
    body,
    headers: { 'if-match': `"${version}"` },
    claims: operator,
  });

beforeAll(async () => {
  townUnitId = (await createTown()).id;
  gridId = (await createGrid(townUnitId)).id;
});

describe('enterprises against DynamoDB Local', () => {
  it('registers a credit code once among ten concurrent creates', async () => {
    const creditCode = randomCreditCode();

    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => create(enterpriseBody({ creditCode, name: `并发企业${i}` }))),
    );

    expect(results.filter((result) => result.status === 201)).toHaveLength(1);
    // On DynamoDB proper a loser may also lose on a transaction conflict; either way nothing is written.
    const refused = results.filter((result) => result.status !== 201);
    expect(refused).toHaveLength(9);
    for (const result of refused) {
      expect(result.status).toBe(409);
      expect(['CREDIT_CODE_TAKEN', 'CONCURRENT_UPDATE']).toContain(result.body?.code);
    }
    const inGrid = await list({ gridId, limit: '100' });
    expect(inGrid.body?.items?.filter((item) => item.creditCode === creditCode)).toHaveLength(1);
  });

  it('pages through a grid with the cursor, each enterprise once, in creation order', async () => {
    const pagedGridId = (await createGrid(townUnitId)).id;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { body } = await create(enterpriseBody({ gridId: pagedGridId }));
      ids.push(String(body?.id));
    }

    const seen: unknown[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { status, body } = await list({ gridId: pagedGridId, limit: '2', ...(cursor ? { cursor } : {}) });
      expect(status).toBe(200);
      expect(body?.items?.length).toBeLessThanOrEqual(2);
      seen.push(...(body?.items ?? []).map((item) => item.id));
      cursor = body?.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);

    expect(seen).toEqual(ids);
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('filters a town by industry, and gives an enterprise account only its own record', async () => {
    const { body: dyer } = await create(enterpriseBody({ industry: 'dyeing' }));
    await create(enterpriseBody({ industry: 'leather' }));

    const dyers = await list({ townUnitId, industry: 'dyeing', limit: '100' });
    expect(dyers.body?.items?.map((item) => item.id)).toEqual([dyer?.id]);

    const own = await list({}, claimsFor('enterprise', { enterpriseId: String(dyer?.id) }));
    expect(own.body).toEqual({ items: [dyer], nextCursor: null });
  });

  it('refuses a stale version with 412 and leaves the record unchanged', async () => {
    const { body: original } = await create(enterpriseBody());
    const id = String(original?.id);
    expect((await patch(id, { name: '第一次改名' }, 1)).status).toBe(200);

    const stale = await patch(id, { name: '迟到的改名', aboveScale: false }, 1);

    expect(stale.status).toBe(412);
    expect((await get(id)).body).toMatchObject({ name: '第一次改名', aboveScale: true, version: 2 });
  });

  it('moves an enterprise between grid and industry lists when patched', async () => {
    const newGridId = (await createGrid(townUnitId)).id;
    const { body: original } = await create(enterpriseBody({ industry: 'hardware' }));
    const id = String(original?.id);

    const moved = await patch(id, { gridId: newGridId, industry: 'new_materials' }, 1);

    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ gridId: newGridId, industry: 'new_materials', version: 2 });
    expect((await list({ gridId: newGridId })).body?.items?.map((item) => item.id)).toEqual([id]);
    const oldGrid = await list({ gridId, industry: 'hardware', limit: '100' });
    expect(oldGrid.body?.items?.map((item) => item.id)).not.toContain(id);
  });

  it('replays a creation with the same Idempotency-Key and creates one record', async () => {
    const body = enterpriseBody();
    const headers = { 'idempotency-key': `it-${body.creditCode}` };

    const first = await create(body, headers);
    const again = await create(body, headers);

    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, body: first.body });
    const inGrid = await list({ gridId, limit: '100' });
    expect(inGrid.body?.items?.filter((item) => item.creditCode === body.creditCode)).toHaveLength(1);
  });
});
