import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { handler as registries } from '../../functions/api/registries/handler';
import { handler as reports } from '../../functions/api/reports/handler';
import { claimsFor, invoke } from '../../tools/lambda-events';
import { operator } from './master-data-fixtures';
import { createEnterpriseIn, createPlaces } from './secondments-fixtures';

type Reply = { status: number; body: Record<string, unknown> & { id: string; code?: string } };

const post = async (
  routeKey: string,
  pathParameters: Record<string, string>,
  body: unknown,
  claims = operator,
  key = randomUUID(),
) =>
  (await invoke(registries, {
    routeKey,
    pathParameters,
    body,
    headers: { 'idempotency-key': key },
    claims,
  })) as unknown as Reply;

const policyBody = {
  title: '海宁市推动制造业高质量发展若干政策',
  issuer: '海宁市人民政府',
  issuedOn: '2026-03-01',
  industries: ['dyeing', 'warp_knitting'],
  summary: '技改投入补助、首台套奖励、亩均效益评价激励。',
  attachmentUrl: 'https://www.haining.gov.cn/policy/2026-3.pdf',
};

describe('policy delivery (送政策) against DynamoDB Local', () => {
  it('delivers once per enterprise, takes one acknowledgement each, and counts both in the town awareness', async () => {
    // Prepare: a town grid with three enterprises and a policy.
    const places = await createPlaces();
    const enterprises = await Promise.all([1, 2, 3].map(() => createEnterpriseIn(places)));
    const policy = await post('POST /policies', {}, policyBody);
    expect(policy.status).toBe(201);
    const policyId = policy.body.id;

    // Act
    const key = randomUUID();
    const first = await post(
      'POST /policies/{policyId}/deliveries',
      { policyId },
      { date: '2026-04-02', gridId: places.gridId },
      operator,
      key,
    );
    const replay = await post(
      'POST /policies/{policyId}/deliveries',
      { policyId },
      { date: '2026-04-02', gridId: places.gridId },
      operator,
      key,
    );
    const again = await post(
      'POST /policies/{policyId}/deliveries',
      { policyId },
      { date: '2026-04-03', townUnitId: places.townUnitId },
    );
    const two = [...enterprises.slice(0, 2)];
    const acks = await Promise.all(
      two.map((e) =>
        post(
          'POST /policies/{policyId}/acknowledgement',
          { policyId },
          {},
          claimsFor('enterprise', { enterpriseId: e.id }),
        ),
      ),
    );
    const twice = await post(
      'POST /policies/{policyId}/acknowledgement',
      { policyId },
      {},
      claimsFor('enterprise', { enterpriseId: two[0]?.id }),
    );
    const stranger = await post(
      'POST /policies/{policyId}/acknowledgement',
      { policyId },
      {},
      claimsFor('enterprise', { enterpriseId: 'NOT-DELIVERED' }),
    );
    const twoTargets = await post(
      'POST /policies/{policyId}/deliveries',
      { policyId },
      { date: '2026-04-02', gridId: places.gridId, industry: 'dyeing' },
    );
    const stats = (await invoke(reports, {
      routeKey: 'GET /stats',
      query: { from: '2026-04-01', to: '2026-04-30' },
      claims: claimsFor('leader'),
    })) as unknown as Reply;

    // Assess
    expect(first.body).toEqual({ policyId, delivered: 3, alreadyDelivered: 0 });
    expect(replay.body).toEqual(first.body);
    expect(again.body).toEqual({ policyId, delivered: 0, alreadyDelivered: 3 });
    expect(acks.map((a) => a.status)).toEqual([200, 200]);
    expect(twice.body.code).toBe('ALREADY_ACKNOWLEDGED');
    expect(stranger.status).toBe(404);
    expect(twoTargets.status).toBe(400);
    const awareness = stats.body.policyAwareness as { byTown: { townUnitId: string }[] };
    expect(awareness.byTown.find((t) => t.townUnitId === places.townUnitId)).toEqual({
      townUnitId: places.townUnitId,
      delivered: 3,
      acknowledged: 2,
      rate: 0.6667,
      questionnaire: { answered: 0, aware: 0, rate: null },
    });
  });
});
