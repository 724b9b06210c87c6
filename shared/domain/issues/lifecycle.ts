import type { WorkingCalendar } from '../calendar';
import { Conflict } from '../errors';
import {
  coUnitPartsFor,
  lateMissingCoUnits,
  missingCoReports,
  returnDeciderFor,
  unreachedWorkingDays,
  unsignedPastWindow,
  workingDaysAfter,
} from './case-rules';
import type { CounterDelta, IssueCommand, TransitionContext } from './commands';
import type { Assignment, FollowUp, Issue, IssueStatus, IssueVerdict, SignalKind } from './issue';
import { type LedgerVisibility, visibilityOf } from './ledger-visibility';
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
  /** Whether the enterprise may see the ledger entry (its timeline), or only the program's people. */
  visibility: LedgerVisibility;
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
    visibility: visibilityOf(decided.action),
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
): Omit<Transition, 'counters' | 'visibility'> => {
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
  ): Omit<Transition, 'counters' | 'visibility'> => ({
    action,
    fromStatus: issue.status,
    toStatus,
    next: { ...issue, ...changes, status: toStatus },
    data,
    signal,
  });
  const assignmentTo = (
    unitId: string,
    dueWorkingDays: number,
    coUnitIds: string[] = [],
    coDueWorkingDays = policy.coReportWorkingDays,
  ): Assignment => ({
    unitId,
    coUnitIds,
    assignedOn: today,
    dueWorkingDays,
    dueDate: calendar.addWorkingDays(today, dueWorkingDays),
    supervisionLevel: 0,
    overdue: false,
    workingDaysOverdue: 0,
    signForBy: workingDaysAfter(today, policy.signForWorkingDays, calendar),
    ...(coUnitIds.length > 0
      ? { coUnits: coUnitPartsFor(coUnitIds, today, coDueWorkingDays, calendar) }
      : {}),
  });
  /** The data a new assignment's ledger entry states (public: who handles it, by when). */
  const assignmentData = (assignment: Assignment) => ({
    unitId: assignment.unitId,
    dueDate: assignment.dueDate,
    dueWorkingDays: assignment.dueWorkingDays,
    ...(assignment.coUnitIds.length > 0 ? { coUnitIds: assignment.coUnitIds } : {}),
    ...(assignment.dispatchOrderId ? { dispatchOrderId: assignment.dispatchOrderId } : {}),
  });
  /**
   * The enterprise's verdict, given in the app or recorded by the office after a call (回访): close
   * when satisfied, else re-review, or the consultation agenda once re-reviews are exhausted.
   */
  const giveVerdict = (verdict: IssueVerdict, changes: Partial<Issue>, extra: Record<string, unknown>) => {
    const data = {
      verdict: verdict.verdict,
      ...(verdict.reason ? { reason: verdict.reason } : {}),
      comment: verdict.comment,
      ...extra,
    };
    if (verdict.verdict !== 'unsatisfied') {
      return move(
        'closed',
        'closed',
        { ...changes, verdict, closure: verdict.verdict, followUpDeadline: undefined },
        data,
        'closed',
      );
    }
    const reReviewCount = issue.reReviewCount + 1;
    if (!issue.workflow) {
      // Resolved on the spot without a workflow: it goes back to open, to be escalated.
      return move(
        're_review',
        'open',
        { ...changes, verdict, reReviewCount, followUpDeadline: undefined },
        data,
      );
    }
    if (issue.reReviewCount >= policy.maxReReviews) {
      return move(
        'put_on_consultation_agenda',
        'awaiting_consultation',
        {
          ...changes,
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
      { ...changes, verdict, reReviewCount, assignment, followUpDeadline: undefined },
      { ...data, reReviewCount, unitId: assignment.unitId, dueDate: assignment.dueDate },
      're_review',
    );
  };
  const withOrder = (assignment: Assignment, dispatchOrderId: string | undefined): Assignment =>
    dispatchOrderId ? { ...assignment, dispatchOrderId } : assignment;
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
      const assignment = withOrder(
        assignmentTo(
          command.unitId,
          command.dueWorkingDays ?? policy.defaultDueWorkingDays,
          command.coUnitIds,
          command.coDueWorkingDays,
        ),
        command.dispatchOrderId,
      );
      return move(
        'escalated',
        'assigned',
        { workflow, executionArn: command.executionArn, assignment },
        assignmentData(assignment),
      );
    }
    case 'dispatch': {
      requireStatus('awaiting_dispatch');
      const assignment = withOrder(
        assignmentTo(
          command.unitId,
          command.dueWorkingDays ?? policy.defaultDueWorkingDays,
          command.coUnitIds,
          command.coDueWorkingDays,
        ),
        command.dispatchOrderId,
      );
      return move('dispatched', 'assigned', { assignment }, assignmentData(assignment), 'dispatched');
    }
    case 'progress': {
      requireStatus('assigned');
      return move('progress_reported', 'assigned', {}, { note: command.note });
    }
    case 'sign_for': {
      requireStatus('assigned');
      const assignment = currentAssignment();
      if (assignment.signedForOn) throw new TransitionRefused('the assignment is already signed for');
      const late = unsignedPastWindow(assignment, today);
      return move(
        'signed_for',
        'assigned',
        { assignment: { ...assignment, signedForOn: today, ...(late ? { signForLate: true } : {}) } },
        { unitId: assignment.unitId, late, newlyLate: late && assignment.signForLate !== true },
      );
    }
    case 'flag_sign_for_late': {
      requireStatus('assigned');
      const assignment = currentAssignment();
      if (assignment.signForLate || !unsignedPastWindow(assignment, today)) {
        throw new TransitionRefused('the assignment is not unsigned past its sign-for window');
      }
      return move(
        'sign_for_late',
        'assigned',
        { assignment: { ...assignment, signForLate: true } },
        { unitId: assignment.unitId, signForBy: assignment.signForBy },
      );
    }
    case 'co_report': {
      requireStatus('assigned');
      const assignment = currentAssignment();
      if (!assignment.coUnitIds.includes(command.unitId)) {
        throw new TransitionRefused('the unit does not co-handle this assignment');
      }
      if ((assignment.coReports ?? []).some((report) => report.unitId === command.unitId)) {
        throw new TransitionRefused("the co-unit's part is already reported");
      }
      const dueDate = assignment.coUnits?.find((part) => part.unitId === command.unitId)?.dueDate;
      const late = dueDate !== undefined && dueDate < today;
      const report = { unitId: command.unitId, text: command.text, on: today, late };
      return move(
        'co_reported',
        'assigned',
        { assignment: { ...assignment, coReports: [...(assignment.coReports ?? []), report] } },
        { coUnitId: command.unitId, text: command.text, late },
      );
    }
    case 'return': {
      requireStatus('assigned');
      const assignment = currentAssignment();
      if (assignment.returnRequest) throw new TransitionRefused('a return request is already pending');
      const ordinal = (issue.returnRequests ?? 0) + 1;
      const returnRequest = {
        reasonCode: command.reasonCode,
        note: command.note,
        requestedOn: today,
        ordinal,
        decider: returnDeciderFor(ordinal),
      };
      return move(
        'return_requested',
        'assigned',
        { assignment: { ...assignment, returnRequest }, returnRequests: ordinal },
        { unitId: assignment.unitId, ...returnRequest },
      );
    }
    case 'decide_return': {
      requireStatus('assigned');
      const assignment = currentAssignment();
      const request = assignment.returnRequest;
      if (!request) throw new TransitionRefused('no return request is pending');
      const data = {
        unitId: assignment.unitId,
        reasonCode: request.reasonCode,
        note: request.note,
        ordinal: request.ordinal,
        decision: command.accept ? 'accepted' : 'rejected',
        decisionReason: command.reason,
      };
      if (!command.accept) {
        // The unit keeps the issue, its deadline unchanged.
        return move(
          'return_rejected',
          'assigned',
          { assignment: { ...assignment, returnRequest: undefined } },
          data,
        );
      }
      return move('returned', 'awaiting_dispatch', { assignment: undefined }, data, 'returned');
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
      const current = currentAssignment();
      const missing = missingCoReports(current);
      if (missing.length > 0 && !command.missingCoReportsReason) {
        throw new Conflict(
          'CO_REPORTS_MISSING',
          `The parts of co-units ${missing.join(', ')} are missing: wait for them, or say why you resolve without them.`,
        );
      }
      // A pending return request is moot once the unit resolves the issue itself.
      const assignment = { ...current, returnRequest: undefined };
      const coData =
        missing.length > 0
          ? {
              missingCoReports: missing,
              missingCoReportsReason: command.missingCoReportsReason,
              lateCoUnitIds: lateMissingCoUnits(current, today),
            }
          : {};
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
        { resolution: command.resolution, unitId: assignment.unitId, onTime, workingDaysOverdue, ...coData },
        'resolved',
      );
    }
    case 'feedback': {
      requireStatus('awaiting_feedback');
      const { verdict, reason, comment } = command;
      return giveVerdict({ verdict, reason, comment, on: today, channel: 'app' }, {}, {});
    }
    case 'follow_up': {
      requireStatus('awaiting_feedback');
      const { channel, contact, outcome, verdict, reason, note } = command;
      const attempt: FollowUp = {
        on: today,
        at: context.at ?? `${today}T00:00:00+08:00`,
        channel,
        contact,
        outcome,
        ...(verdict ? { verdict } : {}),
        ...(reason ? { reason } : {}),
        ...(note ? { note } : {}),
        by: context.actor.sub,
      };
      const followUps = [...(issue.followUps ?? []), attempt];
      if (outcome === 'reached' && verdict) {
        // Recorded on the enterprise's behalf: the same effects as its own verdict.
        return giveVerdict(
          // The office's note stays on the attempt (internal); the verdict carries no comment of its own.
          { verdict, reason, on: today, channel },
          { followUps },
          { channel, followUp: followUps.length },
        );
      }
      return move(
        'follow_up_recorded',
        'awaiting_feedback',
        { followUps },
        { channel, contact, outcome, note, followUp: followUps.length },
      );
    }
    case 'close_unreached': {
      requireStatus('awaiting_feedback');
      const days = unreachedWorkingDays(issue.followUps ?? [], calendar);
      const deadlinePassed = issue.followUpDeadline !== undefined && issue.followUpDeadline < today;
      if (days.length < policy.noResponseAttempts && !deadlinePassed) {
        throw new TransitionRefused(
          `closing as no response needs ${policy.noResponseAttempts} unsuccessful follow-ups on different working days (${days.length} so far) or the follow-up deadline to pass`,
        );
      }
      return move(
        'closed',
        'closed',
        { closure: 'no_response', followUpDeadline: undefined },
        { closure: 'no_response', unreachedOn: days, followUpDeadline: issue.followUpDeadline },
        'closed',
      );
    }
    case 'mark_duplicate': {
      requireStatus('open', 'awaiting_dispatch', 'assigned', 'awaiting_consultation', 'awaiting_feedback');
      if (command.duplicateOf === issue.id) throw new TransitionRefused('an issue cannot duplicate itself');
      return move(
        'closed_as_duplicate',
        'closed',
        {
          closure: 'duplicate',
          duplicateOf: command.duplicateOf,
          followUpDeadline: undefined,
          ...(issue.assignment ? { assignment: { ...issue.assignment, returnRequest: undefined } } : {}),
        },
        { closure: 'duplicate', duplicateOf: command.duplicateOf },
        'closed',
      );
    }
    case 'decide': {
      requireStatus('awaiting_consultation');
      const assignment = withOrder(
        assignmentTo(command.leadUnitId, command.dueWorkingDays, command.coUnitIds),
        command.dispatchOrderId,
      );
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
