import type { CalendarDate } from '../calendar';
import type { Role } from '../roles';
import type { CounterDelta } from './commands';

export const ISSUE_STATUSES = [
  'open',
  'awaiting_dispatch',
  'assigned',
  'awaiting_consultation',
  'awaiting_feedback',
  'closed',
] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

export const ISSUE_SOURCES = ['self', 'visit', 'resident', 'hotline'] as const;
export type IssueSource = (typeof ISSUE_SOURCES)[number];

export const VERDICTS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const CLOSURES = ['satisfied', 'basically_satisfied', 'no_response'] as const;
export type Closure = (typeof CLOSURES)[number];

/** 退单 reasons a department may give when it hands an issue back. */
export const RETURN_REASONS = [
  'not_our_remit',
  'needs_other_department',
  'insufficient_information',
  'enterprise_unreachable',
  'duplicate',
  'other',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/** blue: due soon; yellow: overdue and supervised; red: overdue at the supervision limit. */
export type Card = 'blue' | 'yellow' | 'red';

export interface Actor {
  sub: string;
  role: Role | 'system';
}

export interface Assignment {
  unitId: string;
  coUnitIds: string[];
  assignedOn: CalendarDate;
  dueWorkingDays: number;
  dueDate: CalendarDate;
  supervisionLevel: number;
  overdue: boolean;
  workingDaysOverdue: number;
  card?: Card;
  pendingExtension?: { workingDays: number; reason: string; requestedOn: CalendarDate };
  /** The dispatch order that decided this assignment, after a consultation. */
  dispatchOrderId?: string;
}

/**
 * Workflow bookkeeping. Human decisions are appended to `signals`; the n-th callback wait of the
 * execution consumes signals[n-1], whether the decision came before or after the wait registered.
 */
export interface WorkflowState {
  executionArn: string;
  signals: SignalKind[];
  /** The callback wait registered now, if any: its task token and the signal number it consumes. */
  wait?: { seq: number; token: string; waitingFor: WaitKind };
  /**
   * Set until StartExecution has succeeded (transactional outbox: the table's stream hands it to the
   * delivery function, functions/workflow/deliver-signals).
   */
  startPending?: boolean;
  /** A wait's answer committed with the change that decided it, until the delivery function sends it. */
  delivery?: WorkflowDelivery;
  failure?: { error: string; cause: string };
  /** How many times an operator put the issue on a new execution after a failure (0 when absent). */
  restarts?: number;
}

/**
 * The outbox entry for a callback wait: SendTaskSuccess with `output` (a human decision: the n-th
 * decision and its kind), or SendTaskFailure with `error` and `cause` (the daily sweep's signals).
 */
export type WorkflowDelivery =
  | { token: string; output: { seq: number; kind: SignalKind } }
  | { token: string; error: string; cause: string };

export type WaitKind = 'dispatch' | 'resolution' | 'consultation_decision' | 'verdict';

export type SignalKind =
  | 'dispatched'
  | 'returned'
  | 'consultation_requested'
  | 'resolved'
  | 'decided'
  | 'closed'
  | 're_review'
  | 'consultation';

export interface Issue {
  id: string;
  enterpriseId: string;
  gridId: string;
  townUnitId: string;
  category: string;
  title: string;
  description: string;
  source: IssueSource;
  /** The visit the issue was raised at, when it came from one. */
  visitId?: string;
  raisedBy: Actor;
  status: IssueStatus;
  closure?: Closure;
  verdict?: { verdict: Verdict; comment?: string; on: CalendarDate };
  assignment?: Assignment;
  reReviewCount: number;
  consultation?: { requestedOn: CalendarDate; reason: string; consultationId?: string };
  resolution?: { text: string; on: CalendarDate; onSpot: boolean; unitId?: string; onTime?: boolean };
  followUpDeadline?: CalendarDate;
  workflow?: WorkflowState;
  executionArn?: string;
  /** Marked by the service centre as an unreasonable demand (不合理诉求): excluded from the rates. */
  unreasonable?: { reason: string; on: CalendarDate; by: string };
  /**
   * Bookkeeping: what this issue has added to the unit-quarter counters so far, one entry per unit,
   * quarter and counter (never shown to clients). Marking an issue unreasonable moves exactly these.
   */
  counted?: CounterDelta[];
  ledgerHead: { seq: number; hash: string };
  version: number;
  createdAt: string;
  updatedAt: string;
}
