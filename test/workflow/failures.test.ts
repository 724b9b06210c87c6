import { describe, expect, it } from 'vitest';
import { failWait } from '../../shared/workflow/task-signals';
import { refusalOf } from '../support/refusal';
import {
  apply,
  escalate,
  executionEnded,
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
});
