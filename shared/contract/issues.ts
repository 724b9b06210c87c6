import * as z from 'zod/mini';
import { ISSUE_STATUSES, RETURN_REASONS, VERDICTS } from '../domain/issues/issue';
import { type IssueAction, rolesFor } from '../domain/issues/permissions';
import { RAISING_ROLES } from '../domain/issues/raising';
import { defineRoute } from '../http/contract';
import { ALL_ROLES, booleanQuery, id, pageOf, pageQuery, text } from './common';
import { raiseIssueBody } from './issue-input';
import { dueWorkingDays, issueRecord } from './issue-record';

const note = text(2000);

export { type RaiseIssueBody, raiseIssueBody } from './issue-input';

/** An empty body is allowed: escalating without a unit puts the issue in the dispatch queue. */
export const escalateBody = z._default(
  z.strictObject({ unitId: z.optional(id), dueWorkingDays: z.optional(dueWorkingDays) }),
  {},
);
export const dispatchBody = z.strictObject({ unitId: id, dueWorkingDays: z.optional(dueWorkingDays) });
export const resolutionBody = z.strictObject({ resolution: text(4000) });
export const noteBody = z.strictObject({ note });
export const returnBody = z.strictObject({ reasonCode: z.enum(RETURN_REASONS), note });
export const extensionBody = z.strictObject({
  workingDays: z.int().check(z.minimum(1), z.maximum(60)),
  reason: note,
});
export const feedbackBody = z.strictObject({ verdict: z.enum(VERDICTS), comment: z.optional(note) });
export const markUnreasonableBody = z.strictObject({ reason: note });

export const listIssuesQuery = z.strictObject({
  status: z.optional(z.enum(ISSUE_STATUSES)),
  unitId: z.optional(id),
  enterpriseId: z.optional(id),
  overdue: z.optional(booleanQuery),
  ...pageQuery,
});

export const ledgerResponse = z.object({
  items: z.array(
    z.object({
      seq: z.number(),
      at: z.string(),
      /** `sub` is absent for an enterprise viewer when the actor is an official. */
      actor: z.object({ sub: z.optional(z.string()), role: z.string() }),
      action: z.string(),
      fromStatus: z.nullable(z.string()),
      toStatus: z.string(),
      data: z.record(z.string(), z.unknown()),
      unitId: z.optional(z.string()),
      hash: z.string(),
    }),
  ),
  chain: z.object({ valid: z.boolean(), seq: z.optional(z.number()), reason: z.optional(z.string()) }),
});

const issueParams = z.strictObject({ issueId: id });

/** A change to an existing issue: answers the issue as it now is. */
const transition = <B extends z.core.$ZodType | undefined>(
  action: IssueAction,
  path: string,
  summary: string,
  body: B,
) =>
  defineRoute({
    method: 'POST',
    path: `/issues/{issueId}/${path}`,
    area: 'issues',
    summary,
    roles: rolesFor(action),
    params: issueParams,
    body,
    response: issueRecord,
  });

export const issueRoutes = {
  raiseIssue: defineRoute({
    method: 'POST',
    path: '/issues',
    area: 'issues',
    summary: 'Raise an issue for an enterprise (its own, a cadre’s grid, or any for the service centre)',
    roles: RAISING_ROLES,
    body: raiseIssueBody,
    response: issueRecord,
    successStatus: 201,
    idempotency: 'required',
  }),
  listIssues: defineRoute({
    method: 'GET',
    path: '/issues',
    area: 'issues',
    summary: 'List the issues in your scope, newest first, by status, unit, enterprise or overdue',
    roles: ALL_ROLES,
    query: listIssuesQuery,
    response: pageOf(issueRecord),
  }),
  getIssue: defineRoute({
    method: 'GET',
    path: '/issues/{issueId}',
    area: 'issues',
    summary: 'Get one issue with its assignment, re-reviews, consultation and execution',
    roles: ALL_ROLES,
    params: issueParams,
    response: issueRecord,
  }),
  getIssueLedger: defineRoute({
    method: 'GET',
    path: '/issues/{issueId}/ledger',
    area: 'issues',
    summary: 'The append-only history of an issue (台账) and whether its hash chain verifies',
    roles: ALL_ROLES,
    params: issueParams,
    response: ledgerResponse,
  }),
  resolveOnSpot: transition('resolve_on_spot', 'resolve-on-spot', 'Resolve on the spot', resolutionBody),
  escalateIssue: transition(
    'escalate',
    'escalate',
    'Escalate: start the workflow, assigned to a unit or awaiting dispatch',
    escalateBody,
  ),
  dispatchIssue: transition(
    'dispatch',
    'dispatch',
    'Dispatch to a unit (first dispatch or after a return)',
    dispatchBody,
  ),
  reportProgress: transition('progress', 'progress', 'Report progress (a ledger entry only)', noteBody),
  returnIssue: transition(
    'return',
    'return',
    'Return the issue (退单): back to awaiting dispatch',
    returnBody,
  ),
  requestConsultation: transition(
    'request_consultation',
    'request-consultation',
    'Ask for the half-monthly consultation',
    noteBody,
  ),
  requestExtension: transition('request_extension', 'extension', 'Ask for more working days', extensionBody),
  approveExtension: transition(
    'approve_extension',
    'extension/approve',
    'Approve the pending extension',
    undefined,
  ),
  resolveIssue: transition(
    'resolve',
    'resolution',
    'Report the resolution: awaiting the verdict',
    resolutionBody,
  ),
  giveFeedback: transition(
    'feedback',
    'feedback',
    "The enterprise's verdict: close, re-review, or consultation",
    feedbackBody,
  ),
  markUnreasonable: transition(
    'mark_unreasonable',
    'mark-unreasonable',
    'Mark as an unreasonable demand (不合理诉求): excluded from the rankings’ rates, reported apart',
    markUnreasonableBody,
  ),
};
