import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { handler as enterprises } from '../../functions/api/enterprises/handler';
import { programDateOf } from '../../shared/domain/calendar';
import { programCalendar } from '../../shared/usecases/calendar/program-calendar';
import { claimsFor, invoke } from '../../tools/lambda-events';
import { createDepartment, operator } from './master-data-fixtures';
import { createEnterpriseIn, createPlaces, createPoolCadre } from './secondments-fixtures';

type Body = Record<string, unknown> & { id: string; code?: string; version: number; items?: unknown[] };
type Claims = ReturnType<typeof claimsFor>;

const call = async (
  routeKey: string,
  pathParameters: Record<string, string>,
  options: {
    body?: unknown;
    version?: number;
    key?: string;
    claims?: Claims;
    query?: Record<string, string>;
  } = {},
) =>
  (await invoke(enterprises, {
    routeKey,
    pathParameters,
    ...(options.body === undefined ? {} : { body: options.body }),
    ...(options.query === undefined ? {} : { query: options.query }),
    headers: {
      ...(routeKey.startsWith('POST') ? { 'idempotency-key': options.key ?? randomUUID() } : {}),
      ...(options.version === undefined ? {} : { 'if-match': `"${options.version}"` }),
    },
    claims: options.claims ?? operator,
  })) as unknown as { status: number; body: Body };

interface Step {
  id: string;
  ownerUnitId: string;
  status: string;
  dueDate: string;
  version: number;
  doneOn?: string;
}

/** A key enterprise served by a named cadre, and a second department to own a step. */
const keyEnterprise = async () => {
  const places = await createPlaces();
  const [enterprise, other, cadre, stranger] = await Promise.all([
    createEnterpriseIn(places),
    createDepartment(),
    createPoolCadre(places.departmentId),
    createPoolCadre(places.departmentId),
  ]);
  const designated = await call(
    'POST /key-enterprises',
    {},
    {
      body: { enterpriseId: enterprise.id, liaisonCadreId: cadre.id, reason: '规上龙头企业，重大项目在建' },
    },
  );
  expect(designated.status).toBe(201);
  return {
    places,
    enterpriseId: enterprise.id,
    otherUnitId: other.id,
    cadreId: cadre.id,
    strangerId: stranger.id,
  };
};

