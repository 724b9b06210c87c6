import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/api/registries/handler';
import { readProgramStats } from '../../shared/repositories/program-stats';
import { claimsFor, type InvokeResult, invoke } from '../../tools/lambda-events';
import { createEnterprise, raiseIssue } from './issue-fixtures';
import { createCadre, createDepartment, operator } from './master-data-fixtures';

type Claims = Record<string, string | string[]>;

/** A ★ creation with a fresh Idempotency-Key unless one is given. */
const post = (
  routeKey: string,
  body: unknown,
  options: { path?: Record<string, string>; key?: string } = {},
) =>
  invoke(handler, {
    routeKey,
    pathParameters: options.path,
    body,
    headers: { 'idempotency-key': options.key ?? randomUUID() },
    claims: operator,
  });

const get = (
  routeKey: string,
  options: { path?: Record<string, string>; query?: Record<string, string>; claims?: Claims } = {},
) =>
  invoke(handler, {
    routeKey,
    pathParameters: options.path,
    query: options.query,
    claims: options.claims ?? operator,
  });

const created = (result: InvokeResult) => {
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result.body as Record<string, unknown> & { id: string; version: number };
};

const idsOf = (result: InvokeResult) => result.body?.items?.map((item) => item.id);

/** Program-day figures of one day; every test counts on days no other test writes to. */
const statsOn = (date: string) => readProgramStats(date, date);

describe('experts and engagements against DynamoDB Local', () => {
  const expertBody = () => ({
    name: `印染专家-${randomUUID().slice(0, 6)}`,
    profession: 'engineer',
    organisation: '浙江理工大学',
    fields: ['dyeing', 'chemical_fibre'],
    specialty: '印染行业提升方案',
  });

  it('creates an expert once per Idempotency-Key, lists by profession and sector, updates with If-Match', async () => {
    const body = expertBody();
    const key = randomUUID();
    const expert = created(await post('POST /experts', body, { key }));
    const replay = await post('POST /experts', body, { key });
    const reused = await post('POST /experts', { ...body, name: '别人' }, { key });
    const lawyer = created(await post('POST /experts', { name: '周律师', profession: 'lawyer', fields: [] }));

    expect(replay).toMatchObject({ status: 201, body: expert });
    expect(reused.status).toBe(422);
    const dyeingEngineers = await get('GET /experts', {
      query: { profession: 'engineer', field: 'dyeing', limit: '100' },
    });
    expect(idsOf(dyeingEngineers)?.filter((id) => id === expert.id)).toHaveLength(1);
    expect(idsOf(dyeingEngineers)).not.toContain(lawyer.id);
    expect(idsOf(await get('GET /experts', { query: { field: 'hardware', limit: '100' } }))).not.toContain(
      expert.id,
    );

    const patch = (version: number) =>
      invoke(handler, {
        routeKey: 'PATCH /experts/{expertId}',
        pathParameters: { expertId: expert.id },
        body: { profession: 'professor' },
        headers: { 'if-match': `"${version}"` },
        claims: operator,
      });
    expect((await patch(1)).body).toMatchObject({ profession: 'professor', version: 2 });
    expect((await patch(1)).status).toBe(412);
    const professors = await get('GET /experts', { query: { profession: 'professor', limit: '100' } });
    expect(idsOf(professors)).toContain(expert.id);
    expect(
      idsOf(await get('GET /experts', { query: { profession: 'engineer', limit: '100' } })),
    ).not.toContain(expert.id);
  });

  it('records engagements on an issue or an enterprise, counted once per day even when replayed', async () => {
    const expert = created(await post('POST /experts', expertBody()));
    const enterprise = await createEnterprise();
    const issue = await raiseIssue(enterprise.id);
    const path = { expertId: expert.id };
    const onEnterprise = {
      enterpriseId: enterprise.id,
      date: '2041-01-03',
      topic: '印染提升方案',
      outcome: '出具方案',
    };
    const key = randomUUID();

    const first = created(await post('POST /experts/{expertId}/engagements', onEnterprise, { path, key }));
    const replay = await post('POST /experts/{expertId}/engagements', onEnterprise, { path, key });
    const onIssue = created(
      await post(
        'POST /experts/{expertId}/engagements',
        { issueId: issue.id, date: '2041-01-03', topic: '环评难题会诊' },
        { path },
      ),
    );

    expect(replay).toMatchObject({ status: 201, body: first });
    expect(first).toMatchObject({ expertId: expert.id, enterpriseId: enterprise.id, version: 1 });
    expect(onIssue).not.toHaveProperty('enterpriseId');
    const listed = await get('GET /experts/{expertId}/engagements', { path });
    expect(idsOf(listed)).toEqual([first.id, onIssue.id]);
    expect((await statsOn('2041-01-03')).expertEngagements).toBe(2);
  });

  it('refuses an engagement naming nothing, both, or a missing record, and one of a missing expert', async () => {
    const expert = created(await post('POST /experts', expertBody()));
    const path = { expertId: expert.id };
    const engagement = { date: '2041-01-04', topic: '咨询' };

    const neither = await post('POST /experts/{expertId}/engagements', engagement, { path });
    const both = await post(
      'POST /experts/{expertId}/engagements',
      { ...engagement, issueId: 'I1', enterpriseId: 'E1' },
      { path },
    );
    const noIssue = await post(
      'POST /experts/{expertId}/engagements',
      { ...engagement, issueId: 'NOPE' },
      { path },
    );
    const noEnterprise = await post(
      'POST /experts/{expertId}/engagements',
      { ...engagement, enterpriseId: 'NOPE' },
      { path },
    );
    const noExpert = await post(
      'POST /experts/{expertId}/engagements',
      { ...engagement, enterpriseId: 'NOPE' },
      { path: { expertId: 'NOPE' } },
    );

    expect(neither).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(both.status).toBe(400);
    expect(noIssue.body).toMatchObject({ code: 'UNKNOWN_REFERENCE', errors: [{ path: 'body.issueId' }] });
    expect(noEnterprise.body).toMatchObject({
      code: 'UNKNOWN_REFERENCE',
      errors: [{ path: 'body.enterpriseId' }],
    });
    expect(noExpert.status).toBe(404);
    expect((await get('GET /experts/{expertId}/engagements', { path: { expertId: 'NOPE' } })).status).toBe(
      404,
    );
    expect((await statsOn('2041-01-04')).expertEngagements).toBe(0);
  });

  it('lets leaders read the panel but not write it, and keeps departments out', async () => {
    const asLeader = await get('GET /experts', { claims: claimsFor('leader') });
    const leaderWrites = await invoke(handler, {
      routeKey: 'POST /experts',
      body: expertBody(),
      headers: { 'idempotency-key': randomUUID() },
      claims: claimsFor('leader'),
    });
    const asDepartment = await get('GET /experts', { claims: claimsFor('department', { unitId: 'U1' }) });

    expect(asLeader.status).toBe(200);
    expect(leaderWrites.status).toBe(403);
    expect(asDepartment.status).toBe(403);
  });
});

