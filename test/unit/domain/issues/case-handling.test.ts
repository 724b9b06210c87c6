import { describe, expect, it } from 'vitest';
import { builtInCalendar } from '../../../../shared/domain/calendar';
import { Conflict } from '../../../../shared/domain/errors';
import type { IssueCommand } from '../../../../shared/domain/issues/commands';
import type { Issue } from '../../../../shared/domain/issues/issue';
import { decide, type Transition, TransitionRefused } from '../../../../shared/domain/issues/lifecycle';
import { DEFAULT_ISSUE_POLICY } from '../../../../shared/domain/issues/policy';
import { programCountsOf } from '../../../../shared/domain/issues/program-counts';
import { publicIssue } from '../../../../shared/domain/issues/public-view';
import { needsSignForFlag } from '../../../../shared/domain/issues/sweep-rules';
import { openIssue } from './fixtures';

const actor = { sub: 'op-1', role: 'operator' as const };
const policy = DEFAULT_ISSUE_POLICY;
const run = (issue: Issue, command: IssueCommand, today = '2026-03-02'): Transition =>
  decide(issue, command, { today, actor, at: `${today}T10:00:00+08:00` }, builtInCalendar(), policy);
const walk = (issue: Issue, ...steps: [IssueCommand, string?][]): Issue =>
  steps.reduce((current, [command, today]) => run(current, command, today).next, issue);

// 2026-03-02 is a Monday.
const withCoUnits = () =>
  walk(openIssue(), [
    {
      type: 'escalate',
      unitId: 'LEAD',
      coUnitIds: ['CO1', 'CO2'],
      dueWorkingDays: 10,
      executionArn: 'arn',
    },
  ]);
const resolved = () =>
  walk(
    openIssue(),
    [{ type: 'escalate', unitId: 'U1', dueWorkingDays: 5, executionArn: 'arn' }],
    [{ type: 'resolve', resolution: '已协调' }, '2026-03-04'],
  );

describe('sign-for (签收)', () => {
  it('gives every assignment a sign-for window of one working day and records the signing', () => {
    const issue = withCoUnits();
    expect(issue.assignment?.signForBy).toBe('2026-03-03');
    const signed = run(issue, { type: 'sign_for' }, '2026-03-03');
    expect(signed.next.assignment).toMatchObject({ signedForOn: '2026-03-03' });
    expect(signed.next.assignment?.signForLate).toBeUndefined();
    expect(signed.counters).toEqual([]);
    expect(() => run(signed.next, { type: 'sign_for' })).toThrow(TransitionRefused);
  });

  it('flags an unsigned assignment once, past the window, and counts it for the unit', () => {
    const issue = withCoUnits();
    expect(() => run(issue, { type: 'flag_sign_for_late' }, '2026-03-03')).toThrow(TransitionRefused);
    const flagged = run(issue, { type: 'flag_sign_for_late' }, '2026-03-04');
    expect(flagged.next.assignment?.signForLate).toBe(true);
    expect(flagged.counters).toEqual([{ unitId: 'LEAD', quarter: '2026Q1', counter: 'signForLate', by: 1 }]);
    expect(() => run(flagged.next, { type: 'flag_sign_for_late' }, '2026-03-05')).toThrow(TransitionRefused);
    // Signing after the flag is late, but counted once.
    const signed = run(flagged.next, { type: 'sign_for' }, '2026-03-05');
    expect(signed.next.assignment).toMatchObject({ signedForOn: '2026-03-05', signForLate: true });
    expect(signed.counters).toEqual([]);
  });

  it('counts a late signing the sweep has not flagged yet', () => {
    const signed = run(withCoUnits(), { type: 'sign_for' }, '2026-03-06');
    expect(signed.counters).toEqual([{ unitId: 'LEAD', quarter: '2026Q1', counter: 'signForLate', by: 1 }]);
  });
});

