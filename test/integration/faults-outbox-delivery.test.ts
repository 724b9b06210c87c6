import { randomUUID } from 'node:crypto';
import {
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { findIssue, readLedger } from '../../shared/repositories/issues';
import { awaitDecision } from '../../shared/usecases/workflow/await-decision';
import { onlyTransactionsMeet } from '../support/dynamo-faults';
import { expectConsistent, FAULT_NAMES, walkRun } from '../support/fault-walk';
import { SFN_FAULT_NAMES, SFN_FAULTS } from '../support/sfn-faults';
import { deliverPending, signalOverdue } from '../support/workflow-outbox';
import { act, createEnterprise, departmentOf, raiseIssue } from './issue-fixtures';
import { createDepartment, operator } from './master-data-fixtures';

/**
 * Fault injection into the outbox's delivery (functions/workflow/deliver-signals on the table's
 * stream, issue 15 §6): with a DynamoDB command or a Step Functions call failing, the record is
 * reported, so the stream delivers it again; once a delivery gets through, Step Functions has had
 * the start or the answer (the same one each time it was sent: sending twice is harmless, a start
 * by name and an answer by token), nothing is left to deliver, and the issue, its ledger and its
 * counters are as a delivery without faults leaves them: untouched.
 */
class StreamRetries extends Error {
  override readonly name = 'StreamRetries';
}

const sfn = mockClient(SFNClient);
afterAll(() => sfn.restore());
beforeEach(() => {
  sfn.reset();
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'started', startDate: new Date() });
  sfn.on(SendTaskSuccessCommand).resolves({});
  sfn.on(SendTaskFailureCommand).resolves({});
});

/** One delivery of what the issue's stream records carry; a reported record is retried by the stream. */
const delivery = (issueId: string) => async () => {
  const { batchItemFailures } = await deliverPending(issueId);
  if (batchItemFailures.length > 0) throw new StreamRetries(`issue ${issueId}: record reported`);
};

/** Every Step Functions call made, by command, with its input. */
const sfnCalls = () =>
  sfn.calls().map((call) => {
    const command = call.args[0] as unknown as {
      constructor: { name: string };
      input: Record<string, unknown>;
    };
    return { command: command.constructor.name, ...command.input };
  });

/** The issue as people see it: its version, status and ledger (the outbox is bookkeeping beside). */
const visible = async (issueId: string) => ({
  version: (await findIssue(issueId))?.issue.version,
  status: (await findIssue(issueId))?.issue.status,
  ledger: await readLedger(issueId),
});

type Pending = 'start' | 'decision' | 'overdue';

/** An issue whose outbox holds `pending`: its execution's start, a decision's answer, the sweep's signal. */
const withPending = async (pending: Pending) => {
  const { id: enterpriseId } = await createEnterprise();
  const unitId = (await createDepartment()).id;
  const { id } = await raiseIssue(enterpriseId);
  await act(id, 'escalate', operator, { unitId, dueWorkingDays: 3 });
  if (pending === 'start') return { id, unitId };
  await delivery(id)();
  const taskToken = `token-${randomUUID()}`;
  expect(await awaitDecision({ issueId: id, waitingFor: 'resolution', seq: 1, taskToken })).toBe(
    'registered',
  );
  if (pending === 'decision') {
    await act(id, 'resolution', departmentOf(unitId), { resolution: '已协调用地指标' });
  } else {
    expect(await signalOverdue(id, taskToken)).toBe(true);
  }
  sfn.resetHistory();
  return { id, unitId };
};

/** What Step Functions must have been sent, once or more, and nothing else. */
const expectedCall = (pending: Pending) =>
  ({
    start: { command: 'StartExecutionCommand' },
    decision: { command: 'SendTaskSuccessCommand', output: JSON.stringify({ seq: 1, kind: 'resolved' }) },
    overdue: { command: 'SendTaskFailureCommand', error: 'Overdue' },
  })[pending];

/** Every call sent the one start or answer; a further delivery finds nothing left. */
const expectDeliveredOnce = async (issueId: string, pending: Pending, sends = 1) => {
  const calls = sfnCalls();
  expect(calls.length).toBeGreaterThanOrEqual(sends);
  for (const call of calls) expect(call).toMatchObject(expectedCall(pending));
  expect(new Set(calls.map((call) => JSON.stringify(call))).size, 'each send the same').toBe(1);
  sfn.resetHistory();
  await delivery(issueId)();
  expect(sfnCalls(), 'nothing left to deliver').toEqual([]);
};

const PENDING: Pending[] = ['start', 'decision', 'overdue'];

describe.each(FAULT_NAMES)('the outbox delivery under %s at every DynamoDB step', (fault) => {
  it.each(PENDING)('delivers the %s once the stream retries it', async (pending) => {
    const { id, unitId } = await withPending(pending);
    const before = await visible(id);
    const { failedSteps } = await walkRun(fault, delivery(id), undefined, [StreamRetries.name]);
    // Only the decision's answer is cleared in a transaction (beside nothing else today, so a
    // conflict may find none to fail).
    if (!onlyTransactionsMeet(fault)) expect(failedSteps).toBeGreaterThan(0);
    await expectDeliveredOnce(id, pending);
    expect(await visible(id)).toEqual(before);
    await expectConsistent(id, [unitId]);
  });
});

const SFN_COMMANDS = {
  start: StartExecutionCommand,
  decision: SendTaskSuccessCommand,
  overdue: SendTaskFailureCommand,
} as const;

describe.each(SFN_FAULT_NAMES)('the outbox delivery when Step Functions fails (%s)', (fault) => {
  it.each(PENDING)('keeps the %s for the stream to deliver again', async (pending) => {
    const { id, unitId } = await withPending(pending);
    const before = await visible(id);
    sfn.on(SFN_COMMANDS[pending] as never).rejectsOnce(SFN_FAULTS[fault]());

    await expect(delivery(id)()).rejects.toBeInstanceOf(StreamRetries);
    await delivery(id)();

    // The refused send and the one that got through.
    await expectDeliveredOnce(id, pending, 2);
    expect(await visible(id)).toEqual(before);
    await expectConsistent(id, [unitId]);
  });
});
