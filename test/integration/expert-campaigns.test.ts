import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { handler as registries } from '../../functions/api/registries/handler';
import { invoke } from '../../tools/lambda-events';
import { operator } from './master-data-fixtures';
import { createEnterpriseIn, createPlaces } from './secondments-fixtures';

type Reply = { status: number; body: Record<string, unknown> & { id: string; code?: string } };

const call = async (routeKey: string, pathParameters: Record<string, string>, body?: unknown) =>
  (await invoke(registries, {
    routeKey,
    pathParameters,
    body,
    headers: routeKey.startsWith('POST') ? { 'idempotency-key': randomUUID() } : {},
    claims: operator,
  })) as unknown as Reply;

const expertBody = (name: string) => ({ name, profession: 'engineer', fields: ['dyeing'] });

describe('expert campaigns against DynamoDB Local', () => {
  it('groups the engagements that name a campaign and counts them apart from the others', async () => {
    // Prepare: a campaign, two experts, two enterprises.
    const campaign = await call(
      'POST /expert-campaigns',
      {},
      {
        name: '精准帮扶进企业集中月',
        theme: '印染、五金行业改造提升方案进企业',
        startDate: '2026-05-01',
        endDate: '2026-05-31',
      },
    );
    expect(campaign.status).toBe(201);
    const campaignId = campaign.body.id;
    const [x1, x2] = await Promise.all([
      call('POST /experts', {}, expertBody('张工')),
      call('POST /experts', {}, expertBody('李教授')),
    ]);
    const places = await createPlaces();
    const [e1, e2] = await Promise.all([createEnterpriseIn(places), createEnterpriseIn(places)]);
    const engage = (expertId: string, body: object) =>
      call('POST /experts/{expertId}/engagements', { expertId }, { topic: '印染废水提标改造', ...body });

    // Act
    const inCampaign = await Promise.all([
      engage(x1?.body.id as string, { enterpriseId: e1.id, date: '2026-05-06', campaignId }),
      engage(x1?.body.id as string, { enterpriseId: e2.id, date: '2026-05-07', campaignId }),
      engage(x2?.body.id as string, { enterpriseId: e1.id, date: '2026-05-31', campaignId }),
    ]);
    const outside = await engage(x2?.body.id as string, { enterpriseId: e2.id, date: '2026-06-02' });
    const lateForCampaign = await engage(x2?.body.id as string, {
      enterpriseId: e2.id,
      date: '2026-06-01',
      campaignId,
    });
    const unknownCampaign = await engage(x2?.body.id as string, {
      enterpriseId: e2.id,
      date: '2026-05-10',
      campaignId: '01JUNKNOWNCAMPAIGN00000000',
    });
    const read = await call('GET /expert-campaigns/{campaignId}', { campaignId });
    const listed = await call('GET /expert-campaigns/{campaignId}/engagements', { campaignId });
    const expertsOwn = await call('GET /experts/{expertId}/engagements', { expertId: x2?.body.id as string });

    // Assert
    expect(inCampaign.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(inCampaign[0]?.body.campaignId).toBe(campaignId);
    expect(outside.status).toBe(201);
    expect(lateForCampaign.status).toBe(400);
    expect(unknownCampaign).toMatchObject({ status: 400, body: { code: 'UNKNOWN_REFERENCE' } });
    expect(read.status).toBe(200);
    expect(read.body.figures).toEqual({ engagements: 3, experts: 2, enterprises: 2, issues: 0 });
    expect((listed.body.items as { id: string }[]).map((e) => e.id).sort()).toEqual(
      inCampaign.map((r) => r.body.id).sort(),
    );
    // The refused engagements wrote nothing: the expert holds its campaign one and the outside one.
    expect((expertsOwn.body.items as unknown[]).length).toBe(2);
  });

  it('refuses a campaign that ends before it starts, writing nothing, and answers 404 for an unknown one', async () => {
    const reversed = await call(
      'POST /expert-campaigns',
      {},
      {
        name: '倒序',
        theme: '结束早于开始',
        startDate: '2026-05-31',
        endDate: '2026-05-01',
      },
    );
    const unknown = await call('GET /expert-campaigns/{campaignId}', {
      campaignId: '01JUNKNOWNCAMPAIGN00000000',
    });
    expect(reversed.status).toBe(400);
    expect(unknown.status).toBe(404);
  });
});
