import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  builtInCalendar,
  CalendarYearMissingError,
  parseCalendarDate,
} from '../../../../shared/domain/calendar';
import { dateOfDayNumber } from '../../../../shared/domain/calendar/calendar-date';
import type { Assignment, Issue } from '../../../../shared/domain/issues/issue';
import { DEFAULT_ISSUE_POLICY } from '../../../../shared/domain/issues/policy';
import {
  dueSoonWindow,
  needsDueSoonCard,
  noResponseDecision,
  outboxToRequeue,
  overdueDecision,
  sweepInstant,
  targetSupervisionLevel,
} from '../../../../shared/domain/issues/sweep-rules';
import { openIssue } from './fixtures';

const calendar = builtInCalendar();
const policy = DEFAULT_ISSUE_POLICY;

/** Assigned on Monday 2026-03-02, due Monday 2026-03-09; the execution waits for its resolution. */
const assigned = (assignment: Partial<Assignment> = {}, overrides: Partial<Issue> = {}): Issue =>
  openIssue({
    status: 'assigned',
    assignment: {
      unitId: 'U1',
      coUnitIds: [],
      assignedOn: '2026-03-02',
      dueWorkingDays: 5,
      dueDate: '2026-03-09',
      supervisionLevel: 0,
      overdue: false,
      workingDaysOverdue: 0,
      ...assignment,
    },
    workflow: {
      executionArn: 'arn:exec:I1',
      signals: ['dispatched'],
      wait: { seq: 2, token: 'token-2', waitingFor: 'resolution' },
    },
    ...overrides,
  });

const resolved = (overrides: Partial<Issue> = {}): Issue =>
  openIssue({
    status: 'awaiting_feedback',
    followUpDeadline: '2026-03-16',
    resolution: { text: 'done', on: '2026-03-09', onSpot: false, unitId: 'U1', onTime: true },
    workflow: {
      executionArn: 'arn:exec:I1',
      signals: ['dispatched', 'resolved'],
      wait: { seq: 3, token: 'token-3', waitingFor: 'verdict' },
    },
    ...overrides,
  });

describe('overdue decision', () => {
  it('does nothing up to and including the due date', () => {
    expect(overdueDecision(assigned(), '2026-03-09', calendar, policy)).toEqual({
      action: 'none',
      reason: 'level_reached',
    });
  });

  it('does nothing on a weekend right after the due date: no working day has passed', () => {
    const dueFriday = assigned({ dueDate: '2026-03-13' });
    expect(overdueDecision(dueFriday, '2026-03-14', calendar, policy).action).toBe('none');
    expect(overdueDecision(dueFriday, '2026-03-16', calendar, policy).action).toBe('signal');
  });

  it('signals the first working day overdue: level 1, newly overdue, with the wait it completes', () => {
    expect(overdueDecision(assigned(), '2026-03-10', calendar, policy)).toEqual({
      action: 'signal',
      wait: { seq: 2, token: 'token-2', waitingFor: 'resolution' },
      workingDaysOverdue: 1,
      targetLevel: 1,
      newlyOverdue: true,
    });
  });

  it('signals once per level: after supervision the same day finds the level reached', () => {
    const supervised = assigned({
      supervisionLevel: 1,
      overdue: true,
      workingDaysOverdue: 1,
      card: 'yellow',
    });
    expect(overdueDecision(supervised, '2026-03-10', calendar, policy)).toEqual({
      action: 'none',
      reason: 'level_reached',
    });
    // Step 3: level 2 is due on the fourth working day overdue.
    expect(overdueDecision(supervised, '2026-03-12', calendar, policy).action).toBe('none');
    expect(overdueDecision(supervised, '2026-03-13', calendar, policy)).toMatchObject({
      action: 'signal',
      workingDaysOverdue: 4,
      targetLevel: 2,
      newlyOverdue: false,
    });
  });

  it('raises one level per signal even when several are due (the sweep did not run for a while)', () => {
    expect(overdueDecision(assigned(), '2026-03-31', calendar, policy)).toMatchObject({
      action: 'signal',
      targetLevel: 1,
    });
  });

  it('signals past the supervision limit, which takes the issue to consultation', () => {
    const atLimit = assigned({ supervisionLevel: 2, overdue: true, card: 'red' });
    expect(overdueDecision(atLimit, '2026-03-18', calendar, policy)).toMatchObject({
      action: 'signal',
      workingDaysOverdue: 7,
      targetLevel: 3,
    });
  });

  it('does not signal when the execution is not waiting for the resolution, or a decision is recorded', () => {
    const noWait = assigned({}, { workflow: { executionArn: 'a', signals: ['dispatched'] } });
    const otherWait = assigned(
      {},
      {
        workflow: {
          executionArn: 'a',
          signals: [],
          wait: { seq: 1, token: 't', waitingFor: 'dispatch' },
        },
      },
    );
    const decided = assigned(
      {},
      {
        workflow: {
          executionArn: 'a',
          signals: ['dispatched', 'returned'],
          wait: { seq: 2, token: 't', waitingFor: 'resolution' },
        },
      },
    );
    const failed = assigned(
      {},
      {
        workflow: {
          executionArn: 'a',
          signals: ['dispatched'],
          wait: { seq: 2, token: 't', waitingFor: 'resolution' },
          failure: { error: 'States.Timeout', cause: '' },
        },
      },
    );
    for (const issue of [noWait, otherWait, decided, failed]) {
      expect(overdueDecision(issue, '2026-03-10', calendar, policy)).toEqual({
        action: 'none',
        reason: 'not_waiting',
      });
    }
  });

  it('ignores an issue that left the assignment since the queue was read', () => {
    expect(overdueDecision(resolved(), '2026-03-10', calendar, policy)).toEqual({
      action: 'none',
      reason: 'not_assigned',
    });
  });

  it('fails when the sweep date lies in a year the calendar lacks', () => {
    expect(() => overdueDecision(assigned(), '2031-01-06', calendar, policy)).toThrow(
      CalendarYearMissingError,
    );
  });
});

