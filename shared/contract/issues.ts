import * as z from 'zod/mini';
import { RETURN_REASONS, UNHAPPY_REASONS, VERDICTS } from '../domain/issues/issue';
import { RAISING_ROLES } from '../domain/issues/raising';
import { defineRoute } from '../http/contract';
import { text } from './common';
import { raiseIssueBody } from './issue-input';
import { issueRecord } from './issue-record';
import { note, reasonOnlyWhenUnhappy, transition } from './issue-transition';

export { type RaiseIssueBody, raiseIssueBody } from './issue-input';

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
export const feedbackBody = z
  .strictObject({
    verdict: z.enum(VERDICTS),
    /** 不满意 (`not_resolved`) or 不理解 (`not_understood`). */
    reason: z.optional(z.enum(UNHAPPY_REASONS)),
    comment: z.optional(note),
  })
  .check(reasonOnlyWhenUnhappy);
export const markUnreasonableBody = z.strictObject({ reason: note });

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
  resolveOnSpot: transition('resolve_on_spot', 'resolve-on-spot', 'Resolve on the spot', resolutionBody),
  reportProgress: transition('progress', 'progress', 'Report progress (a ledger entry only)', noteBody),
  returnIssue: transition(
    'return',
    'return',
    'Ask to return the issue (退单): the office decides, or a leader for a second return',
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
    'Report the resolution: awaiting the verdict (a missing co-unit part needs a reason)',
    leadResolutionBody,
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
