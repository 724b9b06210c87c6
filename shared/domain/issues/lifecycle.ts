import type { WorkingCalendar } from '../calendar';
import {
  type CounterDelta,
  type IssueCommand,
  type TransitionContext,
  UNIT_COUNTERS,
  type UnitCounter,
  unreasonableCounterOf,
} from './commands';
import type { Assignment, Issue, IssueStatus, SignalKind, Verdict } from './issue';
import type { IssuePolicy } from './policy';
import { quarterOf } from './quarter';

/** The outcome of a command: the issue's next state and what to record about it. */
export interface Transition {
  action: string;
  fromStatus: IssueStatus;
  toStatus: IssueStatus;
  /** The issue as it will be, before version, ledger head and timestamps are stamped on it. */
  next: Issue;
  /** What the ledger entry states beyond the status change. */
  data: Record<string, unknown>;
  counters: CounterDelta[];
  /** The human decision the issue's workflow is told about, if it has one. */
  signal?: SignalKind;
}

export class TransitionRefused extends Error {
  override readonly name = 'TransitionRefused';
}

const VERDICT_COUNTER: Record<Verdict, UnitCounter> = {
  satisfied: 'verdictSatisfied',
  basically_satisfied: 'verdictBasicallySatisfied',
  unsatisfied: 'verdictUnsatisfied',
};

const RATED = new Set<string>(UNIT_COUNTERS);
const isRated = (counter: string): counter is UnitCounter => RATED.has(counter);
const pairOf = ({ unitId, quarter }: CounterDelta) => `${unitId}|${quarter}`;

/** Adds deltas to an issue's tally: one entry per unit, quarter and counter, zeros dropped, in a fixed order. */
export const addToTally = (
  tally: readonly CounterDelta[],
  deltas: readonly CounterDelta[],
): CounterDelta[] => {
  const sums = new Map<string, CounterDelta>();
  for (const delta of [...tally, ...deltas]) {
    const key = `${pairOf(delta)}|${delta.counter}`;
    const sum = sums.get(key);
    sums.set(key, sum ? { ...sum, by: sum.by + delta.by } : { ...delta });
  }
  return [...sums.entries()]
    .filter(([, delta]) => delta.by !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, delta]) => delta);
};

/** One per unit-quarter a marked issue counts in: the unit's unreasonable demands of that quarter. */
const unreasonableIssueDeltas = (pairs: Iterable<CounterDelta>): CounterDelta[] => {
  const seen = new Map<string, CounterDelta>();
  for (const delta of pairs) {
    if (!seen.has(pairOf(delta))) {
      seen.set(pairOf(delta), {
        unitId: delta.unitId,
        quarter: delta.quarter,
        counter: 'unreasonableIssues',
        by: 1,
      });
    }
  }
  return [...seen.values()];
};

/**
 * Marking an issue as an unreasonable demand moves everything it has counted so far out of the rated
 * counters into their unreasonable counterparts, in the unit and quarter where it was counted (so a
 * quarter already ranked changes, and re-running its scoring publishes the correction).
 */
const movedToUnreasonable = (tally: readonly CounterDelta[]): CounterDelta[] => {
  const rated = tally.filter((delta) => isRated(delta.counter) && delta.by !== 0);
  return [
    ...rated.flatMap((delta) => [
      { ...delta, by: -delta.by },
      { ...delta, counter: unreasonableCounterOf(delta.counter as UnitCounter) },
    ]),
    ...unreasonableIssueDeltas(rated),
  ];
};

/**
 * After marking, whatever the issue counts goes to the unreasonable counters straight away, and a unit
 * it had not counted for in that quarter gets its `unreasonableIssues` too.
 */
const countedAsUnreasonable = (tally: readonly CounterDelta[], deltas: readonly CounterDelta[]) => {
  const known = new Set(tally.map(pairOf));
  const moved = deltas.map((delta) =>
    isRated(delta.counter) ? { ...delta, counter: unreasonableCounterOf(delta.counter) } : delta,
  );
  return [...moved, ...unreasonableIssueDeltas(moved.filter((delta) => !known.has(pairOf(delta))))];
};

/**
 * The issue lifecycle of DOMAIN.md as a pure function: given the issue, a command, today's program
 * date, the working-day calendar and the policy, it returns the transition or refuses it. It decides
 * nothing about who may act (use cases check roles and scope) and writes nothing. Counters of an issue
 * marked unreasonable go to the unreasonable counters; the issue keeps a tally of what it counted.
 */
