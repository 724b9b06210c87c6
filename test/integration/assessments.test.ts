import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as assessments } from '../../functions/api/assessments/handler';
import { handler as registries } from '../../functions/api/registries/handler';
import { claimsFor, invoke } from '../../tools/lambda-events';
import { issueFunctions as issues } from '../support/issue-functions';
import { createDepartment, operator } from './master-data-fixtures';
import {
  createEnterpriseIn,
  createPlaces,
  createPoolCadre,
  endResidency,
  secondments,
  startResidency,
} from './secondments-fixtures';

const leader = claimsFor('leader');

const created = async (result: Promise<{ status: number | undefined; body: unknown }>) => {
  const { status, body } = await result;
  expect(status, JSON.stringify(body)).toBe(201);
  return body as Record<string, unknown> & { id: string; version: number };
};

const assess = (residencyId: string, body: unknown, key: string = randomUUID(), claims = operator) =>
  invoke(assessments, {
    routeKey: 'POST /residencies/{residencyId}/assessment',
    pathParameters: { residencyId },
    body,
    headers: { 'idempotency-key': key },
    claims,
  });

const assessmentBody = (conclusion = 'excellent') => ({
  headEvaluation: { score: 5, comment: '驻企期间协调项目审批，企业负责人高度认可' },
  selfSummary: '驻企一年，协助企业完成技改项目申报与用能指标调剂。',
  conclusion,
});

const raiseIssue = (enterpriseId: string, source: string) =>
  created(
    invoke(issues, {
      routeKey: 'POST /issues',
      body: { enterpriseId, category: 'land', title: '用地指标', description: '扩建缺少用地指标', source },
      headers: { 'idempotency-key': randomUUID() },
      claims: operator,
    }),
  );

const logService = (residencyId: string, cadreId: string, date: string, fundsFen?: number) =>
  created(
    invoke(secondments, {
      routeKey: 'POST /residencies/{residencyId}/services',
      pathParameters: { residencyId },
      body: { type: 'project_application', date, description: '协助申报技改项目', fundsFen },
      headers: { 'idempotency-key': randomUUID() },
      claims: claimsFor('cadre', { sub: `cadre-${cadreId}`, cadreId }),
    }),
  );

const quotas = async (year: string, unitId?: string) => {
  const { status, body } = await invoke(assessments, {
    routeKey: 'GET /appraisals/{year}/excellent-quotas',
    pathParameters: { year },
    query: unitId ? { unitId } : {},
    claims: leader,
  });
  expect(status, JSON.stringify(body)).toBe(200);
  return body as unknown as { items: Record<string, unknown>[] };
};

let places: Awaited<ReturnType<typeof createPlaces>>;

beforeAll(async () => {
  places = await createPlaces();
});

