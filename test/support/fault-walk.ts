import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, expect } from 'vitest';
import { tableNames } from '../../shared/config';
import { apiRoutes } from '../../shared/contract/routes';
import { documentClient } from '../../shared/db/client';
import { type ItemKey, issueKeys, scoringKeys } from '../../shared/db/keys';
import { type CounterDelta, UNIT_COUNTERS } from '../../shared/domain/issues/commands';
import { verifyChain } from '../../shared/domain/ledger/hash-chain';
import { routeKeyOf } from '../../shared/http/contract';
import { openApiDocument } from '../../shared/http/openapi';
import { readLedger } from '../../shared/repositories/issues';
import type { InvokeResult } from '../../tools/lambda-events';
import { dynamoFaults, FAULTS, type FaultName } from './dynamo-faults';
import { type OpenApiDocument, openApiContract } from './hostile/openapi-contract';

/**
 * The walk of the fault-injection tests (issue 15 §6): a request (or job, or workflow task) is run
 * again and again, its k-th DynamoDB command failing each time (k = 1, 2, … until it runs without
 * meeting the fault). After every failure the caller got the answer retrying calls for and nothing of
 * the run is stored; the test then checks that the run finally succeeded exactly once.
 */
export const faults = dynamoFaults();
export const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];
const MAX_STEPS = 60;

/** What a file's walks injected, printed at its end (the numbers of docs/hostile-proof.md). */
const tally = { injected: 0, walks: 0, outcomes: new Map<string, number>() };
afterAll(() => {
  faults.restore();
  const outcomes = [...tally.outcomes].map(([outcome, n]) => `${outcome} ×${n}`).join(', ');
  console.log(`faults: ${tally.injected} injected over ${tally.walks} walks; ${outcomes}`);
});
const count = (outcome: string) => {
  tally.injected += 1;
  tally.outcomes.set(outcome, (tally.outcomes.get(outcome) ?? 0) + 1);
};

const contract = openApiContract(openApiDocument(apiRoutes) as unknown as OpenApiDocument);

export const getItem = async (key: ItemKey) =>
  (await documentClient.send(new GetCommand({ TableName: tableNames.program, Key: key }))).Item;

export const itemsIn = async (partition: string, index: string) =>
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

/**
 * Every quarter's counters of a unit (its counter items share a partition). Read whole, not by the
 * quarter of today: a step acting some days ahead counts in the quarter of its own instant, which near
 * a quarter's end is the next one.
 */
const countersOf = async (unitId: string) =>
  (
    await documentClient.send(
      new QueryCommand({
        TableName: tableNames.program,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': scoringKeys.unitQuarterCounters(unitId, '').pk },
        ConsistentRead: true,
      }),
    )
  ).Items ?? [];

/** The ids of an enterprise's issues, as its issue index (keys only) holds them, oldest first. */
export const issueIdsOf = async (enterpriseId: string) => {
  const { index, partition } = issueKeys.byEnterprise(enterpriseId);
  return (await itemsIn(partition, index)).map((entry) => issueKeys.idOf(entry as ItemKey));
};

/** The issue as stored, its ledger, and the counters of the units it names. */
export const issueState = async (issueId: string, unitIds: readonly string[]) => ({
  issue: await getItem(issueKeys.item(issueId)),
  ledger: await readLedger(issueId),
  counters: await Promise.all(unitIds.map(countersOf)),
});

/**
 * The chain verifies and each unit's counters, quarter by quarter, are what the issue's own tally says
 * it added (the units are the test's own, so the issue is all they count).
 */
export const expectConsistent = async (issueId: string, unitIds: readonly string[]) => {
  expect(verifyChain(await readLedger(issueId))).toEqual({ valid: true });
  const issue = (await getItem(issueKeys.item(issueId))) as { counted?: CounterDelta[] };
  const counted = issue.counted ?? [];
  for (const unitId of unitIds) {
    const stored = (await countersOf(unitId)) as ({ quarter: string } & Record<string, number>)[];
    const quarters = new Set([
      ...stored.map((item) => item.quarter),
      ...counted.map((delta) => delta.quarter),
    ]);
    expect(stored.length, `counters of ${unitId}`).toBeGreaterThan(0);
    for (const quarter of quarters) {
      const item = stored.find((candidate) => candidate.quarter === quarter);
      const recount = (counter: string) =>
        counted
          .filter(
            (delta) => delta.unitId === unitId && delta.quarter === quarter && delta.counter === counter,
          )
          .reduce((sum, delta) => sum + delta.by, 0);
      for (const counter of UNIT_COUNTERS) {
        expect(item?.[counter] ?? 0, `${counter} of ${unitId} in ${quarter}`).toBe(recount(counter));
      }
    }
  }
};

