import * as z from 'zod/mini';
import { ISSUE_SOURCES, ISSUE_STATUSES, VERDICTS } from '../domain/issues/issue';

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
});

/** An issue as clients see it: never its task tokens or workflow bookkeeping. */
export const issueRecord = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  gridId: z.string(),
  townUnitId: z.string(),
  category: z.string(),
  title: z.string(),
  description: z.string(),
  source: z.enum(ISSUE_SOURCES),
  visitId: z.optional(z.string()),
  raisedBy: z.object({ sub: z.string(), role: z.string() }),
  status: z.enum(ISSUE_STATUSES),
  closure: z.optional(z.enum(['satisfied', 'basically_satisfied', 'no_response'])),
  verdict: z.optional(z.object({ verdict: z.enum(VERDICTS), comment: z.optional(z.string()), on: date })),
  assignment: z.optional(assignmentRecord),
  reReviewCount: z.number(),
  consultation: z.optional(
    z.object({ requestedOn: date, reason: z.string(), consultationId: z.optional(z.string()) }),
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
  executionArn: z.optional(z.string()),
  /** For operators and admins: the execution in the Step Functions console (locally, in /_local/executions). */
  executionLink: z.optional(z.string()),
  /** Marked as an unreasonable demand (不合理诉求): excluded from the rankings' rates, reported apart. */
  unreasonable: z.optional(z.object({ reason: z.string(), on: date, by: z.string() })),
  /** Set once escalated: whether the workflow start is still to be retried, and whether it failed. */
  workflow: z.optional(z.object({ startPending: z.boolean(), failed: z.boolean() })),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