describe('cadre assessments against DynamoDB Local', () => {
  it('composes feedback and the past record from the real records, and refuses a second assessment', async () => {
    // Prepare: a cadre with an earlier (assessed) residency, a current one with services, an evaluation,
    // issues raised at the host (two by the resident, one by the enterprise itself), a promotion and a
    // decided case.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));
    const host = await createEnterpriseIn(places);
    const earlierHost = await createEnterpriseIn(places);
    const cadre = await createPoolCadre(places.departmentId);
    const earlier = await startResidency(cadre.id, earlierHost.id, {
      batch: `${year - 1}-1`,
      startDate: `${year - 1}-01-01`,
      endDate: `${year - 1}-12-31`,
    });
    expect((await endResidency(earlier.id, earlier.version, `${year - 1}-12-31`)).status).toBe(200);
    expect((await assess(earlier.id, assessmentBody('competent'))).status).toBe(201);
    const current = await startResidency(cadre.id, host.id, {
      batch: `${year}-2`,
      startDate: `${year}-01-01`,
      endDate: `${year + 1}-12-31`,
    });
    await logService(current.id, cadre.id, `${year}-01-01`, 1_200_000);
    await logService(current.id, cadre.id, today, 300_000);
    await logService(current.id, cadre.id, today);
    await created(
      invoke(secondments, {
        routeKey: 'POST /residencies/{residencyId}/evaluations',
        pathParameters: { residencyId: current.id },
        body: { fitScore: 4, serviceScore: 5 },
        claims: operator,
      }),
    );
    const coordinated = [await raiseIssue(host.id, 'resident'), await raiseIssue(host.id, 'resident')];
    await raiseIssue(host.id, 'self');
    await raiseIssue(earlierHost.id, 'resident');
    const promotion = await created(
      invoke(registries, {
        routeKey: 'POST /cadres/{cadreId}/promotions',
        pathParameters: { cadreId: cadre.id },
        body: { fromRank: '科员', toRank: '副科', date: '2026-03-01', residencyId: earlier.id },
        headers: { 'idempotency-key': randomUUID() },
        claims: operator,
      }),
    );
    const accountabilityCase = await created(
      invoke(registries, {
        routeKey: 'POST /accountability-cases',
        body: {
          cadreId: cadre.id,
          kind: 'exemption',
          situationCodes: ['E3'],
          date: '2026-02-01',
          summary: '先行协调审批，程序存在瑕疵',
          evidence: [],
        },
        headers: { 'idempotency-key': randomUUID() },
        claims: operator,
      }),
    );
    const decided = await invoke(registries, {
      routeKey: 'POST /accountability-cases/{caseId}/decision',
      pathParameters: { caseId: accountabilityCase.id },
      body: { decision: 'exempted', reason: '符合E3情形' },
      headers: { 'if-match': '"1"' },
      claims: operator,
    });
    expect(decided.status).toBe(200);

    // Act: the client tries to set the composed figures too; the schema refuses that, then the real one.
    const forged = await assess(current.id, { ...assessmentBody(), enterpriseFeedback: { fundsFen: 1 } });
    const result = await assess(current.id, assessmentBody());
    const second = await assess(current.id, assessmentBody('competent'));

    // Assess
    expect(forged.status).toBe(400);
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    expect(result.body).toMatchObject({
      residencyId: current.id,
      cadreId: cadre.id,
      enterpriseId: host.id,
      unitId: places.departmentId,
      year: String(year),
      conclusion: 'excellent',
      headEvaluation: { score: 5 },
      enterpriseFeedback: {
        serviceEntries: 3,
        fundsFen: 1_500_000,
        evaluations: 1,
        averageFitScore: 4,
        averageServiceScore: 5,
        issuesCoordinated: { count: 2, closed: 0, satisfied: 0 },
      },
      pastRecord: {
        promotions: [{ id: promotion.id, fromRank: '科员', toRank: '副科', date: '2026-03-01' }],
        accountabilityCases: [
          { id: accountabilityCase.id, kind: 'exemption', status: 'decided', decision: 'exempted' },
        ],
        earlierResidencies: [
          {
            id: earlier.id,
            batch: `${year - 1}-1`,
            status: 'ended',
            assessed: true,
            conclusion: 'competent',
          },
        ],
      },
    });
    const feedback = (result.body as { enterpriseFeedback: { issuesCoordinated: { issueIds: string[] } } })
      .enterpriseFeedback;
    expect([...feedback.issuesCoordinated.issueIds].sort()).toEqual(coordinated.map((i) => i.id).sort());
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'ALREADY_ASSESSED' });

    const read = await invoke(assessments, {
      routeKey: 'GET /residencies/{residencyId}/assessment',
      pathParameters: { residencyId: current.id },
      claims: leader,
    });
    expect(read.body).toEqual({ ...(result.body as object), democraticReview: [] });
    const listed = await invoke(assessments, {
      routeKey: 'GET /assessments',
      query: { year: String(year), unitId: places.departmentId },
      claims: leader,
    });
    expect((listed.body as { items: { id: string }[] }).items.map((item) => item.id)).toContain(
      result.body?.id,
    );
  });

  it('lets exactly one of 5 concurrent assessments of a residency through, and 404s an unknown residency', async () => {
    const host = await createEnterpriseIn(places);
    const cadre = await createPoolCadre(places.departmentId);
    const residency = await startResidency(cadre.id, host.id);

    const results = await Promise.all(
      Array.from({ length: 5 }, () => assess(residency.id, assessmentBody())),
    );
    const unknown = await assess('NOPE', assessmentBody());
    const missing = await invoke(assessments, {
      routeKey: 'GET /residencies/{residencyId}/assessment',
      pathParameters: { residencyId: host.id },
      claims: leader,
    });

    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(unknown.status).toBe(404);
    expect(missing.status).toBe(404);
  });

  it('replays an assessment with the same idempotency key and refuses roles other than operator', async () => {
    const host = await createEnterpriseIn(places);
    const cadre = await createPoolCadre(places.departmentId);
    const residency = await startResidency(cadre.id, host.id);
    const key = randomUUID();

    const first = await assess(residency.id, assessmentBody(), key);
    const replay = await assess(residency.id, assessmentBody(), key);
    const byLeader = await assess(residency.id, assessmentBody(), randomUUID(), leader);

    expect(first.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(byLeader.status).toBe(403);
  });
});

