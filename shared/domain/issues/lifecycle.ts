import type { WorkingCalendar } from '../calendar';
import type { CounterDelta, IssueCommand, TransitionContext } from './commands';
import type { Assignment, Issue, IssueStatus, SignalKind } from './issue';
import type { IssuePolicy } from './policy';
import { addToTally, excludedByMarking, unitCountsOf } from './unit-counts';

/** The outcome of a command: the issue's next state and what to record about it. */
export interface Transition {
  action: string;
  fromStatus: IssueStatus;
  toStatus: IssueStatus;
  /** The issue as it will be, before version, ledger head and timestamps are stamped on it. */
  next: Issue;
  /** What the ledger entry states beyond the status change. */
  data: Record<string, unknown>;
  /** What it adds to the unit-quarter counters (unit-counts.ts). */
  counters: CounterDelta[];
  /** The human decision the issue's workflow is told about, if it has one. */
  signal?: SignalKind;
}

export class TransitionRefused extends Error {
  override readonly name = 'TransitionRefused';
}

/**
 * The issue lifecycle of DOMAIN.md as a pure function: given the issue, a command, today's program
 * date, the working-day calendar and the policy, it returns the transition or refuses it. It decides
 * nothing about who may act (use cases check roles and scope) and writes nothing. The unit counters
 * are derived from the transition (unit-counts.ts), and the issue keeps a tally of what it counted.
 */
export const decide = (
  issue: Issue,
  command: IssueCommand,
  context: TransitionContext,
  calendar: WorkingCalendar,
  policy: IssuePolicy,
): Transition => {
  const decided = nextState(issue, command, context, calendar, policy);
  const counters = unitCountsOf(issue, decided, context.today);
  const counted = addToTally(issue.counted ?? [], counters);
  return {
    ...decided,
    counters,
    next: { ...decided.next, counted: counted.length > 0 ? counted : undefined },
  };
};

/** The state machine itself: the next status, the issue's changes and the ledger entry's data. */
const nextState = (
  issue: Issue,
  command: IssueCommand,
  context: TransitionContext,
  calendar: WorkingCalendar,
  policy: IssuePolicy,
): Omit<Transition, 'counters'> => {
  const { today } = context;
  const requireStatus = (...allowed: IssueStatus[]) => {
    if (!allowed.includes(issue.status)) {
      throw new TransitionRefused(`${command.type} is not possible while the issue is ${issue.status}`);
    }
    if (issue.workflow?.failure && command.type !== 'record_failure' && command.type !== 'restart_workflow') {
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
    signal?: SignalKind,
  ): Omit<Transition, 'counters'> => ({
    action,
    fromStatus: issue.status,
    toStatus,
    next: { ...issue, ...changes, status: toStatus },
    data,
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
        'returned',
      );
    }
    case 'request_consultation': {
      requireStatus('assigned', 'awaiting_dispatch');
      return move(
        'consultation_requested',
        'awaiting_consultation',
        { consultation: { requestedOn: today, reason: command.note } },
        { note: command.note },
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
        'resolved',
      );
    }
    case 'feedback': {
      requireStatus('awaiting_feedback');
      const verdict = { verdict: command.verdict, comment: command.comment, on: today };
      const data = { verdict: command.verdict, comment: command.comment };
      if (command.verdict !== 'unsatisfied') {
        return move(
          'closed',
          'closed',
          { verdict, closure: command.verdict, followUpDeadline: undefined },
          data,
          'closed',
        );
      }
      const reReviewCount = issue.reReviewCount + 1;
      if (!issue.workflow) {
        // Resolved on the spot without a workflow: it goes back to open, to be escalated.
        return move('re_review', 'open', { verdict, reReviewCount, followUpDeadline: undefined }, data);
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
          'consultation',
        );
      }
      const previous = issue.assignment;
      const assignment = assignmentTo(
        previous?.unitId ?? issue.resolution?.unitId ?? '',
        previous?.dueWorkingDays ?? policy.defaultDueWorkingDays,
        previous?.coUnitIds,
      );
      return move(
        're_review',
        'assigned',
        { verdict, reReviewCount, assignment, followUpDeadline: undefined },
        { ...data, reReviewCount, unitId: assignment.unitId, dueDate: assignment.dueDate },
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
      );
    }
    case 'close_no_response': {
      requireStatus('awaiting_feedback');
      return move(
        'closed',
        'closed',
        { closure: 'no_response', followUpDeadline: undefined },
        { closure: 'no_response', followUpDeadline: issue.followUpDeadline },
      );
    }
    case 'mark_unreasonable': {
      if (issue.unreasonable)
        throw new TransitionRefused('the issue is already marked as an unreasonable demand');
      return move(
        'marked_unreasonable',
        issue.status,
        { unreasonable: { reason: command.reason, on: today, by: context.actor.sub } },
        { reason: command.reason, excludedFrom: excludedByMarking(issue.counted ?? []) },
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
    case 'restart_workflow': {
      // A new execution (its own name) starts at the wait the status calls for; the failed one keeps
      // its history. Decisions recorded from now on are the new execution's, so signals start afresh.
      const failed = issue.workflow;
      if (!failed?.failure) throw new TransitionRefused('the issue’s workflow has not failed');
      requireStatus('awaiting_dispatch', 'assigned', 'awaiting_consultation', 'awaiting_feedback');
      const restarts = (failed.restarts ?? 0) + 1;
      const executionArn = command.executionArnOf(restarts);
      const workflow = { executionArn, signals: [] as SignalKind[], startPending: true, restarts };
      return move(
        'workflow_restarted',
        issue.status,
        { workflow, executionArn },
        { failedExecutionArn: failed.executionArn, error: failed.failure.error },
      );
    }
  }
};
