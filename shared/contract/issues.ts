import * as z from 'zod/mini';
import {
  FOLLOW_UP_CHANNELS,
  FOLLOW_UP_OUTCOMES,
  ISSUE_STATUSES,
  RETURN_REASONS,
  UNHAPPY_REASONS,
  VERDICTS,
} from '../domain/issues/issue';
import { LEDGER_VISIBILITIES } from '../domain/issues/ledger-visibility';
import { type IssueAction, rolesFor } from '../domain/issues/permissions';
import { RAISING_ROLES } from '../domain/issues/raising';
import { TIMELINE_STEPS } from '../domain/issues/timeline';
import { defineRoute } from '../http/contract';
import { MAX_CO_UNITS } from './co-units';
import { ALL_ROLES, booleanQuery, id, pageOf, pageQuery, text } from './common';
import { distinctList } from './distinct-list';
import { raiseIssueBody } from './issue-input';
import { dueWorkingDays, issueRecord } from './issue-record';

const note = text(2000);

/** Everyone working in the program; an enterprise reads its issue's timeline instead. */
const LEDGER_READERS = ALL_ROLES.filter((role) => role !== 'enterprise');

export { type RaiseIssueBody, raiseIssueBody } from './issue-input';

/** Co-handling units (协办) named with an assignment, and the working days their parts get. */
const coUnitFields = {
  coUnitIds: z.optional(distinctList(id, MAX_CO_UNITS, 'Co-units')),
  coDueWorkingDays: z.optional(dueWorkingDays),
};
const leadIsNoCoUnit = z.refine<{ unitId?: string; coUnitIds?: string[] }>(
  (body) => !body.unitId || !(body.coUnitIds ?? []).includes(body.unitId),
  { path: ['coUnitIds'], message: 'The lead unit is not also a co-unit' },
);
const coUnitsNeedLead = z.refine<{ unitId?: string; coUnitIds?: string[]; coDueWorkingDays?: number }>(
  (body) =>
    body.unitId !== undefined || (body.coUnitIds === undefined && body.coDueWorkingDays === undefined),
  { path: ['coUnitIds'], message: 'Co-units are named with the lead unit' },
);

/** An empty body is allowed: escalating without a unit puts the issue in the dispatch queue. */
export const escalateBody = z._default(
  z
    .strictObject({ unitId: z.optional(id), dueWorkingDays: z.optional(dueWorkingDays), ...coUnitFields })
    .check(leadIsNoCoUnit, coUnitsNeedLead),
  {},
);
export const dispatchBody = z
  .strictObject({ unitId: id, dueWorkingDays: z.optional(dueWorkingDays), ...coUnitFields })
  .check(leadIsNoCoUnit);
export const resolutionBody = z.strictObject({ resolution: text(4000) });
/** The lead unit's resolution: with a reason when a co-unit's part is still missing. */
export const leadResolutionBody = z.strictObject({
  resolution: text(4000),
  missingCoReportsReason: z.optional(note),
});
export const noteBody = z.strictObject({ note });
export const returnBody = z.strictObject({ reasonCode: z.enum(RETURN_REASONS), note });
export const extensionBody = z.strictObject({
  workingDays: z.int().check(z.minimum(1), z.maximum(60)),
  reason: note,
});
const reasonOnlyWhenUnhappy = z.refine<{ verdict?: string; reason?: string }>(
  (body) => body.reason === undefined || body.verdict === 'unsatisfied',
  { path: ['reason'], message: 'A reason goes with an unsatisfied verdict only' },
);
export const feedbackBody = z
  .strictObject({
    verdict: z.enum(VERDICTS),
    /** 不满意 (`not_resolved`) or 不理解 (`not_understood`). */
    reason: z.optional(z.enum(UNHAPPY_REASONS)),
    comment: z.optional(note),
  })
  .check(reasonOnlyWhenUnhappy);
