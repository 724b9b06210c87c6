import type { DemoData } from './demo-data';
import type { MasterDataIds } from './master-data';
import { asOperator, inParallel, type SeedClient, SeedRequestError, seedKey } from './seed-client';

interface Versioned {
  id: string;
  version: number;
  status: string;
}

interface KeyEnterpriseDetail {
  plan: (Versioned & { progressPercent: number })[];
}

interface AgencyCaseDetail extends Versioned {
  steps: Versioned[];
}

const PLAN = [
  { title: '协调新厂区用地指标', deadline: '2026-09-30' },
  { title: '对接银行技改专项贷款', deadline: '2026-12-31' },
] as const;

const AGENCY_STEPS = [
  { title: '企业投资项目备案', dueWorkingDays: 3 },
  { title: '建设用地规划许可', dueWorkingDays: 8 },
  { title: '建筑工程施工许可', dueWorkingDays: 15 },
] as const;

/** Steps are due counted from today: at the end of a year whose successor has no calendar yet, none can be. */
const unlessCalendarMissing = async <T>(call: () => Promise<T>): Promise<T | undefined> => {
  try {
    return await call();
  } catch (error) {
    if (error instanceof SeedRequestError && error.code === 'CALENDAR_YEAR_MISSING') return undefined;
    throw error;
  }
};

/**
 * Three above-scale enterprises made key enterprises, each served by a department cadre (专人): a
 * plan (一企一策) of two items, the first reported at 60 %; the first one's listing track (股改,
 * 辅导备案); and for each a free full agency case (全程代办) of three steps owned by departments, the
 * agent cadre having finished the first and started the second. Moves happen only on records still
 * at version 1, so a second run changes nothing.
 */
export const seedKeyEnterprises = async (client: SeedClient, data: DemoData, ids: MasterDataIds) => {
  const departments = new Set(data.departments);
  const liaisons = data.cadres.flatMap((cadre, i) => (departments.has(cadre.unit) ? [i] : [])).slice(0, 3);
  const chosen = data.enterprises
    .flatMap((enterprise, i) => (enterprise.aboveScale ? [i] : []))
    .slice(0, liaisons.length);
  const departmentId = (n: number) =>
    ids.unitIds[data.departments[n % data.departments.length] as number] as string;
  const cases = await inParallel(chosen, 3, async (enterprise, n) => {
    const enterpriseId = ids.enterpriseIds[enterprise] as string;
    const cadreId = ids.cadreIds[liaisons[n] as number] as string;
    await client.post(
      '/key-enterprises',
      asOperator,
      { enterpriseId, liaisonCadreId: cadreId, reason: '规上龙头企业，一企一策专人服务' },
      seedKey('key-enterprise', n),
    );
    for (const [i, item] of PLAN.entries()) {
      await client.post(
        `/key-enterprises/${enterpriseId}/plan-items`,
        asOperator,
        { ...item, ownerUnitId: departmentId(n + i), ownerCadreId: cadreId },
        seedKey(`plan-item-${i}`, n),
      );
    }
    const detail = await client.get<KeyEnterpriseDetail>(`/key-enterprises/${enterpriseId}`, asOperator);
    const first = detail.plan[0];
    if (first && first.version === 1) {
      await client.call(
        'POST',
        `/key-enterprises/${enterpriseId}/plan-items/${first.id}/progress`,
        asOperator,
        { progressPercent: 60, note: '用地预审已通过，等待挂牌出让' },
        { 'if-match': String(first.version) },
      );
    }
    if (n === 0) {
      for (const [m, milestone] of (['shareholding_reform', 'tutoring_filed'] as const).entries()) {
        await client.post(
          `/key-enterprises/${enterpriseId}/listing-milestones`,
          asOperator,
          { milestone, date: `2026-0${m + 4}-15`, note: '股改上市进程' },
          seedKey(`listing-${milestone}`, n),
        );
      }
    }
    return unlessCalendarMissing(async () => {
      const opened = await client.post<AgencyCaseDetail>(
        `/key-enterprises/${enterpriseId}/agency-cases`,
        asOperator,
        {
          matter: '年产3万吨功能性面料技改项目审批全程代办',
          steps: AGENCY_STEPS.map((step, i) => ({ ...step, ownerUnitId: departmentId(n + i) })),
        },
        seedKey('agency-case', n),
      );
      const current = await client.get<AgencyCaseDetail>(`/agency-cases/${opened.id}`, asOperator);
      const agent = { role: 'cadre', scope: { cadreId } } as const;
      const move = (step: Versioned, body: object) =>
        client.call('PATCH', `/agency-cases/${opened.id}/steps/${step.id}`, agent, body, {
          'if-match': String(step.version),
        });
      const [done, started] = current.steps;
      if (done?.status === 'pending') await move(done, { status: 'done', note: '备案赋码已完成' });
      if (started?.status === 'pending') await move(started, { status: 'in_progress', note: '材料已报送' });
      return opened.id;
    });
  });
  return { keyEnterprises: chosen.length, agencyCases: cases.filter(Boolean).length };
};

/** The seed's 精准帮扶进企业集中月 (June), with six expert engagements within it. */
export const seedExpertCampaign = async (client: SeedClient, ids: MasterDataIds) => {
  const campaign = await client.post<{ id: string }>(
    '/expert-campaigns',
    asOperator,
    {
      name: '精准帮扶进企业集中月',
      theme: '组织专家服务团走进印染、经编、皮革企业，开展诊断把脉、政策宣讲和问题会诊',
      startDate: '2026-06-01',
      endDate: '2026-06-30',
    },
    seedKey('expert-campaign', 0),
  );
  const experts = await client.get<{ items: { id: string }[] }>('/experts?limit=6', asOperator);
  await inParallel(experts.items, 6, (expert, n) =>
    client.post(
      `/experts/${expert.id}/engagements`,
      asOperator,
      {
        enterpriseId: ids.enterpriseIds[(n * 17 + 3) % ids.enterpriseIds.length],
        date: `2026-06-${String(10 + n).padStart(2, '0')}`,
        topic: '集中月上门会诊',
        outcome: '形成问题清单并交办',
        campaignId: campaign.id,
      },
      seedKey('campaign-engagement', n),
    ),
  );
  return { campaignId: campaign.id };
};
