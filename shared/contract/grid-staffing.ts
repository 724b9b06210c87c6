import * as z from 'zod/mini';
import { defineRoute } from '../http/contract';
import { id, MASTER_DATA_WRITERS, text } from './common';
import { distinctList } from './distinct-list';
import { GRID_READERS, teamRecord } from './grids';

/**
 * Grid staffing (全部下沉, docs/grid-staffing.md): each unit's share of cadres in visit teams, the
 * enterprise-facing cadres in no team, and team edits with their history. Served by the `grids` area.
 */
const STAFFING_READERS = ['department', 'leader', 'operator', 'admin'] as const;

/** An edit writes the team, its history entry and one membership per member moved: at most 82 items. */
export const MAX_MEMBERS_MOVED = 40;

export const teamEditBody = z
  .strictObject({
    addCadreIds: z.optional(distinctList(id, MAX_MEMBERS_MOVED, 'Members to add')),
    removeCadreIds: z.optional(distinctList(id, MAX_MEMBERS_MOVED, 'Members to remove')),
    /** A member to lead the team, or null for none. */
    leaderCadreId: z.optional(z.nullable(id)),
    /** Why (kept in the history). */
    reason: text(1000),
  })
  .check(
    z.refine(
      (edit) => edit.addCadreIds?.length || edit.removeCadreIds?.length || edit.leaderCadreId !== undefined,
      {
        message: 'Add or remove members, or name the leader',
      },
    ),
  );
export type TeamEditBody = z.output<typeof teamEditBody>;

export const teamEditRecord = z.object({
  teamId: z.string(),
  gridId: z.string(),
  /** The team version the edit made. */
  version: z.number(),
  at: z.string(),
  by: z.object({ sub: z.string(), role: z.string() }),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  leaderFrom: z.nullable(z.string()),
  leaderTo: z.nullable(z.string()),
  reason: z.string(),
});
export type TeamEdit = z.output<typeof teamEditRecord>;

const person = z.object({ cadreId: z.string(), name: z.string(), unitId: z.string() });

export const staffingReport = z.object({
  unitId: z.string(),
  unitName: z.string(),
  kind: z.enum(['department', 'town']),
  category: z.optional(z.enum(['class1', 'class2'])),
  rule: z.enum(['two_thirds', 'one_third', 'every_enterprise_facing']),
  staff: z.number(),
  enterpriseFacing: z.number(),
  required: z.number(),
  placed: z.number(),
  shortfall: z.number(),
  /** Who is missing: a town's enterprise-facing cadres in no team, a short department's unplaced cadres. */
  missing: z.array(person),
});

const teamParams = z.strictObject({ gridId: id, teamId: id });

export const gridStaffingRoutes = {
  getTeam: defineRoute({
    method: 'GET',
    path: '/grids/{gridId}/teams/{teamId}',
    area: 'grids',
    summary: 'One visit team',
    roles: GRID_READERS,
    params: teamParams,
    response: teamRecord,
  }),
  editTeam: defineRoute({
    method: 'PATCH',
    path: '/grids/{gridId}/teams/{teamId}',
    area: 'grids',
    summary: 'Add and remove members or name the leader of a visit team, with a reason (If-Match)',
    roles: MASTER_DATA_WRITERS,
    params: teamParams,
    body: teamEditBody,
    response: teamRecord,
    ifMatch: true,
  }),
  teamHistory: defineRoute({
    method: 'GET',
    path: '/grids/{gridId}/teams/{teamId}/history',
    area: 'grids',
    summary: "A team's edits, oldest first",
    roles: GRID_READERS,
    params: teamParams,
    response: z.object({ items: z.array(teamEditRecord), nextCursor: z.null() }),
  }),
  unitStaffing: defineRoute({
    method: 'GET',
    path: '/units/{unitId}/grid-staffing',
    area: 'grids',
    summary: "A unit's grid staffing: required by the rule, placed, and the names missing",
    roles: STAFFING_READERS,
    params: z.strictObject({ unitId: id }),
    response: staffingReport,
  }),
  unplacedCadres: defineRoute({
    method: 'GET',
    path: '/grid-staffing/unplaced',
    area: 'grids',
    summary: 'Enterprise-facing cadres in no visit team, optionally of one unit',
    roles: STAFFING_READERS,
    query: z.strictObject({ unitId: z.optional(id) }),
    response: z.object({ items: z.array(person), nextCursor: z.null() }),
  }),
};