describe('trainings and attendance against DynamoDB Local', () => {
  const trainingBody = (organizerUnitId: string, date: string) => ({
    title: '企业家股改上市培训',
    date,
    audience: 'entrepreneurs',
    location: '海宁市行政服务中心',
    organizerUnitId,
  });

  it('lists a unit’s trainings newest first within a date range', async () => {
    const unitId = (await createDepartment()).id;
    const march = created(await post('POST /trainings', trainingBody(unitId, '2041-03-10')));
    const may = created(await post('POST /trainings', trainingBody(unitId, '2041-05-10')));
    const june = created(await post('POST /trainings', trainingBody(unitId, '2041-06-10')));

    const all = await get('GET /trainings', { query: { organizerUnitId: unitId } });
    const spring = await get('GET /trainings', {
      query: { organizerUnitId: unitId, from: '2041-03-01', to: '2041-05-31' },
    });

    expect(idsOf(all)).toEqual([june.id, may.id, march.id]);
    expect(idsOf(spring)).toEqual([may.id, march.id]);
    expect(march).toMatchObject({ attendanceCount: 0 });
    expect((await statsOn('2041-03-10')).trainings).toBe(1);
    const unknownUnit = await post('POST /trainings', trainingBody('NOPE', '2041-03-11'));
    expect(unknownUnit.body).toMatchObject({
      code: 'UNKNOWN_REFERENCE',
      errors: [{ path: 'body.organizerUnitId' }],
    });
  });

  it('records cadres and enterprise people once each: a repeat is 409 and writes nothing', async () => {
    const unitId = (await createDepartment()).id;
    const cadre = await createCadre(unitId);
    const enterprise = await createEnterprise();
    const training = created(await post('POST /trainings', trainingBody(unitId, '2041-07-01')));
    const path = { trainingId: training.id };
    const attendees = [{ cadreId: cadre.id }, { enterpriseId: enterprise.id, name: '王董事长' }];
    const key = randomUUID();

    const first = created(
      await post('POST /trainings/{trainingId}/attendance', { attendees }, { path, key }),
    );
    const replay = await post('POST /trainings/{trainingId}/attendance', { attendees }, { path, key });
    const again = await post(
      'POST /trainings/{trainingId}/attendance',
      { attendees: [{ enterpriseId: enterprise.id, name: '李总经理' }, { cadreId: cadre.id }] },
      { path },
    );
    const colleague = await post(
      'POST /trainings/{trainingId}/attendance',
      { attendees: [{ enterpriseId: enterprise.id, name: '李总经理' }] },
      { path },
    );

    expect(first).toMatchObject({
      trainingId: training.id,
      items: [{ cadreId: cadre.id }, { name: '王董事长' }],
    });
    expect(replay).toMatchObject({ status: 201, body: first });
    expect(again).toMatchObject({ status: 409, body: { code: 'ATTENDANCE_EXISTS' } });
    expect(colleague.status).toBe(201);
    expect((await get('GET /trainings/{trainingId}', { path })).body).toMatchObject({
      attendanceCount: 3,
      version: 1,
    });
    expect((await get('GET /trainings/{trainingId}/attendance', { path })).body?.items).toHaveLength(3);
    expect((await statsOn('2041-07-01')).trainingAttendances).toBe(3);
  });

  it('lets one of ten concurrent recordings of the same person through', async () => {
    const unitId = (await createDepartment()).id;
    const cadre = await createCadre(unitId);
    const training = created(await post('POST /trainings', trainingBody(unitId, '2041-07-03')));
    const path = { trainingId: training.id };

    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        post('POST /trainings/{trainingId}/attendance', { attendees: [{ cadreId: cadre.id }] }, { path }),
      ),
    );

    expect(results.map((result) => result.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    expect((await get('GET /trainings/{trainingId}', { path })).body).toMatchObject({ attendanceCount: 1 });
    expect((await statsOn('2041-07-03')).trainingAttendances).toBe(1);
  });

  it('refuses unknown attendees and unknown trainings', async () => {
    const unitId = (await createDepartment()).id;
    const training = created(await post('POST /trainings', trainingBody(unitId, '2041-07-02')));

    const unknown = await post(
      'POST /trainings/{trainingId}/attendance',
      { attendees: [{ cadreId: 'NOPE' }, { enterpriseId: 'NOPE', name: '某人' }] },
      { path: { trainingId: training.id } },
    );
    const noTraining = await post(
      'POST /trainings/{trainingId}/attendance',
      { attendees: [{ cadreId: 'NOPE' }] },
      { path: { trainingId: 'NOPE' } },
    );

    expect(unknown.body).toMatchObject({
      code: 'UNKNOWN_REFERENCE',
      errors: [{ path: 'body.attendees.0.cadreId' }, { path: 'body.attendees.1.enterpriseId' }],
    });
    expect(noTraining.status).toBe(404);
    expect((await statsOn('2041-07-02')).trainingAttendances).toBe(0);
  });
});

