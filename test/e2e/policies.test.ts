import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { randomCreditCode } from '../support/credit-codes';
import { api, tokenFor } from '../support/e2e';

const suffix = randomUUID().slice(0, 8);

describe('policy delivery (送政策) over HTTP', () => {
  it("shows each town's awareness rate in /stats equal to a recount of the acknowledgements", async () => {
    // Prepare: a town with a grid of five enterprises, a policy delivered to the grid.
    const operator = await tokenFor('operator');
    const created = async (path: string, body: unknown, token = operator) => {
      const response = await api<{ id: string }>('POST', path, {
        token,
        body,
        headers: { 'Idempotency-Key': randomUUID() },
      });
      expect(response.status, `${path} ${JSON.stringify(response.body)}`).toBe(201);
      return response.body;
    };
    const townUnitId = (await created('/units', { code: `E2E-YT-${suffix}`, name: '周王庙镇', kind: 'town' }))
      .id;
    const gridId = (await created('/grids', { code: `E2E-YG-${suffix}`, name: '周王庙一网格', townUnitId }))
      .id;
    const enterprises = [];
    for (let i = 0; i < 5; i++) {
      enterprises.push(
        await created('/enterprises', {
          creditCode: randomCreditCode(),
          name: `海宁皮革样例${i}有限公司`,
          industry: 'leather',
          townUnitId,
          gridId,
          aboveScale: i < 2,
        }),
      );
    }
    const policy = await created('/policies', {
      title: '关于进一步减轻企业负担的若干意见',
      issuer: '海宁市经济和信息化局',
      issuedOn: '2026-02-10',
      industries: ['leather'],
      summary: '降低用地、用能、物流成本的十条措施。',
    });
    const delivery = await created(`/policies/${policy.id}/deliveries`, { date: '2026-02-20', gridId });
    expect(delivery).toMatchObject({ delivered: 5, alreadyDelivered: 0 });

    // Act: three of the five enterprises acknowledge it.
    for (const enterprise of enterprises.slice(0, 3)) {
      const token = await tokenFor('enterprise', { enterpriseId: enterprise.id });
      const ack = await api('POST', `/policies/${policy.id}/acknowledgement`, { token, body: {} });
      expect(ack.status).toBe(200);
    }
    const deliveries = await api<{ items: { townUnitId: string; acknowledgedAt?: string }[] }>(
      'GET',
      `/policies/${policy.id}/deliveries?limit=100`,
      { token: operator },
    );
    const stats = await api<{
      policyAwareness: {
        byTown: { townUnitId: string; delivered: number; acknowledged: number; rate: number | null }[];
      };
    }>('GET', '/stats?from=2026-02-01&to=2026-02-28', { token: await tokenFor('leader') });

    // Assess
    const ofTown = deliveries.body.items.filter((d) => d.townUnitId === townUnitId);
    const acknowledged = ofTown.filter((d) => d.acknowledgedAt !== undefined).length;
    expect(stats.status).toBe(200);
    // The questionnaire's measure beside it depends on the town's visits: test/integration/policy-survey.test.ts.
    expect(stats.body.policyAwareness.byTown.find((t) => t.townUnitId === townUnitId)).toMatchObject({
      townUnitId,
      delivered: ofTown.length,
      acknowledged,
      rate: Math.round((acknowledged / ofTown.length) * 10_000) / 10_000,
    });
    expect(acknowledged).toBe(3);
  });
});
