import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { handler as grids } from '../../functions/api/grids/handler';
import { handler as visits } from '../../functions/api/visits/handler';
import { consultationKeys, dispatchOrderKeys } from '../../shared/db/keys';
import { readLedger } from '../../shared/repositories/issues';
import { readProgramStats } from '../../shared/repositories/program-stats';
import { claimsFor, invoke } from '../../tools/lambda-events';
import {
  expectConsistent,
  FAULT_NAMES,
  faults,
  getItem,
  issueIdsOf,
  issueState,
  itemsIn,
  walk,
} from '../support/fault-walk';
import { issueFunctions as issues } from '../support/issue-functions';
import { act, createEnterprise, departmentOf, issueAwaitingConsultation, raiseIssue } from './issue-fixtures';
import { createCadre, createDepartment, createGrid, createTown, operator } from './master-data-fixtures';

/**
 * Fault injection into the API's use cases (issue 15 §6), by the walk of test/support/fault-walk.ts:
 * each request is sent again and again with its k-th DynamoDB command failing, once per kind of fault.
 * After every failure the client got 503 with Retry-After (or 409 for a lost race), as the served
 * OpenAPI document says, and nothing of the request is stored; at the end the request succeeded
 * exactly once, the ledger chain verifies and counters equal a recount.
 */

/** A day no other test counts visits or issues on (program statistics are per day, shared). */
const VISIT_DAY = '2019-02-27';
/** Consultations of a year no other test numbers dispatch orders in, one a day per walk. */
const consultationDay = (() => {
  let day = 0;
  return () => `2034-0${1 + Math.floor(day / 28)}-${String(1 + (day++ % 28)).padStart(2, '0')}`;
})();

describe.each(FAULT_NAMES)('under %s at every step', (fault) => {
  it('raises an issue once: POST /issues retried with its Idempotency-Key', async () => {
    const { id: enterpriseId } = await createEnterprise();
    const key = randomUUID();
    const request = () =>
      invoke(issues, {
        routeKey: 'POST /issues',
        body: { enterpriseId, category: 'land', title: '用地指标', description: '扩建缺少用地指标' },
        headers: { 'idempotency-key': key },
        claims: operator,
      });
    const raised = () => issueIdsOf(enterpriseId);

    const { failedSteps, reply } = await walk(
      fault,
      { routeKey: 'POST /issues', path: '/issues', request },
      raised,
    );

    expect(reply.status).toBe(201);
    expect(failedSteps).toBeGreaterThan(0);
    expect(await raised()).toEqual([reply.body?.id]);
    const again = await request();
    expect(again.status).toBe(201);
    expect(again.body).toEqual(reply.body);
    await expectConsistent(String(reply.body?.id), []);
  });

  it('escalates once, then records the verdict once', async () => {
    const { id: enterpriseId } = await createEnterprise();
    const unitId = (await createDepartment()).id;
    const { id } = await raiseIssue(enterpriseId);
    const state = () => issueState(id, [unitId]);

    const escalated = await walk(
      fault,
      {
        routeKey: 'POST /issues/{issueId}/escalate',
        path: `/issues/${id}/escalate`,
        request: () =>
          invoke(issues, {
            routeKey: 'POST /issues/{issueId}/escalate',
            pathParameters: { issueId: id },
            claims: operator,
            body: { unitId, dueWorkingDays: 3 },
          }),
      },
      state,
    );
    expect(escalated.reply.status).toBe(200);
    expect(escalated.failedSteps).toBeGreaterThan(0);

    await act(id, 'resolution', departmentOf(unitId), { resolution: '已协调用地指标' });
    const verdict = await walk(
      fault,
      {
        routeKey: 'POST /issues/{issueId}/feedback',
        path: `/issues/${id}/feedback`,
        request: () =>
          invoke(issues, {
            routeKey: 'POST /issues/{issueId}/feedback',
            pathParameters: { issueId: id },
            claims: claimsFor('enterprise', { enterpriseId }),
            body: { verdict: 'satisfied' },
          }),
      },
      state,
    );
    expect(verdict.reply.status).toBe(200);
    expect(verdict.reply.body).toMatchObject({ status: 'closed', version: 4 });
    expect((await readLedger(id)).map((entry) => entry.action)).toEqual([
      'raised',
      'escalated',
      'resolved',
      'closed',
    ]);
    await expectConsistent(id, [unitId]);
  });

  it('logs a visit and the issue it raises once: POST /visits retried with its Idempotency-Key', async () => {
    const townUnitId = (await createTown()).id;
    const gridId = (await createGrid(townUnitId)).id;
    const cadreId = (await createCadre(townUnitId)).id;
    const team = await invoke(grids, {
      routeKey: 'POST /grids/{gridId}/teams',
      pathParameters: { gridId },
      body: { name: '走访小组', memberCadreIds: [cadreId] },
      claims: operator,
    });
    expect(team.status).toBe(201);
    const { id: enterpriseId } = await createEnterprise({ townUnitId, gridId });
    const key = randomUUID();
    const request = () =>
      invoke(visits, {
        routeKey: 'POST /visits',
        headers: { 'idempotency-key': key },
        claims: claimsFor('cadre', { cadreId }),
        body: {
          enterpriseId,
          teamId: team.body?.id,
          date: VISIT_DAY,
          questionnaire: { q1: 'normal', q3: 86, q6: true, q14: 'somewhat', q17: 'basically_satisfied' },
          issues: [
            { enterpriseId, category: 'energy', title: '用电指标', description: '用电指标紧张，需协调' },
          ],
        },
      });
    const traces = async () => ({
      visits: await itemsIn(`VISIT#ENT#${enterpriseId}`, 'GSI2'),
      issues: await issueIdsOf(enterpriseId),
    });
    const statsBefore = await readProgramStats(VISIT_DAY, VISIT_DAY);

    const { failedSteps, reply } = await walk(
      fault,
      { routeKey: 'POST /visits', path: '/visits', request },
      traces,
    );

    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(failedSteps).toBeGreaterThan(0);
    const { visits: logged, issues: raised } = await traces();
    expect(logged.map((visit) => visit.id)).toEqual([reply.body?.id]);
    expect(raised).toEqual(reply.body?.issueIds);
    const again = await request();
    expect(again.status).toBe(201);
    expect(again.body).toEqual(reply.body);
    await expectConsistent(String(raised[0]), []);
    // The visit day's counters moved by what was stored once, whatever failed on the way.
    const statsAfter = await readProgramStats(VISIT_DAY, VISIT_DAY);
    expect(statsAfter.visits - statsBefore.visits).toBe(1);
    expect(statsAfter.questionnaires - statsBefore.questionnaires).toBe(1);
  });
});