describe('accountability cases against DynamoDB Local', () => {
  const caseBody = (cadreId: string, overrides: Record<string, unknown> = {}) => ({
    cadreId,
    kind: 'exemption',
    situationCodes: ['E3', 'E7'],
    date: '2041-09-01',
    summary: '为帮助企业尽快投产，先行协调审批，程序存在瑕疵',
    evidence: [{ description: '会议纪要', reference: '海经信〔2041〕12号' }],
    ...overrides,
  });

  const decide = (caseId: string, body: unknown, version: number | undefined, claims: Claims = operator) =>
    invoke(handler, {
      routeKey: 'POST /accountability-cases/{caseId}/decision',
      pathParameters: { caseId },
      body,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
      claims,
    });

  it('opens cases about a cadre, keeps the cadre’s unit and lists them by cadre, unit, kind and decision', async () => {
    const unitId = (await createDepartment()).id;
    const cadre = await createCadre(unitId);
    const exemption = created(await post('POST /accountability-cases', caseBody(cadre.id)));
    const accountability = created(
      await post(
        'POST /accountability-cases',
        caseBody(cadre.id, { kind: 'accountability', situationCodes: ['A3'], evidence: [] }),
      ),
    );

    expect(exemption).toMatchObject({
      unitId,
      status: 'pending',
      decision: null,
      decidedBy: null,
      version: 1,
    });
    const list = (query: Record<string, string>) => get('GET /accountability-cases', { query });
    expect(idsOf(await list({ cadreId: cadre.id }))).toEqual([accountability.id, exemption.id]);
    expect(idsOf(await list({ unitId, kind: 'exemption' }))).toEqual([exemption.id]);
    expect(idsOf(await list({ cadreId: cadre.id, status: 'pending', kind: 'accountability' }))).toEqual([
      accountability.id,
    ]);
    await decide(exemption.id, { decision: 'exempted', reason: '符合E3、E7情形' }, 1);
    expect(idsOf(await list({ unitId, decision: 'exempted' }))).toEqual([exemption.id]);
    expect((await statsOn('2041-09-01')).accountabilityCases).toBe(2);
  });

  it('refuses codes of the other kind, unknown cadres and enterprises', async () => {
    const unitId = (await createDepartment()).id;
    const cadre = await createCadre(unitId);

    const mixed = await post('POST /accountability-cases', caseBody(cadre.id, { situationCodes: ['A1'] }));
    const unknown = await post(
      'POST /accountability-cases',
      caseBody('NOPE', { enterpriseId: 'NOPE', date: '2041-09-02' }),
    );

    expect(mixed.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'body.situationCodes' }],
    });
    expect(unknown.body).toMatchObject({
      code: 'UNKNOWN_REFERENCE',
      errors: [{ path: 'body.cadreId' }, { path: 'body.enterpriseId' }],
    });
    expect((await statsOn('2041-09-02')).accountabilityCases).toBe(0);
  });

  it('decides a case once, by the verified caller, with If-Match', async () => {
    const unitId = (await createDepartment()).id;
    const cadre = await createCadre(unitId);
    const record = created(
      await post('POST /accountability-cases', caseBody(cadre.id, { date: '2041-09-03' })),
    );
    const decision = { decision: 'partially_exempted', reason: '减轻处理' };
    const decider = claimsFor('operator', { sub: 'centre-officer-7' });

    const noIfMatch = await decide(record.id, decision, undefined);
    const wrongKind = await decide(record.id, { decision: 'held_accountable', reason: 'x' }, 1);
    const decided = await decide(record.id, decision, 1, decider);
    const twice = await decide(record.id, { decision: 'exempted', reason: '改判' }, 2);
    const stale = await decide(record.id, decision, 1);
    const smuggled = await decide(record.id, { ...decision, decidedBy: 'someone' }, 2);

    expect(noIfMatch.status).toBe(428);
    expect(wrongKind.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'body.decision' }] });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      status: 'decided',
      decision: 'partially_exempted',
      decisionReason: '减轻处理',
      decidedBy: 'centre-officer-7',
      version: 2,
    });
    expect(typeof decided.body?.decidedAt).toBe('string');
    expect(twice).toMatchObject({ status: 409, body: { code: 'INVALID_TRANSITION' } });
    expect(stale.status).toBe(412);
    expect(smuggled.status).toBe(400);
  });

  it('shows a department the cases of its own unit only', async () => {
    const unitId = (await createDepartment()).id;
    const otherUnitId = (await createDepartment()).id;
    const record = created(
      await post(
        'POST /accountability-cases',
        caseBody((await createCadre(unitId)).id, { date: '2041-09-04' }),
      ),
    );
    const own = claimsFor('department', { unitId });
    const other = claimsFor('department', { unitId: otherUnitId });

    expect(idsOf(await get('GET /accountability-cases', { claims: own }))).toEqual([record.id]);
    expect(idsOf(await get('GET /accountability-cases', { claims: other, query: { unitId } }))).toEqual([]);
    expect(
      (await get('GET /accountability-cases/{caseId}', { path: { caseId: record.id }, claims: own })).status,
    ).toBe(200);
    expect(
      (await get('GET /accountability-cases/{caseId}', { path: { caseId: record.id }, claims: other }))
        .status,
    ).toBe(404);
    expect((await decide(record.id, { decision: 'exempted', reason: 'x' }, 1, own)).status).toBe(403);
  });
});

