import type { Actor, FollowUpChannel, FollowUpOutcome, ReturnReason, UnhappyReason, Verdict } from './issue';

/** Co-handling units (协办) named with an assignment, and the working days their parts get. */
export interface CoUnitsGiven {
  coUnitIds?: string[];
  coDueWorkingDays?: number;
}

/** Everything that can happen to an issue after it is raised, by a person or by the program itself. */
export type IssueCommand =
  | { type: 'resolve_on_spot'; resolution: string }
  | ({
      type: 'escalate';
      unitId?: string;
      dueWorkingDays?: number;
      executionArn: string;
      dispatchOrderId?: string;
    } & CoUnitsGiven)
  | ({ type: 'dispatch'; unitId: string; dueWorkingDays?: number; dispatchOrderId?: string } & CoUnitsGiven)
  | { type: 'progress'; note: string }
  | { type: 'sign_for' }
  | { type: 'co_report'; unitId: string; text: string }
  | { type: 'return'; reasonCode: ReturnReason; note: string }
  | { type: 'decide_return'; accept: boolean; reason: string }
  | { type: 'request_consultation'; note: string }
  | { type: 'request_extension'; workingDays: number; reason: string }
  | { type: 'approve_extension' }
  | { type: 'resolve'; resolution: string; missingCoReportsReason?: string }
  | { type: 'feedback'; verdict: Verdict; reason?: UnhappyReason; comment?: string }
  | {
      type: 'follow_up';
      channel: FollowUpChannel;
      contact: string;
      outcome: FollowUpOutcome;
      verdict?: Verdict;
      reason?: UnhappyReason;
      note?: string;
    }
  | { type: 'close_unreached' }
  | { type: 'mark_duplicate'; duplicateOf: string }
  | {
      type: 'decide';
      consultationId: string;
      dispatchOrderId: string;
      leadUnitId: string;
      coUnitIds: string[];
      dueWorkingDays: number;
      note: string;
    }
  | { type: 'mark_due_soon' }
  | { type: 'supervise'; workingDaysOverdue: number }
  | { type: 'flag_sign_for_late' }
  | { type: 'close_no_response' }
  | { type: 'record_failure'; error: string; cause: string }
  /** The n-th restart's execution ARN comes from `executionArnOf(n)`: n is known only to the issue read last. */
  | { type: 'restart_workflow'; executionArnOf: (restart: number) => string }
  | { type: 'mark_unreasonable'; reason: string };

export type IssueCommandType = IssueCommand['type'];

/** Counters kept per unit per quarter inside the same transactions; scoring reads only these. */
export const UNIT_COUNTERS = [
  'assigned',
  'resolvedOnTime',
  'resolvedLate',
  'overdue',
  'overdueWorkingDays',
  'supervisions',
  'returns',
  'reReviews',
  'consultations',
  'verdictSatisfied',
  'verdictBasicallySatisfied',
  'verdictUnsatisfied',
  'noResponse',
  // Case handling: an assignment not signed for in time (签收), a co-unit's part reported late (协办).
  'signForLate',
  'coReportsLate',
] as const;
export type UnitCounter = (typeof UNIT_COUNTERS)[number];

/** Where an issue marked as an unreasonable demand (不合理诉求) counts instead: e.g. `unreasonableReturns`. */
export type UnreasonableCounter = `unreasonable${Capitalize<UnitCounter>}`;

export const unreasonableCounterOf = (counter: UnitCounter): UnreasonableCounter =>
  `unreasonable${counter.charAt(0).toUpperCase()}${counter.slice(1)}` as UnreasonableCounter;

export const UNREASONABLE_COUNTERS: readonly UnreasonableCounter[] = UNIT_COUNTERS.map(unreasonableCounterOf);

/**
 * Every counter of a unit-quarter item that issue transactions write: the rated ones, their
 * unreasonable counterparts, and `unreasonableIssues` (marked issues that counted for the unit that
 * quarter). The weekly inspection adds `cardsBlue`, `cardsYellow`, `cardsRed` to the same item.
 */
export type CounterName = UnitCounter | UnreasonableCounter | 'unreasonableIssues';

export interface CounterDelta {
  unitId: string;
  quarter: string;
  counter: CounterName;
  by: number;
}

export interface TransitionContext {
  today: string;
  actor: Actor;
  /** The instant of the change, when the caller knows it (recorded on follow-up attempts). */
  at?: string;
}
