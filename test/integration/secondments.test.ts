import { beforeAll, describe, expect, it } from 'vitest';
import { handler as cadres } from '../../functions/api/cadres/handler';
import { readProgramStats } from '../../shared/repositories/program-stats';
import { claimsFor, invoke } from '../../tools/lambda-events';
import { operator, unique } from './master-data-fixtures';
import {
  createEnterpriseIn,
  createPlaces,
  createPoolCadre,
  endResidency,
  postResidency,
  residencyBody,
  secondments,
  startResidency,
} from './secondments-fixtures';

let places: Awaited<ReturnType<typeof createPlaces>>;

beforeAll(async () => {
  places = await createPlaces();
});

type Match = { cadreId: string; score: number; reasons: string[] };

const matches = async (enterpriseId: string, service = 'project_application') => {
  const { status, body } = await invoke(secondments, {
    routeKey: 'GET /enterprises/{enterpriseId}/cadre-matches',
    pathParameters: { enterpriseId },
    query: { service, limit: '100' },
    claims: claimsFor('leader'),
  });
  expect(status).toBe(200);
  return body as unknown as {
    items: Match[];
    excluded: { resident: number; conflictOfInterest: number };
    considered: number;
  };
};

describe('cadre matching against DynamoDB Local', () => {
  it('ranks worked above studied in dyeing, leaves out residents and conflicts, and names the experience', async () => {
    const dyeing = await createEnterpriseIn(places, 'dyeing');
    const elsewhere = await createEnterpriseIn(places, 'hardware');
    const profile = (kind: string, years = 6) => ({
      experience: [{ field: 'dyeing', kind, years }],
      serviceSkills: ['project_application'],
    });
    const worked = await createPoolCadre(places.departmentId, profile('worked'));
    const studied = await createPoolCadre(places.departmentId, profile('studied'));
    const resident = await createPoolCadre(places.departmentId, profile('worked', 20));
    const conflicted = await createPoolCadre(places.departmentId, {
      ...profile('worked', 20),
      conflictEnterpriseIds: [dyeing.id],
    });
    await startResidency(resident.id, elsewhere.id);

    const ranking = await matches(dyeing.id);

    const ids = ranking.items.map((item) => item.cadreId);
    const workedMatch = ranking.items.find((item) => item.cadreId === worked.id);
    const studiedMatch = ranking.items.find((item) => item.cadreId === studied.id);
    expect(ids.indexOf(worked.id)).toBeLessThan(ids.indexOf(studied.id));
    expect(workedMatch?.score).toBeGreaterThan(studiedMatch?.score ?? Infinity);
    expect(ids).not.toContain(resident.id);
    expect(ids).not.toContain(conflicted.id);
    expect(ranking.excluded.resident).toBeGreaterThanOrEqual(1);
    expect(ranking.excluded.conflictOfInterest).toBeGreaterThanOrEqual(1);
    expect(workedMatch?.reasons[0]).toContain('worked in dyeing (印染) for 6 years');
    expect(studiedMatch?.reasons[0]).toContain('studied dyeing (印染) for 6 years');
    expect(workedMatch?.reasons[1]).toContain('offers project_application (项目申报)');
  });

  it("feeds an enterprise's fit score into the cadre's later matches", async () => {
    const host = await createEnterpriseIn(places, 'dyeing');
    const cadre = await createPoolCadre(places.departmentId, {
      experience: [{ field: 'dyeing', kind: 'managed', years: 2 }],
    });
    const before = (await matches(host.id)).items.find((item) => item.cadreId === cadre.id);
    const residency = await startResidency(cadre.id, host.id);
    const evaluated = await invoke(secondments, {
      routeKey: 'POST /residencies/{residencyId}/evaluations',
      pathParameters: { residencyId: residency.id },
      body: { fitScore: 5, serviceScore: 4 },
      claims: claimsFor('enterprise', { enterpriseId: host.id }),
    });
    expect(evaluated.status).toBe(201);
    expect((await endResidency(residency.id, residency.version)).status).toBe(200);

    const after = (await matches(host.id)).items.find((item) => item.cadreId === cadre.id);

    expect(after?.score).toBeGreaterThan(before?.score ?? Infinity);
    expect(after?.reasons[2]).toContain('fit 5.0/5 over 1 evaluation');
  });

  it('answers 404 for an unknown enterprise and 400 for a service outside the catalogue', async () => {
    const unknown = await invoke(secondments, {
      routeKey: 'GET /enterprises/{enterpriseId}/cadre-matches',
      pathParameters: { enterpriseId: 'NO-SUCH-ENTERPRISE' },
      claims: operator,
    });
    const badService = await invoke(secondments, {
      routeKey: 'GET /enterprises/{enterpriseId}/cadre-matches',
      pathParameters: { enterpriseId: 'ANY' },
      query: { service: 'project_application,fortune_telling' },
      claims: operator,
    });

    expect(unknown.status).toBe(404);
    expect(badService.status).toBe(400);
    expect(badService.body?.errors?.[0]?.path).toBe('query.service.1');
  });
});

