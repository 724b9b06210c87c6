import { randomUUID } from 'node:crypto';
import { SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DYNAMODB_CONTENTION,
  STEP_FUNCTIONS_FAILURE,
  TRANSIENT_LAMBDA_ERRORS,
} from '../../infra/constructs/issue-workflow';
import { readLedger } from '../../shared/repositories/issues';
import { awaitDecision } from '../../shared/usecases/workflow/await-decision';
import { recordWorkflowFailure } from '../../shared/usecases/workflow/record-failure';
import { routeEscalation } from '../../shared/usecases/workflow/route-escalation';
import { ISSUE_BUSY } from '../../shared/workflow/workflow-steps';
import { invoke } from '../../tools/lambda-events';
import { onlyTransactionsMeet } from '../support/dynamo-faults';
import { expectConsistent, FAULT_NAMES, issueState, walkRun } from '../support/fault-walk';
import { issueFunctions } from '../support/issue-functions';
import { SFN_FAULT_NAMES, SFN_FAULTS } from '../support/sfn-faults';
import { deliverPending } from '../support/workflow-outbox';
import { act, createEnterprise, departmentOf, raiseIssue } from './issue-fixtures';
import { createDepartment, operator } from './master-data-fixtures';

/**
 * Fault injection into the workflow's other tasks (issue 15 §6), the use cases behind Route
 * escalation, the callback waits (Await dispatch / resolution / …, which register their task token)
 * and Record failure: each run with its k-th DynamoDB command failing must throw an error the task's
 * Retry names and store nothing; the run after the faults does the step once. Outcomes are read as a
 * caller sees them (the task's result, the issue through its repository, the ledger, the counters,
 * the Step Functions calls made), not from how the workflow's bookkeeping is stored.
 */
const RETRIED = [...TRANSIENT_LAMBDA_ERRORS, ...DYNAMODB_CONTENTION, ...STEP_FUNCTIONS_FAILURE, ISSUE_BUSY];

const sfn = mockClient(SFNClient);
afterAll(() => sfn.restore());
beforeEach(() => {
  sfn.reset();
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'started', startDate: new Date() });
  sfn.on(SendTaskSuccessCommand).resolves({});
});

/** An issue escalated to a unit of its own, its execution started (the stream delivered the start). */
const escalated = async () => {
  const { id: enterpriseId } = await createEnterprise();
  const unitId = (await createDepartment()).id;
  const { id } = await raiseIssue(enterpriseId);
  await act(id, 'escalate', operator, { unitId, dueWorkingDays: 3 });
  expect((await deliverPending(id)).batchItemFailures).toEqual([]);
  return { id, unitId };
};

/** The answers Step Functions was sent for a task token (each a SendTaskSuccess's output). */
const answersTo = (taskToken: string) =>
  sfn
    .commandCalls(SendTaskSuccessCommand)
    .map((call) => call.args[0].input)
    .filter((input) => input.taskToken === taskToken)
    .map((input) => JSON.parse(input.output ?? 'null'));

const resolve = (id: string, unitId: string) =>
  act(id, 'resolution', departmentOf(unitId), { resolution: '已协调用地指标' });

describe.each(FAULT_NAMES)('under %s at every step of a workflow task', (fault) => {
  // Only transactions meet a conflict; a task that sends none passes that fault by.
  const faulted = onlyTransactionsMeet(fault) ? 0 : 1;

  it('Route escalation answers the first wait, and stores nothing', async () => {
    const { id, unitId } = await escalated();
    const { failedSteps, result } = await walkRun(
      fault,
      () => routeEscalation(id),
      () => issueState(id, [unitId]),
      RETRIED,
    );
    expect(failedSteps).toBeGreaterThanOrEqual(faulted);
    expect(result).toEqual({ next: 'await_resolution' });
  });

  /** Await resolution registering `taskToken` for the issue, walked under the fault. */
  const walkAwaitResolution = (id: string, unitId: string, taskToken: string) =>
    walkRun(
      fault,
      () => awaitDecision({ issueId: id, waitingFor: 'resolution', seq: 1, taskToken }),
      () => issueState(id, [unitId]),
      RETRIED,
    );

  it('Await resolution registers its wait once: the resolution then answers it, once', async () => {
    const { id, unitId } = await escalated();
    const taskToken = `token-${randomUUID()}`;
    const { failedSteps, result } = await walkAwaitResolution(id, unitId, taskToken);
    expect(failedSteps).toBeGreaterThanOrEqual(faulted);
    expect(result).toBe('registered');

    await resolve(id, unitId);
    expect((await deliverPending(id)).batchItemFailures).toEqual([]);
    expect(answersTo(taskToken)).toEqual([{ seq: 1, kind: 'resolved' }]);
    await expectConsistent(id, [unitId]);
  });

  it('Await resolution, the resolution recorded before it, answers at once with it', async () => {
    const { id, unitId } = await escalated();
    await resolve(id, unitId);
    const taskToken = `token-${randomUUID()}`;
    const { failedSteps, result } = await walkAwaitResolution(id, unitId, taskToken);
    expect(failedSteps).toBeGreaterThanOrEqual(faulted);
    expect(result).toBe('already_decided');
    expect(answersTo(taskToken)).toEqual([{ seq: 1, kind: 'resolved' }]);
  });

  it('Record failure marks the workflow failed once', async () => {
    const { id, unitId } = await escalated();
    const { failedSteps, result } = await walkRun(
      fault,
      () => recordWorkflowFailure(id, { error: 'States.Timeout', cause: 'the wait timed out' }),
      () => issueState(id, [unitId]),
      RETRIED,
    );
    expect(failedSteps).toBeGreaterThan(0);
    expect(result?.id).toBe(id);
    const actions = (await readLedger(id)).map((entry) => entry.action);
    expect(actions).toEqual(['raised', 'escalated', 'workflow_failed']);
    // Until an operator restarts it, the unit's decisions are refused.
    const refused = await invoke(issueFunctions, {
      routeKey: 'POST /issues/{issueId}/resolution',
      pathParameters: { issueId: id },
      claims: departmentOf(unitId),
      body: { resolution: '已协调用地指标' },
    });
    expect(refused.status).toBe(409);
    await expectConsistent(id, [unitId]);
  });
});

describe.each(SFN_FAULT_NAMES)('Await resolution when Step Functions fails (%s)', (fault) => {
  it('throws an error the task retries; the retry answers the wait once', async () => {
    const { id, unitId } = await escalated();
    await resolve(id, unitId);
    const taskToken = `token-${randomUUID()}`;
    const wait = () => awaitDecision({ issueId: id, waitingFor: 'resolution', seq: 1, taskToken });
    sfn.on(SendTaskSuccessCommand).rejectsOnce(SFN_FAULTS[fault]()).resolves({});

    const failed = await wait().catch((error: Error) => error);
    expect(RETRIED, `the task retries ${(failed as Error).name}`).toContain((failed as Error).name);
    expect(await wait()).toBe('already_decided');
    // Both runs sent the same answer; the first never arrived.
    expect(answersTo(taskToken)).toEqual([
      { seq: 1, kind: 'resolved' },
      { seq: 1, kind: 'resolved' },
    ]);
  });
});
