import { randomUUID } from 'node:crypto';
import {
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { ScheduledEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler as dailySweep } from '../../functions/jobs/daily-sweep/handler';
import { JobIncomplete } from '../../shared/jobs/scheduled-job-handler';
import { findIssue, readLedger } from '../../shared/repositories/issues';
import { forgetProgramCalendar, programCalendar } from '../../shared/usecases/calendar/program-calendar';
import type { DailySweepRun } from '../../shared/usecases/jobs/daily-sweep';
import { awaitDecision } from '../../shared/usecases/workflow/await-decision';
import { superviseOverdueIssue } from '../../shared/usecases/workflow/supervise';
import { FAULTS } from '../support/dynamo-faults';
import { expectConsistent, FAULT_NAMES, walkRun } from '../support/fault-walk';
import { createOwnTables } from '../support/own-tables';
import { deliverPending } from '../support/workflow-outbox';
import { act, createEnterprise, raiseIssue } from './issue-fixtures';
import { createDepartment, operator } from './master-data-fixtures';

/*
 * Isolation: the sweep reads whole work queues (sparse indexes over the program table), and its
 * outbox step looks at every escalated issue whatever its dates. In the tables the integration files
 * share it would meet the issues of files running beside it: hand their outboxes to the stream again
 * (moving their workflowRev under their feet, which breaks their before/after comparisons), flag
 * their late sign-fors, and walk a number of DynamoDB commands that grows with whatever else ran. No
 * choice of dates keeps the outbox step off them, so this file runs in tables of its own: the same
 * template tables under a suffix, in the same DynamoDB Local, named here before any module reads the
 * names (test/support/own-tables.ts). Each fault's case also sweeps its own program date (asOf),
 * so every case reads its own day-close record.
 */
vi.hoisted(() => {
  for (const name of ['PROGRAM_TABLE', 'LEDGER_TABLE', 'IDEMPOTENCY_TABLE']) {
    process.env[name] = `${process.env[name]}-sweep-faults`;
  }
});

const sfn = mockClient(SFNClient);
afterAll(() => sfn.restore());

/** A sweep run walks ~40 commands (four queues of eight shards, the calendar, each issue's writes). */
const MAX_STEPS = 120;

/** The scheduler's event for the sweep of `asOf`: 00:30 in Shanghai, as its rule fires. */
const scheduledFor = (asOf: string) =>
  ({ id: randomUUID(), time: new Date(`${asOf}T00:30:00+08:00`).toISOString() }) as ScheduledEvent;

/** One run as a fresh Lambda makes it: the calendar is read again, not taken from an earlier run. */
const sweep = async (asOf: string) => {
  forgetProgramCalendar();
  return (await dailySweep(scheduledFor(asOf))) as DailySweepRun;
};

/** An issue escalated today to a unit of its own, due `dueWorkingDays` out; its execution started. */
const assigned = async (dueWorkingDays: number) => {
  const unitId = (await createDepartment()).id;
  const { id: enterpriseId } = await createEnterprise();
  const { id } = await raiseIssue(enterpriseId);
  await act(id, 'escalate', operator, { unitId, dueWorkingDays });
  expect((await deliverPending(id)).batchItemFailures).toEqual([]);
  const dueDate = (await findIssue(id))?.issue.assignment?.dueDate;
  if (!dueDate) throw new Error(`issue ${id} has no due date`);
  return { id, dueDate, unitId };
};

/** The execution waits for the unit's resolution (its first wait), as Await resolution registers it. */
const waitingForResolution = async (issueId: string) => {
  const taskToken = `token-${randomUUID()}`;
  expect(await awaitDecision({ issueId, waitingFor: 'resolution', seq: 1, taskToken })).toBe('registered');
  return taskToken;
};

beforeAll(async () => {
  await createOwnTables('-sweep-faults');
}, 60_000);

beforeEach(() => {
  sfn.reset();
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'started', startDate: new Date() });
  sfn.on(SendTaskSuccessCommand).resolves({});
  sfn.on(SendTaskFailureCommand).resolves({});
});

describe.each(FAULT_NAMES.map((fault, i) => [fault, i] as const))('the daily sweep under %s', (fault, i) => {
  it('fails or reports every faulted run; after a clean one each overdue issue is signalled once', async () => {
    // Prepare: two overdue issues whose execution waits for the resolution, one due soon; none
    // signed for. Each case's due dates lie further out, so its asOf is its own.
    const days = 3 + 3 * i;
    const overdue = [await assigned(days), await assigned(days)];
    const tokens: string[] = [];
    for (const issue of overdue) tokens.push(await waitingForResolution(issue.id));
    const dueSoon = await assigned(days + 2);
    const asOf = (await programCalendar()).addWorkingDays(overdue[0]?.dueDate ?? '', 1);
    const ours = [...overdue, dueSoon];

    // The walk: every run with its k-th DynamoDB command failing throws, so Lambda retries it.
    const retried = [new JobIncomplete('').name, FAULTS[fault].error().name];
    const { failedSteps } = await walkRun(fault, () => sweep(asOf), undefined, retried, MAX_STEPS);
    expect(failedSteps).toBeGreaterThan(0);

    // One clean run finishes what the faulted ones left; the day counts each action once.
    const clean = await sweep(asOf);
    expect(clean.failures).toEqual([]);
    expect(clean.day).toMatchObject({
      asOf,
      overdueSignals: 2,
      newlyOverdue: 2,
      dueSoonCards: 1,
      signForLateFlags: 3,
    });
    // A further run finds nothing left to do: nothing was doubled.
    const again = await sweep(asOf);
    expect(again).toMatchObject({
      failures: [],
      overdue: { signalled: 0 },
      dueSoon: { cardsShown: 0 },
      signFor: { flaggedLate: 0 },
    });
    // Not even the undelivered Overdue answers are handed over again: the stream has them still.
    expect(again.day).toEqual(clean.day);

    // Each overdue execution gets one Overdue failure; Supervise then raises the level once.
    for (const { id } of ours) expect((await deliverPending(id)).batchItemFailures).toEqual([]);
    const failures = sfn.commandCalls(SendTaskFailureCommand).map((call) => call.args[0].input);
    expect(failures.map((input) => input.taskToken).sort()).toEqual([...tokens].sort());
    for (const [n, issue] of overdue.entries()) {
      const signal = failures.find((input) => input.taskToken === tokens[n]);
      expect(signal?.error).toBe('Overdue');
      await superviseOverdueIssue(issue.id, JSON.parse(signal?.cause ?? '{}').at);
      expect((await findIssue(issue.id))?.issue.assignment).toMatchObject({ supervisionLevel: 1 });
    }
    for (const { id, unitId } of ours) {
      const actions = (await readLedger(id)).map((entry) => entry.action);
      expect(actions.filter((action) => action === 'sign_for_late')).toHaveLength(1);
      await expectConsistent(id, [unitId]);
    }
  }, 600_000);
});
