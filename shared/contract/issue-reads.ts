import * as z from 'zod/mini';
import { ISSUE_SOURCES, ISSUE_STATUSES, ISSUE_TYPES } from '../domain/issues/issue';
import { LEDGER_VISIBILITIES } from '../domain/issues/ledger-visibility';
import { TIMELINE_STEPS } from '../domain/issues/timeline';
import { defineRoute } from '../http/contract';
import { ALL_ROLES, booleanQuery, id, isoDate, pageOf, pageQuery, text } from './common';
import { issueRecord } from './issue-record';
import { issueParams } from './issue-transition';

/** Everyone working in the program; an enterprise reads its issue's timeline instead. */
const LEDGER_READERS = ALL_ROLES.filter((role) => role !== 'enterprise');

export const listIssuesQuery = z.strictObject({
  status: z.optional(z.enum(ISSUE_STATUSES)),
  unitId: z.optional(id),
  enterpriseId: z.optional(id),
  overdue: z.optional(booleanQuery),
  category: z.optional(text(50)),
  type: z.optional(z.enum(ISSUE_TYPES)),
  source: z.optional(z.enum(ISSUE_SOURCES)),
  townUnitId: z.optional(id),
  gridId: z.optional(id),
  /** Raised on or after this program date. */
  from: z.optional(isoDate),
  /** Raised on or before this program date. */
  to: z.optional(isoDate),
  /** The supervision card (督办牌) the issue's assignment carries. */
  card: z.optional(z.enum(['blue', 'yellow', 'red'])),
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

export const issueReadRoutes = {
  listIssues: defineRoute({
    method: 'GET',
    path: '/issues',
    area: 'issue-reads',
    summary:
      'List the issues in your scope, newest first, by status, unit, enterprise, overdue, category, type, source, town, grid, raised-on period or card',
    roles: ALL_ROLES,
    query: listIssuesQuery,
    response: pageOf(issueRecord),
  }),
  getIssue: defineRoute({
    method: 'GET',
    path: '/issues/{issueId}',
    area: 'issue-reads',
    summary: 'Get one issue with its assignment, re-reviews, consultation and execution',
    roles: ALL_ROLES,
    params: issueParams,
    response: issueRecord,
  }),
  getIssueLedger: defineRoute({
    method: 'GET',
    path: '/issues/{issueId}/ledger',
    area: 'issue-reads',
    summary:
      'The append-only history of an issue (台账) and whether its hash chain verifies; not for enterprises (their history is the timeline)',
    roles: LEDGER_READERS,
    params: issueParams,
    response: ledgerResponse,
  }),
  getIssueTimeline: defineRoute({
    method: 'GET',
    path: '/issues/{issueId}/timeline',
    area: 'issue-reads',
    summary: 'The issue’s public steps in plain words (the only history an enterprise gets)',
    roles: ALL_ROLES,
    params: issueParams,
    response: timelineResponse,
  }),
};
