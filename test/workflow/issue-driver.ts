import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  GetExecutionHistoryCommand,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { tableNames } from '../../shared/config';
import { documentClient } from '../../shared/db/client';
import { scoringKeys } from '../../shared/db/keys';
import { newId } from '../../shared/domain/ids';
import { type IssueCommand, UNIT_COUNTERS, type UnitCounter } from '../../shared/domain/issues/commands';
import type { Actor, Issue, WaitKind } from '../../shared/domain/issues/issue';
import { chainEntry, GENESIS_HASH, verifyChain } from '../../shared/domain/ledger/hash-chain';
import { enqueueWaitFailure } from '../../shared/repositories/issue-workflow';
import { findIssue, insertIssue, readLedger } from '../../shared/repositories/issues';
import { applyIssueCommand } from '../../shared/usecases/issues/apply-issue-command';
import type { AutomaticSignalCause } from '../../shared/workflow/automatic-signals';
import { executionArnFor } from '../../shared/workflow/execution-arn';
import { sfnClient } from '../../shared/workflow/sfn-client';

/** Drives issues through their lifecycle the way the API and the daily sweep do, and reads back what happened. */

export const OPERATOR: Actor = { sub: 'test-operator', role: 'operator' };
export const DEPARTMENT: Actor = { sub: 'test-department', role: 'department' };
export const ENTERPRISE: Actor = { sub: 'test-enterprise', role: 'enterprise' };
export const LEADER: Actor = { sub: 'test-leader', role: 'leader' };

/** A program instant (Asia/Shanghai) on a 2026 date: the built-in calendar covers 2025–2026. */
export const on = (date: string, time = '10:00'): string => `${date}T${time}:00+08:00`;

/** A unit nobody else uses, so its quarter counters count this test's issue only. */
export const newUnit = (): string => `U${newId()}`;