describe('due-soon cards', () => {
  it('covers due dates from asOf through the day before the third working day after it (2 working days)', () => {
    // Thursday 2026-03-05: Friday and Monday count; Tuesday is the third working day.
    expect(dueSoonWindow('2026-03-05', calendar, 2)).toEqual({ from: '2026-03-05', through: '2026-03-09' });
  });

  it('stretches over holidays', () => {
    // 2026-09-30 (Wed): Oct 1–7 are off, Sat Oct 10 is a make-up working day.
    expect(dueSoonWindow('2026-09-30', calendar, 2)).toEqual({ from: '2026-09-30', through: '2026-10-09' });
  });

  it('ends with the last loaded year when the window reaches into a year not loaded', () => {
    expect(dueSoonWindow('2026-12-30', calendar, 2)).toEqual({ from: '2026-12-30', through: '2026-12-31' });
    expect(() => dueSoonWindow('2027-01-04', calendar, 2)).toThrow(CalendarYearMissingError);
  });

  it('agrees with the calendar on every due date in and just outside the window', () => {
    const asOf = '2026-04-30';
    const { through } = dueSoonWindow(asOf, calendar, policy.dueSoonWorkingDays);
    const start = parseCalendarDate(asOf)?.dayNumber ?? Number.NaN;
    const dueDates = Array.from({ length: 16 }, (_, i) => dateOfDayNumber(start + i));
    const dueSoon = dueDates.filter((dueDate) =>
      calendar.isDueSoon(dueDate, asOf, policy.dueSoonWorkingDays),
    );
    // Labour Day (May 1–5) lies between: the window runs through Thursday May 7.
    expect(through).toBe('2026-05-07');
    expect(dueSoon).toEqual(dueDates.filter((dueDate) => dueDate <= through));
  });

  it('shows a card once, only on an assignment due soon', () => {
    expect(needsDueSoonCard(assigned(), '2026-03-05', calendar, policy)).toBe(true);
    expect(needsDueSoonCard(assigned(), '2026-03-04', calendar, policy)).toBe(false);
    expect(needsDueSoonCard(assigned({ card: 'blue' }), '2026-03-05', calendar, policy)).toBe(false);
    expect(needsDueSoonCard(assigned(), '2026-03-10', calendar, policy)).toBe(false);
    expect(needsDueSoonCard(resolved(), '2026-03-05', calendar, policy)).toBe(false);
  });
});

