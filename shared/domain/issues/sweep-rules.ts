/**
 * What the daily sweep (每日销结) does to one issue, as pure functions of the issue, the sweep's date,
 * the working-day calendar and the policy. The sweep use case reads the work queues and carries the
 * answers out; everything it decides is here.
 */
import {
  type CalendarDate,
  CalendarDateInvalidError,
  CalendarYearMissingError,
  parseCalendarDate,
  type WorkingCalendar,
} from '../calendar';
import { dateOfDayNumber } from '../calendar/calendar-date';
import { unsignedPastWindow } from './case-rules';
import type { Issue, WaitKind, WorkflowDelivery } from './issue';
import type { IssuePolicy } from './policy';

/** The callback wait a signal completes: its task token and the decision number it consumes. */
export interface SweepWait {
  seq: number;
  token: string;
  waitingFor: WaitKind;
}

export type OverdueDecision =
  | {
      action: 'signal';
      wait: SweepWait;
      workingDaysOverdue: number;
      /** The level the signal moves towards: one more than now (limit + 1 means consultation). */
      targetLevel: number;
      /** First supervision of this assignment: it becomes overdue now. */
      newlyOverdue: boolean;
    }
  | { action: 'none'; reason: 'not_assigned' | 'level_reached' | 'not_waiting' };

/**
 * The wait of the issue's workflow for `waitingFor`, if the execution is in it and no decision is
 * recorded for it yet (a recorded decision completes that wait itself; a signal would race it).
 */
const openWait = (issue: Issue, waitingFor: 'resolution' | 'verdict'): SweepWait | undefined => {
  const workflow = issue.workflow;
  const wait = workflow?.wait;
  if (!workflow || !wait || workflow.failure || wait.waitingFor !== waitingFor) return undefined;
  if (workflow.signals.length >= wait.seq) return undefined;
  return { seq: wait.seq, token: wait.token, waitingFor: wait.waitingFor };
};

/** Supervision level the sweep wants for an assignment this many working days overdue (limit + 1 means consultation). */
export const targetSupervisionLevel = (workingDaysOverdue: number, policy: IssuePolicy): number =>
  workingDaysOverdue <= 0
    ? 0
    : Math.min(
        policy.supervisionLimit + 1,
        1 + Math.floor((workingDaysOverdue - 1) / policy.supervisionStepWorkingDays),
      );

/**
 * An overdue assignment is signalled (`Overdue`) when the level it should have by now is above the
 * level it has, and its workflow waits on the resolution. One signal raises one level; the workflow
 * then waits again, so running the sweep again the same day finds the level reached or no wait.
 */
export const overdueDecision = (
  issue: Issue,
  asOf: CalendarDate,
  calendar: WorkingCalendar,
  policy: IssuePolicy,
): OverdueDecision => {
  const assignment = issue.assignment;
  if (issue.status !== 'assigned' || !assignment) return { action: 'none', reason: 'not_assigned' };
  const workingDaysOverdue = calendar.workingDaysOverdue(assignment.dueDate, asOf);
  const targetLevel = targetSupervisionLevel(workingDaysOverdue, policy);
  if (targetLevel <= assignment.supervisionLevel) return { action: 'none', reason: 'level_reached' };
  const wait = openWait(issue, 'resolution');
  if (!wait) return { action: 'none', reason: 'not_waiting' };
  return {
    action: 'signal',
    wait,
    workingDaysOverdue,
    targetLevel: assignment.supervisionLevel + 1,
    newlyOverdue: !assignment.overdue,
  };
};

/** A blue card is shown once per assignment, when it is due soon and carries no card yet. */
export const needsDueSoonCard = (
  issue: Issue,
  asOf: CalendarDate,
  calendar: WorkingCalendar,
  policy: IssuePolicy,
): boolean => {
  const assignment = issue.assignment;
  return (
    issue.status === 'assigned' &&
    assignment !== undefined &&
    assignment.card === undefined &&
    calendar.isDueSoon(assignment.dueDate, asOf, policy.dueSoonWorkingDays)
  );
};