/** An open issue with its first ledger entry, as raising one writes it. */
export const raiseIssue = async (at: string): Promise<string> => {
  const id = newId();
  const raisedBy: Actor = { sub: 'test-cadre', role: 'cadre' };
  const entry = chainEntry(
    {
      issueId: id,
      seq: 1,
      at,
      actor: raisedBy,
      action: 'raised',
      fromStatus: null,
      toStatus: 'open',
      data: {},
    },
    GENESIS_HASH,
  );
  const issue: Issue = {
    id,
    enterpriseId: `E${newId()}`,
    gridId: 'G-workflow',
    townUnitId: 'T-workflow',
    category: 'land',
    title: 'Dormitories for new workers',
    description: 'The enterprise needs housing for its workers',
    source: 'visit',
    raisedBy,
    status: 'open',
    reReviewCount: 0,
    ledgerHead: { seq: 1, hash: entry.hash },
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await insertIssue(issue, entry);
  return id;
};

export const apply = (issueId: string, command: IssueCommand, at: string, actor = OPERATOR) =>
  applyIssueCommand({ issueId, actor, command, at });

/** Escalation as the issues API does it: the commit, with the start pending in the outbox. */
export const escalateOnly = (issueId: string, at: string, unitId?: string) =>
  apply(issueId, { type: 'escalate', unitId, executionArn: executionArnFor(issueId) }, at);

export const issueOf = async (issueId: string): Promise<Issue> => {
  const stored = await findIssue(issueId);
  if (!stored) throw new Error(`issue ${issueId} not found`);
  return stored.issue;
};

const waitUntil = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** Resolves once the stream's delivery function has started the pending execution (the flag cleared). */
export const executionStarted = (issueId: string) =>
  waitUntil(`the execution of ${issueId} to start`, async () =>
    (await issueOf(issueId)).workflow?.startPending ? undefined : true,
  );

/** Escalation, and the stream's delivery function starting the execution. */
export const escalate = async (issueId: string, at: string, unitId?: string) => {
  await escalateOnly(issueId, at, unitId);
  await executionStarted(issueId);
};

/** Resolves once the execution waits (token stored on the issue) for decision `seq` of kind `waitingFor`. */
export const waitingFor = (issueId: string, waitingFor: WaitKind, seq: number) =>
  waitUntil(`issue ${issueId} to wait for ${waitingFor} #${seq}`, async () => {
    const wait = (await issueOf(issueId)).workflow?.wait;
    return wait?.waitingFor === waitingFor && wait.seq === seq ? wait : undefined;
  });

/** The issue's execution; `restart` n is the one an operator's n-th restart started. */
export const describeExecution = (issueId: string, restart = 0) =>
  sfnClient.send(new DescribeExecutionCommand({ executionArn: executionArnFor(issueId, restart) }));

export const executionEnded = (issueId: string, restart = 0): Promise<DescribeExecutionCommandOutput> =>
  waitUntil(`execution of ${issueId} to end`, async () => {
    const execution = await describeExecution(issueId, restart);
    return execution.status === 'RUNNING' ? undefined : execution;
  });

/**
 * An automatic signal as the daily sweep sends it: the execution's current wait is taken off the issue
 * and its failure (`Overdue` or `NoResponse`, carrying the sweep's instant) put in the outbox, which
 * the stream delivers. False when the wait was taken already (a decision got there first).
 */
export const enqueueSignal = async (issueId: string, error: 'Overdue' | 'NoResponse', at: string) => {
  const wait = (await issueOf(issueId)).workflow?.wait;
  if (!wait) throw new Error(`issue ${issueId} has no wait to signal`);
  return enqueueWaitFailure(issueId, wait.token, {
    error,
    cause: JSON.stringify({ at } satisfies AutomaticSignalCause),
    queuedAt: new Date().toISOString(),
  });
};

/** An automatic signal that must find the wait. */
export const signal = async (issueId: string, error: 'Overdue' | 'NoResponse', at: string) =>
  expect(await enqueueSignal(issueId, error, at)).toBe(true);

/** Resolves once nothing is left in the issue's outbox: the stream has delivered it. */
export const outboxDelivered = (issueId: string) =>
  waitUntil(`the outbox of ${issueId} to be delivered`, async () => {
    const workflow = (await issueOf(issueId)).workflow;
    return workflow?.delivery || workflow?.startPending ? undefined : true;
  });

/** The ledger is complete and intact: one entry per version, chained from the first to the issue's head. */
export const expectLedgerIntact = async (issueId: string) => {
  const [issue, ledger] = await Promise.all([issueOf(issueId), readLedger(issueId)]);
  expect(ledger).toHaveLength(issue.version);
  expect(verifyChain(ledger)).toEqual({ valid: true });
  expect(ledger.at(-1)?.hash).toBe(issue.ledgerHead.hash);
  return ledger;
};

/** A unit's counters for a quarter; counters never touched read as 0. */
export const countersOf = async (unitId: string, quarter: string): Promise<Record<UnitCounter, number>> => {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableNames.program, Key: scoringKeys.unitQuarterCounters(unitId, quarter) }),
  );
  return Object.fromEntries(
    UNIT_COUNTERS.map((counter) => [counter, Number(Item?.[counter] ?? 0)]),
  ) as Record<UnitCounter, number>;
};

/** Every counter 0 except those named. */
export const onlyCounters = (counts: Partial<Record<UnitCounter, number>>) =>
  Object.fromEntries(UNIT_COUNTERS.map((counter) => [counter, counts[counter] ?? 0]));

export const historyOf = async (issueId: string): Promise<HistoryEvent[]> => {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfnClient.send(
      new GetExecutionHistoryCommand({ executionArn: executionArnFor(issueId), nextToken }),
    );
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
};

/** The states the execution entered, in order. */
export const statesEntered = async (issueId: string): Promise<string[]> =>
  (await historyOf(issueId)).flatMap((event) => event.stateEnteredEventDetails?.name ?? []);