/**
 * A fault that hit the idempotency table's bookkeeping (the release after a failed run, or the
 * completion after a successful one) leaves the claim held: until the claim gives way at the run's
 * deadline, a repeat is told the key is in use and when to come back. The test stands in for the
 * deadline by expiring the claim.
 */
const expectClaimHeld = async (failedInput: unknown, request: () => Promise<InvokeResult>, where: string) => {
  const bookkeeping = failedInput as { TableName?: string; Key?: Record<string, string> };
  if (bookkeeping.TableName !== tableNames.idempotency || !bookkeeping.Key) return;
  const repeat = await request();
  expect(repeat.status, where).toBe(409);
  expect(repeat.body?.code, where).toBe('IDEMPOTENCY_IN_PROGRESS');
  expect(['1', '2', '3'], where).toContain(repeat.headers['retry-after']);
  await documentClient.send(
    new UpdateCommand({
      TableName: tableNames.idempotency,
      Key: bookkeeping.Key,
      UpdateExpression: 'SET inProgressExpiry = :past',
      ExpressionAttributeValues: { ':past': 0 },
    }),
  );
};

/** The reply as the served OpenAPI document describes the route's answers (status, body, headers). */
const expectDocumented = (routeKey: string, path: string, reply: InvokeResult, where: string) => {
  const route = apiRoutes.find((candidate) => routeKeyOf(candidate) === routeKey);
  if (!route) throw new Error(`no route ${routeKey}`);
  const mismatch = contract({
    method: route.method,
    path,
    status: reply.status ?? 500,
    contentType: String(reply.headers['content-type']),
    body: reply.body ?? '',
    headers: reply.headers as Record<string, string>,
  });
  expect(mismatch, where).toBeUndefined();
};

export interface Walked {
  /** How many runs met the fault. */
  failedSteps: number;
  reply: InvokeResult;
  sent: string[];
}

/**
 * Sends `request` (an API call on `routeKey` at `path`) with its k-th command failing, for k = 1, 2, …,
 * until it runs without meeting the fault. A fault that lands after the request's write may still let
 * it succeed; the walk then ends there too.
 */
export const walk = async (
  fault: FaultName,
  call: { routeKey: string; path: string; request: () => Promise<InvokeResult> },
  state: () => Promise<unknown>,
): Promise<Walked> => {
  tally.walks += 1;
  for (let step = 1; step <= MAX_STEPS; step++) {
    const before = await state();
    faults.arm(step, fault);
    const reply = await call.request();
    const { failed, failedInput, sent } = faults.disarm();
    if (!failed) return { failedSteps: step - 1, reply, sent };
    const where = `${fault} at command ${step} (${failed}) of ${sent.join(', ')}`;
    count(`${reply.status}`);
    expectDocumented(call.routeKey, call.path, reply, where);
    if ((reply.status ?? 500) < 300) {
      await expectClaimHeld(failedInput, call.request, where);
      return { failedSteps: step, reply, sent };
    }
    expect(reply.status, where).toBe(FAULTS[fault].status);
    expect(reply.headers['content-type'], where).toBe('application/problem+json');
    if (reply.status === 503) expect(['1', '2', '3'], where).toContain(reply.headers['retry-after']);
    expect(await state(), `${where}: nothing written`).toEqual(before);
    await expectClaimHeld(failedInput, call.request, where);
  }
  throw new Error(`${fault}: the request still met the fault after ${MAX_STEPS} steps`);
};

/**
 * The same walk for a run that is not an API call (a job, a workflow task): each failed run must throw
 * (so its caller, the scheduler, the state machine or the stream, retries it) and, given `state`, leave
 * nothing of itself stored. A job that commits item by item passes no `state`: a failed run may have
 * done part of its work, and the test checks after the walk that the parts add up to one run's.
 * Returns how many runs failed and what the last one returned.
 */
export const walkRun = async <T>(
  fault: FaultName,
  run: () => Promise<T>,
  state: (() => Promise<unknown>) | undefined,
  /** What the caller retries: each failed run's error must be one of these (by name). */
  retried: readonly string[],
  maxSteps = MAX_STEPS,
): Promise<{ failedSteps: number; result: T }> => {
  tally.walks += 1;
  for (let step = 1; step <= maxSteps; step++) {
    const before = await state?.();
    faults.arm(step, fault);
    const outcome = await run().then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    const { failed, sent } = faults.disarm();
    if (!failed) {
      if ('error' in outcome) throw outcome.error;
      return { failedSteps: step - 1, result: outcome.result };
    }
    const where = `${fault} at command ${step} (${failed}) of ${sent.join(', ')}`;
    count('error');
    expect(outcome, `${where}: the run must fail`).toHaveProperty('error');
    const { name } = (outcome as { error: Error }).error;
    expect(retried, `${where}: its caller retries ${name}`).toContain(name);
    if (state) expect(await state(), `${where}: nothing written`).toEqual(before);
  }
  throw new Error(`${fault}: the run still met the fault after ${maxSteps} steps`);
};
