import { describe, expect, it } from 'vitest';
import { DYNAMODB_CONTENTION, TRANSIENT_LAMBDA_ERRORS } from '../../infra/constructs/issue-workflow';
import { readLedger } from '../../shared/repositories/issues';
import { closeWithoutResponse } from '../../shared/usecases/workflow/close-no-response';
import { superviseOverdueIssue } from '../../shared/usecases/workflow/supervise';
import { ISSUE_BUSY } from '../../shared/workflow/workflow-steps';
import { expectConsistent, FAULT_NAMES, issueState, walkRun } from '../support/fault-walk';
import { act, createEnterprise, departmentOf, raiseIssue } from './issue-fixtures';
import { createDepartment, operator } from './master-data-fixtures';

/**
 * Fault injection into the workflow's automatic tasks (issue 15 §6), the use cases the state machine's
 * Supervise and Close out (no response) invoke: each run with its k-th DynamoDB command failing must
 * throw an error the task's Retry names (so the execution tries again instead of failing the issue's
 * workflow) and store nothing; the run after the faults does the step once.
 */
const RETRIED = [...TRANSIENT_LAMBDA_ERRORS, ...DYNAMODB_CONTENTION, ISSUE_BUSY];

/**
 * An instant past a due date three working days out and the follow-up deadline of a resolution made
 * today, even across a long holiday. Near a quarter's end it falls in the next quarter, and so do the
 * counts of the step acting at it: the checks read every quarter's counters (fault-walk.ts).
 */
const later = () => new Date(Date.now() + 20 * 24 * 3600 * 1000).toISOString();

describe.each(FAULT_NAMES)('under %s at every step of a workflow task', (fault) => {
  it('Supervise raises the supervision level once', async () => {
    const { id: enterpriseId } = await createEnterprise();
    const unitId = (await createDepartment()).id;
    const { id } = await raiseIssue(enterpriseId);
    await act(id, 'escalate', operator, { unitId, dueWorkingDays: 3 });
    const at = later();

    const { failedSteps, result } = await walkRun(
      fault,
      () => superviseOverdueIssue(id, at),
      () => issueState(id, [unitId]),
      RETRIED,
    );

    expect(failedSteps).toBeGreaterThan(0);
    expect(result.next).toMatch(/^await_/);
    const actions = (await readLedger(id)).map((entry) => entry.action);
    expect(actions.slice(0, 2)).toEqual(['raised', 'escalated']);
    expect(actions).toHaveLength(3);
    await expectConsistent(id, [unitId]);
  });

  it('Close out (no response) closes the issue once', async () => {
    const { id: enterpriseId } = await createEnterprise();
    const unitId = (await createDepartment()).id;
    const { id } = await raiseIssue(enterpriseId);
    await act(id, 'escalate', operator, { unitId, dueWorkingDays: 3 });
    await act(id, 'resolution', departmentOf(unitId), { resolution: '已协调用地指标' });

    const { failedSteps, result } = await walkRun(
      fault,
      () => closeWithoutResponse(id, later()),
      () => issueState(id, [unitId]),
      RETRIED,
    );

    expect(failedSteps).toBeGreaterThan(0);
    expect(result).toEqual({ next: 'closed' });
    expect((await readLedger(id)).map((entry) => entry.action)).toEqual([
      'raised',
      'escalated',
      'resolved',
      'closed',
    ]);
    await expectConsistent(id, [unitId]);
  });
});