describe('agency cases (全程代办) against DynamoDB Local', () => {
  it('opens a case with steps due in working days, moves them forward with If-Match into its ledger, and is done with its last step', async () => {
    // Prepare
    const { places, enterpriseId, otherUnitId, cadreId, strangerId } = await keyEnterprise();
    const agent = claimsFor('cadre', { cadreId, sub: 'agent-cadre' });
    const body = {
      matter: '年产5万吨新材料项目立项审批代办',
      steps: [
        { title: '项目备案', ownerUnitId: places.departmentId, dueWorkingDays: 3 },
        { title: '环评审批', ownerUnitId: otherUnitId, dueWorkingDays: 15 },
      ],
    };
    const key = randomUUID();

    // Act
    const opened = await call(
      'POST /key-enterprises/{enterpriseId}/agency-cases',
      { enterpriseId },
      { body, key },
    );
    const replay = await call(
      'POST /key-enterprises/{enterpriseId}/agency-cases',
      { enterpriseId },
      { body, key },
    );
    const caseId = opened.body.id;
    const [first, second] = opened.body.steps as Step[];
    const move = (step: Step | undefined, body: object, version: number, claims?: Claims) =>
      call(
        'PATCH /agency-cases/{agencyCaseId}/steps/{stepId}',
        { agencyCaseId: caseId, stepId: (step as Step).id },
        { body, version, ...(claims ? { claims } : {}) },
      );
    const stranger = claimsFor('cadre', { cadreId: strangerId });
    const started = await move(first, { status: 'in_progress', note: '材料已收齐' }, 1, agent);
    const stale = await move(first, { status: 'done' }, 1, agent);
    const byStranger = await move(first, { status: 'done' }, 2, stranger);
    const firstDone = await move(first, { status: 'done' }, 2, agent);
    const back = await move(first, { status: 'in_progress' }, 3, agent);
    const midway = await call('GET /agency-cases/{agencyCaseId}', { agencyCaseId: caseId });
    const secondDone = await move(second, { status: 'done', note: '环评批复已出具' }, 1);
    const finished = await call('GET /agency-cases/{agencyCaseId}', { agencyCaseId: caseId });
    const ledger = await call(
      'GET /agency-cases/{agencyCaseId}/ledger',
      { agencyCaseId: caseId },
      { claims: agent },
    );

    // Assert
    const calendar = await programCalendar();
    const today = programDateOf(new Date());
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      agentCadreId: cadreId,
      openedOn: today,
      stepCount: 2,
      status: 'open',
    });
    expect((opened.body.steps as Step[]).map((s) => s.dueDate)).toEqual([
      calendar.addWorkingDays(today, 3),
      calendar.addWorkingDays(today, 15),
    ]);
    expect(replay).toMatchObject({ status: 201, body: opened.body });
    expect(started.body).toMatchObject({ status: 'in_progress', version: 2, note: '材料已收齐' });
    expect(stale.status).toBe(412);
    expect(byStranger.status).toBe(404);
    expect(firstDone.body).toMatchObject({ status: 'done', doneOn: today, version: 3 });
    expect(back).toMatchObject({ status: 409, body: { code: 'INVALID_TRANSITION' } });
    expect(midway.body).toMatchObject({ status: 'open', stepsDone: 1 });
    expect(secondDone.body).toMatchObject({ status: 'done', doneOn: today });
    expect(finished.body).toMatchObject({ status: 'done', stepsDone: 2, doneOn: today });
    const entries = ledger.body.items as { action: string; actor: { sub: string; role: string } }[];
    expect(entries.map((e) => e.action)).toEqual(['opened', 'step_started', 'step_done', 'step_done']);
    expect(entries.map((e) => e.actor.role)).toEqual(['operator', 'cadre', 'cadre', 'operator']);
    expect(entries[1]?.actor.sub).toBe('agent-cadre');
  });

  it('shows a case to the enterprise served and the agent whole, to a department only its own steps, to others not at all', async () => {
    // Prepare
    const { places, enterpriseId, otherUnitId, cadreId, strangerId } = await keyEnterprise();
    const opened = await call(
      'POST /key-enterprises/{enterpriseId}/agency-cases',
      { enterpriseId },
      {
        body: {
          matter: '技改项目施工许可代办',
          steps: [
            { title: '规划许可', ownerUnitId: places.departmentId, dueWorkingDays: 5 },
            { title: '施工许可', ownerUnitId: otherUnitId, dueWorkingDays: 10 },
          ],
        },
      },
    );
    const caseId = opened.body.id;
    const read = (claims: Claims) =>
      call('GET /agency-cases/{agencyCaseId}', { agencyCaseId: caseId }, { claims });
    const stepsOf = (reply: { body: Body }) => (reply.body.steps as Step[]).map((s) => s.ownerUnitId);

    // Act
    const asEnterprise = await read(claimsFor('enterprise', { enterpriseId }));
    const asOtherEnterprise = await read(claimsFor('enterprise', { enterpriseId: 'ENTNOTTHISONE' }));
    const asAgent = await read(claimsFor('cadre', { cadreId }));
    const asStranger = await read(claimsFor('cadre', { cadreId: strangerId }));
    const asOwner = await read(claimsFor('department', { unitId: otherUnitId }));
    const asUninvolved = await read(claimsFor('department', { unitId: 'UNITNOTTHISONE' }));
    const ownSteps = await call(
      'GET /agency-steps',
      {},
      { claims: claimsFor('department', { unitId: otherUnitId }) },
    );
    const othersSteps = await call(
      'GET /agency-steps',
      {},
      { claims: claimsFor('department', { unitId: otherUnitId }), query: { unitId: places.departmentId } },
    );
    const stepsUnnamed = await call('GET /agency-steps', {}, {});
    const enterpriseList = await call(
      'GET /agency-cases',
      {},
      { claims: claimsFor('enterprise', { enterpriseId }) },
    );
    const agentList = await call('GET /agency-cases', {}, { claims: claimsFor('cadre', { cadreId }) });
    const strangerNamingAgent = await call(
      'GET /agency-cases',
      {},
      { claims: claimsFor('cadre', { cadreId: strangerId }), query: { agentCadreId: cadreId } },
    );
    const ledgerAsStranger = await call(
      'GET /agency-cases/{agencyCaseId}/ledger',
      { agencyCaseId: caseId },
      { claims: claimsFor('cadre', { cadreId: strangerId }) },
    );

    // Assert
    expect(asEnterprise.status).toBe(200);
    expect(stepsOf(asEnterprise)).toEqual([places.departmentId, otherUnitId]);
    expect(asOtherEnterprise.status).toBe(404);
    expect(stepsOf(asAgent)).toHaveLength(2);
    expect(asStranger.status).toBe(404);
    expect(asStranger.body).toEqual((await read(claimsFor('cadre', { cadreId: strangerId }))).body);
    expect(stepsOf(asOwner)).toEqual([otherUnitId]);
    expect(asUninvolved.status).toBe(404);
    expect((ownSteps.body.items as Step[]).map((s) => s.ownerUnitId)).toContain(otherUnitId);
    expect((ownSteps.body.items as Step[]).every((s) => s.ownerUnitId === otherUnitId)).toBe(true);
    expect(othersSteps.body.items).toEqual([]);
    expect(stepsUnnamed).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect((enterpriseList.body.items as { id: string }[]).map((c) => c.id)).toEqual([caseId]);
    expect((agentList.body.items as { id: string }[]).map((c) => c.id)).toEqual([caseId]);
    expect(strangerNamingAgent.body.items).toEqual([]);
    expect(ledgerAsStranger.status).toBe(404);
  });

  it('refuses unknown units and agents and a non-key enterprise, writing nothing', async () => {
    const { places, enterpriseId } = await keyEnterprise();
    const plain = await createEnterpriseIn(places);
    const steps = [{ title: '用地预审', ownerUnitId: places.departmentId, dueWorkingDays: 5 }];

    const unknownUnit = await call(
      'POST /key-enterprises/{enterpriseId}/agency-cases',
      { enterpriseId },
      {
        body: {
          matter: '用地审批代办',
          steps: [...steps, { ...steps[0], ownerUnitId: '01JNOSUCHUNIT0000000000000' }],
        },
      },
    );
    const unknownAgent = await call(
      'POST /key-enterprises/{enterpriseId}/agency-cases',
      { enterpriseId },
      {
        body: { matter: '用地审批代办', agentCadreId: '01JNOSUCHCADRE000000000000', steps },
      },
    );
    const notKey = await call(
      'POST /key-enterprises/{enterpriseId}/agency-cases',
      { enterpriseId: plain.id },
      {
        body: { matter: '用地审批代办', steps },
      },
    );
    const listed = await call('GET /agency-cases', {}, { query: { enterpriseId } });

    expect(unknownUnit).toMatchObject({ status: 400, body: { code: 'UNKNOWN_REFERENCE' } });
    expect(JSON.stringify(unknownUnit.body)).toContain('body.steps.1.ownerUnitId');
    expect(unknownAgent).toMatchObject({ status: 400, body: { code: 'UNKNOWN_REFERENCE' } });
    expect(notKey.status).toBe(404);
    expect(listed.body.items).toEqual([]);
  });
});