describe('the excellent quota against DynamoDB Local', () => {
  it('counts each seconded cadre once per year it was resident and leaves them out of the unit quota (单列)', async () => {
    // Prepare: a unit of 6 cadres; in 2026, 4 of them are resident (one of them twice); 2027 only one.
    const unitId = (await createDepartment()).id;
    const host = await createEnterpriseIn(places);
    const cadres = await Promise.all(Array.from({ length: 6 }, () => createPoolCadre(unitId)));
    const [a, b, c, d] = cadres as [{ id: string }, { id: string }, { id: string }, { id: string }];
    const first = await startResidency(b.id, host.id, {
      batch: '2026-1',
      startDate: '2026-01-01',
      endDate: '2026-05-31',
    });
    expect((await endResidency(first.id, first.version, '2026-05-31')).status).toBe(200);
    await startResidency(b.id, host.id, { batch: '2026-2', startDate: '2026-06-01', endDate: '2026-12-31' });
    await startResidency(c.id, host.id, { batch: '2026-1', startDate: '2026-01-01', endDate: '2026-12-31' });
    await startResidency(d.id, host.id, { batch: '2026-1', startDate: '2026-01-01', endDate: '2026-12-31' });
    await startResidency(a.id, host.id, { batch: '2026-2', startDate: '2026-07-01', endDate: '2027-06-30' });

    // Act
    const year2026 = await quotas('2026', unitId);
    const year2027 = await quotas('2027', unitId);
    const all = await quotas('2026');

    // Assess: the unit's ordinary list is its 2 non-seconded cadres: 15 % × 2 = 0.3 → 0; 2027: 15 % × 5
    // = 0.75 → 0. The seconded compete in the program-wide separate list (other tests add to 2026's).
    expect(year2026.items).toEqual([
      {
        unitId,
        cadres: 6,
        secondedCadres: 4,
        ordinaryCadres: 2,
        baseRatio: 0.15,
        secondedRatio: 0.2,
        quota: 0,
        excellentGranted: 0,
        explanation:
          '15% × 2 non-seconded = 0.3 → 0 (rounded down); the 4 seconded compete in the separate list',
      },
    ]);
    expect(year2027.items).toMatchObject([
      { unitId, cadres: 6, secondedCadres: 1, ordinaryCadres: 5, quota: 0 },
    ]);
    const separate = (year2026 as unknown as { secondedList: { cadres: number; quota: number } })
      .secondedList;
    expect(separate.cadres).toBeGreaterThanOrEqual(4);
    expect(separate.quota).toBe(Math.floor((separate.cadres * 2_000) / 10_000));
    expect(all.items.find((row) => row.unitId === unitId)).toEqual(year2026.items[0]);
    expect(all.items.find((row) => row.unitId === places.townUnitId)).toMatchObject({ cadres: 0, quota: 0 });
  });

  it('answers 404 for an unknown unit', async () => {
    const { status } = await invoke(assessments, {
      routeKey: 'GET /appraisals/{year}/excellent-quotas',
      pathParameters: { year: '2026' },
      query: { unitId: 'NOPE' },
      claims: leader,
    });
    expect(status).toBe(404);
  });
});
