import { describe, expect, it } from 'vitest';
import { api, tokenFor } from '../support/e2e';

interface SeedReport {
  seconds: number;
  issuesScripted: number;
  issuesLeftAlone: number;
  counts: Record<string, number>;
}

const seed = () => api<SeedReport>('POST', '/_local/seed', { body: { scale: 0.01 } });

describe('demo data (npm run seed → POST /_local/seed)', () => {
  it('loads every kind of record and issues in every status, and a second run changes no count', async () => {
    const first = await seed();
    const second = await seed();

    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    for (const status of [
      'open',
      'awaiting_dispatch',
      'assigned',
      'awaiting_consultation',
      'awaiting_feedback',
      'closed',
    ]) {
      expect(first.body.counts[`issues ${status}`]).toBeGreaterThan(0);
    }
    for (const kind of [
      'cadres in pool',
      'residencies active',
      'placements',
      'visits',
      'experts',
      'trainings',
      'batches',
      'policies',
      'assessments 2025',
      'grades 2025',
      'key enterprises',
      'agency cases',
      'expert campaigns',
      'review rounds 2025-1',
    ]) {
      expect(first.body.counts[kind]).toBeGreaterThan(0);
    }
    expect(first.body.counts.residencies).toBeGreaterThan(first.body.counts['residencies active'] ?? 0);
    expect(second.body.counts).toEqual(first.body.counts);
    expect(second.body.issuesScripted).toBe(0);
    expect(second.body.issuesLeftAlone).toBe(first.body.issuesScripted + first.body.issuesLeftAlone);
  }, 240_000);

  it('staffs the grid teams by the rule with a gap in a seeded class-1 and class-2 department, which a team edit closes', async () => {
    // Prepare: the demo data (a replay when the test above ran), and what the teams hold.
    expect((await seed()).status).toBe(200);
    const operator = await tokenFor('operator');
    const get = async <T>(path: string) => {
      const response = await api<T>('GET', path, { token: operator });
      expect(response.status, path).toBe(200);
      return response.body;
    };
    type Staffing = {
      unitId: string;
      required: number;
      placed: number;
      shortfall: number;
      missing: { cadreId: string }[];
    };
    const departments = (
      await get<{ items: { id: string; category: string }[] }>('/units?kind=department&limit=100')
    ).items;
    const grids = (await get<{ items: { id: string }[] }>('/grids?limit=100')).items;
    const teams = (
      await Promise.all(
        grids.map((grid) =>
          get<{ items: { id: string; gridId: string; version: number; memberCadreIds: string[] }[] }>(
            `/grids/${grid.id}/teams?limit=100`,
          ),
        ),
      )
    ).flatMap((page) => page.items);
    const inTeams = new Set(teams.flatMap((team) => team.memberCadreIds));
    const shortOf = async (category: string) => {
      for (const unit of departments.filter((d) => d.category === category)) {
        const report = await get<Staffing>(`/units/${unit.id}/grid-staffing`);
        if (report.shortfall > 0) return report;
      }
      throw new Error(`No seeded ${category} department is short`);
    };

    // Act
    const class1 = await shortOf('class1');
    const class2 = await shortOf('class2');
    const cadres = (await get<{ items: { id: string }[] }>(`/cadres?unitId=${class1.unitId}&limit=100`))
      .items;
    const fix = class1.missing[0]?.cadreId as string;
    const team = teams[0] as (typeof teams)[number];
    const edit = await api<{ version: number; memberCadreIds: string[] }>(
      'PATCH',
      `/grids/${team.gridId}/teams/${team.id}`,
      {
        token: operator,
        headers: { 'If-Match': `"${team.version}"` },
        body: { addCadreIds: [fix], reason: '全部下沉：补齐一类部门人员' },
      },
    );
    const after = await get<Staffing>(`/units/${class1.unitId}/grid-staffing`);

    // Assess: the missing names are exactly the unit's cadres in no team; the edit places one of them.
    expect(class1.missing.map((m) => m.cadreId).sort()).toEqual(
      cadres
        .map((c) => c.id)
        .filter((id) => !inTeams.has(id))
        .sort(),
    );
    expect(class2.missing.length).toBeGreaterThanOrEqual(class2.shortfall);
    expect(edit.status).toBe(200);
    expect(edit.body.memberCadreIds).toContain(fix);
    expect(after.placed).toBe(class1.placed + 1);
    expect(after.shortfall).toBe(class1.shortfall - 1);
    expect(after.missing.map((m) => m.cadreId)).not.toContain(fix);
  }, 240_000);

  it("holds each of the people side's records (issue 16) as a demo would show them", async () => {
    // Prepare: the demo data (a replay when the tests above ran).
    expect((await seed()).status).toBe(200);
    const operator = await tokenFor('operator');
    const get = async <T>(path: string, token = operator) => {
      const response = await api<T>('GET', path, { token });
      expect(response.status, path).toBe(200);
      return response.body;
    };
    type Page<T> = { items: T[] };

    // Act: read what a demo of issue 16 walks through.
    const residencies = await get<Page<{ cadreId: string }>>('/residencies?batch=2025-1&limit=100');
    const rounds = await get<Page<{ status: string; ballots: number }>>('/batches/2025-1/review-rounds');
    const firstResident = residencies.items[0]?.cadreId as string;
    const report = await get<{ residencySection: { batch?: string }[] }>(
      `/cadres/${firstResident}/annual-reports/2025`,
    );
    const grades = await get<Page<{ list: string; grade: string; status: string }>>(
      '/appraisals/2025/grades?limit=100',
    );
    // Other test files share the server: the seed's records are told by their words.
    const keyEnterprises = {
      items: (
        await get<Page<{ enterpriseId: string; liaisonCadreId: string; reason: string }>>(
          '/key-enterprises?limit=100',
        )
      ).items.filter((k) => k.reason === '规上龙头企业，一企一策专人服务'),
    };
    const details = await Promise.all(
      keyEnterprises.items.map((k) =>
        get<{ plan: { progressPercent: number }[]; listing: unknown[] }>(
          `/key-enterprises/${k.enterpriseId}`,
        ),
      ),
    );
    const named = keyEnterprises.items[0] as { enterpriseId: string; liaisonCadreId: string };
    const asNamedCadre = await get<Page<{ enterpriseId: string; liaisonCadreId: string }>>(
      '/key-enterprises',
      await tokenFor('cadre', { cadreId: named.liaisonCadreId }),
    );
    const cases = await get<Page<{ id: string; matter: string }>>('/agency-cases?limit=100');
    const seededCase = cases.items.find((c) => c.matter === '年产3万吨功能性面料技改项目审批全程代办');
    const agencyCase = await get<{ agentCadreId: string; steps: { status: string; ownerUnitId: string }[] }>(
      `/agency-cases/${seededCase?.id}`,
    );
    const policies = await get<Page<{ id: string; title: string }>>('/policies?limit=100');
    const policy = policies.items.find((p) => p.title === '海宁市推动制造业高质量发展若干政策');
    const deliveries = await get<Page<{ acknowledgedAt?: string }>>(
      `/policies/${policy?.id}/deliveries?limit=100`,
    );
    const campaigns = await get<Page<{ id: string; name: string }>>('/expert-campaigns?limit=100');
    const seededCampaign = campaigns.items.find((c) => c.name === '精准帮扶进企业集中月');
    const campaign = await get<{ figures: { engagements: number; experts: number } }>(
      `/expert-campaigns/${seededCampaign?.id}`,
    );

    // Assess
    expect(residencies.items.length).toBeGreaterThan(0);
    expect(rounds.items.some((round) => round.status === 'closed' && round.ballots > 0)).toBe(true);
    expect(report.residencySection.length).toBeGreaterThan(0);
    expect(grades.items.some((g) => g.list === 'seconded' && g.grade === 'excellent')).toBe(true);
    expect(keyEnterprises.items.length).toBeGreaterThan(0);
    for (const detail of details) expect(detail.plan.map((item) => item.progressPercent)).toEqual([60, 0]);
    expect(details.some((detail) => detail.listing.length === 2)).toBe(true);
    expect(asNamedCadre.items.map((k) => k.enterpriseId)).toContain(named.enterpriseId);
    expect(asNamedCadre.items.every((k) => k.liaisonCadreId === named.liaisonCadreId)).toBe(true);
    expect(agencyCase.steps.map((step) => step.status)).toEqual(['done', 'in_progress', 'pending']);
    expect(deliveries.items.length).toBeGreaterThan(0);
    expect(deliveries.items.some((d) => d.acknowledgedAt !== undefined)).toBe(true);
    expect(campaign.figures.engagements).toBeGreaterThanOrEqual(6);
  }, 240_000);

  it('refuses a scale outside (0, 1] with a problem naming the field', async () => {
    const { status, body } = await api<{ errors: { path: string }[] }>('POST', '/_local/seed', {
      body: { scale: 2 },
    });

    expect(status).toBe(400);
    expect(body.errors[0]?.path).toBe('body.scale');
  });
});