describe('residencies against DynamoDB Local', () => {
  it('refuses a second active residency with 409, and frees the cadre when the first ends', async () => {
    const first = await createEnterpriseIn(places);
    const second = await createEnterpriseIn(places);
    const cadre = await createPoolCadre(places.departmentId);
    const residency = await startResidency(cadre.id, first.id);

    const again = await postResidency(residencyBody(cadre.id, second.id));
    const ended = await endResidency(residency.id, residency.version);
    const afterEnd = await postResidency(residencyBody(cadre.id, second.id, { batch: '2019-3' }));

    expect(again.status).toBe(409);
    expect(again.body?.code).toBe('CADRE_ALREADY_RESIDENT');
    expect(ended.body).toMatchObject({ status: 'ended', endedOn: '2019-12-31', version: 2 });
    expect(afterEnd.status).toBe(201);
  });

  it('lets exactly one of 10 concurrent residencies for one cadre through (1 × 201, 9 × 409)', async () => {
    const cadre = await createPoolCadre(places.departmentId);
    const hosts = await Promise.all(Array.from({ length: 10 }, () => createEnterpriseIn(places)));

    const results = await Promise.all(hosts.map((host) => postResidency(residencyBody(cadre.id, host.id))));

    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(9);
    const listed = await invoke(secondments, {
      routeKey: 'GET /residencies',
      query: { cadreId: cadre.id, status: 'active' },
      claims: operator,
    });
    expect(listed.body?.items).toHaveLength(1);
  });

  it('refuses a conflict of interest, a cadre outside the pool and unknown references', async () => {
    const host = await createEnterpriseIn(places);
    const conflicted = await createPoolCadre(places.departmentId, { conflictEnterpriseIds: [host.id] });
    const outside = await createPoolCadre(places.departmentId, { inPool: false });

    const conflict = await postResidency(residencyBody(conflicted.id, host.id));
    const notInPool = await postResidency(residencyBody(outside.id, host.id));
    const unknown = await postResidency(residencyBody('NO-CADRE', 'NO-ENTERPRISE'));

    expect(conflict.body?.code).toBe('CONFLICT_OF_INTEREST');
    expect(notInPool.body?.code).toBe('CADRE_NOT_IN_POOL');
    expect(unknown.status).toBe(400);
    expect(unknown.body?.errors?.map((error) => error.path)).toEqual(['body.cadreId', 'body.enterpriseId']);
  });

  it('ends a residency once: a stale version is 412, a second end 409', async () => {
    const host = await createEnterpriseIn(places);
    const cadre = await createPoolCadre(places.departmentId);
    const residency = await startResidency(cadre.id, host.id);

    const stale = await endResidency(residency.id, residency.version + 1);
    const ended = await endResidency(residency.id, residency.version);
    const twice = await endResidency(residency.id, residency.version + 1);

    expect(stale.status).toBe(412);
    expect(ended.status).toBe(200);
    expect(twice.status).toBe(409);
    expect(twice.body?.code).toBe('INVALID_TRANSITION');
  });

  it('lists residencies by batch and shows a cadre only its own', async () => {
    const host = await createEnterpriseIn(places);
    const batch = `20${String(Math.floor(Math.random() * 90) + 10)}-${Math.floor(Math.random() * 9) + 1}`;
    const cadre = await createPoolCadre(places.departmentId);
    const other = await createPoolCadre(places.departmentId);
    const mine = await startResidency(cadre.id, host.id, { batch });
    const theirs = await startResidency(other.id, host.id, { batch });

    const byBatch = await invoke(secondments, {
      routeKey: 'GET /residencies',
      query: { batch, limit: '100' },
      claims: operator,
    });
    const asCadre = await invoke(secondments, {
      routeKey: 'GET /residencies',
      query: { batch, limit: '100' },
      claims: claimsFor('cadre', { cadreId: cadre.id }),
    });
    const othersAsCadre = await invoke(secondments, {
      routeKey: 'GET /residencies/{residencyId}',
      pathParameters: { residencyId: theirs.id },
      claims: claimsFor('cadre', { cadreId: cadre.id }),
    });

    expect(byBatch.body?.items?.map((item) => item.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(asCadre.body?.items?.map((item) => item.id)).toEqual([mine.id]);
    expect(othersAsCadre.status).toBe(404);
  });
});

describe('service log and evaluations against DynamoDB Local', () => {
  it('takes services from the resident cadre only and counts them with their funds', async () => {
    const host = await createEnterpriseIn(places);
    const cadre = await createPoolCadre(places.departmentId);
    const residency = await startResidency(cadre.id, host.id, {
      startDate: '2019-06-01',
      endDate: '2019-06-30',
    });
    const log = (cadreId: string, body: object) =>
      invoke(secondments, {
        routeKey: 'POST /residencies/{residencyId}/services',
        pathParameters: { residencyId: residency.id },
        body,
        headers: { 'idempotency-key': unique('svc-key') },
        claims: claimsFor('cadre', { cadreId }),
      });
    const service = {
      type: 'shareholding_reform_listing',
      date: '2019-06-12',
      description: '协调股改材料审核',
      fundsFen: 8_700_000_00,
    };
    const before = await readProgramStats('2019-06-12', '2019-06-12');

    const logged = await log(cadre.id, service);
    const byOther = await log('SOMEONE-ELSE', service);
    const outside = await log(cadre.id, { ...service, date: '2019-07-02' });
    const notInCatalogue = await log(cadre.id, { ...service, type: 'fortune_telling' });

    expect(logged.status).toBe(201);
    expect(logged.body).toMatchObject({ ...service, residencyId: residency.id, cadreId: cadre.id });
    expect(byOther.status).toBe(404);
    expect(outside.body?.errors?.[0]?.path).toBe('body.date');
    expect(notInCatalogue.body?.errors?.[0]?.path).toBe('body.type');
    const after = await readProgramStats('2019-06-12', '2019-06-12');
    expect(after.serviceEntries - before.serviceEntries).toBe(1);
    expect(after.fundsFen - before.fundsFen).toBe(8_700_000_00);
    const listed = await invoke(secondments, {
      routeKey: 'GET /residencies/{residencyId}/services',
      pathParameters: { residencyId: residency.id },
      claims: claimsFor('enterprise', { enterpriseId: host.id }),
    });
    expect(listed.body?.items?.map((item) => item.id)).toEqual([logged.body?.id]);
  });

  it('takes one evaluation from the host enterprise and counts satisfaction', async () => {
    const host = await createEnterpriseIn(places);
    const cadre = await createPoolCadre(places.departmentId);
    const residency = await startResidency(cadre.id, host.id);
    const evaluate = (enterpriseId: string, body: object) =>
      invoke(secondments, {
        routeKey: 'POST /residencies/{residencyId}/evaluations',
        pathParameters: { residencyId: residency.id },
        body,
        claims: claimsFor('enterprise', { enterpriseId }),
      });

    const byStranger = await evaluate('OTHER-ENTERPRISE', { fitScore: 5, serviceScore: 5 });
    const outOfRange = await evaluate(host.id, { fitScore: 6, serviceScore: 0 });
    const first = await evaluate(host.id, { fitScore: 4, serviceScore: 3, comment: '专业对口' });
    const second = await evaluate(host.id, { fitScore: 5, serviceScore: 5 });

    expect(byStranger.status).toBe(404);
    expect(outOfRange.body?.errors?.map((error) => error.path)).toEqual([
      'body.fitScore',
      'body.serviceScore',
    ]);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ fitScore: 4, serviceScore: 3, evaluatedBy: { role: 'enterprise' } });
    expect(second.status).toBe(409);
    expect(second.body?.code).toBe('ALREADY_EVALUATED');
    const date = String(first.body?.date);
    const stats = await readProgramStats(date, date);
    expect(stats.evaluations).toBeGreaterThanOrEqual(1);
    expect(stats.evaluationsFitSatisfied).toBeGreaterThanOrEqual(1);
  });
});