/** An open assignment still unsigned past its sign-for window and not flagged yet. */
export const needsSignForFlag = (issue: Issue, asOf: CalendarDate): boolean =>
  issue.status === 'assigned' &&
  issue.assignment !== undefined &&
  issue.assignment.signForLate !== true &&
  unsignedPastWindow(issue.assignment, asOf);

const dayBefore = (date: CalendarDate): CalendarDate => {
  const parsed = parseCalendarDate(date);
  if (!parsed) throw new CalendarDateInvalidError(date, 'a calendar date YYYY-MM-DD');
  return dateOfDayNumber(parsed.dayNumber - 1);
};

/**
 * The due dates that count as due soon on `asOf`: from `asOf` through the day before the
 * (within + 1)-th working day after it. Due dates are always in loaded years (they were computed by
 * the calendar), so when that working day falls in a year not loaded yet, the window ends with the
 * last loaded year: exact, not a guess.
 */
export const dueSoonWindow = (
  asOf: CalendarDate,
  calendar: WorkingCalendar,
  withinWorkingDays: number,
): { from: CalendarDate; through: CalendarDate } => {
  calendar.isWorkingDay(asOf); // asOf itself must be in a loaded year
  try {
    return { from: asOf, through: dayBefore(calendar.addWorkingDays(asOf, withinWorkingDays + 1)) };
  } catch (error) {
    if (!(error instanceof CalendarYearMissingError)) throw error;
    const lastYear = calendar.years[calendar.years.length - 1];
    return { from: asOf, through: `${lastYear}-12-31` };
  }
};

export type NoResponseDecision =
  | { action: 'signal'; wait: SweepWait }
  | { action: 'close' }
  | { action: 'none'; reason: 'not_awaiting_feedback' | 'deadline_not_passed' | 'not_waiting' };

/**
 * No verdict by the follow-up deadline: an issue with a workflow is signalled (`NoResponse`) so its
 * execution closes it out; one resolved on the spot has no workflow and is closed here directly.
 */
export const noResponseDecision = (issue: Issue, asOf: CalendarDate): NoResponseDecision => {
  if (issue.status !== 'awaiting_feedback' || !issue.followUpDeadline) {
    return { action: 'none', reason: 'not_awaiting_feedback' };
  }
  if (issue.followUpDeadline >= asOf) return { action: 'none', reason: 'deadline_not_passed' };
  if (!issue.workflow) return { action: 'close' };
  const wait = openWait(issue, 'verdict');
  return wait ? { action: 'signal', wait } : { action: 'none', reason: 'not_waiting' };
};

/** The instant the sweep's transitions are recorded at: the start of `asOf` in program time. */
export const sweepInstant = (asOf: CalendarDate): string => `${asOf}T00:00:00+08:00`;

/** What of an issue's outbox the sweep hands to the stream again: a pending start and/or an answer. */
export interface OutboxRequeue {
  startOf?: string;
  answer?: WorkflowDelivery;
}

/**
 * The outbox entries of an issue still undelivered that the stream has given up on (each older than
 * the consumers' maximum record age, `maxRecordAgeSeconds`), to be handed to it again; one younger
 * may still be in flight, and handing it over again would deliver it twice. A pending start counts
 * from the issue's last change (the escalation or restart that queued it; a later change only makes
 * it wait for a later run); an answer from `queuedAt`, and one stored without it as given up.
 */
export const outboxToRequeue = (
  issue: Issue,
  now: string,
  maxRecordAgeSeconds: number,
): OutboxRequeue | undefined => {
  const workflow = issue.workflow;
  const gaveUp = (queuedAt: string | undefined) =>
    queuedAt === undefined || Date.parse(now) - Date.parse(queuedAt) >= maxRecordAgeSeconds * 1000;
  const requeue: OutboxRequeue = {
    ...(workflow?.startPending && gaveUp(issue.updatedAt) ? { startOf: workflow.executionArn } : {}),
    ...(workflow?.delivery && gaveUp(workflow.delivery.queuedAt) ? { answer: workflow.delivery } : {}),
  };
  return requeue.startOf || requeue.answer ? requeue : undefined;
};
