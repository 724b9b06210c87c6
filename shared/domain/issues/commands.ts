import type { Actor, ReturnReason, Verdict } from './issue';

/** Everything that can happen to an issue after it is raised, by a person or by the program itself. */
export type IssueCommand =
  | { type: 'resolve_on_spot'; resolution: string }
  | { type: 'escalate'; unitId?: string; dueWorkingDays?: number; executionArn: string }
  | { type: 'dispatch'; unitId: string; dueWorkingDays?: number }
  | { type: 'progress'; note: string }
  | { type: 'return'; reasonCode: ReturnReason; note: string }
  | { type: 'request_consultation'; note: string }
  | { type: 'request_extension'; workingDays: number; reason: string }
  | { type: 'approve_extension' }
  | { type: 'resolve'; resolution: string }
  | { type: 'feedback'; verdict: Verdict; comment?: string }
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
}
