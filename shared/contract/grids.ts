import * as z from 'zod/mini';
import { defineRoute } from '../http/contract';
import { code, id, MASTER_DATA_WRITERS, name, pageOf, pageQuery, recordMeta } from './common';
import { distinctList } from './distinct-list';

/** Everyone who works the program; enterprises have no business with the grid layout. */
export const GRID_READERS = ['cadre', 'department', 'leader', 'operator', 'admin'] as const;

/** A team and its memberships are written in one transaction (at most 100 items, with room to spare). */
export const MAX_TEAM_MEMBERS = 50;

export const createGridBody = z.strictObject({ code, name, townUnitId: id });
export type CreateGridBody = z.output<typeof createGridBody>;

export const gridRecord = z.object({ ...recordMeta, ...createGridBody.shape });
export type Grid = z.output<typeof gridRecord>;

export const createTeamBody = z.strictObject({
  name,
  memberCadreIds: distinctList(id, MAX_TEAM_MEMBERS, 'Members').check(z.minLength(1)),
});
export type CreateTeamBody = z.output<typeof createTeamBody>;

export const teamRecord = z.object({
  ...recordMeta,
  gridId: id,
  ...createTeamBody.shape,
  /** Set by a team edit; null once cleared. */
  leaderCadreId: z.optional(z.nullable(id)),
});
export type Team = z.output<typeof teamRecord>;

const gridParams = z.strictObject({ gridId: id });

export const gridRoutes = {
  createGrid: defineRoute({
    method: 'POST',
    path: '/grids',
    area: 'grids',
    summary: 'Create an enterprise grid in a town',
    roles: MASTER_DATA_WRITERS,
    body: createGridBody,
    response: gridRecord,
    successStatus: 201,
    idempotency: 'optional',
  }),
  listGrids: defineRoute({
    method: 'GET',
    path: '/grids',
    area: 'grids',
    summary: 'List grids, optionally of one town',
    roles: GRID_READERS,
    query: z.strictObject({ townUnitId: z.optional(id), ...pageQuery }),
    response: pageOf(gridRecord),
  }),
  getGrid: defineRoute({
    method: 'GET',
    path: '/grids/{gridId}',
    area: 'grids',
    summary: 'Get one grid',
    roles: GRID_READERS,
    params: gridParams,
    response: gridRecord,
  }),
  createTeam: defineRoute({
    method: 'POST',
    path: '/grids/{gridId}/teams',
    area: 'grids',
    summary: 'Create a visit team of cadres in a grid',
    roles: MASTER_DATA_WRITERS,
    params: gridParams,
    body: createTeamBody,
    response: teamRecord,
    successStatus: 201,
    idempotency: 'optional',
  }),
  listTeams: defineRoute({
    method: 'GET',
    path: '/grids/{gridId}/teams',
    area: 'grids',
    summary: 'List the visit teams of a grid',
    roles: GRID_READERS,
    params: gridParams,
    query: z.strictObject(pageQuery),
    response: pageOf(teamRecord),
  }),
};