describe('co-handling (协办)', () => {
  it('gives each co-unit its own due date, three working days by default', () => {
    expect(withCoUnits().assignment?.coUnits).toEqual([
      { unitId: 'CO1', dueDate: '2026-03-05' },
      { unitId: 'CO2', dueDate: '2026-03-05' },
    ]);
  });

  it('records a co-unit’s part once, late ones counted for the co-unit itself', () => {
    const onTime = run(withCoUnits(), { type: 'co_report', unitId: 'CO1', text: '已核实用地' }, '2026-03-05');
    expect(onTime.next.assignment?.coReports).toEqual([
      { unitId: 'CO1', text: '已核实用地', on: '2026-03-05', late: false },
    ]);
    expect(onTime.counters).toEqual([]);
    expect(() => run(onTime.next, { type: 'co_report', unitId: 'CO1', text: 'again' })).toThrow(
      TransitionRefused,
    );
    expect(() => run(onTime.next, { type: 'co_report', unitId: 'LEAD', text: 'lead' })).toThrow(
      TransitionRefused,
    );
    const late = run(onTime.next, { type: 'co_report', unitId: 'CO2', text: '资金已落实' }, '2026-03-06');
    expect(late.counters).toEqual([{ unitId: 'CO2', quarter: '2026Q1', counter: 'coReportsLate', by: 1 }]);
  });

  it('refuses the lead’s resolution while a part is missing, unless it says why', () => {
    const issue = walk(withCoUnits(), [{ type: 'co_report', unitId: 'CO1', text: '已核实' }, '2026-03-03']);
    const refused = () => run(issue, { type: 'resolve', resolution: '已解决' }, '2026-03-09');
    expect(refused).toThrow(Conflict);
    expect(refused).toThrow(/CO2/);
    const resolvedWithout = run(
      issue,
      { type: 'resolve', resolution: '已解决', missingCoReportsReason: '协办单位已口头答复' },
      '2026-03-09',
    );
    expect(resolvedWithout.toStatus).toBe('awaiting_feedback');
    expect(resolvedWithout.data).toMatchObject({ missingCoReports: ['CO2'], lateCoUnitIds: ['CO2'] });
    expect(resolvedWithout.counters).toContainEqual({
      unitId: 'CO2',
      quarter: '2026Q1',
      counter: 'coReportsLate',
      by: 1,
    });
    expect(resolvedWithout.visibility).toBe('public');
  });
});

describe('return requests (退单)', () => {
  const escalated = () =>
    walk(openIssue(), [{ type: 'escalate', unitId: 'U1', dueWorkingDays: 5, executionArn: 'arn' }]);
  const request: IssueCommand = { type: 'return', reasonCode: 'not_our_remit', note: '属海关职责' };

  it('keeps the status and the deadline while the office decides; a rejection leaves the unit with it', () => {
    const requested = run(escalated(), request, '2026-03-03');
    expect(requested).toMatchObject({
      action: 'return_requested',
      toStatus: 'assigned',
      visibility: 'internal',
    });
    expect(requested.signal).toBeUndefined();
    expect(requested.counters).toEqual([]);
    expect(requested.next.assignment?.returnRequest).toMatchObject({ ordinal: 1, decider: 'office' });
    expect(() => run(requested.next, request)).toThrow(TransitionRefused);
    const rejected = run(requested.next, { type: 'decide_return', accept: false, reason: '属本部门职责' });
    expect(rejected).toMatchObject({
      action: 'return_rejected',
      toStatus: 'assigned',
      visibility: 'internal',
    });
    expect(rejected.next.assignment).toMatchObject({ unitId: 'U1', dueDate: '2026-03-09' });
    expect(rejected.next.assignment?.returnRequest).toBeUndefined();
  });

  it('sends a second return of the same issue to a leader', () => {
    const second = walk(
      escalated(),
      [request],
      [{ type: 'decide_return', accept: false, reason: '请继续办理' }],
      [request],
    );
    expect(second.assignment?.returnRequest).toMatchObject({ ordinal: 2, decider: 'leader' });
    expect(() => run(escalated(), { type: 'decide_return', accept: true, reason: 'x' })).toThrow(
      TransitionRefused,
    );
  });
});

