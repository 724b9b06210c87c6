import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { tableNames } from '../../shared/config';
import { documentClient } from '../../shared/db/client';
import { type ItemKey, issueKeys, scoringKeys } from '../../shared/db/keys';
import { programDateOf } from '../../shared/domain/calendar/program-date';
import { UNIT_COUNTERS } from '../../shared/domain/issues/commands';
import { quarterOf } from '../../shared/domain/issues/quarter';
import { verifyChain } from '../../shared/domain/ledger/hash-chain';
import { readLedger } from '../../shared/repositories/issues';
import { claimsFor, type InvokeResult, invoke } from '../../tools/lambda-events';
import { dynamoFaults, FAULTS, type FaultName } from '../support/dynamo-faults';
import { issueFunctions as issues } from '../support/issue-functions';
import { act, createEnterprise, departmentOf, raiseIssue } from './issue-fixtures';
import { createDepartment, operator } from './master-data-fixtures';

/**
 * Fault injection (issue 15 §6): each request below is sent again and again, its k-th DynamoDB command
 * failing each time (k = 1, 2, … until the request gets through untouched), once per kind of fault.
 * After every failure: the client got the status retrying calls for (503 with Retry-After, 409 for a
 * lost race) and nothing of the request is stored. At the end: the request succeeded exactly once,
 * the ledger chain verifies and the unit's counters equal a recount of what the issue counted.
 */
const faults = dynamoFaults();
afterAll(() => faults.restore());

const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];
const MAX_STEPS = 40;

const itemsIn = async (partition: string, index: string) =>
  (
    await documentClient.send(
      new QueryCommand({
        TableName: tableNames.program,
        IndexName: index,
        KeyConditionExpression: `${index.toLowerCase()}pk = :pk`,
        ExpressionAttributeValues: { ':pk': partition },
      }),
    )
  ).Items ?? [];

const getItem = async (key: ItemKey) =>
  (await documentClient.send(new GetCommand({ TableName: tableNames.program, Key: key }))).Item;

/** The issue as stored, its ledger, and the counters of the units it names. */
const issueState = async (issueId: string, unitIds: readonly string[]) => {
  const quarter = quarterNow();
  return {
    issue: await getItem(issueKeys.item(issueId)),
    ledger: await readLedger(issueId),
    counters: await Promise.all(
      unitIds.map((unitId) => getItem(scoringKeys.unitQuarterCounters(unitId, quarter))),
    ),
  };
};

const quarterNow = () => quarterOf(programDateOf(new Date()));

/**
 * Sends `request` with its k-th command failing, for k = 1, 2, …, until it runs without meeting the
 * fault; returns how many steps failed and the final reply. A fault that lands after the request's
 * write may still let it succeed; the walk then ends there too.
 */
const walk = async (
  fault: FaultName,
  request: () => Promise<InvokeResult>,
  state: () => Promise<unknown>,
) => {
  for (let step = 1; step <= MAX_STEPS; step++) {
    const before = await state();
    faults.arm(step, fault);
    const reply = await request();
    const { failed, failedInput, sent } = faults.disarm();
    if (!failed) return { failedSteps: step - 1, reply, sent };
    const where = `${fault} at command ${step} (${failed}) of ${sent.join(', ')}`;
    if ((reply.status ?? 500) < 300) return { failedSteps: step, reply, sent };
    expect(reply.status, where).toBe(FAULTS[fault].status);
    expect(reply.headers['content-type'], where).toBe('application/problem+json');
    if (reply.status === 503) expect(['1', '2', '3'], where).toContain(reply.headers['retry-after']);
    expect(await state(), `${where}: nothing written`).toEqual(before);
    const release = failedInput as { TableName?: string; Key?: Record<string, string> };
    if (failed === 'DeleteCommand' && release.TableName === tableNames.idempotency && release.Key) {
      // The claim was not released: a repeat is told the key is in use until the claim gives way at
      // the run's deadline, which the test stands in for by removing it.
      expect((await request()).body?.code, where).toBe('IDEMPOTENCY_IN_PROGRESS');
      await documentClient.send(new DeleteCommand({ TableName: tableNames.idempotency, Key: release.Key }));
    }
  }
  throw new Error(`${fault}: the request still met the fault after ${MAX_STEPS} steps`);
};

/** The chain verifies and each unit's counters are what the issue's own tally says it added. */
const expectConsistent = async (issueId: string, unitIds: readonly string[]) => {
  expect(verifyChain(await readLedger(issueId))).toEqual({ valid: true });
  const issue = (await getItem(issueKeys.item(issueId))) as {
    counted?: { unitId: string; counter: string; by: number }[];
  };
  const { counters } = await issueState(issueId, unitIds);
  unitIds.forEach((unitId, i) => {
    const recount = (counter: string) =>
      (issue.counted ?? [])
        .filter((delta) => delta.unitId === unitId && delta.counter === counter)
        .reduce((sum, delta) => sum + delta.by, 0);
    const stored = counters[i] as Record<string, number> | undefined;
    expect(stored, `counters of ${unitId}`).toBeDefined();
    for (const counter of UNIT_COUNTERS) {
      expect(stored?.[counter] ?? 0, `${counter} of ${unitId}`).toBe(recount(counter));
    }
  });
};

describe.each(FAULT_NAMES)('under %s at every step', (fault) => {
  it('raises an issue once: POST /issues retried with its Idempotency-Key', async () => {
    const { id: enterpriseId } = await createEnterprise();
    const key = randomUUID();
    const raise = () =>
      invoke(issues, {
        routeKey: 'POST /issues',
        body: { enterpriseId, category: 'land', title: '用地指标', description: '扩建缺少用地指标' },
        headers: { 'idempotency-key': key },
        claims: operator,
      });
    const raised = () => itemsIn(`ISSUE#ENT#${enterpriseId}`, 'GSI1');

    const { failedSteps, reply } = await walk(fault, raise, raised);

    expect(reply.status).toBe(201);
    expect(failedSteps).toBeGreaterThan(0);
    expect((await raised()).map((item) => item.id)).toEqual([reply.body?.id]);
    expect((await raise()).body).toEqual(reply.body);
    await expectConsistent(String(reply.body?.id), []);
  });

  it('escalates once, then records the verdict once', async () => {
    const { id: enterpriseId } = await createEnterprise();
    const unitId = (await createDepartment()).id;
    const { id } = await raiseIssue(enterpriseId);
    const state = () => issueState(id, [unitId]);

    const escalated = await walk(
      fault,
      () =>
        invoke(issues, {
          routeKey: 'POST /issues/{issueId}/escalate',
          pathParameters: { issueId: id },
          claims: operator,
          body: { unitId, dueWorkingDays: 3 },
        }),
      state,
    );
    expect(escalated.reply.status).toBe(200);
    expect(escalated.failedSteps).toBeGreaterThan(0);

    await act(id, 'resolution', departmentOf(unitId), { resolution: '已协调用地指标' });
    const verdict = await walk(
      fault,
      () =>
        invoke(issues, {
          routeKey: 'POST /issues/{issueId}/feedback',
          pathParameters: { issueId: id },
          claims: claimsFor('enterprise', { enterpriseId }),
          body: { verdict: 'satisfied' },
        }),
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
    const stored = await itemsIn(`ISSUE#ENT#${enterpriseId}`, 'GSI1');
    expect(stored.map((item) => item.id)).toEqual([again.body?.id]);
  });
});