describe('no-response decision', () => {
  it('waits through the follow-up deadline', () => {
    expect(noResponseDecision(resolved(), '2026-03-16')).toEqual({
      action: 'none',
      reason: 'deadline_not_passed',
    });
  });

  it('signals the workflow the day after the deadline', () => {
    expect(noResponseDecision(resolved(), '2026-03-17')).toEqual({
      action: 'signal',
      wait: { seq: 3, token: 'token-3', waitingFor: 'verdict' },
    });
  });

  it('closes an issue resolved on the spot directly: it has no workflow', () => {
    const onSpot = resolved({ workflow: undefined });
    expect(noResponseDecision(onSpot, '2026-03-17')).toEqual({ action: 'close' });
  });

  it('leaves a verdict already recorded, or an issue no longer awaiting feedback, alone', () => {
    const verdictRecorded = resolved({
      workflow: {
        executionArn: 'a',
        signals: ['dispatched', 'resolved', 'closed'],
        wait: { seq: 3, token: 't', waitingFor: 'verdict' },
      },
    });
    expect(noResponseDecision(verdictRecorded, '2026-03-17')).toEqual({
      action: 'none',
      reason: 'not_waiting',
    });
    expect(noResponseDecision(assigned(), '2026-03-17')).toEqual({
      action: 'none',
      reason: 'not_awaiting_feedback',
    });
  });
});

describe('sweep instant', () => {
  it('is the start of the program day, with its offset', () => {
    expect(sweepInstant('2026-03-10')).toBe('2026-03-10T00:00:00+08:00');
  });
});

describe('targetSupervisionLevel', () => {
  it('is 0 until overdue, 1 on the first overdue working day and one more every step, capped at limit + 1', () => {
    expect([0, 1, 3, 4, 6, 7, 30].map((days) => targetSupervisionLevel(days, policy))).toEqual([
      0, 1, 1, 2, 2, 3, 3,
    ]);
  });

  it('never falls as days overdue grow and never exceeds limit + 1', () => {
    fc.assert(
      fc.property(fc.nat(400), fc.nat(400), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const levelLow = targetSupervisionLevel(low, policy);
        const levelHigh = targetSupervisionLevel(high, policy);
        return levelLow <= levelHigh && levelHigh <= policy.supervisionLimit + 1;
      }),
    );
  });
});

describe('outbox to requeue', () => {
  const SIX_HOURS = 6 * 3600;
  const now = '2026-03-10T01:00:00.000Z';
  const answer = { token: 'token-2', output: { seq: 2, kind: 'resolved' as const } };
  const pending = (
    workflow: Partial<NonNullable<Issue['workflow']>>,
    updatedAt = '2026-03-09T09:00:00.000Z',
  ) =>
    assigned(
      {},
      { updatedAt, workflow: { executionArn: 'arn:exec:I1', signals: ['dispatched'], ...workflow } },
    );

  it('hands over an answer or a start only once the stream has given up on it (older than its retries)', () => {
    const sevenHoursAgo = '2026-03-09T18:00:00.000Z';
    const fiveHoursAgo = '2026-03-09T20:00:00.000Z';
    expect(
      outboxToRequeue(pending({ delivery: { ...answer, queuedAt: sevenHoursAgo } }), now, SIX_HOURS),
    ).toEqual({
      answer: { ...answer, queuedAt: sevenHoursAgo },
    });
    expect(
      outboxToRequeue(pending({ delivery: { ...answer, queuedAt: fiveHoursAgo } }), now, SIX_HOURS),
    ).toBeUndefined();
    expect(outboxToRequeue(pending({ startPending: true }, sevenHoursAgo), now, SIX_HOURS)).toEqual({
      startOf: 'arn:exec:I1',
    });
    expect(outboxToRequeue(pending({ startPending: true }, fiveHoursAgo), now, SIX_HOURS)).toBeUndefined();
  });

  it('takes exactly the maximum record age as given up', () => {
    const sixHoursAgo = '2026-03-09T19:00:00.000Z';
    expect(
      outboxToRequeue(pending({ delivery: { ...answer, queuedAt: sixHoursAgo } }), now, SIX_HOURS),
    ).toBeDefined();
  });

  it('hands over an answer stored before its queuing instant was kept, and nothing when nothing is pending', () => {
    expect(outboxToRequeue(pending({ delivery: answer }), now, SIX_HOURS)).toEqual({ answer });
    expect(outboxToRequeue(pending({}), now, SIX_HOURS)).toBeUndefined();
    expect(outboxToRequeue(openIssue(), now, SIX_HOURS)).toBeUndefined();
  });

  it('hands over the old one of a pending start and a young answer alone', () => {
    const issue = pending(
      { startPending: true, delivery: { ...answer, queuedAt: '2026-03-10T00:30:00.000Z' } },
      '2026-03-09T09:00:00.000Z',
    );
    expect(outboxToRequeue(issue, now, SIX_HOURS)).toEqual({ startOf: 'arn:exec:I1' });
  });
});
