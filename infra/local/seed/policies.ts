import type { MasterDataIds } from './master-data';
import { asOperator, inParallel, type SeedClient, SeedRequestError, seedKey } from './seed-client';

const POLICIES = [
  {
    title: '海宁市推动制造业高质量发展若干政策',
    issuer: '海宁市人民政府',
    industries: ['dyeing', 'warp_knitting', 'leather'],
  },
  { title: '关于支持企业股改上市的实施意见', issuer: '海宁市金融工作服务中心', industries: [] },
  { title: '印染行业改造提升实施方案', issuer: '海宁市经济和信息化局', industries: ['dyeing'] },
  { title: '减轻企业负担降低生产经营成本十条', issuer: '海宁市发展和改革局', industries: [] },
] as const;

/**
 * The policy library, each policy delivered to the enterprises of one town (in turn), and two in
 * three of them acknowledged by the enterprise: the towns' awareness rates in `/stats`.
 */
export const seedPolicies = async (client: SeedClient, ids: MasterDataIds, towns: readonly number[]) => {
  const policies = await inParallel(POLICIES, 4, (policy, n) =>
    client.post<{ id: string }>(
      '/policies',
      asOperator,
      {
        ...policy,
        industries: [...policy.industries],
        issuedOn: `2026-0${n + 2}-01`,
        summary: `${policy.title}：政策要点与申报条件。`,
      },
      seedKey('policy', n),
    ),
  );
  for (const [n, policy] of policies.entries()) {
    const townUnitId = ids.unitIds[towns[n % towns.length] as number] as string;
    await client.post(
      `/policies/${policy.id}/deliveries`,
      asOperator,
      { date: `2026-0${n + 3}-10`, townUnitId },
      seedKey('policy-delivery', n),
    );
    const delivered: { items: { enterpriseId: string; acknowledgedAt?: string }[] } = await client.get(
      `/policies/${policy.id}/deliveries?limit=100`,
      asOperator,
    );
    await inParallel(
      delivered.items.filter((d, i) => i % 3 !== 0 && d.acknowledgedAt === undefined),
      8,
      async (d) => {
        try {
          await client.post(
            `/policies/${policy.id}/acknowledgement`,
            { role: 'enterprise', scope: { enterpriseId: d.enterpriseId } },
            {},
          );
        } catch (error) {
          if (!(error instanceof SeedRequestError && error.code === 'ALREADY_ACKNOWLEDGED')) throw error;
        }
      },
    );
  }
  return { policies: policies.length };
};
