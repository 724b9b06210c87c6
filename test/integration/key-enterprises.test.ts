import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { handler as enterprises } from '../../functions/api/enterprises/handler';
import { invoke } from '../../tools/lambda-events';
import { randomCreditCode } from '../support/credit-codes';
import { operator } from './master-data-fixtures';
import { createEnterpriseIn, createPlaces, createPoolCadre } from './secondments-fixtures';

type Reply = {
  status: number;
  body: Record<string, unknown> & { id: string; code?: string; version: number };
};

const call = async (
  routeKey: string,
  pathParameters: Record<string, string>,
  body?: unknown,
  version?: number,
) =>
  (await invoke(enterprises, {
    routeKey,
    pathParameters,
    body,
    headers: {
      ...(routeKey.startsWith('POST') ? { 'idempotency-key': randomUUID() } : {}),
      ...(version === undefined ? {} : { 'if-match': `"${version}"` }),
    },
    claims: operator,
  })) as unknown as Reply;

const smallEnterpriseIn = async (places: { townUnitId: string; gridId: string }) => {
  const { body } = await invoke(enterprises, {
    routeKey: 'POST /enterprises',
    body: {
      creditCode: randomCreditCode(),
      name: '海宁测试小微企业',
      industry: 'dyeing',
      townUnitId: places.townUnitId,
      gridId: places.gridId,
      aboveScale: false,
    },
    claims: operator,
  });
  return body as { id: string };
};

