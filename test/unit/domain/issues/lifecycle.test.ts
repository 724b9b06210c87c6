import { describe, expect, it } from 'vitest';
import { builtInCalendar } from '../../../../shared/domain/calendar';
import type { IssueCommand } from '../../../../shared/domain/issues/commands';
import type { Issue } from '../../../../shared/domain/issues/issue';
import { decide, type Transition, TransitionRefused } from '../../../../shared/domain/issues/lifecycle';
import { DEFAULT_ISSUE_POLICY } from '../../../../shared/domain/issues/policy';
import { openIssue } from './fixtures';

const actor = { sub: 'op-1', role: 'operator' as const };
const policy = DEFAULT_ISSUE_POLICY;
const run = (issue: Issue, command: IssueCommand, today = '2026-03-02'): Transition =>
  decide(issue, command, { today, actor }, builtInCalendar(), policy);
const nextOf = (issue: Issue, command: IssueCommand, today?: string): Issue =>
  run(issue, command, today).next;
const escalated = (unitId = 'U1') =>
  nextOf(openIssue(), { type: 'escalate', unitId, dueWorkingDays: 5, executionArn: 'arn:exec:I1' });

describe('issue lifecycle', () => {
  it('escalates with a unit to assigned, due in working days, counted as assigned', () => {
    const transition = run(openIssue(), {
      type: 'escalate',
      unitId: 'U1',
      dueWorkingDays: 5,
      executionArn: 'arn',
    });
    expect(transition).toMatchObject({
      action: 'escalated',
      fromStatus: 'open',
      toStatus: 'assigned',
      signal: undefined,
    });
    // 2026-03-02 is a Monday: five working days later is the next Monday.
    expect(transition.next.assignment).toMatchObject({
      unitId: 'U1',
      dueDate: '2026-03-09',
      supervisionLevel: 0,
    });
    expect(transition.next.workflow).toMatchObject({ executionArn: 'arn', signals: [], startPending: true });
    expect(transition.counters).toEqual([{ unitId: 'U1', quarter: '2026Q1', counter: 'assigned', by: 1 }]);
  });

  it('escalates without a unit to awaiting_dispatch and dispatches with the default due days', () => {
    const waiting = nextOf(openIssue(), { type: 'escalate', executionArn: 'arn' });
    expect(waiting.status).toBe('awaiting_dispatch');
    const dispatched = run(waiting, { type: 'dispatch', unitId: 'U2' });
    expect(dispatched).toMatchObject({ toStatus: 'assigned', signal: 'dispatched' });
    expect(dispatched.next.assignment?.dueDate).toBe(builtInCalendar().addWorkingDays('2026-03-02', 10));
  });

  it('counts deadlines over holidays and make-up days', () => {
    const transition = run(
      openIssue(),
      { type: 'escalate', unitId: 'U1', dueWorkingDays: 5, executionArn: 'a' },
      '2026-09-30',
    );
    expect(transition.next.assignment?.dueDate).toBe('2026-10-13');
  });

  it('returns (退单) to awaiting_dispatch once the office accepts, dropping the assignment and counting the return', () => {
    const requested = nextOf(escalated(), { type: 'return', reasonCode: 'not_our_remit', note: 'customs' });
    const transition = run(requested, { type: 'decide_return', accept: true, reason: 'customs it is' });
    expect(transition).toMatchObject({ toStatus: 'awaiting_dispatch', signal: 'returned' });
    expect(transition.next.assignment).toBeUndefined();
    expect(transition.counters).toEqual([{ unitId: 'U1', quarter: '2026Q1', counter: 'returns', by: 1 }]);
  });

  it('resolves on time or late against the due date', () => {
    const onTime = run(escalated(), { type: 'resolve', resolution: 'done' }, '2026-03-09');
    expect(onTime.counters).toEqual([{ unitId: 'U1', quarter: '2026Q1', counter: 'resolvedOnTime', by: 1 }]);
    expect(onTime.next).toMatchObject({ status: 'awaiting_feedback', followUpDeadline: '2026-03-16' });
    const late = run(escalated(), { type: 'resolve', resolution: 'done' }, '2026-03-11');
    expect(late.counters).toEqual([
      { unitId: 'U1', quarter: '2026Q1', counter: 'resolvedLate', by: 1 },
      { unitId: 'U1', quarter: '2026Q1', counter: 'overdueWorkingDays', by: 2 },
    ]);
  });

  it('closes on a satisfied verdict and records the closure', () => {
    const resolved = nextOf(escalated(), { type: 'resolve', resolution: 'done' });
    const transition = run(resolved, { type: 'feedback', verdict: 'basically_satisfied' });
    expect(transition).toMatchObject({ toStatus: 'closed', signal: 'closed' });
    expect(transition.next.closure).toBe('basically_satisfied');
    expect(transition.counters).toEqual([
      { unitId: 'U1', quarter: '2026Q1', counter: 'verdictBasicallySatisfied', by: 1 },
    ]);
  });

  it('re-reviews an unsatisfied verdict until the allowed re-reviews are used, then goes to consultation', () => {
    let issue = escalated();
    for (let round = 1; round <= policy.maxReReviews; round++) {
      issue = nextOf(issue, { type: 'resolve', resolution: `attempt ${round}` });
      const transition = run(issue, { type: 'feedback', verdict: 'unsatisfied' });
      expect(transition).toMatchObject({ action: 're_review', toStatus: 'assigned', signal: 're_review' });
      expect(transition.counters.map((delta) => delta.counter)).toEqual(['verdictUnsatisfied', 'reReviews']);
      issue = transition.next;
      expect(issue.reReviewCount).toBe(round);
    }
    issue = nextOf(issue, { type: 'resolve', resolution: 'last attempt' });
    const exhausted = run(issue, { type: 'feedback', verdict: 'unsatisfied' });
    expect(exhausted).toMatchObject({ toStatus: 'awaiting_consultation', signal: 'consultation' });
    expect(exhausted.counters.map((delta) => delta.counter)).toEqual(['verdictUnsatisfied', 'consultations']);
  });

  it('sends an unsatisfied on-the-spot resolution back to open', () => {
    const onSpot = nextOf(openIssue(), { type: 'resolve_on_spot', resolution: 'explained the rule' });
    expect(onSpot.status).toBe('awaiting_feedback');
    const transition = run(onSpot, { type: 'feedback', verdict: 'unsatisfied' });
    expect(transition).toMatchObject({ toStatus: 'open', signal: undefined });
    expect(transition.next.reReviewCount).toBe(1);
  });

  it('supervises an overdue assignment level by level, then puts it on the consultation agenda', () => {
    const first = run(escalated(), { type: 'supervise', workingDaysOverdue: 1 }, '2026-03-10');
    expect(first.next.assignment).toMatchObject({ supervisionLevel: 1, card: 'yellow', overdue: true });
    expect(first.counters.map((delta) => delta.counter)).toEqual(['supervisions', 'overdue']);
    const second = run(first.next, { type: 'supervise', workingDaysOverdue: 4 }, '2026-03-13');
    expect(second.next.assignment).toMatchObject({ supervisionLevel: 2, card: 'red' });
    expect(second.counters.map((delta) => delta.counter)).toEqual(['supervisions']);
    const third = run(second.next, { type: 'supervise', workingDaysOverdue: 7 }, '2026-03-18');
    expect(third).toMatchObject({ action: 'put_on_consultation_agenda', toStatus: 'awaiting_consultation' });
  });

  it('decides a consultation into a new assignment with co-units and a dispatch order', () => {
    const waiting = nextOf(escalated(), { type: 'request_consultation', note: 'needs land and power' });
    const transition = run(waiting, {
      type: 'decide',
      consultationId: 'C1',
      dispatchOrderId: '2026-0001',
      leadUnitId: 'U3',
      coUnitIds: ['U4'],
      dueWorkingDays: 3,
      note: 'U3 leads',
    });
    expect(transition).toMatchObject({ toStatus: 'assigned', signal: 'decided' });
    expect(transition.next.assignment).toMatchObject({
      unitId: 'U3',
      coUnitIds: ['U4'],
      dispatchOrderId: '2026-0001',
    });
  });

  it('extends a due date only once approved', () => {
    const requested = nextOf(escalated(), {
      type: 'request_extension',
      workingDays: 3,
      reason: 'waiting for survey',
    });
    expect(requested.assignment?.dueDate).toBe('2026-03-09');
    expect(() => run(requested, { type: 'request_extension', workingDays: 1, reason: 'again' })).toThrow(
      TransitionRefused,
    );
    const approved = nextOf(requested, { type: 'approve_extension' });
    expect(approved.assignment).toMatchObject({ dueDate: '2026-03-12', pendingExtension: undefined });
  });

  it('closes as no_response, never as satisfied', () => {
    const resolved = nextOf(escalated(), { type: 'resolve', resolution: 'done' });
    const transition = run(resolved, { type: 'close_no_response' });
    expect(transition.next).toMatchObject({ status: 'closed', closure: 'no_response' });
    expect(transition.counters.map((delta) => delta.counter)).toEqual(['noResponse']);
  });

  it('refuses what the status does not allow', () => {
    expect(() => run(openIssue(), { type: 'resolve', resolution: 'x' })).toThrow(TransitionRefused);
    expect(() => run(escalated(), { type: 'feedback', verdict: 'satisfied' })).toThrow(TransitionRefused);
    expect(() => run(openIssue({ status: 'closed' }), { type: 'escalate', executionArn: 'a' })).toThrow(
      TransitionRefused,
    );
  });

  it('refuses decisions once the workflow has failed, but records the failure itself', () => {
    const failed = nextOf(escalated(), { type: 'record_failure', error: 'Lambda.Unknown', cause: 'boom' });
    expect(failed.workflow?.failure).toEqual({ error: 'Lambda.Unknown', cause: 'boom' });
    expect(() => run(failed, { type: 'resolve', resolution: 'x' })).toThrow(/workflow failed/);
  });

  it('puts a failed issue on a new execution where it stood, with fresh signals, and counts the restarts', () => {
    const failed = nextOf(escalated(), { type: 'record_failure', error: 'Lambda.Unknown', cause: 'boom' });
    const restart = run(failed, { type: 'restart_workflow', executionArnOf: (n) => `arn:exec:I1-r${n}` });

    expect(restart).toMatchObject({
      action: 'workflow_restarted',
      fromStatus: 'assigned',
      toStatus: 'assigned',
      data: { failedExecutionArn: 'arn:exec:I1', error: 'Lambda.Unknown' },
    });
    expect(restart.next.workflow).toEqual({
      executionArn: 'arn:exec:I1-r1',
      signals: [],
      startPending: true,
      restarts: 1,
    });
    expect(restart.next.executionArn).toBe('arn:exec:I1-r1');
    expect(restart.next.assignment).toEqual(failed.assignment);
    expect(() => run(restart.next, { type: 'resolve', resolution: 'x' })).not.toThrow();
    const again = nextOf(restart.next, { type: 'record_failure', error: 'Lambda.Unknown', cause: 'boom' });
    expect(
      nextOf(again, { type: 'restart_workflow', executionArnOf: (n) => `arn:exec:I1-r${n}` }).workflow
        ?.restarts,
    ).toBe(2);
  });

  it('refuses a restart of a workflow that has not failed', () => {
    expect(() =>
      run(escalated(), { type: 'restart_workflow', executionArnOf: (n) => `arn:exec:I1-r${n}` }),
    ).toThrow(/has not failed/);
    expect(() =>
      run(openIssue(), { type: 'restart_workflow', executionArnOf: (n) => `arn:exec:I1-r${n}` }),
    ).toThrow(TransitionRefused);
  });
});