describe('follow-ups (回访)', () => {
  const call = (outcome: 'reached' | 'not_reached', extra: Partial<IssueCommand> = {}): IssueCommand =>
    ({ type: 'follow_up', channel: 'phone', contact: '王经理', outcome, ...extra }) as IssueCommand;

  it('records unsuccessful calls on the issue without changing its status', () => {
    const first = run(resolved(), call('not_reached'), '2026-03-05');
    expect(first).toMatchObject({ action: 'follow_up_recorded', toStatus: 'awaiting_feedback' });
    expect(first.visibility).toBe('internal');
    expect(first.next.followUps).toEqual([
      {
        on: '2026-03-05',
        at: '2026-03-05T10:00:00+08:00',
        channel: 'phone',
        contact: '王经理',
        outcome: 'not_reached',
        by: 'op-1',
      },
    ]);
  });

  it('records a verdict given by phone with the same effects as the enterprise’s own', () => {
    const byPhone = run(resolved(), call('reached', { verdict: 'basically_satisfied' }), '2026-03-05');
    const inApp = run(resolved(), { type: 'feedback', verdict: 'basically_satisfied' }, '2026-03-05');
    expect(byPhone).toMatchObject({ action: 'closed', toStatus: 'closed', signal: 'closed' });
    expect(byPhone.counters).toEqual(inApp.counters);
    expect(programCountsOf(byPhone)).toEqual(programCountsOf(inApp));
    expect(byPhone.next).toMatchObject({
      closure: 'basically_satisfied',
      verdict: { verdict: 'basically_satisfied', channel: 'phone', on: '2026-03-05' },
    });
    expect(byPhone.next.followUps).toHaveLength(1);
  });

  it('keeps the two reasons of an unhappy verdict apart in the figures; both go to re-review', () => {
    const notResolved = run(resolved(), call('reached', { verdict: 'unsatisfied', reason: 'not_resolved' }));
    const notUnderstood = run(resolved(), {
      type: 'feedback',
      verdict: 'unsatisfied',
      reason: 'not_understood',
    });
    expect(notResolved.toStatus).toBe('assigned');
    expect(notUnderstood.toStatus).toBe('assigned');
    expect(programCountsOf(notResolved)).toEqual({
      verdictsUnsatisfied: 1,
      verdictsUnsatisfiedNotResolved: 1,
    });
    expect(programCountsOf(notUnderstood)).toEqual({
      verdictsUnsatisfied: 1,
      verdictsUnsatisfiedNotUnderstood: 1,
    });
  });

  it('closes as no_response only after unsuccessful calls on two different working days, or the deadline', () => {
    const sameDay = walk(
      resolved(),
      [call('not_reached'), '2026-03-05'],
      [call('not_reached'), '2026-03-05'],
    );
    expect(() => run(sameDay, { type: 'close_unreached' }, '2026-03-05')).toThrow(/1 so far/);
    const twoDays = walk(sameDay, [call('not_reached'), '2026-03-06']);
    const closed = run(twoDays, { type: 'close_unreached' }, '2026-03-06');
    expect(closed).toMatchObject({ toStatus: 'closed', signal: 'closed' });
    expect(closed.next.closure).toBe('no_response');
    expect(closed.counters).toEqual([{ unitId: 'U1', quarter: '2026Q1', counter: 'noResponse', by: 1 }]);
    // Past the follow-up deadline (five working days after the resolution) no attempt is needed.
    expect(run(resolved(), { type: 'close_unreached' }, '2026-03-12').next.closure).toBe('no_response');
  });
});

describe('duplicates', () => {
  it('closes a duplicate with its reference, taking back whatever it counted', () => {
    const issue = walk(openIssue(), [
      { type: 'escalate', unitId: 'U1', dueWorkingDays: 5, executionArn: 'a' },
    ]);
    const closed = run(issue, { type: 'mark_duplicate', duplicateOf: 'I0' });
    expect(closed).toMatchObject({ toStatus: 'closed', signal: 'closed', visibility: 'public' });
    expect(closed.next).toMatchObject({ closure: 'duplicate', duplicateOf: 'I0' });
    expect(closed.counters).toEqual([{ unitId: 'U1', quarter: '2026Q1', counter: 'assigned', by: -1 }]);
    expect(closed.next.counted).toBeUndefined();
    expect(programCountsOf(closed)).toEqual({ issuesDuplicate: 1 });
    expect(() => run(openIssue(), { type: 'mark_duplicate', duplicateOf: 'I1' })).toThrow(TransitionRefused);
    expect(() => run(closed.next, { type: 'mark_duplicate', duplicateOf: 'I0' })).toThrow(TransitionRefused);
  });
});

describe('the enterprise’s view of an issue', () => {
  it('carries no internal reason or note', () => {
    const issue = walk(
      withCoUnits(),
      [{ type: 'co_report', unitId: 'CO1', text: '内部协办意见' }],
      [{ type: 'return', reasonCode: 'other', note: '内部退单理由' }],
      [{ type: 'request_extension', workingDays: 3, reason: '内部延期理由' }],
      [{ type: 'mark_unreasonable', reason: '内部不合理诉求认定' }],
    );
    const text = JSON.stringify(publicIssue(issue));
    expect(JSON.stringify(issue)).toContain('内部退单理由');
    for (const internal of ['内部协办意见', '内部退单理由', '内部延期理由', '内部不合理诉求认定']) {
      expect(text).not.toContain(internal);
    }
    expect(publicIssue(issue).assignment).toMatchObject({ unitId: 'LEAD', dueDate: '2026-03-16' });
  });
});

describe('the daily sweep’s sign-for flag', () => {
  it('flags an open assignment unsigned past its window, once, and never a signed one', () => {
    const issue = withCoUnits();
    expect(needsSignForFlag(issue, '2026-03-03')).toBe(false);
    expect(needsSignForFlag(issue, '2026-03-04')).toBe(true);
    expect(needsSignForFlag(walk(issue, [{ type: 'sign_for' }]), '2026-03-04')).toBe(false);
    expect(needsSignForFlag(walk(issue, [{ type: 'flag_sign_for_late' }, '2026-03-04']), '2026-03-05')).toBe(
      false,
    );
  });
});