describe('placements against DynamoDB Local', () => {
  it('places staff in a department, lists them by unit and enterprise, and records outcomes', async () => {
    const host = await createEnterpriseIn(places);
    const body = {
      enterpriseId: host.id,
      staffName: '王芳',
      staffTitle: '财务总监',
      unitId: places.departmentId,
      startDate: '2019-04-01',
      endDate: '2019-09-30',
    };
    const before = await readProgramStats('2019-04-01', '2019-04-01');
    const created = await invoke(secondments, {
      routeKey: 'POST /placements',
      body,
      headers: { 'idempotency-key': unique('plc-key') },
      claims: operator,
    });
    const inTown = await invoke(secondments, {
      routeKey: 'POST /placements',
      body: { ...body, unitId: places.townUnitId },
      headers: { 'idempotency-key': unique('plc-key') },
      claims: operator,
    });
    const id = String(created.body?.id);
    const department = claimsFor('department', { unitId: places.departmentId });

    const byUnit = await invoke(secondments, { routeKey: 'GET /placements', claims: department });
    const byEnterprise = await invoke(secondments, {
      routeKey: 'GET /placements',
      query: { enterpriseId: host.id },
      claims: claimsFor('enterprise', { enterpriseId: host.id }),
    });
    const outcomes = await invoke(secondments, {
      routeKey: 'PATCH /placements/{placementId}',
      pathParameters: { placementId: id },
      body: { learned: '项目审批流程', applied: '企业内部申报材料规范化' },
      headers: { 'if-match': '"1"' },
      claims: department,
    });
    const byOtherDepartment = await invoke(secondments, {
      routeKey: 'PATCH /placements/{placementId}',
      pathParameters: { placementId: id },
      body: { learned: '-' },
      headers: { 'if-match': '"2"' },
      claims: claimsFor('department', { unitId: 'OTHER-UNIT' }),
    });

    expect(created.status).toBe(201);
    expect(inTown.body?.errors).toEqual([{ path: 'body.unitId', message: 'No department with this id' }]);
    expect(byUnit.body?.items?.map((item) => item.id)).toEqual([id]);
    expect(byEnterprise.body?.items?.map((item) => item.id)).toEqual([id]);
    expect(outcomes.body).toMatchObject({ learned: '项目审批流程', version: 2 });
    expect(byOtherDepartment.status).toBe(404);
    const after = await readProgramStats('2019-04-01', '2019-04-01');
    expect(after.placements - before.placements).toBe(1);
  });
});

describe('cadre conflicts of interest against DynamoDB Local', () => {
  it('records conflicts on a cadre and refuses an unknown enterprise', async () => {
    const host = await createEnterpriseIn(places);
    const cadre = await createPoolCadre(places.departmentId);

    const patched = await invoke(cadres, {
      routeKey: 'PATCH /cadres/{cadreId}',
      pathParameters: { cadreId: cadre.id },
      body: { conflictEnterpriseIds: [host.id] },
      headers: { 'if-match': '"1"' },
      claims: operator,
    });
    const unknown = await invoke(cadres, {
      routeKey: 'POST /cadres',
      body: {
        name: '测试干部',
        unitId: places.departmentId,
        inPool: true,
        experience: [],
        serviceSkills: [],
        conflictEnterpriseIds: ['NO-SUCH-ENTERPRISE'],
      },
      claims: operator,
    });

    expect(patched.body).toMatchObject({ conflictEnterpriseIds: [host.id], version: 2 });
    expect(unknown.status).toBe(400);
    expect(unknown.body?.errors).toEqual([
      { path: 'body.conflictEnterpriseIds.0', message: 'No enterprise with this id' },
    ]);
  });
});