describe('the named cadre (专人) of a key enterprise', () => {
  it('reads that key enterprise and its plan, and nothing of other key enterprises', async () => {
    const mine = await keyEnterprise();
    const theirs = await keyEnterprise();
    const named = claimsFor('cadre', { cadreId: mine.cadreId });
    await call(
      'POST /key-enterprises/{enterpriseId}/plan-items',
      { enterpriseId: mine.enterpriseId },
      {
        body: { title: '协调新厂区用地指标', ownerUnitId: mine.places.departmentId, deadline: '2026-12-31' },
      },
    );

    const own = await call(
      'GET /key-enterprises/{enterpriseId}',
      { enterpriseId: mine.enterpriseId },
      { claims: named },
    );
    const other = await call(
      'GET /key-enterprises/{enterpriseId}',
      { enterpriseId: theirs.enterpriseId },
      { claims: named },
    );
    const missing = await call(
      'GET /key-enterprises/{enterpriseId}',
      { enterpriseId: 'ENTNOTTHISONE' },
      { claims: named },
    );
    const list = await call('GET /key-enterprises', {}, { claims: named });
    const naming = await call(
      'GET /key-enterprises',
      {},
      { claims: named, query: { liaisonCadreId: theirs.cadreId } },
    );

    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ enterpriseId: mine.enterpriseId, liaisonCadreId: mine.cadreId });
    expect((own.body.plan as unknown[]).length).toBe(1);
    expect(other.status).toBe(404);
    expect(other.body).toEqual(missing.body);
    expect((list.body.items as { enterpriseId: string }[]).map((k) => k.enterpriseId)).toEqual([
      mine.enterpriseId,
    ]);
    expect(naming.body.items).toEqual([]);
  });
});