export const followUpBody = z
  .strictObject({
    channel: z.enum(FOLLOW_UP_CHANNELS),
    contact: text(100),
    outcome: z.enum(FOLLOW_UP_OUTCOMES),
    verdict: z.optional(z.enum(VERDICTS)),
    reason: z.optional(z.enum(UNHAPPY_REASONS)),
    note: z.optional(note),
  })
  .check(
    reasonOnlyWhenUnhappy,
    z.refine((body) => body.verdict === undefined || body.outcome === 'reached', {
      path: ['verdict'],
      message: 'A verdict is recorded only when the enterprise was reached',
    }),
    z.refine((body) => body.verdict !== 'unsatisfied' || body.reason !== undefined, {
      path: ['reason'],
      message: 'Say why the enterprise is unhappy: not_resolved or not_understood',
    }),
  );
export const coReportBody = z.strictObject({ text: text(4000) });
export const returnDecisionBody = z.strictObject({ accept: z.boolean(), reason: note });
export const duplicateOfBody = z.strictObject({ issueId: id });
const emptyBody = z._default(z.strictObject({}), {});
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
      actor: z.object({ sub: z.string(), role: z.string() }),
      action: z.string(),
      fromStatus: z.nullable(z.string()),
      toStatus: z.string(),
      data: z.record(z.string(), z.unknown()),
      unitId: z.optional(z.string()),
      /** `public` entries make the enterprise's timeline; `internal` ones stay with the program. */
      visibility: z.enum(LEDGER_VISIBILITIES),
      hash: z.string(),
    }),
  ),
  chain: z.object({ valid: z.boolean(), seq: z.optional(z.number()), reason: z.optional(z.string()) }),
});

export const timelineResponse = z.object({
  items: z.array(z.object({ at: z.string(), step: z.enum(TIMELINE_STEPS), text: z.string() })),
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
    summary:
      'The append-only history of an issue (台账) and whether its hash chain verifies; not for enterprises (their history is the timeline)',
    roles: LEDGER_READERS,
    params: issueParams,
    response: ledgerResponse,
  }),
  getIssueTimeline: defineRoute({
    method: 'GET',
    path: '/issues/{issueId}/timeline',
    area: 'issues',
    summary: 'The issue’s public steps in plain words (the only history an enterprise gets)',
    roles: ALL_ROLES,
    params: issueParams,
    response: timelineResponse,
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
  signFor: transition('sign_for', 'sign-for', 'Sign for the assignment (签收)', emptyBody),
  reportCoPart: transition(
    'co_report',
    'co-reports',
    'A co-handling unit reports its part (协办)',
    coReportBody,
  ),
  returnIssue: transition(
    'return',
    'return',
    'Ask to return the issue (退单): the office decides, or a leader for a second return',
    returnBody,
  ),
  decideReturn: transition(
    'decide_return',
    'return-decision',
    'Decide a return request: accept (awaiting dispatch) or reject (the unit keeps it, deadline unchanged)',
    returnDecisionBody,
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
    'Report the resolution: awaiting the verdict (a missing co-unit part needs a reason)',
    leadResolutionBody,
  ),
  giveFeedback: transition(
    'feedback',
    'feedback',
    "The enterprise's verdict: close, re-review, or consultation",
    feedbackBody,
  ),
  recordFollowUp: transition(
    'follow_up',
    'follow-ups',
    'Record a follow-up attempt (回访); reached with a verdict, it records the verdict for the enterprise',
    followUpBody,
  ),
  closeNoResponse: transition(
    'close_unreached',
    'close-no-response',
    'Close as no_response after the policy’s unsuccessful follow-ups on different working days, or the deadline',
    emptyBody,
  ),
  markDuplicate: transition(
    'mark_duplicate',
    'duplicate-of',
    'Close as a duplicate of another issue (counted once)',
    duplicateOfBody,
  ),
  markUnreasonable: transition(
    'mark_unreasonable',
    'mark-unreasonable',
    'Mark as an unreasonable demand (不合理诉求): excluded from the rankings’ rates, reported apart',
    markUnreasonableBody,
  ),
};