describe.each(FAULT_NAMES)('under %s at every step of a consultation decision', (fault) => {
  it('assigns the issue and writes its dispatch order line once', async () => {
    const { id: enterpriseId } = await createEnterprise();
    const [lead, co] = [(await createDepartment()).id, (await createDepartment()).id];
    const issueId = await issueAwaitingConsultation(enterpriseId, lead);
    const created = await invoke(issues, {
      routeKey: 'POST /consultations',
      body: { date: consultationDay() },
      claims: operator,
    });
    expect(created.status).toBe(201);
    const consultationId = String(created.body?.id);
    const { dispatchOrderId } = (await getItem(consultationKeys.item(consultationId))) as {
      dispatchOrderId: string;
    };
    const state = async () => ({
      ...(await issueState(issueId, [lead, co])),
      order: await getItem(dispatchOrderKeys.item(dispatchOrderId)),
      counter: await getItem(dispatchOrderKeys.counter('2034')),
    });

    const { failedSteps, reply } = await walk(
      fault,
      {
        routeKey: 'POST /consultations/{consultationId}/decisions',
        path: `/consultations/${consultationId}/decisions`,
        request: () =>
          invoke(issues, {
            routeKey: 'POST /consultations/{consultationId}/decisions',
            pathParameters: { consultationId },
            body: { issueId, leadUnitId: co, coUnitIds: [lead], dueWorkingDays: 5, note: '会商议定' },
            claims: claimsFor('leader'),
          }),
      },
      state,
    );

    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(failedSteps).toBeGreaterThan(0);
    expect(reply.body).toMatchObject({ issue: { status: 'assigned' } });
    const { order } = await state();
    expect(order).toMatchObject({ items: [{ issueId, leadUnitId: co, coUnitIds: [lead] }] });
    // One ledger entry for the decision, the fourth: raised, escalated, consultation requested, decided.
    const ledger = await readLedger(issueId);
    expect(ledger).toHaveLength(4);
    expect(new Set(ledger.map((entry) => entry.action)).size).toBe(4);
    await expectConsistent(issueId, [lead, co]);
  });
});

describe('a timeout after the write happened', () => {
  it('answers 503, and the retry with the same Idempotency-Key replays the one issue raised', async () => {
    const { id: enterpriseId } = await createEnterprise();
    const key = randomUUID();
    const raise = () =>
      invoke(issues, {
        routeKey: 'POST /issues',
        body: { enterpriseId, category: 'land', title: '用地指标', description: '扩建缺少用地指标' },
        headers: { 'idempotency-key': key },
        claims: operator,
      });
    // Find the step of the transaction in a raise, on a twin enterprise.
    const { id: twin } = await createEnterprise();
    faults.arm(0, 'timeout');
    await invoke(issues, {
      routeKey: 'POST /issues',
      body: { enterpriseId: twin, category: 'land', title: '用地指标', description: '扩建缺少用地指标' },
      headers: { 'idempotency-key': randomUUID() },
      claims: operator,
    });
    const step = faults.disarm().sent.indexOf('TransactWriteCommand') + 1;
    expect(step).toBeGreaterThan(0);

    faults.arm(step, 'timeout', true);
    const first = await raise();
    expect(faults.disarm().failed).toBe('TransactWriteCommand');
    expect(first.status).toBe(503);

    const again = await raise();
    expect(again.status).toBe(201);
    expect(await issueIdsOf(enterpriseId)).toEqual([again.body?.id]);
  });
});
