import { describe, expect, it } from 'vitest';
import { executionArnFor } from '../../shared/workflow/execution-arn';
import { failWait } from '../../shared/workflow/task-signals';
import { refusalOf } from '../support/refusal';
import {
  apply,
  describeExecution,
  ENTERPRISE,
  escalate,
  executionEnded,
  executionStarted,
  expectLedgerIntact,
  issueOf,
  newUnit,
  on,
  raiseIssue,
  signal,
  statesEntered,
  waitingFor,
} from './issue-driver';

describe('issue workflow: failures', () => {
  it('a failed wait is recorded on the issue and fails the execution; decisions are refused until repaired', async () => {
    const issueId = await raiseIssue(on('2026-03-02', '09:00'));
    await escalate(issueId, on('2026-03-02'));
    const { token } = await waitingFor(issueId, 'dispatch', 1);

    expect(await failWait(token, 'DispatchSystemDown', 'the dispatch desk could not be reached')).toBe(
      'delivered',
    );
    const execution = await executionEnded(issueId);

    expect(execution).toMatchObject({ status: 'FAILED', error: 'DispatchSystemDown' });
    const issue = await issueOf(issueId);
    expect(issue.status).toBe('awaiting_dispatch');
    expect(issue.workflow?.failure).toEqual({
      error: 'DispatchSystemDown',
      cause: 'the dispatch desk could not be reached',
    });
    const ledger = await expectLedgerIntact(issueId);
    expect(ledger.at(-1)).toMatchObject({
      action: 'workflow_failed',
      actor: { sub: 'workflow', role: 'system' },
      data: { error: 'DispatchSystemDown' },
    });
    expect(
      await refusalOf(apply(issueId, { type: 'dispatch', unitId: newUnit() }, on('2026-03-03'))),
    ).toMatchObject({
      statusCode: 409,
      code: 'INVALID_TRANSITION',
    });
    expect((await statesEntered(issueId)).slice(-2)).toEqual(['Record failure', 'Failed']);
  });

  it('a task whose function fails is recorded the same way (Supervise for a year the calendar lacks)', async () => {
    const issueId = await raiseIssue(on('2026-03-02', '09:00'));
    await escalate(issueId, on('2026-03-02'), newUnit());
    await waitingFor(issueId, 'resolution', 1);

    await signal(issueId, 'Overdue', on('2031-03-03', '00:00'));
    const execution = await executionEnded(issueId);

    expect(execution).toMatchObject({ status: 'FAILED', error: 'CalendarYearMissingError' });
    const issue = await issueOf(issueId);
    expect(issue.status).toBe('assigned');
    expect(issue.workflow?.failure?.error).toBe('CalendarYearMissingError');
    expect(issue.workflow?.failure?.cause).toMatch(/2031/);
    await expectLedgerIntact(issueId);
    expect((await statesEntered(issueId)).slice(-3)).toEqual(['Supervise', 'Record failure', 'Failed']);
  });

  it('an operator’s restart puts the repaired issue on a new execution that starts at its wait and runs to the end', async () => {
    const issueId = await raiseIssue(on('2026-03-02', '09:00'));
    await escalate(issueId, on('2026-03-02'));
    const { token } = await waitingFor(issueId, 'dispatch', 1);
    await failWait(token, 'DispatchSystemDown', 'the dispatch desk could not be reached');
    await executionEnded(issueId);

    const restartedArn = executionArnFor(issueId, 1);
    await apply(
      issueId,
      { type: 'restart_workflow', executionArnOf: (n) => executionArnFor(issueId, n) },
      on('2026-03-03'),
    );
    await executionStarted(issueId);
    const restarted = await issueOf(issueId);
    expect(restarted).toMatchObject({ status: 'awaiting_dispatch', executionArn: restartedArn });
    expect(restarted.workflow).toMatchObject({ restarts: 1, signals: [] });
    expect(restarted.workflow?.failure).toBeUndefined();

    await waitingFor(issueId, 'dispatch', 1);
    const unitId = newUnit();
    await apply(issueId, { type: 'dispatch', unitId }, on('2026-03-03'));
    await waitingFor(issueId, 'resolution', 2);
    await apply(issueId, { type: 'resolve', resolution: '已解决' }, on('2026-03-04'), {
      sub: 'u',
      role: 'department',
    });
    await waitingFor(issueId, 'verdict', 3);
    await apply(issueId, { type: 'feedback', verdict: 'satisfied' }, on('2026-03-05'), ENTERPRISE);

    expect(await executionEnded(issueId, 1)).toMatchObject({ status: 'SUCCEEDED' });
    expect(await describeExecution(issueId)).toMatchObject({ status: 'FAILED' });
    expect((await issueOf(issueId)).status).toBe('closed');
    const ledger = await expectLedgerIntact(issueId);
    expect(ledger.map((entry) => entry.action)).toContain('workflow_restarted');
  });
});