export const decide = (
  issue: Issue,
  command: IssueCommand,
  context: TransitionContext,
  calendar: WorkingCalendar,
  policy: IssuePolicy,
): Transition => {
  const decided = transitionOf(issue, command, context, calendar, policy);
  const tally = issue.counted ?? [];
  const counters = issue.unreasonable ? countedAsUnreasonable(tally, decided.counters) : decided.counters;
  const counted = addToTally(tally, counters);
  return {
    ...decided,
    counters,
    next: { ...decided.next, counted: counted.length > 0 ? counted : undefined },
  };
};

const transitionOf = (
  issue: Issue,
  command: IssueCommand,
  context: TransitionContext,
  calendar: WorkingCalendar,
  policy: IssuePolicy,
): Transition => {
  const { today } = context;
  const quarter = quarterOf(today);
  const count = (unitId: string | undefined, counter: UnitCounter, by = 1): CounterDelta[] =>
    unitId && by !== 0 ? [{ unitId, quarter, counter, by }] : [];
  const requireStatus = (...allowed: IssueStatus[]) => {
    if (!allowed.includes(issue.status)) {
      throw new TransitionRefused(`${command.type} is not possible while the issue is ${issue.status}`);
    }
    if (issue.workflow?.failure && command.type !== 'record_failure') {
      throw new TransitionRefused(
        `the issue's workflow failed (${issue.workflow.failure.error}); an operator must repair it`,
      );
    }
  };
  const move = (
    action: string,
    toStatus: IssueStatus,
    changes: Partial<Issue>,
    data: Record<string, unknown> = {},
    counters: CounterDelta[] = [],
    signal?: SignalKind,
  ): Transition => ({
    action,
    fromStatus: issue.status,
    toStatus,
    next: { ...issue, ...changes, status: toStatus },
    data,
    counters,
    signal,
  });
  const assignmentTo = (unitId: string, dueWorkingDays: number, coUnitIds: string[] = []): Assignment => ({
    unitId,
    coUnitIds,
    assignedOn: today,
    dueWorkingDays,
    dueDate: calendar.addWorkingDays(today, dueWorkingDays),
    supervisionLevel: 0,
    overdue: false,
    workingDaysOverdue: 0,
  });
  const currentAssignment = (): Assignment => {
    if (!issue.assignment) throw new TransitionRefused('the issue has no assignment');
    return issue.assignment;
  };

  switch (command.type) {
    case 'resolve_on_spot': {
      requireStatus('open');
      return move(
        'resolved_on_spot',
        'awaiting_feedback',
        {
          resolution: { text: command.resolution, on: today, onSpot: true },
          followUpDeadline: calendar.addWorkingDays(today, policy.followUpWorkingDays),
        },
        { resolution: command.resolution },
      );
    }
    case 'escalate': {
      requireStatus('open');
      const workflow = {
        executionArn: command.executionArn,
        signals: [] as SignalKind[],
        startPending: true,
      };
      if (!command.unitId) {
        return move('escalated', 'awaiting_dispatch', { workflow, executionArn: command.executionArn });
      }
      const assignment = assignmentTo(command.unitId, command.dueWorkingDays ?? policy.defaultDueWorkingDays);
      return move(
        'escalated',
        'assigned',
        { workflow, executionArn: command.executionArn, assignment },
        { unitId: assignment.unitId, dueDate: assignment.dueDate, dueWorkingDays: assignment.dueWorkingDays },
        count(assignment.unitId, 'assigned'),
      );
    }
    case 'dispatch': {
      requireStatus('awaiting_dispatch');
      const assignment = assignmentTo(command.unitId, command.dueWorkingDays ?? policy.defaultDueWorkingDays);
      return move(
        'dispatched',
        'assigned',
        { assignment },
        { unitId: assignment.unitId, dueDate: assignment.dueDate, dueWorkingDays: assignment.dueWorkingDays },
        count(assignment.unitId, 'assigned'),
        'dispatched',
      );
    }
    case 'progress': {
      requireStatus('assigned');
      return move('progress_reported', 'assigned', {}, { note: command.note });
    }
    case 'return': {
      requireStatus('assigned');
      const { unitId } = currentAssignment();
      return move(
        'returned',
        'awaiting_dispatch',
        { assignment: undefined },
        { unitId, reasonCode: command.reasonCode, note: command.note },
        count(unitId, 'returns'),
        'returned',
      );
    }
    case 'request_consultation': {
      requireStatus('assigned', 'awaiting_dispatch');
      const unitId = issue.assignment?.unitId;
      return move(
        'consultation_requested',
        'awaiting_consultation',
        { consultation: { requestedOn: today, reason: command.note } },
        { note: command.note },
        count(unitId, 'consultations'),
        'consultation_requested',
      );
    }
    case 'request_extension': {
      requireStatus('assigned');
      const assignment = currentAssignment();
      if (assignment.pendingExtension) throw new TransitionRefused('an extension request is already pending');
      return move(
        'extension_requested',
        'assigned',
        {
          assignment: {
            ...assignment,
            pendingExtension: {
              workingDays: command.workingDays,
              reason: command.reason,
              requestedOn: today,
            },
          },
        },
        { workingDays: command.workingDays, reason: command.reason },
      );
    }
    case 'approve_extension': {
      requireStatus('assigned');
      const assignment = currentAssignment();
      const pending = assignment.pendingExtension;
      if (!pending) throw new TransitionRefused('no extension request is pending');
      const dueDate = calendar.addWorkingDays(assignment.dueDate, pending.workingDays);
      const workingDaysOverdue = calendar.workingDaysOverdue(dueDate, today);
      return move(
        'extension_approved',
        'assigned',
        {
          assignment: {
            ...assignment,
            pendingExtension: undefined,
            dueDate,
            dueWorkingDays: assignment.dueWorkingDays + pending.workingDays,
            overdue: workingDaysOverdue > 0,
            workingDaysOverdue,
          },
        },
        { previousDueDate: assignment.dueDate, dueDate, workingDays: pending.workingDays },
      );
    }
    case 'resolve': {
      requireStatus('assigned');
      const assignment = currentAssignment();
      const workingDaysOverdue = calendar.workingDaysOverdue(assignment.dueDate, today);
      const onTime = workingDaysOverdue === 0;
      return move(
        'resolved',
        'awaiting_feedback',
        {
          resolution: {
            text: command.resolution,
            on: today,
            onSpot: false,
            unitId: assignment.unitId,
            onTime,
          },
          assignment: { ...assignment, workingDaysOverdue, overdue: !onTime },
          followUpDeadline: calendar.addWorkingDays(today, policy.followUpWorkingDays),
        },
        { resolution: command.resolution, unitId: assignment.unitId, onTime, workingDaysOverdue },
        [
          ...count(assignment.unitId, onTime ? 'resolvedOnTime' : 'resolvedLate'),
          ...count(assignment.unitId, 'overdueWorkingDays', workingDaysOverdue),
        ],
        'resolved',
      );
    }
    case 'feedback': {
      requireStatus('awaiting_feedback');
      const unitId = issue.resolution?.unitId;
      const verdict = { verdict: command.verdict, comment: command.comment, on: today };
      const counted = count(unitId, VERDICT_COUNTER[command.verdict]);
      const data = { verdict: command.verdict, comment: command.comment };
      if (command.verdict !== 'unsatisfied') {
        return move(
          'closed',
          'closed',
          { verdict, closure: command.verdict, followUpDeadline: undefined },
          data,
          counted,
          'closed',
        );
      }
      const reReviewCount = issue.reReviewCount + 1;
      if (!issue.workflow) {
        // Resolved on the spot without a workflow: it goes back to open, to be escalated.
        return move(
          're_review',
          'open',
          { verdict, reReviewCount, followUpDeadline: undefined },
          data,
          counted,
        );
      }
      if (issue.reReviewCount >= policy.maxReReviews) {
        return move(
          'put_on_consultation_agenda',
          'awaiting_consultation',
          {
            verdict,
            followUpDeadline: undefined,
            consultation: {
              requestedOn: today,
              reason: `unsatisfied after ${issue.reReviewCount} re-reviews`,
            },
          },
          { ...data, reReviewsExhausted: true },
          [...counted, ...count(unitId, 'consultations')],
          'consultation',
        );
      }
      const previous = issue.assignment;
      const assignment = assignmentTo(
        previous?.unitId ?? unitId ?? '',
        previous?.dueWorkingDays ?? policy.defaultDueWorkingDays,
        previous?.coUnitIds,
      );
      return move(
        're_review',
        'assigned',
        { verdict, reReviewCount, assignment, followUpDeadline: undefined },
        { ...data, reReviewCount, unitId: assignment.unitId, dueDate: assignment.dueDate },
        [...counted, ...count(assignment.unitId, 'reReviews')],
        're_review',
      );
    }
    case 'decide': {
      requireStatus('awaiting_consultation');
      const assignment = {
        ...assignmentTo(command.leadUnitId, command.dueWorkingDays, command.coUnitIds),
        dispatchOrderId: command.dispatchOrderId,
      };
      return move(
        'consultation_decided',
        'assigned',
        {
          assignment,
          consultation: {
            ...(issue.consultation ?? { requestedOn: today, reason: '' }),
            consultationId: command.consultationId,
          },
        },
        {
          consultationId: command.consultationId,
          dispatchOrderId: command.dispatchOrderId,
          leadUnitId: command.leadUnitId,
          coUnitIds: command.coUnitIds,
          dueDate: assignment.dueDate,
          note: command.note,
        },
        count(command.leadUnitId, 'assigned'),
        'decided',
      );
    }
    case 'mark_due_soon': {
      requireStatus('assigned');
      const assignment = currentAssignment();
      if (assignment.card) throw new TransitionRefused('the assignment already carries a card');
      return move(
        'card_shown',
        'assigned',
        { assignment: { ...assignment, card: 'blue' } },
        { card: 'blue' },
      );
    }
    case 'supervise': {
      requireStatus('assigned');
      const assignment = currentAssignment();
      const firstTime = !assignment.overdue;
      if (assignment.supervisionLevel >= policy.supervisionLimit) {
        return move(
          'put_on_consultation_agenda',
          'awaiting_consultation',
          {
            assignment: { ...assignment, overdue: true, workingDaysOverdue: command.workingDaysOverdue },
            consultation: {
              requestedOn: today,
              reason: `overdue ${command.workingDaysOverdue} working days past supervision level ${assignment.supervisionLevel}`,
            },
          },
          { workingDaysOverdue: command.workingDaysOverdue, supervisionLevel: assignment.supervisionLevel },
          count(assignment.unitId, 'consultations'),
        );
      }
      const supervisionLevel = assignment.supervisionLevel + 1;
      const card = supervisionLevel >= policy.supervisionLimit ? 'red' : 'yellow';
      return move(
        'supervised',
        'assigned',
        {
          assignment: {
            ...assignment,
            overdue: true,
            workingDaysOverdue: command.workingDaysOverdue,
            supervisionLevel,
            card,
          },
        },
        { supervisionLevel, card, workingDaysOverdue: command.workingDaysOverdue },
        [
          ...count(assignment.unitId, 'supervisions'),
          ...(firstTime ? count(assignment.unitId, 'overdue') : []),
        ],
      );
    }
    case 'close_no_response': {
      requireStatus('awaiting_feedback');
      return move(
        'closed',
        'closed',
        { closure: 'no_response', followUpDeadline: undefined },
        { closure: 'no_response', followUpDeadline: issue.followUpDeadline },
        count(issue.resolution?.unitId, 'noResponse'),
      );
    }
    case 'mark_unreasonable': {
      if (issue.unreasonable)
        throw new TransitionRefused('the issue is already marked as an unreasonable demand');
      const moved = movedToUnreasonable(issue.counted ?? []);
      return move(
        'marked_unreasonable',
        issue.status,
        { unreasonable: { reason: command.reason, on: today, by: context.actor.sub } },
        {
          reason: command.reason,
          excludedFrom: moved
            .filter((delta) => delta.counter === 'unreasonableIssues')
            .map(({ unitId, quarter }) => ({ unitId, quarter })),
        },
        moved,
      );
    }
    case 'record_failure': {
      if (!issue.workflow) throw new TransitionRefused('the issue has no workflow');
      return move(
        'workflow_failed',
        issue.status,
        { workflow: { ...issue.workflow, failure: { error: command.error, cause: command.cause } } },
        { error: command.error, cause: command.cause },
      );
    }
  }
};

/** Supervision level the sweep wants for an assignment this many working days overdue (limit + 1 means consultation). */
export const targetSupervisionLevel = (workingDaysOverdue: number, policy: IssuePolicy): number =>
  workingDaysOverdue <= 0
    ? 0
    : Math.min(
        policy.supervisionLimit + 1,
        1 + Math.floor((workingDaysOverdue - 1) / policy.supervisionStepWorkingDays),
      );
