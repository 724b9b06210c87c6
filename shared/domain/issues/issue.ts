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

export const CLOSURES = ['satisfied', 'basically_satisfied', 'no_response', 'duplicate'] as const;
export type Closure = (typeof CLOSURES)[number];

/** The seed's 不满意 and 不理解: two reasons an enterprise is unhappy, both re-reviewed, counted apart. */
export const UNHAPPY_REASONS = ['not_resolved', 'not_understood'] as const;
export type UnhappyReason = (typeof UNHAPPY_REASONS)[number];

/** How a verdict or a follow-up (回访) reached the enterprise: the app itself, or the office by phone or on site. */
export const FOLLOW_UP_CHANNELS = ['phone', 'on_site', 'app'] as const;
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];

export const FOLLOW_UP_OUTCOMES = ['reached', 'not_reached'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

export const ISSUE_TYPES = ['problem', 'suggestion'] as const;
export type IssueType = (typeof ISSUE_TYPES)[number];

/** One attempt of the office to reach the enterprise for its verdict (回访), kept on the issue. */
export interface FollowUp {
  on: CalendarDate;
  at: string;
  channel: FollowUpChannel;
  /** The person spoken to, or tried. */
  contact: string;
  outcome: FollowUpOutcome;
  verdict?: Verdict;
  reason?: UnhappyReason;
  note?: string;
  by: string;
}

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
  /** The dispatch order this assignment is a line of (a consultation's, or the office's of the day). */
  dispatchOrderId?: string;
  /** The last day the unit may sign for (签收) the assignment; absent on assignments made before sign-for. */
  signForBy?: CalendarDate;
  signedForOn?: CalendarDate;
  /** Not signed for within the window: flagged by the daily sweep, counted in the weekly inspection. */
  signForLate?: boolean;
  /** Each co-handling unit (协办) with the date its part is due. */
  coUnits?: CoUnitPart[];
  /** The parts the co-units reported. */
  coReports?: CoReport[];
  /** A return (退单) the unit asked for, until the office (or a leader, for a second return) decides. */
  returnRequest?: ReturnRequest;
}

export interface CoUnitPart {
  unitId: string;
  dueDate: CalendarDate;
}

export interface CoReport {
  unitId: string;
  text: string;
  on: CalendarDate;
  late: boolean;
}

/** Who decides a return request: the office the first time, a leader from the second on. */
export type ReturnDecider = 'office' | 'leader';

export interface ReturnRequest {
  reasonCode: ReturnReason;
  note: string;
  requestedOn: CalendarDate;
  /** The how-many-th return request of this issue. */
  ordinal: number;
  decider: ReturnDecider;
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
export type WorkflowDelivery = (
  | { token: string; output: { seq: number; kind: SignalKind } }
  | { token: string; error: string; cause: string }
) & {
  /** When it was handed to the stream (absent on answers stored before it was kept). */
  queuedAt?: string;
};

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

export interface IssueVerdict {
  verdict: Verdict;
  /** Why an unhappy enterprise is unhappy (given with `unsatisfied`). */
  reason?: UnhappyReason;
  comment?: string;
  on: CalendarDate;
  /** How it was given: by the enterprise in the app, or recorded by the office on its behalf. */
  channel?: FollowUpChannel;
}

export interface Issue {
  id: string;
  enterpriseId: string;
  gridId: string;
  townUnitId: string;
  category: string;
  /** 问题 or 建议; issues raised before types existed are problems. */
  type?: IssueType;
  title: string;
  description: string;
  source: IssueSource;
  /** The visit the issue was raised at, when it came from one. */
  visitId?: string;
  raisedBy: Actor;
  status: IssueStatus;
  closure?: Closure;
  verdict?: IssueVerdict;
  /** The office's attempts to reach the enterprise for its verdict (回访), oldest first. */
  followUps?: FollowUp[];
  /** How many times a unit asked to return this issue (the second one goes to a leader). */
  returnRequests?: number;
  /** The issue this one duplicates, once closed as its duplicate. */
  duplicateOf?: string;
  assignment?: Assignment;
  reReviewCount: number;
  /** Why it went to consultation: internal, so absent from the enterprise's view. */
  consultation?: { requestedOn: CalendarDate; reason?: string; consultationId?: string };
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