describe('promotions against DynamoDB Local', () => {
  it('records a cadre’s promotions, counted on their date, readable by the cadre’s unit and the cadre', async () => {
    const unitId = (await createDepartment()).id;
    const cadre = await createCadre(unitId);
    const path = { cadreId: cadre.id };
    const body = {
      fromRank: '四级主任科员',
      toRank: '副科长',
      date: '2041-11-02',
      note: '驻企表现优秀',
      residencyId: 'R1',
    };
    const key = randomUUID();

    const promotion = created(await post('POST /cadres/{cadreId}/promotions', body, { path, key }));
    const replay = await post('POST /cadres/{cadreId}/promotions', body, { path, key });
    const unknown = await post('POST /cadres/{cadreId}/promotions', body, { path: { cadreId: 'NOPE' } });

    expect(promotion).toMatchObject({ ...body, cadreId: cadre.id, version: 1 });
    expect(replay).toMatchObject({ status: 201, body: promotion });
    expect(unknown.status).toBe(404);
    const read = (claims: Claims) => get('GET /cadres/{cadreId}/promotions', { path, claims });
    expect(idsOf(await read(claimsFor('department', { unitId })))).toEqual([promotion.id]);
    expect(idsOf(await read(claimsFor('cadre', { cadreId: cadre.id })))).toEqual([promotion.id]);
    expect((await read(claimsFor('department', { unitId: 'OTHER' }))).status).toBe(404);
    expect((await statsOn('2041-11-02')).promotions).toBe(1);
  });
});
