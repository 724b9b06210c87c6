import * as z from 'zod/mini';
import {
  CLOSURES,
  FOLLOW_UP_CHANNELS,
  FOLLOW_UP_OUTCOMES,
  ISSUE_SOURCES,
  ISSUE_STATUSES,
  ISSUE_TYPES,
  RETURN_REASONS,
  UNHAPPY_REASONS,
  VERDICTS,
} from '../domain/issues/issue';

/**
 * The issue as clients see it, apart from the issue routes so that other areas (consultations) can
 * describe issues without building every issue route's schemas at import.
 */

/** Working days an assignment or extension may be given: up to about half a working year. */
export const dueWorkingDays = z.int().check(z.minimum(1), z.maximum(120));

const date = z.string();
const assignmentRecord = z.object({
  unitId: z.string(),
  coUnitIds: z.array(z.string()),
  assignedOn: date,
  dueWorkingDays: z.number(),
  dueDate: date,
  supervisionLevel: z.number(),
  overdue: z.boolean(),
  workingDaysOverdue: z.number(),
  card: z.optional(z.enum(['blue', 'yellow', 'red'])),
  pendingExtension: z.optional(z.object({ workingDays: z.number(), reason: z.string(), requestedOn: date })),
  dispatchOrderId: z.optional(z.string()),
  /** 签收: the last day to sign for, when it was signed, and whether the window passed unsigned. */
  signForBy: z.optional(date),
  signedForOn: z.optional(date),
  signForLate: z.optional(z.boolean()),
  /** Each co-handling unit (协办) with the date its part is due, and the parts reported. */
  coUnits: z.optional(z.array(z.object({ unitId: z.string(), dueDate: date }))),
  coReports: z.optional(
    z.array(z.object({ unitId: z.string(), text: z.string(), on: date, late: z.boolean() })),
  ),
  /** A return the unit asked for, until the office (a leader for a second return) decides. */
  returnRequest: z.optional(
    z.object({
      reasonCode: z.enum(RETURN_REASONS),
      note: z.string(),
      requestedOn: date,
      ordinal: z.number(),
      decider: z.enum(['office', 'leader']),
    }),
  ),
});

const followUpRecord = z.object({
  on: date,
  at: z.string(),
  channel: z.enum(FOLLOW_UP_CHANNELS),
  contact: z.string(),
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  verdict: z.optional(z.enum(VERDICTS)),
  reason: z.optional(z.enum(UNHAPPY_REASONS)),
  note: z.optional(z.string()),
  by: z.string(),
});

/** An issue as clients see it: never its task tokens or workflow bookkeeping. */
export const issueRecord = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  gridId: z.string(),
  townUnitId: z.string(),
  category: z.string(),
  type: z.optional(z.enum(ISSUE_TYPES)),
  title: z.string(),
  description: z.string(),
  source: z.enum(ISSUE_SOURCES),
  visitId: z.optional(z.string()),
  /** `sub` is absent for an enterprise viewer when an official raised the issue. */
  raisedBy: z.object({ sub: z.optional(z.string()), role: z.string() }),
  status: z.enum(ISSUE_STATUSES),
  closure: z.optional(z.enum(CLOSURES)),
  verdict: z.optional(
    z.object({
      verdict: z.enum(VERDICTS),
      reason: z.optional(z.enum(UNHAPPY_REASONS)),
      comment: z.optional(z.string()),
      on: date,
      channel: z.optional(z.enum(FOLLOW_UP_CHANNELS)),
    }),
  ),
  /** The office's attempts to reach the enterprise for its verdict (回访); not shown to enterprises. */
  followUps: z.optional(z.array(followUpRecord)),
  returnRequests: z.optional(z.number()),
  /** Closed as a duplicate of this issue. */
  duplicateOf: z.optional(z.string()),
  assignment: z.optional(assignmentRecord),
  reReviewCount: z.number(),
  consultation: z.optional(
    z.object({ requestedOn: date, reason: z.optional(z.string()), consultationId: z.optional(z.string()) }),
  ),
  resolution: z.optional(
    z.object({
      text: z.string(),
      on: date,
      onSpot: z.boolean(),
      unitId: z.optional(z.string()),
      onTime: z.optional(z.boolean()),
    }),
  ),
  followUpDeadline: z.optional(date),
  /**
   * Officials only, while the handling unit is still to be chosen (open, awaiting dispatch): the
   * default unit of the issue's category (GET /categories). A suggestion: dispatch names the unit.
   */
  suggestedUnitId: z.optional(z.string()),
  /** Officials only. */
  executionArn: z.optional(z.string()),
  /** For operators and admins: the execution in the Step Functions console (locally, in /_local/executions). */
  executionLink: z.optional(z.string()),
  /** Marked as an unreasonable demand (不合理诉求): excluded from the rankings' rates, reported apart. */
  unreasonable: z.optional(z.object({ reason: z.string(), on: date, by: z.optional(z.string()) })),
  /** Set once escalated: whether the workflow start is still to be retried, and whether it failed. */
  workflow: z.optional(z.object({ startPending: z.boolean(), failed: z.boolean() })),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