describe('key enterprises (专人服务, 一企一策, 股改上市) against DynamoDB Local', () => {
  it('names a cadre per key enterprise, keeps its plan with forward-only progress and its listing milestones in order', async () => {
    // Prepare
    const places = await createPlaces();
    const enterprise = await createEnterpriseIn(places);
    const [liaison, successor] = await Promise.all([
      createPoolCadre(places.departmentId),
      createPoolCadre(places.departmentId),
    ]);
    const enterpriseId = enterprise.id;

    // Act: designate (twice), plan an item and report on it, record milestones.
    const designated = await call(
      'POST /key-enterprises',
      {},
      {
        enterpriseId,
        liaisonCadreId: liaison.id,
        reason: '规上龙头企业，拟启动股改上市',
      },
    );
    const again = await call(
      'POST /key-enterprises',
      {},
      {
        enterpriseId,
        liaisonCadreId: successor.id,
        reason: '重复指定',
      },
    );
    const item = await call(
      'POST /key-enterprises/{enterpriseId}/plan-items',
      { enterpriseId },
      {
        title: '协调新厂区用地指标',
        ownerUnitId: places.departmentId,
        ownerCadreId: liaison.id,
        deadline: '2020-06-30',
      },
    );
    const itemId = item.body.id;
    const half = await call(
      'POST /key-enterprises/{enterpriseId}/plan-items/{itemId}/progress',
      { enterpriseId, itemId },
      { progressPercent: 50, note: '用地预审已通过' },
      1,
    );
    const backwards = await call(
      'POST /key-enterprises/{enterpriseId}/plan-items/{itemId}/progress',
      { enterpriseId, itemId },
      { progressPercent: 40, note: '回退' },
      2,
    );
    const stale = await call(
      'POST /key-enterprises/{enterpriseId}/plan-items/{itemId}/progress',
      { enterpriseId, itemId },
      { progressPercent: 60, note: '旧版本' },
      1,
    );
    const reform = await call(
      'POST /key-enterprises/{enterpriseId}/listing-milestones',
      { enterpriseId },
      {
        milestone: 'shareholding_reform',
        date: '2026-03-10',
      },
    );
    const skipped = await call(
      'POST /key-enterprises/{enterpriseId}/listing-milestones',
      { enterpriseId },
      {
        milestone: 'application_accepted',
        date: '2026-04-10',
      },
    );
    const racing = await Promise.all(
      [1, 2].map(() =>
        call(
          'POST /key-enterprises/{enterpriseId}/listing-milestones',
          { enterpriseId },
          {
            milestone: 'tutoring_filed',
            date: '2026-05-10',
          },
        ),
      ),
    );
    const handedOver = await call(
      'PATCH /key-enterprises/{enterpriseId}',
      { enterpriseId },
      { liaisonCadreId: successor.id },
      1,
    );
    const detail = await call('GET /key-enterprises/{enterpriseId}', { enterpriseId });
    const bySuccessor = await invoke(enterprises, {
      routeKey: 'GET /key-enterprises',
      query: { liaisonCadreId: successor.id },
      claims: operator,
    });
    const byLiaison = await invoke(enterprises, {
      routeKey: 'GET /key-enterprises',
      query: { liaisonCadreId: liaison.id },
      claims: operator,
    });

    // Assert
    expect(designated.status).toBe(201);
    expect(designated.body).toMatchObject({ enterpriseId, liaisonCadreId: liaison.id });
    expect(again).toMatchObject({ status: 409, body: { code: 'KEY_ENTERPRISE_EXISTS' } });
    expect(item.status).toBe(201);
    expect(half.body).toMatchObject({ progressPercent: 50, status: 'open', version: 2 });
    expect(backwards).toMatchObject({ status: 409, body: { code: 'INVALID_TRANSITION' } });
    expect(stale.status).toBe(412);
    expect(reform.status).toBe(201);
    expect(skipped).toMatchObject({ status: 409, body: { code: 'INVALID_TRANSITION' } });
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(handedOver.body).toMatchObject({ liaisonCadreId: successor.id, version: 2 });
    expect(detail.status).toBe(200);
    const plan = detail.body.plan as {
      id: string;
      progressPercent: number;
      overdue: boolean;
      progress: unknown[];
    }[];
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({ id: itemId, progressPercent: 50, overdue: true });
    expect(plan[0]?.progress).toHaveLength(1);
    expect((detail.body.listing as { milestone: string }[]).map((m) => m.milestone)).toEqual([
      'shareholding_reform',
      'tutoring_filed',
    ]);
    expect(
      (bySuccessor.body as { items: { enterpriseId: string }[] }).items.map((k) => k.enterpriseId),
    ).toEqual([enterpriseId]);
    expect((byLiaison.body as { items: unknown[] }).items).toEqual([]);
  });

  it('refuses unknown references, the listing track of a small enterprise and a plan for a non-key one, writing nothing', async () => {
    const places = await createPlaces();
    const small = await smallEnterpriseIn(places);
    const cadre = await createPoolCadre(places.departmentId);
    const unknownCadre = await call(
      'POST /key-enterprises',
      {},
      {
        enterpriseId: small.id,
        liaisonCadreId: '01JNOSUCHCADRE000000000000',
        reason: '专人服务',
      },
    );
    const notKey = await call(
      'POST /key-enterprises/{enterpriseId}/plan-items',
      { enterpriseId: small.id },
      {
        title: '融资对接',
        ownerUnitId: places.departmentId,
        deadline: '2026-09-30',
      },
    );
    const designated = await call(
      'POST /key-enterprises',
      {},
      {
        enterpriseId: small.id,
        liaisonCadreId: cadre.id,
        reason: '专人服务',
      },
    );
    const listing = await call(
      'POST /key-enterprises/{enterpriseId}/listing-milestones',
      { enterpriseId: small.id },
      {
        milestone: 'shareholding_reform',
        date: '2026-03-10',
      },
    );
    const detail = await call('GET /key-enterprises/{enterpriseId}', { enterpriseId: small.id });

    expect(unknownCadre).toMatchObject({ status: 400, body: { code: 'UNKNOWN_REFERENCE' } });
    expect(notKey.status).toBe(404);
    expect(designated.status).toBe(201);
    expect(listing).toMatchObject({ status: 409, body: { code: 'LISTING_NEEDS_ABOVE_SCALE' } });
    expect(detail.body).toMatchObject({ plan: [], listing: [], version: 1 });
  });
});
